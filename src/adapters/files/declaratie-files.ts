import { CsvError, parse } from "csv-parse/sync";
import type { Problem, Result } from "../../domain/shared/problem.ts";
import { detectDelimiter } from "./staff-import.ts";

/** A declaratie as read from a file, before validation; `lines[i]` is the file line of prestatie i. */
export interface DeclaratieSource {
  file: string;
  raw: Record<string, unknown>;
  lines: number[];
}

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

const problem = (file: string, detail: string, line?: number): Problem => ({ code: "invalid-input", title: "Ongeldig declaratiebestand", detail, file, ...(line ? { line } : {}) });
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
      return { ok: false, problems: [problem(file, `geen geldige JSON: ${(e as Error).message}`)] };
    }
    const list = Array.isArray(data) ? data : [data];
    return {
      ok: true,
      value: list.map((raw) => ({ file, raw: (raw ?? {}) as Record<string, unknown>, lines: [] })),
    };
  }
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    return { ok: false, problems: [problem(file, e instanceof CsvError ? `onleesbare CSV: ${e.message}` : "onleesbare CSV")] };
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
  const groups = new Map<string, DeclaratieSource>();
  records.slice(1).forEach((row, i) => {
    const line = i + 2;
    const key = `${col(row, "aanbieder")}|${col(row, "wet")}|${col(row, "declaratienummer")}`;
    let g = groups.get(key);
    if (!g) {
      g = {
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
  });
  return { ok: true, value: [...groups.values()] };
}

/** Adds file and line to problems whose path names a prestatie ("prestaties.3.bsn"). */
export function locate(problems: Problem[], src: DeclaratieSource): Problem[] {
  return problems.map((p) => {
    const m = /^prestaties\.(\d+)/.exec(p.path ?? "");
    const line = m ? src.lines[Number(m[1])] : undefined;
    return { ...p, file: src.file, ...(line ? { line } : {}) };
  });
}
