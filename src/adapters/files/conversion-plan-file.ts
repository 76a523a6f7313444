import { readdir } from "node:fs/promises";
import type { Catalogue } from "../../domain/catalogue/product.ts";
import { ConversiePlan } from "../../domain/conversion/plan.ts";
import type { Problem, Result } from "../../domain/shared/problem.ts";
import { CONVERSION_DIR, parseYamlFile, shownJoin } from "./catalogue-files.ts";

/** The folder with conversion plans, next to the productenboeken: `catalog/conversies/<id>.yaml` (path as given). */
export const conversionDirOf = (catalogDir: string) => shownJoin(catalogDir, CONVERSION_DIR);

/** Reads one plan file; every problem names the file (as given), line and field. */
export async function readConversionPlan(path: string): Promise<Result<ConversiePlan>> {
  const r = await readPlanFile(path);
  return r.ok ? { ok: true, value: r.value.plan } : r;
}

async function readPlanFile(path: string): Promise<Result<{ plan: ConversiePlan; lineOf: (p: (string | number)[]) => number }>> {
  const problems: Problem[] = [];
  const parsed = await parseYamlFile(path, ConversiePlan, path, problems);
  if (!parsed || problems.length) return { ok: false, problems };
  return { ok: true, value: { plan: parsed.value, lineOf: parsed.lineOf } };
}

const planNames = async (dir: string): Promise<string[]> => {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith(".yaml")).sort();
  } catch {
    return [];
  }
};

/** Every plan in the folder (`*.yaml`), by id. */
export async function readConversionPlans(dir: string): Promise<Result<ConversiePlan[]>> {
  const out: ConversiePlan[] = [];
  const problems: Problem[] = [];
  for (const n of await planNames(dir)) {
    const r = await readConversionPlan(shownJoin(dir, n));
    if (r.ok) out.push(r.value);
    else problems.push(...r.problems);
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: out };
}

/**
 * Every plan in the folder checked against its schema and, where the catalogue is known, against the catalogue: the
 * productenboek it converts to exists, and every target product (`product`, `productLang` with `{wet}` for each law
 * of that productenboek) is in it. Returns the number of plans read and every problem with file, line and field.
 */
export async function checkConversionPlans(dir: string, catalogue: Catalogue | null): Promise<{ plans: number; problems: Problem[] }> {
  const problems: Problem[] = [];
  const names = await planNames(dir);
  for (const n of names) {
    const file = shownJoin(dir, n);
    const r = await readPlanFile(file);
    if (!r.ok) {
      problems.push(...r.problems);
      continue;
    }
    if (catalogue) problems.push(...checkAgainstCatalogue(r.value.plan, catalogue, file, r.value.lineOf));
  }
  return { plans: names.length, problems };
}

function checkAgainstCatalogue(plan: ConversiePlan, catalogue: Catalogue, file: string, lineOf: (p: (string | number)[]) => number): Problem[] {
  const pb = catalogue.productenboeken.find((b) => b.id === plan.productenboek);
  if (!pb) {
    const known = catalogue.productenboeken.map((b) => b.id).join(", ");
    return [
      {
        code: "inconsistent-data",
        title: "Onbekend productenboek",
        detail: `productenboek ${plan.productenboek} staat niet in de catalogus (wel: ${known})`,
        file,
        line: lineOf(["productenboek"]),
        path: "productenboek",
      },
    ];
  }
  const ids = new Set(catalogue.products.map((p) => p.id));
  const problems: Problem[] = [];
  for (const [key, doel] of Object.entries(plan.doelen)) {
    for (const field of ["product", "productLang"] as const) {
      const template = doel[field];
      if (!template) continue;
      const missing = pb.laws.map((law) => template.replace("{wet}", law)).filter((id) => !ids.has(id));
      if (missing.length)
        problems.push({
          code: "inconsistent-data",
          title: "Onbekend doelproduct",
          detail: `${missing.join(", ")} staat niet in productenboek ${pb.id}`,
          file,
          line: lineOf(["doelen", key, field]),
          path: `doelen.${key}.${field}`,
        });
    }
  }
  return problems;
}
