import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { type ApiError, qs, request, toApiError } from "../lib/api.ts";
import {
  eenheidLabel,
  frequentieLabel,
  frequenties,
  resultaatgebieden004,
  severityHelp,
  severityLabel,
  verwijzerLabel,
  verwijzers,
  volumeEenheden,
  wetLabel,
} from "../lib/care-labels.ts";
import type { Client, Eenheid, Frequentie, GrantAnswer, GrantVerdict, ProposedProduct, Severity, Verwijzer } from "../lib/care-types.ts";
import type { ProductSummary, SearchPage } from "../lib/types.ts";
import { count, FindingList } from "./CareBits.tsx";
import { ProblemAlert } from "./ProblemAlert.tsx";

/** One product row of the form, as typed (numbers as text, with a decimal comma). */
interface Row {
  key: number;
  product: ProductSummary | null;
  aanbieder: string;
  ingangsdatum: string;
  einddatum: string;
  soort: "volume" | "budget";
  volume: string;
  eenheid: Eenheid | "";
  frequentie: Frequentie | "";
  budget: string;
  resultaatgebieden: string[];
  andere: string;
  verlengingen: string;
  afstandKm: string;
}

let nextKey = 1;
const newRow = (): Row => ({
  key: nextKey++,
  product: null,
  aanbieder: "",
  ingangsdatum: "",
  einddatum: "",
  soort: "volume",
  volume: "",
  eenheid: "",
  frequentie: "",
  budget: "",
  resultaatgebieden: [],
  andere: "",
  verlengingen: "0",
  afstandKm: "",
});

/** "1.234,5" or "1234.5" → 1234.5; "" → null; anything else → NaN. */
function parseNumber(s: string): number | null {
  const t = s.trim().replace(/\s/g, "");
  if (!t) return null;
  const norm = t.includes(",") ? t.replace(/\./g, "").replace(",", ".") : t;
  return /^\d+(\.\d+)?$/.test(norm) ? Number(norm) : Number.NaN;
}

const is004 = (p: ProductSummary | null) => p?.productenboekId.startsWith("004-") ?? false;
const isVervoer = (p: ProductSummary | null) => p?.kind === "vervoer";

/** The row as the API's ProposedProduct, or the Dutch reasons it cannot be checked yet. */
function proposedOf(r: Row): { ok: true; value: ProposedProduct } | { ok: false; missing: string[]; invalid: Partial<Record<string, string>> } {
  const missing: string[] = [];
  const invalid: Partial<Record<string, string>> = {};
  if (!r.product) missing.push("een product");
  if (!r.ingangsdatum) missing.push("de ingangsdatum");
  if (!r.einddatum) missing.push("de einddatum");
  const volume = r.soort === "volume" ? parseNumber(r.volume) : null;
  const budgetEuro = r.soort === "budget" ? parseNumber(r.budget) : null;
  const verlengingen = parseNumber(r.verlengingen || "0");
  const afstand = parseNumber(r.afstandKm);
  if (Number.isNaN(volume)) invalid.volume = "Vul het volume in als getal, bijvoorbeeld 4 of 2,5.";
  if (Number.isNaN(budgetEuro)) invalid.budget = "Vul het budget in euro's in, bijvoorbeeld 1250 of 1.250,50.";
  if (Number.isNaN(verlengingen) || (verlengingen !== null && !Number.isInteger(verlengingen)))
    invalid.verlengingen = "Vul een heel aantal verlengingen in (0, 1, …).";
  if (Number.isNaN(afstand)) invalid.afstandKm = "Vul de afstand in kilometers in, bijvoorbeeld 12 of 12,5.";
  if (missing.length || Object.keys(invalid).length || !r.product) return { ok: false, missing, invalid };
  const doelen = r.andere
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    ok: true,
    value: {
      productId: r.product.id,
      ingangsdatum: r.ingangsdatum,
      einddatum: r.einddatum,
      volume,
      eenheid: r.soort === "budget" ? "83" : r.eenheid || null,
      frequentie: r.soort === "budget" ? null : r.frequentie || null,
      budget: budgetEuro === null ? null : Math.round(budgetEuro * 100),
      resultaatgebieden: [...new Set(r.resultaatgebieden)],
      doelen: [...new Set(doelen)],
      verlengingen: verlengingen ?? 0,
      afstandKm: afstand,
    },
  };
}

const productText = (p: ProductSummary) => `${p.productcode ?? "geen code"} · ${p.name}${p.variant ? ` – ${p.variant}` : ""} (${wetLabel[p.law] ?? p.law})`;

