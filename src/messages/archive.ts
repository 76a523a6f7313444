/**
 * The one ZIP reader for everything Kader unpacks: message batches, XLSX workbooks (staff files, uitvraag workbooks).
 * It reads the central directory itself, checks the entry count, names and declared sizes from the headers before
 * anything is inflated, and then ENFORCES the caps while inflating: an entry stops at its cap + 1 byte whatever its
 * header claims, and the inflated total of the archive is capped too. A header that lies (a size or CRC that does not
 * match the data) makes the archive unreadable. Nothing here throws on bad input; every problem is a Dutch sentence
 * naming the entry (a short, printable excerpt of its name).
 *
 * Only what ZIP writers produce for these files is supported: stored (0) and deflate (8), no encryption, no ZIP64,
 * one disk. The inflated bytes of an entry are held in memory (at most the per-entry cap).
 */
import { crc32, inflateRawSync } from "node:zlib";

export interface ArchiveLimits {
  /** at most this many entries (files and folders) in the central directory */
  readonly maxEntries: number;
  /** at most this many bytes per entry, inflated */
  readonly maxEntryBytes: number;
  /** at most this many bytes for all entries together, inflated */
  readonly maxTotalBytes: number;
}

export type ArchiveErrorKind =
  | "not-a-zip"
  | "empty"
  | "too-many-entries"
  | "entry-too-large"
  | "total-too-large"
  | "larger-than-declared"
  | "unsafe-name"
  | "duplicate-name"
  | "unsupported"
  | "corrupt";

export interface ArchiveError {
  readonly kind: ArchiveErrorKind;
  /** the entry's name (a printable excerpt), when the error is about one entry */
  readonly entry?: string;
  /** Dutch, for the person who sent the file */
  readonly message: string;
}

export interface ArchiveEntry {
  /** the name as stored (UTF-8), folders separated by "/" */
  readonly name: string;
  /** the inflated size the headers declare */
  readonly declaredSize: number;
  readonly compressedSize: number;
  readonly method: number;
  readonly crc: number;
  /** offset of the entry's data in the archive */
  readonly dataStart: number;
}

export type ArchiveResult<T> = { ok: true; value: T } | { ok: false; errors: ArchiveError[] };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ERRORS = 50;

