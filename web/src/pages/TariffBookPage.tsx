import { Button, Heading, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { CodeCell } from "../components/ProductBits.tsx";
import { SelectField } from "../components/SelectField.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { fieldErrorsOf, focusFirstField, ParameterFields, TariffNav } from "../components/TariffForm.tsx";
import { useAction } from "../lib/action.ts";
import { type ApiError, download, qs, request, toApiError, useApi } from "../lib/api.ts";
import { unitLabel } from "../lib/labels.ts";
import { navigate, RouterLink, useLocation } from "../lib/router.tsx";
import {
  centsDelta,
  euroCents,
  euroDecimal,
  formProblems,
  isExample,
  mixText,
  parametersOf,
  parseMissing,
  type TariffForm,
  tariffForm,
  tariffUnitNoun,
  useTariffForm,
} from "../lib/tariffs.ts";
import type { Productenboek, ProductSummary, SearchPage, TariffBook, TariffParameters, TariffResult, TariffSensitivity } from "../lib/types.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Run =
  | { bookId: string; form: TariffForm; state: "loading" }
  | { bookId: string; form: TariffForm; state: "error"; error: ApiError }
  | { bookId: string; form: TariffForm; state: "ok"; params: TariffParameters; book: TariffBook; sensitivity: TariffSensitivity | ApiError };

type Sort = "boek" | "oplopend" | "aflopend";

/** What is missing for a product, short: the parameter and why. */
function missingText(onbekend: string[]): string[] {
  return onbekend.map((t) => {
    const m = parseMissing(t);
    if (m.kind === "eenheid") return "eenheid (de productbeschrijving noemt er geen)";
    if (m.kind === "mix") return `functiemix (${m.reason.replace(/^de productbeschrijving /, "")})`;
    if (m.kind === "salaris") return `maandsalaris ${m.level}`;
    if (m.kind === "model") return `rekenmodel voor eenheid ${m.unit} (alleen minuut, uur en dagdeel)`;
    return m.text;
  });
}

function TariffsTable({ results, products, bookTitle }: { results: TariffResult[]; products: Map<string, ProductSummary>; bookTitle: string }) {
  const [sort, setSort] = useState<Sort>("boek");
  const rows = useMemo(() => {
    if (sort === "boek") return results;
    const known = results.filter((r) => r.ok).sort((a, b) => (a.ok && b.ok ? a.tariefPerEenheid - b.tariefPerEenheid : 0));
    if (sort === "aflopend") known.reverse();
    return [...known, ...results.filter((r) => !r.ok)];
  }, [results, sort]);
  const sorted = sort !== "boek";
  const sortWords = sort === "boek" ? "in de volgorde van het productenboek" : `op tarief, ${sort === "oplopend" ? "laag naar hoog" : "hoog naar laag"}`;

  return (
    <>
      {sorted ? (
        <div className="kader-actions">
          <Button appearance="subtle-button" onClick={() => setSort("boek")}>
            Terug naar de volgorde van het productenboek
          </Button>
        </div>
      ) : null}
      <DataTable
        label="Tarieven per product"
        testId="book-tariffs"
        caption={`Tarieven van ${bookTitle}, ${sortWords}`}
        columns={[
          {
            header: "Product",
            rowHeader: true,
            cell: (r) => {
              const p = products.get(r.productId);
              return (
                <RouterLink href={`/tarieven${qs({ product: r.productId })}`}>
                  {p?.name ?? r.productId}
                  {p?.variant ? ` – ${p.variant}` : ""}
                  <span className="kader-visually-hidden">{r.ok ? ": opbouw van het tarief" : ": gegevens aanvullen"}</span>
                </RouterLink>
              );
            },
          },
          {
            header: "Code",
            cell: (r) => {
              const p = products.get(r.productId);
              return p ? <CodeCell p={p} /> : <span className="kader-muted">onbekend</span>;
            },
          },
          {
            header: "Eenheid",
            cell: (r) => {
              const p = products.get(r.productId);
              return r.ok ? (
                `${r.eenheid} ${tariffUnitNoun[r.eenheid]}`
              ) : (
                <span className="kader-muted">{p?.unit ? `${p.unit} ${unitLabel[p.unit]}` : "geen"}</span>
              );
            },
          },
          {
            header: (
              <Button
                appearance="subtle-button"
                className="kader-sort-button"
                aria-pressed={sorted}
                onClick={() => setSort(sort === "oplopend" ? "aflopend" : "oplopend")}
              >
                Tarief per eenheid
                <span className="kader-visually-hidden">
                  {sort === "oplopend"
                    ? ", gesorteerd van laag naar hoog; sorteer van hoog naar laag"
                    : sort === "aflopend"
                      ? ", gesorteerd van hoog naar laag; sorteer van laag naar hoog"
                      : ", sorteer op tarief"}
                </span>
                <span aria-hidden="true">{sort === "oplopend" ? " ▲" : sort === "aflopend" ? " ▼" : ""}</span>
              </Button>
            ),
            num: true,
            sort: sorted ? (sort === "oplopend" ? "ascending" : "descending") : undefined,
            cellProps: { "data-testid": "tariff-cell" },
            cell: (r) =>
              r.ok ? (
                <>
                  <strong>{euroCents(r.tariefPerEenheid)}</strong>
                  <span className="kader-muted"> per {tariffUnitNoun[r.eenheid]}</span>
                </>
              ) : (
                <span className="kader-marker">niet berekend</span>
              ),
          },
          { header: "Uurtarief", num: true, cell: (r) => (r.ok ? euroDecimal(r.uurtarief) : <span className="kader-muted">–</span>) },
          { header: "Functiemix", cell: (r) => (r.ok ? mixText(r.mix) : <span className="kader-muted">–</span>) },
          {
            header: "Ontbreekt",
            cell: (r) =>
              r.ok ? (
                <span className="kader-muted">niets</span>
              ) : (
                <ul className="kader-reasons">
                  {missingText(r.onbekend).map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
              ),
          },
        ]}
        rows={rows}
        rowKey={(r) => r.productId}
        rowProps={(r) => ({ className: r.ok ? undefined : "kader-missing", "data-product": r.productId, "data-ok": r.ok })}
      />
    </>
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function SensitivityTable({ s, products, order }: { s: TariffSensitivity; products: Map<string, ProductSummary>; order: string[] }) {
  const first = s.variants[0];
  if (!first) return <Paragraph>Geen varianten berekend.</Paragraph>;
  const byVariant = s.variants.map((v) => new Map(v.rows.map((r) => [r.productId, r])));
  return (
    <DataTable
      label="Gevoeligheid per product"
      testId="sensitivity"
      caption="Verandering van het tarief per eenheid, in centen, bij één procentpunt meer"
      columns={[
        {
          header: "Product",
          rowHeader: true,
          cell: (id) => {
            const p = products.get(id);
            return (
              <>
                {p?.name ?? id}
                {p?.variant ? ` – ${p.variant}` : ""}
                {p?.productcode ? <span className="kader-muted"> ({p.productcode})</span> : null}
              </>
            );
          },
        },
        {
          header: "Tarief nu",
          num: true,
          cell: (id) => {
            const base = byVariant[0]?.get(id);
            return base?.a != null ? euroCents(base.a) : <span className="kader-muted">niet berekend</span>;
          },
        },
        ...s.variants.map(
          (v, i): Column<string> => ({
            header: capital(v.variant),
            num: true,
            cell: (id) => {
              const r = byVariant[i]?.get(id);
              return r?.verschil != null ? centsDelta(r.verschil) : <span className="kader-muted">–</span>;
            },
          }),
        ),
      ]}
      rows={order}
      rowKey={(id) => id}
      rowProps={(id) => ({ "data-product": id })}
    />
  );
}

/** All tariffs of one productenboek with the same parameters: a table, the live workbook and the sensitivity. */
export function TariffBookPage() {
  const { search } = useLocation();
  const bookId = search.get("productenboek") ?? "";
  const form = useTariffForm();
  const books = useApi<{ items: Productenboek[] }>("/productenboeken");
  const products = useApi<SearchPage>(bookId ? `/products${qs({ productenboek: bookId, limit: 500, sort: "productenboek" })}` : null);
  const [choice, setChoice] = useState<string | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const [paramsOpen, setParamsOpen] = useState(false);
  const [nonce, setNonce] = useState(0);
  const [run, setRun] = useState<Run | null>(null);
  const workbook = useAction();
  const { busy: downloading, error: downloadError, setError: setDownloadError } = workbook;
  const [message, setMessage] = useState("");
  const outcomeRef = useRef<HTMLDivElement>(null);
  const focusAfter = useRef(false);

  // a new URL (back, forward, submit) resets the choice to what it names
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the URL changes
  useEffect(() => setChoice(null), [bookId]);
  const choiceValue = choice ?? bookId;

  // compute whenever the URL names a productenboek, or the user asks again
  // biome-ignore lint/correctness/useExhaustiveDependencies: `nonce` only triggers computing again
  useEffect(() => {
    if (!bookId) {
      setRun(null);
      return;
    }
    const f = tariffForm.get();
    const p = parametersOf(f);
    setDownloadError(null);
    setMessage("");
    if (!p.ok) {
      setRun({ bookId, form: f, state: "error", error: formProblems(p.problems) });
      return;
    }
    let live = true;
    setRun({ bookId, form: f, state: "loading" });
    const body = { parameters: p.value };
    const path = `/tarieven/productenboeken/${encodeURIComponent(bookId)}`;
    Promise.all([
      request<TariffBook>(path, { method: "POST", body }),
      request<TariffSensitivity>(`${path}/gevoeligheid`, { method: "POST", body }).catch((e: unknown) => toApiError(e)),
    ]).then(
      ([book, sensitivity]) => live && setRun({ bookId, form: f, state: "ok", params: p.value, book, sensitivity }),
      (e: unknown) => live && setRun({ bookId, form: f, state: "error", error: toApiError(e) }),
    );
    return () => {
      live = false;
    };
  }, [bookId, nonce]);

  const focusField = useRef(false);
  useEffect(() => {
    if (!run || run.state === "loading" || !focusAfter.current) return;
    focusAfter.current = false;
    // a refused parameter: the fields open, and focus goes to the first wrong one (next effect); the alert announces all
    if (run.state === "error" && run.error.status === 400 && run.error.problem.problems?.some((x) => x.path && x.path !== "productenboek")) {
      setParamsOpen(true);
      focusField.current = true;
      return;
    }
    outcomeRef.current?.focus();
  }, [run]);
  useEffect(() => {
    if (!paramsOpen || !focusField.current || run?.state !== "error") return;
    focusField.current = false;
    if (!focusFirstField(run.error, run.form, "")) outcomeRef.current?.focus();
  }, [paramsOpen, run]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!choiceValue) {
      setChoiceError("Kies een productenboek.");
      document.getElementById("tb-pb")?.focus();
      return;
    }
    setChoiceError(null);
    focusAfter.current = true;
    if (choiceValue === bookId) setNonce((n) => n + 1);
    else navigate(`/tarieven/productenboek${qs({ productenboek: choiceValue })}`);
  };

  const downloadWorkbook = async () => {
    if (run?.state !== "ok") return;
    setMessage("");
    await workbook.run(async () => {
      const name = await download(`/tarieven/productenboeken/${encodeURIComponent(run.bookId)}?format=xlsx`, {
        method: "POST",
        body: { parameters: run.params },
        accept: XLSX,
        fallbackName: `kader-tarieven-${run.bookId}.xlsx`,
      });
      setMessage(`De werkmap ${name} is gedownload.`);
    });
  };

  const bookTitle = (id: string) => (books.state === "ok" ? (books.data.items.find((b) => b.id === id)?.title ?? id) : id);
  const productMap = useMemo(() => new Map((products.state === "ok" ? products.data.items : []).map((p) => [p.id, p])), [products]);
  const errors = run?.state === "error" ? fieldErrorsOf(run.error) : {};
  const stale = run?.state === "ok" && JSON.stringify(run.form) !== JSON.stringify(form);
  const ok = run?.state === "ok" ? run : null;
  const computed = ok ? ok.book.results.filter((r) => r.ok).length : 0;

  return (
    <>
      <PageHeading title={bookId ? `Tarieven van ${bookTitle(bookId)}` : "Tarieven van een productenboek"}>Tarieven van een productenboek</PageHeading>
      <TariffNav />
      <Paragraph className="kader-lead">
        Alle producten van één productenboek doorgerekend met dezelfde parameters: het tarief per eenheid, of wat er nog ontbreekt. Met de werkmap rekent u
        verder in Excel; de gevoeligheid laat zien wat één procentpunt meer ziekteverzuim, overhead of HBO-aandeel per product doet.
      </Paragraph>

      <form className="kader-search-form" onSubmit={submit} noValidate aria-label="Productenboek doorrekenen">
        <div className="kader-search-row">
          <SelectField
            id="tb-pb"
            name="productenboek"
            label="Productenboek"
            error={choiceError}
            value={choiceValue}
            onChange={(v) => {
              setChoice(v);
              setChoiceError(null);
            }}
            all="Kies een productenboek"
            options={
              books.state === "ok"
                ? books.data.items.map((b) => [b.id, `${b.title} (${b.productCount} producten)`] as const)
                : choiceValue
                  ? [[choiceValue, choiceValue]]
                  : []
            }
          />
          <Button type="submit" appearance="primary-action-button" busy={run?.state === "loading"}>
            Tarieven berekenen
          </Button>
        </div>
        {books.state === "error" ? <ProblemAlert error={books.error} heading="Productenboeken konden niet worden geladen" /> : null}
        <details className="kader-details kader-params-details" open={paramsOpen} onToggle={(e) => setParamsOpen(e.currentTarget.open)}>
          <summary>
            Parameters{" "}
            <span className="kader-muted">
              ({isExample(form) ? "voorbeeld, geen cao-cijfers" : "eigen waarden"}; dezelfde als bij het tarief van één product)
            </span>
          </summary>
          <ParameterFields form={form} errors={errors} heading={false} />
        </details>
      </form>

      {bookId ? (
        <section aria-labelledby="tb-result-h" className="kader-section">
          <Heading level={2} id="tb-result-h">
            Tarieven van {bookTitle(bookId)}
          </Heading>
          {run?.state === "loading" ? <Loading what="De tarieven" /> : null}
          <div ref={outcomeRef} tabIndex={-1} className="kader-outcome" data-testid="book-outcome">
            {stale ? (
              <Paragraph className="kader-stale">
                <strong>Let op:</strong> u hebt de parameters gewijzigd na deze berekening. Kies Tarieven berekenen om bij te werken.
              </Paragraph>
            ) : null}
            {run?.state === "error" ? <ProblemAlert error={run.error} heading="Berekenen mislukt" /> : null}
            {ok ? (
              <Paragraph data-testid="book-summary">
                {computed} van de {ok.book.results.length} producten hebben een tarief
                {ok.book.results.length - computed > 0
                  ? `; bij ${ok.book.results.length - computed} ${ok.book.results.length - computed === 1 ? "ontbreekt" : "ontbreken"} gegevens (zie de kolom Ontbreekt).`
                  : "."}{" "}
                Berekend met {ok.params.naam ?? "parameters zonder naam"}, peiljaar {ok.params.peiljaar}.
              </Paragraph>
            ) : null}
          </div>
          {ok ? (
            <>
              <div className="kader-actions">
                <SubmitButton
                  type="button"
                  appearance="secondary-action-button"
                  onClick={downloadWorkbook}
                  busy={downloading}
                  busyLabel="Werkmap wordt gemaakt…"
                >
                  Excel-werkmap downloaden
                </SubmitButton>
                <Paragraph className="kader-muted kader-inline-note">
                  De parameters staan op één blad; elk tarief is een formule die ernaar verwijst, dus verander een parameter en elk tarief rekent mee.
                </Paragraph>
              </div>
              <p role="status" className="kader-status" data-testid="download-status">
                {message}
              </p>
              {downloadError ? <ProblemAlert error={downloadError} heading="Downloaden mislukt" /> : null}
              <TariffsTable results={ok.book.results} products={productMap} bookTitle={bookTitle(ok.bookId)} />

              <section aria-labelledby="tb-sens-h" className="kader-section">
                <Heading level={3} id="tb-sens-h">
                  Gevoeligheid
                </Heading>
                <Paragraph>
                  Hoeveel cent het tarief per eenheid verandert bij één procentpunt meer: ziekteverzuim (het niet-productieve onderdeel ziekte), overhead, of
                  HBO-aandeel (één procentpunt van het laagste niveau in de mix gaat naar HBO). Producten zonder tarief staan er met een streepje.
                </Paragraph>
                {"variants" in ok.sensitivity ? (
                  <SensitivityTable s={ok.sensitivity} products={productMap} order={ok.book.results.map((r) => r.productId)} />
                ) : (
                  <ProblemAlert error={ok.sensitivity} heading="De gevoeligheid kon niet worden berekend" />
                )}
              </section>
            </>
          ) : null}
        </section>
      ) : (
        <Paragraph className="kader-section">Kies een productenboek en kies Tarieven berekenen.</Paragraph>
      )}
    </>
  );
}