/** Search the catalogue (GET /products?q=…) and pick one product. */
function ProductPicker({ id, row, onPick, error }: { id: string; row: Row; onPick: (p: ProductSummary | null) => void; error?: string }) {
  const [q, setQ] = useState("");
  const [found, setFound] = useState<ProductSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    setBusy(true);
    const t = setTimeout(() => {
      const done = (items: ProductSummary[]) => {
        if (!live) return;
        setFound(items);
        setBusy(false);
      };
      request<SearchPage>(`/products${qs({ q: term, limit: 25 })}`).then(
        (r) => done(r.items),
        () => done([]),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [q]);
  const options = useMemo(() => {
    const list = found ?? [];
    return row.product && !list.some((p) => p.id === row.product!.id) ? [row.product, ...list] : list;
  }, [found, row.product]);

  return (
    <div className="kader-filters">
      <FormField
        label={<FormLabel htmlFor={`${id}-q`}>Product zoeken</FormLabel>}
        description={<span id={`${id}-q-hint`}>Naam of productcode, bijvoorbeeld "individuele begeleiding" of "02A17"</span>}
        input={
          <Textbox
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            aria-describedby={`${id}-q-hint ${id}-q-count`}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                document.getElementById(`${id}-product`)?.focus();
              }
            }}
          />
        }
      />
      <FormField
        invalid={!!error}
        label={<FormLabel htmlFor={`${id}-product`}>Product</FormLabel>}
        description={
          <span id={`${id}-q-count`} role="status">
            {busy
              ? "zoeken…"
              : found === null
                ? ""
                : found.length === 0
                  ? "geen producten gevonden"
                  : `${count(found.length, "product", "producten")} gevonden`}
          </span>
        }
        errorMessage={error ? <FormFieldErrorMessage id={`${id}-product-error`}>{error}</FormFieldErrorMessage> : undefined}
        input={
          <Select
            id={`${id}-product`}
            invalid={!!error}
            aria-describedby={error ? `${id}-product-error` : undefined}
            value={row.product?.id ?? ""}
            onChange={(e) => onPick(options.find((p) => p.id === e.target.value) ?? null)}
          >
            <SelectOption value="">{options.length ? "Kies een product" : "Zoek eerst een product"}</SelectOption>
            {options.map((p) => (
              <SelectOption key={p.id} value={p.id}>
                {productText(p)}
              </SelectOption>
            ))}
          </Select>
        }
      />
    </div>
  );
}

function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  type = "text",
  inputMode,
  className,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
  type?: string;
  inputMode?: "numeric" | "decimal";
  className?: string;
}) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <FormField
      invalid={!!error}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={hint ? <span id={`${id}-hint`}>{hint}</span> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : undefined}
      input={
        <Textbox
          id={id}
          type={type}
          inputMode={inputMode}
          autoComplete="off"
          invalid={!!error}
          aria-describedby={described}
          className={className}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      }
    />
  );
}

