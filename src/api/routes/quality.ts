import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type ExportMeta, overviewToCsv, overviewToXlsx, pveToDocx, pveToHtml } from "../../adapters/files/quality-export.ts";
import { CriterionSearchParams as CriterionSearchParamsForDocs, type QualityService } from "../../app/quality.ts";
import { MAX_FILE_BYTES } from "../../domain/quality/assessment.ts";
import type { PveDocument } from "../../domain/quality/pve.ts";
import { actorOf, badQuery, ctx } from "../request.ts";
import { sendProblems } from "../problem.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DocFormat = z.object({ format: z.enum(["json", "html", "docx"]).default("json") }).strict();
const OverviewFormat = z.object({ format: z.enum(["json", "csv", "xlsx"]).default("json") }).strict();
const Days = z.object({ dagen: z.coerce.number().int().min(0).max(3650).default(60) }).strict();

/** A file name for content-disposition: ASCII letters, digits and dashes only. */
const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "programma-van-eisen";

async function sendDocument(reply: FastifyReply, doc: PveDocument, meta: ExportMeta, format: "json" | "html" | "docx", json: unknown) {
  const name = `${slug(doc.titel)}${meta.versie ? `-v${meta.versie}` : "-concept"}`;
  if (format === "docx")
    return reply
      .type(DOCX)
      .header("content-disposition", `attachment; filename="${name}.docx"`)
      .send(await pveToDocx(doc, meta));
  if (format === "html")
    return reply
      .type("text/html; charset=utf-8")
      .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
      .header("content-disposition", `inline; filename="${name}.html"`)
      .send(pveToHtml(doc, meta));
  return json;
}

/**
 * Quality frameworks (public), programmes of requirements (a gemeente's contractmanager) and self-assessments
 * (the invited aanbieder answers, the gemeente reviews). Evidence uploads are multipart/form-data with one file.
 */
