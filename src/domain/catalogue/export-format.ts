import { explain } from "../rules/explain.ts";
import type { Product, Productenboek } from "./product.ts";
import { type ProductSummary, summarize } from "./summary.ts";

export const EXPORT_FORMAT = "kader.productenboek/v1";

/**
 * The open productenboek format (docs/productenboek-format.md): one entry per (productenboek, law, productcode,
 * variant). The keys of v1 keep their meaning; new keys may be added.
 */
export function toExportDocument(asOf: string, productenboeken: Productenboek[], products: Product[]) {
  const byBook = new Map<string, Product[]>();
  for (const p of products) byBook.set(p.productenboekId, [...(byBook.get(p.productenboekId) ?? []), p]);
  return {
    format: EXPORT_FORMAT,
    asOf,
    productenboeken: productenboeken.map((pb) => ({
      id: pb.id,
      title: pb.title,
      source: pb.source,
      documentType: pb.documentType,
      issuer: pb.issuer,
      version: pb.version,
      validFrom: pb.validFrom,
      laws: pb.laws,
      uitvoeringsvariant: pb.uitvoeringsvariant,
      description: pb.description,
      notes: pb.notes,
      tables: pb.tables,
      products: (byBook.get(pb.id) ?? []).map(exportProduct),
    })),
  };
}

function exportProduct(p: Product) {
  // the headline fields come from the summary (one projection of the rules); list-only fields are left out
  const {
    productenboekId: _b,
    sectionsPending: _s,
    contestedTopics: _c,
    notes: _n,
    requirementCount: _r,
    topics: _t,
    source: _src,
    ...headline
  } = summarize(p);
  return {
    ...headline,
    unitDefinition: p.unit.definition,
    sections: p.sections,
    requirements: p.requirements.map((r) => ({ topic: r.topic, text: explain(r.rule), asWritten: r.asWritten, line: r.line, rule: r.rule })),
    notes: p.notes,
    attributes: p.attributes,
    siblings: p.siblings,
    source: { file: p.source.file, line: p.source.line, endLine: p.source.endLine },
  };
}

/** Columns of the CSV/XLSX export: one row per product, for contract managers. */
export const exportColumns: { key: string; header: string; get: (p: Product, s: ProductSummary) => string | number | boolean | null }[] = [
  { key: "productenboek", header: "Productenboek", get: (p) => p.productenboekId },
  { key: "id", header: "Product-id", get: (p) => p.id },
  { key: "law", header: "Wet", get: (p) => p.law },
  { key: "productcategorie", header: "Productcategorie", get: (p) => p.productcategorie },
  { key: "productcode", header: "Productcode", get: (p) => p.productcode },
  { key: "codeAsWritten", header: "Code zoals geschreven", get: (p) => p.codeAsWritten },
  { key: "variant", header: "Variant", get: (p) => p.variant },
  { key: "name", header: "Naam", get: (p) => p.name },
  { key: "kind", header: "Soort", get: (p) => p.kind },
  { key: "unit", header: "Eenheid (WJ756)", get: (p) => p.unit.code },
  { key: "unitAsWritten", header: "Eenheid zoals geschreven", get: (p) => p.unit.asWritten },
  {
    key: "staffing",
    header: "Opleiding",
    get: (_p, s) => {
      const st = s.staffing;
      if (!st) return null;
      return [
        ...st.minShareAtOrAbove.map((m) => `min. ${Math.round(m.share * 1000) / 10}% ${m.level}+`),
        st.restAtLeast ? `overig min. ${st.restAtLeast}` : null,
        st.functionMix
          ? `mix ${Object.entries(st.functionMix)
              .map(([l, v]) => `${Math.round((v ?? 0) * 1000) / 10}% ${l}`)
              .join("/")}`
          : null,
        st.allowedLevels ? `niveaus ${st.allowedLevels.join(", ")}` : null,
      ]
        .filter(Boolean)
        .join("; ");
    },
  },
  { key: "groupSize", header: "Cliënten per begeleider", get: (_p, s) => s.groupSize?.clientsPerStaff ?? null },
  { key: "groupSizeMeaning", header: "Betekenis groepsgrootte", get: (_p, s) => s.groupSize?.meaning ?? null },
  { key: "clientsPerGroup", header: "Cliënten per groep", get: (_p, s) => s.clientsPerGroup?.clients ?? null },
  { key: "minAge", header: "Leeftijd vanaf", get: (_p, s) => s.ageRange?.minAge ?? null },
  { key: "maxAgeExclusive", header: "Leeftijd tot (exclusief)", get: (_p, s) => s.ageRange?.maxAgeExclusive ?? null },
  { key: "available24x7", header: "24/7", get: (_p, s) => s.available24x7 },
  { key: "startWithinHours", header: "Start binnen (uur)", get: (_p, s) => s.startWithinHours },
  { key: "responseMinutes", header: "Reactietijd (min)", get: (_p, s) => s.responseMinutes },
  { key: "evaluationEveryMonths", header: "Evaluatie (maanden)", get: (_p, s) => s.evaluationEveryMonths },
  { key: "maxDurationMonths", header: "Maximale duur (maanden)", get: (_p, s) => s.maxDurationMonths },
  { key: "maxDurationWeeks", header: "Maximale duur (weken)", get: (_p, s) => s.maxDurationWeeks },
  { key: "pending", header: "Volgt nog", get: (_p, s) => s.sectionsPending.join(", ") || null },
  { key: "notes", header: "Opmerkingen", get: (p) => p.notes.map((n) => `[${n.kind}] ${n.text}`).join(" | ") || null },
  { key: "requirements", header: "Eisen", get: (p) => p.requirements.map((r) => `${r.topic}: ${explain(r.rule)}`).join(" | ") || null },
  { key: "source", header: "Bron", get: (p) => `${p.source.file}:${p.source.line}` },
];
