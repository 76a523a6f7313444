import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { useId } from "react";
import { euroCents, euroDecimal, type OkResult, tariffUnitNoun } from "../lib/tariffs.ts";
import { TableWrap } from "./TableWrap.tsx";

/** One bar of the waterfall: a running figure ("total") or a change to it. */
interface Bar {
  label: string;
  kind: "total" | "up" | "down";
  from: number;
  to: number;
  /** the figure as shown: "€ 45,79" or "+ € 6,87" */
  text: string;
}

const nl = (s: string) => s.replace(".", ",");

/**
 * The bars from the breakdown's steps: uurkosten, then overhead, kapitaallasten/leegstand/risico and indexatie as
 * changes, the uurtarief; then per cliënturen (group products) and per eenheid. Null when a step is missing.
 */
export function waterfallBars(r: OkResult): Bar[] | null {
  const step = (naam: string) => r.stappen.find((s) => s.naam === naam);
  const value = (naam: string) => {
    const s = step(naam);
    return s ? Number(s.waarde) : undefined;
  };
  const uurkosten = value("uurkosten");
  const overhead = value("met overhead");
  const kosten = value("met kapitaallasten, leegstand en risico");
  const uurtarief = value("uurtarief");
  const perEenheid = value("tarief per eenheid (onafgerond)");
  if ([uurkosten, overhead, kosten, uurtarief, perEenheid].some((v) => v === undefined || Number.isNaN(v))) return null;

  const bars: Bar[] = [];
  const total = (label: string, to: number, text = euroDecimal(to)) => bars.push({ label, kind: "total", from: 0, to, text });
  const change = (label: string, from: number, to: number) =>
    bars.push({ label, kind: to < from ? "down" : "up", from, to, text: `${to < from ? "−" : "+"} ${euroDecimal(Math.abs(to - from))}` });

  total("Uurkosten", uurkosten!);
  change("Overhead", uurkosten!, overhead!);
  change("Kapitaallasten, leegstand, risico", overhead!, kosten!);
  change("Indexatie", kosten!, uurtarief!);
  total("Uurtarief", uurtarief!);
  let perClient = uurtarief!;
  const group = step("per cliënturen");
  if (group) {
    perClient = Number(group.waarde);
    const n = /\/ ([\d.]+) cliënten/.exec(group.formule)?.[1];
    change(n ? `÷ ${nl(n)} cliënten per begeleider` : "Groepsgrootte", uurtarief!, perClient);
    total("Per cliënturen", perClient);
  }
  if (r.eenheid !== "04") {
    const hours = /× ([\d.]+)/.exec(step("tarief per eenheid (onafgerond)")?.formule ?? "")?.[1];
    change(r.eenheid === "01" ? "÷ 60 minuten per uur" : `× ${hours ? nl(hours) : "de"} uur per dagdeel`, perClient, perEenheid!);
  }
  total(`Per ${tariffUnitNoun[r.eenheid]} (afgerond)`, r.tariefPerEenheid / 100, euroCents(r.tariefPerEenheid));
  return bars;
}

/** Round ticks (steps of 1, 2 or 5 × 10^n) for an axis from 0 to at least `max`, about five of them. */
export function ticks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const stepSize = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
  const n = Math.ceil(max / stepSize - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * stepSize).toPrecision(12)));
}

const W = 800;
const LABEL_W = 290;
const VALUE_W = 110;
const PLOT_X = LABEL_W;
const PLOT_W = W - LABEL_W - VALUE_W - 10;
const ROW_H = 34;
const BAR_H = 20;
const TOP = 8;
const AXIS_H = 34;

const kindWords: Record<Bar["kind"], string> = { total: "stand", up: "verhoging", down: "verlaging" };

/**
 * A waterfall chart of how the tariff is built up, drawn as inline SVG: a role="img" with a <title> and a <desc>
 * that says every figure, a legend that does not rely on colour (totals are solid, increases hatched, decreases
 * dotted, and every bar has its amount with + or −), and the same figures as a table.
 */
