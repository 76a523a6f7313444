import { extname } from "node:path";
import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { z } from "zod";
import { StaffKind, StaffLevel, StaffMemberRecord, StaffRegister } from "../../domain/compliance/staff.ts";
import { isIsoDate } from "../../domain/shared/date.ts";
import { fail, type Problem, type Result } from "../../domain/shared/problem.ts";
import { explainZodIssue } from "../../domain/shared/zod-dutch.ts";
import { type ArchiveLimits, checkOfficeArchive, isSizeError } from "../../messages/archive.ts";

/**
 * The staff file of an aanbieder (docs/formats.md): CSV (UTF-8, `;` or `,`) or XLSX (first worksheet), one staff
 * member per row under a row of Dutch column headers. Every problem is collected, with the row as the user sees it
 * (header = row 1) and the column header as path; with any problem nothing is imported. Never throws on bad input.
 */

export const STAFF_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const STAFF_FILE_MAX_ROWS = 20_000;
/** Upper bound on the unpacked size of an XLSX (all parts together): a legitimate file of 20,000 rows unpacks to
 * about 11 MB; the bound keeps ExcelJS (which holds the whole workbook in memory) well inside the server's heap. */
export const STAFF_XLSX_MAX_UNPACKED_BYTES = 20 * 1024 * 1024;
/** The archive caps of a staff XLSX: every part and all parts together at most 20 MB inflated, at most 2000 parts. */
const STAFF_XLSX_LIMITS: ArchiveLimits = { maxEntries: 2000, maxEntryBytes: STAFF_XLSX_MAX_UNPACKED_BYTES, maxTotalBytes: STAFF_XLSX_MAX_UNPACKED_BYTES };

export const STAFF_COLUMNS = [
  "naam",
  "opleidingsniveau",
  "zorggerelateerd",
  "werk_en_denkniveau",
  "soort",
  "rol",
  "registratie",
  "registratienummer",
  "registratie_geldig_tot",
  "vog_datum",
  "in_dienst_sinds",
  "uren_per_week",
  "producten",
] as const;
export type StaffColumn = (typeof STAFF_COLUMNS)[number];
export const STAFF_REQUIRED_COLUMNS: readonly StaffColumn[] = ["naam", "opleidingsniveau", "zorggerelateerd", "soort", "rol", "producten"];

/** Record field → the column it comes from, to name the column in a schema issue. */
const columnOfField: Record<string, StaffColumn> = {
  name: "naam",
  level: "opleidingsniveau",
  careRelated: "zorggerelateerd",
  workingLevel: "werk_en_denkniveau",
  kind: "soort",
  role: "rol",
  registration: "registratie",
  vogDate: "vog_datum",
  employmentStart: "in_dienst_sinds",
  hoursPerWeek: "uren_per_week",
  products: "producten",
};
const columnOfRegistrationField: Record<string, StaffColumn> = {
  register: "registratie",
  number: "registratienummer",
  validUntil: "registratie_geldig_tot",
};

/** One cell, whichever format it came from. Text is trimmed; an empty cell is empty text. */
type Cell =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "date"; iso: string }
  | { kind: "bool"; value: boolean }
  | { kind: "error"; text: string };

interface Table {
  header: Cell[];
  /** non-empty data rows; `line` is the row number as the user sees it (header = 1) */
  rows: { line: number; cells: Cell[] }[];
}

const EMPTY: Cell = { kind: "text", text: "" };
const isEmpty = (c: Cell | undefined) => c === undefined || (c.kind === "text" && c.text === "");

export async function parseStaffFile(bytes: Uint8Array, fileName: string): Promise<Result<StaffMemberRecord[]>> {
  const file = fileName;
  const ext = extname(fileName).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx") {
    return fail({
      code: "unsupported",
      title: "Bestandsformaat niet ondersteund",
      detail: `${ext ? `bestanden met de extensie ${ext}` : "bestanden zonder extensie"} kunnen niet worden ingelezen; lever een .csv (UTF-8) of .xlsx aan`,
      file,
    });
  }
  if (bytes.byteLength > STAFF_FILE_MAX_BYTES) {
    return fail({
      code: "payload-too-large",
      title: "Bestand te groot",
      detail: `het bestand is ${megabytes(bytes.byteLength)}; hoogstens 10 MB is toegestaan`,
      file,
    });
  }
  const table = ext === ".csv" ? readCsv(bytes, file) : await readXlsx(bytes, file);
  if (!table.ok) return table;
  return toRecords(table.value, file);
}

