import { Button, Heading, Paragraph, TableCell, TableRow } from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import { getCached, qs, request, useApi } from "../../lib/api.ts";
import { lawLabel } from "../../lib/labels.ts";
import type { ProductDetail, Productenboek, ProductSummary, SearchPage } from "../../lib/types.ts";
import { SelectField } from "../SelectField.tsx";
import { useDebounced, useFocusLater } from "./hooks.ts";
import { AddButton, count, lawOptions, SearchField, SearchResults } from "./SearchResults.tsx";

function ChosenProduct({ id, known, editable, onRemove }: { id: string; known: ProductSummary | undefined; editable: boolean; onRemove: () => void }) {
  const [loaded, setLoaded] = useState<ProductSummary | null | "missing">(null);
  useEffect(() => {
    if (known) return;
    let live = true;
    getCached<ProductDetail>(`/products/${encodeURIComponent(id)}`).then(
      (d) => live && setLoaded(d.summary),
      () => live && setLoaded("missing"),
    );
    return () => {
      live = false;
    };
  }, [id, known]);
  const p = known ?? (loaded && loaded !== "missing" ? loaded : null);
  const books = useApi<{ items: Productenboek[] }>("/productenboeken");
  const book = p && books.state === "ok" ? (books.data.items.find((b) => b.id === p.productenboekId)?.title ?? p.productenboekId) : (p?.productenboekId ?? "");
  const name = p ? `${p.productcode ?? "geen code"} ${p.name}` : id;
  return (
    <li data-testid="gekozen-product">
      <span>
        <span className="kader-code">{p?.productcode ?? "—"}</span> <strong>{p?.name ?? id}</strong>
        {p?.variant ? ` – ${p.variant}` : ""}
        {p ? (
          <span className="kader-muted">
            {" "}
            · {lawLabel[p.law] ?? p.law} · {book}
          </span>
        ) : loaded === "missing" ? (
          <span className="kader-error-text"> · staat niet (meer) in de catalogus</span>
        ) : null}
      </span>
      {editable ? (
        <Button appearance="subtle-button" aria-label={`Verwijderen: product ${name}`} onClick={onRemove}>
          Verwijderen
        </Button>
      ) : null}
    </li>
  );
}

/** Search-as-you-type over the catalogue; chosen products are listed with a remove button. */
export function ProductPicker({ chosen, onChange, editable }: { chosen: string[]; onChange: (ids: string[]) => void; editable: boolean }) {
  const [q, setQ] = useState("");
  const [law, setLaw] = useState("");
  const [book, setBook] = useState("");
  const [known, setKnown] = useState<Record<string, ProductSummary>>({});
  const books = useApi<{ items: Productenboek[] }>("/productenboeken");
  const focusLater = useFocusLater();
  const term = q.trim();
  const key = term.length >= 2 || book ? qs({ q: term.length >= 2 ? term : null, law, productenboek: book, limit: 10 }) : null;
  const found = useDebounced(key, (signal) => request<SearchPage>(`/products${key}`, { signal }));
  const bookTitle = (id: string) => (books.state === "ok" ? (books.data.items.find((b) => b.id === id)?.title ?? id) : id);

  const add = (p: ProductSummary, i: number) => {
    setKnown((k) => ({ ...k, [p.id]: p }));
    onChange([...chosen, p.id]);
    focusLater(`c-prod-res-${i}`);
  };
  const remove = (id: string) => {
    onChange(chosen.filter((x) => x !== id));
    focusLater(editable && chosen.length <= 1 ? "c-prod-q" : "c-producten-h");
  };

  return (
    <>
      <Heading level={3} id="c-producten-h">
        Gekozen producten
      </Heading>
      {chosen.length === 0 ? (
        <Paragraph className="kader-muted">Nog geen producten gekozen.</Paragraph>
      ) : (
        <ul className="kader-picked" aria-labelledby="c-producten-h" data-testid="gekozen-producten">
          {chosen.map((id) => (
            <ChosenProduct key={id} id={id} known={known[id]} editable={editable} onRemove={() => remove(id)} />
          ))}
        </ul>
      )}
      {editable ? (
        <search aria-label="Catalogus doorzoeken">
          <div className="kader-filters">
            <SearchField
              id="c-prod-q"
              label="Product zoeken"
              hint={`Naam of productcode, bijvoorbeeld "dagbesteding" of "02A03" (minstens 2 tekens)`}
              value={q}
              onChange={setQ}
            />
            <SelectField id="c-prod-law" label="Wet" all="Alle wetten" value={law} onChange={setLaw} options={lawOptions} />
            <SelectField
              id="c-prod-boek"
              label="Productenboek"
              all="Alle productenboeken"
              value={book}
              onChange={setBook}
              options={(books.state === "ok" ? books.data.items : []).map((b): [string, string] => [b.id, b.title])}
            />
          </div>
          <SearchResults
            statusId="product-zoek-status"
            searching={key !== null}
            found={found}
            failed="Zoeken mislukt; probeer het opnieuw."
            result={(d) =>
              d.total === 0
                ? "Geen producten gevonden."
                : `${count(d.total, "product", "producten")} gevonden${d.total > d.items.length ? `, de eerste ${d.items.length} getoond` : ""}.`
            }
            label="Gevonden producten"
            testId="product-resultaten"
            columns={["Code", "Naam", "Wet", "Productenboek", "Toevoegen"]}
          >
            {(items) =>
              items.map((p, i) => (
                <TableRow key={p.id}>
                  <TableCell>
                    <span className="kader-code">{p.productcode ?? "—"}</span>
                  </TableCell>
                  <TableCell>
                    {p.name}
                    {p.variant ? <span className="kader-muted"> – {p.variant}</span> : null}
                  </TableCell>
                  <TableCell>{lawLabel[p.law] ?? p.law}</TableCell>
                  <TableCell>{bookTitle(p.productenboekId)}</TableCell>
                  <TableCell>
                    <AddButton
                      id={`c-prod-res-${i}`}
                      added={chosen.includes(p.id)}
                      addedText="al gekozen"
                      label={`Toevoegen: product ${p.productcode ? `${p.productcode} ` : ""}${p.name}`}
                      onAdd={() => add(p, i)}
                    />
                  </TableCell>
                </TableRow>
              ))
            }
          </SearchResults>
        </search>
      ) : null}
    </>
  );
}
