import type { Eenheid, Frequentie, ProposedProduct } from "../../lib/care-types.ts";
import type { ProductSummary } from "../../lib/types.ts";

/** One product row of the form, as typed (numbers as text, with a decimal comma). */
export interface Row {
  key: number;
  product: ProductSummary | null;
  aanbieder: string;
  ingangsdatum: string;
  einddatum: string;
  kind: "volume" | "budget";
  volume: string;
  eenheid: Eenheid | "";
  frequentie: Frequentie | "";
  budget: string;
  resultaatgebieden: string[];
  goalsText: string;
  verlengingen: string;
  afstandKm: string;
}

/** Field problems of one row, by field name. */
export type RowErrors = Partial<Record<string, string>>;

let nextKey = 1;
export const newRow = (): Row => ({
  key: nextKey++,
  product: null,
  aanbieder: "",
  ingangsdatum: "",
  einddatum: "",
  kind: "volume",
  volume: "",
  eenheid: "",
  frequentie: "",
  budget: "",
  resultaatgebieden: [],
  goalsText: "",
  verlengingen: "0",
  afstandKm: "",
});

/** "1.234,5" or "1234.5" → 1234.5; "" → null; anything else → NaN. */
function parseNumber(s: string): number | null {
  const t = s.trim().replace(/\s/g, "");
  if (!t) return null;
  const norm = t.includes(",") ? t.replace(/\./g, "").replace(",", ".") : t;
  return /^\d+(\.\d+)?$/.test(norm) ? Number(norm) : Number.NaN;
}

export const is004 = (p: ProductSummary | null) => p?.productenboekId.startsWith("004-") ?? false;
export const isVervoer = (p: ProductSummary | null) => p?.kind === "vervoer";

export type Proposal = { ok: true; value: ProposedProduct } | { ok: false; missing: string[]; invalid: RowErrors };

/** The row as the API's ProposedProduct, or the Dutch reasons it cannot be checked yet. */
export function proposedOf(r: Row): Proposal {
  const missing: string[] = [];
  const invalid: RowErrors = {};
  if (!r.product) missing.push("een product");
  if (!r.ingangsdatum) missing.push("de ingangsdatum");
  if (!r.einddatum) missing.push("de einddatum");
  const volume = r.kind === "volume" ? parseNumber(r.volume) : null;
  const budgetEuro = r.kind === "budget" ? parseNumber(r.budget) : null;
  const verlengingen = parseNumber(r.verlengingen || "0");
  const afstand = parseNumber(r.afstandKm);
  if (Number.isNaN(volume)) invalid.volume = "Vul het volume in als getal, bijvoorbeeld 4 of 2,5.";
  if (Number.isNaN(budgetEuro)) invalid.budget = "Vul het budget in euro's in, bijvoorbeeld 1250 of 1.250,50.";
  if (Number.isNaN(verlengingen) || (verlengingen !== null && !Number.isInteger(verlengingen)))
    invalid.verlengingen = "Vul een heel aantal verlengingen in (0, 1, …).";
  if (Number.isNaN(afstand)) invalid.afstandKm = "Vul de afstand in kilometers in, bijvoorbeeld 12 of 12,5.";
  if (missing.length || Object.keys(invalid).length || !r.product) return { ok: false, missing, invalid };
  const doelen = r.goalsText
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    ok: true,
    value: {
      productId: r.product.id,
      ingangsdatum: r.ingangsdatum,
      einddatum: r.einddatum,
      volume,
      eenheid: r.kind === "budget" ? "83" : r.eenheid || null,
      frequentie: r.kind === "budget" ? null : r.frequentie || null,
      budget: budgetEuro === null ? null : Math.round(budgetEuro * 100),
      resultaatgebieden: [...new Set(r.resultaatgebieden)],
      doelen: [...new Set(doelen)],
      verlengingen: verlengingen ?? 0,
      afstandKm: afstand,
    },
  };
}

/** The form's own checks before it is sent: field id → Dutch problem (row fields as `row-<key>.<field>`). */
export function validateGrant(input: {
  beschikkingnummer: string;
  afgiftedatum: string;
  rows: Row[];
  laws: number;
  needsMotivation: boolean;
  motivering: string;
}) {
  const found: Record<string, string> = {};
  if (!input.beschikkingnummer.trim()) found.nummer = "Vul het beschikkingnummer in.";
  if (!input.afgiftedatum) found.afgifte = "Vul de afgiftedatum in.";
  for (const r of input.rows) {
    if (!r.product) found[`row-${r.key}.product`] = "Kies een product.";
    if (!/^[0-9]{8}$/.test(r.aanbieder.trim())) found[`row-${r.key}.aanbieder`] = "Een AGB-code is 8 cijfers.";
    if (!r.ingangsdatum) found[`row-${r.key}.ingangsdatum`] = "Vul de ingangsdatum in.";
    if (!r.einddatum) found[`row-${r.key}.einddatum`] = "Vul de einddatum in.";
    else if (r.ingangsdatum && r.einddatum < r.ingangsdatum) found[`row-${r.key}.einddatum`] = "De einddatum ligt vóór de ingangsdatum.";
  }
  if (input.laws > 1) found.wet = "Alle producten van één beschikking vallen onder dezelfde wet; maak voor de andere wet een tweede beschikking.";
  if (input.needsMotivation && input.motivering.trim().length < 10) found.motivering = "Motiveer de afwijking in minstens 10 tekens.";
  return found;
}

const ROW_FIELD = /^row-(\d+)\.(.+)$/;

/** The problems of one row, out of the form's problems. */
export function rowErrorsOf(errors: Record<string, string>, r: Row): RowErrors {
  const out: RowErrors = {};
  for (const [k, v] of Object.entries(errors)) {
    const m = ROW_FIELD.exec(k);
    if (m && Number(m[1]) === r.key) out[m[2]!] = v;
  }
  return out;
}

/** The element id of a problem's field, so the focus can go there. */
export function fieldIdOf(key: string, uid: string): string {
  const ids: Record<string, string> = { nummer: `${uid}-nummer`, afgifte: `${uid}-afgifte`, motivering: `${uid}-motivering` };
  const m = ROW_FIELD.exec(key);
  const field: Record<string, string> = { product: "product", aanbieder: "agb", ingangsdatum: "ingang", einddatum: "eind" };
  return m ? `gp-${m[1]}-${field[m[2]!] ?? m[2]}` : (ids[key] ?? `${uid}-wet`);
}