// ---------------------------------------------------------------------------------------------------------------
// Rows → records

function toRecords(table: Table, file: string): Result<StaffMemberRecord[]> {
  const problems: Problem[] = [];
  const headerProblem = (path: string | undefined, detail: string): Problem => ({
    code: "invalid-input",
    title: "Ongeldige kopregel",
    detail,
    file,
    line: 1,
    ...(path ? { path } : {}),
  });

  if (table.header.every(isEmpty)) {
    if (table.rows.length === 0) return fail({ code: "invalid-input", title: "Leeg bestand", detail: "het bestand bevat geen kopregel en geen rijen", file });
    return fail(headerProblem(undefined, `rij 1 moet de kolomkoppen bevatten: ${STAFF_COLUMNS.join(", ")}`));
  }

  // Header: which column index holds which known column; unknown, duplicate and missing columns are problems.
  const index = new Map<StaffColumn, number>();
  const unknown: string[] = [];
  const ignored = new Set<number>();
  table.header.forEach((cell, i) => {
    if (isEmpty(cell)) return;
    const written = cellText(cell);
    if (written.includes("\u0000")) {
      problems.push(
        headerProblem(`kolom ${i + 1}`, `rij 1, kolom ${i + 1} (${columnLetter(i)}): de kolomkop bevat een NUL-teken (U+0000); verwijder het teken`),
      );
      ignored.add(i);
      return;
    }
    const name = normalizeHeader(written);
    if (!isStaffColumn(name)) {
      unknown.push(written);
      ignored.add(i);
    } else if (index.has(name)) {
      problems.push(headerProblem(name, `kolom ${name} staat meer dan één keer in de kopregel (kolom ${index.get(name)! + 1} en ${i + 1})`));
      ignored.add(i);
    } else {
      index.set(name, i);
    }
  });
  if (unknown.length) {
    problems.push(
      headerProblem(
        unknown.join(", "),
        `onbekende ${unknown.length === 1 ? "kolom" : "kolommen"}: ${unknown.map((u) => `"${u}"`).join(", ")}; toegestaan: ${STAFF_COLUMNS.join(", ")}`,
      ),
    );
  }
  const missing = STAFF_REQUIRED_COLUMNS.filter((c) => !index.has(c));
  for (const c of missing) problems.push(headerProblem(c, `verplichte kolom ${c} ontbreekt`));

  if (table.rows.length === 0) {
    problems.push({ code: "invalid-input", title: "Geen gegevens", detail: "het bestand bevat alleen een kopregel en geen medewerkers", file });
    return { ok: false, problems };
  }

  const records: StaffMemberRecord[] = [];
  for (const row of table.rows) {
    const rowProblems: Problem[] = [];
    const report = (path: string, detail: string) => {
      if (!missing.includes(path as StaffColumn)) rowProblems.push({ code: "invalid-input", title: "Ongeldige rij", detail, file, line: row.line, path });
    };
    row.cells.forEach((cell, i) => {
      if (i >= table.header.length || (isEmpty(table.header[i]) && !ignored.has(i))) {
        if (!isEmpty(cell))
          report(
            `kolom ${i + 1}`,
            `kolom ${i + 1} (${columnLetter(i)}) heeft geen kop in rij 1 maar bevat ${quote(cellText(cell))}; geef de kolom een kop of maak de cel leeg`,
          );
      }
    });
    // a NUL character (U+0000) cannot be stored and is never meant: the cell is named, not echoed
    row.cells.forEach((cell, i) => {
      if (cell.kind !== "text" || !cell.text.includes("\u0000")) return;
      const column = [...index].find(([, j]) => j === i)?.[0] ?? `kolom ${i + 1}`;
      report(
        column,
        `rij ${row.line}, kolom ${column} (${columnLetter(i)}): de cel bevat een NUL-teken (U+0000); verwijder het teken en lever het bestand opnieuw aan`,
      );
    });
    const record = readRow(row.cells, index, report);
    const parsed = StaffMemberRecord.safeParse(record, { reportInput: true });
    if (!parsed.success) {
      const reported = new Set(rowProblems.map((p) => p.path));
      for (const issue of parsed.error.issues) {
        const column = columnOfIssue(issue.path);
        // one problem per cell: a column already reported in this row is not reported again
        if (reported.has(column)) continue;
        reported.add(column);
        report(column, issueDetail(issue));
      }
    } else if (rowProblems.length === 0) {
      records.push(parsed.data);
    }
    problems.push(...rowProblems.sort((a, b) => columnOrder(a.path) - columnOrder(b.path)));
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: records };
}

