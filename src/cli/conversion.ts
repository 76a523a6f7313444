/**
 * `kader conversie plan|uitvraag|importeer|proefrun|uitvoeren` (docs/conversie.md): take a gemeente's running
 * toewijzingen through a conversion plan — ask, check, preview, approve, execute.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { SqlConversionStore } from "../adapters/db/conversion-repository.ts";
import { conversionDirOf, readConversionPlan } from "../adapters/files/conversion-plan-file.ts";
import { proefrunToXlsx, readUitvraagXlsx, uitvraagToXlsx } from "../adapters/files/conversion-workbook.ts";
import { ConversionService } from "../app/conversion.ts";
import { vlagLabel } from "../domain/conversion/compute.ts";
import type { ConversiePlan } from "../domain/conversion/plan.ts";
import type { Problem } from "../domain/shared/problem.ts";
import { DEFAULT_CATALOG, type Kader } from "./compose.ts";
import type { Output } from "./output.ts";

export const DEFAULT_PLAN = "004-nmd-2026";
const cli = { kind: "cli" as const };
const ctx = (cmd: string) => ({ endpoint: `kader conversie ${cmd}`, purpose: "conversie van lopende toewijzingen" });

const printProblems = (out: Output, problems: Problem[]) => {
  for (const p of problems)
    out.err(`${p.file ? `${p.file}${p.line ? `:${p.line}` : ""}: ` : ""}${p.title}: ${p.detail}${p.path && !p.file ? ` (${p.path})` : ""}`);
};
const userError = (p: Problem[]) => (p.some((x) => x.code === "internal") ? 2 : 1);

async function loadPlan(out: Output, plan: string | undefined): Promise<ConversiePlan | null> {
  const ref = plan ?? DEFAULT_PLAN;
  const file = existsSync(ref) ? ref : join(conversionDirOf(DEFAULT_CATALOG), `${ref}.yaml`);
  const r = await readConversionPlan(file);
  if (!r.ok) {
    printProblems(out, r.problems);
    return null;
  }
  return r.value;
}

export const conversionService = (k: Kader) => new ConversionService(new SqlConversionStore(k.db), k.catalogue, k.gate, k.clock);

/** `kader conversie plan`: the plan's rules, targets and open points (no database). */
export async function conversiePlan(out: Output, opts: { plan?: string; json?: boolean }): Promise<number> {
  const plan = await loadPlan(out, opts.plan);
  if (!plan) return 1;
  if (opts.json) {
    out.json(plan);
    return 0;
  }
  out.line(`${plan.titel}`);
  out.line(
    `wijzigingsdatum ${plan.wijzigingsdatum}; uitvraag vanaf ${plan.uitvraagVanaf ?? "—"}; RedenWijziging ${plan.redenWijziging}; productenboek ${plan.productenboek}`,
  );
  out.line("");
  for (const r of plan.regels) {
    const target =
      r.soort === "vast"
        ? plan.doelen[r.doel]!.naam
        : r.soort === "uren-per-niveau"
          ? `${Object.entries(r.niveaus)
              .map(([n, d]) => `niveau ${n} → ${plan.doelen[d]!.naam}`)
              .join(", ")} (${r.keuze === "meeste-uren" ? "meeste uren beslist" : "gesplitst naar uren"})`
          : `${Object.entries(r.modules)
              .map(([m, d]) => `${m} → ${plan.doelen[d]!.naam}`)
              .join(", ")}; vervoer t/m ${r.vervoer.regulier.map((b) => b.totKm).join("/")} km`;
    out.line(`${r.van.naam}  →  ${target}  [regel ${r.bron.map((b) => b.line).join(", ")}]`);
  }
  out.line("");
  out.line("Open punten:");
  for (const o of plan.openPunten) out.line(`- ${o.tekst.replace(/\s+/g, " ")}${o.line ? ` (regel ${o.line})` : ""}`);
  return 0;
}

async function conversieFor(out: Output, k: Kader, opts: { plan?: string; gemeente: string }) {
  const plan = await loadPlan(out, opts.plan);
  if (!plan) return null;
  const svc = conversionService(k);
  const c = await svc.start(cli, plan, opts.gemeente, ctx("start"));
  if (!c.ok) {
    printProblems(out, c.problems);
    return null;
  }
  return { svc, conversie: c.value };
}

