import { readFileSync } from "node:fs";
import type { Catalogue } from "../../src/domain/catalogue/product.ts";

/** White space folded, typographic quotes kept: the fragment must stand in the document as written. */
const fold = (s: string) => s.replace(/\s+/g, " ").trim();

export interface QuoteCheck {
  where: string;
  asWritten: string;
  line: number;
  found: boolean;
  foundAtLine: number | null;
}

/**
 * Every `asWritten` fragment of the catalogue (requirements, notes' readings, sections, units) must occur in the
 * source document, starting within `tolerance` lines of the line the data names.
 */
export function checkQuotes(catalogue: Catalogue, seedsDir: string, tolerance = 3): QuoteCheck[] {
  const docs = new Map<string, string[]>();
  const linesOf = (file: string) => {
    let l = docs.get(file);
    if (!l) {
      l = readFileSync(`${seedsDir}/${file}`, "utf8").split("\n");
      docs.set(file, l);
    }
    return l;
  };
  const out: QuoteCheck[] = [];
  const check = (file: string, where: string, asWritten: string, line: number) => {
    const lines = linesOf(file);
    const needle = fold(asWritten);
    let foundAt: number | null = null;
    for (let start = Math.max(1, line - tolerance); start <= Math.min(lines.length, line + tolerance); start++) {
      const window = fold(lines.slice(start - 1, start - 1 + 40).join(" "));
      if (window.startsWith(needle) || (fold(lines[start - 1] ?? "").includes(needle.slice(0, 40)) && window.includes(needle))) {
        foundAt = start;
        break;
      }
    }
    out.push({ where, asWritten, line, found: foundAt !== null, foundAtLine: foundAt });
  };
  const quotes: [file: string, where: string, asWritten: string, line: number][] = [];
  const notes = (file: string, where: string, ns: Catalogue["products"][number]["notes"]) => {
    ns.forEach((n, i) => {
      n.readings.forEach((r, j) => {
        quotes.push([file, `${where}notes[${i}].readings[${j}]`, r.asWritten, r.line]);
      });
    });
  };
  for (const p of catalogue.products) {
    const file = p.source.file;
    p.requirements.forEach((r, i) => {
      quotes.push([file, `${p.id} requirements[${i}]`, r.asWritten, r.line]);
    });
    notes(file, `${p.id} `, p.notes);
    for (const [name, s] of Object.entries(p.sections)) if (s.asWritten && s.line) quotes.push([file, `${p.id} sections.${name}`, s.asWritten, s.line]);
    if (p.unit.asWritten && p.unit.line) quotes.push([file, `${p.id} unit`, p.unit.asWritten, p.unit.line]);
  }
  for (const pb of catalogue.productenboeken) {
    notes(pb.source, `${pb.id} `, pb.notes);
    for (const [name, t] of Object.entries(pb.tables)) notes(pb.source, `${pb.id} tables.${name}.`, t.notes);
    if (pb.issuer.asWritten && pb.issuer.line) quotes.push([pb.source, `${pb.id} issuer`, pb.issuer.asWritten, pb.issuer.line]);
  }
  // products expanded from one description share their quotes: check each (file, fragment, line) once
  const seen = new Set<string>();
  for (const q of quotes) {
    const key = `${q[0]}:${q[3]}:${q[2]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    check(...q);
  }
  return out;
}
