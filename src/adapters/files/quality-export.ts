import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import ExcelJS from "exceljs";
import type { OverviewRow } from "../../app/quality.ts";
import { vraagStatuses, vraagStatusLabel } from "../../domain/quality/assessment.ts";
import type { Checkable } from "../../domain/quality/general-requirements.ts";
import { hoofdstukTitel, type PveDocument, type PveEis, type PveHoofdstuk } from "../../domain/quality/pve.ts";
import { toCsv } from "./csv.ts";

/** Where an export comes from: a published version (number and date) or the draft (marked as concept). */
export interface ExportMeta {
  versie: number | null;
  gepubliceerd: string | null;
}

const evidenceWords: Record<string, string> = {
  kwaliteitscertificaat: "kwaliteitscertificaat",
  "kwaliteitshandboek-audit": "kwaliteitshandboek met auditrapport",
  klanttevredenheidsonderzoek: "klanttevredenheidsonderzoek",
  "gedragsverklaring-aanbesteden": "gedragsverklaring aanbesteden",
  "verklaring-belastingdienst": "verklaring Belastingdienst",
  "kvk-uittreksel": "KvK-uittreksel",
};

/** "toetsbaar: …" or "beschrijvend" — how the requirement will be checked. */
export function checkableText(t: Checkable | null): string {
  if (!t) return "Beschrijvend: de aanbieder licht toe, de gemeente beoordeelt.";
  if (t.bron === "bewijs")
    return `Toetsbaar: bewijsstuk ${t.soorten.map((s) => evidenceWords[s] ?? s).join(" of ")}${t.maxLeeftijdMaanden ? `, hoogstens ${t.maxLeeftijdMaanden} maanden oud` : ""}.`;
  return t.eis === "vog"
    ? "Toetsbaar: VOG per medewerker uit het personeelsbestand (hoogstens 36 maanden oud)."
    : "Toetsbaar: beroepsregistratie per hbo/wo-medewerker uit het personeelsbestand.";
}

const chapters = (doc: PveDocument): [PveHoofdstuk, PveEis[]][] =>
  (["algemeen", "kaders", "criteria", "eigen"] as PveHoofdstuk[])
    .map((h) => [h, doc.eisen.filter((e) => e.hoofdstuk === h)] as [PveHoofdstuk, PveEis[]])
    .filter(([, es]) => es.length > 0);

const status = (m: ExportMeta) => (m.versie ? `Versie ${m.versie}, gepubliceerd ${m.gepubliceerd?.slice(0, 10) ?? ""}` : "CONCEPT — niet gepubliceerd");

