import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { readConversionPlans } from "../../adapters/files/conversion-plan-file.ts";
import { proefrunToXlsx, readUitvraagXlsx, UITVRAAG_MAX_BYTES, uitvraagToXlsx } from "../../adapters/files/conversion-workbook.ts";
import type { ConversionService } from "../../app/conversion.ts";
import { explainZodIssue } from "../../domain/shared/zod-dutch.ts";
import { actorOf, ctx } from "../request.ts";
import { sendProblems } from "../problem.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const Id = z.coerce.number().int().positive();
const badId = (what: string) => [
  { code: "invalid-parameter" as const, title: `Ongeldig ${what}`, detail: `een ${what} is een positief geheel getal`, path: "id" },
];
const Start = z
  .object({
    plan: z.string().regex(/^[a-z0-9-]+$/),
    gemeente: z
      .string()
      .regex(/^[0-9]{4}$/)
      .optional(),
  })
  .strict();
const UitvraagQuery = z
  .object({
    aanbieder: z
      .string()
      .regex(/^[0-9]{8}$/, "een AGB-code is 8 cijfers")
      .optional(),
  })
  .strict();
const RunQuery = z.object({ format: z.enum(["json", "xlsx"]).default("json") }).strict();
const signIn = [{ code: "unauthorized" as const, title: "Aanmelden is nodig", detail: "meld u aan om conversies te zien" }];

/**
 * Conversion of running toewijzingen (docs/conversie.md): plans, the uitvraag workbook per aanbieder (an aanbieder
 * downloads its own and uploads its answers), answer status, dry runs (JSON or Excel), approval and execution.
 */
