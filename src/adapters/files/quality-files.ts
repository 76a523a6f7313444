import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { ConceptFile, Framework, SegmentFile } from "../../domain/quality/framework-source.ts";
import { checkLibrary, type QualityLibrary } from "../../domain/quality/library.ts";
import type { Problem, Result } from "../../domain/shared/problem.ts";
import { parseYamlFile, QUALITY_DIR } from "./catalogue-files.ts";

/** A framework file: `NN-<slug>.yaml`, NN the framework's number in document 003. */
const FRAMEWORK_FILE = /^(\d{2})-[a-z0-9-]+\.ya?ml$/;

/** The library folder inside a catalogue folder (`catalog/kwaliteitskaders`). */
export const qualityDirOf = (catalogueDir: string) => join(catalogueDir, QUALITY_DIR);

/**
 * Reads the quality-framework library: every `NN-*.yaml`, `segmenten.yaml` and `begrippen.yaml` (docs/kwaliteitskaders.md).
 * Collects every problem (file, line, field path, in Dutch) before reporting. A missing segment or concept file is
 * allowed (the library is being written); a file that is there must be valid. A folder that does not exist is an
 * empty library.
 */
export async function readQualityDir(dir: string): Promise<Result<QualityLibrary & { files: string[] }>> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch {
    return { ok: true, value: { frameworks: [], segments: [], concepts: [], files: [] } };
  }
  const problems: Problem[] = [];
  const shown = (f: string) => relative(process.cwd(), join(dir, f));
  const lib: QualityLibrary & { files: string[] } = { frameworks: [], segments: [], concepts: [], files: [] };
  const fileOfNr = new Map<number, string>();
  for (const name of entries) {
    const m = FRAMEWORK_FILE.exec(name);
    if (!m) continue;
    const parsed = await parseYamlFile(join(dir, name), Framework, shown(name), problems);
    lib.files.push(name);
    if (!parsed) continue;
    if (parsed.value.nr !== Number(m[1]))
      problems.push({ code: "inconsistent-data", title: "Bestandsnaam past niet bij nummer", detail: `${name} begint met ${m[1]}, maar nr is ${parsed.value.nr}`, file: shown(name), path: "nr", line: 1 });
    if (!fileOfNr.has(parsed.value.nr)) fileOfNr.set(parsed.value.nr, shown(name));
    lib.frameworks.push(parsed.value);
  }
  if (entries.includes("segmenten.yaml")) {
    const seg = await parseYamlFile(join(dir, "segmenten.yaml"), SegmentFile, shown("segmenten.yaml"), problems);
    lib.files.push("segmenten.yaml");
    if (seg) lib.segments = seg.value.segmenten;
  }
  if (entries.includes("begrippen.yaml")) {
    const con = await parseYamlFile(join(dir, "begrippen.yaml"), ConceptFile, shown("begrippen.yaml"), problems);
    lib.files.push("begrippen.yaml");
    if (con) lib.concepts = con.value.begrippen;
  }
  if (problems.length) return { ok: false, problems };
  const cross = checkLibrary(lib, (nr) => fileOfNr.get(nr) ?? `${String(nr).padStart(2, "0")}-*.yaml`, shown("begrippen.yaml"));
  if (cross.length) return { ok: false, problems: cross };
  lib.frameworks.sort((a, b) => a.nr - b.nr);
  return { ok: true, value: lib };
}
