import type { Product } from "../catalogue/product.ts";
import { explain } from "../rules/explain.ts";
import { evaluate, type Finding } from "../rules/evaluate.ts";
import type { FactKey, Facts, StaffMember } from "../rules/facts.ts";
import { type Level, leavesOf, type Register, type Role, type Rule } from "../rules/rule.ts";
import { addMonths, daysBetween, type IsoDate, monthsBetween } from "../shared/date.ts";
import { evidenceValidityMonths, type ProviderRecord, VOG_VALID_MONTHS } from "./provider.ts";
import type { StaffMemberRecord, StaffRegister } from "./staff.ts";

/** The keys a staff file or a portfolio duty may use for a product: its id, its code, its stand-in. */
export function productKeys(p: Product): string[] {
  const standIn = p.codeStatus === "pending" ? p.id.split(".")[2] : undefined;
  return [p.id, p.productcode, standIn].filter((k): k is string => typeof k === "string");
}

/**
 * Which requirements a provider can be checked on. Staffing, roles, evidence, registration and portfolio duties are
 * facts about the organisation; ages, durations, combinations, distances, volumes and plan terms are checked per
 * client and indication (the care chain), so they are listed here but not part of the provider's verdict.
 */
const perClient = new Set<Rule["op"]>([
  "age",
  "durationCap",
  "combination",
  "distanceBand",
  "volume",
  "planDeadline",
  "evaluation",
  "sessionDuration",
  "responseTime",
  "hoursPerWeek",
  "escalation",
]);
const reviewOnly = new Set<Rule["op"]>(["judgement"]);

export type RequirementStatus = "voldoet" | "voldoet-niet" | "onbekend" | "te-beoordelen" | "per-client";
export type Verdict = "voldoet" | "voldoet-niet" | "onbekend";

export interface RequirementResult {
  topic: string;
  line: number;
  text: string;
  status: RequirementStatus;
  reasons: { rule: string; message: string }[];
  missing: FactKey[];
  /** extra figures, e.g. a share counted by hours next to the share counted by head */
  info: string[];
}

export interface ProductCompliance {
  productId: string;
  productenboek: string;
  productcode: string | null;
  name: string;
  law: string;
  verdict: Verdict;
  /** every failing or unknown condition of the provider-level requirements, in Dutch */
  reasons: { rule: string; message: string }[];
  requirements: RequirementResult[];
  staffCount: number;
}

const levelOf = (s: StaffMemberRecord): Level => {
  // a care-related diploma counts at its level; otherwise only a demonstrated working level counts
  if (s.careRelated) return s.workingLevel && rank(s.workingLevel) > rank(s.level) ? s.workingLevel : s.level;
  return s.workingLevel ?? "mbo1";
};
const rank = (l: Level) => ["mbo1", "mbo2", "mbo3", "mbo4", "hbo5", "hbo", "wo"].indexOf(l);

const registerOf: Record<StaffRegister, Register> = { BIG: "BIG", SKJ: "SKJ", Registerplein: "Registerplein", NIP: "NIP", vaktherapie: "Vaktherapie" };

/** Roles recognised in the free-text `rol` column. */
const roleWords: [RegExp, Role][] = [
  [/gedragswetenschapper|orthopedagoog|psycholoog/i, "gedragswetenschapper"],
  [/orthopedagoog/i, "orthopedagoog"],
  [/psycholoog/i, "psycholoog"],
  [/gz-psycholoog/i, "gz-psycholoog"],
  [/praktijkbegeleider/i, "praktijkbegeleider"],
  [/regiebehandelaar/i, "regiebehandelaar"],
  [/psychiater/i, "psychiater"],
  [/verpleegkundige/i, "verpleegkundige"],
  [/chauffeur/i, "chauffeur"],
  [/ervaringsdeskundige/i, "ervaringsdeskundige"],
  [/vaktherapeut/i, "vaktherapeut"],
  [/pedagogisch medewerker/i, "pedagogisch-medewerker"],
];