/**
 * Reads one row into the record shape. Values that cannot be read are reported and left as written, so the schema
 * check that follows can still report the other columns; issues on already reported columns are dropped.
 */
function readRow(cells: Cell[], index: Map<StaffColumn, number>, report: (path: string, detail: string) => void): Record<string, unknown> {
  const get = (c: StaffColumn): Cell => {
    const i = index.get(c);
    return i === undefined ? EMPTY : (cells[i] ?? EMPTY);
  };
  const has = (c: StaffColumn) => !isEmpty(get(c));
  // an Excel error value (#N/A, #REF!, …) is wrong in every column
  for (const c of STAFF_COLUMNS) {
    const cell = get(c);
    if (cell.kind === "error") report(c, `de cel bevat de Excel-foutwaarde ${cell.text}; vul een waarde in of maak de cel leeg`);
  }
  const ok = (c: StaffColumn) => get(c).kind !== "error";

  const level = ok("opleidingsniveau") ? readLevel(get("opleidingsniveau"), "opleidingsniveau", true, report) : null;
  const workingLevel = ok("werk_en_denkniveau") ? readLevel(get("werk_en_denkniveau"), "werk_en_denkniveau", false, report) : null;

  const care = get("zorggerelateerd");
  let careRelated: unknown = cellText(care);
  if (care.kind === "bool") careRelated = care.value;
  else if (care.kind !== "error") {
    const t = cellText(care).toLowerCase();
    if (t === "ja") careRelated = true;
    else if (t === "nee") careRelated = false;
    else if (t === "") report("zorggerelateerd", "zorggerelateerd is verplicht; vul ja of nee in");
    else report("zorggerelateerd", `${quote(cellText(care))} is geen geldige waarde; vul ja of nee in`);
  }

  let kind: unknown = cellText(get("soort"));
  if (ok("soort")) {
    const t = cellText(get("soort")).toLowerCase().replace(/\s+/g, " ");
    const k = kindAliases[t] ?? t;
    if (StaffKind.safeParse(k).success) kind = k;
    else if (t === "") report("soort", `soort is verplicht; toegestaan: ${StaffKind.options.join(", ")}`);
    else report("soort", `onbekende soort ${quote(cellText(get("soort")))}; toegestaan: ${StaffKind.options.join(", ")}`);
  }

  // registration: registratie + registratienummer (+ registratie_geldig_tot) belong together
  let register: string | null = null;
  if (ok("registratie") && has("registratie")) {
    const t = cellText(get("registratie"));
    register = StaffRegister.options.find((r) => r.toLowerCase() === t.toLowerCase()) ?? null;
    if (!register) report("registratie", `onbekend register ${quote(t)}; toegestaan: ${StaffRegister.options.join(", ")}, of leeg`);
  }
  const number = ok("registratienummer") ? cellText(get("registratienummer")) : "";
  const validUntil = ok("registratie_geldig_tot") ? readDate(get("registratie_geldig_tot"), "registratie_geldig_tot", report) : null;
  if (!has("registratie")) {
    if (has("registratienummer"))
      report(
        "registratie",
        `registratie is leeg maar registratienummer is ingevuld; vul het register in (${StaffRegister.options.join(", ")}) of maak registratienummer leeg`,
      );
    if (has("registratie_geldig_tot"))
      report(
        "registratie_geldig_tot",
        "registratie_geldig_tot is ingevuld maar registratie is leeg; vul het register en het registratienummer in of maak de datum leeg",
      );
  } else if (register && !has("registratienummer")) {
    report("registratienummer", `registratienummer ontbreekt bij registratie ${register}; vul het nummer in of maak registratie leeg`);
  }
  const registration = register ? { register, number, validUntil: validUntil ?? null } : null;

  let hoursPerWeek: unknown = null;
  const hours = get("uren_per_week");
  if (hours.kind === "number") hoursPerWeek = hours.value;
  else if (hours.kind !== "error" && has("uren_per_week")) {
    const t = cellText(hours);
    if (/^-?\d+(?:[.,]\d+)?$/.test(t)) hoursPerWeek = Number(t.replace(",", "."));
    else {
      hoursPerWeek = t;
      report("uren_per_week", `${quote(t)} is geen getal; schrijf het aantal uren per week, bijvoorbeeld 32 of 32,5 (of laat de cel leeg)`);
    }
  }

  let products: unknown = [];
  if (ok("producten")) {
    const list = cellText(get("producten"))
      .split(";")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const bad = list.filter((p) => /[\s,]/.test(p));
    if (list.length === 0) report("producten", "producten is verplicht: noem minstens één product-id of productcode; scheid meerdere met ;");
    else if (bad.length) report("producten", `${bad.map(quote).join(", ")}: scheid producten met ; (geen komma's of spaties), bijvoorbeeld 02A05;45A48`);
    else products = [...new Set(list)];
  }

  return {
    name: cellText(get("naam")),
    level,
    careRelated,
    workingLevel,
    kind,
    role: cellText(get("rol")),
    registration,
    vogDate: ok("vog_datum") ? readDate(get("vog_datum"), "vog_datum", report) : null,
    employmentStart: ok("in_dienst_sinds") ? readDate(get("in_dienst_sinds"), "in_dienst_sinds", report) : null,
    hoursPerWeek,
    products,
  };
}

