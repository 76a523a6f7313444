import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { BerichtInput, MessageService, VerwerkUitkomst } from "../../app/messages-processing.ts";
import { openBatch, retourcodeText } from "../../messages/index.ts";
import { explainZodIssue } from "../../domain/shared/zod-dutch.ts";
import { actorOf, badQuery, ctx } from "../request.ts";
import { sendProblems } from "../problem.ts";

const Id = z.coerce.number().int().positive();
const UploadQuery = z
  .object({
    rol: z.enum(["gemeente", "aanbieder", "auto"]).optional(),
    bestandsnaam: z.string().max(200).optional(),
    inOnderzoek: z.enum(["ja", "nee"]).optional(),
  })
  .strict();
const ListQuery = z.object({ richting: z.enum(["in", "uit"]).optional(), pagina: z.coerce.number().int().min(1).max(10_000).default(1) }).strict();
const Antwoord = z
  .object({
    antwoord: z.enum(["afgewezen", "in-onderzoek"]),
    reden: z
      .string()
      .regex(/^[1-9]$/, "een RedenAfwijzingVerzoek is 1 tot en met 9")
      .optional(),
  })
  .strict();
const Toewijzingen = z
  .object({
    aanbieder: z
      .string()
      .regex(/^[0-9]{8}$/, "een AGB-code is 8 cijfers")
      .optional(),
    toewijzingnummers: z
      .array(z.string().regex(/^[0-9]{1,9}$/))
      .max(1000)
      .optional(),
  })
  .strict();
const badId = [{ code: "invalid-parameter" as const, title: "Ongeldig berichtnummer", detail: "een berichtnummer is een positief geheel getal", path: "id" }];

/** Retourcodes with their meaning in Dutch (the standard's own words), for screens. */
const uitleg = (berichtNaam: string | null, codes: string[]) =>
  Object.fromEntries(codes.map((c) => [c, retourcodeText(berichtNaam?.startsWith("JW") ? "ijw" : "iwmo", c) ?? c]));

/**
 * Every retourcode of an outcome with its meaning in Dutch, for screens. A stored answer is downloaded by its
 * berichtId; a 9056 retour (TR056: the Identificatie was used already) is not stored, so it comes with its XML.
 */
const explained = (r: VerwerkUitkomst) => ({
  ...r,
  antwoorden: r.antwoorden.map(({ xml, ...a }) => (a.berichtId === undefined ? { ...a, xml } : a)),
  uitleg: uitleg(
    r.berichtNaam,
    [...new Set([...r.retourcodes, ...r.meldingen.map((m) => m.retourcode), ...r.bevindingen.map((b) => b.retourcode ?? "")])].filter((c) =>
      /^[0-9A-Z]{4}$/.test(c),
    ),
  ),
});

/**
 * iWmo/iJw messages over HTTP: upload one message (XML) or a batch (ZIP, at most 30 messages), processed at once; the
 * message log (a gemeente sees its own messages, an aanbieder its own); downloads of every message and answer; the
 * verzoeken for the toegang and its 319 answers; 301s of the gemeente's toewijzingen.
 */
