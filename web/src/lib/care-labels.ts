import type { BudgetGroup, DeadlineKind, Eenheid, Frequentie, RedenWijziging, Severity, ToewijzingEvent, ToewijzingStatus, Verwijzer } from "./care-types.ts";
import type { Role } from "./types.ts";

/**
 * Dutch words for the care chain's codes, copied from the server's tables (src/domain/care/codes.ts, lifecycle.ts,
 * src/app/care.ts eventRoles, src/domain/billing/declaratie.ts retourcodeText): the web application may not import
 * from src/. A code the table does not know is shown as the code itself.
 */

/** WMO757 / LDT_Frequentie. */
export const frequentieLabel: Record<Frequentie, string> = {
  "1": "per dag",
  "2": "per week",
  "4": "per maand",
  "6": "totaal binnen de geldigheidsduur",
};
export const frequenties = Object.keys(frequentieLabel) as Frequentie[];

/** COD327 / LDT_TypeVerwijzer. */
export const verwijzerLabel: Record<Verwijzer, string> = {
  "01": "gemeente",
  "02": "huisarts",
  "03": "jeugdarts",
  "04": "gecertificeerde instelling",
  "05": "medisch specialist",
  "06": "zelfverwijzer of geen verwijzer",
  "08": "rechter, officier van justitie of justitiële jeugdinrichting",
};
export const verwijzers = Object.keys(verwijzerLabel) as Verwijzer[];

/** LDT_RedenWijziging. */
export const redenWijzigingLabel: Record<RedenWijziging, string> = {
  "01": "administratieve correctie (vervallen code)",
  "02": "cliënt overleden",
  "03": "contractwijziging",
  "04": "herbeoordeling: verlenging",
  "05": "herbeoordeling: verkorting",
  "06": "uitstroom naar ander domein",
  "07": "verhuizing naar een andere gemeente",
  "08": "wijziging leveringsvorm",
  "09": "overstap naar andere aanbieder",
  "10": "overgang naar nieuwe bekostigingssystematiek",
  "11": "gemeentelijke herindeling",
  "12": "geïnitieerd door de aanbieder",
  "13": "verwijderd",
  "14": "administratieve correctie",
};
/** The reasons a user may pick for wijzigen/intrekken: 13 belongs to verwijderen. */
export const redenenWijziging = (Object.keys(redenWijzigingLabel) as RedenWijziging[]).filter((r) => r !== "13");

/** WJ756 / LDT_Eenheid. */
export const eenheidLabel: Record<Eenheid, string> = {
  "01": "minuut",
  "04": "uur",
  "14": "etmaal",
  "16": "dagdeel",
  "82": "stuks (output)",
  "83": "euro",
  "84": "stuks (inspanning)",
};
/** The units a volume can be granted in (83, euro, is a budget). */
export const volumeEenheden = (Object.keys(eenheidLabel) as Eenheid[]).filter((e) => e !== "83");

export const wetLabel: Record<string, string> = { wmo: "Wmo 2015", jeugdwet: "Jeugdwet" };

export const toewijzingStatusLabel: Record<ToewijzingStatus, string> = {
  toegewezen: "toegewezen",
  gestart: "gestart",
  "tijdelijk-gestopt": "tijdelijk gestopt",
  gestopt: "gestopt",
  ingetrokken: "ingetrokken",
  verwijderd: "verwijderd",
};
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

/** The lifecycle table (src/domain/care/lifecycle.ts): which events each status allows. */
export const transitions: Record<ToewijzingStatus, ToewijzingEvent[]> = {
  toegewezen: ["start", "wijzigen", "intrekken", "verwijderen"],
  gestart: ["tijdelijk-stop", "stop", "wijzigen", "intrekken"],
  "tijdelijk-gestopt": ["start", "stop", "wijzigen", "intrekken"],
  gestopt: ["intrekken"],
  ingetrokken: [],
  verwijderd: [],
};

/** Who may report which event (src/app/care.ts eventRoles). */
export const eventRoles: Record<ToewijzingEvent, Role[]> = {
  start: ["aanbieder", "toegang"],
  "tijdelijk-stop": ["aanbieder", "toegang"],
  stop: ["aanbieder", "toegang"],
  wijzigen: ["toegang"],
  intrekken: ["toegang"],
  verwijderen: ["toegang"],
};
/** Events that need a RedenWijziging. */
export const needsReden = (e: ToewijzingEvent) => e === "wijzigen" || e === "intrekken";

export const severityLabel: Record<Severity, string> = {
  fout: "fout",
  waarschuwing: "waarschuwing",
  oordeel: "oordeel nodig",
};
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

/** The standard's retourcodes Kader answers with (src/domain/billing/declaratie.ts retourcodeText). */
export const retourcodeText: Record<string, string> = {
  "0200": "geen opmerking: de prestatie is toegekend",
  "0611": "het tarief is niet het contracttarief",
  "8017": "er is geen debetprestatie bekend bij deze creditprestatie",
  "8021": "dit referentienummer is al eerder aangeleverd",
  "8187": "de prestatie hoort niet bij deze cliënt",
  "9307": "de begindatum ligt buiten de toewijzing",
  "9308": "de einddatum ligt buiten de toewijzing",
  "9319": "de productperiode ligt niet binnen de declaratieperiode",
  "9321": "het geleverde volume is meer dan toegewezen",
  "9322": "samen met eerdere prestaties is meer gedeclareerd dan toegewezen",
  "9333": "het declaratienummer is niet uniek",
  "9338": "de prestatie hoort niet bij een toewijzing van deze aanbieder",
  "9339": "de productcategorie verschilt van de toewijzing",
  "9340": "de productcode verschilt van de toewijzing",
  "9341": "de eenheid verschilt van de toewijzing",
  "9346": "het bedrag is niet volume × tarief",
  "9369": "samen met eerdere prestaties is meer gedeclareerd dan het budget",
  "9384": "de toewijzing is verwijderd",
  "9389": "de vorige debetprestatie is nog niet gecrediteerd",
  "9390": "deze prestatie is al gecrediteerd",
};
export const explainRetourcode = (code: string) => retourcodeText[code] ?? `retourcode ${code}`;

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
