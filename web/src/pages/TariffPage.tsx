import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { DataTable } from "../components/DataTable.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { TariffWaterfall } from "../components/TariffChart.tsx";
import { type FieldErrors, fieldErrorsOf, focusFirstField, ParameterFields, ProductInputs, TariffNav } from "../components/TariffForm.tsx";
import { type ApiError, request, toApiError, useApi } from "../lib/api.ts";
import { lawLabel, levelLabel, unitLabel } from "../lib/labels.ts";
import { navigate, RouterLink, useLocation } from "../lib/router.tsx";
import {
  decimalNl,
  euroCents,
  euroDecimal,
  formProblems,
  legalElement,
  type Missing,
  mixText,
  type OkResult,
  parametersOf,
  parseMissing,
  type TariffForm,
  tariffForm,
  tariffUnitNoun,
  useTariffForm,
} from "../lib/tariffs.ts";
import type { Law, Productenboek, ProductSummary, SearchPage, TariffParameters, TariffResult, UnitCode } from "../lib/types.ts";

type Outcome = { productId: string; form: TariffForm } & ({ result: TariffResult; params: TariffParameters } | { error: ApiError });

function productLabel(p: ProductSummary): string {
  return `${p.productcode ?? "geen code"} · ${p.name}${p.variant ? ` – ${p.variant}` : ""} (${lawLabel[p.law]})`;
}

/** What is missing, in words, with the parameter the API names. */
function MissingItem({ m, productId }: { m: Missing; productId: string }) {
  const own = "productId" in m && m.productId === productId;
  switch (m.kind) {
    case "eenheid":
      return (
        <>
          <strong>Eenheid</strong>: {m.reason}. Kies hieronder minuut, uur of dagdeel.{" "}
          <span className="kader-code kader-code-wrap">eenheden.{m.productId}</span>
        </>
      );
    case "mix":
      return (
        <>
          <strong>Functiemix</strong>: {m.reason}. Vul hieronder de verdeling over de niveaus in.{" "}
          <span className="kader-code kader-code-wrap">mix.{m.productId}</span>
        </>
      );
    case "salaris":
      return (
        <>
          <strong>Maandsalaris {levelLabel(m.level)}</strong>: de functiemix gebruikt dit niveau, maar er is geen salaris ingevuld.{" "}
          <a
            href={`#tp-salaris-${m.level}`}
            onClick={(e) => {
              e.preventDefault();
              document.getElementById(`tp-salaris-${m.level}`)?.focus();
            }}
          >
            Naar het veld {levelLabel(m.level)}
          </a>
        </>
      );
    case "model":
      return (
        <>
          <strong>Eenheid {m.unit in unitLabel ? `${m.unit} (${unitLabel[m.unit as UnitCode]})` : m.unit}</strong>: het standaardmodel rekent alleen met minuut,
          uur en dagdeel, dus Kader berekent voor {own ? "dit product" : m.productId} geen tarief.
        </>
      );
    default:
      return <>{m.text}</>;
  }
}

function StepValue({ naam, waarde }: { naam: string; waarde: string }) {
  const hours = /^productieve uren/.test(naam);
  return (
    <>
      {hours ? `${decimalNl(waarde)} uur` : euroDecimal(waarde)}
      {!hours ? (
        <>
          <br />
          <span className="kader-muted kader-exact">exact {decimalNl(waarde)}</span>
        </>
      ) : null}
    </>
  );
}

function StepsTable({ r, name, law }: { r: OkResult; name: string; law: Law | undefined }) {
  return (
    <DataTable
      label="Berekening stap voor stap"
      testId="tariff-steps"
      caption={`Berekening van het tarief van ${name}, stap voor stap`}
      columns={[
        { header: "Stap", rowHeader: true, cell: (s) => s.naam },
        { header: "Waarde", num: true, cell: (s) => <StepValue naam={s.naam} waarde={s.waarde} /> },
        { header: "Formule", cell: (s) => <span className="kader-formula">{s.formule}</span> },
        {
          header: "Kostenpost",
          cell: (s) => (
            <>
              {s.kostenpost}
              {law && legalElement[s.kostenpost] && legalElement[s.kostenpost]![law] !== s.kostenpost ? (
                <>
                  <br />
                  <span className="kader-muted">
                    {lawLabel[law]}: {legalElement[s.kostenpost]![law]}
                  </span>
                </>
              ) : null}
            </>
          ),
        },
      ]}
      rows={r.stappen}
      // the steps are an ordered list that is replaced as a whole
      rowKey={(_, i) => i}
      rowProps={(s) => ({ className: s.naam === "tarief per eenheid" ? "kader-total-row" : undefined })}
    />
  );
}

