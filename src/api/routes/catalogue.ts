import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { productsToCsv, productsToXlsx } from "../../adapters/files/export.ts";
import { type CatalogueService, parameterProblems } from "../../app/catalogue.ts";
import { AsOfQuery, CompareQuery, catalogueRoutes as spec, ExportQuery } from "../../contract/catalogue.ts";
import { toExportDocument } from "../../domain/catalogue/export-format.ts";
import type { Result } from "../../domain/shared/problem.ts";
import { mount, sent } from "../route.ts";

/**
 * The catalogue's query parameters are named by its own problems (`parameterProblems`: "Ongeldige parameter x", the
 * allowed values listed), which the CLI shares; so these routes parse their query here, with the contract's schema,
 * rather than in the wrapper. The contract still describes the query (OpenAPI, the typed client).
 */
const parse = <S extends z.ZodType>(schema: S, raw: unknown): Result<z.output<S>> => {
  const r = schema.safeParse(raw ?? {});
  return r.success ? { ok: true, value: r.data } : { ok: false, problems: parameterProblems(r.error) };
};

/** Public catalogue routes: productenboeken, products (search, detail, versions), compare and export. */
export const catalogueRoutes = (svc: CatalogueService) => async (app: FastifyInstance) => {
  mount(app, spec.listProductenboeken, async ({ req }) => {
    const q = parse(AsOfQuery, req.query);
    if (!q.ok) return q;
    const items = await svc.productenboeken(q.value.asOf);
    return { ok: true, value: { items: items.map(({ productIds, ...pb }) => ({ ...pb, productCount: productIds.length })), total: items.length } };
  });

  mount(app, spec.getProductenboek, async ({ params, req }) => {
    const q = parse(AsOfQuery, req.query);
    if (!q.ok) return q;
    const { asOf } = q.value;
    const pb = await svc.productenboek(params.id, asOf);
    if (!pb)
      return { ok: false, problems: [{ code: "not-found", title: "Productenboek niet gevonden", detail: `geen productenboek ${params.id}`, path: "id" }] };
    const products = await svc.search({ productenboek: pb.id, limit: 500, sort: "productenboek", ...(asOf ? { asOf } : {}) });
    return { ok: true, value: { ...pb, products: products.ok ? products.value.items : [] } };
  });

  // the hot path: the cached search result is written as the bytes it was serialised to once (no schema check here:
  // the check runs on Result answers; the same page through `svc.search` is checked by the contract tests)
  mount(app, spec.searchProducts, async ({ req, reply }) => {
    const r = await svc.searchJson(req.query as Record<string, unknown>);
    if (!r.ok) return r;
    return sent(reply.type("application/json; charset=utf-8").send(Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength)));
  });

  mount(app, spec.getProduct, async ({ params, req }) => {
    const q = parse(AsOfQuery, req.query);
    if (!q.ok) return q;
    const { asOf } = q.value;
    const d = await svc.product(params.id, asOf);
    if (!d)
      return {
        ok: false,
        problems: [{ code: "not-found", title: "Product niet gevonden", detail: `geen product ${params.id}${asOf ? ` op ${asOf}` : ""}`, path: "id" }],
      };
    return { ok: true, value: d };
  });

  mount(app, spec.listProductVersions, async ({ params }) => {
    const v = await svc.versions(params.id);
    if (v.length === 0)
      return { ok: false, problems: [{ code: "not-found", title: "Product niet gevonden", detail: `geen product ${params.id}`, path: "id" }] };
    return { ok: true, value: { id: params.id, versions: v } };
  });

  mount(app, spec.compareProducts, async ({ req }) => {
    const q = parse(CompareQuery, req.query);
    if (!q.ok) return q;
    const ids = q.value.ids
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    return svc.compare({ ids, code: q.value.code?.trim().toUpperCase(), kind: q.value.kind, asOf: q.value.asOf });
  });

  mount(app, spec.exportCatalogue, async ({ req, reply }) => {
    const q = parse(ExportQuery, req.query);
    if (!q.ok) return q;
    const { asOf, productenboeken, products } = await svc.all(q.value.asOf);
    if (q.value.format === "csv")
      return sent(
        reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="kader-producten.csv"').send(productsToCsv(products)),
      );
    if (q.value.format === "xlsx")
      return sent(
        reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", 'attachment; filename="kader-producten.xlsx"')
          .send(await productsToXlsx(products)),
      );
    return { ok: true, value: toExportDocument(asOf, productenboeken, products) };
  });
};
