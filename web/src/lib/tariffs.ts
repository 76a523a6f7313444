import { useSyncExternalStore } from "react";
import { ApiError } from "./api.ts";
import { levelLabel } from "./labels.ts";
import type { ProblemDocument, TariffLevel, TariffParameters, TariffResult, TariffUnit } from "./types.ts";

/**
 * The tariff screens' parameters: the example set, the form the user edits (euros and percentages as typed, Dutch
 * decimal comma), and the conversion to what the API takes (whole cents, fractions). The form is kept for the browser
 * tab, so the calculator and the productenboek page compute with the same figures.
 */

export const tariffLevels: TariffLevel[] = ["mbo2", "mbo3", "mbo4", "hbo", "wo"];
export const tariffUnits: TariffUnit[] = ["01", "04", "16"];
/** the unit as a noun: "€ 33,06 per dagdeel" */
export const tariffUnitNoun: Record<TariffUnit, string> = { "01": "minuut", "04": "uur", "16": "dagdeel" };

/**
 * VOORBEELD: the values of tarieven/voorbeeld-2026.yaml. Not CAO figures and not agreed tariffs: replace them with
 * the figures of your own cost study. The browser test checks that they match the file.
 */
export const EXAMPLE_PARAMETERS: TariffParameters = {
  naam: "voorbeeld 2026 (geen cao-cijfers)",
  peiljaar: 2026,
  salarissen: {
    mbo2: { maandsalaris: 280000 },
    mbo3: { maandsalaris: 310000 },
    mbo4: { maandsalaris: 345000 },
    hbo: { maandsalaris: 410000 },
    wo: { maandsalaris: 495000 },
  },
  vakantiegeld: 0.08,
  eindejaarsuitkering: 0.0833,
  werkgeverslasten: 0.25,
  ort: 0.05,
  contracturenPerJaar: 1878,
  nietProductief: { verlof: 0.12, ziekte: 0.06, scholing: 0.02, overleg: 0.05, reistijd: 0.05 },
  overhead: 0.15,
  kapitaallasten: 0,
  leegstand: 0,
  risico: 0.02,
  indexatie: 0,
  dagdeelUren: 4,
  eenheden: {},
  mix: {},
};

export const percentFields = [
  "vakantiegeld",
  "eindejaarsuitkering",
  "werkgeverslasten",
  "ort",
  "overhead",
  "kapitaallasten",
  "leegstand",
  "risico",
  "indexatie",
] as const;
export type PercentField = (typeof percentFields)[number];

/** What the user edits: text as typed. */
export interface TariffForm {
  naam: string;
  peiljaar: string;
  /** euros per month; empty: no salary for that level */
  salarissen: Record<TariffLevel, string>;
  percent: Record<PercentField, string>;
  contracturenPerJaar: string;
  dagdeelUren: string;
  /** percentages per component, in the order shown */
  nietProductief: { naam: string; percentage: string }[];
  /** per product id */
  eenheden: Record<string, TariffUnit | "">;
  /** per product id: percentages per level */
  mix: Record<string, Partial<Record<TariffLevel, string>>>;
}

/** "8,33" for 8.33: a plain number with a decimal comma, no grouping (easy to edit). */
export const plain = (n: number) => String(Number(n.toPrecision(12))).replace(".", ",");

export function formOf(p: TariffParameters): TariffForm {
  const salaris = (l: TariffLevel) => {
    const c = p.salarissen[l]?.maandsalaris;
    return c === undefined ? "" : (c / 100).toFixed(2).replace(".", ",");
  };
  return {
    naam: p.naam ?? "",
    peiljaar: String(p.peiljaar),
    salarissen: Object.fromEntries(tariffLevels.map((l) => [l, salaris(l)])) as Record<TariffLevel, string>,
    percent: Object.fromEntries(percentFields.map((k) => [k, plain(p[k] * 100)])) as Record<PercentField, string>,
    contracturenPerJaar: plain(p.contracturenPerJaar),
    dagdeelUren: plain(p.dagdeelUren),
    nietProductief: Object.entries(p.nietProductief).map(([naam, v]) => ({ naam, percentage: plain(v * 100) })),
    eenheden: { ...p.eenheden },
    mix: Object.fromEntries(Object.entries(p.mix).map(([id, m]) => [id, Object.fromEntries(Object.entries(m).map(([l, v]) => [l, plain((v ?? 0) * 100)]))])),
  };
}

/**
 * A number as a Dutch user types it: "2.800,50", "2800,5", "8,33", "15", "0.15" (a point with no comma is a decimal
 * point unless it groups thousands, as in "1.878"). Undefined for an empty field, NaN for anything else.
 */
