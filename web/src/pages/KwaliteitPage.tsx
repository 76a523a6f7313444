import { Button, Heading, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useState } from "react";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { KwaliteitStatus } from "../components/KwaliteitBits.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { SelectField } from "../components/SelectField.tsx";
import { TextField } from "../components/TextField.tsx";
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

const frameworkColumns: Column<FrameworkItem>[] = [
  { header: "Nr", cell: (f) => f.nr },
  { header: "Kwaliteitskader", cell: (f) => <RouterLink href={`/kwaliteit/kaders/${f.nr}`}>{f.titel}</RouterLink> },
  { header: "Jaar", cell: (f) => f.jaar ?? "—" },
  { header: "Wet", cell: (f) => f.wetten.map((w) => lawLabel[w]).join(", ") },
  { header: "Segmenten", cell: (f) => f.segmenten.join(", ") || "hele wet" },
  { header: "Status", cell: (f) => <KwaliteitStatus status={f.status} /> },
  { header: "Criteria", cell: (f) => f.criteria },
];

const criterionColumns: Column<CriterionHit>[] = [
  {
    header: "Kader",
    cell: (h) => (
      <>
        <RouterLink href={`/kwaliteit/kaders/${h.kader}#${h.criterium}`}>
          {h.kader}. {h.kaderTitel}
        </RouterLink>{" "}
        {h.vervallen ? <KwaliteitStatus status="lapsed" /> : null}
      </>
    ),
  },
  { header: "Element", cell: (h) => elementLabel[h.element] },
  {
    header: "Criterium",
    cell: (h) => (
      <>
        {h.tekst} <span className="kader-muted kader-code">({h.criterium})</span>
      </>
    ),
  },
  { header: "Voor", cell: (h) => addresseeLabel[h.adressaat] },
  { header: "Aard", cell: (h) => natureLabel[h.aard] },
];

function Frameworks() {
  const r = useApi<{ items: FrameworkItem[] }>("/kwaliteitskaders");
  if (r.state === "loading") return <Loading what="Kwaliteitskaders" />;
  if (r.state === "error") return <ProblemAlert error={r.error} heading="Kwaliteitskaders konden niet worden geladen" />;
  return (
    <DataTable
      label="Kwaliteitskaders"
      testId="kaders"
      caption={`${r.data.items.length} kwaliteitskaders en -standaarden uit document 003, met ${r.data.items.reduce((n, f) => n + f.criteria, 0)} criteria`}
      columns={frameworkColumns}
      rows={r.data.items}
      rowKey={(f) => f.nr}
    />
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
    <DataTable
      label="Gevonden criteria"
      testId="criteria"
      captionProps={{ "data-testid": "criteria-count" }}
      caption={`${r.data.total} criteria gevonden${r.data.total > r.data.items.length ? `, de eerste ${r.data.items.length} getoond` : ""}`}
      columns={criterionColumns}
      rows={r.data.items}
      rowKey={(h) => `${h.kader}.${h.criterium}`}
    />
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
  const set = (k: keyof Filters) => (value: string) => setForm((f) => ({ ...f, [k]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/kwaliteit${qs(form)}`);
  };
  const select = (k: keyof Filters, label: string, options: [string, string][]) => (
    <SelectField id={`kk-${k}`} name={k} label={label} value={form[k]} onChange={set(k)} all="Alle" options={options} />
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
            <TextField id="kk-q" name="q" type="search" label="Zoek in de criteria" value={form.q} onChange={set("q")} maxLength={200} />
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