function ProductRow({
  row,
  n,
  total,
  onChange,
  onRemove,
  errors,
}: {
  row: Row;
  n: number;
  total: number;
  onChange: (r: Row) => void;
  onRemove: () => void;
  errors: Partial<Record<string, string>>;
}) {
  const id = `gp-${row.key}`;
  const set = <K extends keyof Row>(k: K, v: Row[K]) => onChange({ ...row, [k]: v });
  const parsed = proposedOf(row);
  const invalid = parsed.ok ? {} : parsed.invalid;
  const err = (k: string) => errors[k] ?? invalid[k];
  const toggleArea = (a: string, on: boolean) => set("resultaatgebieden", on ? [...row.resultaatgebieden, a] : row.resultaatgebieden.filter((x) => x !== a));
  const name = row.product ? row.product.name : `product ${n}`;

  return (
    <Fieldset className="kader-fieldset kader-grant-product" data-testid="grant-product">
      <FieldsetLegend>
        Product {n}
        {row.product ? `: ${row.product.name}` : ""}
      </FieldsetLegend>
      <ProductPicker
        id={id}
        row={row}
        error={errors.product}
        onPick={(p) => onChange({ ...row, product: p, eenheid: p?.unit && p.unit !== "83" ? p.unit : row.eenheid })}
      />
      <div className="kader-filters">
        <TextField
          id={`${id}-agb`}
          label="AGB-code aanbieder"
          hint="8 cijfers"
          inputMode="numeric"
          value={row.aanbieder}
          onChange={(v) => set("aanbieder", v)}
          error={err("aanbieder")}
        />
        <TextField
          id={`${id}-ingang`}
          label="Ingangsdatum"
          type="date"
          value={row.ingangsdatum}
          onChange={(v) => set("ingangsdatum", v)}
          error={err("ingangsdatum")}
        />
        <TextField id={`${id}-eind`} label="Einddatum" type="date" value={row.einddatum} onChange={(v) => set("einddatum", v)} error={err("einddatum")} />
      </div>
      <div className="kader-filters">
        <FormField
          label={<FormLabel htmlFor={`${id}-soort`}>Omvang als</FormLabel>}
          input={
            <Select id={`${id}-soort`} value={row.soort} onChange={(e) => set("soort", e.target.value as Row["soort"])}>
              <SelectOption value="volume">volume (eenheid en frequentie)</SelectOption>
              <SelectOption value="budget">budget (euro)</SelectOption>
            </Select>
          }
        />
        {row.soort === "volume" ? (
          <>
            <TextField
              id={`${id}-volume`}
              label="Volume"
              inputMode="decimal"
              className="kader-number kader-number--sm"
              value={row.volume}
              onChange={(v) => set("volume", v)}
              error={err("volume")}
            />
            <FormField
              label={<FormLabel htmlFor={`${id}-eenheid`}>Eenheid</FormLabel>}
              input={
                <Select id={`${id}-eenheid`} value={row.eenheid} onChange={(e) => set("eenheid", e.target.value as Eenheid | "")}>
                  <SelectOption value="">Kies een eenheid</SelectOption>
                  {volumeEenheden.map((u) => (
                    <SelectOption key={u} value={u}>
                      {u} – {eenheidLabel[u]}
                      {row.product?.unit === u ? " (eenheid van het product)" : ""}
                    </SelectOption>
                  ))}
                </Select>
              }
            />
            <FormField
              label={<FormLabel htmlFor={`${id}-freq`}>Frequentie</FormLabel>}
              input={
                <Select id={`${id}-freq`} value={row.frequentie} onChange={(e) => set("frequentie", e.target.value as Frequentie | "")}>
                  <SelectOption value="">Kies een frequentie</SelectOption>
                  {frequenties.map((f) => (
                    <SelectOption key={f} value={f}>
                      {frequentieLabel[f]}
                    </SelectOption>
                  ))}
                </Select>
              }
            />
          </>
        ) : (
          <TextField id={`${id}-budget`} label="Budget (€)" inputMode="decimal" value={row.budget} onChange={(v) => set("budget", v)} error={err("budget")} />
        )}
      </div>
      <div className="kader-filters">
        <TextField
          id={`${id}-verl`}
          label="Verlengingen"
          hint="Hoeveel verlengingen deze beschikking omvat"
          inputMode="numeric"
          className="kader-number kader-number--xs"
          value={row.verlengingen}
          onChange={(v) => set("verlengingen", v)}
          error={err("verlengingen")}
        />
        {isVervoer(row.product) || row.afstandKm ? (
          <TextField
            id={`${id}-km`}
            label="Afstand enkele reis (km)"
            hint="Voor vervoer: bepaalt de afstandsklasse"
            inputMode="decimal"
            className="kader-number kader-number--sm"
            value={row.afstandKm}
            onChange={(v) => set("afstandKm", v)}
            error={err("afstandKm")}
          />
        ) : null}
      </div>
      {is004(row.product) ? (
        <Fieldset className="kader-fieldset kader-areas">
          <FieldsetLegend>Resultaatgebieden (tabel van productenboek 004, regel 389)</FieldsetLegend>
          <div className="kader-checks">
            {resultaatgebieden004.map((a, i) => (
              <div key={a} className="kader-check">
                <Checkbox id={`${id}-ra-${i}`} checked={row.resultaatgebieden.includes(a)} onChange={(e) => toggleArea(a, e.target.checked)} />
                <FormLabel htmlFor={`${id}-ra-${i}`} type="checkbox">
                  {a}
                </FormLabel>
              </div>
            ))}
          </div>
        </Fieldset>
      ) : null}
      <FormField
        label={<FormLabel htmlFor={`${id}-ra`}>Doelen</FormLabel>}
        description={<span id={`${id}-ra-hint`}>Eén per regel</span>}
        input={<Textarea id={`${id}-ra`} rows={2} aria-describedby={`${id}-ra-hint`} value={row.andere} onChange={(e) => set("andere", e.target.value)} />}
      />
      {total > 1 ? (
        <div className="kader-actions">
          <Button appearance="subtle-button" onClick={onRemove}>
            Verwijderen<span className="kader-visually-hidden"> ({name})</span>
          </Button>
        </div>
      ) : null}
    </Fieldset>
  );
}

