import type { Problem } from "../shared/problem.ts";
import type { CodeEntry, Law, Note, ProductKind, Requirement, SourceProduct, SourceProductenboek, Unit } from "./source-schema.ts";

/**
 * A product as Kader knows it: one per (productenboek, law, productcode, variant). A source description with a Wmo
 * and a Jeugd code yields two products; a pending code ("NIEUW") keeps a stable stand-in in its id.
 */
export interface Product {
  id: string;
  productenboekId: string;
  name: string;
  kind: ProductKind;
  law: Law;
  productcategorie: string | null;
  productcode: string | null;
  codeStatus: "given" | "pending";
  codeAsWritten: string;
  variant: string | null;
  unit: Unit;
  description: string;
  source: { file: string; line: number; endLine: number | null };
  sections: SourceProduct["sections"];
  requirements: Requirement[];
  notes: Note[];
  attributes: SourceProduct["attributes"];
  /** other products expanded from the same description (e.g. the Jeugd twin of a Wmo product) */
  siblings: string[];
}

export interface Productenboek extends SourceProductenboek {
  productIds: string[];
}

export interface Catalogue {
  productenboeken: Productenboek[];
  products: Product[];
}

export function slug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function productId(pbId: string, code: CodeEntry): string {
  const c = code.status === "given" ? code.productcode : code.standIn;
  return [pbId, code.law, c, code.variant ? slug(code.variant) : null].filter(Boolean).join(".");
}

export interface SourceFileProducts {
  file: string;
  /** line of each product in the authoring file, for error messages */
  lines: number[];
  products: SourceProduct[];
}

/** Expand source products into products and check what a schema alone cannot: unique keys, code/category agreement. */
export function expandProductenboek(
  pb: SourceProductenboek,
  files: SourceFileProducts[],
): { productenboek: Productenboek; products: Product[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const products: Product[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    f.products.forEach((sp, i) => {
      const ids = sp.codes.map((c) => productId(pb.id, c));
      sp.codes.forEach((code, j) => {
        const id = ids[j]!;
        const where = `${f.file}:${f.lines[i] ?? 1}`;
        const prior = seen.get(id);
        if (prior) {
          problems.push({
            code: "duplicate-key",
            title: "Dubbele productsleutel",
            detail: `(productenboek, wet, productcode, variant) = ${id} staat ook in ${prior}; geef een variant om ze te onderscheiden`,
            file: f.file,
            line: f.lines[i] ?? 1,
            path: `[${i}].codes[${j}]`,
          });
          return;
        }
        seen.set(id, where);
        let categorie: string | null;
        if (code.status === "given") {
          categorie = code.productcategorie ?? code.productcode.slice(0, 2);
          if (categorie !== code.productcode.slice(0, 2)) {
            problems.push({
              code: "inconsistent-data",
              title: "Productcategorie past niet bij productcode",
              detail: `productcategorie ${categorie} wijkt af van de eerste twee tekens van ${code.productcode}`,
              file: f.file,
              line: f.lines[i] ?? 1,
              path: `[${i}].codes[${j}].productcategorie`,
            });
          }
        } else {
          categorie = code.productcategorie;
        }
        if (!pb.laws.includes(code.law)) {
          problems.push({
            code: "inconsistent-data",
            title: "Wet hoort niet bij dit productenboek",
            detail: `${code.law} staat niet in laws van productenboek ${pb.id}`,
            file: f.file,
            line: f.lines[i] ?? 1,
            path: `[${i}].codes[${j}].law`,
          });
        }
        products.push({
          id,
          productenboekId: pb.id,
          name: sp.name,
          kind: sp.kind,
          law: code.law,
          productcategorie: categorie,
          productcode: code.status === "given" ? code.productcode : null,
          codeStatus: code.status,
          codeAsWritten: code.asWritten,
          variant: code.variant,
          unit: sp.unit,
          description: sp.description,
          source: { file: pb.source, line: sp.line, endLine: sp.endLine },
          sections: sp.sections,
          requirements: sp.requirements.filter((r) => r.law === undefined || r.law === code.law),
          notes: sp.notes,
          attributes: sp.attributes,
          siblings: ids.filter((x) => x !== id),
        });
      });
    });
  }
  return { productenboek: { ...pb, productIds: products.map((p) => p.id) }, products, problems };
}
