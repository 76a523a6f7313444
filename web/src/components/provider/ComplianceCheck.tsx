import { ButtonLink, Heading, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useState } from "react";
import { API, qs, useApi } from "../../lib/api.ts";
import { formatDate } from "../../lib/labels.ts";
import { navigate, useLocation } from "../../lib/router.tsx";
import type { ComplianceReport, Productenboek } from "../../lib/types.ts";
import { SummaryText } from "../Compliance.tsx";
import { FilterForm } from "../FilterForm.tsx";
import { Loading, ProblemAlert } from "../ProblemAlert.tsx";
import { SelectField } from "../SelectField.tsx";
import { TextField } from "../TextField.tsx";
import { ProductMatrix } from "./ProductMatrix.tsx";

/** The check at a peildatum: form, summary, Excel download and the product × requirement matrix. */
export function ComplianceCheck({ agb, reload }: { agb: string; reload: number }) {
  const { pathname, search } = useLocation();
  const applied = { peildatum: search.get("peildatum") ?? "", productenboek: search.get("productenboek") ?? "" };
  // null: untouched, so the field shows the applied value (or the server's today, which the first answer names)
  const [peil, setPeil] = useState<string | null>(null);
  const [book, setBook] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new URL (back, forward, submit) resets the fields
  useEffect(() => {
    setPeil(null);
    setBook(null);
  }, [search]);
  const report = useApi<ComplianceReport>(`/aanbieders/${agb}/compliance${qs(applied)}`, { cached: false, reload });
  const books = useApi<{ items: Productenboek[] }>("/productenboeken");
  const data = report.state === "ok" ? report.data : report.state === "loading" ? report.previous : undefined;
  const peilValue = peil ?? (applied.peildatum || data?.peildatum || "");
  const bookValue = book ?? applied.productenboek;
  const bookTitle = (id: string) => (books.state === "ok" ? (books.data.items.find((b) => b.id === id)?.title ?? id) : id);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`${pathname}${qs({ peildatum: peilValue, productenboek: bookValue })}`);
  };

  return (
    <section aria-labelledby="toets-h" className="kader-section">
      <Heading level={2} id="toets-h">
        Toets aan productenboek en programma van eisen
      </Heading>
      <FilterForm label="Toets instellen" onSubmit={submit} submitLabel="Toetsen">
        <TextField id="toets-peildatum" name="peildatum" type="date" label="Peildatum" value={peilValue} onChange={setPeil} />
        <SelectField
          id="toets-pb"
          name="productenboek"
          label="Productenboek"
          all="Alle productenboeken"
          value={bookValue}
          onChange={setBook}
          options={books.state === "ok" ? books.data.items.map((b): [string, string] => [b.id, b.title]) : bookValue ? [[bookValue, bookValue]] : []}
        />
      </FilterForm>
      {report.state === "loading" && !data ? <Loading what="De toets" /> : null}
      {report.state === "error" ? <ProblemAlert error={report.error} heading="Toetsen mislukt" /> : null}
      {data ? (
        <div className={report.state === "loading" ? "kader-busy" : undefined} aria-busy={report.state === "loading"}>
          <Paragraph data-testid="check-summary">
            Peildatum {formatDate(data.peildatum)}: <SummaryText summary={data.summary} /> ({data.summary.voldoet} voldoet, {data.summary["voldoet-niet"]}{" "}
            voldoet niet, {data.summary.onbekend} onbekend). Eisen die per cliënt gelden of die een beoordelaar moet bevestigen, tellen niet mee in het oordeel.
          </Paragraph>
          <div className="kader-actions">
            <ButtonLink
              appearance="secondary-action-button"
              href={`${API}/aanbieders/${agb}/compliance${qs({ ...applied, format: "xlsx" })}`}
              download={`kader-toets-${agb}-${data.peildatum}.xlsx`}
            >
              Download de toets in Excel (.xlsx)
            </ButtonLink>
          </div>
          {data.producten.length === 0 ? (
            <Paragraph>
              Geen producten om te toetsen: het personeelsbestand noemt geen producten{applied.productenboek ? " uit dit productenboek" : ""}.
            </Paragraph>
          ) : (
            data.producten.map((p, i) => <ProductMatrix key={p.productId} p={p} book={bookTitle(p.productenboek)} n={i} />)
          )}
        </div>
      ) : null}
    </section>
  );
}
