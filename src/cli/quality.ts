import { readFile, writeFile } from "node:fs/promises";
import Table from "cli-table3";
import { parse as parseYaml } from "yaml";
import { overviewToCsv, overviewToXlsx, pveToDocx, pveToHtml } from "../adapters/files/quality-export.ts";
import { qualityDirOf, readQualityDir } from "../adapters/files/quality-files.ts";
import { CriterionSearchParams } from "../contract/quality.ts";
import { vraagStatuses, vraagStatusLabel } from "../domain/quality/assessment.ts";
import { elementLabel, frameworkSummary, lapsedWarning, type QualityLibrary, searchCriteriaInMemory, statusLabel } from "../domain/quality/library.ts";
import { formatProblem, type Problem } from "../domain/shared/problem.ts";
import { explainZodIssue } from "../domain/shared/zod-dutch.ts";
import { DEFAULT_CATALOG, envConfig, type Kader, loadCatalogueDir, openKader } from "./compose.ts";
import type { Output } from "./output.ts";

const cli = { kind: "cli" } as const;
const ctx = (command: string, purpose: string) => ({ endpoint: `kader ${command}`, purpose });
const fail = (out: Output, problems: Problem[], json?: boolean) => {
  if (json) out.json({ problems });
  else for (const p of problems) out.err(formatProblem(p));
  return problems.some((p) => p.code === "internal") ? 2 : 1;
};

export interface LibraryOpts {
  dir: string;
  fromDb?: boolean;
  json?: boolean;
}

/** The library from the files (default: no database, no lock on a running server) or, with --from-db, the database. */
async function withLibrary(out: Output, opts: LibraryOpts, f: (lib: QualityLibrary, k: Kader | null) => Promise<number>): Promise<number> {
  if (opts.fromDb) {
    const k = await openKader(envConfig());
    try {
      return await f(await k.quality.library(), k);
    } finally {
      await k.close();
    }
  }
  const r = await readQualityDir(qualityDirOf(opts.dir));
  if (!r.ok) {
    if (!opts.json) out.err(`De kwaliteitskaders in ${qualityDirOf(opts.dir)} zijn ongeldig:`);
    return fail(out, r.problems, opts.json);
  }
  return f(r.value, null);
}

/** `kader kwaliteit kaders [--json]`: the 15 frameworks with their criteria counts per element. */
export function qualityFrameworks(out: Output, opts: LibraryOpts): Promise<number> {
  return withLibrary(out, opts, async (lib) => {
    const items = lib.frameworks.map(frameworkSummary);
    if (opts.json) {
      out.json(items);
      return 0;
    }
    const t = new Table({ head: ["Nr", "Kader", "Jaar", "Wetten", "Segmenten", "Status", "Criteria", "D/V/S/O"] });
    for (const s of items)
      t.push([
        String(s.nr),
        s.titel.length > 60 ? `${s.titel.slice(0, 57)}…` : s.titel,
        s.jaar === null ? "—" : String(s.jaar),
        s.wetten.join(", "),
        s.segmenten.join(", ") || "(hele wet)",
        s.status === "in-force" ? statusLabel[s.status] : statusLabel[s.status].toUpperCase(),
        String(s.criteria),
        `${s.perElement.dienstverlening}/${s.perElement.vakmanschap}/${s.perElement.samenwerking}/${s.perElement.organisatie}`,
      ]);
    out.line(t.toString());
    for (const f of lib.frameworks) {
      const w = lapsedWarning(f);
      if (w) out.line(`Let op: ${w}`);
    }
    out.line(`${items.length} kaders, ${items.reduce((n, s) => n + s.criteria, 0)} criteria`);
    return 0;
  });
}

