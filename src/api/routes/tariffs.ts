import type { FastifyInstance } from "fastify";
import { tariffWorkbook } from "../../adapters/files/tariff-workbook.ts";
import { parseParameters, type TariffService } from "../../app/tariffs.ts";
import { sendProblems } from "../problem.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Tariff calculations on public catalogue data with the caller's parameters (nothing is stored; no personal data):
 * POST bodies carry `parameters` (docs/tariefmodel.md).
 */
export const tariffRoutes = (svc: TariffService) => async (app: FastifyInstance) => {
  const opts = { bodyLimit: 256 * 1024 };

  app.post<{ Body: { productId?: unknown; parameters?: unknown } }>("/tarieven/bereken", opts, async (req, reply) => {
    const params = parseParameters(req.body?.parameters);
    if (!params.ok) return sendProblems(reply, params.problems, req.url);
    if (typeof req.body?.productId !== "string")
      return sendProblems(reply, [{ code: "invalid-input", title: "Product ontbreekt", detail: "geef productId", path: "productId" }], req.url);
    const r = await svc.calculate(req.body.productId, params.value);
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.post<{ Params: { id: string }; Querystring: { format?: string }; Body: { parameters?: unknown } }>(
    "/tarieven/productenboeken/:id",
    opts,
    async (req, reply) => {
      const params = parseParameters(req.body?.parameters);
      if (!params.ok) return sendProblems(reply, params.problems, req.url);
      const r = await svc.book(req.params.id, params.value);
      if (!r.ok) return sendProblems(reply, r.problems, req.url);
      if (req.query.format === "xlsx")
        return reply
          .type(XLSX)
          .header("content-disposition", `attachment; filename="kader-tarieven-${req.params.id}.xlsx"`)
          .send(await tariffWorkbook(r.value.products, params.value, r.value.results));
      return { productenboek: req.params.id, results: r.value.results };
    },
  );

  app.post<{ Params: { id: string }; Body: { a?: unknown; b?: unknown } }>("/tarieven/productenboeken/:id/scenario", opts, async (req, reply) => {
    const a = parseParameters(req.body?.a);
    const b = parseParameters(req.body?.b);
    const problems = [
      ...(a.ok ? [] : a.problems.map((p) => ({ ...p, path: `a.${p.path}` }))),
      ...(b.ok ? [] : b.problems.map((p) => ({ ...p, path: `b.${p.path}` }))),
    ];
    if (!a.ok || !b.ok) return sendProblems(reply, problems, req.url);
    const r = await svc.scenario(req.params.id, a.value, b.value);
    return r.ok ? { rows: r.value } : sendProblems(reply, r.problems, req.url);
  });

  app.post<{ Params: { id: string }; Body: { parameters?: unknown } }>("/tarieven/productenboeken/:id/gevoeligheid", opts, async (req, reply) => {
    const params = parseParameters(req.body?.parameters);
    if (!params.ok) return sendProblems(reply, params.problems, req.url);
    const r = await svc.sensitivity(req.params.id, params.value);
    return r.ok ? { variants: r.value } : sendProblems(reply, r.problems, req.url);
  });
};
