import type { Eenheid } from "../codes/eenheid.ts";
import type { Finding } from "../codes/finding.ts";
import { monthsBetween } from "../shared/date.ts";
import { explain, num, pct, providerEvidenceLabel } from "./explain.ts";
import type { FactKey, Facts, StaffMember } from "./facts.ts";
import { type Level, levelLabel, levelRank, type LeafRule, type Rule } from "./rule.ts";

export type Verdict = "pass" | "fail" | "unknown";

/**
 * A finding of the rule interpreter: the one Finding (src/domain/codes/finding.ts) — severity fout for a fail,
 * onbekend for an unknown; code is the op, message the reason — with the interpreter's own fields.
 */
export interface RuleFinding extends Finding {
  /** path of the leaf in the rule tree, e.g. "rules[1].readings[0]" */
  path: string;
  op: Rule["op"];
  code: Rule["op"];
  verdict: "fail" | "unknown";
  severity: "fout" | "onbekend";
  /** Dutch, with the numbers involved (the same as message) */
  reason: string;
  /** facts that were missing (for unknown) */
  missing: FactKey[];
}
/** The name RuleFinding had before the one Finding; kept for the files that use it. */
export type { RuleFinding as Finding };

export interface Evaluation {
  verdict: Verdict;
  findings: RuleFinding[];
}

const PASS: Evaluation = { verdict: "pass", findings: [] };

/** The WJ756 units that count in a volume rule's unit word. */
const unitsFor: Record<string, Eenheid[]> = {
  uur: ["04"],
  minuut: ["01"],
  dagdeel: ["16"],
  etmaal: ["14"],
  dag: ["14", "82", "84"],
  contact: ["82", "84"],
  traject: ["82", "84"],
  rit: ["82", "84"],
};
const daysOf: Record<string, number> = { dag: 1, week: 7, maand: 365.25 / 12, jaar: 365.25 };
const frequencyDays: Record<string, number> = { "1": 1, "2": 7, "4": 365.25 / 12 };

/** A granted volume expressed in a volume rule's unit and period; undefined when the units are not comparable. */
function volumeIn(rule: Extract<LeafRule, { op: "volume" }>, g: Facts["grantedVolume"]): number | undefined {
  if (!g || !(unitsFor[rule.unit] ?? []).includes(g.eenheid)) return undefined;
  let factor: number | undefined;
  if (rule.per === "indicatie") factor = g.frequentie === "6" ? 1 : g.days / frequencyDays[g.frequentie]!;
  else if (daysOf[rule.per] !== undefined) factor = g.frequentie === "6" ? daysOf[rule.per]! / g.days : daysOf[rule.per]! / frequencyDays[g.frequentie]!;
  return factor === undefined ? undefined : Math.round(g.amount * factor * 1000) / 1000;
}
const EPS = 1e-9;

/**
 * Evaluates a rule against facts. Returns every failing leaf with a Dutch reason, and every leaf whose facts are
 * missing as `unknown` (reported, never guessed).
 */
export function evaluate(rule: Rule, facts: Facts, path = ""): Evaluation {
  switch (rule.op) {
    case "all": {
      const results = rule.rules.map((r, i) => evaluate(r, facts, `${path}rules[${i}].`));
      const findings = results.flatMap((r) => r.findings);
      if (results.some((r) => r.verdict === "fail")) return { verdict: "fail", findings };
      if (results.some((r) => r.verdict === "unknown")) return { verdict: "unknown", findings };
      return PASS;
    }
    case "any": {
      const results = rule.rules.map((r, i) => evaluate(r, facts, `${path}rules[${i}].`));
      if (results.some((r) => r.verdict === "pass")) return PASS;
      const findings = results.flatMap((r) => r.findings);
      if (results.some((r) => r.verdict === "unknown")) return { verdict: "unknown", findings };
      if (results.length === 0) return { verdict: "fail", findings: [leafFinding(path, "any", "fail", "geen enkel alternatief gegeven")] };
      return { verdict: "fail", findings };
    }
    case "not": {
      const inner = evaluate(rule.rule, facts, `${path}rule.`);
      if (inner.verdict === "unknown") return inner;
      if (inner.verdict === "fail") return PASS;
      return {
        verdict: "fail",
        findings: [leafFinding(path, "not", "fail", `voldoet aan wat is uitgesloten: ${explain(rule.rule)}`)],
      };
    }
    case "contested": {
      const results = rule.readings.map((r, i) => evaluate(r.rule, facts, `${path}readings[${i}].`));
      const verdicts = new Set(results.map((r) => r.verdict));
      if (verdicts.size === 1) return results[0]!;
      const summary = rule.readings.map((r, i) => `volgens "${r.label}"${r.line ? ` (regel ${r.line})` : ""}: ${dutchVerdict[results[i]!.verdict]}`).join("; ");
      return {
        verdict: "unknown",
        findings: [leafFinding(path, "contested", "unknown", `het document is tegenstrijdig en de lezingen geven een ander oordeel — ${summary}`)],
      };
    }
    default:
      return evaluateLeaf(rule, facts, path);
  }
}

