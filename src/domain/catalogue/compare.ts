import { explain } from "../rules/explain.ts";
import type { LeafRule, Rule } from "../rules/rule.ts";
import { eenheidLabel } from "../codes/eenheid.ts";
import type { Product } from "./product.ts";

/** One aspect of the products side by side; `differs` marks rows whose values are not all the same. */
export interface ComparisonRow {
  aspect: string;
  label: string;
  values: (string | null)[];
  differs: boolean;
}

export interface Comparison {
  products: { id: string; productenboekId: string; name: string; productcode: string | null; law: string; variant: string | null }[];
  rows: ComparisonRow[];
}

const aspectLabels: Record<string, string> = {
  staffShare: "Opleiding (aandeel per niveau)",
  functionMix: "Functiemix",
  allowedLevels: "Toegestane niveaus",
  minLevel: "Minimumniveau per taak",
  roleAvailable: "Beschikbare rollen",
  groupSize: "Groepsgrootte",
  clientsPerGroup: "Cliënten per groep",
  hoursPerWeek: "Uren per week",
  sessionDuration: "Duur per keer",
  availability: "Aanwezigheid / bereikbaarheid",
  responseTime: "Reactie- en starttijden",
  durationCap: "Maximale duur",
  age: "Leeftijd",
  combination: "Combinaties",
  portfolioDuty: "Verplichtingen voor het aanbod",
  providerEvidence: "Bewijs van de organisatie",
  traineesPerSupervisor: "BBL-leerlingen per praktijkbegeleider",
  evaluation: "Evaluatie",
  planDeadline: "Termijn plan",
  escalation: "Op- en afschalen",
  evidence: "Bewijsstukken",
  registration: "Registratie",
  volume: "Volume",
  distanceBand: "Afstandsband",
  judgement: "Ter beoordeling",
  contested: "Betwiste eisen",
  any: "Alternatieven",
  not: "Uitsluitingen",
};

/** Top-level requirement parts by the aspect they speak to (an `all` is opened; other combinators stay whole). */
function parts(rule: Rule): Rule[] {
  return rule.op === "all" ? rule.rules.flatMap(parts) : [rule];
}
const aspectOf = (r: Rule): string => (r.op === "any" && r.rules.every((x) => x.op === r.rules[0]?.op) && r.rules[0] ? aspectOf(r.rules[0]) : r.op);

export function compareProducts(products: Product[]): Comparison {
  const fixed: { aspect: string; label: string; get: (p: Product) => string | null }[] = [
    { aspect: "productenboek", label: "Productenboek", get: (p) => p.productenboekId },
    { aspect: "law", label: "Wet", get: (p) => (p.law === "wmo" ? "Wmo" : "Jeugdwet") },
    { aspect: "code", label: "Productcode", get: (p) => p.productcode ?? `nog geen code (${p.codeAsWritten})` },
    { aspect: "name", label: "Naam", get: (p) => p.name },
    {
      aspect: "unit",
      label: "Eenheid",
      get: (p) => (p.unit.code ? `${p.unit.code} ${eenheidLabel[p.unit.code]}` : `niet vastgesteld (${p.unit.status})`),
    },
  ];
  const perProduct = products.map((p) => {
    const m = new Map<string, string[]>();
    for (const req of p.requirements)
      for (const part of parts(req.rule)) {
        const a = aspectOf(part);
        m.set(a, [...(m.get(a) ?? []), explain(part as Rule | LeafRule)]);
      }
    return m;
  });
  const aspects = Object.keys(aspectLabels).filter((a) => perProduct.some((m) => m.has(a)));
  const rows: ComparisonRow[] = [
    ...fixed.map((f) => {
      const values = products.map(f.get);
      return { aspect: f.aspect, label: f.label, values, differs: new Set(values).size > 1 };
    }),
    ...aspects.map((a) => {
      const values = perProduct.map((m) => (m.has(a) ? [...new Set(m.get(a))].sort().join("; ") : null));
      return { aspect: a, label: aspectLabels[a] ?? a, values, differs: new Set(values).size > 1 };
    }),
    {
      aspect: "pending",
      label: "Onderdelen die nog volgen",
      values: products.map((p) => {
        const s = Object.entries(p.sections)
          .filter(([, v]) => v.status === "volgt-nog")
          .map(([k]) => k);
        return s.length ? s.join(", ") : null;
      }),
      differs: false,
    },
  ];
  const last = rows[rows.length - 1]!;
  last.differs = new Set(last.values).size > 1;
  return {
    products: products.map((p) => ({ id: p.id, productenboekId: p.productenboekId, name: p.name, productcode: p.productcode, law: p.law, variant: p.variant })),
    rows,
  };
}
