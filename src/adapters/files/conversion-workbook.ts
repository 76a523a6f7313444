/**
 * The uitvraag workbook of a conversion (docs/conversie.md): one per aanbieder, its running toewijzingen the plan
 * touches, protected except the input cells a row needs, with data validation; and reading a filled one back.
 * Also the dry run as a workbook.
 */
import ExcelJS from "exceljs";
import type { IngelezenRij, Uitvraag } from "../../app/conversion.ts";
import { type Uitkomst, vlagLabel } from "../../domain/conversion/compute.ts";
import type { Problem, Result } from "../../domain/shared/problem.ts";
import { type ArchiveLimits, checkOfficeArchive, isSizeError } from "../../messages/archive.ts";

export const UITVRAAG_MAX_BYTES = 10 * 1024 * 1024;
const MAX_UNPACKED = 40 * 1024 * 1024;
/** The archive caps of an uitvraag workbook: every part and all parts together at most 40 MB inflated, at most 2000 parts. */
const UITVRAAG_LIMITS: ArchiveLimits = { maxEntries: 2000, maxEntryBytes: MAX_UNPACKED, maxTotalBytes: MAX_UNPACKED };
const SHEET = "Uitvraag";
const META = "kader";
const HEADER_ROW = 1;

interface Col {
  key: string;
  header: string;
  width: number;
  input?: "getal" | "heel" | "dagen" | "module" | "vervoer" | "tekst";
}

const vast: Col[] = [
  { key: "gemeente", header: "Gemeente", width: 9 },
  { key: "wet", header: "Wet", width: 9 },
  { key: "toewijzingnummer", header: "Toewijzingnummer", width: 16 },
  { key: "bsn", header: "BSN", width: 11 },
  { key: "naam", header: "Naam", width: 24 },
  { key: "geboortedatum", header: "Geboortedatum", width: 13 },
  { key: "product", header: "Huidig product", width: 40 },
  { key: "productcode", header: "Productcode", width: 11 },
  { key: "ingangsdatum", header: "Ingangsdatum", width: 12 },
  { key: "einddatum", header: "Einddatum", width: 12 },
  { key: "omvang", header: "Huidige omvang", width: 26 },
];

function columns(u: Uitvraag): Col[] {
  const niveaus = [...new Set(u.rijen.flatMap((r) => r.kolommen.filter((k) => k.startsWith("niveau-")).map((k) => k.slice(7))))].sort(
    (a, b) => Number(a) - Number(b),
  );
  const per = (p: "week" | "maand") => (p === "week" ? "per week" : "per maand");
  return [
    ...vast,
    { key: "uren", header: `Uren ${per(u.perioden.uren)}`, width: 12, input: "getal" },
    ...niveaus.map((n): Col => ({ key: `niveau-${n}`, header: `Uren niveau ${n}`, width: 12, input: "getal" })),
    { key: "module", header: "Module (M1/M2/M3)", width: 12, input: "module" },
    { key: "dagdelen", header: `Dagdelen ${per(u.perioden.dagdelen)}`, width: 12, input: "heel" },
    { key: "vervoer", header: "Vervoer (geen/regulier/rolstoel)", width: 16, input: "vervoer" },
    { key: "vervoersdagen", header: `Vervoersdagen ${per(u.perioden.dagdelen)}`, width: 12, input: "dagen" },
    { key: "afstandKm", header: "Afstand enkele reis (km)", width: 12, input: "getal" },
    { key: "opmerking", header: "Opmerking", width: 40, input: "tekst" },
  ];
}

