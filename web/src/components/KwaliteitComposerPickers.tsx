import {
  Button,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from "@utrecht/component-library-react";
import { useEffect, useMemo, useState } from "react";
import { getCached, qs, request, useApi } from "../lib/api.ts";
import { lawLabel } from "../lib/labels.ts";
import {
  type Addressee,
  addresseeLabel,
  type CriterionHit,
  elementLabel,
  elements,
  type FrameworkItem,
  type Nature,
  natureLabel,
  type Segment,
  segmentText,
} from "../lib/quality.ts";
import type { ProductDetail, Productenboek, ProductSummary, SearchPage } from "../lib/types.ts";
import { KwaliteitStatus } from "./KwaliteitBits.tsx";
import { TableWrap } from "./TableWrap.tsx";

/** Moves the focus to an element once it has been rendered (after adding or removing something). */
export function useFocusLater(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (!target) return;
    const el = document.getElementById(target.id);
    if (el) {
      if (!el.matches("a, button, input, select, textarea, [tabindex]")) el.setAttribute("tabindex", "-1");
      el.focus();
    }
  }, [target]);
  return (id: string) => setTarget({ id });
}

/** Runs `load` for a search term after the user stops typing; null while there is nothing to search. */
function useDebounced<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): { busy: boolean; data: T | null; failed: boolean } {
  const [state, setState] = useState<{ key: string | null; busy: boolean; data: T | null; failed: boolean }>({
    key: null,
    busy: false,
    data: null,
    failed: false,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` describes everything `load` depends on
  useEffect(() => {
    if (key === null) {
      setState({ key: null, busy: false, data: null, failed: false });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, key, busy: true }));
    const t = setTimeout(() => {
      load(ctrl.signal).then(
        (data) => !ctrl.signal.aborted && setState({ key, busy: false, data, failed: false }),
        (e: unknown) => !ctrl.signal.aborted && (e as Error).name !== "AbortError" && setState({ key, busy: false, data: null, failed: true }),
      );
    }, 300);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [key]);
  return state;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// ------------------------------------------------------------------------------------------------ products

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
            <FormField
              label={<FormLabel htmlFor="c-prod-q">Product zoeken</FormLabel>}
              description={<span id="c-prod-q-hint">Naam of productcode, bijvoorbeeld "dagbesteding" of "02A03" (minstens 2 tekens)</span>}
              input={
                <Textbox
                  id="c-prod-q"
                  type="search"
                  autoComplete="off"
                  maxLength={200}
                  aria-describedby="c-prod-q-hint"
                  value={q}
                  onChange={(e) => setQ(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") e.preventDefault();
                  }}
                />
              }
            />
            <FormField
              label={<FormLabel htmlFor="c-prod-law">Wet</FormLabel>}
              input={
                <Select id="c-prod-law" value={law} onChange={(e) => setLaw(e.target.value)}>
                  <SelectOption value="">Alle wetten</SelectOption>
                  <SelectOption value="wmo">Wmo 2015</SelectOption>
                  <SelectOption value="jeugdwet">Jeugdwet</SelectOption>
                </Select>
              }
            />
            <FormField
              label={<FormLabel htmlFor="c-prod-boek">Productenboek</FormLabel>}
              input={
                <Select id="c-prod-boek" value={book} onChange={(e) => setBook(e.target.value)}>
                  <SelectOption value="">Alle productenboeken</SelectOption>
                  {(books.state === "ok" ? books.data.items : []).map((b) => (
                    <SelectOption key={b.id} value={b.id}>
                      {b.title}
                    </SelectOption>
                  ))}
                </Select>
              }
            />
          </div>
          <p role="status" className="utrecht-paragraph kader-muted" data-testid="product-zoek-status">
            {key === null
              ? ""
              : found.busy
                ? "Zoeken…"
                : found.failed
                  ? "Zoeken mislukt; probeer het opnieuw."
                  : found.data
                    ? found.data.total === 0
                      ? "Geen producten gevonden."
                      : `${count(found.data.total, "product", "producten")} gevonden${found.data.total > found.data.items.length ? `, de eerste ${found.data.items.length} getoond` : ""}.`
                    : ""}
          </p>
          {key !== null && found.data && found.data.items.length > 0 ? (
            <TableWrap label="Gevonden producten">
              <Table className={`kader-table${found.busy ? " kader-busy" : ""}`} data-testid="product-resultaten">
                <TableCaption className="kader-visually-hidden">Gevonden producten om toe te voegen</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Code</TableHeaderCell>
                    <TableHeaderCell scope="col">Naam</TableHeaderCell>
                    <TableHeaderCell scope="col">Wet</TableHeaderCell>
                    <TableHeaderCell scope="col">Productenboek</TableHeaderCell>
                    <TableHeaderCell scope="col">Toevoegen</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {found.data.items.map((p, i) => (
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
                        {chosen.includes(p.id) ? (
                          <span className="kader-muted" id={`c-prod-res-${i}`} tabIndex={-1}>
                            al gekozen
                          </span>
                        ) : (
                          <Button
                            appearance="secondary-action-button"
                            aria-label={`Toevoegen: product ${p.productcode ? `${p.productcode} ` : ""}${p.name}`}
                            onClick={() => add(p, i)}
                          >
                            Toevoegen
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableWrap>
          ) : null}
        </search>
      ) : null}
    </>
  );
}

// ------------------------------------------------------------------------------------------------ criteria

type CritFilters = { q: string; kader: string; element: string; segment: string; wet: string; adressaat: string; aard: string; begrip: string };
/** "concept": every segment chosen in the draft (one search per segment, merged) */
const CONCEPT = "concept";

/** Searches the library with the library page's filters, the draft's segments preselected; "Toevoegen" per criterion. */
export function CriterionPicker({
  segments,
  frameworks,
  chosenSegments,
  has,
  onAdd,
}: {
  segments: Segment[];
  frameworks: FrameworkItem[];
  chosenSegments: string[];
  has: (kader: number, criterium: string) => boolean;
  onAdd: (h: CriterionHit) => void;
}) {
  const [f, setF] = useState<CritFilters>({
    q: "",
    kader: "",
    element: "",
    segment: chosenSegments.length ? CONCEPT : "",
    wet: "",
    adressaat: "",
    aard: "",
    begrip: "",
  });
  // when the draft gets (or loses) its segments, the filter follows unless the user chose another
  const segKey = chosenSegments.join(",");
  useEffect(() => {
    setF((x) => (x.segment === "" && segKey ? { ...x, segment: CONCEPT } : x.segment === CONCEPT && !segKey ? { ...x, segment: "" } : x));
  }, [segKey]);
  const set = (k: keyof CritFilters) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const focusLater = useFocusLater();
  const term = f.q.trim();
  const segList = f.segment === CONCEPT ? chosenSegments : f.segment ? [f.segment] : [null];
  const base = {
    q: term.length >= 2 ? term : null,
    kader: f.kader,
    element: f.element,
    wet: f.wet,
    adressaat: f.adressaat,
    aard: f.aard,
    begrip: f.begrip,
    limit: 100,
  };
  const active = !!(base.q || f.kader || f.element || f.wet || f.adressaat || f.aard || f.begrip || segList[0]);
  const concepts = useApi<{ items: { id: string; naam: string; criteria: unknown[] }[] }>("/kwaliteitskaders/begrippen");
  const key = active ? segList.map((s) => qs({ ...base, segment: s })).join(" ") : null;
  const found = useDebounced(key, async (signal) => {
    const pages = await Promise.all(
      segList.map((s) => request<{ items: CriterionHit[]; total: number }>(`/kwaliteitskaders/criteria${qs({ ...base, segment: s })}`, { signal })),
    );
    const byKey = new Map<string, CriterionHit>();
    for (const p of pages) for (const h of p.items) byKey.set(`${h.kader}.${h.criterium}`, h);
    const items = [...byKey.values()];
    if (pages.length > 1) items.sort((a, b) => a.kader - b.kader || a.regel - b.regel);
    return { items, capped: pages.some((p) => p.total > p.items.length), total: pages.length === 1 ? pages[0]!.total : items.length };
  });

  const select = (k: keyof CritFilters, label: string, options: [string, string][], all = "Alle") => (
    <FormField
      label={<FormLabel htmlFor={`c-crit-${k}`}>{label}</FormLabel>}
      input={
        <Select id={`c-crit-${k}`} value={f[k]} onChange={set(k)}>
          <SelectOption value="">{all}</SelectOption>
          {options.map(([v, l]) => (
            <SelectOption key={v} value={v}>
              {l}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
  const chosenNames = chosenSegments.map((s) => segments.find((x) => x.id === s)).filter((x): x is Segment => !!x);

  return (
    <search aria-label="Bibliotheek van kwaliteitscriteria doorzoeken">
      <div className="kader-filters">
        <FormField
          label={<FormLabel htmlFor="c-crit-q">Zoek in de criteria</FormLabel>}
          description={<span id="c-crit-q-hint">Een woord uit het criterium, bijvoorbeeld "klachten" of "meldcode"</span>}
          input={
            <Textbox
              id="c-crit-q"
              type="search"
              autoComplete="off"
              maxLength={200}
              aria-describedby="c-crit-q-hint"
              value={f.q}
              onChange={set("q")}
              onKeyDown={(e) => {
                if (e.key === "Enter") e.preventDefault();
              }}
            />
          }
        />
        {select("kader", "Kwaliteitskader", frameworkOptions(frameworks), "Alle kaders")}
        {select(
          "element",
          "Element",
          elements.map((e) => [e, elementLabel[e]]),
        )}
        {select(
          "segment",
          "Inkoopsegment",
          [
            ...(chosenNames.length
              ? ([[CONCEPT, `Segmenten van dit programma (${chosenNames.map((s) => segmentText(s)).join(", ")})`]] as [string, string][])
              : []),
            ...segments.map((s): [string, string] => [s.id, segmentText(s)]),
          ],
          "Alle segmenten",
        )}
        {select("wet", "Wet", [
          ["wmo", "Wmo 2015"],
          ["jeugdwet", "Jeugdwet"],
        ])}
        {select(
          "adressaat",
          "Gericht aan",
          (Object.keys(addresseeLabel) as Addressee[]).map((a) => [a, addresseeLabel[a]]),
        )}
        {select(
          "aard",
          "Aard",
          (Object.keys(natureLabel) as Nature[]).map((a) => [a, natureLabel[a]]),
        )}
        {select(
          "begrip",
          "Begrip (over alle kaders)",
          concepts.state === "ok" ? concepts.data.items.map((b): [string, string] => [b.id, `${b.naam} (${b.criteria.length})`]) : [],
        )}
      </div>
      <p role="status" className="utrecht-paragraph kader-muted" data-testid="criterium-zoek-status">
        {key === null
          ? "Kies een filter of typ een zoekwoord om criteria te zoeken."
          : found.busy
            ? "Zoeken…"
            : found.failed
              ? "Zoeken mislukt; controleer de zoekterm en probeer het opnieuw."
              : found.data
                ? found.data.items.length === 0
                  ? "Geen criteria gevonden. Probeer een ander woord of minder filters."
                  : `${count(found.data.total, "criterium", "criteria")} gevonden${found.data.capped ? `, de eerste ${found.data.items.length} getoond; verfijn de zoekopdracht` : ""}.`
                : ""}
      </p>
      {key !== null && found.data && found.data.items.length > 0 ? (
        <TableWrap label="Gevonden criteria">
          <Table className={`kader-table${found.busy ? " kader-busy" : ""}`} data-testid="criterium-resultaten">
            <TableCaption className="kader-visually-hidden">Gevonden criteria om toe te voegen</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Kader</TableHeaderCell>
                <TableHeaderCell scope="col">Element</TableHeaderCell>
                <TableHeaderCell scope="col">Criterium</TableHeaderCell>
                <TableHeaderCell scope="col">Voor</TableHeaderCell>
                <TableHeaderCell scope="col">Toevoegen</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {found.data.items.map((h, i) => (
                <TableRow key={`${h.kader}.${h.criterium}`}>
                  <TableCell>
                    {h.kader}. {h.kaderTitel} {h.vervallen ? <KwaliteitStatus status="lapsed" /> : null}
                  </TableCell>
                  <TableCell>{elementLabel[h.element]}</TableCell>
                  <TableCell>
                    {h.tekst} <span className="kader-muted kader-code">({h.criterium})</span>
                  </TableCell>
                  <TableCell>{addresseeLabel[h.adressaat]}</TableCell>
                  <TableCell>
                    {has(h.kader, h.criterium) ? (
                      <span className="kader-muted" id={`c-crit-res-${i}`} tabIndex={-1}>
                        toegevoegd
                      </span>
                    ) : (
                      <Button
                        appearance="secondary-action-button"
                        aria-label={`Toevoegen: criterium ${h.criterium} van kader ${h.kader}${h.vervallen ? " (vervallen kader)" : ""}`}
                        onClick={() => {
                          onAdd(h);
                          focusLater(`c-crit-res-${i}`);
                        }}
                      >
                        Toevoegen
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      ) : null}
    </search>
  );
}

/** Criterion id → text for the frameworks the draft refers to (the framework detail, loaded once per framework). */
export function useCriterionTexts(nrs: number[]): Record<string, Record<string, string>> {
  const key = [...new Set(nrs)].sort((a, b) => a - b).join(",");
  const [texts, setTexts] = useState<Record<string, Record<string, string>>>({});
  useEffect(() => {
    let live = true;
    for (const nr of key ? key.split(",") : []) {
      getCached<{ criteria: { id: string; tekst: string }[] }>(`/kwaliteitskaders/${nr}`).then(
        (f) => live && setTexts((t) => (t[nr] ? t : { ...t, [nr]: Object.fromEntries(f.criteria.map((c) => [c.id, c.tekst])) })),
        () => {},
      );
    }
    return () => {
      live = false;
    };
  }, [key]);
  return texts;
}

/** The frameworks as options for a select, lapsed ones marked in the text. */
export const frameworkOptions = (fw: FrameworkItem[]) =>
  fw.map((f): [string, string] => [String(f.nr), `${f.nr}. ${f.titel}${f.waarschuwing ? " (vervallen)" : ""}`]);

/** Criteria of one framework for the deviation select (id and the start of the text). */
export function useFrameworkCriteria(nr: number): { id: string; tekst: string }[] {
  const r = useApi<{ criteria: { id: string; tekst: string }[] }>(`/kwaliteitskaders/${nr}`);
  return useMemo(() => (r.state === "ok" ? r.data.criteria.map((c) => ({ id: c.id, tekst: c.tekst })) : []), [r]);
}