export function parseNumber(s: string): number | undefined {
  const t = s
    .trim()
    .replace(/[\s\u00a0]/g, "")
    .replace(/%$/, "")
    .replace(/^€/, "")
    .replace(/^−/, "-");
  if (!t) return undefined;
  let n = t;
  if (t.includes(",")) n = t.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) n = t.replace(/\./g, "");
  return /^-?\d+(\.\d+)?$/.test(n) ? Number(n) : Number.NaN;
}

/** 15 (%) → 0.15, without binary noise (8.33 → 0.0833, not 0.08330000000000001). */
const fraction = (percentage: number) => Number((percentage / 100).toPrecision(12));

/** A problem found before sending: the same `path` the API would use, so fields are marked the same way. */
export interface FieldProblem {
  path: string;
  detail: string;
}

export const percentLabel: Record<PercentField, string> = {
  vakantiegeld: "Vakantiegeld",
  eindejaarsuitkering: "Eindejaarsuitkering",
  werkgeverslasten: "Werkgeverslasten",
  ort: "Onregelmatigheidstoeslag (ort)",
  overhead: "Overhead",
  kapitaallasten: "Kapitaallasten",
  leegstand: "Leegstand",
  risico: "Risico",
  indexatie: "Indexatie",
};

/** The form as API parameters, or every field that is not a number (nothing is sent from half-valid input). */
export function parametersOf(f: TariffForm): { ok: true; value: TariffParameters } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const num = (path: string, text: string, what: string, example: string): number => {
    const v = parseNumber(text);
    if (v === undefined) problems.push({ path, detail: `vul ${what} in` });
    else if (Number.isNaN(v)) problems.push({ path, detail: `"${text.trim()}" is geen getal; schrijf bijvoorbeeld ${example}` });
    return v ?? Number.NaN;
  };
  const salarissen: TariffParameters["salarissen"] = {};
  for (const l of tariffLevels) {
    const text = f.salarissen[l];
    if (!text.trim()) continue;
    const euros = num(`salarissen.${l}.maandsalaris`, text, `het maandsalaris ${levelLabel(l)}`, "3450,00");
    salarissen[l] = { maandsalaris: Math.round(euros * 100) };
  }
  const percent = Object.fromEntries(
    percentFields.map((k) => [k, fraction(num(k, f.percent[k], `het percentage ${percentLabel[k].toLowerCase()}`, "15 of 8,33"))]),
  ) as Record<PercentField, number>;
  const nietProductief: Record<string, number> = {};
  for (const r of f.nietProductief) nietProductief[r.naam] = fraction(num(`nietProductief.${r.naam}`, r.percentage, `het percentage ${r.naam}`, "6 of 2,5"));
  const eenheden: TariffParameters["eenheden"] = {};
  for (const [id, u] of Object.entries(f.eenheden)) if (u) eenheden[id] = u;
  const mix: TariffParameters["mix"] = {};
  for (const [id, m] of Object.entries(f.mix)) {
    const given = tariffLevels.filter((l) => m[l]?.trim());
    if (given.length === 0) continue;
    const shares: Partial<Record<TariffLevel, number>> = {};
    for (const l of given) shares[l] = fraction(num(`mix.${id}.${l}`, m[l] ?? "", `het aandeel ${levelLabel(l)}`, "80"));
    mix[id] = shares;
  }
  const value: TariffParameters = {
    ...(f.naam.trim() ? { naam: f.naam.trim() } : {}),
    peiljaar: num("peiljaar", f.peiljaar, "het peiljaar", "2026"),
    salarissen,
    ...percent,
    contracturenPerJaar: num("contracturenPerJaar", f.contracturenPerJaar, "de contracturen per jaar", "1878"),
    nietProductief,
    dagdeelUren: num("dagdeelUren", f.dagdeelUren, "de uren per dagdeel", "4"),
    eenheden,
    mix,
  };
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

/** Problems the form finds itself (a field that is not a number), as an error like the API's 400. */
export function formProblems(problems: FieldProblem[]): ApiError {
  const doc: ProblemDocument = {
    title: "Controleer de parameters",
    status: 400,
    detail: problems.map((p) => p.detail).join("; "),
    problems: problems.map((p) => ({ code: "invalid-input", title: "Ongeldige invoer", detail: p.detail, path: p.path })),
  };
  return new ApiError(400, doc);
}

// the form for this browser tab

const KEY = "kader.tariefparameters";
const listeners = new Set<() => void>();
let current: TariffForm = read();

