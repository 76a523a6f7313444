/**
 * `kader berichten valideer <file|dir|zip>... [--json]`: every iWmo/iJw 3.2 message checked at XSD level, against
 * the in-message rules and for file hygiene (OP192). Files are streamed, so a 25 MB declaratie takes little memory.
 * Exit 0 when every input could be read (invalid messages are verdicts, not errors), 1 otherwise.
 */
import { createReadStream } from "node:fs";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import cliProgress from "cli-progress";
import type { BerichtInput, Outcome, ProcessOptions, ProcessOutcome } from "../app/messages/index.ts";
import { type FileVerdict, MAX_BATCH_INFLATED_BYTES, messageValidator, openBatch, retourcodeText, validateBatch, verdict } from "../messages/index.ts";
import type { Kader } from "./compose.ts";
import type { Output } from "./output.ts";

async function validateFile(file: string): Promise<FileVerdict> {
  const v = messageValidator();
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) if (!v.write(chunk as Buffer)) break;
  return verdict(file, v.end());
}

async function inputsOf(path: string): Promise<string[]> {
  const s = await stat(path);
  if (!s.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => e.isDirectory() || /\.(xml|zip)$/i.test(e.name))
      .map((e) => (e.isDirectory() ? inputsOf(join(path, e.name)) : Promise.resolve([join(path, e.name)]))),
  );
  return nested.flat().sort();
}

/**
 * Every file of the inputs (directories searched for .xml and .zip), each handed to `read`, which says whether it
 * could use it. A path or file that cannot be read, or a ZIP larger than a batch may inflate to, is reported and
 * counted as unreadable; the count is returned.
 */