export const conversionRoutes = (svc: ConversionService, planDir: string) => async (app: FastifyInstance) => {
  app.addContentTypeParser(XLSX, { parseAs: "buffer", bodyLimit: UITVRAAG_MAX_BYTES }, (_req, body, done) => done(null, body));

  app.get("/conversieplannen", async (req, reply) => {
    if (!req.principal) return sendProblems(reply, signIn, req.url);
    const r = await readConversionPlans(planDir);
    return r.ok ? { plannen: r.value } : sendProblems(reply, r.problems, req.url);
  });

  app.get("/conversies", async (req, reply) => {
    const r = await svc.conversies(actorOf(req), undefined, ctx(req, "conversies inzien"));
    return r.ok ? { conversies: r.value } : sendProblems(reply, r.problems, req.url);
  });

  app.post("/conversies", async (req, reply) => {
    const b = Start.safeParse(req.body ?? {});
    if (!b.success)
      return sendProblems(
        reply,
        b.error.issues.map((i) => ({ code: "invalid-input" as const, title: "Ongeldige conversie", detail: explainZodIssue(i), path: i.path.join(".") })),
        req.url,
      );
    const t = req.principal?.tenant;
    if (!req.principal) return sendProblems(reply, signIn, req.url);
    if (t?.kind === "aanbieder")
      return sendProblems(reply, [{ code: "forbidden", title: "Geen toegang", detail: "een conversie wordt door de gemeente gestart" }], req.url);
    const gemeente = t?.kind === "gemeente" ? t.gemeentecode : b.data.gemeente;
    if (!gemeente)
      return sendProblems(reply, [{ code: "invalid-input", title: "Gemeente ontbreekt", detail: "geef de gemeentecode", path: "gemeente" }], req.url);
    const plans = await readConversionPlans(planDir);
    if (!plans.ok) return sendProblems(reply, plans.problems, req.url);
    const plan = plans.value.find((p) => p.id === b.data.plan);
    if (!plan) return sendProblems(reply, [{ code: "not-found", title: "Niet gevonden", detail: `geen conversieplan ${b.data.plan}` }], req.url);
    const r = await svc.start(actorOf(req), plan, gemeente, ctx(req, "conversie starten"));
    return r.ok ? reply.code(201).send(r.value) : sendProblems(reply, r.problems, req.url);
  });

  app.get<{ Params: { id: string } }>("/conversies/:id", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, badId("conversienummer"), req.url);
    const r = await svc.conversie(actorOf(req), id.data, ctx(req, "conversie inzien"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.get<{ Params: { id: string } }>("/conversies/:id/status", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, badId("conversienummer"), req.url);
    const r = await svc.status(actorOf(req), id.data, ctx(req, "antwoordstatus inzien"));
    return r.ok ? { aanbieders: r.value } : sendProblems(reply, r.problems, req.url);
  });

  app.get<{ Params: { id: string } }>("/conversies/:id/uitvraag", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, badId("conversienummer"), req.url);
    const q = UitvraagQuery.safeParse(req.query);
    if (!q.success)
      return sendProblems(
        reply,
        q.error.issues.map((i) => ({
          code: "invalid-parameter" as const,
          title: "Ongeldige parameter",
          detail: explainZodIssue(i),
          path: String(i.path[0] ?? ""),
        })),
        req.url,
      );
    const own = req.principal?.tenant?.kind === "aanbieder" ? req.principal.tenant.agbCode : undefined;
    const agb = q.data.aanbieder ?? own;
    if (!agb)
      return sendProblems(
        reply,
        [{ code: "invalid-parameter", title: "Aanbieder ontbreekt", detail: "geef ?aanbieder=<AGB-code>", path: "aanbieder" }],
        req.url,
      );
    const r = await svc.uitvraag(actorOf(req), id.data, agb, ctx(req, "uitvraag ophalen"));
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    const u = r.value[0]!;
    return reply
      .header("content-type", XLSX)
      .header("content-disposition", `attachment; filename="uitvraag_${u.planId}_${u.gemeentecode}_${u.agbCode}.xlsx"`)
      .header("x-content-type-options", "nosniff")
      .send(await uitvraagToXlsx(u));
  });

  app.post<{ Params: { id: string } }>("/conversies/:id/antwoorden", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, badId("conversienummer"), req.url);
    if (!Buffer.isBuffer(req.body) || !req.body.length)
      return sendProblems(reply, [{ code: "invalid-input", title: "Geen werkmap", detail: `stuur de ingevulde werkmap als ${XLSX}` }], req.url);
    const read = await readUitvraagXlsx(new Uint8Array(req.body), "upload.xlsx");
    if (!read.ok) return sendProblems(reply, read.problems, req.url);
    if (read.value.conversieId !== id.data)
      return sendProblems(
        reply,
        [{ code: "invalid-input", title: "Andere conversie", detail: `deze werkmap hoort bij conversie ${read.value.conversieId}` }],
        req.url,
      );
    const r = await svc.importeer(
      actorOf(req),
      { conversieId: id.data, agbCode: read.value.agbCode, bestandsnaam: "upload.xlsx", rijen: read.value.rijen },
      ctx(req, "antwoorden uitvraag"),
    );
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.post<{ Params: { id: string } }>("/conversies/:id/proefruns", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, badId("conversienummer"), req.url);
    const r = await svc.proefrun(actorOf(req), id.data, ctx(req, "proefrun"));
    return r.ok ? reply.code(201).send(r.value) : sendProblems(reply, r.problems, req.url);
  });

  app.get<{ Params: { id: string } }>("/conversies/:id/runs", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, badId("conversienummer"), req.url);
    const r = await svc.runs(actorOf(req), id.data, ctx(req, "runs inzien"));
    return r.ok ? { runs: r.value } : sendProblems(reply, r.problems, req.url);
  });

  app.get<{ Params: { id: string } }>("/conversie-runs/:id", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, badId("runnummer"), req.url);
    const q = RunQuery.safeParse(req.query);
    if (!q.success)
      return sendProblems(reply, [{ code: "invalid-parameter", title: "Ongeldige parameter format", detail: "json of xlsx", path: "format" }], req.url);
    const r = await svc.run(actorOf(req), id.data, ctx(req, "run inzien"));
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    if (q.data.format === "xlsx")
      return reply
        .header("content-type", XLSX)
        .header("content-disposition", `attachment; filename="proefrun-${id.data}.xlsx"`)
        .send(await proefrunToXlsx(r.value.inhoud.uitkomsten ?? []));
    return r.value;
  });

  app.post<{ Params: { id: string } }>("/conversie-runs/:id/goedkeuring", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, badId("runnummer"), req.url);
    const r = await svc.keurGoed(actorOf(req), id.data, ctx(req, "proefrun goedkeuren"));
    return r.ok ? reply.code(201).send(r.value) : sendProblems(reply, r.problems, req.url);
  });

  app.post<{ Params: { id: string } }>("/conversies/:id/uitvoering", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, badId("conversienummer"), req.url);
    const r = await svc.uitvoeren(actorOf(req), id.data, ctx(req, "conversie uitvoeren"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.get<{ Params: { id: string } }>("/conversies/:id/koppelingen", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, badId("conversienummer"), req.url);
    const r = await svc.koppelingen(actorOf(req), id.data, ctx(req, "koppelingen inzien"));
    return r.ok ? { koppelingen: r.value } : sendProblems(reply, r.problems, req.url);
  });
};

