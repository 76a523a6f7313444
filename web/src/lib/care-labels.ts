import { EENHEDEN, eenheidLabel } from "../../../src/domain/codes/eenheid.ts";
import { FREQUENTIES, frequentieLabel } from "../../../src/domain/codes/frequentie.ts";
import { REDENEN_WIJZIGING } from "../../../src/domain/codes/reden.ts";
import { VERWIJZERS } from "../../../src/domain/codes/verwijzer.ts";
import { wetLabel as wetLabelOfCodes } from "../../../src/domain/codes/wet.ts";
import type { BudgetGroup, DeadlineKind, Eenheid, Frequentie, RedenWijziging, Severity, ToewijzingEvent, ToewijzingStatus, Verwijzer } from "./care-types.ts";
import type { Role } from "./types.ts";
import { eventRoles, transitions as lifecycle, statusLabel } from "../../../src/domain/codes/lifecycle.ts";

/**
 * Dutch words for the care chain's codes. The code lists and their labels come from src/domain/codes (its zod-free
 * modules, the one place they are defined); the lifecycle and eventRoles tables are copies of src/domain/care/lifecycle.ts
 * and src/app/care.ts. A code the table does not know is shown as the code itself.
 */

/** The code lists (frequentie, verwijzer, reden wijziging, eenheid, wet, severity) and their labels: src/domain/codes. */
export { eenheidLabel, frequentieLabel };
export { redenWijzigingLabel } from "../../../src/domain/codes/reden.ts";
export { severityLabel } from "../../../src/domain/codes/severity.ts";
export { verwijzerLabel } from "../../../src/domain/codes/verwijzer.ts";
export const frequenties: readonly Frequentie[] = FREQUENTIES;
export const verwijzers: readonly Verwijzer[] = VERWIJZERS;
/** The reasons a user may pick for wijzigen/intrekken: 13 belongs to verwijderen. */
export const redenenWijziging: RedenWijziging[] = REDENEN_WIJZIGING.filter((r) => r !== "13");
/** The units a volume can be granted in (83, euro's, is a budget). */
export const volumeEenheden: Eenheid[] = EENHEDEN.filter((e) => e !== "83");
export const wetLabel: Record<string, string> = wetLabelOfCodes;

export const toewijzingStatusLabel: Record<ToewijzingStatus, string> = statusLabel;
/** NL Design System status-badge variant per status (the word is always shown too). */
export const toewijzingStatusBadge: Record<ToewijzingStatus, string> = {
  toegewezen: "neutral",
  gestart: "success",
  "tijdelijk-gestopt": "warning",
  gestopt: "neutral",
  ingetrokken: "danger",
  verwijderd: "danger",
};

export const eventLabel: Record<ToewijzingEvent, string> = {
  start: "Starten",
  "tijdelijk-stop": "Tijdelijk stoppen",
  stop: "Stoppen",
  wijzigen: "Wijzigen",
  intrekken: "Intrekken",
  verwijderen: "Verwijderen",
};
/** In the history: what happened. */
export const eventPast: Record<ToewijzingEvent, string> = {
  start: "gestart",
  "tijdelijk-stop": "tijdelijk gestopt",
  stop: "gestopt",
  wijzigen: "gewijzigd",
  intrekken: "ingetrokken",
  verwijderen: "verwijderd",
};
/** What the date of an event means, as the field label. */
export const eventDateLabel: Record<ToewijzingEvent, string> = {
  start: "Startdatum",
  "tijdelijk-stop": "Stopdatum",
  stop: "Stopdatum",
  wijzigen: "Nieuwe einddatum",
  intrekken: "Einddatum (intrekken per)",
  verwijderen: "Datum",
};

/** The lifecycle table (src/domain/codes/lifecycle.ts): which events each status allows. */
export const transitions = Object.fromEntries(Object.entries(lifecycle).map(([status, to]) => [status, Object.keys(to) as ToewijzingEvent[]])) as Record<
  ToewijzingStatus,
  ToewijzingEvent[]
>;

/** Who may report which event (src/domain/codes/lifecycle.ts). */
export { eventRoles };
/** Events that need a RedenWijziging. */
export const needsReden = (e: ToewijzingEvent) => e === "wijzigen" || e === "intrekken";

