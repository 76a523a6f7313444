/**
 * iWmo / iJw 3.2 messages: read (parse + validate in one streaming pass), build, and check files and ZIP batches.
 */
import { type ArchiveLimits, entryLabel, ZipArchive } from "./archive.ts";
import type { Failure } from "./failure.ts";
import { MAX_FILE_BYTES, MessageReader, type ReadOptions, type ReadResult, readMessage } from "./reader.ts";
import { MESSAGE_RULES } from "./rules/catalogue.ts";

export { type ArchiveError, type ArchiveLimits, checkOfficeArchive, entryLabel, OFFICE_LIMITS, ZipArchive } from "./archive.ts";
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
  /** a ZIP batch that could not be opened at all (not a ZIP, empty, damaged, refused from its headers) */
  readonly unreadable?: true;
}

export const verdict = (file: string, r: ReadResult): FileVerdict => ({
  file,
  berichtCode: r.berichtCode ?? r.definition?.berichtCode ?? null,
  valid: r.failures.length === 0,
  failures: r.failures,
});

const batchFailure = (message: string): Failure => ({ rule: "OP192", retourcode: "0001", path: "", line: null, message });

/** At most this many bytes for all messages of a batch together, inflated (4 × 25 MB); a larger batch is split. */
export const MAX_BATCH_INFLATED_BYTES = 100 * 1024 * 1024;

/**
 * The archive limits of a batch. The central directory may list more than 30 entries (so `valideer` can still report
 * each message of a batch of 31), but never more than 1000: such a ZIP is refused before anything else is read.
 */
export const BATCH_LIMITS: ArchiveLimits = { maxEntries: 1000, maxEntryBytes: MAX_FILE_BYTES, maxTotalBytes: MAX_BATCH_INFLATED_BYTES };

const isXml = (name: string) => name.toLowerCase().endsWith(".xml");

/** The batch's own failures (OP192): what the headers say, before any message is unpacked. */
function batchHeaderFailures(a: ZipArchive): Failure[] {
  const own: Failure[] = [];
  const xml = a.files.filter((e) => isXml(e.name));
  if (xml.length > MAX_BATCH_MESSAGES) own.push(batchFailure(`De batch bevat ${xml.length} berichten; maximaal ${MAX_BATCH_MESSAGES} per ZIP-bestand.`));
  for (const e of a.files.filter((e) => !isXml(e.name)).slice(0, 20))
    own.push(batchFailure(`${entryLabel(e.name)} is geen XML-bericht; een batch bevat alleen berichten.`));
  return own;
}

export interface BatchEntry {
  /** the entry's name in the ZIP ("map/a.xml") */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Opens a ZIP batch for processing, all or nothing: the archive's headers are checked (at most 30 messages, only
 * .xml entries, safe and unique names, no entry above 25 MB and no more than 100 MB together), then every message is
 * inflated under those caps, enforced while inflating whatever the headers claim. Any failure refuses the whole
 * batch (OP192, retourcode 0001); nothing of it is processed. An empty ZIP is refused too.
 */
export function openBatch(zip: Uint8Array): { ok: true; entries: BatchEntry[] } | { ok: false; failures: Failure[] } {
  const a = ZipArchive.open(zip, BATCH_LIMITS);
  if (!a.ok) return { ok: false, failures: a.errors.map((e) => batchFailure(`Het ZIP-bestand kan niet worden verwerkt: ${e.message}.`)) };
  const own = batchHeaderFailures(a.value);
  if (own.length) return { ok: false, failures: own };
  const all = a.value.inflateAll();
  if (!all.ok) return { ok: false, failures: all.errors.map((e) => batchFailure(`Het ZIP-bestand kan niet worden verwerkt: ${e.message}.`)) };
  return { ok: true, entries: all.value.sort((x, y) => x.name.localeCompare(y.name)) };
}

/**
 * Validates every message in a ZIP batch. The archive itself is checked first (OP192): at most 30 messages, only .xml
 * files, no entry larger than 25 MB unpacked and at most 100 MB together — checked from the headers before unpacking
 * and enforced while unpacking, so a ZIP bomb or a lying size field is never expanded.
 */
export async function validateBatch(name: string, zip: Uint8Array): Promise<FileVerdict[]> {
  const a = ZipArchive.open(zip, BATCH_LIMITS);
  if (!a.ok)
    return [
      {
        file: name,
        berichtCode: null,
        valid: false,
        unreadable: true,
        failures: a.errors.map((e) => batchFailure(`Het ZIP-bestand kan niet worden gelezen: ${e.message}.`)),
      },
    ];
  const out: FileVerdict[] = [];
  const own = batchHeaderFailures(a.value);
  const batch: FileVerdict = { file: name, berichtCode: null, valid: false, failures: own };
  if (own.length) out.push(batch);
  for (const e of a.value.files.filter((e) => isXml(e.name))) {
    const file = `${name}:${entryLabel(e.name)}`;
    const bytes = a.value.inflate(e);
    if (!bytes.ok) {
      const f = bytes.errors.map((x) => batchFailure(`${x.message}; niet gelezen.`));
      if (bytes.errors.some((x) => x.kind === "total-too-large")) {
        batch.failures.push(...f);
        if (!out.includes(batch)) out.unshift(batch);
        break;
      }
      out.push({ file, berichtCode: null, valid: false, failures: f });
      continue;
    }
    out.push(verdict(file, validateMessage(bytes.value)));
  }
  return out;
}