/** The conversion endpoints for the OpenAPI document (spread into its paths by src/api/openapi.ts). */
export function conversionPaths(problem: object, json: (d: string) => object, queryParameters: (s: z.ZodObject) => object[]): Record<string, object> {
  const secured = { security: [{ session: [] }] };
  const id = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[0-9]+$" } };
  const xlsx = { description: "Excel-werkmap", content: { [XLSX]: { schema: { type: "string", format: "binary" } } } };
  const r = (summary: string, ok: object, extra: object = {}) => ({
    summary,
    ...secured,
    ...extra,
    responses: { ...ok, 400: problem, 401: problem, 403: problem, 404: problem },
  });
  return {
    "/api/v1/conversieplannen": { get: r("Conversieplannen (catalog/conversies)", { 200: json("{ plannen }") }) },
    "/api/v1/conversies": {
      get: r("Conversies: de eigen gemeente, of voor een aanbieder alle (alleen plan en gemeente)", { 200: json("{ conversies }") }),
      post: r(
        "Een conversie starten of bijwerken voor de eigen gemeente (contractmanager, toegang)",
        { 201: json("conversie"), 409: problem },
        {
          requestBody: {
            content: {
              "application/json": { schema: { type: "object", properties: { plan: { type: "string" }, gemeente: { type: "string" } }, required: ["plan"] } },
            },
          },
        },
      ),
    },
    "/api/v1/conversies/{id}": { get: r("Eén conversie met haar plan", { 200: json("conversie") }, { parameters: [id] }) },
    "/api/v1/conversies/{id}/status": { get: r("Antwoordstatus per aanbieder, met herinneringen", { 200: json("{ aanbieders }") }, { parameters: [id] }) },
    "/api/v1/conversies/{id}/uitvraag": {
      get: r("De uitvraag-werkmap van een aanbieder (een aanbieder: de eigen)", { 200: xlsx }, { parameters: [id, ...queryParameters(UitvraagQuery)] }),
    },
    "/api/v1/conversies/{id}/antwoorden": {
      post: r(
        "Een ingevulde uitvraag-werkmap aanleveren; een werkmap met een fout verandert niets",
        { 200: json("{ opgeslagen, leeg }") },
        { parameters: [id], requestBody: { content: { [XLSX]: { schema: { type: "string", format: "binary" } } } } },
      ),
    },
    "/api/v1/conversies/{id}/proefruns": {
      post: r(
        "Proefrun: per toewijzing het voorstel, de reden en de signalen (bewaard)",
        { 201: json("{ runId, uitkomsten, totalen }") },
        { parameters: [id] },
      ),
    },
    "/api/v1/conversies/{id}/runs": { get: r("Proefruns, goedkeuringen en uitvoeringen", { 200: json("{ runs }") }, { parameters: [id] }) },
    "/api/v1/conversie-runs/{id}": {
      get: r("Eén run; een proefrun ook als Excel (format=xlsx)", { 200: json("run") }, { parameters: [id, ...queryParameters(RunQuery)] }),
    },
    "/api/v1/conversie-runs/{id}/goedkeuring": {
      post: r("Een proefrun goedkeuren (contractmanager, toegang)", { 201: json("{ runId }"), 409: problem }, { parameters: [id] }),
    },
    "/api/v1/conversies/{id}/uitvoering": {
      post: r(
        "De goedgekeurde proefrun uitvoeren: oude toewijzingen beëindigd (reden 10), nieuwe toegewezen, 301-berichten; per cliënt één transactie, herhaalbaar",
        { 200: json("verslag") },
        { parameters: [id] },
      ),
    },
    "/api/v1/conversies/{id}/koppelingen": { get: r("Oude → nieuwe ToewijzingNummers", { 200: json("{ koppelingen }") }, { parameters: [id] }) },
  };
}
