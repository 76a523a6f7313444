import ExcelJS from "exceljs";
import { exportColumns } from "../../domain/catalogue/export-format.ts";
import type { Product } from "../../domain/catalogue/product.ts";
import { summarize } from "../../domain/catalogue/summary.ts";
import { toCsv } from "./csv.ts";

/** CSV with a header row through the one CSV writer (semicolons, BOM, cells neutralised against formula injection). */
export function productsToCsv(products: Product[]): string {
  const rows = products.map((p) => {
    const s = summarize(p);
    return exportColumns.map((c) => c.get(p, s));
  });
  return toCsv(
    exportColumns.map((c) => c.header),
    rows,
  );
}

export async function productsToXlsx(products: Product[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kader";
  const ws = wb.addWorksheet("Producten", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = exportColumns.map((c) => ({ header: c.header, key: c.key, width: Math.min(60, Math.max(12, c.header.length + 2)) }));
  for (const p of products) {
    const s = summarize(p);
    ws.addRow(Object.fromEntries(exportColumns.map((c) => [c.key, c.get(p, s)])));
  }
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: exportColumns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
