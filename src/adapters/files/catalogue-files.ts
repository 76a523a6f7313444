import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { isMap, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import {
  type Catalogue,
  expandProductenboek,
  type SourceFileProducts,
} from "../../domain/catalogue/product.ts";
import { ProductFile, SourceProductenboek } from "../../domain/catalogue/source-schema.ts";
import type { Problem, Result } from "../../domain/shared/problem.ts";
import { explainZodIssue } from "../../domain/shared/zod-dutch.ts";

/** The folder of the catalogue directory that holds the quality-framework library instead of a productenboek. */
export const QUALITY_DIR = "kwaliteitskaders";

/**
 * Reads the catalogue from its authoring files: `<dir>/<id>/productenboek.yaml` and `<dir>/<id>/products/*.yaml`.
 * Collects every problem (file, line, field path, Dutch message) before reporting, so an author fixes all in one round.
 */
export async function readCatalogueDir(dir: string): Promise<Result<Catalogue>> {
  const problems: Problem[] = [];
  const catalogue: Catalogue = { productenboeken: [], products: [] };
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch {
    return { ok: false, problems: [{ code: "invalid-input", title: "Map niet gevonden", detail: `kan ${dir} niet lezen`, file: dir }] };
  }
  const ids = new Map<string, string>();
  for (const name of entries) {
    const pbDir = join(dir, name);
    if (!(await stat(pbDir)).isDirectory()) continue;
    if (name.startsWith(".")) continue;
    // the quality-framework library (document 003) has its own format and loader (quality-files.ts)
    if (name === QUALITY_DIR) continue;
    // conversion plans (catalog/conversies) have their own format and loader (conversion-plan-file.ts)
    if (name === "conversies") continue;
    const pbFile = join(pbDir, "productenboek.yaml");
    const pb = await parseYamlFile(pbFile, SourceProductenboek, relative(process.cwd(), pbFile), problems);
    if (!pb) continue;
    const prior = ids.get(pb.value.id);
    const shownPb = relative(process.cwd(), pbFile);
    if (prior) {
      problems.push({ code: "duplicate-key", title: "Dubbel productenboek-id", detail: `id ${pb.value.id} staat ook in ${prior}`, file: shownPb, path: "id" });
      continue;
    }
    ids.set(pb.value.id, shownPb);
    const productsDir = join(pbDir, "products");
    let files: string[] = [];
    try {
      files = (await readdir(productsDir)).filter((f) => f.endsWith(".yaml") || f.endsWith(".yml")).sort();
    } catch {
      // a productenboek without products folder is allowed (e.g. while being authored)
    }
    const sourceFiles: SourceFileProducts[] = [];
    for (const f of files) {
      const path = join(productsDir, f);
      const shown = relative(process.cwd(), path);
      const parsed = await parseYamlFile(path, ProductFile, shown, problems, true);
      if (parsed) sourceFiles.push({ file: shown, lines: parsed.itemLines, products: parsed.value });
    }
    const expanded = expandProductenboek(pb.value, sourceFiles);
    problems.push(...expanded.problems);
    catalogue.productenboeken.push(expanded.productenboek);
    catalogue.products.push(...expanded.products);
  }
  if (catalogue.productenboeken.length === 0 && problems.length === 0) {
    problems.push({ code: "invalid-input", title: "Geen productenboeken", detail: `${dir} bevat geen <id>/productenboek.yaml`, file: dir });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: catalogue };
}

export async function parseYamlFile<S extends z.ZodType>(
  path: string,
  schema: S,
  shown: string,
  problems: Problem[],
  list = false,
): Promise<{ value: z.output<S>; itemLines: number[] } | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    problems.push({ code: "invalid-input", title: "Bestand ontbreekt", detail: `kan ${shown} niet lezen`, file: shown });
    return null;
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      problems.push({
        code: "invalid-input",
        title: "Ongeldige YAML",
        detail: e.message.split("\n")[0] ?? e.message,
        file: shown,
        line: e.linePos?.[0]?.line ?? 1,
      });
    }
    return null;
  }
  const data = doc.toJS();
  const res = schema.safeParse(data, { reportInput: true });
  if (!res.success) {
    for (const issue of res.error.issues) {
      const p = issue.path.filter((x): x is string | number => typeof x !== "symbol");
      problems.push({
        code: "invalid-input",
        title: "Ongeldig veld",
        detail: explainZodIssue(issue),
        file: shown,
        line: lineOf(doc, lc, p),
        path: formatPath(p),
      });
    }
    return null;
  }
  const itemLines: number[] = [];
  if (list && isSeq(doc.contents)) {
    for (const item of doc.contents.items) {
      const range = (item as { range?: [number, number, number] }).range;
      itemLines.push(range ? lc.linePos(range[0]).line : 1);
    }
  }
  return { value: res.data, itemLines };
}

/** The line of the deepest node along the path that exists in the document. */
function lineOf(doc: Document, lc: LineCounter, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lc.linePos(range[0]).line;
    if (n > 0) {
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((it) => String((it.key as { value?: unknown })?.value) === String(path[n - 1]));
        const kr = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (kr) return lc.linePos(kr[0]).line;
      }
    }
  }
  return 1;
}

function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}