type Check =
  | { state: "idle"; reason: string }
  | { state: "busy"; previous?: GrantVerdict }
  | { state: "ok"; verdict: GrantVerdict }
  | { state: "error"; error: ApiError };

const tally = (v: GrantVerdict) => {
  const n = (s: Severity) => v.bevindingen.filter((f) => f.severity === s).length;
  return { fout: n("fout"), waarschuwing: n("waarschuwing"), oordeel: n("oordeel") };
};

function verdictText(v: GrantVerdict): string {
  if (v.bevindingen.length === 0) return "Toets: de beschikking voldoet aan de regels van het productenboek.";
  const t = tally(v);
  const parts = [
    t.fout ? count(t.fout, "fout", "fouten") : "",
    t.oordeel ? `${count(t.oordeel, "punt", "punten")} voor een professioneel oordeel` : "",
    t.waarschuwing ? count(t.waarschuwing, "waarschuwing", "waarschuwingen") : "",
  ].filter(Boolean);
  const end = v.toegestaan ? "afgeven kan." : v.overrideMogelijk ? "afgeven kan alleen met een motivering." : "zo kan de beschikking niet worden afgegeven.";
  return `Toets: ${parts.join(", ")}; ${end}`;
}

/**
 * The grant form (toegang): one or more products with aanbieder, period, volume or budget, resultaatgebieden.
 * While the user types, the proposal is checked (debounced, POST /clienten/:id/toets) and the findings are shown
 * with their severity and the document's line; when only points of judgement remain, a motivation is required.
 */
