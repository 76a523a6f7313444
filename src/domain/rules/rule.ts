import { z } from "zod";
import { EvidenceKind } from "../codes/schemas.ts";
import { Level } from "../../contract/catalogue.ts";

/**
 * Rules as data. A requirement from a productenboek or programma van eisen is one of a small number of shapes;
 * each shape is a typed leaf, combined with `all`, `any`, `not` and `contested` (a requirement the source document
 * states in two ways). Rules are stored, exported and evaluated; they never contain code.
 */

/** Education levels, lowest first. `hbo5` is the Associate-degree level (NLQF 5) some documents write as "HBO-5". */
export { Level };
export const levelRank: Record<Level, number> = { mbo1: 1, mbo2: 2, mbo3: 3, mbo4: 4, hbo5: 5, hbo: 6, wo: 7 };
export const levelLabel: Record<Level, string> = {
  mbo1: "MBO-1",
  mbo2: "MBO-2",
  mbo3: "MBO-3",
  mbo4: "MBO-4",
  hbo5: "HBO-5 (Associate degree)",
  hbo: "HBO",
  wo: "WO",
};

/** Roles a document requires to be available or involved. */
export const Role = z.enum([
  "hbo-professional",
  "wo-professional",
  "gedragswetenschapper",
  "big-of-skj-geregistreerde",
  "big-geregistreerde",
  "skj-geregistreerde",
  "psychiater",
  "arts",
  "regiebehandelaar",
  "verpleegkundige",
  "spv",
  "psycholoog",
  "orthopedagoog",
  "gz-psycholoog",
  "ervaringsdeskundige",
  "praktijkbegeleider",
  "casusregisseur",
  "chauffeur",
  "psychotherapeut",
  "klinisch-psycholoog",
  "systeemtherapeut",
  "vaktherapeut",
  "maatschappelijk-werker",
  "mdft-supervisor",
  "pedagogisch-medewerker",
]);
export type Role = z.infer<typeof Role>;

export const RolePurpose = z.enum([
  "consultatie",
  "ruggespraak",
  "overleg",
  "betrokken-bij-plan",
  "akkoord-plan",
  "uitvoering",
  "eindverantwoordelijk",
  "aanwezig",
  "werkbegeleiding",
  "supervisie",
]);
export type RolePurpose = z.infer<typeof RolePurpose>;

const share = z.number().min(0, "een aandeel is minimaal 0").max(1, "een aandeel is hoogstens 1 (100%)");
const positive = z.number().positive();
const nonNegative = z.number().nonnegative();

export const StaffShareRule = z
  .object({
    op: z.literal("staffShare"),
    /** minimum share of staff (0..1) at or above `atOrAbove` */
    minShare: share,
    atOrAbove: Level,
    /** the level every other staff member must have at least; null when the document sets none */
    restAtLeast: Level.nullable(),
    /** how the share is counted; documents rarely say */
    basis: z.enum(["headcount", "hours", "unspecified"]).default("unspecified"),
  })
  .strict();

export const FunctionMixRule = z
  .object({
    op: z.literal("functionMix"),
    /** fixed function mix: share per level, adding up to at most 1 */
    mix: z.partialRecord(Level, share),
  })
  .strict()
  .refine((r) => Object.values(r.mix).reduce<number>((a, b) => a + (b ?? 0), 0) <= 1.0000001, {
    message: "de functiemix telt op tot meer dan 100%",
    path: ["mix"],
  });

export const AllowedLevelsRule = z.object({ op: z.literal("allowedLevels"), levels: z.array(Level).min(1) }).strict();

export const MinLevelRule = z
  .object({
    op: z.literal("minLevel"),
    level: Level,
    /** the task the level applies to, in own words ("uitvoering", "opstellen begeleidingsplan") */
    task: z.string().min(1),
  })
  .strict();

export const RoleAvailableRule = z
  .object({
    op: z.literal("roleAvailable"),
    role: Role,
    purpose: RolePurpose,
    /** minimum level of that role, where stated */
    level: Level.nullable().default(null),
  })
  .strict();

export const GroupSizeRule = z
  .object({
    op: z.literal("groupSize"),
    clientsPerStaff: positive,
    meaning: z.enum(["average", "maximum", "tariff-assumption", "ratio"]),
    excludesVolunteers: z.boolean().default(false),
  })
  .strict();

export const ClientsPerGroupRule = z
  .object({
    op: z.literal("clientsPerGroup"),
    /** clients in one group or home, whatever the number of staff ("gemiddeld 8 jeugdigen op een groep") */
    clients: positive,
    meaning: z.enum(["average", "maximum"]),
  })
  .strict();

export const HoursPerWeekRule = z
  .object({
    op: z.literal("hoursPerWeek"),
    min: nonNegative.nullable().default(null),
    max: nonNegative.nullable().default(null),
    /** an average the document states ("gemiddeld 5,5 uur per week"); the delivered average must reach it */
    average: nonNegative.nullable().default(null),
    /** what the hours are of, in own words ("begeleiding per cliënt") */
    of: z.string().min(1),
  })
  .strict()
  .refine((r) => r.min !== null || r.max !== null || r.average !== null, { message: "geef min, max of average" });

