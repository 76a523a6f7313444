import { Decimal } from "decimal.js";
import type { Product } from "../catalogue/product.ts";
import { isTariffEenheid, type TariffEenheid } from "../codes/eenheid.ts";
import { summarize } from "../catalogue/summary.ts";
import type { Level } from "../rules/rule.ts";
import type { TariffLevel, TariffParameters } from "./parameters.ts";

/** Exact decimal arithmetic for money: 40 significant digits, no binary floating point. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

export type CostElement =
  | "beroepskracht"
  | "niet-productieve uren"
  | "overhead"
  | "kapitaallasten, leegstand en risico"
  | "indexatie"
  | "groepsgrootte"
  | "eenheid";

/** The cost elements the law names: Wmo (art. 5.4 Uitvoeringsbesluit Wmo 2015) and Jeugd (Besluit Jeugdwet art. 2.3). */
export const legalElement: Record<CostElement, { wmo: string; jeugdwet: string }> = {
  beroepskracht: { wmo: "kosten van de beroepskracht (loon en werkgeverslasten)", jeugdwet: "cliëntgebonden personeelskosten" },
  "niet-productieve uren": { wmo: "niet-productieve uren (verlof, ziekte, scholing, overleg, reistijd)", jeugdwet: "niet-cliëntgebonden personeelskosten" },
  overhead: { wmo: "overheadkosten", jeugdwet: "overheadkosten" },
  "kapitaallasten, leegstand en risico": { wmo: "overige kosten (kapitaallasten, leegstand, risico)", jeugdwet: "overige kosten" },
  indexatie: { wmo: "indexatie", jeugdwet: "indexatie" },
  groepsgrootte: { wmo: "kosten van de beroepskracht per cliënt", jeugdwet: "cliëntgebonden personeelskosten per cliënt" },
  eenheid: { wmo: "tarief per eenheid", jeugdwet: "tarief per eenheid" },
};

export interface Step {
  naam: string;
  /** a decimal string, exact */
  waarde: string;
  formule: string;
  kostenpost: CostElement;
}

export type TariffResult =
  | {
      ok: true;
      productId: string;
      eenheid: TariffEenheid;
      /** the tariff per unit in whole cents, rounded half up once, at the end */
      tariefPerEenheid: number;
      uurtarief: string;
      mix: Partial<Record<TariffLevel, number>>;
      mixSource: string;
      stappen: Step[];
    }
  | { ok: false; productId: string; onbekend: string[] };

/** Catalogue levels mapped to salary levels: mbo1 is paid as mbo2, hbo5 (Associate degree) as hbo. */
const salaryLevel: Record<Level, TariffLevel> = { mbo1: "mbo2", mbo2: "mbo2", mbo3: "mbo3", mbo4: "mbo4", hbo5: "hbo", hbo: "hbo", wo: "wo" };

/** What a tariff needs from a product's description, projected once per product (products are immutable data). */
interface ProductInfo {
  summary: ReturnType<typeof summarize>;
  mix: ReturnType<typeof mixFromDescription>;
}
const infoCache = new WeakMap<Product, ProductInfo>();
function infoOf(product: Product): ProductInfo {
  let info = infoCache.get(product);
  if (!info) {
    const summary = summarize(product);
    info = { summary, mix: mixFromDescription(product, summary) };
    infoCache.set(product, info);
  }
  return info;
}

/** The function mix a tariff is built on, and where it comes from; or what is missing. */
export function mixFor(product: Product, params: TariffParameters): { mix: Partial<Record<TariffLevel, number>>; source: string } | { missing: string } {
  const given = params.mix[product.id];
  if (given) return { mix: given, source: "parameters (mix voor dit product)" };
  return infoOf(product).mix;
}