export function GrantForm({ client, onGranted }: { client: Client; onGranted: (a: GrantAnswer) => void }) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [rows, setRows] = useState<Row[]>(() => [newRow()]);
  const [nummer, setNummer] = useState("");
  const [afgifte, setAfgifte] = useState("");
  const [verwijzer, setVerwijzer] = useState<Verwijzer | "">("");
  const [motivering, setMotivering] = useState("");
  const [check, setCheck] = useState<Check>({ state: "idle", reason: "Kies een product en vul de ingangs- en einddatum in; Kader toetst dan meteen." });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  const errorRef = useRef<HTMLDivElement>(null);

  const proposals = rows.map(proposedOf);
  const ready = proposals.filter((p): p is { ok: true; value: ProposedProduct } => p.ok).map((p) => p.value);
  const peildatum = afgifte || ready[0]?.ingangsdatum || "";
  const body = ready.length ? JSON.stringify({ peildatum, producten: ready, ...(verwijzer ? { verwijzer } : {}) }) : "";
  const laws = [...new Set(rows.map((r) => r.product?.law).filter(Boolean))];
  const wet = laws[0] ?? null;

  // the check as you type: ~400 ms after the last change, only the latest answer counts
  useEffect(() => {
    const n = ++latest.current;
    if (!body) {
      setCheck({ state: "idle", reason: "Kies een product en vul de ingangs- en einddatum in; Kader toetst dan meteen." });
      return;
    }
    setCheck((c) => ({ state: "busy", previous: c.state === "ok" ? c.verdict : c.state === "busy" ? c.previous : undefined }));
    const t = setTimeout(() => {
      request<GrantVerdict>(`/clienten/${client.id}/toets`, { method: "POST", body: JSON.parse(body) }).then(
        (verdict) => n === latest.current && setCheck({ state: "ok", verdict }),
        (e: unknown) => n === latest.current && setCheck({ state: "error", error: toApiError(e) }),
      );
    }, 400);
    return () => clearTimeout(t);
  }, [body, client.id]);

  useEffect(() => {
    if (submitError) errorRef.current?.focus();
  }, [submitError]);

  const verdict = check.state === "ok" ? check.verdict : check.state === "busy" ? check.previous : undefined;
  const needsMotivation = !!verdict && !verdict.toegestaan && verdict.overrideMogelijk;
  const productName = (id: string) => rows.find((r) => r.product?.id === id)?.product?.name ?? id;
  const rowErrors = (r: Row): Partial<Record<string, string>> => {
    const out: Partial<Record<string, string>> = {};
    for (const [k, v] of Object.entries(errors)) {
      const m = /^row-(\d+)\.(.+)$/.exec(k);
      if (m && Number(m[1]) === r.key) out[m[2]!] = v;
    }
    return out;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitError(null);
    const found: Record<string, string> = {};
    if (!nummer.trim()) found.nummer = "Vul het beschikkingnummer in.";
    if (!afgifte) found.afgifte = "Vul de afgiftedatum in.";
    rows.forEach((r) => {
      if (!r.product) found[`row-${r.key}.product`] = "Kies een product.";
      if (!/^[0-9]{8}$/.test(r.aanbieder.trim())) found[`row-${r.key}.aanbieder`] = "Een AGB-code is 8 cijfers.";
      if (!r.ingangsdatum) found[`row-${r.key}.ingangsdatum`] = "Vul de ingangsdatum in.";
      if (!r.einddatum) found[`row-${r.key}.einddatum`] = "Vul de einddatum in.";
      else if (r.ingangsdatum && r.einddatum < r.ingangsdatum) found[`row-${r.key}.einddatum`] = "De einddatum ligt vóór de ingangsdatum.";
    });
    if (laws.length > 1) found.wet = "Alle producten van één beschikking vallen onder dezelfde wet; maak voor de andere wet een tweede beschikking.";
    if (needsMotivation && motivering.trim().length < 10) found.motivering = "Motiveer de afwijking in minstens 10 tekens.";
    setErrors(found);
    const ids: Record<string, string> = { nummer: `${uid}-nummer`, afgifte: `${uid}-afgifte`, motivering: `${uid}-motivering` };
    const first = Object.keys(found)[0];
    if (first) {
      const m = /^row-(\d+)\.(.+)$/.exec(first);
      const field: Record<string, string> = { product: "product", aanbieder: "agb", ingangsdatum: "ingang", einddatum: "eind" };
      document.getElementById(m ? `gp-${m[1]}-${field[m[2]!] ?? m[2]}` : (ids[first] ?? `${uid}-wet`))?.focus();
      return;
    }
    if (proposals.some((p) => !p.ok)) return;
    setBusy(true);
    try {
      const answer = await request<GrantAnswer>("/beschikkingen", {
        method: "POST",
        body: {
          clientId: client.id,
          wet,
          beschikkingnummer: nummer.trim(),
          afgiftedatum: afgifte,
          verwijzer: verwijzer || null,
          producten: ready.map((p, i) => ({ ...p, aanbieder: rows[i]!.aanbieder.trim() })),
          ...(needsMotivation ? { override: { motivering: motivering.trim() } } : {}),
        },
      });
      setRows([newRow()]);
      setNummer("");
      setAfgifte("");
      setVerwijzer("");
      setMotivering("");
      setErrors({});
      onGranted(answer);
    } catch (x) {
      setSubmitError(toApiError(x));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${uid}-h`} className="kader-section">
      <Heading level={2} id={`${uid}-h`}>
        Beschikking afgeven
      </Heading>
      <Paragraph>
        Kader toetst de beschikking terwijl u typt aan de regels van het productenboek (leeftijd, duur en verlengingen, combinaties, omvang, resultaatgebieden).
        Een <strong>fout</strong> houdt de beschikking tegen, een <strong>waarschuwing</strong> informeert, en bij een <strong>oordeel</strong> laat het
        document de afweging aan u: dan geeft u de beschikking af met een motivering.
      </Paragraph>
      <form className="kader-search-form kader-grant-form" onSubmit={submit} noValidate aria-labelledby={`${uid}-h`} data-testid="grant-form">
        <div className="kader-filters">
          <TextField id={`${uid}-nummer`} label="Beschikkingnummer" value={nummer} onChange={setNummer} error={errors.nummer} />
          <TextField
            id={`${uid}-afgifte`}
            label="Afgiftedatum"
            hint="Ook de peildatum van de toets"
            type="date"
            value={afgifte}
            onChange={setAfgifte}
            error={errors.afgifte}
          />
          <FormField
            label={<FormLabel htmlFor={`${uid}-verwijzer`}>Verwijzer</FormLabel>}
            input={
              <Select id={`${uid}-verwijzer`} value={verwijzer} onChange={(e) => setVerwijzer(e.target.value as Verwijzer | "")}>
                <SelectOption value="">Niet opgegeven</SelectOption>
                {verwijzers.map((v) => (
                  <SelectOption key={v} value={v}>
                    {v} – {verwijzerLabel[v]}
                  </SelectOption>
                ))}
              </Select>
            }
          />
        </div>
        <Paragraph id={`${uid}-wet`} tabIndex={-1}>
          Wet: {wet ? <strong>{wetLabel[wet] ?? wet}</strong> : <span className="kader-muted">volgt uit het gekozen product</span>}
          {errors.wet ? (
            <>
              {" "}
              <strong className="kader-error-text">Fout: {errors.wet}</strong>
            </>
          ) : null}
        </Paragraph>
        {rows.map((r, i) => (
          <ProductRow
            key={r.key}
            row={r}
            n={i + 1}
            total={rows.length}
            errors={rowErrors(r)}
            onChange={(next) => setRows((rs) => rs.map((x) => (x.key === r.key ? next : x)))}
            onRemove={() => {
              setRows((rs) => rs.filter((x) => x.key !== r.key));
              document.getElementById(`${uid}-add`)?.focus();
            }}
          />
        ))}
        <div className="kader-actions">
          <Button id={`${uid}-add`} appearance="secondary-action-button" onClick={() => setRows((rs) => [...rs, newRow()])}>
            Product toevoegen
          </Button>
        </div>

        <section aria-labelledby={`${uid}-toets-h`} className="kader-grant-check" data-testid="grant-check" aria-busy={check.state === "busy"}>
          <Heading level={3} id={`${uid}-toets-h`}>
            Toets aan het productenboek
          </Heading>
          <p role="status" className="kader-grant-summary" data-testid="grant-summary" data-state={check.state}>
            {check.state === "idle"
              ? check.reason
              : check.state === "error"
                ? "De toets kon niet worden uitgevoerd; zie de melding hieronder."
                : check.state === "busy" && !verdict
                  ? "Bezig met toetsen…"
                  : verdict
                    ? verdictText(verdict)
                    : ""}
          </p>
          {check.state === "error" ? <ProblemAlert error={check.error} heading="Nog niet te toetsen" /> : null}
          {verdict?.bevindingen.length ? (
            <div className={check.state === "busy" ? "kader-busy" : undefined}>
              <FindingList findings={verdict.bevindingen} productName={rows.length > 1 ? productName : undefined} />
              <ul className="kader-legend-text kader-muted">
                {(["fout", "oordeel", "waarschuwing"] as const)
                  .filter((s) => verdict.bevindingen.some((f) => f.severity === s))
                  .map((s) => (
                    <li key={s}>
                      {severityLabel[s]}: {severityHelp[s]}
                    </li>
                  ))}
              </ul>
            </div>
          ) : null}
          {rows.some((r) => !proposedOf(r).ok && (r.product || r.ingangsdatum || r.einddatum)) ? (
            <Paragraph className="kader-muted">
              Nog niet getoetst:{" "}
              {rows
                .map((r, i) => ({ r, i, p: proposedOf(r) }))
                .filter((x) => !x.p.ok)
                .map(({ i, p }) => `product ${i + 1} (${p.ok ? "" : [...p.missing.map((m) => `vul ${m} in`), ...Object.values(p.invalid)].join("; ")})`)
                .join(", ")}
              .
            </Paragraph>
          ) : null}
        </section>

        {needsMotivation || motivering ? (
          <FormField
            invalid={!!errors.motivering}
            label={<FormLabel htmlFor={`${uid}-motivering`}>Motivering van de afwijking{needsMotivation ? " (verplicht)" : ""}</FormLabel>}
            description={
              <span id={`${uid}-motivering-hint`}>
                Het document laat hier een professioneel oordeel. Leg uit waarom u de beschikking toch afgeeft (minstens 10 tekens); de motivering wordt bij de
                beschikking vastgelegd.
              </span>
            }
            errorMessage={errors.motivering ? <FormFieldErrorMessage id={`${uid}-motivering-error`}>{errors.motivering}</FormFieldErrorMessage> : undefined}
            input={
              <Textarea
                id={`${uid}-motivering`}
                rows={3}
                required={needsMotivation}
                invalid={!!errors.motivering}
                maxLength={2000}
                aria-describedby={`${uid}-motivering-hint${errors.motivering ? ` ${uid}-motivering-error` : ""}`}
                value={motivering}
                onChange={(e) => setMotivering(e.target.value)}
              />
            }
          />
        ) : null}

        {submitError ? (
          <div ref={errorRef} tabIndex={-1}>
            <ProblemAlert error={submitError} heading="Afgeven mislukt" />
          </div>
        ) : null}
        <div className="kader-actions">
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            Beschikking afgeven
          </Button>
        </div>
      </form>
    </section>
  );
}