export const SessionDurationRule = z
  .object({
    op: z.literal("sessionDuration"),
    hours: positive,
    meaning: z.enum(["average", "exact", "minimum", "maximum"]),
  })
  .strict();

export const AvailabilityRule = z
  .object({
    op: z.literal("availability"),
    mode: z.enum(["presence", "reachability"]),
    schedule: z.enum(["24/7", "kantooruren", "dagelijks"]),
  })
  .strict();

export const ResponseTimeRule = z
  .object({
    op: z.literal("responseTime"),
    /** start: care has started; on-site: staff on site (aanrijtijd); contact: first contact; placement: admitted */
    kind: z.enum(["start", "on-site", "contact", "placement"]),
    withinMinutes: positive,
  })
  .strict();

export const DurationUnit = z.enum(["months", "weeks"]);
export const DurationCapRule = z
  .object({
    op: z.literal("durationCap"),
    /** the unit of every number in this rule */
    unit: DurationUnit.default("months"),
    max: positive,
    extension: positive.nullable().default(null),
    maxExtensions: z.number().int().nonnegative().nullable().default(null),
    totalMax: positive.nullable().default(null),
    /** a minimum duration, where the document sets one */
    min: positive.nullable().default(null),
  })
  .strict();

export const AgeRule = z
  .object({
    op: z.literal("age"),
    /** inclusive lower bound in years */
    minAge: nonNegative.nullable().default(null),
    /** exclusive upper bound in years: "t/m 17" is 18, "tot 23" is 23 */
    maxAgeExclusive: positive.nullable().default(null),
  })
  .strict()
  .refine((r) => r.minAge !== null || r.maxAgeExclusive !== null, { message: "geef minAge of maxAgeExclusive" })
  .refine((r) => r.minAge === null || r.maxAgeExclusive === null || r.minAge < r.maxAgeExclusive, {
    message: "minAge moet kleiner zijn dan maxAgeExclusive",
  });

