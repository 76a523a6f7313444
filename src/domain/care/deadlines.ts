import type { Product } from "../catalogue/product.ts";
import type { LeafRule, Rule } from "../rules/rule.ts";
import { addDays, addMonths, type IsoDate } from "../shared/date.ts";
import type { Verwijzer } from "./codes.ts";
import type { ToewijzingStatus } from "./lifecycle.ts";

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Dutch national holidays that are not working days: Nieuwjaar, Pasen/Pinksteren (2nd days), Koningsdag, Hemelvaart, Kerst; Bevrijdingsdag in lustrum years. */
export function holidays(year: number): Set<IsoDate> {
  const e = easter(year);
  let koningsdag = `${year}-04-27`;
  if (new Date(`${koningsdag}T00:00:00Z`).getUTCDay() === 0) koningsdag = `${year}-04-26`;
  const days = [
    `${year}-01-01`,
    addDays(e, -2),
    e,
    addDays(e, 1),
    koningsdag,
    addDays(e, 39),
    addDays(e, 49),
    addDays(e, 50),
    `${year}-12-25`,
    `${year}-12-26`,
  ];
  if (year % 5 === 0) days.push(`${year}-05-05`);
  return new Set(days);
}

export function isWorkingDay(d: IsoDate): boolean {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !holidays(Number(d.slice(0, 4))).has(d);
}

/** The date n working days after d. */
export function addWorkingDays(d: IsoDate, n: number): IsoDate {
  let cur = d;
  let left = n;
  while (left > 0) {
    cur = addDays(cur, 1);
    if (isWorkingDay(cur)) left--;
  }
  return cur;
}

/** The standard's term for reporting a start or a stop: within 5 working days (iWmo/iJw processes). */
export const REPORT_WORKING_DAYS = 5;

export type DeadlineKind = "start-melden" | "stop-melden" | "starten" | "plan" | "evaluatie";
export interface Deadline {
  kind: DeadlineKind;
  due: IsoDate;
  /** Dutch: what must happen */
  text: string;
  /** the productenboek's words and line, or the standard's rule */
  source: { asWritten: string; line: number | null };
}

export interface DeadlineSubject {
  product: Product;
  status: ToewijzingStatus;
  toewijzingsdatum: IsoDate;
  ingangsdatum: IsoDate;
  einddatum: IsoDate | null;
  startdatum: IsoDate | null;
  verwijzer: Verwijzer | null;
}

/** planDeadline alternatives that only apply after an external referral (004: "Als een externe verwijzer verwijst"). */
function onlyAfterExternalReferral(rule: Rule, leaf: LeafRule): boolean {
  if (rule.op !== "any") return false;
  return rule.rules.includes(leaf as Rule) && rule.rules.some((r) => r.op === "judgement" && /externe verwijz/i.test(r.text));
}

function leavesWithParent(rule: Rule, parent: Rule): { leaf: LeafRule; parent: Rule }[] {
  switch (rule.op) {
    case "all":
    case "any":
      return rule.rules.flatMap((r) => leavesWithParent(r, rule));
    case "not":
      return leavesWithParent(rule.rule, rule);
    case "contested":
      return rule.readings.flatMap((r) => leavesWithParent(r.rule, rule));
    default:
      return [{ leaf: rule, parent }];
  }
}

/**
 * The deadlines of one toewijzing, from the product's own rules (responseTime start, planDeadline, evaluation) and
 * from the standard (start and stop reported within 5 working days). Only deadlines still open at `today` and the
 * next evaluation are returned; a work list sorts them by date.
 */
export function deadlinesFor(s: DeadlineSubject, today: IsoDate): Deadline[] {
  if (s.status === "verwijderd" || s.status === "ingetrokken") return [];
  const out: Deadline[] = [];
  const notStarted = s.status === "toegewezen";
  if (notStarted && s.ingangsdatum <= today)
    out.push({
      kind: "start-melden",
      due: addWorkingDays(s.ingangsdatum, REPORT_WORKING_DAYS),
      text: "start van de zorg melden (binnen 5 werkdagen na de start)",
      source: { asWritten: "startbericht binnen 5 werkdagen", line: null },
    });
  if ((s.status === "gestart" || s.status === "tijdelijk-gestopt") && s.einddatum !== null && s.einddatum < today)
    out.push({
      kind: "stop-melden",
      due: addWorkingDays(s.einddatum, REPORT_WORKING_DAYS),
      text: "stop van de zorg melden (de toewijzing is afgelopen)",
      source: { asWritten: "stopbericht binnen 5 werkdagen", line: null },
    });
  for (const req of s.product.requirements) {
    if (req.law && req.law !== s.product.law) continue;
    for (const { leaf, parent } of leavesWithParent(req.rule, req.rule)) {
      const source = { asWritten: req.asWritten, line: req.line };
      if (leaf.op === "responseTime" && leaf.kind === "start" && notStarted) {
        const days = Math.max(1, Math.ceil(leaf.withinMinutes / 1440));
        out.push({ kind: "starten", due: addDays(s.toewijzingsdatum, days), text: `zorg starten binnen ${leaf.withinMinutes / 60} uur na toewijzing`, source });
      }
      if (leaf.op === "planDeadline") {
        if (onlyAfterExternalReferral(parent, leaf) && (s.verwijzer === null || s.verwijzer === "01")) continue;
        const from = s.toewijzingsdatum;
        const due = leaf.unit === "days" ? addDays(from, leaf.within) : leaf.unit === "weeks" ? addDays(from, leaf.within * 7) : addMonths(from, leaf.within);
        if (due >= addDays(today, -31) || s.status === "toegewezen" || s.status === "gestart")
          out.push({
            kind: "plan",
            due,
            text: `${leaf.plan} opstellen (binnen ${leaf.within} ${leaf.unit === "days" ? "dagen" : leaf.unit === "weeks" ? "weken" : "maanden"} na ${leaf.from})`,
            source,
          });
      }
      if (leaf.op === "evaluation" && s.startdatum !== null && s.status !== "gestopt") {
        let due = addMonths(s.startdatum, leaf.everyMonths);
        while (due < today) due = addMonths(due, leaf.everyMonths);
        if (s.einddatum === null || due <= s.einddatum) out.push({ kind: "evaluatie", due, text: `evaluatie (elke ${leaf.everyMonths} maanden)`, source });
      }
    }
  }
  return out;
}