export const messageRoutes = (svc: MessageService) => async (app: FastifyInstance) => {
  app.addContentTypeParser(
    ["application/xml", "text/xml", "application/zip", "application/x-zip-compressed"],
    { parseAs: "buffer", bodyLimit: 26 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.post("/berichten", async (req, reply) => {
    const q = UploadQuery.safeParse(req.query);
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const actor = actorOf(req);
    const denied = await svc.mayUpload(actor, ctx(req, "berichten aanleveren"));
    if (denied) return sendProblems(reply, denied.problems, req.url);
    const body = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0)
      return sendProblems(
        reply,
        [{ code: "invalid-input", title: "Geen bericht", detail: "stuur een bericht als application/xml of een batch als application/zip" }],
        req.url,
      );
    const name = q.data.bestandsnaam ?? `upload-${Date.now()}`;
    const bytes = new Uint8Array(body);
    let inputs: BerichtInput[];
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      // the batch is checked and unpacked under its caps first (OP192); any failure refuses all of it, nothing is stored
      const zipName = /\.zip$/i.test(name) ? name : `${name}.zip`;
      const batch = openBatch(bytes);
      if (!batch.ok)
        return sendProblems(
          reply,
          batch.failures.map((f) => ({
            code: "invalid-input" as const,
            title: "Ongeldige batch (OP192)",
            detail: f.message,
            file: zipName,
            retourcode: f.retourcode,
          })),
          req.url,
        );
      inputs = batch.entries.map((e) => ({ bestandsnaam: `${zipName}:${e.name}`, bytes: e.bytes }));
    } else inputs = [{ bestandsnaam: name.endsWith(".xml") ? name : `${name}.xml`, bytes }];
    const tenant = req.principal?.tenant;
    const rol = q.data.rol ?? (tenant?.kind === "gemeente" ? "gemeente" : "auto");
    const results = await svc.verwerk(actor, inputs, { rol, inOnderzoek: q.data.inOnderzoek === "ja" }, ctx(req, "berichten verwerken"));
    return { berichten: results.map(explained) };
  });

  app.get("/berichten", async (req, reply) => {
    const q = ListQuery.safeParse(req.query);
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const r = await svc.list(actorOf(req), { richting: q.data.richting, page: q.data.pagina }, ctx(req, "berichten inzien"));
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    return { total: r.value.total, items: r.value.items.map((b) => ({ ...b, uitleg: uitleg(b.berichtNaam, b.retourcodes) })) };
  });

  app.get<{ Params: { id: string } }>("/berichten/:id", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, badId, req.url);
    const r = await svc.get(actorOf(req), id.data, ctx(req, "bericht inzien"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.get<{ Params: { id: string } }>("/berichten/:id/xml", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendProblems(reply, badId, req.url);
    const r = await svc.xml(actorOf(req), id.data, ctx(req, "bericht downloaden"));
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    const file = r.value.bestandsnaam.replace(/[^A-Za-z0-9._-]/g, "_");
    return reply.header("content-type", "application/xml; charset=utf-8").header("content-disposition", `attachment; filename="${file}"`).send(r.value.xml);
  });

  app.get("/verzoeken", async (req, reply) => {
    const r = await svc.verzoeken(actorOf(req), ctx(req, "verzoeken om toewijzing inzien"));
    return r.ok ? r.value.map(({ bsn: _b, ...v }) => v) : sendProblems(reply, r.problems, req.url);
  });

  app.post<{ Params: { id: string } }>("/verzoeken/:id/antwoord", async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    if (!id.success)
      return sendProblems(
        reply,
        [{ code: "invalid-parameter", title: "Ongeldig verzoeknummer", detail: "een verzoeknummer is een positief geheel getal", path: "id" }],
        req.url,
      );
    const b = Antwoord.safeParse(req.body);
    if (!b.success)
      return sendProblems(
        reply,
        b.error.issues.map((i) => ({ code: "invalid-input" as const, title: "Ongeldig antwoord", detail: explainZodIssue(i), path: i.path.join(".") })),
        req.url,
      );
    const r = await svc.beantwoordVerzoek(
      actorOf(req),
      id.data,
      { verzoekAntwoord: b.data.antwoord, reden: b.data.reden },
      ctx(req, "toegang: verzoek beantwoorden"),
    );
    return r.ok
      ? reply.code(201).send({ bestandsnaam: r.value.bestandsnaam, berichtNaam: r.value.berichtNaam, berichtId: r.value.berichtId })
      : sendProblems(reply, r.problems, req.url);
  });

  app.post("/berichten/toewijzingen", async (req, reply) => {
    const b = Toewijzingen.safeParse(req.body ?? {});
    if (!b.success)
      return sendProblems(
        reply,
        b.error.issues.map((i) => ({ code: "invalid-input" as const, title: "Ongeldige vraag", detail: explainZodIssue(i), path: i.path.join(".") })),
        req.url,
      );
    const t = req.principal?.tenant;
    if (t?.kind !== "gemeente")
      return sendProblems(reply, [{ code: "forbidden", title: "Geen toegang", detail: "alleen een gemeente maakt toewijzingsberichten" }], req.url);
    const r = await svc.toewijzingBerichten(
      actorOf(req),
      { gemeente: t.gemeentecode, aanbieder: b.data.aanbieder, toewijzingnummers: b.data.toewijzingnummers },
      ctx(req, "toegang: toewijzingsberichten maken"),
    );
    return r.ok ? reply.code(201).send({ berichten: r.value.map(({ xml: _x, ...a }) => a) }) : sendProblems(reply, r.problems, req.url);
  });
};

