import type { Level, LeafRule, Rule } from "../rules/rule.ts";
import type { Product } from "./product.ts";

/**
 * The export view of a product (format kader.productenboek/v1): the headline numbers projected from its rules.
 * Only firm requirements count (top level or inside `all`); alternatives (`any`), negations and contested readings
 * do not set a headline number — `contestedTopics` says where a number is in dispute.
 */
export interface ProductSummary {
  id: string;
  productenboekId: string;
  name: string;
  kind: Product["kind"];
  law: Product["law"];
  productcategorie: string | null;
  productcode: string | null;
  codeStatus: Product["codeStatus"];
  codeAsWritten: string;
  variant: string | null;
  unit: Product["unit"]["code"];
  unitStatus: Product["unit"]["status"];
  unitAsWritten: string | null;
  staffing: {
    minShareAtOrAbove: { level: Level; share: number }[];
    restAtLeast: Level | null;
    functionMix: Partial<Record<Level, number>> | null;
    allowedLevels: Level[] | null;
  } | null;
  groupSize: { clientsPerStaff: number; meaning: "average" | "maximum" | "tariff-assumption" | "ratio" } | null;
  clientsPerGroup: { clients: number; meaning: "average" | "maximum" } | null;
  ageRange: { minAge: number | null; maxAgeExclusive: number | null } | null;
  available24x7: boolean;
  startWithinHours: number | null;
  responseMinutes: number | null;
  evaluationEveryMonths: number | null;
  maxDurationMonths: number | null;
  maxDurationWeeks: number | null;
  sectionsPending: string[];
  contestedTopics: string[];
  notes: number;
  requirementCount: number;
  /** the topics of the requirements, for lists; the detail view renders the requirements themselves */
  topics: string[];
  description: string;
  source: { file: string; line: number };
}

function firmLeaves(rule: Rule): LeafRule[] {
  if (rule.op === "all") return rule.rules.flatMap(firmLeaves);
  if (rule.op === "any" || rule.op === "not" || rule.op === "contested") return [];
  return [rule];
}

export function summarize(p: Product): ProductSummary {
  const leaves = p.requirements.flatMap((r) => firmLeaves(r.rule));
  const of = <O extends LeafRule["op"]>(op: O) => leaves.filter((l): l is Extract<LeafRule, { op: O }> => l.op === op);
  const shares = of("staffShare");
  const mix = of("functionMix")[0];
  const allowed = of("allowedLevels")[0];
  const group = of("groupSize")[0];
  const ages = of("age");
  const response = of("responseTime");
  const minOrNull = (xs: number[]) => (xs.length ? Math.min(...xs) : null);
  return {
    id: p.id,
    productenboekId: p.productenboekId,
    name: p.name,
    kind: p.kind,
    law: p.law,
    productcategorie: p.productcategorie,
    productcode: p.productcode,
    codeStatus: p.codeStatus,
    codeAsWritten: p.codeAsWritten,
    variant: p.variant,
    unit: p.unit.code,
    unitStatus: p.unit.status,
    unitAsWritten: p.unit.asWritten,
    staffing:
      shares.length || mix || allowed
        ? {
            minShareAtOrAbove: shares.map((s) => ({ level: s.atOrAbove, share: s.minShare })),
            restAtLeast: shares.find((s) => s.restAtLeast)?.restAtLeast ?? null,
            functionMix: mix ? mix.mix : null,
            allowedLevels: allowed ? allowed.levels : null,
          }
        : null,
    groupSize: group ? { clientsPerStaff: group.clientsPerStaff, meaning: group.meaning } : null,
    clientsPerGroup: of("clientsPerGroup")[0] ? { clients: of("clientsPerGroup")[0]!.clients, meaning: of("clientsPerGroup")[0]!.meaning } : null,
    ageRange: ages.length
      ? {
          minAge: ages.reduce<number | null>((a, r) => (r.minAge === null ? a : Math.max(a ?? r.minAge, r.minAge)), null),
          maxAgeExclusive: ages.reduce<number | null>((a, r) => (r.maxAgeExclusive === null ? a : Math.min(a ?? r.maxAgeExclusive, r.maxAgeExclusive)), null),
        }
      : null,
    available24x7: of("availability").some((a) => a.schedule === "24/7"),
    startWithinHours: minOrNull(response.filter((r) => r.kind === "start").map((r) => r.withinMinutes / 60)),
    responseMinutes: minOrNull(response.filter((r) => r.kind === "on-site" || r.kind === "contact").map((r) => r.withinMinutes)),
    evaluationEveryMonths: minOrNull(of("evaluation").map((e) => e.everyMonths)),
    maxDurationMonths: minOrNull(
      of("durationCap")
        .filter((d) => d.unit === "months")
        .map((d) => d.totalMax ?? d.max),
    ),
    maxDurationWeeks: minOrNull(
      of("durationCap")
        .filter((d) => d.unit === "weeks")
        .map((d) => d.totalMax ?? d.max),
    ),
    sectionsPending: Object.entries(p.sections)
      .filter(([, s]) => s.status === "volgt-nog")
      .map(([k]) => k),
    contestedTopics: p.requirements.filter((r) => r.rule.op === "contested").map((r) => r.topic),
    notes: p.notes.length,
    requirementCount: p.requirements.length,
    topics: [...new Set(p.requirements.map((r) => r.topic))],
    description: p.description,
    source: { file: p.source.file, line: p.source.line },
  };
}