/** `kader conversie uitvraag`: one workbook per aanbieder, or with --herinneringen the aanbieders that have not answered. */
export async function conversieUitvraag(
  out: Output,
  k: Kader,
  opts: { plan?: string; gemeente: string; aanbieder?: string; uit?: string; herinneringen?: boolean; json?: boolean },
): Promise<number> {
  const s = await conversieFor(out, k, opts);
  if (!s) return 1;
  if (opts.herinneringen) {
    const st = await s.svc.status(cli, s.conversie.id, ctx("uitvraag"));
    if (!st.ok) {
      printProblems(out, st.problems);
      return userError(st.problems);
    }
    const due = st.value.filter((x) => x.herinneren);
    if (opts.json) out.json({ conversie: s.conversie.id, aanbieders: st.value });
    else {
      for (const x of st.value)
        out.line(
          `${x.agbCode}  ${x.beantwoord}/${x.toewijzingen} beantwoord  ${x.laatsteUpload ? `laatste upload ${x.laatsteUpload.slice(0, 10)}` : "nog niets ontvangen"}${x.herinneren ? "  → herinnering" : ""}`,
        );
      out.line(`${due.length} aanbieder(s) krijgen een herinnering`);
    }
    return 0;
  }
  if (!opts.uit) {
    out.err("geef --uit <map> voor de werkmappen (of --herinneringen)");
    return 1;
  }
  const u = await s.svc.uitvraag(cli, s.conversie.id, opts.aanbieder, ctx("uitvraag"));
  if (!u.ok) {
    printProblems(out, u.problems);
    return userError(u.problems);
  }
  await mkdir(opts.uit, { recursive: true });
  const files: { aanbieder: string; bestand: string; toewijzingen: number }[] = [];
  for (const x of u.value) {
    const file = join(opts.uit, `uitvraag_${x.planId}_${x.gemeentecode}_${x.agbCode}.xlsx`);
    await writeFile(file, await uitvraagToXlsx(x));
    files.push({ aanbieder: x.agbCode, bestand: file, toewijzingen: x.rijen.length });
  }
  if (opts.json) out.json({ conversie: s.conversie.id, werkmappen: files });
  else {
    for (const f of files) out.line(`${f.aanbieder}  ${f.toewijzingen} toewijzingen  ${f.bestand}`);
    out.line(`${files.length} werkmap(pen) geschreven (conversie ${s.conversie.id})`);
  }
  return 0;
}

/** `kader conversie importeer`: filled workbooks; a workbook with an error changes nothing (exit 1, every error listed). */
export async function conversieImporteer(out: Output, k: Kader, files: string[], opts: { json?: boolean }): Promise<number> {
  const svc = conversionService(k);
  const results: { bestand: string; ok: boolean; opgeslagen?: number; leeg?: number; problemen?: Problem[] }[] = [];
  for (const f of files) {
    const read = await readUitvraagXlsx(new Uint8Array(await readFile(f)), basename(f));
    if (!read.ok) {
      results.push({ bestand: f, ok: false, problemen: read.problems });
      continue;
    }
    const r = await svc.importeer(
      cli,
      { conversieId: read.value.conversieId, agbCode: read.value.agbCode, bestandsnaam: basename(f), rijen: read.value.rijen },
      ctx("importeer"),
    );
    results.push(r.ok ? { bestand: f, ok: true, ...r.value } : { bestand: f, ok: false, problemen: r.problems });
  }
  if (opts.json) out.json({ bestanden: results });
  else
    for (const r of results) {
      if (r.ok) out.line(`${r.bestand}: ${r.opgeslagen} antwoord(en) opgeslagen, ${r.leeg} rij(en) leeg`);
      else {
        out.line(`${r.bestand}: geweigerd, niets opgeslagen (${r.problemen!.length} fout(en))`);
        printProblems(out, r.problemen!);
      }
    }
  return results.every((r) => r.ok) ? 0 : 1;
}

