import ExcelJS from "exceljs";
import type { ComplianceReport } from "../../app/compliance.ts";

const verdictLabel = { voldoet: "voldoet", "voldoet-niet": "voldoet niet", onbekend: "onbekend" } as const;
const statusLabel = {
  voldoet: "voldoet",
  "voldoet-niet": "voldoet niet",
  onbekend: "onbekend",
  "te-beoordelen": "te beoordelen",
  "per-client": "per cliënt",
} as const;

/** The compliance report as a workbook: one sheet of verdicts per product, one of every requirement, one of signals. */
export async function complianceToXlsx(r: ComplianceReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kader";
  const products = wb.addWorksheet("Producten", { views: [{ state: "frozen", ySplit: 1 }] });
  products.columns = [
    { header: "Product-id", key: "id", width: 45 },
    { header: "Productenboek", key: "boek", width: 28 },
    { header: "Productcode", key: "code", width: 12 },
    { header: "Naam", key: "naam", width: 40 },
    { header: "Oordeel", key: "oordeel", width: 14 },
    { header: "Medewerkers", key: "staff", width: 12 },
    { header: "Redenen", key: "redenen", width: 100 },
  ];
  for (const p of r.producten)
    products.addRow({
      id: p.productId,
      boek: p.productenboek,
      code: p.productcode,
      naam: p.name,
      oordeel: verdictLabel[p.verdict],
      staff: p.staffCount,
      redenen: p.reasons.map((x) => x.message).join(" | "),
    });
  const reqs = wb.addWorksheet("Eisen", { views: [{ state: "frozen", ySplit: 1 }] });
  reqs.columns = [
    { header: "Product-id", key: "id", width: 45 },
    { header: "Onderwerp", key: "topic", width: 28 },
    { header: "Eis", key: "text", width: 80 },
    { header: "Status", key: "status", width: 14 },
    { header: "Redenen", key: "redenen", width: 80 },
    { header: "Regel in document", key: "line", width: 10 },
  ];
  for (const p of r.producten)
    for (const q of p.requirements)
      reqs.addRow({
        id: p.productId,
        topic: q.topic,
        text: q.text,
        status: statusLabel[q.status],
        redenen: [...q.reasons.map((x) => x.message), ...q.info].join(" | "),
        line: q.line,
      });
  const sig = wb.addWorksheet("Signalen");
  sig.columns = [
    { header: "Wie", key: "subject", width: 30 },
    { header: "Bewijs", key: "evidence", width: 30 },
    { header: "Verloopt", key: "expires", width: 12 },
    { header: "Dagen", key: "days", width: 8 },
  ];
  for (const s of r.signalen) sig.addRow({ subject: s.subject, evidence: s.evidence, expires: s.expires, days: s.daysLeft });
  for (const ws of [products, reqs, sig]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