const kindAliases: Record<string, string> = { "zzp'er": "zzp", zzper: "zzp", stagiaire: "stagiair", "bbl'er": "bbl", bbler: "bbl" };

/** mbo4, MBO4, Mbo-4, "mbo 4", "MBO niveau 4", HBO, W.O. → the level; empty → null (reported when required). */
function readLevel(cell: Cell, column: StaffColumn, required: boolean, report: (path: string, detail: string) => void): unknown {
  const written = cellText(cell);
  const allowed = `toegestaan: ${StaffLevel.options.join(", ")}${required ? "" : ", of leeg"}`;
  if (written === "") {
    if (required) report(column, `${column} is verplicht; ${allowed}`);
    return null;
  }
  const n = written
    .toLowerCase()
    .replace(/niveau/g, "")
    .replace(/[\s.\-_]/g, "");
  if (StaffLevel.safeParse(n).success) return n;
  report(column, `onbekend ${column === "opleidingsniveau" ? "opleidingsniveau" : "werk- en denkniveau"} ${quote(written)}; ${allowed}`);
  return written;
}

/** ISO (2025-03-01) or Dutch d-m-yyyy (1-3-2025, 01-03-2025) text, or a real XLSX date cell; empty → null. */
function readDate(cell: Cell, column: StaffColumn, report: (path: string, detail: string) => void): string | null {
  const formats = "schrijf de datum als 2025-03-01 of 1-3-2025";
  if (cell.kind === "date") return cell.iso;
  if (cell.kind === "number") {
    report(column, `het getal ${cell.value} is geen datum; maak er een datumcel van of ${formats}`);
    return null;
  }
  const t = cellText(cell);
  if (t === "") return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const nl = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(t);
  const date = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : nl ? `${nl[3]}-${nl[2]!.padStart(2, "0")}-${nl[1]!.padStart(2, "0")}` : null;
  if (!date) {
    report(column, `${quote(t)} is geen datum; ${formats}`);
    return null;
  }
  if (!isIsoDate(date)) {
    report(column, `${quote(t)} is geen bestaande datum; ${formats}`);
    return null;
  }
  const year = Number(date.slice(0, 4));
  if (year < 1900 || year > 2100) {
    report(column, `${quote(t)}: het jaartal moet tussen 1900 en 2100 liggen`);
    return null;
  }
  return date;
}

