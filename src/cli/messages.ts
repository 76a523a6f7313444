/**
 * `kader berichten valideer <file|dir|zip>... [--json]`: every iWmo/iJw 3.2 message checked at XSD level, against
 * the in-message rules and for file hygiene (OP192). Files are streamed, so a 25 MB declaratie takes little memory.
 * Exit 0 when every input could be read (invalid messages are verdicts, not errors), 1 otherwise.
 */
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { type FileVerdict, messageValidator, validateBatch, verdict } from "../messages/index.ts";
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

export async function berichtenValideer(out: Output, paths: string[], o: { json?: boolean }): Promise<number> {
  const files: FileVerdict[] = [];
  let unreadable = 0;
  for (const path of paths) {
    let inputs: string[];
    try {
      inputs = await inputsOf(path);
    } catch (e) {
      unreadable++;
      out.err(`Kan ${path} niet lezen: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      continue;
    }
    for (const file of inputs) {
      try {
        if (/\.zip$/i.test(file)) files.push(...(await validateBatch(file, await readFile(file))));
        else files.push(await validateFile(file));
      } catch (e) {
        unreadable++;
        out.err(`Kan ${file} niet lezen: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }
  }
  if (o.json) out.json({ files });
  else {
    for (const f of files) {
      out.line(`${f.valid ? "✓" : "✗"} ${f.file}${f.berichtCode ? ` (BerichtCode ${f.berichtCode})` : ""}: ${f.valid ? "geldig" : `${f.failures.length} ${f.failures.length === 1 ? "fout" : "fouten"}`}`);
      for (const x of f.failures)
        out.line(`    ${x.line !== null ? `regel ${x.line}`.padEnd(11) : "".padEnd(11)} ${x.rule.padEnd(5)} ${x.retourcode}  ${x.path ? `${x.path}: ` : ""}${x.message}`);
    }
    const bad = files.filter((f) => !f.valid).length;
    out.line(`${files.length} ${files.length === 1 ? "bestand" : "bestanden"}: ${files.length - bad} geldig, ${bad} ongeldig${unreadable ? `, ${unreadable} niet te lezen` : ""}.`);
  }
  return unreadable ? 1 : 0;
}
