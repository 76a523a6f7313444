import {
  Button,
  ButtonLink,
  Checkbox,
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
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { ExportLinks } from "../components/ExportLinks.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { qs, useApi } from "../lib/api.ts";
import { CodeCell, UnitText } from "../components/ProductBits.tsx";
import { formatNumber, kindLabel, lawLabel, unitCodes, unitLabel } from "../lib/labels.ts";
import { navigate, RouterLink, routeClick, useLocation } from "../lib/router.tsx";
import { MAX_COMPARE, selection, useSelection } from "../lib/selection.ts";
import type { Productenboek, ProductSummary, SearchPage as SearchResult } from "../lib/types.ts";

const PAGE_SIZE = 20;
type Sort = "relevance" | "code" | "name" | "productenboek";
const sortLabel: Record<Sort, string> = { relevance: "relevantie", code: "productcode", name: "naam", productenboek: "productenboek" };

interface Filters {
  q: string;
  law: string;
  unit: string;
  productcategorie: string;
  productenboek: string;
  sort: string;
}
const FILTER_KEYS = ["q", "law", "unit", "productcategorie", "productenboek", "sort"] as const;

function filtersOf(search: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, search.get(k) ?? ""])) as unknown as Filters;
}

/** The page URL for a search: only the parameters that are set; page 1 is implied. */
function searchHref(f: Filters, page = 1): string {
  return `/producten${qs({ ...f, pagina: page > 1 ? page : null })}`;
}

function Flags({ p }: { p: ProductSummary }) {
  const parts: string[] = [];
  if (p.notes) parts.push(`${p.notes} ${p.notes === 1 ? "kanttekening" : "kanttekeningen"}`);
  if (p.contestedTopics.length) parts.push(`betwist: ${p.contestedTopics.join(", ")}`);
  if (p.sectionsPending.length) parts.push(`volgt nog: ${p.sectionsPending.join(", ")}`);
  if (parts.length === 0) return <span className="kader-muted">geen</span>;
  return <>{parts.join("; ")}</>;
}

function SortHeader({ sort, active, children, onSort }: { sort: Sort; active: boolean; children: string; onSort: (s: Sort) => void }) {
  return (
    <TableHeaderCell scope="col" aria-sort={active ? "ascending" : undefined}>
      <Button appearance="subtle-button" className="kader-sort-button" aria-pressed={active} onClick={() => onSort(sort)}>
        {children}
        <span className="kader-visually-hidden">{active ? " (gesorteerd)" : ", sorteer op deze kolom"}</span>
      </Button>
    </TableHeaderCell>
  );
}

/** Categories present in the catalogue, with how many products each has (loaded after the first results). */
function useCategories(enabled: boolean): { code: string; count: number; laws: string[] }[] {
  const all = useApi<SearchResult>(enabled ? "/products?limit=500&sort=code" : null);
  return useMemo(() => {
    if (all.state !== "ok") return [];
    const m = new Map<string, { count: number; laws: Set<string> }>();
    for (const p of all.data.items) {
      if (!p.productcategorie) continue;
      const e = m.get(p.productcategorie) ?? { count: 0, laws: new Set<string>() };
      e.count++;
      e.laws.add(lawLabel[p.law]);
      m.set(p.productcategorie, e);
    }
    return [...m].sort(([a], [b]) => a.localeCompare(b)).map(([code, e]) => ({ code, count: e.count, laws: [...e.laws] }));
  }, [all]);
}

