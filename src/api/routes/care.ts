import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { budgetToXlsx } from "../../adapters/files/budget-export.ts";
import { jsonSources, locate, readDeclaratieFile } from "../../adapters/files/declaratie-files.ts";
import { type CareService, looksLikeBsn } from "../../app/care.ts";
import { actorOf, badQuery, ctx } from "../request.ts";
import { sendProblems } from "../problem.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ClientQuery = z.object({ q: z.string().max(100).optional(), pagina: z.coerce.number().int().min(1).max(10_000).default(1) }).strict();
/** POST /clienten/zoeken: the search in the body, so a BSN never ends up in a URL (and so in no proxy or server log). */
const ClientSearch = z.object({ q: z.string().max(100).optional(), pagina: z.number().int().min(1).max(10_000).default(1) }).strict();
/** At most this many declaraties in one file or body (one transaction). */
const MAX_DECLARATIES = 5000;
const bsnInUrl = {
  code: "invalid-parameter" as const,
  title: "Zoeken op BSN kan niet via de URL",
  detail: 'een BSN hoort niet in een URL (die komt in logbestanden terecht); zoek met POST /api/v1/clienten/zoeken en { "q": … } in de body',
  path: "q",
};
const StatusQuery = z.object({ status: z.string().max(30).optional() }).strict();
const BudgetQuery = z
  .object({ groep: z.string().max(20).optional(), peildatum: z.string().max(10).optional(), format: z.enum(["json", "xlsx"]).default("json") })
  .strict();
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
    // the instance is the path only: the query may hold the very number that must not be repeated
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.routeOptions.url);
    if (q.data.q !== undefined && looksLikeBsn(q.data.q)) return sendProblems(reply, [bsnInUrl], req.routeOptions.url);
    const r = await svc.clients(actorOf(req), { q: q.data.q, page: q.data.pagina }, ctx(req, "zorgketen: cliënten zoeken"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.routeOptions.url);
  });

  app.post("/clienten/zoeken", async (req, reply) => {
    const q = ClientSearch.safeParse(req.body ?? {});
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
    if (!id.success)
      return sendProblems(
        reply,
        [{ code: "invalid-parameter", title: "Ongeldig cliëntnummer", detail: "een cliëntnummer is een positief geheel getal", path: "id" }],
        req.url,
      );
    const r = await svc.clientOverview(actorOf(req), id.data, ctx(req, "zorgketen: cliëntoverzicht"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.post<{ Params: { id: string } }>("/clienten/:id/toets", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success)
      return sendProblems(
        reply,
        [{ code: "invalid-parameter", title: "Ongeldig cliëntnummer", detail: "een cliëntnummer is een positief geheel getal", path: "id" }],
        req.url,
      );
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
    const r = await svc.history(
      actorOf(req),
      { gemeentecode: req.params.gemeente, wet: req.params.wet, toewijzingnummer: req.params.nummer },
      ctx(req, "zorgketen: toewijzing en historie"),
    );
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.post<{ Params: { gemeente: string; wet: string; nummer: string } }>("/toewijzingen/:gemeente/:wet/:nummer/gebeurtenissen", async (req, reply) => {
    const r = await svc.event(
      actorOf(req),
      { gemeentecode: req.params.gemeente, wet: req.params.wet, toewijzingnummer: req.params.nummer },
      req.body,
      ctx(req, "zorgketen: start, stop of wijziging"),
    );
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

  /**
   * One declaratie or a list as JSON, or a CSV file (text/csv) with one or more: all or nothing. Every declaratie gets
   * its own answer; any error (another aanbieder's declaratie, an invalid value) stores none of them and lists every
   * error with its row and column.
   */
  app.post("/declaraties", { bodyLimit: 25 * 1024 * 1024 }, async (req, reply) => {
    const sources = Buffer.isBuffer(req.body)
      ? readDeclaratieFile(new Uint8Array(req.body), "upload.csv")
      : { ok: true as const, value: jsonSources(req.body ?? {}, "upload.json") };
    if (!sources.ok) return sendProblems(reply, sources.problems, req.url);
    const list = sources.value;
    if (list.length > MAX_DECLARATIES)
      return sendProblems(
        reply,
        [
          {
            code: "payload-too-large",
            title: "Te veel declaraties",
            detail: `lever hoogstens ${MAX_DECLARATIES} declaraties in één bestand aan (dit bestand: ${list.length})`,
          },
        ],
        req.url,
      );
    const r = await svc.submitDeclaraties(
      actorOf(req),
      list.map((s) => s.raw),
      ctx(req, "declaraties: indienen en controleren"),
      {
        locate: (problems, i) => locate(problems, list[i]!, { several: list.length > 1 }),
        readProblems: list.flatMap((s) => s.problems ?? []),
      },
    );
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    return reply.code(r.value.every((a) => a.herhaald) ? 200 : 201).send({ antwoorden: r.value });
  });

  app.get<{ Params: { agb: string; wet: string; nummer: string } }>("/declaraties/:agb/:wet/:nummer", async (req, reply) => {
    const r = await svc.declaratie(
      actorOf(req),
      { agbCode: req.params.agb, wet: req.params.wet, declaratienummer: req.params.nummer },
      ctx(req, "declaraties: antwoord per prestatie"),
    );
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.get("/budget", async (req, reply) => {
    const q = BudgetQuery.safeParse(req.query);
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const r = await svc.budget(actorOf(req), q.data, ctx(req, "budgetbewaking"));
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    if (q.data.format === "xlsx")
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="kader-budget-${r.value.groep}-${r.value.peildatum}.xlsx"`)
        .send(await budgetToXlsx(r.value));
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
      get: {
        summary: "Cliënten van de eigen gemeente, of met een toewijzing bij de eigen aanbieder",
        ...secured,
        parameters: queryParameters(ClientQuery),
        responses: { 200: json("{ total, items }"), 400: problem, ...denied },
      },
      post: {
        summary: "Cliënt registreren (toegang; BSN met elfproef)",
        ...secured,
        responses: { 201: json("cliënt"), 400: problem, ...denied, 422: problem },
      },
    },
    "/api/v1/clienten/zoeken": {
      post: {
        summary:
          "Cliënten zoeken op naam of BSN, met de zoekopdracht in de body ({ q, pagina }): een BSN hoort niet in een URL (GET /clienten weigert een q met 8 of meer cijfers)",
        ...secured,
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                additionalProperties: false,
                properties: { q: { type: "string", maxLength: 100 }, pagina: { type: "integer", minimum: 1, maximum: 10000, default: 1 } },
              },
            },
          },
        },
        responses: { 200: json("{ total, items }"), 400: problem, ...denied },
      },
    },
    "/api/v1/clienten/{id}": {
      get: {
        summary: "Cliënt met beschikkingen en toewijzingen (een cliënt van een andere gemeente of aanbieder: 404, als een onbekende)",
        ...secured,
        parameters: [p("id", "^[0-9]+$")],
        responses: { 200: json("{ client, beschikkingen, toewijzingen }"), ...denied, 404: problem },
      },
    },
    "/api/v1/clienten/{id}/toets": {
      post: {
        summary: "Toets een voorgestelde beschikking voor deze cliënt (leeftijd, lopende toewijzingen); slaat niets op",
        ...secured,
        parameters: [p("id", "^[0-9]+$")],
        responses: { 200: json("{ toegestaan, overrideMogelijk, bevindingen }"), 400: problem, ...denied },
      },
    },
    "/api/v1/beschikkingen/toets": {
      post: {
        summary: "Toets een voorgestelde beschikking aan de regels van het productenboek; slaat niets op",
        ...secured,
        responses: { 200: json("{ toegestaan, overrideMogelijk, bevindingen }"), 400: problem, ...denied },
      },
    },
    "/api/v1/beschikkingen": {
      post: {
        summary: "Beschikking afgeven (toegang): één toewijzing per product; fout weigert, oordeel alleen met onderbouwde afwijking",
        ...secured,
        responses: { 201: json("{ beschikking, toewijzingen, verdict }"), 400: problem, ...denied, 422: problem },
      },
    },
    "/api/v1/toewijzingen": {
      get: {
        summary: "Toewijzingen (eigen gemeente of eigen aanbieder)",
        ...secured,
        parameters: queryParameters(StatusQuery),
        responses: { 200: json("{ items }"), 400: problem, ...denied },
      },
    },
    "/api/v1/toewijzingen/{gemeente}/{wet}/{nummer}": {
      get: {
        summary: "Eén toewijzing met haar gebeurtenissen",
        ...secured,
        parameters: tw,
        responses: { 200: json("{ toewijzing, events }"), ...denied, 404: problem },
      },
    },
    "/api/v1/toewijzingen/{gemeente}/{wet}/{nummer}/gebeurtenissen": {
      post: {
        summary: "Start, tijdelijke stop, stop (aanbieder, toegang); wijzigen, intrekken, verwijderen (toegang): { event, datum, reden }",
        ...secured,
        parameters: tw,
        responses: { 200: json("toewijzing"), 400: problem, ...denied, 404: problem, 422: problem },
      },
    },
    "/api/v1/werklijst": {
      get: {
        summary: "Termijnen: start binnen 24 uur, plan, evaluatie, start/stop melden binnen 5 werkdagen",
        ...secured,
        responses: { 200: json("{ items }"), ...denied },
      },
    },
    "/api/v1/declaraties": {
      get: { summary: "Declaraties (eigen aanbieder of eigen gemeente)", ...secured, responses: { 200: json("{ items }"), ...denied } },
      post: {
        summary:
          "Declaraties indienen (aanbieder): JSON (één declaratie of een lijst) of text/csv; alles of niets: één fout (ongeldige waarde, declaratie van een andere aanbieder) en niets wordt opgeslagen, met elke fout met rij en kolom; antwoord per prestatie met retourcodes; dezelfde declaratie opnieuw verandert niets",
        ...secured,
        responses: { 200: json("{ antwoorden } (herhaald)"), 201: json("{ antwoorden }"), 400: problem, ...denied, 413: problem },
      },
    },
    "/api/v1/declaraties/{agb}/{wet}/{nummer}": {
      get: {
        summary: "Eén declaratie met het antwoord per prestatie",
        ...secured,
        parameters: [p("agb", "^[0-9]{8}$"), p("wet", "^(wmo|jeugdwet)$"), p("nummer")],
        responses: { 200: json("{ declaratie, prestaties }"), ...denied, 404: problem },
      },
    },
    "/api/v1/budget": {
      get: {
        summary: "Budgetbewaking: toegekend, ingediend en betaald per groep en maand, prognose en signalen; ?format=xlsx",
        ...secured,
        parameters: queryParameters(BudgetQuery),
        responses: { 200: json("{ peildatum, groep, rows, maanden, signalen }"), 400: problem, ...denied },
      },
    },
  };
}