/** `kader kwaliteit kader <nr>`: one framework with every criterion. */
export function qualityFramework(out: Output, nr: string, opts: LibraryOpts): Promise<number> {
  return withLibrary(out, opts, async (lib) => {
    const f = lib.frameworks.find((x) => String(x.nr) === nr);
    if (!f)
      return fail(
        out,
        [{ code: "not-found", title: "Kwaliteitskader niet gevonden", detail: `geen kwaliteitskader ${nr} (1 tot en met 15)`, path: "nr" }],
        opts.json,
      );
    if (opts.json) {
      out.json(f);
      return 0;
    }
    out.line(`${f.nr}. ${f.titel} (${f.jaar ?? "jaar onbekend"}) — ${f.uitgever}`);
    const w = lapsedWarning(f);
    if (w) out.line(`LET OP: ${w}`);
    out.line(`\nDoel: ${f.doel}\nGebruik bij inkoop: ${f.gebruik}`);
    for (const el of ["dienstverlening", "vakmanschap", "samenwerking", "organisatie"] as const) {
      const cs = f.criteria.filter((c) => c.element === el);
      if (!cs.length) continue;
      out.line(`\n${elementLabel[el]} (${cs.length})`);
      for (const c of cs) out.line(`  ${c.id}  ${c.tekst}  [${c.adressaat}, ${c.aard}; regel ${c.regel}]`);
    }
    return 0;
  });
}

/** `kader kwaliteit zoek <tekst> [--element] [--segment] …`: criteria across all frameworks. */
export function qualitySearch(out: Output, text: string | undefined, opts: LibraryOpts & Record<string, unknown>): Promise<number> {
  const { dir: _d, fromDb: _f, json, ...filters } = opts;
  const p = CriterionSearchParams.safeParse({ ...(text ? { q: text } : {}), limit: 500, ...filters }, { reportInput: true });
  if (!p.success)
    return Promise.resolve(
      fail(
        out,
        p.error.issues.map((i) => ({
          code: "invalid-parameter",
          title: `Ongeldige optie ${String(i.path[0] ?? "")}`,
          detail: explainZodIssue(i),
          path: String(i.path[0] ?? ""),
        })),
        json,
      ),
    );
  return withLibrary(out, opts, async (lib, k) => {
    const r = k
      ? await k.quality.search({ ...(text ? { q: text } : {}), limit: "500", ...filters })
      : { ok: true as const, value: searchCriteriaInMemory(lib, p.data) };
    if (!r.ok) return fail(out, r.problems, json);
    if (json) {
      out.json(r.value);
      return 0;
    }
    const t = new Table({ head: ["Kader", "Id", "Element", "Criterium", "Regel"], colWidths: [7, 7, 16, 80, 7], wordWrap: true });
    for (const h of r.value.items) t.push([`${h.kader}${h.vervallen ? " (vervallen)" : ""}`, h.criterium, h.element, h.tekst, String(h.regel)]);
    out.line(t.toString());
    out.line(`${r.value.total} criterium/criteria`);
    return 0;
  });
}

/** `kader kwaliteit valideer`: every library file against the schema; problems name file, line and field path. */
export function qualityValidate(out: Output, opts: LibraryOpts): Promise<number> {
  return withLibrary(out, { ...opts, fromDb: false }, async (lib) => {
    const n = lib.frameworks.reduce((s, f) => s + f.criteria.length, 0);
    if (opts.json) out.json({ ok: true, kaders: lib.frameworks.length, criteria: n, segmenten: lib.segments.length, begrippen: lib.concepts.length });
    else out.line(`In orde: ${lib.frameworks.length} kaders, ${n} criteria, ${lib.segments.length} segmenten, ${lib.concepts.length} begrippen.`);
    return 0;
  });
}

/** The database with the shipped catalogue and library loaded (idempotent), so product ids and frameworks resolve. */
async function open(): Promise<Kader | Problem[]> {
  const k = await openKader(envConfig());
  const l = await loadCatalogueDir(k, DEFAULT_CATALOG);
  if (l.ok) return k;
  await k.close();
  return l.problems;
}

async function withDb(out: Output, json: boolean | undefined, f: (k: Kader) => Promise<number>): Promise<number> {
  const k = await open();
  if (Array.isArray(k)) return fail(out, k, json);
  try {
    return await f(k);
  } finally {
    await k.close();
  }
}

