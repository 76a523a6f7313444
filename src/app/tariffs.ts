import type { TariffDifference } from "../contract/tariffs.ts";
import type { Product } from "../domain/catalogue/product.ts";
import { prepare, tariff, type TariffResult } from "../domain/tariffs/model.ts";
import { type TariffLevel, TariffParameters } from "../domain/tariffs/parameters.ts";
import type { Problem, Result } from "../domain/shared/problem.ts";
import { explainZodIssue } from "../domain/shared/zod-dutch.ts";
import type { CatalogueService } from "./catalogue.ts";

/** Parameters from a file or a request, validated as a whole: every bad field named, nothing computed from half-valid input. */
export function parseParameters(raw: unknown, file?: string): Result<TariffParameters> {
  const r = TariffParameters.safeParse(raw, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    problems: r.error.issues.map(
      (i): Problem => ({
        code: "invalid-input",
        title: "Ongeldige tariefparameter",
        detail: explainZodIssue(i),
        path: i.path.join("."),
        ...(file ? { file } : {}),
      }),
    ),
  };
}

/** one product under two parameter sets: b − a in cents (`verschil`), null where a product has no tariff */
export type ScenarioRow = TariffDifference;

/** Tariffs for products of the catalogue: one product, a whole productenboek, two parameter sets, sensitivities. */
export class TariffService {
  constructor(private readonly catalogue: CatalogueService) {}

  private async products(productenboek: string): Promise<Result<Product[]>> {
    const { products } = await this.catalogue.all();
    const ps = products.filter((p) => p.productenboekId === productenboek);
    return ps.length
      ? { ok: true, value: ps }
      : {
          ok: false,
          problems: [{ code: "not-found", title: "Productenboek niet gevonden", detail: `geen productenboek ${productenboek}`, path: "productenboek" }],
        };
  }

  async calculate(productId: string, params: TariffParameters): Promise<Result<TariffResult>> {
    const { products } = await this.catalogue.all();
    const p = products.find((x) => x.id === productId);
    if (!p) return { ok: false, problems: [{ code: "not-found", title: "Product niet gevonden", detail: `geen product ${productId}`, path: "product" }] };
    return { ok: true, value: tariff(p, prepare(params)) };
  }

  async book(productenboek: string, params: TariffParameters): Promise<Result<{ products: Product[]; results: TariffResult[] }>> {
    const ps = await this.products(productenboek);
    if (!ps.ok) return ps;
    const prep = prepare(params);
    return { ok: true, value: { products: ps.value, results: ps.value.map((p) => tariff(p, prep)) } };
  }

  async scenario(productenboek: string, a: TariffParameters, b: TariffParameters): Promise<Result<ScenarioRow[]>> {
    const ps = await this.products(productenboek);
    if (!ps.ok) return ps;
    return { ok: true, value: compare(ps.value, a, b) };
  }

  /** The effect of one point more sickness, overhead or HBO share on every tariff. */
  async sensitivity(productenboek: string, params: TariffParameters): Promise<Result<{ variant: string; rows: ScenarioRow[] }[]>> {
    const ps = await this.products(productenboek);
    if (!ps.ok) return ps;
    return { ok: true, value: sensitivity(ps.value, params) };
  }
}

export interface ContractComparison {
  agbCode: string;
  aanbieder: string;
  gemeentecode: string;
  productId: string;
  contractTariff: number;
  computedTariff: number | null;
  /** contract − computed, in cents; null when the model cannot compute the product */
  verschil: number | null;
  onbekend: string[];
}

/** Agreed contract tariffs next to the model's tariffs for the same products. */
export function compareWithContracts(
  products: Product[],
  params: TariffParameters,
  providers: { agbCode: string; name: string; contracts: { productId: string; gemeentecode: string; tariffCents: number | null }[] }[],
): ContractComparison[] {
  const prep = prepare(params);
  const byId = new Map(products.map((p) => [p.id, p]));
  const out: ContractComparison[] = [];
  for (const pr of providers)
    for (const c of pr.contracts) {
      const p = byId.get(c.productId);
      if (!p || c.tariffCents === null) continue;
      const t = tariff(p, prep, false);
      out.push({
        agbCode: pr.agbCode,
        aanbieder: pr.name,
        gemeentecode: c.gemeentecode,
        productId: c.productId,
        contractTariff: c.tariffCents,
        computedTariff: t.ok ? t.tariefPerEenheid : null,
        verschil: t.ok ? c.tariffCents - t.tariefPerEenheid : null,
        onbekend: t.ok ? [] : t.onbekend,
      });
    }
  return out;
}

export function compare(products: Product[], a: TariffParameters, b: TariffParameters): ScenarioRow[] {
  const pa = prepare(a);
  const pb = prepare(b);
  return products.map((p) => {
    const ra = tariff(p, pa, false);
    const rb = tariff(p, pb, false);
    const va = ra.ok ? ra.tariefPerEenheid : null;
    const vb = rb.ok ? rb.tariefPerEenheid : null;
    return { productId: p.id, a: va, b: vb, verschil: va !== null && vb !== null ? vb - va : null };
  });
}

export function sensitivity(products: Product[], params: TariffParameters): { variant: string; rows: ScenarioRow[] }[] {
  const plus = (v: number) => Math.min(1, v + 0.01);
  const npTotal = Object.values(params.nietProductief).reduce((a, b) => a + b, 0);
  // one point more sickness must leave productive hours: when it cannot, that variant is not computed (null)
  const sickness: TariffParameters | null =
    npTotal + 0.01 < 1 ? { ...params, nietProductief: { ...params.nietProductief, ziekte: (params.nietProductief.ziekte ?? 0) + 0.01 } } : null;
  const overhead: TariffParameters = { ...params, overhead: plus(params.overhead) };
  // one point of HBO more, taken from the lowest level in each product's mix
  const hbo = (p: Product): TariffParameters => {
    const r = tariff(p, prepare(params), false);
    if (!r.ok) return params;
    const mix = { ...r.mix };
    const lowest = (["mbo2", "mbo3", "mbo4", "wo"] as TariffLevel[]).find((l) => (mix[l] ?? 0) >= 0.01 && l !== "wo");
    if (!lowest) return params;
    mix[lowest] = Math.round(((mix[lowest] ?? 0) - 0.01) * 1e9) / 1e9;
    mix.hbo = Math.round(((mix.hbo ?? 0) + 0.01) * 1e9) / 1e9;
    return { ...params, mix: { ...params.mix, [p.id]: mix } };
  };
  return [
    {
      variant: "ziekteverzuim +1 procentpunt",
      rows: sickness ? compare(products, params, sickness) : products.map((p) => ({ productId: p.id, a: null, b: null, verschil: null })),
    },
    { variant: "overhead +1 procentpunt", rows: compare(products, params, overhead) },
    { variant: "HBO-aandeel +1 procentpunt", rows: products.map((p) => compare([p], params, hbo(p))[0]!) },
  ];
}
