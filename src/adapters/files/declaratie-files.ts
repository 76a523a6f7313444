import { CsvError, parse } from "csv-parse/sync";
import { CONTROL_CHARACTER as CONTROL } from "../../domain/care/codes.ts";
import type { Problem, Result } from "../../domain/shared/problem.ts";
import { detectDelimiter } from "./staff-import.ts";

/**
 * A declaratie as read from a file, before validation. For CSV, `lines[i]` is the row of prestatie i (the header is
 * row 1, as a spreadsheet numbers it); `problems` are what reading found already (a control character in a cell, a
 * declaratie field that differs between its rows), located by row and column. `index` is its place in the file.
 */
export interface DeclaratieSource {
  file: string;
  raw: Record<string, unknown>;
  lines: number[];
  kind?: "csv" | "json";
  index?: number;
  problems?: Problem[];
}

/** A problem with its CSV column, where one applies (the column name as in the header). */
export type LocatedProblem = Problem & { column?: string };

/** The CSV columns (docs/zorgketen.md, "Declaratie-invoer"): one row per prestatie, declaratie fields repeated. */
export const DECLARATIE_CSV_COLUMNS = [
  "declaratienummer",
  "aanbieder",
  "gemeente",
  "wet",
  "periode_begin",
  "periode_eind",
  "dagtekening",
  "referentienummer",
  "vorig_referentienummer",
  "bsn",
  "toewijzingnummer",
  "productcategorie",
  "productcode",
  "begindatum",
  "einddatum",
  "geleverd_volume",
  "eenheid",
  "product_tarief",
  "bedrag",
  "debet_credit",
  "km",
] as const;
const REQUIRED = DECLARATIE_CSV_COLUMNS.filter((c) => c !== "vorig_referentienummer" && c !== "km" && c !== "productcode");

const problem = (file: string, detail: string, line?: number): Problem => ({
  code: "invalid-input",
  title: "Ongeldig declaratiebestand",
  detail,
  file,
  ...(line ? { line } : {}),
});
const DECLARATIE_FIELDS = ["declaratienummer", "aanbieder", "gemeente", "wet", "periode_begin", "periode_eind", "dagtekening"] as const;

/** The CSV column of a field path of the declaratie schema ("prestaties.3.geleverdVolume" → geleverd_volume). */
export function csvColumnOf(path: string): string | undefined {
  const field = path.replace(/^prestaties\.\d+\.?/, "");
  const map: Record<string, string> = {
    "periode.begindatum": "periode_begin",
    "periode.einddatum": "periode_eind",
    periode: "periode_begin",
    vorigReferentienummer: "vorig_referentienummer",
    geleverdVolume: "geleverd_volume",
    productTarief: "product_tarief",
    debetCredit: "debet_credit",
  };
  const column = map[field] ?? field;
  return (DECLARATIE_CSV_COLUMNS as readonly string[]).includes(column) ? column : undefined;
}

function csvErrorText(e: CsvError): string {
  const where = typeof (e as { lines?: unknown }).lines === "number" ? ` (regel ${(e as unknown as { lines: number }).lines})` : "";
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `een aanhalingsteken (") wordt geopend maar niet gesloten${where}; sluit het veld af met " of schrijf een " binnen een veld als ""`;
    case "CSV_INVALID_CLOSING_QUOTE":
      return `na een afsluitend aanhalingsteken (") volgt geen scheidingsteken${where}`;
    default:
      return `het CSV-bestand kan niet worden gelezen${where} (${e.code})`;
  }
}
const num = (v: string) => (v.trim() === "" ? v : /^-?[0-9]+([.,][0-9]+)?$/.test(v.trim()) ? Number(v.trim().replace(",", ".")) : v);

/**
 * Reads declaraties from JSON (one declaratie or an array) or CSV (one row per prestatie; rows with the same
 * aanbieder, wet and declaratienummer form one declaratie, in file order). Validation follows in the domain; this
 * only turns bytes into objects and remembers the line of every prestatie so errors can name it.
 */
