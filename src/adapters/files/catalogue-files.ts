import { readdir, readFile, stat } from "node:fs/promises";
import { isMap, isSeq, LineCounter, parseDocument, type Document, type ErrorCode as YamlErrorCode } from "yaml";
import type { z } from "zod";
import { type Catalogue, expandProductenboek, type SourceFileProducts } from "../../domain/catalogue/product.ts";
import { ProductFile, SourceProductenboek } from "../../domain/catalogue/source-schema.ts";
import type { Problem, Result } from "../../domain/shared/problem.ts";
import { explainZodIssue } from "../../domain/shared/zod-dutch.ts";

/** The folder of the catalogue directory that holds the quality-framework library instead of a productenboek. */
export const QUALITY_DIR = "kwaliteitskaders";
/** The folder of the catalogue directory that holds the conversion plans (`conversies/<id>.yaml`). */
export const CONVERSION_DIR = "conversies";
/** A framework file in the quality library: `NN-<slug>.yaml`, NN the framework's number in document 003. */
export const FRAMEWORK_FILE = /^(\d{2})-[a-z0-9-]+\.ya?ml$/;

/**
 * A path inside the catalogue directory as the user gave it: `catalog` stays `catalog/…`, `./catalog` stays
 * `./catalog/…` and an absolute path stays absolute (no resolving against the working directory).
 */
export const shownJoin = (dir: string, ...parts: string[]): string => [dir === "/" ? "" : dir.replace(/\/+$/, ""), ...parts].join("/");

/** What a file in the catalogue directory is, by its place (docs/catalogue-authoring.md, "Files"). */
export type CatalogueFileKind = "productenboek" | "product" | "kwaliteitskader" | "segmenten" | "begrippen" | "conversieplan";

export interface CatalogueFile {
  /** the path as shown to the user (see shownJoin) */
  file: string;
  /** null: no kind of catalogue file belongs here */
  kind: CatalogueFileKind | null;
  /** for an unknown file: what belongs in its folder */
  expected?: string;
}

const isYaml = (name: string) => name.endsWith(".yaml") || name.endsWith(".yml");

/**
 * Every file under the catalogue directory with its kind, so that a checker reads each one and reports a file no
 * schema covers instead of skipping it. Symbolic links and other special files count as files.
 */
export async function listCatalogueFiles(dir: string): Promise<Result<CatalogueFile[]>> {
  const out: CatalogueFile[] = [];
  const top = await entriesOf(dir);
  if (!top) return { ok: false, problems: [{ code: "invalid-input", title: "Map niet gevonden", detail: `kan ${dir} niet lezen`, file: dir }] };
  const unknownUnder = async (path: string, expected: string) => {
    for (const f of await filesUnder(path)) out.push({ file: f, kind: null, expected });
  };
  for (const e of top) {
    const path = shownJoin(dir, e.name);
    if (!e.dir) {
      out.push({ file: path, kind: null, expected: "hier horen alleen mappen: <id>/ (een productenboek), kwaliteitskaders/ en conversies/" });
      continue;
    }
    if (e.name === QUALITY_DIR) {
      const expected = "in kwaliteitskaders/ horen alleen NN-<naam>.yaml (een kwaliteitskader), segmenten.yaml en begrippen.yaml";
      for (const q of (await entriesOf(path)) ?? []) {
        const f = shownJoin(path, q.name);
        if (q.dir) await unknownUnder(f, expected);
        else if (FRAMEWORK_FILE.test(q.name)) out.push({ file: f, kind: "kwaliteitskader" });
        else if (q.name === "segmenten.yaml") out.push({ file: f, kind: "segmenten" });
        else if (q.name === "begrippen.yaml") out.push({ file: f, kind: "begrippen" });
        else out.push({ file: f, kind: null, expected });
      }
      continue;
    }
    if (e.name === CONVERSION_DIR) {
      const expected = "in conversies/ horen alleen <id>.yaml-bestanden (een conversieplan)";
      for (const c of (await entriesOf(path)) ?? []) {
        const f = shownJoin(path, c.name);
        if (c.dir) await unknownUnder(f, expected);
        else out.push(c.name.endsWith(".yaml") ? { file: f, kind: "conversieplan" } : { file: f, kind: null, expected });
      }
      continue;
    }
    // a productenboek: <id>/productenboek.yaml and <id>/products/*.yaml
    const expected = "in een productenboekmap horen alleen productenboek.yaml en products/*.yaml";
    for (const b of (await entriesOf(path)) ?? []) {
      const f = shownJoin(path, b.name);
      if (!b.dir) {
        out.push(b.name === "productenboek.yaml" ? { file: f, kind: "productenboek" } : { file: f, kind: null, expected });
      } else if (b.name === "products") {
        const inProducts = "in products/ horen alleen .yaml-bestanden, elk een lijst producten";
        for (const x of (await entriesOf(f)) ?? []) {
          const g = shownJoin(f, x.name);
          if (x.dir) await unknownUnder(g, inProducts);
          else out.push(isYaml(x.name) ? { file: g, kind: "product" } : { file: g, kind: null, expected: inProducts });
        }
      } else await unknownUnder(f, expected);
    }
  }
  return { ok: true, value: out };
}