export const qualityRoutes = (svc: QualityService) => async (app: FastifyInstance) => {
  // preservePath: the name as the client sent it, so a name with a path is refused rather than silently cut down
  await app.register(multipart, { preservePath: true, limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, parts: 6 } });

  // ------------------------------------------------------------ library (public)
  app.get("/kwaliteitskaders", async () => ({ items: await svc.frameworks() }));
  app.get("/kwaliteitskaders/criteria", async (req, reply) => {
    const r = await svc.search(req.query as Record<string, unknown>);
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });
  app.get("/kwaliteitskaders/segmenten", async () => ({ items: await svc.segments() }));
  app.get("/kwaliteitskaders/begrippen", async () => ({ items: await svc.concepts() }));
  app.get("/kwaliteitskaders/algemene-eisen", async () => ({ items: svc.generalRequirements() }));
  app.get<{ Params: { nr: string } }>("/kwaliteitskaders/:nr", async (req, reply) => {
    const r = await svc.framework(req.params.nr);
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  // ------------------------------------------------------------ composer
  app.get("/programmas-van-eisen", async (req, reply) => {
    const r = await svc.listPves(actorOf(req), ctx(req, "inkoop: programma's van eisen"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });
  app.post("/programmas-van-eisen", { bodyLimit: 512 * 1024 }, async (req, reply) => {
    const r = await svc.createPve(actorOf(req), req.body, ctx(req, "inkoop: programma van eisen opstellen"));
    return r.ok ? reply.code(201).send(r.value) : sendProblems(reply, r.problems, req.url);
  });
  app.get<{ Params: { id: string } }>("/programmas-van-eisen/:id", async (req, reply) => {
    const r = await svc.getPve(actorOf(req), req.params.id, ctx(req, "inkoop: programma van eisen"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });
  app.put<{ Params: { id: string } }>("/programmas-van-eisen/:id", { bodyLimit: 512 * 1024 }, async (req, reply) => {
    const r = await svc.updatePve(actorOf(req), req.params.id, req.body, ctx(req, "inkoop: programma van eisen bewerken"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });
  app.get<{ Params: { id: string } }>("/programmas-van-eisen/:id/concept", async (req, reply) => {
    const q = DocFormat.safeParse(req.query, { reportInput: true });
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const r = await svc.getPve(actorOf(req), req.params.id, ctx(req, "inkoop: voorbeeld programma van eisen"));
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    if (!r.value.voorbeeld) return sendProblems(reply, r.value.problemen, req.url);
    return sendDocument(reply, r.value.voorbeeld, { versie: null, gepubliceerd: null }, q.data.format, { document: r.value.voorbeeld });
  });
  app.post<{ Params: { id: string } }>("/programmas-van-eisen/:id/versies", async (req, reply) => {
    const r = await svc.publish(actorOf(req), req.params.id, ctx(req, "inkoop: programma van eisen publiceren"));
    return r.ok ? reply.code(201).send(r.value) : sendProblems(reply, r.problems, req.url);
  });
  app.get<{ Params: { id: string; v: string } }>("/programmas-van-eisen/:id/versies/:v", async (req, reply) => {
    const q = DocFormat.safeParse(req.query, { reportInput: true });
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const r = await svc.version(actorOf(req), req.params.id, req.params.v, ctx(req, "inkoop: gepubliceerd programma van eisen"));
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    return sendDocument(reply, r.value.inhoud, { versie: r.value.versie, gepubliceerd: r.value.publishedAt }, q.data.format, r.value);
  });
  app.post<{ Params: { id: string; v: string } }>("/programmas-van-eisen/:id/versies/:v/uitnodigingen", { bodyLimit: 64 * 1024 }, async (req, reply) => {
    const r = await svc.invite(actorOf(req), req.params.id, req.params.v, req.body, ctx(req, "inkoop: aanbieders uitnodigen"));
    return r.ok ? { items: r.value } : sendProblems(reply, r.problems, req.url);
  });

  // ------------------------------------------------------------ self-assessment and review
  app.get<{ Params: { id: string; v: string } }>("/programmas-van-eisen/:id/versies/:v/zelfevaluaties", async (req, reply) => {
    const q = OverviewFormat.safeParse(req.query, { reportInput: true });
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const r = await svc.overview(actorOf(req), req.params.id, req.params.v, ctx(req, "inkoop: beoordelingsstatus per aanbieder"));
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    const name = `beoordeling-${slug(r.value.document.titel)}-v${r.value.versie}`;
    if (q.data.format === "csv")
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}.csv"`).send(overviewToCsv(r.value.rijen));
    if (q.data.format === "xlsx")
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="${name}.xlsx"`)
        .send(await overviewToXlsx(r.value.rijen, r.value.document.titel));
    return { items: r.value.rijen, vragen: r.value.document.vragen.length };
  });
  app.get<{ Params: { id: string; v: string; agb: string } }>("/programmas-van-eisen/:id/versies/:v/zelfevaluaties/:agb", async (req, reply) => {
    const r = await svc.assessment(actorOf(req), req.params.id, req.params.v, req.params.agb, ctx(req, "inkoop: zelfevaluatie"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });
  app.put<{ Params: { id: string; v: string; agb: string; vraag: string } }>(
    "/programmas-van-eisen/:id/versies/:v/zelfevaluaties/:agb/vragen/:vraag",
    { bodyLimit: 64 * 1024 },
    async (req, reply) => {
      const r = await svc.answer(
        actorOf(req),
        req.params.id,
        req.params.v,
        req.params.agb,
        req.params.vraag,
        req.body,
        ctx(req, "inkoop: zelfevaluatie beantwoorden"),
      );
      return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
    },
  );
  app.post<{ Params: { id: string; v: string; agb: string; vraag: string } }>(
    "/programmas-van-eisen/:id/versies/:v/zelfevaluaties/:agb/vragen/:vraag/beoordeling",
    { bodyLimit: 64 * 1024 },
    async (req, reply) => {
      const r = await svc.review(
        actorOf(req),
        req.params.id,
        req.params.v,
        req.params.agb,
        req.params.vraag,
        req.body,
        ctx(req, "inkoop: zelfevaluatie beoordelen"),
      );
      return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
    },
  );
  app.post<{ Params: { id: string; v: string; agb: string; vraag: string } }>(
    "/programmas-van-eisen/:id/versies/:v/zelfevaluaties/:agb/vragen/:vraag/bestanden",
    async (req, reply) => {
      const { id, v, agb, vraag } = req.params;
      const c = ctx(req, "inkoop: bewijsstuk uploaden");
      // who may upload is decided before the body is read
      const denied = await svc.authorizeUpload(actorOf(req), id, v, agb, c);
      if (denied) return sendProblems(reply, denied, req.url);
      if (!req.isMultipart())
        return sendProblems(
          reply,
          [{ code: "unsupported", title: "Geen bestand", detail: "stuur het bewijsstuk als multipart/form-data met één bestand", path: "bestand" }],
          req.url,
        );
      let part: Awaited<ReturnType<FastifyRequest["file"]>>;
      let bytes: Buffer;
      try {
        part = await req.file();
        if (!part)
          return sendProblems(reply, [{ code: "invalid-input", title: "Geen bestand", detail: "het verzoek bevat geen bestand", path: "bestand" }], req.url);
        bytes = await part.toBuffer();
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === "FST_REQ_FILE_TOO_LARGE")
          return sendProblems(
            reply,
            [
              {
                code: "payload-too-large",
                title: "Bestand te groot",
                detail: `een bewijsstuk is hoogstens ${MAX_FILE_BYTES / 1024 / 1024} MB`,
                path: "bestand",
              },
            ],
            req.url,
          );
        return sendProblems(
          reply,
          [
            {
              code: "invalid-input",
              title: "Ongeldig formulier",
              detail: "het bestand kon niet worden gelezen (één bestand, multipart/form-data)",
              path: "bestand",
            },
          ],
          req.url,
        );
      }
      const r = await svc.upload(actorOf(req), id, v, agb, vraag, { name: part.filename, bytes: new Uint8Array(bytes) }, c);
      return r.ok ? reply.code(201).send(r.value) : sendProblems(reply, r.problems, req.url);
    },
  );
  app.get<{ Params: { id: string; v: string; agb: string; bestand: string } }>(
    "/programmas-van-eisen/:id/versies/:v/zelfevaluaties/:agb/bestanden/:bestand",
    async (req, reply) => {
      const { id, v, agb, bestand } = req.params;
      const r = await svc.download(actorOf(req), id, v, agb, bestand, ctx(req, "inkoop: bewijsstuk inzien"));
      if (!r.ok) return sendProblems(reply, r.problems, req.url);
      // the stored type (detected at upload) and a safe name; never rendered inline as something else
      return reply
        .type(r.value.meta.mime)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'")
        .header(
          "content-disposition",
          `attachment; filename="${r.value.meta.naam.replace(/[^A-Za-z0-9._()-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(r.value.meta.naam)}`,
        )
        .send(Buffer.from(r.value.content));
    },
  );
  app.get("/kwaliteit/herinneringen", async (req, reply) => {
    const q = Days.safeParse(req.query, { reportInput: true });
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const r = await svc.reminders(actorOf(req), q.data.dagen, ctx(req, "inkoop: herinneringen zelfevaluatie"));
    return r.ok ? { items: r.value } : sendProblems(reply, r.problems, req.url);
  });
};

/** OpenAPI paths of the routes above (spread into openapi.ts). */
export function qualityPaths(problem: object, json: (d: string) => object, queryParameters: (s: z.ZodObject) => object[]): Record<string, object> {
  const secured = { security: [{ session: [] }] };
  const p = (name: string, pattern?: string) => ({ name, in: "path", required: true, schema: { type: "string", ...(pattern ? { pattern } : {}) } });
  const [id, v, agb, vraag] = [p("id"), p("v", "^[0-9]+$"), p("agb", "^[0-9]{8}$"), p("vraag")];
  const docFormat = { name: "format", in: "query", schema: { type: "string", enum: ["json", "html", "docx"] } };
  const base = "/api/v1/programmas-van-eisen/{id}/versies/{v}/zelfevaluaties/{agb}";
  return {
    "/api/v1/kwaliteitskaders": {
      get: { summary: "De 15 kwaliteitskaders van document 003 (openbaar); vervallen kaders met waarschuwing", responses: { 200: json("{ items }") } },
    },
    "/api/v1/kwaliteitskaders/{nr}": {
      get: { summary: "Eén kwaliteitskader met al zijn criteria", parameters: [p("nr")], responses: { 200: json("kader"), 404: problem } },
    },
    "/api/v1/kwaliteitskaders/criteria": {
      get: {
        summary: "Criteria zoeken (Nederlandse full-text search) met filters",
        parameters: queryParameters(CriterionSearchParamsForDocs),
        responses: { 200: json("{ items, total, limit, offset }"), 400: problem },
      },
    },
    "/api/v1/kwaliteitskaders/segmenten": { get: { summary: "De inkoopsegmenten (bijlage van document 003)", responses: { 200: json("{ items }") } } },
    "/api/v1/kwaliteitskaders/begrippen": {
      get: { summary: "Begrippenlaag: criteria per gedeeld begrip (VOG, meldcode, …)", responses: { 200: json("{ items }") } },
    },
    "/api/v1/kwaliteitskaders/algemene-eisen": {
      get: { summary: "Module algemene eisen uit het programma van eisen van document 004", responses: { 200: json("{ items }") } },
    },
    "/api/v1/programmas-van-eisen": {
      get: {
        summary: "Eigen programma's van eisen (gemeente) of uitnodigingen (aanbieder)",
        ...secured,
        responses: { 200: json("{ concepten, uitnodigingen }"), 401: problem, 403: problem },
      },
      post: { summary: "Nieuw concept (contractmanager)", ...secured, responses: { 201: json("concept"), 400: problem, 401: problem, 403: problem } },
    },
    "/api/v1/programmas-van-eisen/{id}": {
      get: { summary: "Concept met voorbeeld en versies", ...secured, parameters: [id], responses: { 200: json("concept"), 403: problem, 404: problem } },
      put: { summary: "Concept vervangen", ...secured, parameters: [id], responses: { 200: json("concept"), 400: problem, 403: problem, 404: problem } },
    },
    "/api/v1/programmas-van-eisen/{id}/concept": {
      get: {
        summary: "Voorbeeld van het concept als JSON, HTML of Word",
        ...secured,
        parameters: [id, docFormat],
        responses: { 200: json("document"), 400: problem, 403: problem },
      },
    },
    "/api/v1/programmas-van-eisen/{id}/versies": {
      post: {
        summary: "Publiceren: nieuwe, onveranderlijke versie",
        ...secured,
        parameters: [id],
        responses: { 201: json("{ versie, document }"), 400: problem, 403: problem },
      },
    },
    "/api/v1/programmas-van-eisen/{id}/versies/{v}": {
      get: {
        summary: "Gepubliceerde versie (gemeente, of uitgenodigde aanbieder) als JSON, HTML of Word",
        ...secured,
        parameters: [id, v, docFormat],
        responses: { 200: json("versie"), 403: problem, 404: problem },
      },
    },
    "/api/v1/programmas-van-eisen/{id}/versies/{v}/uitnodigingen": {
      post: {
        summary: "Aanbieders uitnodigen: { agbCodes, gecontracteerd }",
        ...secured,
        parameters: [id, v],
        responses: { 200: json("{ items }"), 400: problem, 403: problem },
      },
    },
    "/api/v1/programmas-van-eisen/{id}/versies/{v}/zelfevaluaties": {
      get: {
        summary: "Beoordelingsstatus per aanbieder; ?format=csv of xlsx",
        ...secured,
        parameters: [id, v, { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv", "xlsx"] } }],
        responses: { 200: json("{ items }"), 403: problem },
      },
    },
    [base]: {
      get: {
        summary: "Zelfevaluatie van één aanbieder: vragen, antwoorden, bestanden, geschiedenis",
        ...secured,
        parameters: [id, v, agb],
        responses: { 200: json("zelfevaluatie"), 403: problem, 404: problem },
      },
    },
    [`${base}/vragen/{vraag}`]: {
      put: {
        summary: "Antwoord (aanbieder): { toelichting, geldigVan, geldigTot }",
        ...secured,
        parameters: [id, v, agb, vraag],
        responses: { 200: json("antwoord"), 400: problem, 403: problem, 404: problem },
      },
    },
    [`${base}/vragen/{vraag}/beoordeling`]: {
      post: {
        summary: "Beoordeling (gemeente): { oordeel: akkoord|aanvullen|niet-akkoord, opmerking }",
        ...secured,
        parameters: [id, v, agb, vraag],
        responses: { 200: json("antwoord"), 400: problem, 403: problem, 404: problem },
      },
    },
    [`${base}/vragen/{vraag}/bestanden`]: {
      post: {
        summary: "Bewijsstuk uploaden (multipart/form-data; PDF, PNG of JPEG, hoogstens 5 MB)",
        ...secured,
        parameters: [id, v, agb, vraag],
        responses: { 201: json("bestand"), 400: problem, 403: problem, 413: problem, 415: problem },
      },
    },
    [`${base}/bestanden/{bestand}`]: {
      get: {
        summary: "Bewijsstuk downloaden",
        ...secured,
        parameters: [id, v, agb, p("bestand")],
        responses: { 200: { description: "het bestand" }, 403: problem, 404: problem },
      },
    },
    "/api/v1/kwaliteit/herinneringen": {
      get: {
        summary: "Werklijst: verlopend bewijs en periodieke eisen",
        ...secured,
        parameters: [{ name: "dagen", in: "query", schema: { type: "integer" } }],
        responses: { 200: json("{ items }"), 400: problem, 401: problem },
      },
    },
  };
}