/** A printable excerpt of an entry name: control characters shown as \r, \n, \xNN, at most 60 characters. */
export function entryLabel(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: showing control characters is the point
  const shown = name.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === "\r" ? "\\r" : c === "\n" ? "\\n" : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

const mb = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} kB` : `${Number.isInteger(n / 1024 / 1024) ? n / 1024 / 1024 : (n / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;

/** Why a name is unsafe to use as (part of) a file name, or null: control characters, absolute paths, "..". */
function unsafeName(name: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return "bevat een stuurteken (zoals een regeleinde)";
  if (name.includes("\\")) return "bevat een backslash";
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return "is een absoluut pad";
  if (name.split("/").includes("..")) return "verwijst met .. naar een map buiten het archief";
  if (name === "") return "is leeg";
  return null;
}

/**
 * A ZIP archive in memory, checked against limits. `entries()` lists the files (folders left out) after every header
 * check; `inflate(entry)` unpacks one entry under the caps, counting towards the archive's total.
 */
export class ZipArchive {
  private inflated = 0;

  private constructor(
    private readonly buf: Buffer,
    readonly limits: ArchiveLimits,
    readonly files: ArchiveEntry[],
  ) {}

  /** Reads and checks the central directory: entry count, names, methods, declared sizes (each and in total). */
  static open(bytes: Uint8Array, limits: ArchiveLimits): ArchiveResult<ZipArchive> {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const bad = (kind: ArchiveErrorKind, message: string): ArchiveResult<ZipArchive> => ({ ok: false, errors: [{ kind, message }] });
    if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) {
      // an empty archive is only its end record (and perhaps a comment)
      if (buf.length >= 22 && buf.readUInt32LE(0) === EOCD && buf.readUInt16LE(10) === 0)
        return bad("empty", "het ZIP-bestand is leeg: er zit geen enkel bestand in");
      return bad("not-a-zip", "het bestand is geen ZIP-bestand (of het is beschadigd)");
    }
    // the end-of-central-directory record: the last one, within 64 KB (+ its 22 bytes) of the end
    let eocd = -1;
    for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--)
      if (buf.readUInt32LE(p) === EOCD) {
        eocd = p;
        break;
      }
    if (eocd < 0) return bad("not-a-zip", "het ZIP-bestand is beschadigd: de inhoudsopgave ontbreekt");
    const disk = buf.readUInt16LE(eocd + 4);
    const cdDisk = buf.readUInt16LE(eocd + 6);
    const onDisk = buf.readUInt16LE(eocd + 8);
    const count = buf.readUInt16LE(eocd + 10);
    const cdSize = buf.readUInt32LE(eocd + 12);
    const cdOffset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
      return bad("unsupported", "het ZIP-bestand is een ZIP64-archief; dat wordt niet ondersteund (zo groot hoort het niet te zijn)");
    if (disk !== 0 || cdDisk !== 0 || onDisk !== count) return bad("unsupported", "het ZIP-bestand is over meer delen verdeeld; lever één ZIP-bestand aan");
    if (count > limits.maxEntries) return bad("too-many-entries", `het ZIP-bestand bevat ${count} onderdelen; hoogstens ${limits.maxEntries}`);
    if (cdOffset + cdSize > eocd) return bad("corrupt", "het ZIP-bestand is beschadigd: de inhoudsopgave valt buiten het bestand");

    const errors: ArchiveError[] = [];
    const push = (e: ArchiveError) => {
      if (errors.length < MAX_ERRORS) errors.push(e);
    };
    const files: ArchiveEntry[] = [];
    const names = new Set<string>();
    let declaredTotal = 0;
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) return bad("corrupt", "het ZIP-bestand is beschadigd: de inhoudsopgave is onvolledig");
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const crc = buf.readUInt32LE(p + 16);
      const compressedSize = buf.readUInt32LE(p + 20);
      const declaredSize = buf.readUInt32LE(p + 24);
      const nameLength = buf.readUInt16LE(p + 28);
      const next = p + 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
      const local = buf.readUInt32LE(p + 42);
      if (next > eocd) return bad("corrupt", "het ZIP-bestand is beschadigd: de inhoudsopgave is onvolledig");
      const name = buf.toString(flags & 0x800 ? "utf8" : "latin1", p + 46, p + 46 + nameLength);
      const label = entryLabel(name);
      p = next;
      const why = unsafeName(name);
      if (why) {
        push({ kind: "unsafe-name", entry: label, message: `de naam "${label}" ${why}; zo'n naam wordt niet aanvaard` });
        continue;
      }
      if (names.has(name)) {
        push({ kind: "duplicate-name", entry: label, message: `"${label}" staat meer dan eens in het ZIP-bestand` });
        continue;
      }
      names.add(name);
      if (name.endsWith("/")) continue; // a folder
      if (flags & 0x1) {
        push({ kind: "unsupported", entry: label, message: `"${label}" is versleuteld; lever het bestand zonder wachtwoord aan` });
        continue;
      }
      if (method !== 0 && method !== 8) {
        push({
          kind: "unsupported",
          entry: label,
          message: `"${label}" is gecomprimeerd met een methode die niet wordt ondersteund (${method}); gebruik gewone ZIP-compressie (deflate)`,
        });
        continue;
      }
      if (declaredSize > limits.maxEntryBytes) {
        push({
          kind: "entry-too-large",
          entry: label,
          message: `"${label}" is uitgepakt groter dan ${mb(limits.maxEntryBytes)} (${mb(declaredSize)} volgens de kop); niet uitgepakt`,
        });
        continue;
      }
      declaredTotal += declaredSize;
      if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) {
        push({ kind: "corrupt", entry: label, message: `"${label}" is beschadigd: de kop van het onderdeel ontbreekt` });
        continue;
      }
      const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      if (dataStart + compressedSize > buf.length) {
        push({ kind: "corrupt", entry: label, message: `"${label}" is beschadigd: de gegevens lopen tot buiten het bestand` });
        continue;
      }
      if (method === 0 && compressedSize !== declaredSize) {
        push({ kind: "corrupt", entry: label, message: `"${label}" is beschadigd: de grootte in de kop klopt niet` });
        continue;
      }
      files.push({ name, declaredSize, compressedSize, method, crc, dataStart });
    }
    if (declaredTotal > limits.maxTotalBytes)
      push({
        kind: "total-too-large",
        message: `het ZIP-bestand is uitgepakt samen groter dan ${mb(limits.maxTotalBytes)} (${mb(declaredTotal)} volgens de koppen); niet uitgepakt`,
      });
    if (errors.length) return { ok: false, errors };
    if (files.length === 0) return bad("empty", "het ZIP-bestand is leeg: er zit geen enkel bestand in");
    return { ok: true, value: new ZipArchive(buf, limits, files) };
  }

  /** Bytes inflated so far (all entries). */
  get total(): number {
    return this.inflated;
  }

  /**
   * Inflates one entry: never more than the per-entry cap + 1 byte, nor past the archive's total cap, whatever the
   * headers say; then the real size and CRC must match the headers.
   */
  inflate(e: ArchiveEntry): ArchiveResult<Uint8Array> {
    const label = entryLabel(e.name);
    const err = (kind: ArchiveErrorKind, message: string): ArchiveResult<Uint8Array> => ({ ok: false, errors: [{ kind, entry: label, message }] });
    const left = this.limits.maxTotalBytes - this.inflated;
    const cap = Math.min(this.limits.maxEntryBytes, left);
    // never more than the header declares either: a header that understates the size stops the inflating at once
    const limit = Math.min(cap, e.declaredSize);
    const data = this.buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
    let out: Buffer | null = null;
    if (e.method === 0) out = data.length > limit ? null : data;
    else
      try {
        out = inflateRawSync(data, { maxOutputLength: limit + 1 });
      } catch (x) {
        // zlib stops as soon as the output passes the cap: the rest is never inflated
        if (!(x instanceof RangeError || (x as { code?: string }).code === "ERR_BUFFER_TOO_LARGE"))
          return err("corrupt", `"${label}" is beschadigd en kan niet worden uitgepakt`);
      }
    if ((out === null || out.length > limit) && limit < cap)
      return err(
        "larger-than-declared",
        `"${label}" pakt uit tot meer dan de ${mb(e.declaredSize)} die de kop noemt; het uitpakken is gestopt (het ZIP-bestand is beschadigd of misleidend)`,
      );
    if (out === null || out.length > cap) {
      if (cap === left && left < this.limits.maxEntryBytes)
        return err(
          "total-too-large",
          `het ZIP-bestand is uitgepakt samen groter dan ${mb(this.limits.maxTotalBytes)}; het uitpakken is gestopt bij "${label}"`,
        );
      return err(
        "entry-too-large",
        `"${label}" is uitgepakt groter dan ${mb(this.limits.maxEntryBytes)} (de kop noemt ${mb(e.declaredSize)}); het uitpakken is gestopt`,
      );
    }
    if (out.length !== e.declaredSize || crc32(out) !== e.crc)
      return err("corrupt", `"${label}" is beschadigd: de inhoud klopt niet met de kop van het ZIP-bestand (grootte of controlegetal)`);
    this.inflated += out.length;
    return { ok: true, value: new Uint8Array(out.buffer, out.byteOffset, out.length) };
  }

  /** Inflates every file (in the directory's order), or the first error. */
  inflateAll(): ArchiveResult<{ name: string; bytes: Uint8Array }[]> {
    const out: { name: string; bytes: Uint8Array }[] = [];
    for (const e of this.files) {
      const r = this.inflate(e);
      if (!r.ok) return r;
      out.push({ name: e.name, bytes: r.value });
    }
    return { ok: true, value: out };
  }
}

/** Whether an error is about size (too many entries, too large, larger than declared): "te groot" rather than "onleesbaar". */
export const isSizeError = (e: ArchiveError) =>
  e.kind === "entry-too-large" || e.kind === "total-too-large" || e.kind === "too-many-entries" || e.kind === "larger-than-declared";

/** Limits for an Office file (XLSX/DOCX): a part and the whole, inflated. */
export const OFFICE_LIMITS: ArchiveLimits = { maxEntries: 2000, maxEntryBytes: 50 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024 };

/**
 * Checks an Office file's ZIP container before a library (exceljs, mammoth) unpacks it: every part is inflated under
 * the caps and thrown away, so a ZIP bomb disguised as .xlsx is refused without ever being expanded.
 */
export function checkOfficeArchive(bytes: Uint8Array, limits: ArchiveLimits = OFFICE_LIMITS): ArchiveResult<{ parts: number; inflated: number }> {
  const a = ZipArchive.open(bytes, limits);
  if (!a.ok) return a;
  for (const e of a.value.files) {
    const r = a.value.inflate(e);
    if (!r.ok) return r;
  }
  return { ok: true, value: { parts: a.value.files.length, inflated: a.value.total } };
}