function Result({ r, product, params }: { r: OkResult; product: ProductSummary | undefined; params: TariffParameters }) {
  const name = product?.name ?? r.productId;
  const unit = tariffUnitNoun[r.eenheid];
  return (
    <>
      <Paragraph className="kader-tariff" data-testid="tariff-amount">
        <span className="kader-tariff-label">Tarief</span> <strong className="kader-tariff-value">{euroCents(r.tariefPerEenheid)}</strong> per {unit}
      </Paragraph>
      <DataList className="kader-facts" data-testid="tariff-facts">
        <DataListItem>
          <DataListKey>Product</DataListKey>
          <DataListValue>
            <RouterLink href={`/producten/${encodeURIComponent(r.productId)}`}>{name}</RouterLink>
            {product?.productcode ? (
              <>
                {" "}
                <span className="kader-code">{product.productcode}</span>
              </>
            ) : null}
            {product ? ` · ${lawLabel[product.law]}` : null}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Eenheid</DataListKey>
          <DataListValue>
            {r.eenheid} – {unit}
            {r.eenheid === "16" ? ` van ${decimalNl(params.dagdeelUren)} uur` : null}
            {params.eenheden[r.productId] ? <span className="kader-muted"> (door u gekozen)</span> : null}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Tarief per {unit}</DataListKey>
          <DataListValue>{euroCents(r.tariefPerEenheid)} (afgerond op hele centen)</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Uurtarief</DataListKey>
          <DataListValue>
            <span data-testid="tariff-hourly">
              {euroDecimal(r.uurtarief)} <span className="kader-muted">(exact {decimalNl(r.uurtarief)})</span>
            </span>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Functiemix</DataListKey>
          <DataListValue>
            <span data-testid="tariff-mix">{mixText(r.mix)}</span>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Herkomst van de mix</DataListKey>
          <DataListValue>{r.mixSource || <span className="kader-muted">niet vermeld</span>}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Parameters</DataListKey>
          <DataListValue>
            {params.naam ?? "zonder naam"}, peiljaar {params.peiljaar}
          </DataListValue>
        </DataListItem>
      </DataList>
    </>
  );
}

