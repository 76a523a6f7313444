import {
  Button,
  Checkbox,
  FormField,
  FormFieldDescription,
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
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { PageHeading } from "../components/PageHeading.tsx";
import { CodeCell } from "../components/ProductBits.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
import { ApiError, qs, request, useApi } from "../lib/api.ts";
import { kindLabel, lawLabel } from "../lib/labels.ts";
import { navigate, RouterLink, useLocation } from "../lib/router.tsx";
import { MAX_COMPARE } from "../lib/selection.ts";
import type { Comparison, ProductDetail, ProductSummary, SearchPage } from "../lib/types.ts";

type Mode = { kind: "ids"; ids: string[] } | { kind: "code"; code: string } | { kind: "kind"; value: string } | { kind: "none" };

function modeOf(search: URLSearchParams): Mode {
  const ids = (search.get("ids") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length) return { kind: "ids", ids: [...new Set(ids)] };
  const code = search.get("code")?.trim();
  if (code) return { kind: "code", code: code.toUpperCase() };
  const kind = search.get("kind")?.trim();
  if (kind) return { kind: "kind", value: kind };
  return { kind: "none" };
}

const idsHref = (ids: string[]) => `/vergelijken${qs({ ids: ids.join(",") })}`;

/** One chosen product, by name (its details come from the cached product endpoint). */
function PickedName({ id }: { id: string }) {
  const d = useApi<ProductDetail>(`/products/${encodeURIComponent(id)}`);
  if (d.state !== "ok") return <span className="kader-code">{id}</span>;
  const p = d.data.product;
  return (
    <span>
      <RouterLink href={`/producten/${encodeURIComponent(id)}`}>{p.name}</RouterLink> <CodeCell p={p} /> · {lawLabel[p.law]} ·{" "}
      <span className="kader-muted">{p.productenboekId}</span>
    </span>
  );
}

/** With one product chosen: shortcuts to compare it with the products that share its code or kind. */
function Shortcuts({ id }: { id: string }) {
  const d = useApi<ProductDetail>(`/products/${encodeURIComponent(id)}`);
  if (d.state !== "ok") return null;
  const p = d.data.product;
  return (
    <ul>
      {p.productcode ? (
        <li>
          <RouterLink href={`/vergelijken${qs({ code: p.productcode })}`}>Vergelijk met alle producten met code {p.productcode}</RouterLink>
        </li>
      ) : null}
      <li>
        <RouterLink href={`/vergelijken${qs({ kind: p.kind })}`}>
          Vergelijk met alle producten van de soort {(kindLabel[p.kind] ?? p.kind).toLowerCase()}
        </RouterLink>
      </li>
    </ul>
  );
}

function Picker({ picked, onChange }: { picked: string[]; onChange: (ids: string[]) => void }) {
  const [q, setQ] = useState("");
  const [results, setResults] = useState<ProductSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const find = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!q.trim()) {
      setResults(null);
      return;
    }
    try {
      const r = await request<SearchPage>(`/products${qs({ q: q.trim(), limit: 10 })}`);
      setResults(r.items);
    } catch (err) {
      setResults(null);
      setError(err instanceof ApiError ? err : new ApiError(0, { title: "Zoeken mislukt", status: 0 }));
    }
  };
  const full = picked.length >= MAX_COMPARE;
  return (
    <>
      {picked.length > 0 ? (
        <ul className="kader-picked" aria-label="Gekozen producten">
          {picked.map((id) => (
            <li key={id}>
              <PickedName id={id} />
              <Button appearance="subtle-button" onClick={() => onChange(picked.filter((x) => x !== id))}>
                Verwijderen<span className="kader-visually-hidden"> uit de vergelijking: {id}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph className="kader-muted">Nog geen producten gekozen.</Paragraph>
      )}
      <search aria-label="Product zoeken om toe te voegen">
        <form onSubmit={find} className="kader-search-form">
          <div className="kader-search-row">
            <FormField
              label={<FormLabel htmlFor="cmp-q">Product zoeken om toe te voegen</FormLabel>}
              input={<Textbox id="cmp-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
            />
            <Button type="submit" appearance="secondary-action-button">
              Zoeken
            </Button>
          </div>
          {error ? <ProblemAlert error={error} heading="Zoeken mislukt" /> : null}
          <p role="status" className="utrecht-paragraph">
            {results ? (results.length === 0 ? "Geen producten gevonden." : `${results.length} producten gevonden; kies met “Toevoegen”.`) : ""}
          </p>
          {results && results.length > 0 ? (
            <ul className="kader-picked" aria-label="Zoekresultaten om toe te voegen">
              {results.map((p) => (
                <li key={p.id}>
                  <span>
                    {p.name} <CodeCell p={p} /> · {lawLabel[p.law]} · <span className="kader-muted">{p.productenboekId}</span>
                  </span>
                  <Button appearance="secondary-action-button" disabled={picked.includes(p.id) || full} onClick={() => onChange([...picked, p.id])}>
                    {picked.includes(p.id) ? "Gekozen" : "Toevoegen"}
                    <span className="kader-visually-hidden">
                      : {p.name}
                      {p.productcode ? ` (${p.productcode})` : ""} uit {p.productenboekId}
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </form>
      </search>
    </>
  );
}

function ComparisonTable({ c, onlyDiffs }: { c: Comparison; onlyDiffs: boolean }) {
  const rows = onlyDiffs ? c.rows.filter((r) => r.differs) : c.rows;
  const differing = c.rows.filter((r) => r.differs).length;
  return (
    <TableWrap label="Vergelijking">
      <Table className="kader-table kader-compare" data-testid="compare-table">
        <TableCaption>
          {c.products.length} producten naast elkaar; {differing} van {c.rows.length} aspecten verschillen
          {onlyDiffs ? " (alleen de verschillen getoond)" : ""}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Aspect</TableHeaderCell>
            {c.products.map((p) => (
              <TableHeaderCell scope="col" key={p.id}>
                <RouterLink href={`/producten/${encodeURIComponent(p.id)}`}>{p.name}</RouterLink>
                <br />
                <span className="kader-code">{p.productcode ?? "nog geen code"}</span> · {lawLabel[p.law]}
                {p.variant ? ` · ${p.variant}` : null}
                <br />
                <span className="kader-muted">{p.productenboekId}</span>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.aspect} className={r.differs ? "kader-differs" : undefined} data-differs={r.differs ? "true" : "false"}>
              <TableHeaderCell scope="row">
                {r.label}
                {r.differs ? <span className="kader-marker">verschilt</span> : <span className="kader-visually-hidden"> (gelijk)</span>}
              </TableHeaderCell>
              {r.values.map((v, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one cell per product column, in column order
                <TableCell key={i}>{v ?? <span className="kader-empty-value">niet vermeld</span>}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableWrap>
  );
}

export function ComparePage() {
  const { search } = useLocation();
  const mode = useMemo(() => modeOf(search), [search]);
  const [code, setCode] = useState(mode.kind === "code" ? mode.code : "");
  const [kind, setKind] = useState(mode.kind === "kind" ? mode.value : "");
  const [onlyDiffs, setOnlyDiffs] = useState(false);
  useEffect(() => {
    if (mode.kind === "code") setCode(mode.code);
    if (mode.kind === "kind") setKind(mode.value);
  }, [mode]);

  const apiPath =
    mode.kind === "ids" && mode.ids.length >= 2
      ? `/compare${qs({ ids: mode.ids.join(",") })}`
      : mode.kind === "code"
        ? `/compare${qs({ code: mode.code })}`
        : mode.kind === "kind"
          ? `/compare${qs({ kind: mode.value })}`
          : null;
  const result = useApi<Comparison>(apiPath);
  const picked = mode.kind === "ids" ? mode.ids : result.state === "ok" && apiPath ? result.data.products.map((p) => p.id).slice(0, MAX_COMPARE) : [];

  const title =
    mode.kind === "code"
      ? `Vergelijken: code ${mode.code}`
      : mode.kind === "kind"
        ? `Vergelijken: ${kindLabel[mode.value] ?? mode.value}`
        : "Producten vergelijken";

  return (
    <>
      <PageHeading title={title}>Producten vergelijken</PageHeading>
      <Paragraph className="kader-lead">
        Zet producten naast elkaar: alle producten met dezelfde productcode, alle producten van één soort, of producten die u zelf kiest (2 tot {MAX_COMPARE}).
        Rijen waarin de producten verschillen zijn gemarkeerd met “verschilt”.
      </Paragraph>

      <section aria-labelledby="kies-h" className="kader-section">
        <Heading level={2} id="kies-h">
          Kies wat u vergelijkt
        </Heading>
        <div className="kader-filters">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (code.trim()) navigate(`/vergelijken${qs({ code: code.trim().toUpperCase() })}`);
            }}
          >
            <FormField
              label={<FormLabel htmlFor="cmp-code">Productcode</FormLabel>}
              description={<FormFieldDescription id="cmp-code-hint">5 tekens, bijvoorbeeld 02A05</FormFieldDescription>}
              input={
                <Textbox
                  id="cmp-code"
                  name="code"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  aria-describedby="cmp-code-hint"
                  maxLength={5}
                  autoComplete="off"
                />
              }
            />
            <div className="kader-actions">
              <Button type="submit" appearance="primary-action-button">
                Vergelijk op code
              </Button>
            </div>
          </form>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (kind) navigate(`/vergelijken${qs({ kind })}`);
            }}
          >
            <FormField
              label={<FormLabel htmlFor="cmp-kind">Soort product</FormLabel>}
              input={
                <Select id="cmp-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                  <SelectOption value="">Kies een soort</SelectOption>
                  {Object.entries(kindLabel).map(([k, l]) => (
                    <SelectOption key={k} value={k}>
                      {l}
                    </SelectOption>
                  ))}
                </Select>
              }
            />
            <div className="kader-actions">
              <Button type="submit" appearance="primary-action-button">
                Vergelijk op soort
              </Button>
            </div>
          </form>
        </div>
        <Heading level={3}>Zelf kiezen</Heading>
        <Picker picked={picked} onChange={(ids) => navigate(ids.length ? idsHref(ids) : "/vergelijken")} />
      </section>

      <section aria-labelledby="vergelijking-h" className="kader-section">
        <Heading level={2} id="vergelijking-h">
          Vergelijking
        </Heading>
        {mode.kind === "none" ? <Paragraph>Kies hierboven een productcode, een soort of minstens twee producten.</Paragraph> : null}
        {mode.kind === "ids" && mode.ids.length === 1 ? (
          <>
            <Paragraph>Kies nog minstens één product om mee te vergelijken, of:</Paragraph>
            <Shortcuts id={mode.ids[0]!} />
          </>
        ) : null}
        {apiPath && result.state === "loading" ? <Loading what="De vergelijking" /> : null}
        {apiPath && result.state === "error" ? <ProblemAlert error={result.error} heading="Vergelijken lukte niet" /> : null}
        {apiPath && result.state === "ok" ? (
          <>
            <FormField
              type="checkbox"
              label={
                <FormLabel htmlFor="cmp-only-diffs" type="checkbox">
                  <Checkbox id="cmp-only-diffs" checked={onlyDiffs} onChange={(e) => setOnlyDiffs(e.target.checked)} /> Toon alleen de aspecten die verschillen
                </FormLabel>
              }
            />
            <ComparisonTable c={result.data} onlyDiffs={onlyDiffs} />
          </>
        ) : null}
      </section>
    </>
  );
}
