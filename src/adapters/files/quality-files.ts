import { readdir } from "node:fs/promises";
import { ConceptFile, Framework, SegmentFile } from "../../domain/quality/framework-source.ts";
import { checkLibrary, type QualityLibrary } from "../../domain/quality/library.ts";
import type { Problem, Result } from "../../domain/shared/problem.ts";
import { FRAMEWORK_FILE, parseYamlFile, QUALITY_DIR, shownJoin } from "./catalogue-files.ts";

/** The library folder inside a catalogue folder (`catalog/kwaliteitskaders`). */
export const qualityDirOf = (catalogueDir: string) => shownJoin(catalogueDir, QUALITY_DIR);

/**
 * Reads the quality-framework library: every `NN-*.yaml`, `segmenten.yaml` and `begrippen.yaml` (docs/kwaliteitskaders.md).
 * Other files are not read here; `kader catalog validate` reports them (listCatalogueFiles).
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
  const shown = (f: string) => shownJoin(dir, f);
  const lib: QualityLibrary & { files: string[] } = { frameworks: [], segments: [], concepts: [], files: [] };
  const fileOfNr = new Map<number, string>();
  for (const name of entries) {
    const m = FRAMEWORK_FILE.exec(name);
    if (!m) continue;
    const parsed = await parseYamlFile(shown(name), Framework, shown(name), problems);
    lib.files.push(name);
    if (!parsed) continue;
    if (parsed.value.nr !== Number(m[1]))
      problems.push({
        code: "inconsistent-data",
        title: "Bestandsnaam past niet bij nummer",
        detail: `${name} begint met ${m[1]}, maar nr is ${parsed.value.nr}`,
        file: shown(name),
        path: "nr",
        line: parsed.lineOf(["nr"]),
      });
    if (!fileOfNr.has(parsed.value.nr)) fileOfNr.set(parsed.value.nr, shown(name));
    lib.frameworks.push(parsed.value);
  }
  if (entries.includes("segmenten.yaml")) {
    const seg = await parseYamlFile(shown("segmenten.yaml"), SegmentFile, shown("segmenten.yaml"), problems);
    lib.files.push("segmenten.yaml");
    if (seg) lib.segments = seg.value.segmenten;
  }
  if (entries.includes("begrippen.yaml")) {
    const con = await parseYamlFile(shown("begrippen.yaml"), ConceptFile, shown("begrippen.yaml"), problems);
    lib.files.push("begrippen.yaml");
    if (con) lib.concepts = con.value.begrippen;
  }
  if (problems.length) return { ok: false, problems };
  const cross = checkLibrary(lib, (nr) => fileOfNr.get(nr) ?? `${String(nr).padStart(2, "0")}-*.yaml`, shown("begrippen.yaml"));
  if (cross.length) return { ok: false, problems: cross };
  lib.frameworks.sort((a, b) => a.nr - b.nr);
  return { ok: true, value: lib };
}