const dutchVerdict: Record<Verdict, string> = { pass: "voldoet", fail: "voldoet niet", unknown: "onbekend" };

function leafFinding(path: string, op: Rule["op"], verdict: "fail" | "unknown", reason: string, missing: FactKey[] = []): RuleFinding {
  const severity = verdict === "fail" ? "fout" : "onbekend";
  return { path: path.replace(/\.$/, "") || "(hoofdregel)", op, verdict, reason, missing, severity, code: op, message: reason };
}

const atLeast = (l: Level, min: Level) => levelRank[l] >= levelRank[min];
const counted = (staff: StaffMember[]) => staff.filter((s) => s.kind === "medewerker");

function evaluateLeaf(rule: LeafRule, f: Facts, path: string): Evaluation {
  const fail = (reason: string): Evaluation => ({ verdict: "fail", findings: [leafFinding(path, rule.op, "fail", reason)] });
  const unknown = (reason: string, missing: FactKey[] = []): Evaluation => ({
    verdict: "unknown",
    findings: [leafFinding(path, rule.op, "unknown", reason, missing)],
  });
  const missing = (key: FactKey) => unknown(`gegeven ontbreekt: ${key} (nodig voor: ${explain(rule)})`, [key]);
  const needsConfirmation = () =>
    f.confirmed?.includes(explain(rule)) ? PASS : unknown(`nog niet bevestigd door een beoordelaar: ${explain(rule)}`, ["confirmed"]);

  switch (rule.op) {
    case "staffShare": {
      if (!f.staff) return missing("staff");
      const staff = counted(f.staff);
      if (staff.length === 0) return unknown("geen meetellende medewerkers (leerlingen, stagiairs en vrijwilligers tellen niet mee)", ["staff"]);
      let share: number;
      if (rule.basis === "hours") {
        if (staff.some((s) => s.hoursPerWeek === null)) return unknown("uren per week ontbreken bij een of meer medewerkers", ["staff"]);
        const total = staff.reduce((a, s) => a + (s.hoursPerWeek ?? 0), 0);
        if (total === 0) return unknown("de medewerkers hebben samen 0 uur per week", ["staff"]);
        share = staff.filter((s) => atLeast(s.level, rule.atOrAbove)).reduce((a, s) => a + (s.hoursPerWeek ?? 0), 0) / total;
      } else {
        share = staff.filter((s) => atLeast(s.level, rule.atOrAbove)).length / staff.length;
      }
      const problems: string[] = [];
      if (share + EPS < rule.minShare) problems.push(`${pct(share)} op ${levelLabel[rule.atOrAbove]}-niveau of hoger, vereist minimaal ${pct(rule.minShare)}`);
      if (rule.restAtLeast) {
        const below = staff.filter((s) => !atLeast(s.level, rule.restAtLeast!));
        if (below.length)
          problems.push(`${below.length} medewerker(s) onder ${levelLabel[rule.restAtLeast]} (${below.map((s) => levelLabel[s.level]).join(", ")})`);
      }
      return problems.length ? fail(problems.join("; ")) : PASS;
    }
    case "functionMix": {
      if (!f.staff) return missing("staff");
      const staff = counted(f.staff);
      if (staff.length === 0) return unknown("geen meetellende medewerkers", ["staff"]);
      // cumulative from the top: the share at or above each level of the mix must reach the mix's share at or above it
      const levels = (Object.keys(rule.mix) as Level[]).sort((a, b) => levelRank[b] - levelRank[a]);
      const problems: string[] = [];
      let required = 0;
      for (const l of levels) {
        required += rule.mix[l] ?? 0;
        const actual = staff.filter((s) => atLeast(s.level, l)).length / staff.length;
        if (actual + EPS < required) problems.push(`${pct(actual)} op ${levelLabel[l]} of hoger, functiemix vraagt ${pct(required)}`);
      }
      return problems.length ? fail(problems.join("; ")) : PASS;
    }
    case "allowedLevels": {
      if (!f.staff) return missing("staff");
      const top = Math.max(...rule.levels.map((l) => levelRank[l]));
      const wrong = counted(f.staff).filter((s) => !rule.levels.includes(s.level) && levelRank[s.level] < top);
      return wrong.length
        ? fail(
            `${wrong.length} medewerker(s) op een niet-toegestaan niveau (${wrong.map((s) => levelLabel[s.level]).join(", ")}); toegestaan: ${rule.levels.map((l) => levelLabel[l]).join(", ")} of hoger`,
          )
        : PASS;
    }
    case "minLevel": {
      if (!f.staff) return missing("staff");
      const staff = counted(f.staff);
      const ok = staff.filter((s) => atLeast(s.level, rule.level));
      if (ok.length === staff.length && staff.length > 0) return PASS;
      if (ok.length === 0) return fail(`geen medewerker op ${levelLabel[rule.level]} of hoger voor: ${rule.task}`);
      return unknown(`${staff.length - ok.length} medewerker(s) onder ${levelLabel[rule.level]}; onbekend of zij ${rule.task} doen`, ["staff"]);
    }
    case "roleAvailable": {
      const byLevel =
        (rule.role === "hbo-professional" || rule.role === "wo-professional") &&
        counted(f.staff ?? []).some((s) => atLeast(s.level, rule.level ?? (rule.role === "wo-professional" ? "wo" : "hbo")));
      if (byLevel) return PASS;
      if (!f.rolesAvailable) return missing("rolesAvailable");
      const match = f.rolesAvailable.some((r) => r.role === rule.role && (!rule.level || !r.level || atLeast(r.level, rule.level)));
      return match ? PASS : fail(`niet beschikbaar: ${explain(rule)}`);
    }
    case "groupSize": {
      if (rule.meaning === "tariff-assumption") return PASS; // an assumption behind the tariff, not a limit
      if (f.clientsPerStaff === undefined) return missing("clientsPerStaff");
      return f.clientsPerStaff > rule.clientsPerStaff + EPS
        ? fail(
            `${num(f.clientsPerStaff)} cliënten per begeleider, ${rule.meaning === "average" ? "gemiddeld" : "maximaal"} ${num(rule.clientsPerStaff)} toegestaan`,
          )
        : PASS;
    }
    case "clientsPerGroup": {
      if (f.clientsPerGroup === undefined) return missing("clientsPerGroup");
      return f.clientsPerGroup > rule.clients + EPS
        ? fail(`${num(f.clientsPerGroup)} cliënten in de groep, ${rule.meaning === "average" ? "gemiddeld" : "maximaal"} ${num(rule.clients)} toegestaan`)
        : PASS;
    }
    case "hoursPerWeek": {
      if (f.hoursPerWeek === undefined) return missing("hoursPerWeek");
      if (rule.average !== null && f.hoursPerWeek + EPS < rule.average)
        return fail(`gemiddeld ${num(f.hoursPerWeek)} uur per week, gemiddeld ${num(rule.average)} vereist`);
      if (rule.min !== null && f.hoursPerWeek + EPS < rule.min) return fail(`${num(f.hoursPerWeek)} uur per week, minimaal ${num(rule.min)} vereist`);
      if (rule.max !== null && f.hoursPerWeek > rule.max + EPS) return fail(`${num(f.hoursPerWeek)} uur per week, maximaal ${num(rule.max)} toegestaan`);
      return PASS;
    }
    case "sessionDuration": {
      if (rule.meaning === "average") return PASS; // an average describes the product, a single session may differ
      if (f.sessionHours === undefined) return missing("sessionHours");
      const h = f.sessionHours;
      if (rule.meaning === "exact" && Math.abs(h - rule.hours) > EPS) return fail(`${num(h)} uur, vereist ${num(rule.hours)} uur`);
      if (rule.meaning === "minimum" && h + EPS < rule.hours) return fail(`${num(h)} uur, minimaal ${num(rule.hours)} uur vereist`);
      if (rule.meaning === "maximum" && h > rule.hours + EPS) return fail(`${num(h)} uur, maximaal ${num(rule.hours)} uur toegestaan`);
      return PASS;
    }
    case "availability": {
      const key: FactKey = rule.mode === "presence" ? "presence24x7" : "reachable24x7";
      const value = rule.mode === "presence" ? f.presence24x7 : (f.reachable24x7 ?? f.presence24x7);
      if (value === undefined) return missing(key);
      if (value) return PASS;
      return rule.schedule === "24/7" ? fail(`geen ${explain(rule)}`) : unknown(`alleen 24/7 is als gegeven bekend; ${explain(rule)} niet vastgesteld`, [key]);
    }
    case "responseTime": {
      const v = f.responseMinutes?.[rule.kind];
      if (v === undefined) return missing("responseMinutes");
      return v > rule.withinMinutes + EPS
        ? fail(`${num(v)} minuten tot ${explain(rule).split(" binnen")[0]}, maximaal ${num(rule.withinMinutes)} minuten`)
        : PASS;
    }
    case "durationCap": {
      const key: FactKey = rule.unit === "weeks" ? "durationWeeks" : "durationMonths";
      const duration = f[key] as number | undefined;
      if (duration === undefined) return missing(key);
      const u = rule.unit === "weeks" ? "weken" : "maanden";
      const ext = f.extensions ?? 0;
      const problems: string[] = [];
      if (rule.maxExtensions !== null && ext > rule.maxExtensions) problems.push(`${ext} verlengingen, hoogstens ${rule.maxExtensions} toegestaan`);
      const withExtensions = rule.max + ext * (rule.extension ?? 0);
      const allowed = rule.totalMax !== null ? Math.min(rule.totalMax, withExtensions) : withExtensions;
      if (duration > allowed + EPS) problems.push(`duur ${num(duration)} ${u}, maximaal ${num(allowed)} ${u}`);
      if (rule.min !== null && duration + EPS < rule.min) problems.push(`duur ${num(duration)} ${u}, minimaal ${num(rule.min)} ${u}`);
      return problems.length ? fail(problems.join("; ")) : PASS;
    }
    case "age": {
      if (f.clientAge === undefined) return missing("clientAge");
      if (rule.minAge !== null && f.clientAge < rule.minAge) return fail(`leeftijd ${num(f.clientAge)}, minimaal ${num(rule.minAge)} jaar`);
      if (rule.maxAgeExclusive !== null && f.clientAge >= rule.maxAgeExclusive)
        return fail(`leeftijd ${num(f.clientAge)}, moet jonger zijn dan ${num(rule.maxAgeExclusive)} jaar`);
      return PASS;
    }
    case "combination": {
      if (rule.kind === "billed-separately" || rule.kind === "included") return PASS;
      if (!f.otherProducts) return missing("otherProducts");
      const has = rule.products.filter((p) => f.otherProducts!.includes(p));
      if (rule.kind === "requires") return has.length ? PASS : fail(`vereist ${rule.products.join(" of ")}, niet aanwezig`);
      return has.length ? fail(`niet te combineren met ${has.join(", ")}`) : PASS;
    }
    case "evaluation": {
      if (f.evaluationEveryMonths === undefined) return missing("evaluationEveryMonths");
      return f.evaluationEveryMonths > rule.everyMonths + EPS
        ? fail(`evaluatie elke ${num(f.evaluationEveryMonths)} maanden, minimaal elke ${num(rule.everyMonths)} maanden vereist`)
        : PASS;
    }
    case "planDeadline": {
      if (f.planWithinDays === undefined) return missing("planWithinDays");
      // weeks are exact; a month is counted as the shortest calendar month a term of that many months can span
      const limitDays = rule.unit === "days" ? rule.within : rule.unit === "weeks" ? rule.within * 7 : rule.within * 28;
      if (rule.unit === "months" && f.planWithinDays > limitDays && f.planWithinDays <= rule.within * 31)
        return unknown(`${rule.plan} na ${num(f.planWithinDays)} dagen; of dat binnen ${num(rule.within)} maanden is, hangt af van de kalender`, [
          "planWithinDays",
        ]);
      return f.planWithinDays > limitDays + EPS
        ? fail(`${rule.plan} na ${num(f.planWithinDays)} dagen, uiterlijk ${explain(rule).split(" binnen ")[1]}`)
        : PASS;
    }
    case "evidence": {
      if (rule.evidence !== "vog") return needsConfirmation();
      if (!f.staff) return missing("staff");
      const problems: string[] = [];
      let unknownCount = 0;
      for (const s of f.staff) {
        if (rule.maxAgeMonths !== null) {
          if (s.vogAgeMonths === null) unknownCount++;
          else if (s.vogAgeMonths > rule.maxAgeMonths + EPS) problems.push(`VOG van ${num(s.vogAgeMonths)} maanden oud (maximaal ${num(rule.maxAgeMonths)})`);
        }
        if (rule.issuedBeforeStartMaxMonths !== null) {
          if (s.vogIssuedBeforeStartMonths === null) unknownCount++;
          else if (s.vogIssuedBeforeStartMonths > rule.issuedBeforeStartMaxMonths + EPS)
            problems.push(`VOG ${num(s.vogIssuedBeforeStartMonths)} maanden voor indiensttreding afgegeven (maximaal ${num(rule.issuedBeforeStartMaxMonths)})`);
        }
      }
      if (problems.length) return fail(problems.join("; "));
      return unknownCount ? unknown(`VOG-gegevens ontbreken bij ${unknownCount} controle(s)`, ["staff"]) : PASS;
    }
    case "registration": {
      if (!f.staff) return missing("staff");
      const unregistered = counted(f.staff).filter((s) => atLeast(s.level, rule.appliesFromLevel) && !s.registers.some((r) => rule.registers.includes(r)));
      return unregistered.length
        ? fail(`${unregistered.length} medewerker(s) vanaf ${levelLabel[rule.appliesFromLevel]} zonder registratie in ${rule.registers.join(" of ")}`)
        : PASS;
    }
    case "volume": {
      const per = f.volumePer ?? volumeIn(rule, f.grantedVolume);
      if (per === undefined) return missing("volumePer");
      if (rule.min !== null && per + EPS < rule.min) return fail(`${num(per)} per ${rule.per}, minimaal ${num(rule.min)}`);
      if (rule.max !== null && per > rule.max + EPS) return fail(`${num(per)} per ${rule.per}, maximaal ${num(rule.max)}`);
      return PASS;
    }
    case "distanceBand": {
      if (f.distanceKm === undefined) return missing("distanceKm");
      return f.distanceKm + EPS < rule.minKm || f.distanceKm > rule.maxKm + EPS
        ? fail(`${num(f.distanceKm)} km valt buiten de band ${num(rule.minKm)}–${num(rule.maxKm)} km`)
        : PASS;
    }
    case "portfolioDuty": {
      if (rule.requiresProducts.length === 0) return needsConfirmation();
      if (!f.contractedProducts) return missing("contractedProducts");
      return rule.requiresProducts.some((p) => f.contractedProducts!.includes(p))
        ? PASS
        : fail(`niet gecontracteerd voor ${rule.requiresProducts.join(" of ")}, wat verplicht is bij dit product`);
    }
    case "providerEvidence": {
      if (!f.providerEvidence) return missing("providerEvidence");
      if (!f.peildatum) return missing("peildatum");
      const peil = f.peildatum;
      const ofKind = f.providerEvidence.filter((e) => e.kind === rule.evidence);
      if (ofKind.length === 0) return fail(`geen ${providerEvidenceLabel[rule.evidence]} aanwezig`);
      const valid = ofKind.filter((e) => e.date <= peil && (e.validUntil === null || e.validUntil >= peil));
      if (valid.length === 0) return fail(`${providerEvidenceLabel[rule.evidence]} is verlopen of nog niet geldig op ${peil}`);
      const fresh = rule.maxAgeMonths === null ? valid : valid.filter((e) => monthsBetween(e.date, peil) <= rule.maxAgeMonths! + EPS);
      if (fresh.length === 0) {
        const newest = valid
          .map((e) => e.date)
          .sort()
          .at(-1)!;
        return fail(
          `${providerEvidenceLabel[rule.evidence]} van ${newest} is ${num(Math.round(monthsBetween(newest, peil) * 10) / 10)} maanden oud, maximaal ${num(rule.maxAgeMonths!)}`,
        );
      }
      if (rule.mustCoverProduct) {
        if (!f.productKeys) return missing("productKeys");
        const covers = fresh.some((e) => e.scope.includes("*") || e.scope.some((s) => f.productKeys!.includes(s)));
        if (!covers) return fail(`de scope van het ${providerEvidenceLabel[rule.evidence].replace(/^geldig /, "")} dekt dit product niet`);
      }
      return PASS;
    }
    case "traineesPerSupervisor": {
      if (f.traineesPerSupervisor === undefined) return missing("traineesPerSupervisor");
      if (!Number.isFinite(f.traineesPerSupervisor)) return fail("er zijn BBL-leerlingen maar geen praktijkbegeleider");
      return f.traineesPerSupervisor > rule.max + EPS
        ? fail(`${num(Math.round(f.traineesPerSupervisor * 10) / 10)} BBL-leerlingen per praktijkbegeleider, hoogstens ${rule.max}`)
        : PASS;
    }
    case "escalation":
    case "judgement":
      return needsConfirmation();
    default: {
      const never: never = rule;
      return never;
    }
  }
}
