/**
 * Test support for the message codec: where the reference material is, whether xmllint is there, and the official
 * XSDs as the oracle (tests only — Kader's product code never reads an XSD).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { MessageDefinition } from "../../src/messages/schema/messages.ts";

export const REFERENCE = resolve(import.meta.dirname, "../../../shared/reference/istandaarden");
export const hasReference = existsSync(join(REFERENCE, "SOURCES.md"));
export const NO_REFERENCE = `referentiemateriaal ontbreekt (${REFERENCE}); deze test gebruikt de officiële voorbeeldberichten en XSD's`;

export const XMLLINT = "/usr/bin/xmllint";
export const hasXmllint = existsSync(XMLLINT);
export const NO_XMLLINT = "xmllint ontbreekt (apt-get install libxml2-utils); de XSD-orakeltest wordt overgeslagen";

export const FIXTURES = resolve(import.meta.dirname, "../fixtures/messages");

export interface Example {
  readonly file: string;
  readonly name: string;
  readonly bytes: Buffer;
}

/** The reference examples that are meant to be valid. */
export function examples(): Example[] {
  if (!hasReference) return [];
  return ["iwmo-3.2", "ijw-3.2"].flatMap((std) => {
    const dir = join(REFERENCE, std, "voorbeeldberichten");
    return readdirSync(dir)
      .filter((f) => f.endsWith(".xml"))
      .sort()
      .map((f) => ({ file: join(dir, f), name: f.replace(".xml", ""), bytes: readFileSync(join(dir, f)) }));
  });
}

let schemaDir: string | undefined;

/**
 * The XSD that decides a message: the official one, or — for the iWmo retour messages, which have no published XSD —
 * one derived in the test from the iJw twin: namespaces and BerichtCode changed to iWmo, the iWmo basisschema, and
 * the two iJw-only elements (GezagsdragerBekend, Woonplaatsbeginsel) removed, as docs/berichten.md describes.
 */
export function xsdFor(def: MessageDefinition): string {
  if (!schemaDir) {
    schemaDir = mkdtempSync(join(tmpdir(), "kader-xsd-"));
    for (const std of ["iwmo", "ijw"]) {
      const src = join(REFERENCE, `${std}-3.2`, "xsd");
      mkdirSync(join(schemaDir, std));
      for (const f of readdirSync(src)) writeFileSync(join(schemaDir, std, f), readFileSync(join(src, f)));
    }
  }
  const dir = join(schemaDir, def.standaard);
  const file = join(dir, `${def.name}.xsd`);
  if (def.derived && !existsSync(file)) {
    const twin = readFileSync(join(REFERENCE, "ijw-3.2", "xsd", `JW${def.number}.xsd`), "utf8");
    const derived = twin
      .replaceAll(`http://www.istandaarden.nl/ijw/3_2/jw${def.number}/schema`, def.namespace)
      .replaceAll("http://www.istandaarden.nl/ijw/3_2/basisschema/schema", def.basisNamespace)
      .replace(/(<xs:element name="BerichtCode">[\s\S]*?<xs:pattern value=")\d+(")/, `$1${def.berichtCode}$2`)
      .replace(/<xs:element name="GezagsdragerBekend"[\s\S]*?<\/xs:element>/, "")
      .replace(/<xs:element name="Woonplaatsbeginsel" type="[^"]*"[^>]*><\/xs:element>/, "");
    writeFileSync(file, derived);
  }
  return file;
}

/** xmllint's verdict on each file, one xmllint run for all of them (the schema is read once). */
export function xmllintVerdicts(xsd: string, files: string[]): Map<string, { valid: boolean; firstLine: number | null }> {
  const verdicts = new Map<string, { valid: boolean; firstLine: number | null }>();
  for (let i = 0; i < files.length; i += 400) {
    const chunk = files.slice(i, i + 400);
    const r = spawnSync(XMLLINT, ["--noout", "--nonet", "--schema", xsd, ...chunk], { encoding: "utf8", maxBuffer: 64 << 20 });
    const out = `${r.stderr}\n${r.stdout}`;
    for (const f of chunk) {
      const valid = out.includes(`${f} validates`);
      const m = new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):`, "m").exec(out);
      verdicts.set(f, { valid, firstLine: m ? Number(m[1]) : null });
    }
  }
  return verdicts;
}

export const scratch = () => mkdtempSync(join(tmpdir(), "kader-msg-"));
