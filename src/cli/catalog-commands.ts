import { writeFile } from "node:fs/promises";
import Table from "cli-table3";
import { toExportDocument } from "../domain/catalogue/export-format.ts";
import { formatProblem, type Problem } from "../domain/shared/problem.ts";
import { type SourceOpts, withCatalogue } from "./catalogue-source.ts";
import type { Output } from "./output.ts";

const problemsOut = (out: Output, problems: Problem[], json?: boolean) => {
  if (json) out.json({ problems });
  else for (const p of problems) out.err(formatProblem(p));
  return problems.some((p) => p.code === "internal") ? 2 : 1;
};

/** `kader catalog list`: products, filtered like the API. */
export async function catalogList(out: Output, opts: SourceOpts & { json?: boolean; [k: string]: unknown }): Promise<number> {
  const { dir: _d, fromDb: _f, json, ...params } = opts;
  return withCatalogue(out, opts, async (svc) => {
    const r = await svc.search({ limit: 500, ...params });
    if (!r.ok) return problemsOut(out, r.problems, json);
    if (json) out.json(r.value);
    else {
      const t = new Table({ head: ["Product-id", "Code", "Wet", "Eenheid", "Naam"] });
      for (const p of r.value.items) t.push([p.id, p.productcode ?? `(${p.codeAsWritten})`, p.law, p.unit ?? "-", p.name]);
      out.line(t.toString());
      out.line(`${r.value.total} product(en)`);
    }
    return 0;
  });
}

/** `kader catalog show <id>`: one product with its requirements in Dutch. */
export async function catalogShow(out: Output, id: string, opts: SourceOpts & { json?: boolean; asOf?: string }): Promise<number> {
  return withCatalogue(out, opts, async (svc) => {
    const d = await svc.product(id, opts.asOf);
    if (!d) return problemsOut(out, [{ code: "not-found", title: "Product niet gevonden", detail: `geen product ${id}`, path: "id" }], opts.json);
    if (opts.json) {
      out.json(d);
      return 0;
    }
    const p = d.product;
    out.line(`${p.name} — ${p.productcode ?? `nog geen code (${p.codeAsWritten})`} (${p.law})${p.variant ? ` [${p.variant}]` : ""}`);
    out.line(`Productenboek: ${p.productenboekId}; bron ${p.source.file}:${p.source.line}; versie ${d.version} geldig vanaf ${d.validFrom}`);
    out.line(`Eenheid: ${p.unit.code ?? "-"} (${p.unit.status}${p.unit.asWritten ? `: "${p.unit.asWritten}"` : ""})`);
    out.line(`\n${p.description}\n`);
    out.line("Eisen:");
    for (const r of d.requirements) out.line(`  - [${r.topic}] ${r.text}   (regel ${r.line})`);
    const pending = Object.entries(p.sections).filter(([, s]) => s.status !== "given");
    if (pending.length) out.line(`Onderdelen: ${pending.map(([k, s]) => `${k}: ${s.status}`).join(", ")}`);
    for (const n of p.notes) out.line(`Opmerking (${n.kind}): ${n.text}`);
    return 0;
  });
}

/** `kader catalog compare <code>` (or --ids a,b / --kind k): side by side, differences marked with *. */
export async function catalogCompare(
  out: Output,
  code: string | undefined,
  opts: SourceOpts & { ids?: string; kind?: string; json?: boolean; asOf?: string },
): Promise<number> {
  return withCatalogue(out, opts, async (svc) => {
    const r = await svc.compare({ code: code?.toUpperCase(), ids: opts.ids?.split(",").map((s) => s.trim()), kind: opts.kind, asOf: opts.asOf });
    if (!r.ok) return problemsOut(out, r.problems, opts.json);
    if (opts.json) {
      out.json(r.value);
      return 0;
    }
    const t = new Table({ head: ["", ...r.value.products.map((p) => p.id)], wordWrap: true, colWidths: [24, ...r.value.products.map(() => 40)] });
    for (const row of r.value.rows) t.push([`${row.differs ? "* " : ""}${row.label}`, ...row.values.map((v) => v ?? "—")]);
    out.line(t.toString());
    out.line("* = verschilt");
    return 0;
  });
}

/** `kader catalog export --format json|csv|xlsx [--out file]`. */
export async function catalogExport(out: Output, opts: SourceOpts & { format: string; out?: string; asOf?: string }): Promise<number> {
  if (!["json", "csv", "xlsx"].includes(opts.format))
    return problemsOut(out, [{ code: "invalid-parameter", title: "Ongeldige optie --format", detail: "kies json, csv of xlsx", path: "format" }]);
  return withCatalogue(out, opts, async (svc) => {
    const all = await svc.all(opts.asOf);
    const data =
      opts.format === "json"
        ? `${JSON.stringify(toExportDocument(all.asOf, all.productenboeken, all.products), null, 2)}\n`
        : opts.format === "csv"
          ? (await import("../adapters/files/export.ts")).productsToCsv(all.products)
          : await (await import("../adapters/files/export.ts")).productsToXlsx(all.products);
    if (opts.out) {
      await writeFile(opts.out, data);
      out.err(`${all.products.length} producten geschreven naar ${opts.out}`);
    } else out.raw(data);
    return 0;
  });
}

/** `kader catalog load [--dir]`: validate and load into the configured database, with a report. */
export async function catalogLoad(out: Output, opts: { dir: string; json?: boolean }): Promise<number> {
  const { envConfig, loadCatalogueDir, openKader } = await import("./compose.ts");
  const k = await openKader(envConfig());
  try {
    const r = await loadCatalogueDir(k, opts.dir);
    if (!r.ok) return problemsOut(out, r.problems, opts.json);
    if (opts.json) out.json(r.report);
    else {
      const { products: p, productenboeken: b } = r.report;
      out.line(`Ingangsdatum wijzigingen: ${r.report.effectiveFrom}`);
      out.line(
        `Productenboeken: ${b.created.length} nieuw, ${b.changed.length} gewijzigd, ${b.withdrawn.length} ingetrokken, ${b.unchanged.length} ongewijzigd`,
      );
      out.line(`Producten: ${p.created.length} nieuw, ${p.changed.length} gewijzigd, ${p.withdrawn.length} ingetrokken, ${p.unchanged.length} ongewijzigd`);
    }
    return 0;
  } finally {
    await k.close();
  }
}
