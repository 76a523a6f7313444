import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import Table from "cli-table3";
import { parseStaffFile } from "../adapters/files/staff-import.ts";
import { formatProblem, type Problem } from "../domain/shared/problem.ts";
import { DEFAULT_CATALOG, envConfig, type Kader, loadCatalogueDir, openKader } from "./compose.ts";
import type { Output } from "./output.ts";

const cli = { kind: "cli" } as const;

/** The database with the shipped catalogue loaded (idempotent), so the products named in staff files resolve. */
async function open(): Promise<Kader | Problem[]> {
  const k = await openKader(envConfig());
  const l = await loadCatalogueDir(k, DEFAULT_CATALOG);
  if (l.ok) return k;
  await k.close();
  return l.problems;
}
const ctx = (command: string, purpose: string) => ({ endpoint: `kader ${command}`, purpose });
const fail = (out: Output, problems: Problem[], json?: boolean) => {
  if (json) out.json({ problems });
  else for (const p of problems) out.err(formatProblem(p));
  return 1;
};
const verdictLabel = { voldoet: "voldoet", "voldoet-niet": "voldoet NIET", onbekend: "onbekend" } as const;

/** `kader aanbieders import <file> --aanbieder <agb>`: every bad row is reported; a file with errors imports nothing. */
export async function providersImport(
  out: Output,
  file: string,
  opts: { aanbieder: string; naam?: string; gemeente?: string; json?: boolean },
): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return fail(out, [{ code: "invalid-input", title: "Bestand niet gevonden", detail: `kan ${file} niet lezen`, file }], opts.json);
  }
  const parsed = await parseStaffFile(new Uint8Array(bytes), basename(file));
  if (!parsed.ok) {
    if (!opts.json) out.err(`${parsed.problems.length} probleem/problemen; er is niets geïmporteerd:`);
    return fail(out, parsed.problems, opts.json);
  }
  const k = await open();
  if (Array.isArray(k)) return fail(out, k, opts.json);
  try {
    const r = await k.compliance.importStaff(
      cli,
      opts.aanbieder,
      parsed.value,
      { name: opts.naam, gemeentecode: opts.gemeente },
      ctx("aanbieders import", "personeelsbestand importeren"),
    );
    if (!r.ok) return fail(out, r.problems, opts.json);
    if (opts.json) out.json({ created: r.value.created, staff: r.value.staff, aanbieder: r.value.provider.agbCode });
    else
      out.line(
        `${r.value.created ? "Aanbieder aangemaakt" : "Aanbieder bijgewerkt"}: ${r.value.provider.name} (${r.value.provider.agbCode}); ${r.value.staff} medewerkers ingelezen.`,
      );
    return 0;
  } finally {
    await k.close();
  }
}

/** `kader aanbieders contract --aanbieder <agb> --product <id> --gemeente <code> --van <datum> [--tot] [--tarief <cent>]`: adds a contract. */
export async function providersContract(
  out: Output,
  opts: { aanbieder: string; product: string; gemeente: string; van: string; tot?: string; tarief?: string },
): Promise<number> {
  const k = await open();
  if (Array.isArray(k)) return fail(out, k);
  try {
    const current = await k.compliance.staff(cli, opts.aanbieder, ctx("aanbieders contract", "contracten lezen"));
    if (!current.ok) return fail(out, current.problems);
    const contract = {
      productId: opts.product,
      gemeentecode: opts.gemeente,
      validFrom: opts.van,
      validTo: opts.tot ?? null,
      tariffCents: opts.tarief === undefined ? null : Number(opts.tarief),
    };
    const r = await k.compliance.setContracts(
      cli,
      opts.aanbieder,
      [...current.value.provider.contracts, contract],
      ctx("aanbieders contract", "contract vastleggen"),
    );
    if (!r.ok) return fail(out, r.problems);
    out.line(`Contract vastgelegd: ${opts.product} voor gemeente ${opts.gemeente} vanaf ${opts.van}; ${r.value.contracts.length} contract(en) in totaal.`);
    return 0;
  } finally {
    await k.close();
  }
}

/** `kader compliance check --aanbieder <agb> [--productenboek] [--peildatum] [--json]`. */
export async function complianceCheck(out: Output, opts: { aanbieder: string; productenboek?: string; peildatum?: string; json?: boolean }): Promise<number> {
  const k = await open();
  if (Array.isArray(k)) return fail(out, k, opts.json);
  try {
    const r = await k.compliance.check(cli, opts.aanbieder, opts, ctx("compliance check", "toets aan productenboek en programma van eisen"));
    if (!r.ok) return fail(out, r.problems, opts.json);
    const rep = r.value;
    if (opts.json) {
      out.json({
        aanbieder: rep.aanbieder.agbCode,
        naam: rep.aanbieder.name,
        peildatum: rep.peildatum,
        producten: rep.producten.map((p) => ({
          productId: p.productId,
          productenboek: p.productenboek,
          productcode: p.productcode,
          verdict: p.verdict,
          reasons: p.reasons,
          requirements: p.requirements,
        })),
        signalen: rep.signalen,
      });
      return 0;
    }
    out.line(
      `${rep.aanbieder.name} (${rep.aanbieder.agbCode}) op ${rep.peildatum}: ${rep.summary.voldoet} voldoet, ${rep.summary["voldoet-niet"]} voldoet niet, ${rep.summary.onbekend} onbekend`,
    );
    for (const p of rep.producten) {
      out.line(`\n${p.productId} — ${p.name}: ${verdictLabel[p.verdict]} (${p.staffCount} medewerkers)`);
      for (const q of p.requirements.filter((x) => x.status === "voldoet-niet" || x.status === "onbekend"))
        for (const reason of q.reasons) out.line(`  - [${q.topic}] ${reason.message}`);
      const review = p.requirements.filter((x) => x.status === "te-beoordelen").length;
      if (review) out.line(`  (${review} eis(en) ter beoordeling door een mens)`);
    }
    if (rep.signalen.length) out.line(`\nVerloopt binnen 60 dagen: ${rep.signalen.map((s) => `${s.subject}: ${s.evidence} op ${s.expires}`).join("; ")}`);
    return 0;
  } finally {
    await k.close();
  }
}

/** `kader compliance signalen [--dagen 60]`: evidence that lapses soon, across all providers. */
export async function complianceSignals(out: Output, opts: { dagen: string; json?: boolean }): Promise<number> {
  const k = await open();
  if (Array.isArray(k)) return fail(out, k, opts.json);
  try {
    const r = await k.compliance.signals(cli, Number(opts.dagen), ctx("compliance signalen", "verlopend bewijs"));
    if (!r.ok) return fail(out, r.problems, opts.json);
    if (opts.json) out.json(r.value);
    else {
      const t = new Table({ head: ["Aanbieder", "Wie", "Bewijs", "Verloopt", "Dagen"] });
      for (const s of r.value) t.push([`${s.aanbieder} (${s.agbCode})`, s.subject, s.evidence, s.expires, String(s.daysLeft)]);
      out.line(t.toString());
      out.line(`${r.value.length} signaal/signalen binnen ${opts.dagen} dagen`);
    }
    return 0;
  } finally {
    await k.close();
  }
}
