import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { budgetToXlsx } from "../../adapters/files/budget-export.ts";
import { locate, readDeclaratieFile } from "../../adapters/files/declaratie-files.ts";
import type { CareService } from "../../app/care.ts";
import { actorOf, badQuery, ctx } from "../request.ts";
import { sendProblems } from "../problem.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ClientQuery = z.object({ q: z.string().max(100).optional(), pagina: z.coerce.number().int().min(1).max(10_000).default(1) }).strict();
const StatusQuery = z.object({ status: z.string().max(30).optional() }).strict();
const BudgetQuery = z.object({ groep: z.string().max(20).optional(), peildatum: z.string().max(10).optional(), format: z.enum(["json", "xlsx"]).default("json") }).strict();
const Id = z.coerce.number().int().positive();

/**
 * The care chain over HTTP. toegang: its own gemeente's clients, beschikkingen and toewijzingen; aanbieder: its own
 * toewijzingen and declaraties; controller: read-only. Every route goes through the service, which asks the policy
 * and writes the access log.
 */
export const careRoutes = (svc: CareService) => async (app: FastifyInstance) => {
  app.addContentTypeParser("text/csv", { parseAs: "buffer", bodyLimit: 25 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get("/clienten", async (req, reply) => {
    const q = ClientQuery.safeParse(req.query);
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const r = await svc.clients(actorOf(req), { q: q.data.q, page: q.data.pagina }, ctx(req, "zorgketen: cliënten zoeken"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.post("/clienten", async (req, reply) => {
    const r = await svc.createClient(actorOf(req), req.body, ctx(req, "toegang: cliënt registreren"));
    return r.ok ? reply.code(201).send(r.value) : sendProblems(reply, r.problems, req.url);
  });

  app.get<{ Params: { id: string } }>("/clienten/:id", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, [{ code: "invalid-parameter", title: "Ongeldig cliëntnummer", detail: "een cliëntnummer is een positief geheel getal", path: "id" }], req.url);
    const r = await svc.clientOverview(actorOf(req), id.data, ctx(req, "zorgketen: cliëntoverzicht"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.post<{ Params: { id: string } }>("/clienten/:id/toets", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, [{ code: "invalid-parameter", title: "Ongeldig cliëntnummer", detail: "een cliëntnummer is een positief geheel getal", path: "id" }], req.url);
    const r = await svc.toetsVoorClient(actorOf(req), id.data, req.body, ctx(req, "toegang: beschikking toetsen"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.post("/beschikkingen/toets", async (req, reply) => {
    const r = await svc.toetsAs(actorOf(req), req.body, ctx(req, "toegang: beschikking toetsen"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.post("/beschikkingen", async (req, reply) => {
    const r = await svc.grant(actorOf(req), req.body, ctx(req, "toegang: beschikking afgeven"));
    return r.ok ? reply.code(201).send(r.value) : sendProblems(reply, r.problems, req.url);
  });

  app.get("/toewijzingen", async (req, reply) => {
    const q = StatusQuery.safeParse(req.query);
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const r = await svc.toewijzingen(actorOf(req), q.data, ctx(req, "zorgketen: toewijzingen"));
    return r.ok ? { items: r.value } : sendProblems(reply, r.problems, req.url);
  });

  app.get<{ Params: { gemeente: string; wet: string; nummer: string } }>("/toewijzingen/:gemeente/:wet/:nummer", async (req, reply) => {
    const r = await svc.history(actorOf(req), { gemeentecode: req.params.gemeente, wet: req.params.wet, toewijzingnummer: req.params.nummer }, ctx(req, "zorgketen: toewijzing en historie"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.post<{ Params: { gemeente: string; wet: string; nummer: string } }>("/toewijzingen/:gemeente/:wet/:nummer/gebeurtenissen", async (req, reply) => {
    const r = await svc.event(actorOf(req), { gemeentecode: req.params.gemeente, wet: req.params.wet, toewijzingnummer: req.params.nummer }, req.body, ctx(req, "zorgketen: start, stop of wijziging"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.get("/werklijst", async (req, reply) => {
    const r = await svc.worklist(actorOf(req), ctx(req, "zorgketen: werklijst termijnen"));
    return r.ok ? { items: r.value } : sendProblems(reply, r.problems, req.url);
  });

  app.get("/declaraties", async (req, reply) => {
    const r = await svc.declaraties(actorOf(req), ctx(req, "declaraties: overzicht"));
    return r.ok ? { items: r.value } : sendProblems(reply, r.problems, req.url);
  });

  /** One declaratie as JSON, or a CSV file (text/csv) with one or more; every declaratie gets its own answer. */
  app.post("/declaraties", { bodyLimit: 25 * 1024 * 1024 }, async (req, reply) => {
    const sources = Buffer.isBuffer(req.body)
      ? readDeclaratieFile(new Uint8Array(req.body), "upload.csv")
      : { ok: true as const, value: [{ file: "upload.json", raw: (req.body ?? {}) as Record<string, unknown>, lines: [] }] };
    if (!sources.ok) return sendProblems(reply, sources.problems, req.url);
    const antwoorden = [];
    for (const src of sources.value) {
      const r = await svc.submitDeclaratie(actorOf(req), src.raw, ctx(req, "declaraties: indienen en controleren"));
      if (!r.ok) return sendProblems(reply, locate(r.problems, src), req.url);
      antwoorden.push(r.value);
    }
    return reply.code(antwoorden.every((a) => a.herhaald) ? 200 : 201).send({ antwoorden });
  });

  app.get<{ Params: { agb: string; wet: string; nummer: string } }>("/declaraties/:agb/:wet/:nummer", async (req, reply) => {
    const r = await svc.declaratie(actorOf(req), { agbCode: req.params.agb, wet: req.params.wet, declaratienummer: req.params.nummer }, ctx(req, "declaraties: antwoord per prestatie"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.get("/budget", async (req, reply) => {
    const q = BudgetQuery.safeParse(req.query);
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const r = await svc.budget(actorOf(req), q.data, ctx(req, "budgetbewaking"));
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    if (q.data.format === "xlsx")
      return reply.type(XLSX).header("content-disposition", `attachment; filename="kader-budget-${r.value.groep}-${r.value.peildatum}.xlsx"`).send(await budgetToXlsx(r.value));
    return r.value;
  });
};

/** The care chain's paths for the OpenAPI document (src/api/openapi.ts). */
export function carePaths(problem: object, json: (d: string) => object, queryParameters: (s: z.ZodObject) => object[]): Record<string, object> {
  const secured = { security: [{ session: [] }] };
  const p = (name: string, pattern?: string) => ({ name, in: "path", required: true, schema: { type: "string", ...(pattern ? { pattern } : {}) } });
  const tw = [p("gemeente", "^[0-9]{4}$"), p("wet", "^(wmo|jeugdwet)$"), p("nummer", "^[0-9]{1,8}$")];
  const denied = { 401: problem, 403: problem };
  return {
    "/api/v1/clienten": {
      get: { summary: "Cliënten van de eigen gemeente, of met een toewijzing bij de eigen aanbieder", ...secured, parameters: queryParameters(ClientQuery), responses: { 200: json("{ total, items }"), 400: problem, ...denied } },
      post: { summary: "Cliënt registreren (toegang; BSN met elfproef)", ...secured, responses: { 201: json("cliënt"), 400: problem, ...denied, 422: problem } },
    },
    "/api/v1/clienten/{id}": { get: { summary: "Cliënt met beschikkingen en toewijzingen", ...secured, parameters: [p("id", "^[0-9]+$")], responses: { 200: json("{ client, beschikkingen, toewijzingen }"), ...denied, 404: problem } } },
    "/api/v1/clienten/{id}/toets": { post: { summary: "Toets een voorgestelde beschikking voor deze cliënt (leeftijd, lopende toewijzingen); slaat niets op", ...secured, parameters: [p("id", "^[0-9]+$")], responses: { 200: json("{ toegestaan, overrideMogelijk, bevindingen }"), 400: problem, ...denied } } },
    "/api/v1/beschikkingen/toets": { post: { summary: "Toets een voorgestelde beschikking aan de regels van het productenboek; slaat niets op", ...secured, responses: { 200: json("{ toegestaan, overrideMogelijk, bevindingen }"), 400: problem, ...denied } } },
    "/api/v1/beschikkingen": { post: { summary: "Beschikking afgeven (toegang): één toewijzing per product; fout weigert, oordeel alleen met onderbouwde afwijking", ...secured, responses: { 201: json("{ beschikking, toewijzingen, verdict }"), 400: problem, ...denied, 422: problem } } },
    "/api/v1/toewijzingen": { get: { summary: "Toewijzingen (eigen gemeente of eigen aanbieder)", ...secured, parameters: queryParameters(StatusQuery), responses: { 200: json("{ items }"), 400: problem, ...denied } } },
    "/api/v1/toewijzingen/{gemeente}/{wet}/{nummer}": { get: { summary: "Eén toewijzing met haar gebeurtenissen", ...secured, parameters: tw, responses: { 200: json("{ toewijzing, events }"), ...denied, 404: problem } } },
    "/api/v1/toewijzingen/{gemeente}/{wet}/{nummer}/gebeurtenissen": {
      post: { summary: "Start, tijdelijke stop, stop (aanbieder, toegang); wijzigen, intrekken, verwijderen (toegang): { event, datum, reden }", ...secured, parameters: tw, responses: { 200: json("toewijzing"), 400: problem, ...denied, 404: problem, 422: problem } },
    },
    "/api/v1/werklijst": { get: { summary: "Termijnen: start binnen 24 uur, plan, evaluatie, start/stop melden binnen 5 werkdagen", ...secured, responses: { 200: json("{ items }"), ...denied } } },
    "/api/v1/declaraties": {
      get: { summary: "Declaraties (eigen aanbieder of eigen gemeente)", ...secured, responses: { 200: json("{ items }"), ...denied } },
      post: {
        summary: "Declaratie indienen (aanbieder): JSON of text/csv; antwoord per prestatie met retourcodes; dezelfde declaratie opnieuw verandert niets",
        ...secured,
        responses: { 200: json("{ antwoorden } (herhaald)"), 201: json("{ antwoorden }"), 400: problem, ...denied },
      },
    },
    "/api/v1/declaraties/{agb}/{wet}/{nummer}": { get: { summary: "Eén declaratie met het antwoord per prestatie", ...secured, parameters: [p("agb", "^[0-9]{8}$"), p("wet", "^(wmo|jeugdwet)$"), p("nummer")], responses: { 200: json("{ declaratie, prestaties }"), ...denied, 404: problem } } },
    "/api/v1/budget": { get: { summary: "Budgetbewaking: toegekend, ingediend en betaald per groep en maand, prognose en signalen; ?format=xlsx", ...secured, parameters: queryParameters(BudgetQuery), responses: { 200: json("{ peildatum, groep, rows, maanden, signalen }"), 400: problem, ...denied } } },
  };
}
