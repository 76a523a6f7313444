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
import { type FormEvent, useEffect, useState } from "react";
import { KwaliteitStatus } from "../components/KwaliteitBits.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
import { qs, useApi } from "../lib/api.ts";
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
} from "../lib/quality.ts";
import { navigate, RouterLink, useLocation } from "../lib/router.tsx";

const filterKeys = ["q", "element", "segment", "wet", "adressaat", "aard", "begrip"] as const;
type Filters = Record<(typeof filterKeys)[number], string>;

function Frameworks() {
  const r = useApi<{ items: FrameworkItem[] }>("/kwaliteitskaders");
  if (r.state === "loading") return <Loading what="Kwaliteitskaders" />;
  if (r.state === "error") return <ProblemAlert error={r.error} heading="Kwaliteitskaders konden niet worden geladen" />;
  return (
    <TableWrap label="Kwaliteitskaders">
      <Table className="kader-table" data-testid="kaders">
        <TableCaption>{`${r.data.items.length} kwaliteitskaders en -standaarden uit document 003, met ${r.data.items.reduce((n, f) => n + f.criteria, 0)} criteria`}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Nr</TableHeaderCell>
            <TableHeaderCell scope="col">Kwaliteitskader</TableHeaderCell>
            <TableHeaderCell scope="col">Jaar</TableHeaderCell>
            <TableHeaderCell scope="col">Wet</TableHeaderCell>
            <TableHeaderCell scope="col">Segmenten</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col">Criteria</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {r.data.items.map((f) => (
            <TableRow key={f.nr}>
              <TableCell>{f.nr}</TableCell>
              <TableCell>
                <RouterLink href={`/kwaliteit/kaders/${f.nr}`}>{f.titel}</RouterLink>
              </TableCell>
              <TableCell>{f.jaar ?? "—"}</TableCell>
              <TableCell>{f.wetten.map((w) => lawLabel[w]).join(", ")}</TableCell>
              <TableCell>{f.segmenten.join(", ") || "hele wet"}</TableCell>
              <TableCell>
                <KwaliteitStatus status={f.status} />
              </TableCell>
              <TableCell>{f.criteria}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableWrap>
  );
}

function Results({ filters }: { filters: Filters }) {
  const active = filterKeys.some((k) => filters[k]);
  const r = useApi<{ items: CriterionHit[]; total: number }>(active ? `/kwaliteitskaders/criteria${qs({ ...filters, limit: 100 })}` : null);
  if (!active) return null;
  if (r.state === "loading") return <Loading what="Criteria" />;
  if (r.state === "error") return <ProblemAlert error={r.error} heading="Zoeken mislukt" />;
  if (r.data.total === 0) return <Paragraph data-testid="criteria-count">Geen criteria gevonden. Probeer een ander woord of minder filters.</Paragraph>;
  return (
    <TableWrap label="Gevonden criteria">
      <Table className="kader-table" data-testid="criteria">
        <TableCaption data-testid="criteria-count">{`${r.data.total} criteria gevonden${r.data.total > r.data.items.length ? `, de eerste ${r.data.items.length} getoond` : ""}`}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Kader</TableHeaderCell>
            <TableHeaderCell scope="col">Element</TableHeaderCell>
            <TableHeaderCell scope="col">Criterium</TableHeaderCell>
            <TableHeaderCell scope="col">Voor</TableHeaderCell>
            <TableHeaderCell scope="col">Aard</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {r.data.items.map((h) => (
            <TableRow key={`${h.kader}.${h.criterium}`}>
              <TableCell>
                <RouterLink href={`/kwaliteit/kaders/${h.kader}#${h.criterium}`}>
                  {h.kader}. {h.kaderTitel}
                </RouterLink>{" "}
                {h.vervallen ? <KwaliteitStatus status="lapsed" /> : null}
              </TableCell>
              <TableCell>{elementLabel[h.element]}</TableCell>
              <TableCell>
                {h.tekst} <span className="kader-muted kader-code">({h.criterium})</span>
              </TableCell>
              <TableCell>{addresseeLabel[h.adressaat]}</TableCell>
              <TableCell>{natureLabel[h.aard]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableWrap>
  );
}

/** The library: the 15 frameworks, and a search over all criteria with filters (state in the URL). */
export function KwaliteitPage() {
  const { search } = useLocation();
  const current = Object.fromEntries(filterKeys.map((k) => [k, search.get(k) ?? ""])) as Filters;
  const [form, setForm] = useState<Filters>(current);
  const segments = useApi<{ items: Segment[] }>("/kwaliteitskaders/segmenten");
  const concepts = useApi<{ items: { id: string; naam: string; criteria: unknown[] }[] }>("/kwaliteitskaders/begrippen");
  const key = filterKeys.map((k) => current[k]).join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows the URL (back/forward)
  useEffect(() => setForm(current), [key]);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/kwaliteit${qs(form)}`);
  };
  const select = (k: keyof Filters, label: string, options: [string, string][]) => (
    <FormField
      label={<FormLabel htmlFor={`kk-${k}`}>{label}</FormLabel>}
      input={
        <Select id={`kk-${k}`} name={k} value={form[k]} onChange={set(k)}>
          <SelectOption value="">Alle</SelectOption>
          {options.map(([v, l]) => (
            <SelectOption key={v} value={v}>
              {l}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
  return (
    <>
      <PageHeading title="Kwaliteitskaders">Kwaliteitskaders</PageHeading>
      <Paragraph className="kader-lead">
        De vijftien kwaliteitskaders en -standaarden die gemeenten bij de inkoop van jeugdhulp en maatschappelijke ondersteuning kunnen gebruiken (document
        003), met hun criteria per element. Gebruik ze in een <RouterLink href="/kwaliteit/programmas">programma van eisen</RouterLink>.
      </Paragraph>
      <search aria-label="Criteria zoeken">
        <form className="kader-search-form" onSubmit={submit}>
          <div className="kader-search-row">
            <FormField
              label={<FormLabel htmlFor="kk-q">Zoek in de criteria</FormLabel>}
              input={<Textbox id="kk-q" name="q" type="search" value={form.q} onChange={set("q")} maxLength={200} />}
            />
            <Button type="submit" appearance="primary-action-button">
              Zoeken
            </Button>
          </div>
          <div className="kader-filters">
            {select(
              "element",
              "Element",
              elements.map((e) => [e, elementLabel[e]]),
            )}
            {select(
              "segment",
              "Inkoopsegment",
              segments.state === "ok"
                ? segments.data.items.map((s) => [s.id, `${s.wet === "wmo" ? "Wmo" : "Jeugdhulp"} ${s.label}${s.wet === "wmo" ? "" : ` ${s.naam}`}`])
                : [],
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
              concepts.state === "ok" ? concepts.data.items.map((b) => [b.id, `${b.naam} (${b.criteria.length})`]) : [],
            )}
          </div>
        </form>
      </search>
      <section className="kader-section" aria-labelledby="kk-results">
        <Heading level={2} id="kk-results" className="kader-visually-hidden">
          Zoekresultaten
        </Heading>
        <Results filters={current} />
      </section>
      <section className="kader-section" aria-labelledby="kk-list">
        <Heading level={2} id="kk-list">
          Alle kaders
        </Heading>
        <Frameworks />
      </section>
    </>
  );
}
