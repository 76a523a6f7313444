import ExcelJS from "exceljs";

interface BudgetExport {
  peildatum: string;
  groep: string;
  rows: {
    key: string;
    label: string;
    toegekendBudget: number | null;
    ingediend: number;
    betaald: number;
    verbruik: number | null;
    uitputting: string | null;
  }[];
  maanden: { maand: string; ingediend: number; toegekend: number }[];
  signalen: { kind: string; message: string }[];
}

const euro = (cents: number | null) => (cents === null ? null : cents / 100);

/** The budget overview as a workbook: per group, per month, and the signals. Amounts in euros with two decimals. */
export async function budgetToXlsx(b: BudgetExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kader";
  const money = "€ #,##0.00";
  const s = wb.addWorksheet(`Per ${b.groep}`, { views: [{ state: "frozen", ySplit: 1 }] });
  s.columns = [
    { header: b.groep, key: "label", width: 50 },
    { header: "Toegekend budget", key: "budget", width: 18, style: { numFmt: money } },
    { header: "Ingediend", key: "ingediend", width: 16, style: { numFmt: money } },
    { header: "Betaald (toegekend)", key: "betaald", width: 18, style: { numFmt: money } },
    { header: "Verbruik", key: "verbruik", width: 10, style: { numFmt: "0%" } },
    { header: "Uitputting verwacht", key: "uitputting", width: 18 },
  ];
  for (const r of b.rows)
    s.addRow({
      label: r.label,
      budget: euro(r.toegekendBudget),
      ingediend: euro(r.ingediend),
      betaald: euro(r.betaald),
      verbruik: r.verbruik,
      uitputting: r.uitputting ?? "",
    });
  const m = wb.addWorksheet("Per maand", { views: [{ state: "frozen", ySplit: 1 }] });
  m.columns = [
    { header: "Maand", key: "maand", width: 10 },
    { header: "Ingediend", key: "ingediend", width: 16, style: { numFmt: money } },
    { header: "Betaald (toegekend)", key: "toegekend", width: 18, style: { numFmt: money } },
  ];
  for (const r of b.maanden) m.addRow({ maand: r.maand, ingediend: euro(r.ingediend), toegekend: euro(r.toegekend) });
  const sig = wb.addWorksheet("Signalen");
  sig.columns = [
    { header: "Soort", key: "kind", width: 16 },
    { header: "Signaal", key: "message", width: 100 },
  ];
  for (const x of b.signalen) sig.addRow(x);
  wb.addWorksheet("Over").addRows([["Kader — budgetbewaking"], [`Peildatum ${b.peildatum}`], ["Betaald = wat Kader op de declaraties heeft toegekend."]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
