import { ButtonLink, Heading, Paragraph, StatusBadge, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { type FormEvent, lazy, Suspense, useEffect, useState } from "react";
import { CareGate, count } from "../components/CareBits.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { FilterForm } from "../components/FilterForm.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { SelectField } from "../components/SelectField.tsx";
import { TextField } from "../components/TextField.tsx";
import { API, qs, useRoute } from "../lib/api.ts";
import { budgetGroupLabel, careRoles, euro, formatDay, formatMonth, percent } from "../lib/care-labels.ts";
import type { BudgetGroup, BudgetReport } from "../lib/care-types.ts";
import { navigate, RouterLink, useLocation } from "../lib/router.tsx";

// recharts is large: it comes with this page only
const BudgetCharts = lazy(() => import("../components/BudgetCharts.tsx"));

const groups = Object.keys(budgetGroupLabel) as BudgetGroup[];
const signalLabel: Record<string, string> = { "verbruik-90": "meer dan 90% verbruikt", "na-einddatum": "gedeclareerd na de einddatum" };

/** Budget monitoring: granted vs declared vs paid per group, per month, with signals and an Excel export. */
export function BudgetPage() {
  return (
    <>
      <PageHeading title="Budgetbewaking">Budgetbewaking</PageHeading>
      <Paragraph className="kader-lead">
        Toegekend (volume × periode × contracttarief, of het budget), ingediend en betaald (wat Kader toekende) per groep, met een prognose van de maand waarin
        het toegekende bedrag op is bij het gemiddelde van de laatste drie maanden.
      </Paragraph>
      <CareGate roles={careRoles} what="de budgetbewaking">
        <Dashboard />
      </CareGate>
    </>
  );
}

function Dashboard() {
  const { search } = useLocation();
  const groepParam = search.get("groep") ?? "";
  const groep: BudgetGroup = (groups as string[]).includes(groepParam) ? (groepParam as BudgetGroup) : "product";
  const peildatum = search.get("peildatum") ?? "";
  const [form, setForm] = useState({ groep, peildatum });
  useEffect(() => setForm({ groep, peildatum }), [groep, peildatum]);
  const report = useRoute("GET /api/v1/budget", { query: { groep, ...(peildatum ? { peildatum } : {}) } }, { cached: false });
  const data = report.state === "ok" ? report.data : report.state === "loading" ? report.previous : undefined;
  const label = budgetGroupLabel[groep];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/budget${qs({ groep: form.groep === "product" ? "" : form.groep, peildatum: form.peildatum })}`);
  };

  const totals = data
    ? {
        toegekend: data.rows.every((r) => r.toegekendBudget !== null) ? data.rows.reduce((s, r) => s + (r.toegekendBudget ?? 0), 0) : null,
        ingediend: data.rows.reduce((s, r) => s + r.ingediend, 0),
        betaald: data.rows.reduce((s, r) => s + r.betaald, 0),
      }
    : null;

  return (
    <>
      <FilterForm label="Budgetoverzicht instellen" onSubmit={submit}>
        <SelectField
          id="budget-groep"
          name="groep"
          label="Groeperen per"
          value={form.groep}
          onChange={(v) => setForm((f) => ({ ...f, groep: v }))}
          options={groups.map((g) => [g, budgetGroupLabel[g]] as const)}
        />
        <TextField
          id="budget-peildatum"
          name="peildatum"
          type="date"
          label="Peildatum"
          hint="Voor de prognose; leeg is vandaag"
          value={form.peildatum || data?.peildatum || ""}
          onChange={(v) => setForm((f) => ({ ...f, peildatum: v }))}
        />
      </FilterForm>
      {report.state === "loading" && !data ? <Loading what="Het budgetoverzicht" /> : null}
      {report.state === "error" ? <ProblemAlert error={report.error} heading="Het budgetoverzicht kon niet worden geladen" /> : null}
      {data && totals ? (
        <div className={report.state === "loading" ? "kader-busy" : undefined} aria-busy={report.state === "loading"}>
          <Paragraph data-testid="budget-summary">
            Peildatum {formatDay(data.peildatum)}: toegekend {totals.toegekend === null ? "niet volledig bekend" : <strong>{euro(totals.toegekend)}</strong>},
            ingediend <strong>{euro(totals.ingediend)}</strong>, betaald <strong>{euro(totals.betaald)}</strong>
            {totals.toegekend ? ` (${percent(totals.betaald / totals.toegekend)} verbruikt)` : ""}.
          </Paragraph>
          <div className="kader-actions">
            <ButtonLink
              appearance="secondary-action-button"
              href={`${API}/budget${qs({ groep, peildatum: peildatum || data.peildatum, format: "xlsx" })}`}
              download={`kader-budget-${groep}-${data.peildatum}.xlsx`}
              data-testid="budget-xlsx"
            >
              Download het overzicht in Excel (.xlsx)
            </ButtonLink>
          </div>
          <Signals report={data} />
          {data.rows.length === 0 && data.maanden.length === 0 ? (
            <Paragraph>Er zijn nog geen toewijzingen of declaraties om te bewaken.</Paragraph>
          ) : (
            <section aria-labelledby="budget-charts-h" className="kader-section">
              <Heading level={2} id="budget-charts-h">
                Verbruik in grafieken
              </Heading>
              <Suspense fallback={<Loading what="De grafieken" />}>
                <BudgetCharts report={data} groupLabel={label} />
              </Suspense>
            </section>
          )}
          {data.rows.length ? <GroupTable report={data} label={label} groep={groep} /> : null}
        </div>
      ) : null}
    </>
  );
}

function Signals({ report }: { report: BudgetReport }) {
  return (
    <section aria-labelledby="budget-signals-h" className="kader-section">
      <Heading level={2} id="budget-signals-h">
        Signalen
      </Heading>
      {report.signalen.length === 0 ? (
        <Paragraph data-testid="budget-signals">
          Geen signalen: geen toewijzing is voor meer dan 90% verbruikt en er is niet na een einddatum gedeclareerd.
        </Paragraph>
      ) : (
        <UnorderedList data-testid="budget-signals">
          {report.signalen.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: signals are a fixed list
            <UnorderedListItem key={i} data-kind={s.kind}>
              <StatusBadge status={s.kind === "verbruik-90" ? "warning" : "danger"}>{signalLabel[s.kind] ?? s.kind}</StatusBadge> {s.message} · aanbieder{" "}
              <span className="kader-code">{s.agbCode}</span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function GroupTable({ report, label, groep }: { report: BudgetReport; label: string; groep: BudgetGroup }) {
  const unknown = <span className="kader-muted">onbekend</span>;
  const columns: Column<BudgetReport["rows"][number]>[] = [
    {
      header: label,
      rowHeader: true,
      cell: (r) => (groep === "client" ? <RouterLink href={`/clienten/${encodeURIComponent(r.key)}`}>{r.label}</RouterLink> : r.label),
    },
    { header: "Toegekend", num: true, cell: (r) => (r.toegekendBudget === null ? unknown : euro(r.toegekendBudget)) },
    { header: "Ingediend", num: true, cell: (r) => euro(r.ingediend) },
    { header: "Betaald", num: true, cell: (r) => euro(r.betaald) },
    { header: "Verbruik", num: true, cell: (r) => (r.verbruik === null ? unknown : percent(r.verbruik)) },
    {
      header: "Op in (prognose)",
      cell: (r) => (r.uitputting ? formatMonth(r.uitputting, true) : <span className="kader-muted">niet te voorspellen</span>),
    },
  ];
  return (
    <section aria-labelledby="budget-table-h" className="kader-section">
      <Heading level={2} id="budget-table-h">
        Per {label.toLowerCase()}
      </Heading>
      <DataTable
        label={`Budget per ${label.toLowerCase()}`}
        testId="budget-table"
        caption={`Toegekend, ingediend en betaald per ${label.toLowerCase()} (${count(report.rows.length, "regel", "regels")}, meest betaald eerst); de gegevens van de staafgrafiek`}
        columns={columns}
        rows={report.rows}
        rowKey={(r) => r.key}
        rowProps={(r) => ({ className: r.verbruik !== null && r.verbruik > 0.9 ? "kader-fails" : undefined })}
      />
    </section>
  );
}