async function entriesOf(dir: string): Promise<{ name: string; dir: boolean }[] | null> {
  try {
    const names = (await readdir(dir)).sort();
    const out: { name: string; dir: boolean }[] = [];
    for (const name of names) out.push({ name, dir: (await stat(shownJoin(dir, name)).catch(() => null))?.isDirectory() ?? false });
    return out;
  } catch {
    return null;
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await entriesOf(dir)) ?? []) {
    const p = shownJoin(dir, e.name);
    if (e.dir) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

/**
 * Reads the catalogue from its authoring files: `<dir>/<id>/productenboek.yaml` and `<dir>/<id>/products/*.yaml`.
 * Collects every problem (file as given, line, field path, Dutch message) before reporting, so an author fixes all
 * in one round. The quality library and the conversion plans have their own readers (quality-files.ts,
 * conversion-plan-file.ts); `kader catalog validate` runs all of them over every file (listCatalogueFiles).
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
    const pbDir = shownJoin(dir, name);
    if (!(await stat(pbDir)).isDirectory()) continue;
    if (name.startsWith(".")) continue;
    // the quality-framework library (document 003) has its own format and loader (quality-files.ts)
    if (name === QUALITY_DIR) continue;
    // conversion plans (catalog/conversies) have their own format and loader (conversion-plan-file.ts)
    if (name === CONVERSION_DIR) continue;
    const pbFile = shownJoin(pbDir, "productenboek.yaml");
    const pb = await parseYamlFile(pbFile, SourceProductenboek, pbFile, problems);
    if (!pb) continue;
    const prior = ids.get(pb.value.id);
    if (prior) {
      problems.push({
        code: "duplicate-key",
        title: "Dubbel productenboek-id",
        detail: `id ${pb.value.id} staat ook in ${prior}`,
        file: pbFile,
        line: pb.lineOf(["id"]),
        path: "id",
      });
      continue;
    }
    ids.set(pb.value.id, pbFile);
    const productsDir = shownJoin(pbDir, "products");
    let files: string[] = [];
    try {
      files = (await readdir(productsDir)).filter(isYaml).sort();
    } catch {
      // a productenboek without products folder is allowed (e.g. while being authored)
    }
    const sourceFiles: SourceFileProducts[] = [];
    for (const f of files) {
      const path = shownJoin(productsDir, f);
      const parsed = await parseYamlFile(path, ProductFile, path, problems, true);
      if (parsed) sourceFiles.push({ file: path, lines: parsed.itemLines, products: parsed.value });
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

/**
 * Reads one YAML file and validates it against `schema`. Every problem names the file (as `shown`), the line of the
 * error (a syntax error: where the parser stopped; a schema error: the node at the failing field path) and the path.
 * `lineOf` maps a field path of the valid document to its line, for checks a schema alone cannot make.
 */
export async function parseYamlFile<S extends z.ZodType>(
  path: string,
  schema: S,
  shown: string,
  problems: Problem[],
  list = false,
): Promise<{ value: z.output<S>; itemLines: number[]; lineOf: (path: (string | number)[]) => number } | null> {
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
      const at = errorPosition(text, lc, e.pos[0]);
      problems.push({
        code: "invalid-input",
        title: "Ongeldige YAML",
        detail: `kolom ${at.col}: ${dutchYamlError(e.code, e.message)}`,
        file: shown,
        line: at.line,
      });
    }
    return null;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    // yaml refuses a document whose aliases expand too far (a "billion laughs")
    problems.push({
      code: "invalid-input",
      title: "Ongeldige YAML",
      detail: "te veel verwijzingen (aliassen *naam); schrijf de waarden uit",
      file: shown,
      line: 1,
    });
    return null;
  }
  const res = schema.safeParse(data, { reportInput: true });
  if (!res.success) {
    for (const issue of res.error.issues) {
      const p = issue.path.filter((x): x is string | number => typeof x !== "symbol");
      // an unknown field: point at the field itself, not at the object that holds it
      const at = issue.code === "unrecognized_keys" && issue.keys.length ? [...p, issue.keys[0]!] : p;
      problems.push({
        code: "invalid-input",
        title: "Ongeldig veld",
        detail: explainZodIssue(issue),
        file: shown,
        line: lineOf(doc, lc, at),
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
  return { value: res.data, itemLines, lineOf: (p) => lineOf(doc, lc, p) };
}

/**
 * Line and column of a parser error. An error at the very end (an unclosed bracket or quote) is reported on the last
 * line that has text, not on the empty line after the final newline.
 */
function errorPosition(text: string, lc: LineCounter, offset: number): { line: number; col: number } {
  const trimmed = text.replace(/\s+$/, "").length;
  if (offset >= trimmed && trimmed > 0) {
    const p = lc.linePos(trimmed - 1);
    return { line: p.line, col: p.col + 1 };
  }
  return lc.linePos(Math.max(0, offset));
}

/** A Dutch sentence for a YAML parser error (the library's messages are English). */
function dutchYamlError(code: YamlErrorCode, message: string): string {
  switch (code) {
    case "BAD_INDENT":
      return /end with a [\]}]/.test(message) ? "lijst [ ] of object { } niet gesloten, of de regel erna springt niet ver genoeg in" : "onjuiste inspringing";
    case "MISSING_CHAR":
      if (/closing "/.test(message)) return 'het afsluitende dubbele aanhalingsteken (") ontbreekt';
      if (/closing '/.test(message)) return "het afsluitende enkele aanhalingsteken (') ontbreekt";
      if (/followed by map values/.test(message)) return "een sleutel zonder waarde (ontbreekt de dubbele punt?)";
      if (/[\]}]/.test(message)) return "een afsluitend haakje ontbreekt (] of })";
      return "er ontbreekt een teken";
    case "DUPLICATE_KEY":
      return "deze sleutel komt twee keer voor in hetzelfde object";
    case "TAB_AS_INDENT":
      return "een tab als inspringing; gebruik spaties";
    case "UNEXPECTED_TOKEN":
      return "onverwachte tekst; controleer inspringing, dubbele punten en streepjes";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "een sleutel loopt over meer dan één regel, of de inspringing klopt niet";
    case "MULTIPLE_DOCS":
      return "het bestand bevat meer dan één YAML-document (---); één per bestand";
    case "BAD_DQ_ESCAPE":
      return "ongeldige escape (\\) in tekst tussen dubbele aanhalingstekens";
    case "BAD_SCALAR_START":
      return "een waarde mag niet met dit teken beginnen; zet haar tussen aanhalingstekens";
    case "BLOCK_IN_FLOW":
      return "een blok (regels met - of sleutel:) binnen [ ] of { } is niet toegestaan";
    case "BAD_ALIAS":
    case "ALIAS_PROPS":
      return "ongeldige verwijzing (alias *naam)";
    case "RESOURCE_EXHAUSTION":
      return "te veel verwijzingen (aliassen); schrijf de waarden uit";
    case "KEY_OVER_1024_CHARS":
      return "een sleutel van meer dan 1024 tekens";
    case "TAG_RESOLVE_FAILED":
      return "onbekende of ongeldige tag (!)";
    case "MULTIPLE_ANCHORS":
    case "MULTIPLE_TAGS":
    case "BAD_PROP_ORDER":
      return "meer dan één anker (&) of tag (!) bij één waarde";
    case "NON_STRING_KEY":
      return "een sleutel moet tekst zijn";
    default:
      return "ongeldige YAML-syntaxis";
  }
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
