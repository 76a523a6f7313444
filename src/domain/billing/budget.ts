import type { Frequentie } from "../care/codes.ts";
import { allowedVolume, monthsOf } from "../care/period.ts";
import { addMonths, type IsoDate, maxDate } from "../shared/date.ts";

/** Granted, declared and approved ("betaald": Kader pays what it approves) per toewijzing, in cents and units. */
export interface BudgetLine {
  toewijzingKey: string;
  toewijzingnummer: string;
  gemeentecode: string;
  agbCode: string;
  clientId: number;
  productId: string;
  productenboekId: string;
  ingangsdatum: IsoDate;
  einddatum: IsoDate | null;
  omvang: number | null;
  frequentie: Frequentie | null;
  budgetCents: number | null;
  /** contract tariff in cents per unit (null when unknown) */
  tariefCents: number | null;
  /** per month "YYYY-MM": net declared and approved cents */
  months: Record<string, { ingediend: number; toegekend: number }>;
}

/** The granted amount in cents over the whole toewijzing (volume × periods × tariff, or the budget). */
export function grantedCents(l: BudgetLine): number | null {
  if (l.budgetCents !== null) return l.budgetCents;
  if (l.omvang === null || l.frequentie === null || l.tariefCents === null || l.einddatum === null) return null;
  return allowedVolume(l.omvang, l.frequentie, l.ingangsdatum, l.einddatum) * l.tariefCents;
}

export interface BudgetRow {
  key: string;
  toegekendBudget: number | null;
  ingediend: number;
  betaald: number;
  /** share of the granted amount used (betaald / toegekendBudget) */
  verbruik: number | null;
  /** the month the granted amount runs out at the current run rate (average of the last 3 months); null when not before the last einddatum */
  uitputting: string | null;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function summarise(lines: BudgetLine[], keyOf: (l: BudgetLine) => string, peildatum: IsoDate): BudgetRow[] {
  const groups = new Map<string, BudgetLine[]>();
  for (const l of lines) groups.set(keyOf(l), [...(groups.get(keyOf(l)) ?? []), l]);
  return [...groups].map(([key, ls]) => {
    const granted = ls.map(grantedCents);
    const toegekendBudget = granted.some((g) => g === null) ? null : sum(granted as number[]);
    const ingediend = sum(ls.flatMap((l) => Object.values(l.months).map((m) => m.ingediend)));
    const betaald = sum(ls.flatMap((l) => Object.values(l.months).map((m) => m.toegekend)));
    return {
      key,
      toegekendBudget,
      ingediend,
      betaald,
      verbruik: toegekendBudget ? betaald / toegekendBudget : null,
      uitputting: toegekendBudget === null ? null : beforeEnd(ls, exhaustion(ls, toegekendBudget - betaald, peildatum)),
    };
  });
}

/** A forecast after the last einddatum of the group means: not exhausted while it runs (null). */
function beforeEnd(ls: BudgetLine[], month: string | null): string | null {
  if (month === null || ls.some((l) => l.einddatum === null)) return month;
  const last = ls.map((l) => l.einddatum!.slice(0, 7)).reduce(maxDate);
  return month > last ? null : month;
}

/** Forecast: the month in which `left` cents are used up at the average approved amount of the last 3 months. */
export function exhaustion(ls: BudgetLine[], left: number, peildatum: IsoDate): string | null {
  const last3 = monthsOf(addMonths(peildatum, -3), addMonths(peildatum, -1));
  const rate = sum(last3.map((m) => sum(ls.map((l) => l.months[m]?.toegekend ?? 0)))) / 3;
  if (left <= 0) return peildatum.slice(0, 7);
  if (rate <= 0) return null;
  return addMonths(`${peildatum.slice(0, 7)}-01`, Math.ceil(left / rate) - 1).slice(0, 7);
}

export interface BudgetSignal {
  kind: "verbruik-90" | "na-einddatum";
  toewijzingnummer: string;
  gemeentecode: string;
  agbCode: string;
  message: string;
}

/** Signals: a toewijzing more than 90% used; declarations for months after its einddatum. */
export function budgetSignals(lines: BudgetLine[]): BudgetSignal[] {
  const out: BudgetSignal[] = [];
  for (const l of lines) {
    const g = grantedCents(l);
    const paid = sum(Object.values(l.months).map((m) => m.toegekend));
    if (g !== null && g > 0 && paid / g > 0.9)
      out.push({
        kind: "verbruik-90",
        toewijzingnummer: l.toewijzingnummer,
        gemeentecode: l.gemeentecode,
        agbCode: l.agbCode,
        message: `toewijzing ${l.toewijzingnummer} is voor ${Math.round((paid / g) * 100)}% verbruikt`,
      });
    const late = l.einddatum === null ? [] : Object.keys(l.months).filter((m) => m > l.einddatum!.slice(0, 7) && l.months[m]!.ingediend !== 0);
    if (late.length)
      out.push({
        kind: "na-einddatum",
        toewijzingnummer: l.toewijzingnummer,
        gemeentecode: l.gemeentecode,
        agbCode: l.agbCode,
        message: `declaraties voor ${late.join(", ")} na de einddatum ${l.einddatum} van toewijzing ${l.toewijzingnummer}`,
      });
  }
  return out;
}