/** `kader conversie proefrun`: the proposals and flags, stored as a snapshot that can be approved. */
export async function conversieProefrun(out: Output, k: Kader, opts: { plan?: string; gemeente: string; xlsx?: string; json?: boolean }): Promise<number> {
  const s = await conversieFor(out, k, opts);
  if (!s) return 1;
  const r = await s.svc.proefrun(cli, s.conversie.id, ctx("proefrun"));
  if (!r.ok) {
    printProblems(out, r.problems);
    return userError(r.problems);
  }
  if (opts.xlsx) await writeFile(opts.xlsx, await proefrunToXlsx(r.value.uitkomsten));
  if (opts.json) {
    out.json({ proefrun: r.value.runId, totalen: r.value.totalen, uitkomsten: r.value.uitkomsten });
    return 0;
  }
  const u = r.value.uitkomsten;
  out.line(
    `Proefrun ${r.value.runId}: ${u.length} toewijzingen, ${u.filter((x) => x.uitvoerbaar).length} uitvoerbaar, ${u.filter((x) => !x.uitvoerbaar).length} voor een medewerker`,
  );
  for (const t of r.value.totalen.perAanbieder)
    out.line(
      `  aanbieder ${t.sleutel}: ${t.toewijzingen} toewijzingen, ${t.uitvoerbaar} uitvoerbaar${t.oudPerMaandCents !== null ? `, oud € ${(t.oudPerMaandCents / 100).toFixed(2)}` : ""}${t.nieuwPerMaandCents !== null ? `, nieuw € ${(t.nieuwPerMaandCents / 100).toFixed(2)} per maand` : ""}`,
    );
  for (const t of r.value.totalen.perProduct) out.line(`  ${t.sleutel}: ${t.toewijzingen}`);
  for (const [code, n] of Object.entries(r.value.totalen.perVlag)) out.line(`  signaal ${vlagLabel[code as keyof typeof vlagLabel]}: ${n}`);
  for (const x of u.filter((y) => !y.uitvoerbaar))
    out.line(
      `  ${x.sleutel} (${x.agbCode}): ${x.vlaggen
        .filter((v) => v.ernst === "beslissing")
        .map((v) => v.tekst)
        .join("; ")}`,
    );
  if (opts.xlsx) out.line(`Excel: ${opts.xlsx}`);
  out.line(`Keur goed en voer uit: kader conversie uitvoeren --gemeente ${opts.gemeente} --proefrun ${r.value.runId} --uit <map>`);
  return 0;
}

/** `kader conversie uitvoeren`: approves the named dry run and executes it; writes the 301s and the report. */
export async function conversieUitvoeren(
  out: Output,
  k: Kader,
  opts: { plan?: string; gemeente: string; proefrun: string; uit: string; json?: boolean },
): Promise<number> {
  const s = await conversieFor(out, k, opts);
  if (!s) return 1;
  const id = Number(opts.proefrun);
  if (!Number.isInteger(id) || id <= 0) {
    out.err("--proefrun is het nummer van een proefrun");
    return 1;
  }
  const run = await s.svc.run(cli, id, ctx("uitvoeren"));
  if (!run.ok || run.value.conversieId !== s.conversie.id) {
    out.err(`proefrun ${id} hoort niet bij deze conversie`);
    return 1;
  }
  const a = await s.svc.keurGoed(cli, id, ctx("goedkeuren"));
  if (!a.ok) {
    printProblems(out, a.problems);
    return userError(a.problems);
  }
  const r = await s.svc.uitvoeren(cli, s.conversie.id, ctx("uitvoeren"));
  if (!r.ok) {
    printProblems(out, r.problems);
    return userError(r.problems);
  }
  await mkdir(opts.uit, { recursive: true });
  for (const b of r.value.berichten) await writeFile(join(opts.uit, b.bestandsnaam), b.xml);
  const verslag = { ...r.value, berichten: r.value.berichten.map((b) => b.bestandsnaam) };
  await writeFile(join(opts.uit, `verslag-conversie-${r.value.runId}.json`), `${JSON.stringify(verslag, null, 2)}\n`);
  if (opts.json) out.json(verslag);
  else {
    out.line(
      `Uitvoering ${r.value.runId} (proefrun ${id}): ${r.value.omgezet.length} omgezet, ${r.value.overgeslagen.length} overgeslagen, ${r.value.mislukt.length} cliënt(en) mislukt`,
    );
    for (const o of r.value.omgezet) out.line(`  ${o.sleutel} → ${o.nieuw.map((n) => `${n.toewijzingnummer} ${n.productId} ${n.omvang}`).join(", ")}`);
    for (const m of r.value.mislukt) out.line(`  cliënt ${m.clientId} niet omgezet: ${m.reden}`);
    out.line(`${r.value.berichten.length} bericht(en) en het verslag in ${opts.uit}`);
  }
  return r.value.mislukt.length ? 1 : 0;
}
