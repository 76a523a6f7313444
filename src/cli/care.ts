import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import cliProgress from "cli-progress";
import { SqlCareRepository } from "../adapters/db/care-repository.ts";
import { SqlProviderRepository } from "../adapters/db/provider-repository.ts";
import { loadConversieDemo } from "../app/conversion-demo.ts";
import { conversionDirOf, readConversionPlan } from "../adapters/files/conversion-plan-file.ts";
import { locate, readDeclaratieFile } from "../adapters/files/declaratie-files.ts";
import { checkBeschikking, type DeclaratieAnswer } from "../app/care.ts";
import { loadDemo } from "../app/demo.ts";
import { explainRetourcode } from "../domain/billing/check.ts";
import { formatProblem, type Problem } from "../domain/shared/problem.ts";
import { withCatalogue } from "./catalogue-source.ts";
import { DEFAULT_CATALOG, envConfig, type Kader, loadCatalogueDir, openKader } from "./compose.ts";
import type { Output } from "./output.ts";

const cli = { kind: "cli" } as const;
const fail = (out: Output, problems: Problem[], json?: boolean) => {
  if (json) out.json({ problems });
  else for (const p of problems) out.err(formatProblem(p));
  return 1;
};
async function readInput(file: string): Promise<Uint8Array | Problem> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    return { code: "invalid-input", title: "Bestand niet gevonden", detail: `kan ${file} niet lezen`, file };
  }
}

const severityLabel = { fout: "FOUT", waarschuwing: "waarschuwing", oordeel: "OORDEEL" } as const;

/** `kader beschikkingen toets <file.json>`: checks a proposed beschikking against the productenboek; stores nothing. */
export async function beschikkingToets(out: Output, file: string, opts: { json?: boolean; dir: string }): Promise<number> {
  const bytes = await readInput(file);
  if (!(bytes instanceof Uint8Array)) return fail(out, [bytes], opts.json);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return fail(out, [{ code: "invalid-input", title: "Geen geldige JSON", detail: (e as Error).message, file }], opts.json);
  }
  const r = await withCatalogue(out, { dir: opts.dir }, (svc) => checkBeschikking(svc, raw));
  if (r === 1) return 1;
  if (!r.ok)
    return fail(
      out,
      r.problems.map((p) => ({ ...p, file })),
      opts.json,
    );
  const v = r.value;
  if (opts.json) {
    out.json({
      toegestaan: v.toegestaan,
      bevindingen: v.bevindingen.map((b) => ({ productId: b.productId, rule: b.rule, severity: b.severity, message: b.message })),
    });
    return 0;
  }
  out.line(
    v.toegestaan
      ? "Toegestaan: de beschikking past binnen de regels van het productenboek."
      : v.overrideMogelijk
        ? "Niet zonder oordeel: een onderbouwde afwijking door de toegang is nodig."
        : "Niet toegestaan:",
  );
  for (const b of v.bevindingen) out.line(`  ${severityLabel[b.severity]}  ${b.productId}  [${b.rule}] ${b.message}${b.line ? ` (regel ${b.line})` : ""}`);
  return 0;
}

/**
 * `kader declaraties controleer <file>`: checks declaraties (JSON or CSV, docs/zorgketen.md) against the database
 * and prints per prestatie the verdict and retourcodes. Nothing is stored unless --opslaan is given. Exit 0 when the
 * file could be read (rejections are answers), 1 otherwise.
 */