async function readDraft(file: string): Promise<unknown | Problem[]> {
  try {
    const text = await readFile(file, "utf8");
    return file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    return [{ code: "invalid-input", title: "Bestand onleesbaar", detail: `${file}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`, file }];
  }
}

/** `kader kwaliteit pve maak <bestand> --gemeente <code>`: a new draft from a YAML or JSON file (docs/kwaliteitskaders.md). */
export async function pveCreate(out: Output, file: string, opts: { gemeente: string; json?: boolean }): Promise<number> {
  const draft = await readDraft(file);
  if (Array.isArray(draft)) return fail(out, draft, opts.json);
  return withDb(out, opts.json, async (k) => {
    const r = await k.quality.createPve(cli, draft, ctx("kwaliteit pve maak", "programma van eisen opstellen"), { gemeentecode: opts.gemeente });
    if (!r.ok) return fail(out, r.problems, opts.json);
    const preview = await k.quality.preview(r.value.concept, r.value.gemeentecode);
    if (opts.json) out.json({ id: r.value.id, problemen: preview.ok ? [] : preview.problems });
    else {
      out.line(`Concept aangemaakt: ${r.value.id}`);
      if (!preview.ok) for (const p of preview.problems) out.err(`  nog op te lossen vóór publiceren: ${formatProblem(p)}`);
      else
        out.line(
          `${preview.value.eisen.length} eisen, ${preview.value.vragen.length} vragen voor de zelfevaluatie.${preview.value.waarschuwingen.map((w) => `\nLet op: ${w}`).join("")}`,
        );
    }
    return 0;
  });
}

/** `kader kwaliteit pve bijwerken <id> <bestand>`: replaces the draft. */
export async function pveUpdate(out: Output, id: string, file: string, opts: { json?: boolean }): Promise<number> {
  const draft = await readDraft(file);
  if (Array.isArray(draft)) return fail(out, draft, opts.json);
  return withDb(out, opts.json, async (k) => {
    const r = await k.quality.updatePve(cli, id, draft, ctx("kwaliteit pve bijwerken", "programma van eisen bewerken"));
    if (!r.ok) return fail(out, r.problems, opts.json);
    if (opts.json) out.json({ id });
    else out.line(`Concept ${id} bijgewerkt.`);
    return 0;
  });
}

/** `kader kwaliteit pve publiceer <id>`: the draft becomes the next immutable version. */
export async function pvePublish(out: Output, id: string, opts: { json?: boolean }): Promise<number> {
  return withDb(out, opts.json, async (k) => {
    const r = await k.quality.publish(cli, id, ctx("kwaliteit pve publiceer", "programma van eisen publiceren"));
    if (!r.ok) return fail(out, r.problems, opts.json);
    if (opts.json) out.json({ id, versie: r.value.versie, eisen: r.value.document.eisen.length });
    else
      out.line(
        `Gepubliceerd als versie ${r.value.versie} (${r.value.document.eisen.length} eisen).${r.value.document.waarschuwingen.map((w) => `\nLet op: ${w}`).join("")}`,
      );
    return 0;
  });
}

/** `kader kwaliteit pve lijst --gemeente <code>`: the gemeente's programmes. */
export async function pveList(out: Output, opts: { gemeente: string; json?: boolean }): Promise<number> {
  return withDb(out, opts.json, async (k) => {
    const r = await k.quality.listPves(cli, ctx("kwaliteit pve lijst", "programma's van eisen"), { gemeentecode: opts.gemeente });
    if (!r.ok) return fail(out, r.problems, opts.json);
    if (opts.json) out.json(r.value.concepten);
    else {
      const t = new Table({ head: ["Id", "Titel", "Versies", "Bijgewerkt"] });
      for (const p of r.value.concepten) t.push([p.id, p.concept.titel, String(p.versies), p.updatedAt.slice(0, 10)]);
      out.line(t.toString());
    }
    return 0;
  });
}

