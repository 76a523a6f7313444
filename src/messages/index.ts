/**
 * iWmo / iJw 3.2 messages: read (parse + validate in one streaming pass), build, and check files and ZIP batches.
 */
import JSZip from "jszip";
import type { Failure } from "./failure.ts";
import { MAX_FILE_BYTES, MessageReader, type ReadOptions, type ReadResult, readMessage } from "./reader.ts";
import { MESSAGE_RULES } from "./rules/catalogue.ts";

export { buildMessage } from "./build.ts";
export type { Failure } from "./failure.ts";
export { MessageReader, readMessage, type ReadOptions, type ReadResult } from "./reader.ts";
export { MESSAGE_RULES } from "./rules/catalogue.ts";
export { retourcodeText } from "./schema/codelists.ts";
export * from "./schema/messages.ts";

/** At most this many messages in one ZIP batch (VECOZO). */
export const MAX_BATCH_MESSAGES = 30;

/** Full validation: XSD level, in-message rules and file hygiene. */
export function validateMessage(input: Uint8Array | string, options: Omit<ReadOptions, "rules"> = {}): ReadResult {
  return readMessage(input, { ...options, rules: MESSAGE_RULES });
}

/** A streaming validator with every rule, for files read in chunks. */
export const messageValidator = (options: Omit<ReadOptions, "rules"> = {}) => new MessageReader({ ...options, rules: MESSAGE_RULES });

export interface FileVerdict {
  readonly file: string;
  readonly berichtCode: string | null;
  readonly valid: boolean;
  readonly failures: Failure[];
}

export const verdict = (file: string, r: ReadResult): FileVerdict => ({
  file,
  berichtCode: r.berichtCode ?? r.definition?.berichtCode ?? null,
  valid: r.failures.length === 0,
  failures: r.failures,
});

const batchFailure = (message: string): Failure => ({ rule: "OP192", retourcode: "0001", path: "", line: null, message });

/**
 * Validates every message in a ZIP batch. The archive itself is checked first: at most 30 messages, only .xml
 * files, no entry larger than 25 MB unpacked (checked before unpacking, so a ZIP bomb is never expanded).
 */
export async function validateBatch(name: string, zip: Uint8Array): Promise<FileVerdict[]> {
  let archive: JSZip;
  try {
    archive = await JSZip.loadAsync(zip);
  } catch (e) {
    return [{ file: name, berichtCode: null, valid: false, failures: [batchFailure(`Het ZIP-bestand kan niet worden gelezen: ${e instanceof Error ? e.message : e}`)] }];
  }
  const entries = Object.values(archive.files).filter((f) => !f.dir);
  const out: FileVerdict[] = [];
  const own: Failure[] = [];
  const xml = entries.filter((e) => e.name.toLowerCase().endsWith(".xml"));
  if (xml.length > MAX_BATCH_MESSAGES) own.push(batchFailure(`De batch bevat ${xml.length} berichten; maximaal ${MAX_BATCH_MESSAGES} per ZIP-bestand.`));
  for (const e of entries.filter((e) => !e.name.toLowerCase().endsWith(".xml"))) own.push(batchFailure(`${e.name} is geen XML-bericht; een batch bevat alleen berichten.`));
  if (own.length) out.push({ file: name, berichtCode: null, valid: false, failures: own });
  for (const e of xml) {
    const file = `${name}:${e.name}`;
    const size = (e as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (size === undefined || size > MAX_FILE_BYTES) {
      out.push({ file, berichtCode: null, valid: false, failures: [batchFailure(`${e.name} is uitgepakt groter dan 25 MB (of de grootte is onbekend); niet gelezen.`)] });
      continue;
    }
    out.push(verdict(file, validateMessage(await e.async("uint8array"))));
  }
  return out;
}
