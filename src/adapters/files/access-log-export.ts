import ExcelJS from "exceljs";
import type { AccessRecord } from "../../app/ports.ts";
import { roleLabel } from "../../domain/auth/principal.ts";
import { neutraliseFormula, toCsv } from "./csv.ts";

/** The access log (NEN 7513) for the controller: one row per access, clients by Kader's client id, never a BSN. */
export const ACCESS_LOG_COLUMNS = [
  "Wanneer",
  "Gebruiker",
  "Rol",
  "Organisatie",
  "Wat",
  "Handeling",
  "Endpoint",
  "Gemeente",
  "Aanbieder",
  "Cliënten",
  "Records",
  "Selectie",
  "Aantal",
  "Doel",
  "Toegestaan",
  "Reden",
] as const;
const accessLogRow = (r: AccessRecord) => [
  r.at,
  r.username,
  r.role ? roleLabel[r.role] : null,
  r.tenantCode,
  r.resource,
  r.action === "read" ? "inzien" : r.action === "write" ? "wijzigen" : r.action,
  r.endpoint,
  r.gemeentecode,
  r.agbCode,
  r.subject?.clientIds.join(" ") ?? null,
  r.subject?.records.join(" ") ?? null,
  r.subject?.filter ?? null,
  r.subject?.count ?? null,
  r.purpose,
  r.allowed,
  r.reason,
];

/** The access log as a workbook; every text cell that a spreadsheet would read as a formula is written as text. */
export async function accessLogToXlsx(rows: AccessRecord[], about: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kader";
  const s = wb.addWorksheet("Toegangslog", { views: [{ state: "frozen", ySplit: 1 }] });
  s.columns = ACCESS_LOG_COLUMNS.map((h) => ({ header: h, key: h, width: h === "Endpoint" || h === "Doel" || h === "Records" ? 40 : 16 }));
  // exceljs writes strings as strings (never formulas); the apostrophe is added all the same, as in the CSV
  const text = (v: unknown) => (typeof v === "string" ? neutraliseFormula(v) : v);
  for (const r of rows) s.addRow(accessLogRow(r).map((v) => (typeof v === "boolean" ? (v ? "ja" : "nee") : text(v ?? ""))));
  wb.addWorksheet("Over").addRows([["Kader — toegangslog persoonsgegevens (NEN 7513)"], [about], ["Cliënten: Kaders cliëntnummers (nooit een BSN)."]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The access log as CSV, through the one CSV writer. */
export function accessLogToCsv(rows: AccessRecord[]): string {
  return toCsv(ACCESS_LOG_COLUMNS, rows.map(accessLogRow));
}
