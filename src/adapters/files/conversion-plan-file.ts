import { readdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { ConversiePlan } from "../../domain/conversion/plan.ts";
import type { Problem, Result } from "../../domain/shared/problem.ts";
import { parseYamlFile } from "./catalogue-files.ts";

/** The folder with conversion plans, next to the productenboeken: `catalog/conversies/<id>.yaml`. */
export const conversionDirOf = (catalogDir: string) => resolve(catalogDir, "conversies");

/** Reads one plan file; every problem names the file, line and field. */
export async function readConversionPlan(path: string): Promise<Result<ConversiePlan>> {
  const problems: Problem[] = [];
  const parsed = await parseYamlFile(path, ConversiePlan, relative(process.cwd(), path) || path, problems);
  if (!parsed || problems.length) return { ok: false, problems };
  return { ok: true, value: parsed.value };
}

/** Every plan in the folder (`*.yaml`), by id. */
export async function readConversionPlans(dir: string): Promise<Result<ConversiePlan[]>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".yaml")).sort();
  } catch {
    return { ok: true, value: [] };
  }
  const out: ConversiePlan[] = [];
  const problems: Problem[] = [];
  for (const n of names) {
    const r = await readConversionPlan(join(dir, n));
    if (r.ok) out.push(r.value);
    else problems.push(...r.problems);
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: out };
}