export function readDeclaratieFile(bytes: Uint8Array, file: string): Result<DeclaratieSource[]> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [problem(file, "het bestand is geen UTF-8")] };
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (text.trim() === "") return { ok: false, problems: [problem(file, "het bestand is leeg")] };
  if (/^\s*[[{]/.test(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      const at = /position (\d+)/.exec((e as Error).message)?.[1];
      const line = at === undefined ? undefined : text.slice(0, Number(at)).split("\n").length;
      return {
        ok: false,
        problems: [problem(file, `geen geldige JSON${line ? ` (regel ${line})` : ""}: controleer haakjes, komma's en aanhalingstekens`, line)],
      };
    }
    return { ok: true, value: jsonSources(data, file) };
  }
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    return { ok: false, problems: [problem(file, e instanceof CsvError ? `onleesbare CSV: ${csvErrorText(e)}` : "onleesbare CSV")] };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(DECLARATIE_CSV_COLUMNS as readonly string[]).includes(h));
  if (missing.length || unknown.length)
    return {
      ok: false,
      problems: [
        ...missing.map((c) => problem(file, `kolom "${c}" ontbreekt in de kopregel`, 1)),
        ...unknown.map((c) => problem(file, `onbekende kolom "${c}" (bekend: ${DECLARATIE_CSV_COLUMNS.join(", ")})`, 1)),
      ],
    };
  const col = (row: string[], name: string) => row[header.indexOf(name)] ?? "";
  const groups = new Map<string, DeclaratieSource & { first: string[] }>();
  records.slice(1).forEach((row, i) => {
    const line = i + 2;
    const key = `${col(row, "aanbieder")}|${col(row, "wet")}|${col(row, "declaratienummer")}`;
    const cellProblems: Problem[] = [];
    header.forEach((name, c) => {
      const v = row[c] ?? "";
      if (CONTROL.test(v))
        cellProblems.push(
          located(
            file,
            line,
            name,
            v.includes("\u0000")
              ? "de cel bevat een NUL-teken (U+0000); alleen gewone tekens zijn toegestaan"
              : "de cel bevat een stuurteken (zoals een tab of regelovergang); alleen gewone tekens zijn toegestaan",
          ),
        );
    });
    let g = groups.get(key);
    if (g) {
      // the declaratie's own fields are repeated on every row; a row that differs would be silently ignored otherwise
      for (const name of DECLARATIE_FIELDS)
        if (col(row, name) !== col(g.first, name) && !cellProblems.some((p) => (p as LocatedProblem).column === name))
          g.problems!.push(
            located(
              file,
              line,
              name,
              `de waarde wijkt af van rij ${g.lines[0]} van dezelfde declaratie (${col(row, "declaratienummer") || "zonder nummer"}); elke rij van een declaratie heeft dezelfde ${name.replace("_", " ")}`,
            ),
          );
    } else {
      g = {
        first: row,
        kind: "csv",
        index: groups.size,
        problems: [],
        file,
        raw: {
          declaratienummer: col(row, "declaratienummer"),
          aanbieder: col(row, "aanbieder"),
          gemeente: col(row, "gemeente"),
          wet: col(row, "wet"),
          periode: { begindatum: col(row, "periode_begin"), einddatum: col(row, "periode_eind") },
          dagtekening: col(row, "dagtekening"),
          prestaties: [],
        },
        lines: [],
      };
      groups.set(key, g);
    }
    const p: Record<string, unknown> = {
      referentienummer: col(row, "referentienummer"),
      vorigReferentienummer: col(row, "vorig_referentienummer") || null,
      bsn: col(row, "bsn"),
      toewijzingnummer: col(row, "toewijzingnummer"),
      productcategorie: col(row, "productcategorie"),
      productcode: col(row, "productcode") || null,
      begindatum: col(row, "begindatum"),
      einddatum: col(row, "einddatum"),
      geleverdVolume: num(col(row, "geleverd_volume")),
      eenheid: col(row, "eenheid"),
      productTarief: num(col(row, "product_tarief")),
      bedrag: num(col(row, "bedrag")),
      debetCredit: col(row, "debet_credit"),
    };
    if (col(row, "km") !== "") p.km = num(col(row, "km"));
    (g.raw.prestaties as unknown[]).push(p);
    g.lines.push(line);
    g.problems!.push(...cellProblems);
  });
  return { ok: true, value: [...groups.values()].map(({ first: _f, ...src }) => src) };
}

/** One declaratie or a list of them, as JSON (a request body or a .json file). */
export function jsonSources(data: unknown, file: string): DeclaratieSource[] {
  const list = Array.isArray(data) ? data : [data];
  return list.map((raw, index) => ({ file, raw: (raw ?? {}) as Record<string, unknown>, lines: [], kind: "json" as const, index }));
}

const located = (file: string, line: number, column: string, detail: string): LocatedProblem => ({
  code: "invalid-input",
  title: "Ongeldige declaratie",
  detail: `rij ${line}, kolom ${column}: ${detail}`,
  file,
  line,
  path: column,
  column,
});

/**
 * Says where each problem is: for CSV the row and column ("rij 3, kolom bsn: …"; the row of a prestatie, or the first
 * row of its declaratie for the declaratie's own fields), for a JSON list which declaratie ("declaratie 2: …"); the
 * field path stays in `path`. A problem the reader already reported for the same cell is not repeated.
 */
export function locate(problems: Problem[], src: DeclaratieSource, opts: { several?: boolean } = {}): LocatedProblem[] {
  const csv = src.kind === "csv" || (src.kind === undefined && src.lines.length > 0);
  const out: LocatedProblem[] = [];
  for (const p of problems) {
    const m = /^prestaties\.(\d+)/.exec(p.path ?? "");
    const line = m ? src.lines[Number(m[1])] : csv ? src.lines[0] : undefined;
    if (!csv) {
      out.push({
        ...p,
        file: src.file,
        ...(opts.several && src.index !== undefined ? { detail: `declaratie ${src.index + 1}${declaratienummerOf(src)}: ${p.detail}` } : {}),
      });
      continue;
    }
    const column = p.path ? csvColumnOf(p.path) : undefined;
    if (column && line && (src.problems ?? []).some((q) => q.line === line && (q as LocatedProblem).column === column)) continue;
    const where = line ? `rij ${line}${column ? `, kolom ${column}` : ""}: ` : "";
    out.push({ ...p, detail: `${where}${p.detail}`, file: src.file, ...(line ? { line } : {}), ...(column ? { column } : {}) });
  }
  return out;
}

const declaratienummerOf = (src: DeclaratieSource) => {
  const n = src.raw.declaratienummer;
  return typeof n === "string" && n.length > 0 && n.length <= 20 && !CONTROL.test(n) ? ` (${n})` : "";
};