/** The workbook an aanbieder fills in. Cells other than the row's input cells are locked (sheet protection). */
export async function uitvraagToXlsx(u: Uitvraag): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kader";
  const cols = columns(u);
  const ws = wb.addWorksheet(SHEET, { views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 3 }] });
  ws.columns = cols.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(HEADER_ROW).font = { bold: true };
  ws.getRow(HEADER_ROW).alignment = { wrapText: true, vertical: "top" };
  for (const r of u.rijen) {
    const a = r.antwoord;
    const row = ws.addRow({
      gemeente: r.gemeentecode,
      wet: r.wet,
      toewijzingnummer: r.toewijzingnummer,
      bsn: r.bsn,
      naam: r.naam,
      geboortedatum: r.geboortedatum,
      product: r.vanNaam,
      productcode: r.productcode ?? "",
      ingangsdatum: r.ingangsdatum,
      einddatum: r.einddatum ?? "",
      omvang: r.omvang,
      uren: a?.uren ?? null,
      ...Object.fromEntries(Object.entries(a?.urenPerNiveau ?? {}).map(([n, v]) => [`niveau-${n}`, v])),
      module: a?.module ?? null,
      dagdelen: a?.dagdelen ?? null,
      vervoer: a?.vervoer ?? null,
      vervoersdagen: a?.vervoersdagen ?? null,
      afstandKm: a?.afstandKm ?? null,
      opmerking: a?.opmerking ?? null,
    });
    const open = new Set<string>([...r.kolommen, "opmerking"]);
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (!c.input) return;
      if (!open.has(c.key)) {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
        return;
      }
      cell.protection = { locked: false };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
      const err = { showErrorMessage: true, errorStyle: "stop" as const, errorTitle: "Ongeldige waarde" };
      if (c.input === "getal")
        cell.dataValidation = { type: "decimal", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true, ...err, error: "Een getal van 0 of meer" };
      else if (c.input === "heel")
        cell.dataValidation = {
          type: "whole",
          operator: "greaterThanOrEqual",
          formulae: [0],
          allowBlank: true,
          ...err,
          error: "Een heel aantal dagdelen (0 of meer)",
        };
      else if (c.input === "dagen")
        cell.dataValidation = {
          type: "whole",
          operator: "between",
          formulae: [0, 7],
          allowBlank: true,
          ...err,
          error: "Een heel aantal dagen, 0 tot en met 7 (vervoer: hoogstens 5)",
        };
      else if (c.input === "module") cell.dataValidation = { type: "list", formulae: ['"M1,M2,M3"'], allowBlank: true, ...err, error: "Kies M1, M2 of M3" };
      else if (c.input === "vervoer")
        cell.dataValidation = { type: "list", formulae: ['"geen,regulier,rolstoel"'], allowBlank: true, ...err, error: "Kies geen, regulier of rolstoel" };
    });
  }
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: false, autoFilter: false });

  const help = wb.addWorksheet("Toelichting");
  help.columns = [{ header: "Toelichting", key: "t", width: 120 }];
  for (const t of [
    `${u.titel}`,
    `Gemeente ${u.gemeentecode}, aanbieder ${u.agbCode}; wijzigingsdatum ${u.wijzigingsdatum}.`,
    `Vul per toewijzing de gemiddelde inzet over de laatste ${u.perioden.maanden} maanden in; alleen de gele cellen zijn invulbaar.`,
    "Interventieniveau 7: vul ook de uren per interventieniveau in; samen zijn ze gelijk aan de uren.",
    "Dagbesteding: de module, het aantal dagdelen en, indien aan de orde, het vervoer met de afstand enkele reis (ANWB-routeplanner, kortste route).",
    "Een rij zonder waarden geldt als niet beantwoord. Een bestand met een fout wordt in zijn geheel geweigerd, met de rij en kolom van elke fout.",
  ])
    help.addRow({ t });
  const meta = wb.addWorksheet(META, { state: "veryHidden" });
  meta.addRows([
    ["conversieId", u.conversieId],
    ["planId", u.planId],
    ["planHash", u.planHash],
    ["gemeentecode", u.gemeentecode],
    ["agbCode", u.agbCode],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface GelezenUitvraag {
  conversieId: number;
  planId: string;
  gemeentecode: string;
  agbCode: string;
  rijen: IngelezenRij[];
}

const unreadable = (file: string, detail: string): Problem => ({ code: "invalid-input", title: "Bestand onleesbaar", detail, file });

/** Reads a filled uitvraag workbook: the metadata that names conversion and aanbieder, and every data row's values. */
export async function readUitvraagXlsx(bytes: Uint8Array, file: string): Promise<Result<GelezenUitvraag>> {
  if (bytes.byteLength > UITVRAAG_MAX_BYTES)
    return { ok: false, problems: [{ code: "payload-too-large", title: "Bestand te groot", detail: "een uitvraagbestand is hoogstens 10 MB", file }] };
  // the ZIP container is checked under caps (each part and the whole, enforced while inflating) before ExcelJS
  // unpacks it, so a ZIP bomb named .xlsx is refused without being expanded
  const archive = checkOfficeArchive(bytes, UITVRAAG_LIMITS);
  if (!archive.ok) {
    const e = archive.errors[0]!;
    if (isSizeError(e))
      return {
        ok: false,
        problems: [{ code: "payload-too-large", title: "Bestand te groot", detail: `${e.message}; een uitvraagbestand is uitgepakt hoogstens 40 MB`, file }],
      };
    return { ok: false, problems: [unreadable(file, `het bestand is geen geldig XLSX-bestand (${e.message}); sla het op als Excel-werkmap (.xlsx)`)] };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    return { ok: false, problems: [unreadable(file, "het bestand is geen geldig XLSX-bestand; sla het op als Excel-werkmap (.xlsx)")] };
  }
  const meta = wb.getWorksheet(META);
  const ws = wb.getWorksheet(SHEET);
  if (!meta || !ws)
    return {
      ok: false,
      problems: [unreadable(file, "dit is geen uitvraagbestand van Kader (werkblad Uitvraag of de kenmerken ontbreken); gebruik het bestand dat u kreeg")],
    };
  const m = new Map<string, string>();
  meta.eachRow((row) => m.set(String(row.getCell(1).value ?? ""), String(row.getCell(2).value ?? "")));
  const conversieId = Number(m.get("conversieId"));
  if (!Number.isInteger(conversieId) || !m.get("agbCode") || !m.get("gemeentecode"))
    return { ok: false, problems: [unreadable(file, "de kenmerken van het uitvraagbestand zijn beschadigd")] };
  const header = ws.getRow(HEADER_ROW);
  const byHeader = new Map<string, number>();
  header.eachCell((cell, col) => byHeader.set(String(cell.value ?? "").trim(), col));
  // the keys by header text, as written by uitvraagToXlsx
  const keyOf = (h: string): string | null => {
    if (h === "Gemeente") return "gemeente";
    if (h === "Wet") return "wet";
    if (h === "Toewijzingnummer") return "toewijzingnummer";
    if (/^Uren per (week|maand)$/.test(h)) return "uren";
    const n = h.match(/^Uren niveau ([0-9]{1,2})$/);
    if (n) return `niveau-${n[1]}`;
    if (h.startsWith("Module")) return "module";
    if (h.startsWith("Dagdelen")) return "dagdelen";
    if (h.startsWith("Vervoersdagen")) return "vervoersdagen";
    if (h.startsWith("Vervoer")) return "vervoer";
    if (h.startsWith("Afstand")) return "afstandKm";
    if (h === "Opmerking") return "opmerking";
    return null;
  };
  const keys = new Map<string, number>();
  for (const [h, col] of byHeader) {
    const k = keyOf(h);
    if (k) keys.set(k, col);
  }
  for (const k of ["gemeente", "wet", "toewijzingnummer"])
    if (!keys.has(k)) return { ok: false, problems: [unreadable(file, `kolom ${k} ontbreekt in het werkblad Uitvraag`)] };
  const value = (v: ExcelJS.CellValue): string | number | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === "number" || typeof v === "string") return v;
    if (typeof v === "object" && "result" in v) return value((v as { result: ExcelJS.CellValue }).result);
    if (typeof v === "object" && "richText" in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
    return String(v);
  };
  const rijen: IngelezenRij[] = [];
  ws.eachRow((row, n) => {
    if (n <= HEADER_ROW) return;
    const waarden: Record<string, string | number | null> = {};
    for (const [k, col] of keys) waarden[k] = value(row.getCell(col).value);
    if (waarden.toewijzingnummer === null && waarden.gemeente === null) return;
    rijen.push({
      rij: n,
      gemeentecode: String(waarden.gemeente ?? ""),
      wet: String(waarden.wet ?? ""),
      toewijzingnummer: String(waarden.toewijzingnummer ?? ""),
      waarden,
    });
  });
  return { ok: true, value: { conversieId, planId: m.get("planId") ?? "", gemeentecode: m.get("gemeentecode")!, agbCode: m.get("agbCode")!, rijen } };
}

/** The dry run as a workbook: one row per proposed new toewijzing (or per flagged toewijzing), with the flags. */
export async function proefrunToXlsx(uitkomsten: Uitkomst[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kader";
  const ws = wb.addWorksheet("Proefrun", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { header: "Aanbieder", key: "agb", width: 11 },
    { header: "Gemeente", key: "gemeente", width: 9 },
    { header: "Wet", key: "wet", width: 9 },
    { header: "Toewijzing", key: "nummer", width: 11 },
    { header: "Cliënt-id", key: "client", width: 9 },
    { header: "Huidig product", key: "van", width: 36 },
    { header: "Nieuw product", key: "naar", width: 40 },
    { header: "Categorie", key: "cat", width: 9 },
    { header: "Code", key: "code", width: 8 },
    { header: "Omvang", key: "omvang", width: 8 },
    { header: "Eenheid", key: "eenheid", width: 8 },
    { header: "Frequentie", key: "freq", width: 9 },
    { header: "Ingangsdatum", key: "in", width: 12 },
    { header: "Einddatum", key: "eind", width: 12 },
    { header: "Oud per maand (€)", key: "oud", width: 12 },
    { header: "Nieuw per maand (€)", key: "nieuw", width: 12 },
    { header: "Uitvoerbaar", key: "ok", width: 10 },
    { header: "Reden", key: "reden", width: 80 },
    { header: "Signalen", key: "vlaggen", width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const u of uitkomsten) {
    const euro = (c: number | null | undefined) => (c === null || c === undefined ? null : c / 100);
    const base = {
      oud: euro(u.oudPerMaandCents),
      agb: u.agbCode,
      gemeente: u.gemeentecode,
      wet: u.wet,
      nummer: u.toewijzingnummer,
      client: u.clientId,
      van: u.vanNaam,
      ok: u.uitvoerbaar ? "ja" : "nee",
      vlaggen: u.vlaggen.map((v) => `${vlagLabel[v.code]}: ${v.tekst}`).join(" | "),
    };
    if (!u.voorstellen.length) ws.addRow({ ...base, naar: "—" });
    for (const v of u.voorstellen)
      ws.addRow({
        ...base,
        naar: v.productNaam,
        cat: v.productcategorie,
        code: v.productcode ?? "",
        omvang: v.omvang,
        eenheid: v.eenheid,
        freq: v.frequentie,
        in: v.ingangsdatum,
        eind: v.einddatum ?? "",
        reden: v.reden,
        nieuw: v.tariefCents === null ? null : euro(Math.round((v.frequentie === "2" ? (v.omvang * 52) / 12 : v.omvang) * v.tariefCents)),
      });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 19 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