/** The tariff calculator: one product, the parameters, the tariff with its breakdown and chart. */
export function TariffPage() {
  const { search } = useLocation();
  const form = useTariffForm();
  const products = useApi<SearchPage>("/products?limit=500&sort=productenboek");
  const books = useApi<{ items: Productenboek[] }>("/productenboeken");
  const fromUrl = search.get("product") ?? "";
  const [productId, setProductId] = useState(fromUrl);
  const [filter, setFilter] = useState("");
  const [productError, setProductError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const focusAfter = useRef(false);
  const latest = useRef(0);
  const computedFor = useRef<string | null>(null);

  const compute = async (focus: boolean, id = productId) => {
    if (!id) {
      setProductError("Kies een product.");
      document.getElementById("tp-product")?.focus();
      return;
    }
    setProductError(null);
    const f = tariffForm.get();
    const n = ++latest.current;
    computedFor.current = id;
    const params = parametersOf(f);
    focusAfter.current = focus;
    if (!params.ok) {
      setOutcome({ productId: id, form: f, error: formProblems(params.problems) });
      return;
    }
    setBusy(true);
    try {
      const result = await request<TariffResult>("/tarieven/bereken", { method: "POST", body: { productId: id, parameters: params.value } });
      if (n === latest.current) setOutcome({ productId: id, form: f, result, params: params.value });
    } catch (e) {
      if (n === latest.current) setOutcome({ productId: id, form: f, error: toApiError(e) });
    } finally {
      if (n === latest.current) setBusy(false);
    }
    if (id !== fromUrl) navigate(`/tarieven?product=${encodeURIComponent(id)}`, { replace: true });
  };

  // a link with ?product= (from a product page or the productenboek table) computes at once, without moving focus
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the URL names another product
  useEffect(() => {
    setProductId(fromUrl);
    if (fromUrl && computedFor.current !== fromUrl) void compute(false, fromUrl);
  }, [fromUrl]);

  useEffect(() => {
    if (!outcome || !focusAfter.current) return;
    focusAfter.current = false;
    // a refused parameter: the alert announces every problem, focus goes to the first wrong field to fix it
    if ("error" in outcome && outcome.error.status === 400 && focusFirstField(outcome.error, outcome.form, outcome.productId)) return;
    outcomeRef.current?.focus();
  }, [outcome]);

  const all = products.state === "ok" ? products.data.items : [];
  const product = all.find((p) => p.id === productId);
  const shownProduct = outcome ? all.find((p) => p.id === outcome.productId) : undefined;
  const bookTitle = (id: string) => (books.state === "ok" ? (books.data.items.find((b) => b.id === id)?.title ?? id) : id);
  const groups = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const m = new Map<string, ProductSummary[]>();
    for (const p of all) {
      const hay = `${p.productcode ?? ""} ${p.name} ${p.variant ?? ""} ${p.id}`.toLowerCase();
      if (q && !hay.includes(q) && p.id !== productId) continue;
      const list = m.get(p.productenboekId) ?? [];
      list.push(p);
      m.set(p.productenboekId, list);
    }
    return [...m];
  }, [all, filter, productId]);
  const listed = groups.reduce((n, [, ps]) => n + ps.length, 0);

  const errors: FieldErrors = outcome && "error" in outcome ? fieldErrorsOf(outcome.error) : {};
  const result = outcome && "result" in outcome ? outcome.result : null;
  const missing = result && !result.ok ? result.onbekend.map(parseMissing) : [];
  const oid = outcome?.productId ?? "";
  const unitNeed =
    missing.find((m): m is Extract<Missing, { kind: "eenheid" }> => m.kind === "eenheid" && m.productId === oid) ??
    (oid && (form.eenheden[oid] || errors[`eenheden.${oid}`]) ? { reason: "de productbeschrijving noemt geen eenheid" } : null);
  const mixNeed =
    missing.find((m): m is Extract<Missing, { kind: "mix" }> => m.kind === "mix" && m.productId === oid) ??
    (oid && (form.mix[oid] || Object.keys(errors).some((k) => k.startsWith(`mix.${oid}`))) ? { reason: "de functiemix geeft u zelf op" } : null);
  // a shown tariff that no longer matches the form says so (while supplying what is missing, that is the point)
  const stale = result?.ok && outcome && (outcome.productId !== productId || JSON.stringify(outcome.form) !== JSON.stringify(form));
  const shownName = shownProduct?.name ?? oid;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void compute(true);
  };

  return (
    <>
      <PageHeading title="Tarief berekenen">Tarief berekenen</PageHeading>
      <TariffNav />
      <Paragraph className="kader-lead">
        Kader berekent een kostprijstarief uit de gegevens van het product (functiemix, groepsgrootte, eenheid) en de parameters hieronder. Elke tussenstap
        staat in de berekening, met de kostenpost die de wet noemt. Alleen het tarief per eenheid wordt afgerond, op hele centen.
      </Paragraph>

      <form className="kader-search-form kader-tariff-form" onSubmit={submit} noValidate aria-label="Product en parameters">
        <Heading level={2} id="tp-product-h">
          Product
        </Heading>
        {products.state === "loading" ? <Loading what="Producten" /> : null}
        {products.state === "error" ? <ProblemAlert error={products.error} heading="Producten konden niet worden geladen" /> : null}
        <div className="kader-filters">
          <FormField
            label={<FormLabel htmlFor="tp-filter">Lijst beperken</FormLabel>}
            description={<span id="tp-filter-hint">Een deel van de naam of code, bijvoorbeeld "dagbesteding" of "07A03"</span>}
            input={
              <Textbox
                id="tp-filter"
                name="filter"
                type="search"
                autoComplete="off"
                aria-describedby="tp-filter-hint tp-filter-count"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                onKeyDown={(e) => {
                  // Enter in the filter does not compute: it moves on to the list
                  if (e.key === "Enter") {
                    e.preventDefault();
                    document.getElementById("tp-product")?.focus();
                  }
                }}
              />
            }
          />
          <FormField
            invalid={!!productError || !!errors.productId || !!errors.product}
            label={<FormLabel htmlFor="tp-product">Product</FormLabel>}
            errorMessage={
              productError || errors.productId || errors.product ? (
                <FormFieldErrorMessage id="tp-product-error">{productError ?? errors.productId ?? errors.product}</FormFieldErrorMessage>
              ) : undefined
            }
            input={
              <Select
                id="tp-product"
                name="product"
                invalid={!!(productError || errors.productId || errors.product)}
                aria-describedby={productError || errors.productId || errors.product ? "tp-product-error" : undefined}
                value={productId}
                onChange={(e) => {
                  setProductId(e.target.value);
                  setProductError(null);
                }}
              >
                <SelectOption value="">Kies een product</SelectOption>
                {productId && !product ? <SelectOption value={productId}>{productId}</SelectOption> : null}
                {groups.map(([book, ps]) => (
                  <optgroup key={book} label={bookTitle(book)}>
                    {ps.map((p) => (
                      <SelectOption key={p.id} value={p.id}>
                        {productLabel(p)}
                      </SelectOption>
                    ))}
                  </optgroup>
                ))}
              </Select>
            }
          />
        </div>
        <p id="tp-filter-count" className="kader-muted" role="status">
          {products.state === "ok" ? (filter.trim() ? `${listed} van de ${all.length} producten in de lijst.` : `${all.length} producten in de lijst.`) : ""}
        </p>

        <ParameterFields form={form} errors={errors} />

        <div className="kader-actions">
          <SubmitButton busy={busy} busyLabel="Bezig met berekenen…">
            Tarief berekenen
          </SubmitButton>
        </div>
      </form>

      <section aria-labelledby="tp-result-h" className="kader-section">
        <Heading level={2} id="tp-result-h">
          Uitkomst
        </Heading>
        {!outcome && !busy ? <Paragraph>Kies een product en de parameters, en kies daarna Tarief berekenen.</Paragraph> : null}
        {busy && !outcome ? <Loading what="Het tarief" /> : null}
        {outcome ? (
          <div ref={outcomeRef} tabIndex={-1} className={`kader-outcome${busy ? " kader-busy" : ""}`} aria-busy={busy} data-testid="tariff-outcome">
            {stale ? (
              <Paragraph className="kader-stale">
                <strong>Let op:</strong> deze uitkomst hoort bij {outcome.productId !== productId ? shownName : "de parameters van daarnet"}. Kies Tarief
                berekenen om hem bij te werken.
              </Paragraph>
            ) : null}
            {"error" in outcome ? <ProblemAlert error={outcome.error} heading="Berekenen mislukt" /> : null}
            {result && !result.ok ? (
              <Alert type="warning" data-testid="tariff-missing">
                <Paragraph>
                  <strong>Het tarief van {shownName} is niet te berekenen: er ontbreken gegevens.</strong>
                </Paragraph>
                <UnorderedList>
                  {missing.map((m) => (
                    <UnorderedListItem key={m.text}>
                      <MissingItem m={m} productId={oid} />
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </Alert>
            ) : null}
            {result?.ok && "params" in outcome ? <Result r={result} product={shownProduct} params={outcome.params} /> : null}
          </div>
        ) : null}

        {outcome && (unitNeed || mixNeed) ? (
          <form
            className="kader-search-form"
            noValidate
            aria-label={`Ontbrekende gegevens voor ${shownName}`}
            onSubmit={(e) => {
              e.preventDefault();
              void compute(true, oid);
            }}
          >
            <ProductInputs form={form} productId={oid} productName={shownName} unit={unitNeed} mix={mixNeed} errors={errors} />
            <div className="kader-actions">
              <SubmitButton busy={busy}>Opnieuw berekenen</SubmitButton>
            </div>
          </form>
        ) : null}

        {result?.ok ? (
          <>
            <Heading level={3} className="kader-section">
              Opbouw van het tarief
            </Heading>
            <Paragraph className="kader-muted">
              Van de uurkosten (loon en niet-productieve tijd) via de opslagen naar het uurtarief, en daarna per cliënturen en per{" "}
              {tariffUnitNoun[result.eenheid]}.
            </Paragraph>
            <TariffWaterfall result={result} productName={shownName} />
            <Heading level={3} className="kader-section">
              Berekening stap voor stap
            </Heading>
            <StepsTable r={result} name={shownName} law={shownProduct?.law} />
          </>
        ) : null}
      </section>
    </>
  );
}
