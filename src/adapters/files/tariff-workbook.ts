import ExcelJS from "exceljs";
import type { Product } from "../../domain/catalogue/product.ts";
import { summarize } from "../../domain/catalogue/summary.ts";
import { mixFor, type TariffResult } from "../../domain/tariffs/model.ts";
import type { TariffLevel, TariffParameters } from "../../domain/tariffs/parameters.ts";

const LEVELS: TariffLevel[] = ["mbo2", "mbo3", "mbo4", "hbo", "wo"];

/**
 * The tariffs as a live workbook: the parameters on one sheet, one row per product with real Excel formulas that refer
 * to the parameter cells. Change a parameter in Excel and every tariff moves; each column is one step of the model.
 */
export async function tariffWorkbook(products: Product[], params: TariffParameters, results: TariffResult[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kader";
  const ps = wb.addWorksheet("Parameters");
  ps.columns = [
    { header: "Parameter", key: "k", width: 34 },
    { header: "Waarde", key: "v", width: 14 },
    { header: "Toelichting", key: "t", width: 60 },
  ];
  const cell: Record<string, string> = {};
  const put = (key: string, value: number, note: string) => {
    const row = ps.addRow({ k: key, v: value, t: note });
    cell[key] = `Parameters!$B$${row.number}`;
  };
  ps.addRow({ k: "naam", v: params.naam ?? "", t: "parameterset (voorbeeld: geen cao-cijfers)" });
  put("peiljaar", params.peiljaar, "");
  put("vakantiegeld", params.vakantiegeld, "fractie van het jaarloon");
  put("eindejaarsuitkering", params.eindejaarsuitkering, "fractie");
  put("werkgeverslasten", params.werkgeverslasten, "fractie");
  put("ort", params.ort, "alleen bij 24/7 aanwezigheid of bereikbaarheid");
  put("contracturenPerJaar", params.contracturenPerJaar, "uren");
  const npKeys = Object.keys(params.nietProductief);
  for (const k of npKeys) put(`nietProductief.${k}`, params.nietProductief[k]!, "fractie van de contracturen");
  put("overhead", params.overhead, "fractie");
  put("kapitaallasten", params.kapitaallasten, "fractie");
  put("leegstand", params.leegstand, "fractie");
  put("risico", params.risico, "fractie");
  put("indexatie", params.indexatie, "fractie");
  put("dagdeelUren", params.dagdeelUren, "uren per dagdeel");
  for (const l of LEVELS) if (params.salarissen[l]) put(`maandsalaris.${l}`, params.salarissen[l].maandsalaris / 100, "euro per maand");
  const np = npKeys.map((k) => cell[`nietProductief.${k}`]).join("+") || "0";

  const ts = wb.addWorksheet("Tarieven", { views: [{ state: "frozen", ySplit: 1 }] });
  ts.columns = [
    { header: "Product-id", key: "id", width: 44 },
    { header: "Naam", key: "naam", width: 36 },
    { header: "Eenheid", key: "eenheid", width: 9 },
    { header: "24/7 (1 = ja)", key: "ort", width: 12 },
    { header: "Cliënten per begeleider", key: "cps", width: 12 },
    ...LEVELS.map((l) => ({ header: `Mix ${l}`, key: `mix_${l}`, width: 9 })),
    { header: "Gewogen jaarloon", key: "jaarloon", width: 16 },
    { header: "Productieve uren", key: "uren", width: 14 },
    { header: "Uurkosten", key: "uurkosten", width: 12 },
    { header: "Uurtarief", key: "uurtarief", width: 12 },
    { header: "Per cliënturen", key: "perclient", width: 14 },
    { header: "Tarief per eenheid", key: "tarief", width: 16 },
    { header: "Herkomst mix", key: "bron", width: 50 },
  ];
  const col = (key: string) => ts.getColumn(key).letter;
  const missing: { id: string; onbekend: string[] }[] = [];
  const byId = new Map(products.map((p) => [p.id, p]));
  for (const r of results) {
    if (!r.ok) {
      missing.push({ id: r.productId, onbekend: r.onbekend });
      continue;
    }
    const p = byId.get(r.productId)!;
    const s = summarize(p);
    const m = mixFor(p, params);
    const row = ts.addRow({
      id: p.id,
      naam: p.name,
      eenheid: r.eenheid,
      ort: s.available24x7 ? 1 : 0,
      cps: s.groupSize?.clientsPerStaff ?? 1,
      ...Object.fromEntries(LEVELS.map((l) => [`mix_${l}`, r.mix[l] ?? 0])),
      bron: "mix" in m ? m.source : "",
    });
    const n = row.number;
    const ref = (key: string) => `${col(key)}${n}`;
    const jaarloon = LEVELS.filter((l) => params.salarissen[l])
      .map(
        (l) =>
          `${ref(`mix_${l}`)}*${cell[`maandsalaris.${l}`]}*12*(1+${cell.vakantiegeld}+${cell.eindejaarsuitkering})*(1+${cell.werkgeverslasten})*IF(${ref("ort")}=1,1+${cell.ort},1)`,
      )
      .join("+");
    row.getCell("jaarloon").value = { formula: jaarloon };
    row.getCell("uren").value = { formula: `${cell.contracturenPerJaar}*(1-(${np}))` };
    row.getCell("uurkosten").value = { formula: `${ref("jaarloon")}/${ref("uren")}` };
    row.getCell("uurtarief").value = {
      formula: `${ref("uurkosten")}*(1+${cell.overhead})*(1+${cell.kapitaallasten}+${cell.leegstand})*(1+${cell.risico})*(1+${cell.indexatie})`,
    };
    row.getCell("perclient").value = { formula: `${ref("uurtarief")}/${ref("cps")}` };
    row.getCell("tarief").value = {
      formula: `ROUND(IF(${ref("eenheid")}="01",${ref("perclient")}/60,IF(${ref("eenheid")}="16",${ref("perclient")}*${cell.dagdeelUren},${ref("perclient")})),2)`,
    };
  }
  ts.getRow(1).font = { bold: true };
  ps.getRow(1).font = { bold: true };
  const ms = wb.addWorksheet("Ontbrekend");
  ms.columns = [
    { header: "Product-id", key: "id", width: 44 },
    { header: "Wat ontbreekt", key: "wat", width: 100 },
  ];
  for (const m of missing) ms.addRow({ id: m.id, wat: m.onbekend.join("; ") });
  ms.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