function columnOfIssue(path: PropertyKey[]): StaffColumn {
  const [field, sub] = path;
  if (field === "registration" && typeof sub === "string") return columnOfRegistrationField[sub] ?? "registratie";
  return columnOfField[String(field)] ?? "naam";
}

function issueDetail(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === "too_big" && issue.origin === "string") return `te lang: hoogstens ${String(issue.maximum)} tekens`;
  if (issue.code === "too_big" && issue.origin === "number")
    return `${String(input ?? "de waarde")} is te groot: hoogstens ${String(issue.maximum)}${issue.path[0] === "hoursPerWeek" ? " uur per week" : ""}`;
  if (issue.code === "too_small" && issue.origin === "number") return `${String(input ?? "de waarde")} is te klein: minimaal ${String(issue.minimum)}`;
  return explainZodIssue(issue);
}

const columnOrder = (path: string | undefined) => {
  const i = STAFF_COLUMNS.indexOf(path as StaffColumn);
  return i === -1 ? STAFF_COLUMNS.length : i;
};

// ---------------------------------------------------------------------------------------------------------------
// CSV

function readCsv(bytes: Uint8Array, file: string): Result<Table> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return fail(unreadable(file, "dit is geen tekstbestand maar lijkt een Excel-bestand; geef het de extensie .xlsx of sla het op als CSV UTF-8"));
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // drops a BOM
  } catch {
    return fail(unreadable(file, 'het bestand is geen UTF-8; sla het in Excel op als "CSV UTF-8 (door komma\'s gescheiden)"'));
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (text.trim() === "") return fail({ code: "invalid-input", title: "Leeg bestand", detail: "het bestand bevat geen kopregel en geen rijen", file });

  const tooMany = Symbol("too many rows");
  let header: Cell[] = [];
  const rows: Table["rows"] = [];
  try {
    parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        const cells = record.map((v): Cell => ({ kind: "text", text: v.trim() }));
        // context.records counts every record, empty lines included: the row number a spreadsheet shows
        if (context.records === 1) header = cells;
        else if (!cells.every(isEmpty)) {
          if (rows.length === STAFF_FILE_MAX_ROWS) throw tooMany;
          rows.push({ line: context.records, cells });
        }
        return null;
      },
    });
  } catch (e) {
    if (e === tooMany) return fail(tooManyRows(file));
    if (e instanceof CsvError) {
      // the record that failed follows the ones already read (empty rows included): its spreadsheet row
      const line = typeof e.records === "number" ? e.records + 1 : undefined;
      // a quoted cell can span lines: then the line of the file where reading stopped is given as well
      const fileLine = typeof (e as { lines?: unknown }).lines === "number" ? (e as unknown as { lines: number }).lines : undefined;
      const where = fileLine !== undefined && fileLine !== line ? ` (gelezen tot regel ${fileLine} van het bestand)` : "";
      return fail({ ...unreadable(file, `${line ? `rij ${line}: ` : ""}${csvErrorText(e.code)}${where}`), ...(line ? { line } : {}) });
    }
    throw e;
  }
  return { ok: true, value: { header, rows } };
}

/** `;` or `,`: whichever occurs more often outside quotes in the header line (`;` when equal, as Dutch Excel writes). */
export function detectDelimiter(text: string): ";" | "," {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ";") semi++;
    else if (!quoted && ch === ",") comma++;
  }
  return comma > semi ? "," : ";";
}

/** csv-parse's errors (English, by code) in Dutch. */
function csvErrorText(code: string): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return 'een aanhalingsteken (") wordt geopend maar niet gesloten; sluit het veld af met " of schrijf een " binnen een veld als ""';
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return 'na een afsluitend aanhalingsteken (") volgt geen scheidingsteken';
    case "CSV_INVALID_OPENING_QUOTE":
      return 'een aanhalingsteken (") staat midden in een veld; zet het hele veld tussen aanhalingstekens en schrijf een " binnen een veld als ""';
    case "CSV_MAX_RECORD_SIZE":
      return 'de rij is te lang; controleer of een aanhalingsteken (") niet wordt gesloten';
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
      return "de rij heeft een ander aantal kolommen dan de kopregel";
    default:
      return 'het CSV-bestand kan op deze plaats niet worden gelezen; sla het in Excel opnieuw op als "CSV UTF-8 (door komma\'s gescheiden)"';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

