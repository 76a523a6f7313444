import { listCatalogueFiles, readCatalogueDir } from "../adapters/files/catalogue-files.ts";
import { checkConversionPlans, conversionDirOf } from "../adapters/files/conversion-plan-file.ts";
import { qualityDirOf, readQualityDir } from "../adapters/files/quality-files.ts";
import { formatProblem, type Problem } from "../domain/shared/problem.ts";
import type { Output } from "./output.ts";

/**
 * `kader catalog validate [--dir]`: checks every file under the catalogue directory against the schema of its kind —
 * productenboeken and products, the quality-framework library (kwaliteitskaders/), the conversion plans (conversies/,
 * also against the catalogue) — and reports any file no schema covers. Exit 1 with every problem listed (file as
 * given, line, field path, Dutch message).
 */
export async function catalogValidate(out: Output, opts: { dir: string; json?: boolean }): Promise<number> {
  const listed = await listCatalogueFiles(opts.dir);
  if (!listed.ok) return report(out, opts, listed.problems);
  const problems: Problem[] = [];
  for (const f of listed.value)
    if (f.kind === null)
      problems.push({ code: "invalid-input", title: "Onbekend bestand", detail: `geen catalogusbestand: ${f.expected ?? "onbekende plaats"}`, file: f.file });
  const catalogue = await readCatalogueDir(opts.dir);
  if (!catalogue.ok) problems.push(...catalogue.problems);
  const quality = await readQualityDir(qualityDirOf(opts.dir));
  if (!quality.ok) problems.push(...quality.problems);
  const plans = await checkConversionPlans(conversionDirOf(opts.dir), catalogue.ok ? catalogue.value : null);
  problems.push(...plans.problems);
  if (problems.length) return report(out, opts, problems);

  const { productenboeken, products } = catalogue.ok ? catalogue.value : { productenboeken: [], products: [] };
  if (opts.json) out.json({ ok: true, productenboeken: productenboeken.length, products: products.length });
  else {
    const frameworks = quality.ok ? quality.value.frameworks.length : 0;
    out.line(
      `Geldig: ${productenboeken.length} productenboeken, ${products.length} producten, ${frameworks} kwaliteitskaders, ${plans.plans} conversieplannen (${listed.value.length} bestanden).`,
    );
    for (const pb of productenboeken) out.line(`  ${pb.id}: ${pb.productIds.length} producten (${pb.source})`);
  }
  return 0;
}

function report(out: Output, opts: { dir: string; json?: boolean }, problems: Problem[]): number {
  if (opts.json) out.json({ ok: false, problems });
  else {
    out.err(`${problems.length} ${problems.length === 1 ? "probleem" : "problemen"} in ${opts.dir}:`);
    for (const p of problems) out.err(`  ${formatProblem(p)}`);
  }
  return 1;
}