/** The message endpoints for the OpenAPI document (src/api/openapi.ts spreads them into its paths). */
export function messagePaths(problem: object, json: (d: string) => object, queryParameters: (s: z.ZodObject) => object[]): Record<string, object> {
  const secured = { security: [{ session: [] }] };
  const id = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[0-9]+$" } };
  const body = { content: { "application/xml": { schema: { type: "string" } }, "application/zip": { schema: { type: "string", format: "binary" } } } };
  return {
    "/api/v1/berichten": {
      get: {
        summary: "Berichtenlog: ontvangen (richting=in) of verzonden berichten van de eigen gemeente of aanbieder",
        ...secured,
        parameters: queryParameters(ListQuery),
        responses: { 200: json("{ total, items }"), 400: problem, 401: problem, 403: problem },
      },
      post: {
        summary:
          "Berichten aanleveren (XML, of ZIP met hoogstens 30 berichten) en meteen verwerken; per bericht status, retourcodes met uitleg, elke bevinding (pad, regel, regelcode, retourcode, uitleg) en de antwoorden (op te halen via hun berichtId). Een bericht waarvan de afzender de Identificatie al gebruikte voor deze berichtsoort (TR056), ook hetzelfde bericht nog eens, krijgt een retour met 9056 in de header (status afgekeurd, `eerder`: het eerdere bericht); dat wordt niet opgeslagen en komt daarom met zijn XML in het antwoord mee, het eerdere antwoord blijft ongewijzigd. Een ZIP die leeg is, te veel of te grote berichten bevat of liegt over zijn groottes wordt geheel geweigerd (400, OP192); er wordt dan niets opgeslagen.",
        ...secured,
        parameters: queryParameters(UploadQuery),
        requestBody: body,
        responses: { 200: json("{ berichten }"), 400: problem, 401: problem, 403: problem },
      },
    },
    "/api/v1/berichten/{id}": {
      get: {
        summary: "Eén bericht met zijn antwoorden",
        ...secured,
        parameters: [id],
        responses: { 200: json("{ bericht, antwoorden, antwoordOp }"), 403: problem, 404: problem },
      },
    },
    "/api/v1/berichten/{id}/xml": {
      get: {
        summary: "Het bericht als XML (download)",
        ...secured,
        parameters: [id],
        responses: { 200: { description: "XML", content: { "application/xml": { schema: { type: "string" } } } }, 403: problem, 404: problem },
      },
    },
    "/api/v1/berichten/toewijzingen": {
      post: {
        summary: "WMO301/JW301 maken van de actuele toewijzingen van de eigen gemeente",
        ...secured,
        responses: { 201: json("{ berichten }"), 400: problem, 403: problem },
      },
    },
    "/api/v1/verzoeken": {
      get: {
        summary: "Verzoeken om toewijzing (315) en om wijziging (317), open eerst",
        ...secured,
        responses: { 200: json("verzoeken"), 401: problem, 403: problem },
      },
    },
    "/api/v1/verzoeken/{id}/antwoord": {
      post: {
        summary: "Een verzoek beantwoorden met een 319: afgewezen (met reden 1–9) of in onderzoek (toegang)",
        ...secured,
        parameters: [id],
        responses: { 201: json("{ bestandsnaam, berichtNaam, berichtId }"), 400: problem, 403: problem, 404: problem, 409: problem },
      },
    },
  };
}