/** The programma van eisen as a Word document: headings per chapter, numbered requirements with their sources, products. */
export async function pveToDocx(doc: PveDocument, meta: ExportMeta): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: doc.titel, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: `Programma van eisen van gemeente ${doc.gemeentecode}. ${status(meta)}.`, italics: true })] }),
  ];
  if (doc.toelichting) body.push(new Paragraph({ text: doc.toelichting }));
  if (doc.waarschuwingen.length) {
    body.push(new Paragraph({ text: "Let op", heading: HeadingLevel.HEADING_2 }));
    for (const w of doc.waarschuwingen) body.push(new Paragraph({ text: w, bullet: { level: 0 } }));
  }
  if (doc.segmenten.length) {
    body.push(new Paragraph({ text: "Inkoopsegmenten", heading: HeadingLevel.HEADING_1 }));
    for (const s of doc.segmenten) body.push(new Paragraph({ text: `${s.naam} (${s.id})`, bullet: { level: 0 } }));
  }
  if (doc.producten.length) {
    body.push(new Paragraph({ text: "Producten", heading: HeadingLevel.HEADING_1 }));
    const cell = (t: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: t, bold })] })] });
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: [cell("Productcode", true), cell("Product", true), cell("Wet", true), cell("Product-id", true)] }),
          ...doc.producten.map(
            (p) => new TableRow({ children: [cell(p.productcode ?? "—"), cell(p.naam), cell(p.wet === "wmo" ? "Wmo 2015" : "Jeugdwet"), cell(p.id)] }),
          ),
        ],
      }),
    );
  }
  for (const [h, eisen] of chapters(doc)) {
    body.push(new Paragraph({ text: hoofdstukTitel[h], heading: HeadingLevel.HEADING_1 }));
    for (const e of eisen) {
      body.push(new Paragraph({ text: `Eis ${e.nr}. ${e.titel}`, heading: HeadingLevel.HEADING_2 }));
      if (e.waarschuwing) body.push(new Paragraph({ children: [new TextRun({ text: `Let op: ${e.waarschuwing}`, bold: true })] }));
      body.push(new Paragraph({ text: e.tekst }));
      for (const a of e.afwijkingen)
        body.push(new Paragraph({ text: `Afwijking${a.criterium ? ` op criterium ${a.criterium}` : ""}: ${a.tekst}`, bullet: { level: 0 } }));
      body.push(new Paragraph({ children: [new TextRun({ text: checkableText(e.toetsbaar), italics: true })] }));
      if (e.frequentieMaanden)
        body.push(new Paragraph({ children: [new TextRun({ text: `Periodiek: elke ${e.frequentieMaanden} maanden opnieuw aantonen.`, italics: true })] }));
      body.push(new Paragraph({ children: [new TextRun({ text: `Bron: ${e.bron.label}${e.bron.citaat ? ` — “${e.bron.citaat}”` : ""}`, size: 18 })] }));
    }
  }
  const d = new Document({ creator: "Kader", title: doc.titel, description: "Programma van eisen", sections: [{ children: body }] });
  return Packer.toBuffer(d);
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The programma van eisen as one printable HTML page (for publication; print to PDF from the browser). */
export function pveToHtml(doc: PveDocument, meta: ExportMeta): string {
  const parts: string[] = [];
  parts.push(`<h1>${esc(doc.titel)}</h1><p class="meta">Programma van eisen van gemeente ${esc(doc.gemeentecode)}. ${esc(status(meta))}.</p>`);
  if (doc.toelichting) parts.push(`<p>${esc(doc.toelichting)}</p>`);
  if (doc.waarschuwingen.length)
    parts.push(`<div class="let-op" role="note"><h2>Let op</h2><ul>${doc.waarschuwingen.map((w) => `<li>${esc(w)}</li>`).join("")}</ul></div>`);
  if (doc.segmenten.length) parts.push(`<h2>Inkoopsegmenten</h2><ul>${doc.segmenten.map((s) => `<li>${esc(s.naam)} (${esc(s.id)})</li>`).join("")}</ul>`);
  if (doc.producten.length)
    parts.push(
      `<h2>Producten</h2><table><thead><tr><th scope="col">Productcode</th><th scope="col">Product</th><th scope="col">Wet</th><th scope="col">Product-id</th></tr></thead><tbody>${doc.producten
        .map(
          (p) =>
            `<tr><td>${esc(p.productcode ?? "—")}</td><td>${esc(p.naam)}</td><td>${p.wet === "wmo" ? "Wmo 2015" : "Jeugdwet"}</td><td>${esc(p.id)}</td></tr>`,
        )
        .join("")}</tbody></table>`,
    );
  for (const [h, eisen] of chapters(doc)) {
    parts.push(`<h2>${esc(hoofdstukTitel[h])}</h2>`);
    for (const e of eisen)
      parts.push(
        `<section class="eis" id="eis-${e.nr}"><h3>Eis ${e.nr}. ${esc(e.titel)}</h3>${e.waarschuwing ? `<p class="waarschuwing"><strong>Let op:</strong> ${esc(e.waarschuwing)}</p>` : ""}<p>${esc(e.tekst)}</p>${
          e.afwijkingen.length
            ? `<ul>${e.afwijkingen.map((a) => `<li>Afwijking${a.criterium ? ` op criterium ${esc(a.criterium)}` : ""}: ${esc(a.tekst)}</li>`).join("")}</ul>`
            : ""
        }<p class="toets">${esc(checkableText(e.toetsbaar))}${e.frequentieMaanden ? ` Periodiek: elke ${e.frequentieMaanden} maanden.` : ""}</p><p class="bron">Bron: ${esc(e.bron.label)}${
          e.bron.citaat ? ` — <q>${esc(e.bron.citaat)}</q>` : ""
        }</p></section>`,
      );
  }
  const css =
    "body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.8rem}h2{margin-top:2rem;border-bottom:1px solid #999}h3{font-size:1.1rem;margin-bottom:.25rem}.meta,.bron,.toets{color:#444;font-size:.9rem}.let-op,.waarschuwing{background:#fff4ce;border-left:4px solid #a65e00;padding:.5rem 1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left}@media print{body{margin:0;max-width:none}.eis{break-inside:avoid}}";
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.titel)}</title><style>${css}</style></head><body><main>${parts.join("\n")}</main></body></html>`;
}

const overviewColumns = [
  { header: "AGB-code", get: (r: OverviewRow) => r.agbCode },
  { header: "Aanbieder", get: (r: OverviewRow) => r.naam ?? "" },
  { header: "Uitgenodigd op", get: (r: OverviewRow) => r.uitgenodigdOp.slice(0, 10) },
  { header: "Vragen", get: (r: OverviewRow) => r.vragen },
  ...vraagStatuses.map((s) => ({ header: vraagStatusLabel[s], get: (r: OverviewRow) => r.telling[s] })),
];

/** Review status per aanbieder as CSV, through the one CSV writer (a provider's name cannot become a formula). */
export function overviewToCsv(rows: OverviewRow[]): string {
  return toCsv(
    overviewColumns.map((c) => c.header),
    rows.map((r) => overviewColumns.map((c) => c.get(r))),
  );
}

export async function overviewToXlsx(rows: OverviewRow[], titel: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kader";
  wb.title = titel;
  const ws = wb.addWorksheet("Beoordeling", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = overviewColumns.map((c, i) => ({ header: c.header, key: `c${i}`, width: i === 1 ? 40 : 16 }));
  for (const r of rows) ws.addRow(Object.fromEntries(overviewColumns.map((c, i) => [`c${i}`, c.get(r)])));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