async function eachFile(out: Output, paths: string[], read: (file: string) => Promise<boolean>): Promise<number> {
  let unreadable = 0;
  const cannotRead = (what: string, e: unknown) => {
    unreadable++;
    out.err(`Kan ${what} niet lezen: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  };
  for (const path of paths) {
    let files: string[];
    try {
      files = await inputsOf(path);
    } catch (e) {
      cannotRead(path, e);
      continue;
    }
    for (const file of files) {
      try {
        if (/\.zip$/i.test(file) && (await stat(file)).size > MAX_BATCH_INFLATED_BYTES) {
          unreadable++;
          out.err(`${file}: het ZIP-bestand is groter dan ${MAX_BATCH_INFLATED_BYTES / 1024 / 1024} MB; niet gelezen (OP192, retourcode 0001)`);
        } else if (!(await read(file))) unreadable++;
      } catch (e) {
        cannotRead(file, e);
      }
    }
  }
  return unreadable;
}

export async function berichtenValideer(out: Output, paths: string[], o: { json?: boolean }): Promise<number> {
  const files: FileVerdict[] = [];
  const unreadable = await eachFile(out, paths, async (file) => {
    if (!/\.zip$/i.test(file)) {
      files.push(await validateFile(file));
      return true;
    }
    const verdicts = await validateBatch(file, await readFile(file));
    files.push(...verdicts);
    return !verdicts.some((v) => v.unreadable);
  });
  if (o.json) out.json({ files });
  else {
    for (const f of files) {
      out.line(
        `${f.valid ? "✓" : "✗"} ${f.file}${f.berichtCode ? ` (BerichtCode ${f.berichtCode})` : ""}: ${f.valid ? "geldig" : `${f.failures.length} ${f.failures.length === 1 ? "fout" : "fouten"}`}`,
      );
      for (const x of f.failures)
        out.line(
          `    ${x.line !== null ? `regel ${x.line}`.padEnd(11) : "".padEnd(11)} ${x.rule.padEnd(5)} ${x.retourcode}  ${x.path ? `${x.path}: ` : ""}${x.message}`,
        );
    }
    const bad = files.filter((f) => !f.valid).length;
    out.line(
      `${files.length} ${files.length === 1 ? "bestand" : "bestanden"}: ${files.length - bad} geldig, ${bad} ongeldig${unreadable ? `, ${unreadable} niet te lezen` : ""}.`,
    );
  }
  return unreadable ? 1 : 0;
}

// ---- kader berichten verwerk / toewijzingen / verzoeken / beantwoord ----

/** The messages of the inputs: files, directories (searched for .xml and .zip) and ZIP batches (checked as a batch first). */
async function collectMessages(out: Output, paths: string[]): Promise<{ inputs: BerichtInput[]; unreadable: number }> {
  const inputs: BerichtInput[] = [];
  const unreadable = await eachFile(out, paths, async (file) => {
    const bytes = new Uint8Array(await readFile(file));
    if (!/\.zip$/i.test(file)) {
      inputs.push({ bestandsnaam: file, bytes });
      return true;
    }
    // the batch itself must be sound (OP192: at most 30 messages, only XML, sizes checked from the headers and
    // enforced while unpacking) before any message is processed; a refused batch is processed not at all
    const batch = openBatch(bytes);
    if (!batch.ok) {
      for (const f of batch.failures) out.err(`${file}: ${f.message} (${f.rule}, retourcode ${f.retourcode})`);
      return false;
    }
    for (const e of batch.entries) inputs.push({ bestandsnaam: `${file}:${e.name}`, bytes: e.bytes });
    return true;
  });
  return { inputs, unreadable };
}

/**
 * A name for this answer in --uit that holds no other answer — in this run or from an earlier one: its own name, else
 * its number in the message log (or a counter) before ".xml". A file with the same bytes is the same answer.
 */
async function freeName(dir: string, name: string, xml: string, berichtId: number | undefined, written: Map<string, string>): Promise<string> {
  const clash = async (n: string) => {
    const text = written.get(n) ?? (await existing(join(dir, n)));
    return text !== null && text !== xml;
  };
  if (!(await clash(name))) return name;
  const base = name.replace(/\.xml$/i, "");
  let candidate = `${base}.bericht-${berichtId ?? 1}.xml`;
  for (let n = 2; await clash(candidate); n++) candidate = `${base}.bericht-${berichtId ?? 1}-${n}.xml`;
  return candidate;
}

/** The file's current contents in --uit, or null when there is none. */
async function existing(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return null;
  }
}

const statusLabel: Record<Outcome, string> = {
  verwerkt: "verwerkt",
  afgekeurd: "afgekeurd",
  herhaald: "nagestuurd",
  geregistreerd: "geregistreerd",
  verzonden: "verzonden",
  onleesbaar: "ONLEESBAAR",
  geweigerd: "GEWEIGERD",
  fout: "FOUT",
};

export interface ProcessCommandOptions {
  rol: string;
  gemeente?: string;
  aanbieder?: string;
  uit: string;
  json?: boolean;
  inOnderzoek?: boolean;
}

/**
 * `kader berichten verwerk --rol gemeente|aanbieder [--gemeente <code>|--aanbieder <agb>] <file|dir|zip>... --uit <dir>`:
 * processes the messages in order (Dagtekening, then file name) against the database and writes every retour and
 * antwoord to --uit, named after the message it answers. Exit 0 when every input could be read (rejections are
 * answers), 1 when an input could not be read, identified or was not for this party, 2 on an internal error.
 *
 * Each message's answers are committed with it as "not yet written"; once a file is in --uit (written under a
 * temporary name, then renamed, so a file is whole or absent) its answer is marked written in the database. Should
 * the command stop in between, running the same messages again writes those committed answers, byte for byte, under
 * the same names (status `herhaald`, "nagestuurd"), instead of answering them with 9056 (docs/berichten.md, "Verwerken").
 */
export async function berichtenVerwerk(out: Output, k: Kader, paths: string[], o: ProcessCommandOptions): Promise<number> {
  if (o.rol !== "gemeente" && o.rol !== "aanbieder") {
    out.err("--rol is gemeente of aanbieder");
    return 1;
  }
  if (o.gemeente && !/^[0-9]{4}$/.test(o.gemeente)) {
    out.err("--gemeente is een gemeentecode van 4 cijfers");
    return 1;
  }
  if (o.aanbieder && !/^[0-9]{8}$/.test(o.aanbieder)) {
    out.err("--aanbieder is een AGB-code van 8 cijfers");
    return 1;
  }
  const { inputs, unreadable } = await collectMessages(out, paths);
  // --uit must be writable before anything is committed
  await mkdir(o.uit, { recursive: true });
  const bar =
    !o.json && inputs.length >= 50 && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: "verwerken [{bar}] {value}/{total} berichten", hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(inputs.length, 0);
  // every answer gets a file of its own: the names carry the answered message's Identificatie (a 9056 retour its own
  // Identificatie as well); should two different answers still meet under one name — in this run, or a file of an
  // earlier run already in --uit — the later one is named after its own message-log number too. The same answer
  // again (written before the command stopped) is the same file. Each message's answers are written right after its
  // transaction, before the next message is processed.
  const written = new Map<string, string>();
  const writeAnswers = async (r: ProcessOutcome) => {
    for (const a of r.antwoorden) {
      a.bestandsnaam = await freeName(o.uit, a.bestandsnaam, a.xml, a.berichtId, written);
      if (written.get(a.bestandsnaam) !== a.xml) {
        const target = join(o.uit, a.bestandsnaam);
        const tmp = `${target}.${process.pid}.tmp`;
        await writeFile(tmp, a.xml);
        await rename(tmp, target);
        written.set(a.bestandsnaam, a.xml);
      }
      if (a.berichtId !== undefined) await k.messages.markWritten([a.berichtId]);
    }
  };
  const opts: ProcessOptions = { rol: o.rol, gemeente: o.gemeente, aanbieder: o.aanbieder, inOnderzoek: o.inOnderzoek, antwoordenLater: true };
  const results = await k.messages.process(
    { kind: "cli" },
    inputs,
    opts,
    { endpoint: "kader berichten verwerk", purpose: "berichten verwerken" },
    async (n, r) => {
      await writeAnswers(r);
      bar?.update(n);
    },
  );
  bar?.stop();
  if (o.json)
    out.json({
      berichten: results.map((r) => ({ ...r, antwoorden: r.antwoorden.map((a) => ({ bestandsnaam: a.bestandsnaam, berichtNaam: a.berichtNaam })) })),
    });
  else {
    for (const r of results) {
      const codes = r.retourcodes.length ? ` [${r.retourcodes.join(" ")}]` : "";
      const ans = r.antwoorden.length ? ` → ${r.antwoorden.map((a) => a.bestandsnaam).join(", ")}` : "";
      out.line(`${statusLabel[r.status].padEnd(13)} ${r.bestandsnaam}${r.berichtNaam ? ` (${r.berichtNaam} ${r.identificatie ?? ""})` : ""}${codes}${ans}`);
      // every finding: line, rule, retourcode, element path, the Dutch explanation and what the retourcode means
      for (const b of r.bevindingen.slice(0, 20)) {
        const meaning = b.retourcode && b.retourcode !== "0200" ? retourcodeText(r.berichtNaam?.startsWith("JW") ? "ijw" : "iwmo", b.retourcode) : undefined;
        const rule = b.code !== b.retourcode ? `${b.code} ` : "";
        out.line(
          `    ${(b.line !== undefined ? `regel ${b.line}` : "").padEnd(11)} ${rule}${b.retourcode ?? ""}  ${b.path ? `${b.path}: ` : ""}${b.message}${meaning ? ` (${b.retourcode}: ${meaning})` : ""}`,
        );
      }
      if (r.bevindingen.length > 20) out.line(`    … en ${r.bevindingen.length - 20} meer (--json voor alles)`);
    }
    const count = (s: Outcome) => results.filter((r) => r.status === s).length;
    const used = results.filter((r) => r.eerder).length;
    out.line(
      `${results.length} ${results.length === 1 ? "bericht" : "berichten"}: ${count("verwerkt")} verwerkt, ${count("afgekeurd")} afgekeurd${used ? ` (${used} met 9056: Identificatie al gebruikt, niet opgeslagen)` : ""}, ${count("geregistreerd")} geregistreerd${count("herhaald") ? `, ${count("herhaald")} nagestuurd (al verwerkt, antwoord nu geschreven)` : ""}${count("onleesbaar") + count("geweigerd") + count("fout") ? `, ${count("onleesbaar") + count("geweigerd") + count("fout")} niet verwerkt` : ""}; ${written.size} ${written.size === 1 ? "antwoord" : "antwoorden"} in ${o.uit}.`,
    );
  }
  if (results.some((r) => r.status === "fout")) return 2;
  return unreadable || results.some((r) => r.status === "onleesbaar" || r.status === "geweigerd") ? 1 : 0;
}

/** `kader berichten toewijzingen --gemeente <code> [--aanbieder <agb>] [--nummers 1,2] --uit <dir>`: WMO301/JW301 for current toewijzingen. */
export async function berichtenToewijzingen(
  out: Output,
  k: Kader,
  o: { gemeente: string; aanbieder?: string; nummers?: string; uit: string; json?: boolean },
): Promise<number> {
  const r = await k.messages.toewijzingBerichten(
    { kind: "cli" },
    { gemeente: o.gemeente, aanbieder: o.aanbieder, toewijzingnummers: o.nummers?.split(",").map((s) => s.trim()) },
    { endpoint: "kader berichten toewijzingen", purpose: "toewijzingsberichten maken" },
  );
  if (!r.ok) {
    for (const p of r.problems) out.err(`${p.title}: ${p.detail}${p.path ? ` (${p.path})` : ""}`);
    return 1;
  }
  await mkdir(o.uit, { recursive: true });
  for (const a of r.value) await writeFile(join(o.uit, a.bestandsnaam), a.xml);
  if (o.json) out.json({ berichten: r.value.map((a) => a.bestandsnaam) });
  else
    out.line(
      `${r.value.length} ${r.value.length === 1 ? "toewijzingsbericht" : "toewijzingsberichten"} in ${o.uit}${r.value.length ? `: ${r.value.map((a) => a.bestandsnaam).join(", ")}` : ""}.`,
    );
  return 0;
}

/** `kader berichten verzoeken [--json]`: the registered verzoeken om toewijzing/wijziging, open ones first. */
export async function berichtenVerzoeken(out: Output, k: Kader, o: { json?: boolean }): Promise<number> {
  const r = await k.messages.verzoeken({ kind: "cli" }, { endpoint: "kader berichten verzoeken", purpose: "verzoeken inzien" });
  if (!r.ok) return 1;
  if (o.json) out.json({ verzoeken: r.value.map(({ bsn: _b, ...v }) => v) });
  else
    for (const v of r.value)
      out.line(
        `${String(v.id).padStart(5)}  ${v.status.padEnd(12)} ${v.soort}  gemeente ${v.gemeentecode}  aanbieder ${v.agbCode}  referentie ${v.referentieAanbieder}  (${v.wet})`,
      );
  return 0;
}

/** `kader berichten beantwoord <verzoek-id> --afgewezen <reden 1-9> | --in-onderzoek --uit <dir>`: a 319 for a verzoek. */
export async function berichtenBeantwoord(out: Output, k: Kader, id: string, o: { afgewezen?: string; inOnderzoek?: boolean; uit: string }): Promise<number> {
  if (!o.afgewezen === !o.inOnderzoek) {
    out.err("kies --afgewezen <reden> of --in-onderzoek");
    return 1;
  }
  const r = await k.messages.beantwoordVerzoek(
    { kind: "cli" },
    Number(id),
    o.afgewezen ? { verzoekAntwoord: "afgewezen", reden: o.afgewezen } : { verzoekAntwoord: "in-onderzoek" },
    { endpoint: "kader berichten beantwoord", purpose: "verzoek beantwoorden" },
  );
  if (!r.ok) {
    for (const p of r.problems) out.err(`${p.title}: ${p.detail}`);
    return 1;
  }
  await mkdir(o.uit, { recursive: true });
  await writeFile(join(o.uit, r.value.bestandsnaam), r.value.xml);
  out.line(`${r.value.berichtNaam} in ${join(o.uit, r.value.bestandsnaam)}.`);
  return 0;
}