export const severityBadge: Record<Severity, string> = { fout: "danger", waarschuwing: "warning", oordeel: "active" };
export const severityHelp: Record<Severity, string> = {
  fout: "de beschikking kan zo niet worden afgegeven",
  waarschuwing: "ter informatie; houdt de beschikking niet tegen",
  oordeel: "het document laat hier een professioneel oordeel; afgeven kan met een motivering",
};

export const deadlineKindLabel: Record<DeadlineKind, string> = {
  "start-melden": "Start melden",
  "stop-melden": "Stop melden",
  starten: "Zorg starten",
  plan: "Plan opstellen",
  evaluatie: "Evaluatie",
};

export const budgetGroupLabel: Record<BudgetGroup, string> = {
  product: "Product",
  aanbieder: "Aanbieder",
  client: "Cliënt",
  productenboek: "Productenboek",
  toewijzing: "Toewijzing",
};

/** Kader's explanation of a retourcode (src/domain/codes/retourcodes.ts), or "retourcode <code>". */
export { explainRetourcode } from "../../../src/domain/codes/retourcodes.ts";

/** 004's table "Resultaatgebieden per niveau van begeleiding" (regel 389): suggestions for 004 products. */
export const resultaatgebieden004 = [
  "Veilige huiselijke relatie",
  "Zelfstandig wonen",
  "Financiën op orde",
  "Omgang met instanties",
  "ADL op orde",
  "Sociaal netwerk",
  "Maatschappelijke participatie",
  "Gezondheid",
  "Verslaving",
];

// formatting

const euroFmt = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
/** 123456 → "€ 1.234,56" (euro cents, nl-NL; a no-break space after the sign is made an ordinary one). */
export const euro = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? "" : euroFmt.format(cents / 100).replace(/\u00a0/g, " ");

/** "2026-01-05" → "05-01-2026" (calendar days; no time zone shifts). */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

const monthFmt = new Intl.DateTimeFormat("nl-NL", { month: "short", year: "numeric" });
const monthLongFmt = new Intl.DateTimeFormat("nl-NL", { month: "long", year: "numeric" });
/** "2026-01" → "jan 2026" (or "januari 2026" with long). */
export function formatMonth(ym: string | null | undefined, long = false): string {
  if (!ym) return "";
  const m = /^(\d{4})-(\d{2})/.exec(ym);
  if (!m) return ym;
  return (long ? monthLongFmt : monthFmt).format(new Date(Number(m[1]), Number(m[2]) - 1, 1)).replace(".", "");
}

export const percent = (share: number | null | undefined): string =>
  share === null || share === undefined ? "" : new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 0 }).format(share);

/** The BSN's elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11 (and not all zeros). */
export function isValidBsn(bsn: string): boolean {
  if (!/^[0-9]{9}$/.test(bsn) || bsn === "000000000") return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (bsn.charCodeAt(i) - 48);
  sum -= bsn.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/** For screens where a BSN must not appear in full: the last three digits only. */
export const maskBsn = (bsn: string): string => `******${bsn.slice(-3)}`;

/** The volume as granted, in words: "240 minuut per week", or the budget. */
export function omvangText(t: {
  omvang?: number | null;
  volume?: number | null;
  eenheid: Eenheid | null;
  frequentie: Frequentie | null;
  budgetCents?: number | null;
  budget?: number | null;
}): string {
  const budget = t.budgetCents ?? t.budget ?? null;
  if (budget !== null) return `budget ${euro(budget)}`;
  const v = t.omvang ?? t.volume ?? null;
  if (v === null) return "geen omvang";
  return `${new Intl.NumberFormat("nl-NL").format(v)} ${t.eenheid ? (eenheidLabel[t.eenheid] ?? t.eenheid) : ""} ${t.frequentie ? (frequentieLabel[t.frequentie] ?? "") : ""}`
    .replace(/\s+/g, " ")
    .trim();
}

/** Roles that see the care chain's screens. */
export const careRoles: Role[] = ["toegang", "controller", "aanbieder"];
