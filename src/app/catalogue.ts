import type { z } from "zod";
import { type Comparison, type ProductDetail, ProductSearchParams, type SearchPage } from "../contract/catalogue.ts";
import { compareProducts } from "../domain/catalogue/compare.ts";
import type { Product, Productenboek } from "../domain/catalogue/product.ts";
import { summarize } from "../domain/catalogue/summary.ts";
import { explain } from "../domain/rules/explain.ts";
import { isIsoDate } from "../domain/shared/date.ts";
import type { Problem, Result } from "../domain/shared/problem.ts";
import { excerpt, listCapped } from "../domain/shared/zod-dutch.ts";
import type { CatalogueRepository, Clock, ProductQuery, VersionInfo } from "./ports.ts";

export { ProductSearchParams };

/** Turns zod issues on parameters into problems that name the parameter. */
export function parameterProblems(error: z.ZodError): Problem[] {
  return error.issues.map((i) => {
    const name = i.code === "unrecognized_keys" ? listCapped(i.keys) : excerpt(String(i.path[0] ?? ""));
    let detail = i.message;
    if (i.code === "unrecognized_keys") detail = `onbekende parameter${i.keys.length > 1 ? "s" : ""}: ${name}`;
    else if (i.code === "invalid_value") detail = `ongeldige waarde; toegestaan: ${i.values.map(String).join(", ")}`;
    else if (i.code === "invalid_type") detail = `ongeldige waarde (verwacht ${i.expected === "number" ? "een getal" : i.expected})`;
    return {
      code: "invalid-parameter" as const,
      title: `Ongeldige parameter ${name}`,
      detail,
      path: i.code === "unrecognized_keys" ? excerpt(i.keys[0] ?? "") : name,
    };
  });
}

export type { ProductDetail, SearchPage };

/** Read side of the catalogue, with a cache that a load invalidates (the catalogue changes rarely, is read often). */
export class CatalogueService {
  private cache = new Map<string, unknown>();
  constructor(
    private readonly repo: CatalogueRepository,
    private readonly clock: Clock,
    private readonly cacheSize = 2000,
  ) {}

  invalidate(): void {
    this.cache.clear();
  }