export async function declaratiesControleer(out: Output, file: string, opts: { json?: boolean; opslaan?: boolean; progress?: boolean }): Promise<number> {
  const bytes = await readInput(file);
  if (!(bytes instanceof Uint8Array)) return fail(out, [bytes], opts.json);
  const sources = readDeclaratieFile(bytes, basename(file));
  if (!sources.ok) return fail(out, sources.problems, opts.json);
  const k = await openKader(envConfig());
  try {
    const l = await loadCatalogueDir(k, DEFAULT_CATALOG);
    if (!l.ok) return fail(out, l.problems, opts.json);
    const total = sources.value.reduce((s, src) => s + (Array.isArray(src.raw.prestaties) ? src.raw.prestaties.length : 0), 0);
    const bar =
      (opts.progress ?? true) && total >= 1000
        ? new cliProgress.SingleBar(
            { stream: process.stderr, format: "controleren [{bar}] {value}/{total} prestaties", hideCursor: true },
            cliProgress.Presets.shades_classic,
          )
        : null;
    bar?.start(total, 0);
    // one file = one transaction: any error and nothing is stored (docs/zorgketen.md)
    const list = sources.value;
    const r = await k.care.submitDeclaraties(
      cli,
      list.map((src) => src.raw),
      { endpoint: "kader declaraties controleer", purpose: "declaraties controleren" },
      {
        store: opts.opslaan ?? false,
        locate: (problems, i) => locate(problems, list[i]!, { several: list.length > 1 }),
        readProblems: list.flatMap((src) => src.problems ?? []),
        progress: (done) => bar?.update(done),
      },
    );
    bar?.stop();
    if (!r.ok) return fail(out, r.problems, opts.json);
    const answers: DeclaratieAnswer[] = r.value;
    if (opts.json) {
      out.json({
        declaraties: answers.map((a) => ({
          declaratienummer: a.declaratie.declaratienummer,
          aanbieder: a.declaratie.agbCode,
          gemeente: a.declaratie.gemeentecode,
          wet: a.declaratie.wet,
          herhaald: a.herhaald,
          opgeslagen: (opts.opslaan ?? false) && !a.herhaald && !a.result.afgewezen,
          ingediend: a.result.ingediend,
          toegekend: a.result.toegekend,
          afgewezen: a.result.afgewezen,
          prestaties: a.result.prestaties.map((p) => ({
            referentienummer: p.referentienummer,
            toegekend: p.toegekend,
            retourcodes: p.retourcodes,
            bevindingen: p.bevindingen,
          })),
        })),
      });
      return 0;
    }
    for (const a of answers) {
      const euro = (c: number) => `€ ${(c / 100).toFixed(2).replace(".", ",")}`;
      out.line(
        `Declaratie ${a.declaratie.declaratienummer} (${a.declaratie.agbCode}, ${a.declaratie.wet}): ingediend ${euro(a.result.ingediend)}, toegekend ${euro(a.result.toegekend)}${a.herhaald ? " — al eerder ontvangen, niets gewijzigd" : ""}`,
      );
      if (a.result.afgewezen) out.line(`  AFGEWEZEN ${a.result.afgewezen.retourcode}: ${a.result.afgewezen.message}`);
      for (const p of a.result.prestaties) {
        out.line(`  ${p.referentienummer}  ${p.toegekend ? "toegekend" : "AFGEWEZEN"}  ${p.retourcodes.join(",")}`);
        for (const b of p.bevindingen)
          out.line(`      ${b.retourcode} ${b.severity === "waarschuwing" ? "(waarschuwing) " : ""}${b.message} — ${explainRetourcode(b.retourcode)}`);
      }
    }
    return 0;
  } finally {
    await k.close();
  }
}

/**
 * Loads the synthetic demo data set into the configured database (embedded default; never in production): the care
 * chain's year, and the legacy indications (interventieniveaus, old dagbesteding) that 004's conversion converts.
 */
export async function demoLoad(k: Kader, today: string) {
  const report = await loadDemo({ care: k.care, catalogue: k.catalogue, providers: new SqlProviderRepository(k.db) }, today);
  const legacy = await loadConversieDemo(new SqlCareRepository(k.db), { today });
  // 004's conversion started for gemeente 0106, so its screens show the uitvraag status
  const plan = await readConversionPlan(join(conversionDirOf(DEFAULT_CATALOG), "004-nmd-2026.yaml"));
  if (plan.ok) await k.conversion.start(cli, plan.value, "0106", { endpoint: "kader serve", purpose: "demodata: conversie 004" });
  return { ...report, conversie: legacy.toewijzingen.length };
}