export function SearchPage() {
  const { search } = useLocation();
  const applied = useMemo(() => filtersOf(search), [search]);
  const page = Math.max(1, Number.parseInt(search.get("pagina") ?? "1", 10) || 1);
  const [form, setForm] = useState<Filters>(applied);
  // the URL is the truth: back/forward and links update the form
  useEffect(() => setForm(applied), [applied]);

  const apiPath = `/products${qs({ ...applied, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`;
  const result = useApi<SearchResult>(apiPath);
  const books = useApi<{ items: Productenboek[] }>("/productenboeken");
  const categories = useCategories(result.state !== "loading");
  const picked = useSelection();

  const data = result.state === "ok" ? result.data : result.state === "loading" ? result.previous : undefined;
  const effectiveSort: Sort = (applied.sort as Sort) || (applied.q ? "relevance" : "productenboek");
  const bookTitle = (id: string) => (books.state === "ok" ? (books.data.items.find((b) => b.id === id)?.title ?? id) : id);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = { ...form, q: form.q.trim() };
    if (!f.q && f.sort === "relevance") f.sort = "";
    navigate(searchHref(f));
  };
  const onSort = (s: Sort) => navigate(searchHref({ ...applied, sort: s }));
  const reset = () => navigate("/producten");

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const filtered = FILTER_KEYS.some((k) => k !== "sort" && applied[k]);

  return (
    <>
      <PageHeading title={applied.q ? `Zoeken naar "${applied.q}"` : "Producten zoeken"}>Producten zoeken</PageHeading>
      <search aria-label="Producten zoeken">
        <form className="kader-search-form" onSubmit={submit}>
          <div className="kader-search-row">
            <FormField
              label={<FormLabel htmlFor="zoek-q">Zoekterm</FormLabel>}
              description={<span id="zoek-q-hint">Naam, productcode of onderwerp, bijvoorbeeld "dagbesteding" of "02A05"</span>}
              input={<Textbox id="zoek-q" name="q" type="search" value={form.q} onChange={set("q")} aria-describedby="zoek-q-hint" maxLength={200} />}
            />
            <Button type="submit" appearance="primary-action-button">
              Zoeken
            </Button>
          </div>
          <div className="kader-filters">
            <FormField
              label={<FormLabel htmlFor="zoek-law">Wet</FormLabel>}
              input={
                <Select id="zoek-law" name="law" value={form.law} onChange={set("law")}>
                  <SelectOption value="">Alle wetten</SelectOption>
                  <SelectOption value="wmo">Wmo 2015</SelectOption>
                  <SelectOption value="jeugdwet">Jeugdwet</SelectOption>
                </Select>
              }
            />
            <FormField
              label={<FormLabel htmlFor="zoek-unit">Eenheid (WJ756)</FormLabel>}
              input={
                <Select id="zoek-unit" name="unit" value={form.unit} onChange={set("unit")}>
                  <SelectOption value="">Alle eenheden</SelectOption>
                  {unitCodes.map((u) => (
                    <SelectOption key={u} value={u}>
                      {u} – {unitLabel[u]}
                    </SelectOption>
                  ))}
                  <SelectOption value="none">Geen eenheid vastgesteld</SelectOption>
                </Select>
              }
            />
            <FormField
              label={<FormLabel htmlFor="zoek-cat">Productcategorie</FormLabel>}
              input={
                <Select id="zoek-cat" name="productcategorie" value={form.productcategorie} onChange={set("productcategorie")}>
                  <SelectOption value="">Alle categorieën</SelectOption>
                  {form.productcategorie && !categories.some((c) => c.code === form.productcategorie) ? (
                    <SelectOption value={form.productcategorie}>{form.productcategorie}</SelectOption>
                  ) : null}
                  {categories.map((c) => (
                    <SelectOption key={c.code} value={c.code}>
                      {c.code} ({c.laws.join(", ")}; {c.count} producten)
                    </SelectOption>
                  ))}
                </Select>
              }
            />
            <FormField
              label={<FormLabel htmlFor="zoek-pb">Productenboek</FormLabel>}
              input={
                <Select id="zoek-pb" name="productenboek" value={form.productenboek} onChange={set("productenboek")}>
                  <SelectOption value="">Alle productenboeken</SelectOption>
                  {books.state === "ok"
                    ? books.data.items.map((b) => (
                        <SelectOption key={b.id} value={b.id}>
                          {b.title}
                        </SelectOption>
                      ))
                    : form.productenboek && <SelectOption value={form.productenboek}>{form.productenboek}</SelectOption>}
                </Select>
              }
            />
            <FormField
              label={<FormLabel htmlFor="zoek-sort">Sorteren op</FormLabel>}
              input={
                <Select id="zoek-sort" name="sort" value={form.sort} onChange={set("sort")}>
                  <SelectOption value="">Standaard ({form.q.trim() ? "relevantie" : "productenboek"})</SelectOption>
                  {form.q.trim() ? <SelectOption value="relevance">Relevantie</SelectOption> : null}
                  <SelectOption value="code">Productcode</SelectOption>
                  <SelectOption value="name">Naam</SelectOption>
                  <SelectOption value="productenboek">Productenboek</SelectOption>
                </Select>
              }
            />
          </div>
          {filtered ? (
            <div className="kader-actions">
              <Button type="button" appearance="subtle-button" onClick={reset}>
                Zoekopdracht en filters wissen
              </Button>
            </div>
          ) : null}
        </form>
      </search>

      <section aria-labelledby="resultaten-h" className="kader-section">
        <Heading level={2} id="resultaten-h">
          Resultaten
        </Heading>
        <p role="status" className="utrecht-paragraph" data-testid="result-count">
          {data
            ? `${formatNumber(data.total)} ${data.total === 1 ? "product" : "producten"} gevonden${pages > 1 ? `, pagina ${page} van ${pages}` : ""}; gesorteerd op ${sortLabel[effectiveSort]}.`
            : ""}
        </p>
        {result.state === "loading" && !data ? <Loading what="Producten" /> : null}
        {result.state === "error" ? <ProblemAlert error={result.error} heading="Zoeken mislukt" /> : null}

        {picked.length > 0 ? (
          <div className="kader-actions">
            <Paragraph>
              {picked.length} {picked.length === 1 ? "product" : "producten"} gekozen om te vergelijken
              {picked.length >= MAX_COMPARE ? ` (maximaal ${MAX_COMPARE})` : ""}.
            </Paragraph>
            {picked.length >= 2 ? (
              <ButtonLink appearance="primary-action-button" href={`/vergelijken${qs({ ids: picked.join(",") })}`} onClick={routeClick}>
                Vergelijk gekozen producten
              </ButtonLink>
            ) : (
              <Paragraph className="kader-muted">Kies er nog minstens één.</Paragraph>
            )}
            <Button appearance="subtle-button" onClick={() => selection.clear()}>
              Keuze wissen
            </Button>
          </div>
        ) : null}

        {data && data.items.length > 0 ? (
          <TableWrap label="Gevonden producten">
            <Table className={`kader-table${result.state === "loading" ? " kader-busy" : ""}`} busy={result.state === "loading"}>
              <TableCaption className="kader-visually-hidden">
                Gevonden producten{pages > 1 ? `, pagina ${page} van ${pages}` : ""}; gesorteerd op {sortLabel[effectiveSort]}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">
                    <span className="kader-visually-hidden">Kies om te </span>Vergelijken
                  </TableHeaderCell>
                  <SortHeader sort="code" active={effectiveSort === "code"} onSort={onSort}>
                    Code
                  </SortHeader>
                  <SortHeader sort="name" active={effectiveSort === "name"} onSort={onSort}>
                    Naam
                  </SortHeader>
                  <TableHeaderCell scope="col">Wet</TableHeaderCell>
                  <TableHeaderCell scope="col">Eenheid</TableHeaderCell>
                  <SortHeader sort="productenboek" active={effectiveSort === "productenboek"} onSort={onSort}>
                    Productenboek
                  </SortHeader>
                  <TableHeaderCell scope="col">Kanttekeningen</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>
                      <Checkbox
                        id={`kies-${p.id}`}
                        checked={picked.includes(p.id)}
                        disabled={!picked.includes(p.id) && picked.length >= MAX_COMPARE}
                        onChange={() => selection.toggle(p.id)}
                        aria-label={`Kies ${p.name}${p.productcode ? ` (${p.productcode})` : ""} om te vergelijken`}
                      />
                    </TableCell>
                    <TableCell>
                      <CodeCell p={p} />
                    </TableCell>
                    <TableCell>
                      <RouterLink href={`/producten/${encodeURIComponent(p.id)}`}>{p.name}</RouterLink>
                      {p.variant ? <span className="kader-muted"> — {p.variant}</span> : null}
                      <br />
                      <span className="kader-muted">{kindLabel[p.kind] ?? p.kind}</span>
                    </TableCell>
                    <TableCell>{lawLabel[p.law]}</TableCell>
                    <TableCell>
                      <UnitText unit={p.unit} status={p.unitStatus} />
                    </TableCell>
                    <TableCell>{bookTitle(p.productenboekId)}</TableCell>
                    <TableCell>
                      <Flags p={p} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableWrap>
        ) : null}
        {data && data.items.length === 0 ? <Paragraph>Geen producten gevonden. Probeer een andere zoekterm of minder filters.</Paragraph> : null}
        {data ? <Pagination total={data.total} limit={PAGE_SIZE} offset={(page - 1) * PAGE_SIZE} hrefFor={(p) => searchHref(applied, p)} /> : null}
      </section>

      <section aria-labelledby="export-h" className="kader-section">
        <Heading level={2} id="export-h">
          Exporteren
        </Heading>
        <Paragraph>Alle producten die vandaag gelden (zonder de filters hierboven), voor Excel of verdere verwerking.</Paragraph>
        <ExportLinks />
      </section>
    </>
  );
}
