import { readCatalogueDir } from "../adapters/files/catalogue-files.ts";
import { formatProblem } from "../domain/shared/problem.ts";
import type { Output } from "./output.ts";

/** `kader catalog validate [--dir]`: checks every file against the schema; exit 1 with every problem listed. */
export async function catalogValidate(out: Output, opts: { dir: string; json?: boolean }): Promise<number> {
  const res = await readCatalogueDir(opts.dir);
  if (!res.ok) {
    if (opts.json) out.json({ ok: false, problems: res.problems });
    else {
      out.err(`${res.problems.length} probleem/problemen in ${opts.dir}:`);
      for (const p of res.problems) out.err(`  ${formatProblem(p)}`);
    }
    return 1;
  }
  const { productenboeken, products } = res.value;
  if (opts.json) out.json({ ok: true, productenboeken: productenboeken.length, products: products.length });
  else {
    out.line(`Geldig: ${productenboeken.length} productenboeken, ${products.length} producten.`);
    for (const pb of productenboeken) out.line(`  ${pb.id}: ${pb.productIds.length} producten (${pb.source})`);
  }
  return 0;
}
