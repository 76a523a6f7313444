import { writeFile } from "node:fs/promises";
import Table from "cli-table3";
import { readParametersFile } from "../adapters/files/tariff-parameters.ts";
import { tariffWorkbook } from "../adapters/files/tariff-workbook.ts";
import { TariffService } from "../app/tariffs.ts";
import { formatProblem, type Problem } from "../domain/shared/problem.ts";
import { type SourceOpts, withCatalogue } from "./catalogue-source.ts";
import type { Output } from "./output.ts";

const fail = (out: Output, problems: Problem[], json?: boolean) => {
  if (json) out.json({ problems });
  else for (const p of problems) out.err(formatProblem(p));
  return 1;
};
const euro = (cents: number) => `€ ${(cents / 100).toFixed(2).replace(".", ",")}`;
const unitName = { "01": "minuut", "04": "uur", "16": "dagdeel" } as const;

/** `kader tarieven bereken --product <id> --parameters <file> [--json]`: the tariff and every step. */
export async function tariffCalculate(out: Output, opts: SourceOpts & { product: string; parameters: string; json?: boolean }): Promise<number> {
  const params = await readParametersFile(opts.parameters);
  if (!params.ok) return fail(out, params.problems, opts.json);
  return withCatalogue(out, opts, async (svc) => {
    const r = await new TariffService(svc).calculate(opts.product, params.value);
    if (!r.ok) return fail(out, r.problems, opts.json);
    const t = r.value;
    if (!t.ok) {
      if (opts.json) out.json({ productId: t.productId, onbekend: t.onbekend });
      else out.err(`Geen tarief voor ${t.productId}: ontbrekende invoer: ${t.onbekend.join("; ")}`);
      return 1;
    }
    if (opts.json) {
      out.json({
        productId: t.productId,
        eenheid: t.eenheid,
        tariefPerEenheid: t.tariefPerEenheid,
        uurtarief: t.uurtarief,
        mix: t.mix,
        mixSource: t.mixSource,
        stappen: t.stappen,
      });
      return 0;
    }
    out.line(`${t.productId}: ${euro(t.tariefPerEenheid)} per ${unitName[t.eenheid]} (uurtarief € ${t.uurtarief}; mix: ${t.mixSource})`);
    const table = new Table({ head: ["Stap", "Waarde", "Formule", "Kostenpost"] });
    for (const s of t.stappen) table.push([s.naam, s.waarde, s.formule, s.kostenpost]);
    out.line(table.toString());
    return 0;
  });
}

/** `kader tarieven productenboek --productenboek <id> --parameters <file> [--xlsx out] [--json]`. */
export async function tariffBook(
  out: Output,
  opts: SourceOpts & { productenboek: string; parameters: string; xlsx?: string; json?: boolean },
): Promise<number> {
  const params = await readParametersFile(opts.parameters);
  if (!params.ok) return fail(out, params.problems, opts.json);
  return withCatalogue(out, opts, async (svc) => {
    const r = await new TariffService(svc).book(opts.productenboek, params.value);
    if (!r.ok) return fail(out, r.problems, opts.json);
    if (opts.xlsx) {
      await writeFile(opts.xlsx, await tariffWorkbook(r.value.products, params.value, r.value.results));
      out.err(`Werkmap geschreven naar ${opts.xlsx}`);
    }
    if (opts.json) {
      out.json(
        r.value.results.map((t) => (t.ok ? { productId: t.productId, eenheid: t.eenheid, tariefPerEenheid: t.tariefPerEenheid, uurtarief: t.uurtarief } : t)),
      );
      return 0;
    }
    const table = new Table({ head: ["Product-id", "Tarief", "Eenheid", "Ontbreekt"] });
    for (const t of r.value.results)
      table.push(t.ok ? [t.productId, euro(t.tariefPerEenheid), unitName[t.eenheid], ""] : [t.productId, "—", "—", t.onbekend.join("; ")]);
    out.line(table.toString());
    const done = r.value.results.filter((t) => t.ok).length;
    out.line(`${done} van ${r.value.results.length} producten berekend; bij de rest ontbreekt invoer (geef die in de parameters: eenheden, mix).`);
    return 0;
  });
}