export const CombinationRule = z
  .object({
    op: z.literal("combination"),
    kind: z.enum(["requires", "excludes", "billed-separately", "included"]),
    /** product codes or, where the document names no code, the product name as written */
    products: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const PortfolioDutyRule = z
  .object({
    op: z.literal("portfolioDuty"),
    duty: z.string().min(1),
    /** products the provider must also offer (codes or stand-ins); empty when the duty is not about products */
    requiresProducts: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const ProviderEvidenceKind = EvidenceKind;
export type ProviderEvidenceKind = EvidenceKind;

export const ProviderEvidenceRule = z
  .object({
    op: z.literal("providerEvidence"),
    evidence: ProviderEvidenceKind,
    /** at most this many months between the evidence's date (issue, audit, survey) and the peildatum */
    maxAgeMonths: positive.nullable().default(null),
    /** the evidence's scope must name the product (certificates) */
    mustCoverProduct: z.boolean().default(false),
  })
  .strict();

export const TraineesPerSupervisorRule = z
  .object({
    op: z.literal("traineesPerSupervisor"),
    /** at most this many BBL-leerlingen per praktijkbegeleider at the same time */
    max: z.number().int().positive(),
  })
  .strict();

export const EvaluationRule = z.object({ op: z.literal("evaluation"), everyMonths: positive }).strict();

export const PlanDeadlineRule = z
  .object({
    op: z.literal("planDeadline"),
    plan: z.string().min(1),
    within: positive,
    unit: z.enum(["days", "weeks", "months"]),
    /** the moment the term starts, in own words ("start zorg", "zorgtoewijzing") */
    from: z.string().min(1),
  })
  .strict();

export const EscalationRule = z
  .object({
    op: z.literal("escalation"),
    direction: z.enum(["afschalen", "opschalen"]),
    /** what the care scales to, in own words; null when not named */
    to: z.string().nullable().default(null),
  })
  .strict();

export const EvidenceRule = z
  .object({
    op: z.literal("evidence"),
    evidence: z.enum(["vog", "diploma", "kwaliteitscertificaat", "rijbewijs", "ervaringscertificaat", "registratie", "licentie"]),
    /** maximum age of the evidence in months at any time */
    maxAgeMonths: positive.nullable().default(null),
    /** maximum months between issue and the start of work */
    issuedBeforeStartMaxMonths: positive.nullable().default(null),
  })
  .strict();

export const Register = z.enum(["BIG", "SKJ", "NIP", "NVO", "Vaktherapie", "VGCt", "Registerplein", "NKD"]);
export type Register = z.infer<typeof Register>;
export const RegistrationRule = z
  .object({
    op: z.literal("registration"),
    registers: z.array(Register).min(1),
    /** staff it applies to: those at or above this level */
    appliesFromLevel: Level,
  })
  .strict();

export const VolumeRule = z
  .object({
    op: z.literal("volume"),
    min: nonNegative.nullable().default(null),
    max: nonNegative.nullable().default(null),
    unit: z.enum(["dag", "dagdeel", "uur", "minuut", "etmaal", "contact", "traject", "rit"]),
    per: z.enum(["dag", "week", "maand", "jaar", "indicatie", "rit"]),
  })
  .strict()
  .refine((r) => r.min !== null || r.max !== null, { message: "geef min of max" });

export const DistanceBandRule = z
  .object({
    op: z.literal("distanceBand"),
    /** single-trip kilometres, both bounds inclusive */
    minKm: nonNegative,
    maxKm: positive,
  })
  .strict()
  .refine((r) => r.minKm <= r.maxKm, { message: "minKm moet kleiner of gelijk zijn aan maxKm" });

export const JudgementRule = z
  .object({
    op: z.literal("judgement"),
    /** a requirement that needs human judgement, in own words */
    text: z.string().min(1),
  })
  .strict();

export type Rule =
  | { op: "all"; rules: Rule[] }
  | { op: "any"; rules: Rule[] }
  | { op: "not"; rule: Rule }
  | { op: "contested"; readings: { label: string; line: number | null; rule: Rule }[] }
  | z.output<typeof StaffShareRule>
  | z.output<typeof FunctionMixRule>
  | z.output<typeof AllowedLevelsRule>
  | z.output<typeof MinLevelRule>
  | z.output<typeof RoleAvailableRule>
  | z.output<typeof GroupSizeRule>
  | z.output<typeof ClientsPerGroupRule>
  | z.output<typeof HoursPerWeekRule>
  | z.output<typeof SessionDurationRule>
  | z.output<typeof AvailabilityRule>
  | z.output<typeof ResponseTimeRule>
  | z.output<typeof DurationCapRule>
  | z.output<typeof AgeRule>
  | z.output<typeof CombinationRule>
  | z.output<typeof PortfolioDutyRule>
  | z.output<typeof ProviderEvidenceRule>
  | z.output<typeof TraineesPerSupervisorRule>
  | z.output<typeof EvaluationRule>
  | z.output<typeof PlanDeadlineRule>
  | z.output<typeof EscalationRule>
  | z.output<typeof EvidenceRule>
  | z.output<typeof RegistrationRule>
  | z.output<typeof VolumeRule>
  | z.output<typeof DistanceBandRule>
  | z.output<typeof JudgementRule>;

export type LeafRule = Exclude<Rule, { op: "all" | "any" | "not" | "contested" }>;
export type RuleOp = Rule["op"];

const leaves = [
  StaffShareRule,
  FunctionMixRule,
  AllowedLevelsRule,
  MinLevelRule,
  RoleAvailableRule,
  GroupSizeRule,
  ClientsPerGroupRule,
  HoursPerWeekRule,
  SessionDurationRule,
  AvailabilityRule,
  ResponseTimeRule,
  DurationCapRule,
  AgeRule,
  CombinationRule,
  PortfolioDutyRule,
  ProviderEvidenceRule,
  TraineesPerSupervisorRule,
  EvaluationRule,
  PlanDeadlineRule,
  EscalationRule,
  EvidenceRule,
  RegistrationRule,
  VolumeRule,
  DistanceBandRule,
  JudgementRule,
] as const;

export const Rule: z.ZodType<Rule, unknown> = z.lazy(() =>
  z.discriminatedUnion("op", [
    z.object({ op: z.literal("all"), rules: z.array(Rule) }).strict(),
    z.object({ op: z.literal("any"), rules: z.array(Rule) }).strict(),
    z.object({ op: z.literal("not"), rule: Rule }).strict(),
    z
      .object({
        op: z.literal("contested"),
        readings: z
          .array(z.object({ label: z.string().min(1), line: z.number().int().positive().nullable(), rule: Rule }).strict())
          .min(2, "een betwiste eis heeft minstens twee lezingen"),
      })
      .strict(),
    ...leaves,
  ]),
) as z.ZodType<Rule, unknown>;

/** Builders that output plain rule data (for tests and code that composes rules). */
export const rules = {
  all: (...r: Rule[]): Rule => ({ op: "all", rules: r }),
  any: (...r: Rule[]): Rule => ({ op: "any", rules: r }),
  not: (r: Rule): Rule => ({ op: "not", rule: r }),
};

/** Every leaf of a rule tree, depth first (readings of a contested rule included). */
export function leavesOf(rule: Rule): LeafRule[] {
  switch (rule.op) {
    case "all":
    case "any":
      return rule.rules.flatMap(leavesOf);
    case "not":
      return leavesOf(rule.rule);
    case "contested":
      return rule.readings.flatMap((r) => leavesOf(r.rule));
    default:
      return [rule];
  }
}