function mixFromDescription(
  product: Product,
  summary: ReturnType<typeof summarize>,
): { mix: Partial<Record<TariffLevel, number>>; source: string } | { missing: string } {
  const s = summary.staffing;
  if (s?.functionMix) {
    const mix: Partial<Record<TariffLevel, number>> = {};
    for (const [l, share] of Object.entries(s.functionMix)) mix[salaryLevel[l as Level]] = (mix[salaryLevel[l as Level]] ?? 0) + (share ?? 0);
    const total = Object.values(mix).reduce((a, b) => a + (b ?? 0), 0);
    if (Math.abs(total - 1) < 1e-9) return { mix, source: "functiemix uit de productbeschrijving" };
  }
  if (s && s.minShareAtOrAbove.length === 1 && s.restAtLeast) {
    const m = s.minShareAtOrAbove[0]!;
    const hi = salaryLevel[m.level];
    const lo = salaryLevel[s.restAtLeast];
    const mix: Partial<Record<TariffLevel, number>> = { [hi]: m.share };
    mix[lo] = (mix[lo] ?? 0) + (1 - m.share);
    return { mix, source: `minimaal ${Math.round(m.share * 100)}% ${m.level}, de rest ${s.restAtLeast} (productbeschrijving)` };
  }
  return {
    missing: s?.allowedLevels
      ? `mix.${product.id} (de productbeschrijving noemt alleen toegestane niveaus: ${s.allowedLevels.join(", ")})`
      : `mix.${product.id} (de productbeschrijving noemt geen opleidingseisen)`,
  };
}

/** Figures that depend on the parameter set only: computed once per set, reused for every product. */
export interface Prepared {
  params: TariffParameters;
  jaarloon: Partial<Record<TariffLevel, { zonderOrt: Dec; metOrt: Dec }>>;
  productieveUren: Dec;
  opslag: Dec;
  nietProductief: Dec;
  factor: { overhead: Dec; kapitaal: Dec; risico: Dec; indexatie: Dec; dagdeelUren: Dec };
  /** hourly tariffs already computed for this parameter set, by mix and 24/7 */
  uurtarieven: Map<string, Dec>;
}

export function prepare(params: TariffParameters): Prepared {
  const jaarloon: Prepared["jaarloon"] = {};
  for (const [level, s] of Object.entries(params.salarissen) as [TariffLevel, { maandsalaris: number }][]) {
    const base = new D(s.maandsalaris)
      .div(100)
      .mul(12)
      .mul(new D(1).plus(params.vakantiegeld).plus(params.eindejaarsuitkering))
      .mul(new D(1).plus(params.werkgeverslasten));
    jaarloon[level] = { zonderOrt: base, metOrt: base.mul(new D(1).plus(params.ort)) };
  }
  const nietProductief = Object.values(params.nietProductief).reduce((a, b) => a.plus(b), new D(0));
  return {
    params,
    jaarloon,
    nietProductief,
    productieveUren: new D(params.contracturenPerJaar).mul(new D(1).minus(nietProductief)),
    uurtarieven: new Map(),
    factor: {
      overhead: new D(1).plus(params.overhead),
      kapitaal: new D(1).plus(params.kapitaallasten).plus(params.leegstand),
      risico: new D(1).plus(params.risico),
      indexatie: new D(1).plus(params.indexatie),
      dagdeelUren: new D(params.dagdeelUren),
    },
    opslag: new D(1)
      .plus(params.overhead)
      .mul(new D(1).plus(params.kapitaallasten).plus(params.leegstand))
      .mul(new D(1).plus(params.risico))
      .mul(new D(1).plus(params.indexatie)),
  };
}

const euro = (d: Dec) => d.toFixed(6);

/**
 * The default tariff model (docs/tariefmodel.md), exactly: every intermediate figure is a step, only the final tariff
 * per unit is rounded (to whole cents, half up).
 */