  private async cached<T>(key: string, f: () => Promise<T>): Promise<T> {
    if (this.cacheSize === 0) return f();
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const v = await f();
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, v);
    return v;
  }

  async productenboeken(asOf?: string): Promise<Productenboek[]> {
    const d = asOf ?? this.clock.today();
    return this.cached(`pbs|${d}`, () => this.repo.productenboeken(d));
  }

  async productenboek(id: string, asOf?: string): Promise<Productenboek | null> {
    const d = asOf ?? this.clock.today();
    return this.cached(`pb|${id}|${d}`, () => this.repo.productenboek(id, d));
  }

  /**
   * The search result serialized once and kept as bytes: the hot path of the API writes the cached buffer as it is,
   * without serializing or encoding per request.
   */
  async searchJson(raw: Record<string, unknown>): Promise<Result<Uint8Array>> {
    const parsed = this.toQuery(raw);
    if (!parsed.ok) return parsed;
    const q = parsed.value;
    const value = await this.cached(`search-json|${JSON.stringify(q)}`, async () => new TextEncoder().encode(JSON.stringify(await this.runSearch(q))));
    return { ok: true, value };
  }

  async search(raw: Record<string, unknown>): Promise<Result<SearchPage>> {
    const parsed = this.toQuery(raw);
    if (!parsed.ok) return parsed;
    const q = parsed.value;
    return { ok: true, value: await this.cached(`search|${JSON.stringify(q)}`, () => this.runSearch(q)) };
  }

  private async runSearch(q: ProductQuery): Promise<SearchPage> {
    const r = await this.repo.searchProducts(q);
    return { items: r.items.map(summarize), total: r.total, limit: q.limit, offset: q.offset };
  }

  private toQuery(raw: Record<string, unknown>): Result<ProductQuery> {
    const parsed = ProductSearchParams.safeParse(raw);
    if (!parsed.success) return { ok: false, problems: parameterProblems(parsed.error) };
    const p = parsed.data;
    const q: ProductQuery = {
      asOf: p.asOf ?? this.clock.today(),
      q: p.q,
      law: p.law,
      unit: p.unit,
      productcategorie: p.productcategorie,
      code: p.code,
      productenboek: p.productenboek,
      kind: p.kind,
      sort: p.sort ?? (p.q ? "relevance" : "productenboek"),
      limit: p.limit,
      offset: p.offset,
    };
    return { ok: true, value: q };
  }

  async product(id: string, asOf?: string): Promise<ProductDetail | null> {
    const d = asOf ?? this.clock.today();
    return this.cached(`product|${id}|${d}`, async () => {
      const r = await this.repo.product(id, d);
      if (!r) return null;
      const sib = await this.repo.productsByIds(r.product.siblings, d);
      return {
        product: r.product,
        summary: summarize(r.product),
        version: r.version,
        validFrom: r.validFrom,
        validTo: r.validTo,
        requirements: r.product.requirements.map((q) => ({ topic: q.topic, text: explain(q.rule), asWritten: q.asWritten, line: q.line })),
        siblings: sib.map((s) => ({ id: s.id, law: s.law, productcode: s.productcode })),
      };
    });
  }

  async versions(id: string): Promise<VersionInfo[]> {
    return this.repo.productVersions(id);
  }

  /** Side by side: by explicit ids, by product code across productenboeken, or by kind. */
  async compare(params: { ids?: string[]; code?: string; kind?: string; asOf?: string }): Promise<Result<Comparison>> {
    const d = params.asOf ?? this.clock.today();
    if (params.asOf !== undefined && !isIsoDate(params.asOf))
      return {
        ok: false,
        problems: [{ code: "invalid-parameter", title: "Ongeldige parameter asOf", detail: "geen geldige datum (JJJJ-MM-DD)", path: "asOf" }],
      };
    const given = [params.ids?.length ? "ids" : null, params.code ? "code" : null, params.kind ? "kind" : null].filter(Boolean);
    if (given.length !== 1)
      return {
        ok: false,
        problems: [
          { code: "invalid-parameter", title: "Geef precies één van ids, code of kind", detail: `gegeven: ${given.join(", ") || "geen"}`, path: "ids" },
        ],
      };
    let products: Product[];
    if (params.ids?.length) {
      if (params.ids.length < 2 || params.ids.length > 10)
        return { ok: false, problems: [{ code: "invalid-parameter", title: "Ongeldige parameter ids", detail: "vergelijk 2 tot 10 producten", path: "ids" }] };
      products = await this.repo.productsByIds(params.ids, d);
      const missing = params.ids.filter((id) => !products.some((p) => p.id === id));
      if (missing.length)
        return {
          ok: false,
          problems: missing.map((id) => ({ code: "not-found" as const, title: "Product niet gevonden", detail: `geen product ${id} op ${d}`, path: "ids" })),
        };
    } else {
      const key = params.code ? { code: params.code } : { kind: params.kind };
      const r = await this.search({ ...key, asOf: d, limit: 500, sort: "productenboek" });
      if (!r.ok) return r;
      if (r.value.items.length === 0)
        return {
          ok: false,
          problems: [
            {
              code: "not-found",
              title: "Geen producten gevonden",
              detail: `geen producten met ${params.code ? `code ${params.code}` : `soort ${params.kind}`}`,
              path: params.code ? "code" : "kind",
            },
          ],
        };
      products = await this.repo.productsByIds(
        r.value.items.map((i) => i.id),
        d,
      );
    }
    // domain/catalogue/compare.ts types a product's law as a string; it is the product's law (wmo or jeugdwet)
    return { ok: true, value: compareProducts(products) as Comparison };
  }

  /** Every product in force, for export. */
  async all(asOf?: string): Promise<{ asOf: string; productenboeken: Productenboek[]; products: Product[] }> {
    const d = asOf ?? this.clock.today();
    const pbs = await this.productenboeken(d);
    const products = await this.repo.productsByIds(
      pbs.flatMap((pb) => pb.productIds),
      d,
    );
    return { asOf: d, productenboeken: pbs, products };
  }
}