export function TariffWaterfall({ result, productName }: { result: OkResult; productName: string }) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const bars = waterfallBars(result);
  if (!bars) return <p className="kader-muted">De grafiek kan niet worden getekend: de berekening mist een van de stappen.</p>;

  const max = Math.max(...bars.flatMap((b) => [b.from, b.to]));
  const axis = ticks(max);
  const top = axis.at(-1) ?? max;
  const x = (v: number) => PLOT_X + (v / top) * PLOT_W;
  const height = TOP + bars.length * ROW_H + AXIS_H;
  const titleId = `${uid}-title`;
  const descId = `${uid}-desc`;
  const fill = { total: "var(--kader-color-brand)", up: `url(#${uid}-up)`, down: `url(#${uid}-down)` };
  const desc = `${bars.map((b) => `${b.label}: ${b.text}`).join("; ")}.`;
  const unit = tariffUnitNoun[result.eenheid];

  return (
    <div className="kader-chart">
      <TableWrap label="Grafiek: opbouw van het tarief">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`0 0 ${W} ${height}`}
          className="kader-chart-svg"
          data-testid="tariff-chart"
          focusable="false"
        >
          <title id={titleId}>
            Opbouw van het tarief van {productName}: van uurkosten naar {euroCents(result.tariefPerEenheid)} per {unit}
          </title>
          <desc id={descId}>{desc}</desc>
          <defs>
            <pattern id={`${uid}-up`} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
              <rect width="8" height="8" fill="var(--kader-color-accent)" />
              <line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" strokeWidth="3" />
            </pattern>
            <pattern id={`${uid}-down`} patternUnits="userSpaceOnUse" width="6" height="6">
              <rect width="6" height="6" fill="#4d4d4d" />
              <circle cx="3" cy="3" r="1.3" fill="#ffffff" />
            </pattern>
          </defs>
          {/* grid and axis */}
          {axis.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={TOP} y2={TOP + bars.length * ROW_H} stroke={t === 0 ? "#4d4d4d" : "#d5dadd"} strokeWidth={t === 0 ? 1.5 : 1} />
              <text x={x(t)} y={TOP + bars.length * ROW_H + 20} textAnchor="middle" className="kader-chart-tick">
                {euroDecimal(t).replace(",00", "")}
              </text>
            </g>
          ))}
          {bars.map((b, i) => {
            const y = TOP + i * ROW_H + (ROW_H - BAR_H) / 2;
            const lo = Math.min(b.from, b.to);
            const w = Math.max(1.5, x(Math.max(b.from, b.to)) - x(lo));
            const next = bars[i + 1];
            return (
              <g key={b.label} data-kind={b.kind}>
                <text
                  x={0}
                  y={y + BAR_H / 2}
                  dominantBaseline="middle"
                  className={b.kind === "total" ? "kader-chart-label kader-chart-label--total" : "kader-chart-label"}
                >
                  {b.label}
                </text>
                <rect
                  x={x(lo)}
                  y={y}
                  width={w}
                  height={BAR_H}
                  fill={fill[b.kind]}
                  stroke={b.kind === "total" ? "var(--kader-color-brand-dark)" : b.kind === "up" ? "#7a3000" : "#1a1a1a"}
                  strokeWidth="1"
                />
                <text x={W - VALUE_W} y={y + BAR_H / 2} dominantBaseline="middle" className="kader-chart-value">
                  {b.text}
                </text>
                {next ? <line x1={x(b.to)} x2={x(b.to)} y1={y + BAR_H} y2={y + ROW_H} stroke="#4d4d4d" strokeDasharray="3 3" strokeWidth="1" /> : null}
              </g>
            );
          })}
        </svg>
      </TableWrap>
      <ul className="kader-legend" aria-label="Legenda">
        {(["total", "up", "down"] as const).map((k) => (
          <li key={k}>
            <svg width="28" height="16" aria-hidden="true" focusable="false">
              <rect x="0.5" y="0.5" width="27" height="15" fill={fill[k]} stroke="#1a1a1a" />
            </svg>{" "}
            {k === "total" ? "effen: de stand (uurkosten, uurtarief, per eenheid)" : k === "up" ? "gearceerd: verhoging (+)" : "gestippeld: verlaging (−)"}
          </li>
        ))}
      </ul>
      <details className="kader-details">
        <summary>De grafiek als tabel</summary>
        <TableWrap label="Opbouw van het tarief als tabel">
          <Table className="kader-table" data-testid="tariff-chart-table">
            <TableCaption>Opbouw van het tarief van {productName}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Onderdeel</TableHeaderCell>
                <TableHeaderCell scope="col">Soort</TableHeaderCell>
                <TableHeaderCell scope="col" className="kader-num">
                  Bedrag
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="kader-num">
                  Stand na deze stap
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {bars.map((b) => (
                <TableRow key={b.label}>
                  <TableHeaderCell scope="row">{b.label}</TableHeaderCell>
                  <TableCell>{kindWords[b.kind]}</TableCell>
                  <TableCell className="kader-num">{b.text}</TableCell>
                  <TableCell className="kader-num">{b.kind === "total" ? b.text : euroDecimal(b.to)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      </details>
    </div>
  );
}