/** The facts of one product at one peildatum, from the provider and the staff who work in that product. */
export function factsFor(product: Product, provider: ProviderRecord, staff: StaffMemberRecord[], peildatum: IsoDate, contracted: string[]): Facts {
  const validReg = (s: StaffMemberRecord) =>
    s.registration && (s.registration.validUntil === null || s.registration.validUntil >= peildatum) ? s.registration : null;
  const members: StaffMember[] = staff.map((s) => {
    const reg = validReg(s);
    return {
      level: levelOf(s),
      hoursPerWeek: s.hoursPerWeek,
      kind: s.kind === "bbl" ? "bbl-leerling" : s.kind === "stagiair" ? "stagiair" : s.kind === "vrijwilliger" ? "vrijwilliger" : "medewerker",
      registers: reg ? [registerOf[reg.register]] : [],
      vogAgeMonths: s.vogDate && s.vogDate <= peildatum ? monthsBetween(s.vogDate, peildatum) : null,
      vogIssuedBeforeStartMonths: s.vogDate && s.employmentStart ? (s.vogDate < s.employmentStart ? monthsBetween(s.vogDate, s.employmentStart) : 0) : null,
    };
  });
  const roles = new Map<Role, Level>();
  for (const s of staff) {
    if (s.kind !== "werknemer" && s.kind !== "zzp" && s.kind !== "uitzendkracht" && s.kind !== "ervaringsdeskundige") continue;
    // a role is available at the highest level anyone holding it has
    const add = (role: Role, level: Level) => {
      const known = roles.get(role);
      if (!known || rank(level) > rank(known)) roles.set(role, level);
    };
    for (const [re, role] of roleWords) if (re.test(s.role)) add(role, levelOf(s));
    const reg = validReg(s);
    if (reg && rank(levelOf(s)) >= rank("hbo")) {
      if (reg.register === "BIG" || reg.register === "SKJ") add("big-of-skj-geregistreerde", levelOf(s));
      if (reg.register === "BIG") add("big-geregistreerde", levelOf(s));
      if (reg.register === "SKJ") add("skj-geregistreerde", levelOf(s));
    }
  }
  const trainees = staff.filter((s) => s.kind === "bbl").length;
  const supervisors = staff.filter((s) => /praktijkbegeleider/i.test(s.role) && s.kind !== "bbl" && s.kind !== "stagiair").length;
  return {
    staff: members,
    rolesAvailable: [...roles].map(([role, level]) => ({ role, purpose: null, level })),
    peildatum,
    productKeys: productKeys(product),
    contractedProducts: contracted,
    providerEvidence: provider.evidence.map((e) => ({ kind: e.kind, date: e.date, validUntil: e.validUntil, scope: e.scope })),
    traineesPerSupervisor: trainees === 0 ? 0 : supervisors === 0 ? Number.POSITIVE_INFINITY : trainees / supervisors,
  };
}

function statusOf(rule: Rule, facts: Facts): { status: RequirementStatus; findings: Finding[] } {
  const ops = leavesOf(rule).map((l) => l.op);
  if (ops.some((op) => perClient.has(op))) return { status: "per-client", findings: [] };
  if (ops.every((op) => reviewOnly.has(op))) return { status: "te-beoordelen", findings: [] };
  const r = evaluate(rule, facts);
  if (r.verdict === "pass") return { status: "voldoet", findings: [] };
  if (r.verdict === "fail") return { status: "voldoet-niet", findings: r.findings };
  // unknown only because a person has to confirm something: a review item, not a missing fact
  const onlyConfirmations = r.findings.every((f) => f.missing.length === 0 || f.missing.every((m) => m === "confirmed"));
  return { status: onlyConfirmations ? "te-beoordelen" : "onbekend", findings: r.findings };
}