export function tariff(product: Product, prep: Prepared, withSteps = true): TariffResult {
  const missing: string[] = [];
  const p = prep.params;
  const unit = product.unit.code ?? p.eenheden[product.id] ?? null;
  if (!isTariffEenheid(unit))
    missing.push(
      unit === null
        ? `eenheden.${product.id} (de productbeschrijving noemt geen eenheid)`
        : `model voor eenheid ${unit} van ${product.id} (alleen minuut, uur en dagdeel zitten in het standaardmodel)`,
    );
  const m = mixFor(product, p);
  if ("missing" in m) missing.push(m.missing);
  const mix = "mix" in m ? m.mix : {};
  for (const level of Object.keys(mix) as TariffLevel[]) if (!prep.jaarloon[level]) missing.push(`salarissen.${level}.maandsalaris`);
  if (missing.length) return { ok: false, productId: product.id, onbekend: missing };

  const s = infoOf(product).summary;
  const met247 = s.available24x7;
  const steps: Step[] = [];
  // formulas are text for people: built only when the breakdown is asked for
  const step = (naam: string, waarde: Dec, formule: () => string, kostenpost: CostElement) => {
    if (withSteps) steps.push({ naam, waarde: euro(waarde), formule: formule(), kostenpost });
    return waarde;
  };
  const f = prep.factor;
  const hourly = (): Dec => {
    let loonkosten = new D(0);
    for (const [level, share] of Object.entries(mix) as [TariffLevel, number][]) {
      const jl = met247 ? prep.jaarloon[level]!.metOrt : prep.jaarloon[level]!.zonderOrt;
      step(
        `jaarloon ${level}`,
        jl,
        () => `maandsalaris × 12 × (1 + vakantiegeld + eindejaarsuitkering) × (1 + werkgeverslasten)${met247 ? " × (1 + ort)" : ""}`,
        "beroepskracht",
      );
      loonkosten = loonkosten.plus(jl.mul(share));
    }
    step(
      "gewogen jaarloon (mix)",
      loonkosten,
      () =>
        `Σ mix × jaarloon (${Object.entries(mix)
          .map(([l, v]) => `${l} ${v}`)
          .join(", ")})`,
      "beroepskracht",
    );
    step("productieve uren per jaar", prep.productieveUren, () => `contracturenPerJaar × (1 − ${euro(prep.nietProductief)})`, "niet-productieve uren");
    const uurkosten = step("uurkosten", loonkosten.div(prep.productieveUren), () => "gewogen jaarloon / productieve uren", "niet-productieve uren");
    const metOverhead = step("met overhead", uurkosten.mul(f.overhead), () => "uurkosten × (1 + overhead)", "overhead");
    const metKosten = step(
      "met kapitaallasten, leegstand en risico",
      metOverhead.mul(f.kapitaal).mul(f.risico),
      () => "× (1 + kapitaallasten + leegstand) × (1 + risico)",
      "kapitaallasten, leegstand en risico",
    );
    return step("uurtarief", metKosten.mul(f.indexatie), () => "× (1 + indexatie)", "indexatie");
  };
  // the hourly tariff depends only on the mix and 24/7: products that share both share the figure
  const key = withSteps
    ? null
    : `${met247 ? 1 : 0}|${Object.entries(mix)
        .map(([l, v]) => `${l}${v}`)
        .join(",")}`;
  let uurtarief = key === null ? undefined : prep.uurtarieven.get(key);
  if (!uurtarief) {
    uurtarief = hourly();
    if (key !== null) prep.uurtarieven.set(key, uurtarief);
  }
  let perClientUur = uurtarief;
  const group = s.groupSize;
  if (group)
    perClientUur = step(
      "per cliënturen",
      uurtarief.div(group.clientsPerStaff),
      () => `uurtarief / ${group.clientsPerStaff} cliënten per begeleider`,
      "groepsgrootte",
    );
  const perEenheid = unit === "01" ? perClientUur.div(60) : unit === "16" ? perClientUur.mul(f.dagdeelUren) : perClientUur;
  const formule = unit === "01" ? "per cliënturen / 60 (minuut)" : unit === "16" ? `per cliënturen × ${p.dagdeelUren} (dagdeel)` : "per cliënturen (uur)";
  step("tarief per eenheid (onafgerond)", perEenheid, () => formule, "eenheid");
  const cents = perEenheid.mul(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  if (withSteps) step("tarief per eenheid", cents.div(100), () => "afgerond op hele centen (half naar boven)", "eenheid");
  return {
    ok: true,
    productId: product.id,
    eenheid: unit as TariffEenheid,
    tariefPerEenheid: cents.toNumber(),
    uurtarief: uurtarief.toFixed(6),
    mix,
    mixSource: "mix" in m ? m.source : "",
    stappen: steps,
  };
}
