import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type CatalogueService, parameterProblems } from "../../app/catalogue.ts";
import { toExportDocument } from "../../domain/catalogue/export-format.ts";
import { isIsoDate } from "../../domain/shared/date.ts";
import { productsToCsv, productsToXlsx } from "../../adapters/files/export.ts";
import { sendProblems } from "../problem.ts";

const AsOfOnly = z.object({ asOf: z.string().refine(isIsoDate, "geen geldige datum (JJJJ-MM-DD)").optional() }).strict();
const CompareParams = z
  .object({
    ids: z.string().optional(),
    code: z.string().optional(),
    kind: z.string().optional(),
    asOf: z.string().optional(),
  })
  .strict();
const ExportParams = z
  .object({
    format: z.enum(["json", "csv", "xlsx"]).default("json"),
    asOf: z.string().refine(isIsoDate, "geen geldige datum (JJJJ-MM-DD)").optional(),
  })
  .strict();

type Req = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, unknown> }>;

function parse<S extends z.ZodType>(schema: S, req: Req, reply: FastifyReply): z.output<S> | null {
  const r = schema.safeParse(req.query);
  if (r.success) return r.data;
  void sendProblems(reply, parameterProblems(r.error), req.url);
  return null;
}

/** Public catalogue routes: productenboeken, products (search, detail, versions), compare and export. */
export const catalogueRoutes = (svc: CatalogueService) => async (app: FastifyInstance) => {
  app.get("/productenboeken", async (req: Req, reply) => {
    const q = parse(AsOfOnly, req, reply);
    if (!q) return reply;
    const items = await svc.productenboeken(q.asOf);
    return { items: items.map(({ productIds, ...pb }) => ({ ...pb, productCount: productIds.length })), total: items.length };
  });

  app.get("/productenboeken/:id", async (req: Req, reply) => {
    const q = parse(AsOfOnly, req, reply);
    if (!q) return reply;
    const pb = await svc.productenboek(req.params.id, q.asOf);
    if (!pb)
      return sendProblems(
        reply,
        [{ code: "not-found", title: "Productenboek niet gevonden", detail: `geen productenboek ${req.params.id}`, path: "id" }],
        req.url,
      );
    const products = await svc.search({ productenboek: pb.id, limit: 500, sort: "productenboek", ...(q.asOf ? { asOf: q.asOf } : {}) });
    return { ...pb, products: products.ok ? products.value.items : [] };
  });

  app.get("/products", async (req: Req, reply) => {
    const r = await svc.searchJson(req.query);
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    return reply.type("application/json; charset=utf-8").send(Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength));
  });

  app.get("/products/:id", async (req: Req, reply) => {
    const q = parse(AsOfOnly, req, reply);
    if (!q) return reply;
    const d = await svc.product(req.params.id, q.asOf);
    if (!d)
      return sendProblems(
        reply,
        [{ code: "not-found", title: "Product niet gevonden", detail: `geen product ${req.params.id}${q.asOf ? ` op ${q.asOf}` : ""}`, path: "id" }],
        req.url,
      );
    return d;
  });

  app.get("/products/:id/versions", async (req: Req, reply) => {
    const v = await svc.versions(req.params.id);
    if (v.length === 0)
      return sendProblems(reply, [{ code: "not-found", title: "Product niet gevonden", detail: `geen product ${req.params.id}`, path: "id" }], req.url);
    return { id: req.params.id, versions: v };
  });

  app.get("/compare", async (req: Req, reply) => {
    const q = parse(CompareParams, req, reply);
    if (!q) return reply;
    const ids = q.ids
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const r = await svc.compare({ ids, code: q.code?.trim().toUpperCase(), kind: q.kind, asOf: q.asOf });
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    return r.value;
  });

  app.get("/export", async (req: Req, reply) => {
    const q = parse(ExportParams, req, reply);
    if (!q) return reply;
    const { asOf, productenboeken, products } = await svc.all(q.asOf);
    if (q.format === "csv")
      return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="kader-producten.csv"').send(productsToCsv(products));
    if (q.format === "xlsx")
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", 'attachment; filename="kader-producten.xlsx"')
        .send(await productsToXlsx(products));
    return toExportDocument(asOf, productenboeken, products);
  });
};