/** The verdict for one product: voldoet / voldoet niet / onbekend, with every failing condition and its numbers. */
export function checkProduct(
  product: Product,
  provider: ProviderRecord,
  allStaff: StaffMemberRecord[],
  peildatum: IsoDate,
  contracted: string[],
): ProductCompliance {
  const keys = new Set(productKeys(product));
  const staff = allStaff.filter((s) => s.products.some((k) => keys.has(k)));
  const facts = factsFor(product, provider, staff, peildatum, contracted);
  const requirements: RequirementResult[] = product.requirements.map((req) => {
    const { status, findings } = statusOf(req.rule, facts);
    const info: string[] = [];
    for (const leaf of leavesOf(req.rule))
      if (leaf.op === "staffShare" && leaf.basis === "unspecified" && staff.length) {
        const byHours = evaluate({ ...leaf, basis: "hours" }, facts);
        const counted = facts.staff!.filter((s) => s.kind === "medewerker");
        const atOrAbove = counted.filter((s) => rank(s.level) >= rank(leaf.atOrAbove));
        const hoursKnown = counted.every((s) => s.hoursPerWeek !== null);
        const total = counted.reduce((a, s) => a + (s.hoursPerWeek ?? 0), 0);
        const hourShare = hoursKnown && total > 0 ? atOrAbove.reduce((a, s) => a + (s.hoursPerWeek ?? 0), 0) / total : null;
        info.push(
          `${leaf.atOrAbove.toUpperCase()} of hoger: ${counted.length ? Math.round((atOrAbove.length / counted.length) * 100) : 0}% van de personen${
            hourShare === null ? "" : `, ${Math.round(hourShare * 100)}% van de uren (${byHours.verdict === "pass" ? "voldoet" : "voldoet niet"} op uren)`
          }; het document zegt niet of het om personen of uren gaat`,
        );
      }
    return {
      topic: req.topic,
      line: req.line,
      text: explain(req.rule),
      status,
      reasons: findings.map((f) => ({ rule: req.topic, message: f.reason })),
      missing: [...new Set(findings.flatMap((f) => f.missing))],
      info,
    };
  });
  const verdict: Verdict = requirements.some((r) => r.status === "voldoet-niet")
    ? "voldoet-niet"
    : requirements.some((r) => r.status === "onbekend")
      ? "onbekend"
      : "voldoet";
  return {
    productId: product.id,
    productenboek: product.productenboekId,
    productcode: product.productcode,
    name: product.name,
    law: product.law,
    verdict,
    reasons: requirements.filter((r) => r.status === "voldoet-niet" || r.status === "onbekend").flatMap((r) => r.reasons),
    requirements,
    staffCount: staff.length,
  };
}

/** The products a provider is checked for: those named in its staff file (by id, code or stand-in). */
export function productsFor(catalogue: Product[], staff: StaffMemberRecord[], productenboek?: string): Product[] {
  const named = new Set(staff.flatMap((s) => s.products));
  return catalogue.filter((p) => (!productenboek || p.productenboekId === productenboek) && productKeys(p).some((k) => named.has(k)));
}

export interface Signal {
  subject: string;
  evidence: string;
  expires: IsoDate;
  daysLeft: number;
}

/** Evidence that lapses within `days` days of the peildatum (or already has): VOG, registrations, organisation evidence. */
export function signals(provider: ProviderRecord, staff: StaffMemberRecord[], peildatum: IsoDate, days: number): Signal[] {
  const out: Signal[] = [];
  const add = (subject: string, evidence: string, expires: IsoDate) => {
    const left = daysBetween(peildatum, expires);
    if (left <= days) out.push({ subject, evidence, expires, daysLeft: left });
  };
  for (const s of staff) {
    if (s.vogDate) add(s.name, "VOG", addMonths(s.vogDate, VOG_VALID_MONTHS));
    if (s.registration?.validUntil) add(s.name, `registratie ${s.registration.register} ${s.registration.number}`, s.registration.validUntil);
  }
  for (const e of provider.evidence) {
    const months = evidenceValidityMonths[e.kind];
    const ends = [e.validUntil, months === null ? null : addMonths(e.date, months)].filter((d): d is string => d !== null).sort()[0];
    if (ends) add(provider.name, e.kind, ends);
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}