/** `kader kwaliteit pve export <id> [--versie n] --format docx|html|json [--out bestand]`. */
export async function pveExport(out: Output, id: string, opts: { versie?: string; format: string; out?: string }): Promise<number> {
  if (!["docx", "html", "json"].includes(opts.format))
    return fail(out, [{ code: "invalid-parameter", title: "Ongeldig formaat", detail: "kies docx, html of json", path: "format" }]);
  if (opts.format === "docx" && !opts.out)
    return fail(out, [{ code: "invalid-parameter", title: "Uitvoerbestand ontbreekt", detail: "een .docx gaat naar een bestand: geef --out", path: "out" }]);
  return withDb(out, false, async (k) => {
    let doc: Awaited<ReturnType<typeof k.quality.preview>>;
    let meta = { versie: null as number | null, gepubliceerd: null as string | null };
    if (opts.versie) {
      const v = await k.quality.version(cli, id, opts.versie, ctx("kwaliteit pve export", "programma van eisen exporteren"));
      if (!v.ok) return fail(out, v.problems);
      doc = { ok: true, value: v.value.inhoud };
      meta = { versie: v.value.versie, gepubliceerd: v.value.publishedAt };
    } else {
      const p = await k.quality.getPve(cli, id, ctx("kwaliteit pve export", "programma van eisen exporteren"));
      if (!p.ok) return fail(out, p.problems);
      doc = p.value.voorbeeld ? { ok: true, value: p.value.voorbeeld } : { ok: false, problems: p.value.problemen };
    }
    if (!doc.ok) return fail(out, doc.problems);
    const body =
      opts.format === "docx"
        ? await pveToDocx(doc.value, meta)
        : opts.format === "html"
          ? pveToHtml(doc.value, meta)
          : `${JSON.stringify(doc.value, null, 2)}\n`;
    if (opts.out) {
      await writeFile(opts.out, body);
      out.err(`Geschreven: ${opts.out}`);
    } else out.raw(body);
    return 0;
  });
}

/** `kader kwaliteit pve uitnodigen <id> --versie n [--aanbieder a,b] [--gecontracteerd]`. */
export async function pveInvite(
  out: Output,
  id: string,
  opts: { versie: string; aanbieder?: string; gecontracteerd?: boolean; json?: boolean },
): Promise<number> {
  return withDb(out, opts.json, async (k) => {
    const body = { agbCodes: opts.aanbieder ? opts.aanbieder.split(",").map((s) => s.trim()) : [], gecontracteerd: opts.gecontracteerd ?? false };
    const r = await k.quality.invite(cli, id, opts.versie, body, ctx("kwaliteit pve uitnodigen", "aanbieders uitnodigen"));
    if (!r.ok) return fail(out, r.problems, opts.json);
    if (opts.json) out.json(r.value);
    else out.line(`Uitgenodigd voor versie ${opts.versie}: ${r.value.map((x) => x.agbCode).join(", ")}`);
    return 0;
  });
}

/** `kader kwaliteit pve status <id> --versie n [--format csv|xlsx --out bestand]`: review status per aanbieder. */
export async function pveStatus(out: Output, id: string, opts: { versie: string; format?: string; out?: string; json?: boolean }): Promise<number> {
  return withDb(out, opts.json, async (k) => {
    const r = await k.quality.overview(cli, id, opts.versie, ctx("kwaliteit pve status", "beoordelingsstatus per aanbieder"));
    if (!r.ok) return fail(out, r.problems, opts.json);
    if (opts.format === "csv" || opts.format === "xlsx") {
      const body = opts.format === "csv" ? overviewToCsv(r.value.rows) : await overviewToXlsx(r.value.rows, r.value.document.titel);
      if (opts.out) await writeFile(opts.out, body);
      else out.raw(body);
      return 0;
    }
    if (opts.json) {
      out.json(r.value.rows);
      return 0;
    }
    const t = new Table({ head: ["AGB-code", "Aanbieder", ...vraagStatuses.map((s) => vraagStatusLabel[s])] });
    for (const x of r.value.rows) t.push([x.agbCode, x.naam ?? "—", ...vraagStatuses.map((s) => String(x.telling[s]))]);
    out.line(t.toString());
    return 0;
  });
}