function read(): TariffForm {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as TariffForm | null;
    if (v && typeof v === "object" && v.salarissen && v.percent && Array.isArray(v.nietProductief) && v.eenheden && v.mix) return v;
  } catch {
    // nothing stored, or not readable: start from the example
  }
  return formOf(EXAMPLE_PARAMETERS);
}

export const tariffForm = {
  get: () => current,
  set(next: TariffForm | ((f: TariffForm) => TariffForm)) {
    current = typeof next === "function" ? next(current) : next;
    try {
      sessionStorage.setItem(KEY, JSON.stringify(current));
    } catch {
      // storage may be unavailable (private mode): the figures then last until reload
    }
    for (const l of listeners) l();
  },
  reset() {
    tariffForm.set(formOf(EXAMPLE_PARAMETERS));
  },
};

export function useTariffForm(): TariffForm {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/** True while the form still holds the example figures (the page then says so). */
export function isExample(f: TariffForm): boolean {
  return JSON.stringify({ ...f, eenheden: {}, mix: {} }) === JSON.stringify(formOf(EXAMPLE_PARAMETERS));
}

// what the API says is missing ("onbekend")

export type Missing =
  | { kind: "eenheid"; productId: string; reason: string; text: string }
  | { kind: "mix"; productId: string; reason: string; text: string }
  | { kind: "salaris"; level: TariffLevel; text: string }
  | { kind: "model"; unit: string; productId: string; reason: string; text: string }
  | { kind: "other"; text: string };

export function parseMissing(text: string): Missing {
  let m = /^eenheden\.(\S+) \((.*)\)$/.exec(text);
  if (m) return { kind: "eenheid", productId: m[1]!, reason: m[2]!, text };
  m = /^mix\.(\S+) \((.*)\)$/.exec(text);
  if (m) return { kind: "mix", productId: m[1]!, reason: m[2]!, text };
  m = /^salarissen\.(mbo2|mbo3|mbo4|hbo|wo)\.maandsalaris$/.exec(text);
  if (m) return { kind: "salaris", level: m[1] as TariffLevel, text };
  m = /^model voor eenheid (\S+) van (\S+) \((.*)\)$/.exec(text);
  if (m) return { kind: "model", unit: m[1]!, productId: m[2]!, reason: m[3]!, text };
  return { kind: "other", text };
}

// formatting

const money = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const exact = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 0, maximumFractionDigits: 6 });

/** 3306 → "€ 33,06" (a no-break space after the sign). */
export const euroCents = (cents: number) => `€\u00a0${money.format(cents / 100)}`;
/** "53.716346" → "€ 53,72" (for display; the exact figure is shown beside it). */
export const euroDecimal = (d: string | number) => `€\u00a0${money.format(Number(d))}`;
/** "1314.600000" → "1.314,6" */
export const decimalNl = (d: string | number) => exact.format(Number(d));
/** 0.8 → "80%" */
export const percentNl = (f: number) => `${exact.format(Number((f * 100).toPrecision(12)))}%`;
/** A change in cents with its sign: "+48 cent", "−3 cent", "0 cent". */
export const centsDelta = (c: number) => `${c > 0 ? "+" : c < 0 ? "−" : ""}${Math.abs(c)} cent`;

/** "MBO-4 80%, MBO-3 20%" */
export function mixText(mix: Partial<Record<TariffLevel, number>>): string {
  return tariffLevels
    .filter((l) => mix[l] !== undefined)
    .map((l) => `${levelLabel(l)} ${percentNl(mix[l] ?? 0)}`)
    .join(", ");
}

export type OkResult = Extract<TariffResult, { ok: true }>;

/** The cost elements with the words of the law (art. 5.4 Uitvoeringsbesluit Wmo 2015; art. 2.3 Besluit Jeugdwet). */
export const legalElement: Record<string, { wmo: string; jeugdwet: string }> = {
  beroepskracht: { wmo: "kosten van de beroepskracht (loon en werkgeverslasten)", jeugdwet: "cliëntgebonden personeelskosten" },
  "niet-productieve uren": { wmo: "niet-productieve uren", jeugdwet: "niet-cliëntgebonden personeelskosten" },
  overhead: { wmo: "overheadkosten", jeugdwet: "overheadkosten" },
  "kapitaallasten, leegstand en risico": { wmo: "overige kosten", jeugdwet: "overige kosten" },
  indexatie: { wmo: "indexatie", jeugdwet: "indexatie" },
  groepsgrootte: { wmo: "kosten van de beroepskracht per cliënt", jeugdwet: "cliëntgebonden personeelskosten per cliënt" },
  eenheid: { wmo: "tarief per eenheid", jeugdwet: "tarief per eenheid" },
};
