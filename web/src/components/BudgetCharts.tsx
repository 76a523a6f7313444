import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { euro, formatMonth } from "../lib/care-labels.ts";
import type { BudgetReport, BudgetRow } from "../lib/care-types.ts";
import { DataTable } from "./DataTable.tsx";

/**
 * The budget dashboard's charts (recharts; this module is loaded lazily, so the library only comes with this page).
 * Each chart is a role="img" with a summary in words, and its figures follow as a table: the chart is never the only
 * way to read them. Colours have 3:1 contrast on white and the series also differ in pattern (solid vs outlined).
 */

const BRAND = "#0b4f6c";
const ACCENT = "#b34700";
const TOP = 12;

const euroAxis = (cents: number) => {
  const e = cents / 100;
  return e >= 1_000_000
    ? `€ ${(e / 1_000_000).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} mln`
    : e >= 1000
      ? `€ ${Math.round(e / 1000).toLocaleString("nl-NL")}k`
      : `€ ${e}`;
};
const short = (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s);
const tooltipEuro = (v: unknown) => euro(typeof v === "number" ? v : Number(v));

/** Used (betaald) against granted per group: the largest groups by amount paid. */
export function GroupChart({ rows, groupLabel }: { rows: BudgetRow[]; groupLabel: string }) {
  const top = rows
    .slice(0, TOP)
    .map((r) => ({ name: short(r.label), full: r.label, toegekend: r.toegekendBudget ?? 0, betaald: r.betaald, onbekend: r.toegekendBudget === null }));
  const summary = top.map((r) => `${r.full}: ${euro(r.betaald)} betaald van ${r.onbekend ? "een onbekend bedrag" : euro(r.toegekend)}`).join("; ");
  return (
    <figure className="kader-chart kader-budget-chart" data-testid="chart-groups">
      <figcaption className="kader-chart-caption">
        Betaald tegenover toegekend per {groupLabel.toLowerCase()}
        {rows.length > TOP ? ` (de ${TOP} grootste van ${rows.length}; alle staan in de tabel hieronder)` : ""}
      </figcaption>
      <div role="img" aria-label={`Staafdiagram, betaald tegenover toegekend per ${groupLabel.toLowerCase()}. ${summary}.`} className="kader-chart-box">
        <ResponsiveContainer width="100%" height={Math.max(260, top.length * 38 + 80)}>
          <BarChart data={top} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#d5dadd" />
            <XAxis type="number" tickFormatter={euroAxis} stroke="#4d4d4d" />
            <YAxis type="category" dataKey="name" width={190} stroke="#4d4d4d" />
            <Tooltip formatter={tooltipEuro} labelFormatter={(_, p) => (p?.[0]?.payload as { full?: string } | undefined)?.full ?? ""} />
            <Legend />
            <Bar dataKey="toegekend" name="toegekend (omlijnd)" fill="#ffffff" stroke={BRAND} strokeWidth={2} isAnimationActive={false} />
            <Bar dataKey="betaald" name="betaald (gevuld)" fill={BRAND} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Declared (ingediend) and approved (toegekend) per month, with the same figures as a table. */
export function MonthChart({ maanden }: { maanden: BudgetReport["maanden"] }) {
  const data = maanden.map((m) => ({ ...m, name: formatMonth(m.maand) }));
  const first = maanden[0];
  const last = maanden.at(-1);
  const summary =
    first && last
      ? `van ${formatMonth(first.maand, true)} tot en met ${formatMonth(last.maand, true)}; laatste maand ${euro(last.ingediend)} ingediend en ${euro(last.toegekend)} toegekend`
      : "";
  return (
    <figure className="kader-chart kader-budget-chart" data-testid="chart-months">
      <figcaption className="kader-chart-caption">Ingediend en toegekend per maand</figcaption>
      <div role="img" aria-label={`Vlakdiagram, ingediend en toegekend per maand, ${summary}.`} className="kader-chart-box">
        <ResponsiveContainer width="100%" height={300}>
          <AreaChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 24 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d5dadd" />
            <XAxis dataKey="name" stroke="#4d4d4d" />
            <YAxis tickFormatter={euroAxis} stroke="#4d4d4d" width={80} />
            <Tooltip formatter={tooltipEuro} />
            <Legend />
            <Area
              type="monotone"
              dataKey="ingediend"
              name="ingediend (streepjeslijn)"
              stroke={ACCENT}
              strokeWidth={2}
              strokeDasharray="6 4"
              fill={ACCENT}
              fillOpacity={0.08}
              isAnimationActive={false}
            />
            <Area
              type="monotone"
              dataKey="toegekend"
              name="toegekend (doorgetrokken)"
              stroke={BRAND}
              strokeWidth={2}
              fill={BRAND}
              fillOpacity={0.25}
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <details className="kader-details">
        <summary>De grafiek als tabel</summary>
        <DataTable
          label="Ingediend en toegekend per maand"
          testId="months-table"
          caption="Ingediend en toegekend per maand"
          columns={[
            { header: "Maand", rowHeader: true, cell: (m) => formatMonth(m.maand, true) },
            { header: "Ingediend", num: true, cell: (m) => euro(m.ingediend) },
            { header: "Toegekend", num: true, cell: (m) => euro(m.toegekend) },
            { header: "Niet toegekend", num: true, cell: (m) => euro(m.ingediend - m.toegekend) },
          ]}
          rows={maanden}
          rowKey={(m) => m.maand}
        />
      </details>
    </figure>
  );
}

export default function BudgetCharts({ report, groupLabel }: { report: BudgetReport; groupLabel: string }) {
  return (
    <div className="kader-budget-charts">
      {report.rows.length ? <GroupChart rows={report.rows} groupLabel={groupLabel} /> : null}
      {report.maanden.length ? <MonthChart maanden={report.maanden} /> : null}
    </div>
  );
}
