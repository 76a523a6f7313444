import type { FastifyInstance } from "fastify";
import { tariffWorkbook } from "../../adapters/files/tariff-workbook.ts";
import { parseParameters, type TariffService } from "../../app/tariffs.ts";
import { tariffsRoutes as spec } from "../../contract/tariffs.ts";
import { mount, sent } from "../route.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const opts = { bodyLimit: 256 * 1024 };

/** The body as it arrived: the parameters are checked as a whole by `parseParameters` (every bad field named). */
const fields = (body: unknown) => (body ?? {}) as Record<string, unknown>;

/**
 * Tariff calculations on public catalogue data with the caller's parameters (nothing is stored; no personal data):
 * POST bodies carry `parameters` (docs/tariefmodel.md).
 */
export const tariffRoutes = (svc: TariffService) => async (app: FastifyInstance) => {
  mount(
    app,
    spec.calculateTariff,
    async ({ body }) => {
      const b = fields(body);
      const params = parseParameters(b.parameters);
      if (!params.ok) return params;
      if (typeof b.productId !== "string")
        return { ok: false, problems: [{ code: "invalid-input", title: "Product ontbreekt", detail: "geef productId", path: "productId" }] };
      return svc.calculate(b.productId, params.value);
    },
    opts,
  );

  mount(
    app,
    spec.calculateProductenboekTariffs,
    async ({ params: { id }, query, body, reply }) => {
      const params = parseParameters(fields(body).parameters);
      if (!params.ok) return params;
      const r = await svc.book(id, params.value);
      if (!r.ok) return r;
      if (query.format === "xlsx")
        return sent(
          reply
            .type(XLSX)
            .header("content-disposition", `attachment; filename="kader-tarieven-${id}.xlsx"`)
            .send(await tariffWorkbook(r.value.products, params.value, r.value.results)),
        );
      return { ok: true, value: { productenboek: id, results: r.value.results } };
    },
    opts,
  );

  mount(
    app,
    spec.compareTariffScenarios,
    async ({ params: { id }, body }) => {
      const a = parseParameters(fields(body).a);
      const b = parseParameters(fields(body).b);
      if (!a.ok || !b.ok)
        return {
          ok: false,
          problems: [
            ...(a.ok ? [] : a.problems.map((p) => ({ ...p, path: `a.${p.path}` }))),
            ...(b.ok ? [] : b.problems.map((p) => ({ ...p, path: `b.${p.path}` }))),
          ],
        };
      const r = await svc.scenario(id, a.value, b.value);
      return r.ok ? { ok: true, value: { rows: r.value } } : r;
    },
    opts,
  );

  mount(
    app,
    spec.tariffSensitivity,
    async ({ params: { id }, body }) => {
      const params = parseParameters(fields(body).parameters);
      if (!params.ok) return params;
      const r = await svc.sensitivity(id, params.value);
      return r.ok ? { ok: true, value: { variants: r.value } } : r;
    },
    opts,
  );
};