async function readXlsx(bytes: Uint8Array, file: string): Promise<Result<Table>> {
  // the ZIP container is checked under caps (each part and the whole, enforced while inflating) before ExcelJS,
  // which holds the whole workbook in memory, unpacks it: a ZIP bomb named .xlsx is refused, never expanded
  const archive = checkOfficeArchive(bytes, STAFF_XLSX_LIMITS);
  if (!archive.ok) {
    const e = archive.errors[0]!;
    if (isSizeError(e))
      return fail({
        code: "payload-too-large",
        title: "Bestand te groot",
        detail: `${e.message}; een XLSX-bestand is uitgepakt hoogstens ${megabytes(STAFF_XLSX_MAX_UNPACKED_BYTES)}: lever hoogstens ${STAFF_FILE_MAX_ROWS} rijen aan, zonder andere werkbladen of afbeeldingen`,
        file,
      });
    return fail(unreadable(file, `het bestand is geen geldig XLSX-bestand (${e.message}); sla het opnieuw op als Excel-werkmap (.xlsx)`));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer); // ExcelJS types its input as an ArrayBuffer
  } catch {
    return fail(unreadable(file, "het bestand is geen geldig XLSX-bestand (beschadigd of een ander formaat); sla het opnieuw op als Excel-werkmap (.xlsx)"));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail(unreadable(file, "het bestand bevat geen werkblad"));

  let header: Cell[] = [];
  const rows: Table["rows"] = [];
  let overflow = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
    if (rowNumber === 1) header = cells;
    else if (!cells.every(isEmpty)) {
      if (rows.length === STAFF_FILE_MAX_ROWS) overflow = true;
      else rows.push({ line: rowNumber, cells });
    }
  });
  if (overflow) return fail(tooManyRows(file));
  return { ok: true, value: { header, rows } };
}

function xlsxCell(v: unknown): Cell {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "string") return { kind: "text", text: v.trim() };
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "error", text: String(v) };
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (v instanceof Date) {
    // ExcelJS turns the cell's serial day number into a UTC instant: the UTC calendar date is the date in the cell
    if (Number.isNaN(v.getTime())) return { kind: "error", text: "ongeldige datum" };
    return { kind: "date", iso: v.toISOString().slice(0, 10) };
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { kind: "error", text: o.error };
    if (Array.isArray(o.richText))
      return {
        kind: "text",
        text: o.richText
          .map((r: { text?: unknown }) => String(r.text ?? ""))
          .join("")
          .trim(),
      };
    if ("formula" in o || "sharedFormula" in o) return xlsxCell(o.result);
    if ("hyperlink" in o) return xlsxCell(o.text);
  }
  return { kind: "text", text: String(v).trim() };
}

// ---------------------------------------------------------------------------------------------------------------
// helpers

function normalizeHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** 0 → A, 13 → N, 26 → AA: the column as a spreadsheet shows it */
function columnLetter(i: number): string {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function isStaffColumn(s: string): s is StaffColumn {
  return (STAFF_COLUMNS as readonly string[]).includes(s);
}

function cellText(c: Cell): string {
  switch (c.kind) {
    case "text":
      return c.text;
    case "number":
      return String(c.value);
    case "date":
      return c.iso;
    case "bool":
      return c.value ? "ja" : "nee";
    case "error":
      return c.text;
  }
}

const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;

const unreadable = (file: string, detail: string): Problem => ({ code: "invalid-input", title: "Bestand onleesbaar", detail, file });

const tooManyRows = (file: string): Problem => ({
  code: "payload-too-large",
  title: "Te veel rijen",
  detail: `het bestand bevat meer dan ${STAFF_FILE_MAX_ROWS.toLocaleString("nl-NL")} medewerkers; splits het bestand`,
  file,
});
