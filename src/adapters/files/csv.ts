import { stringify } from "csv-stringify/sync";

/** A cell value as CSV writes it: booleans as ja/nee, nothing as an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * A cell that a spreadsheet would read as a formula (OWASP "CSV injection": a leading =, +, -, @, tab or carriage
 * return) gets a leading apostrophe, so Excel and LibreOffice show it as text. Numbers are written as numbers: a
 * negative amount stays a number.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The one CSV writer for every export: semicolon-separated with a BOM, so Dutch Excel opens it with the right columns
 * and accents, and every text cell neutralised against formula injection.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cell = (v: CsvCell): string | number =>
    v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "ja" : "nee") : typeof v === "number" ? v : neutraliseFormula(v);
  return `\uFEFF${stringify([header.map((h) => neutraliseFormula(h)), ...rows.map((r) => r.map(cell))], { delimiter: ";" })}`;
}
