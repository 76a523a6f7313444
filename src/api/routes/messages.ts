import type { FastifyInstance } from "fastify";
import type { BerichtInput, MessageService, ProcessOutcome } from "../../app/messages/index.ts";
import { messagesRoutes as routes, PositiveId, ToewijzingBerichtenRequest, VerzoekAnswer } from "../../contract/messages.ts";
import { fail, ok, type Problem, problem } from "../../domain/shared/problem.ts";
import { openBatch, retourcodeText } from "../../messages/index.ts";
import { mount, sent } from "../route.ts";

const badId = (what: "bericht" | "verzoek"): Problem[] => [
  { code: "invalid-parameter", title: `Ongeldig ${what}nummer`, detail: `een ${what}nummer is een positief geheel getal`, path: "id" },
];

/** Retourcodes with their meaning in Dutch (the standard's own words), for screens. */
const explain = (berichtNaam: string | null, codes: string[]) =>
  Object.fromEntries(codes.map((c) => [c, retourcodeText(berichtNaam?.startsWith("JW") ? "ijw" : "iwmo", c) ?? c]));

/**
 * Every retourcode of an outcome with its meaning in Dutch, for screens. A stored answer is downloaded by its
 * berichtId; a 9056 retour (TR056: the Identificatie was used already) is not stored, so it comes with its XML.
 */
const explained = (r: ProcessOutcome) => ({
  ...r,
  antwoorden: r.antwoorden.map(({ xml, ...a }) => (a.berichtId === undefined ? { ...a, xml } : a)),
  uitleg: explain(
    r.berichtNaam,
    [...new Set([...r.retourcodes, ...r.meldingen.map((m) => m.retourcode), ...r.bevindingen.map((b) => b.retourcode ?? "")])].filter((c) =>
      /^[0-9A-Z]{4}$/.test(c),
    ),
  ),
});

/** The upload as messages: one XML message, or the messages of a ZIP batch checked and unpacked under its caps (OP192). */
function inputsOf(bytes: Uint8Array, name: string): { ok: true; inputs: BerichtInput[] } | { ok: false; problems: Problem[] } {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return { ok: true, inputs: [{ bestandsnaam: name.endsWith(".xml") ? name : `${name}.xml`, bytes }] };
  // any failure of the batch refuses all of it, nothing is stored
  const zipName = /\.zip$/i.test(name) ? name : `${name}.zip`;
  const batch = openBatch(bytes);
  if (!batch.ok)
    return {
      ok: false,
      problems: batch.failures.map((f) => ({
        code: "invalid-input" as const,
        title: "Ongeldige batch (OP192)",
        detail: f.message,
        file: zipName,
        retourcode: f.retourcode,
      })),
    };
  return { ok: true, inputs: batch.entries.map((e) => ({ bestandsnaam: `${zipName}:${e.name}`, bytes: e.bytes })) };
}

/**
 * iWmo/iJw messages over HTTP (src/contract/messages.ts): upload one message (XML) or a batch (ZIP, at most 30
 * messages), processed at once; the message log (a gemeente sees its own messages, an aanbieder its own); downloads of
 * every message and answer; the verzoeken for the toegang and its 319 answers; 301s of the gemeente's toewijzingen.
 */
export const messageRoutes = (svc: MessageService) => async (app: FastifyInstance) => {
  app.addContentTypeParser(
    ["application/xml", "text/xml", "application/zip", "application/x-zip-compressed"],
    { parseAs: "buffer", bodyLimit: 26 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  mount(app, routes.uploadMessages, async ({ query, actor, ctx, req }) => {
    const denied = await svc.mayUpload(actor, { ...ctx, purpose: "berichten aanleveren" });
    if (denied) return denied;
    const body = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0)
      return fail(problem.invalid("stuur een bericht als application/xml of een batch als application/zip", undefined, "Geen bericht"));
    const upload = inputsOf(new Uint8Array(body), query.bestandsnaam ?? `upload-${Date.now()}`);
    if (!upload.ok) return { ok: false, problems: upload.problems };
    const tenant = req.principal?.tenant;
    const rol = query.rol ?? (tenant?.kind === "gemeente" ? "gemeente" : "auto");
    const results = await svc.process(actor, upload.inputs, { rol, inOnderzoek: query.inOnderzoek === "ja" }, ctx);
    return ok({ berichten: results.map(explained) });
  });

  mount(app, routes.listMessages, async ({ query, actor, ctx }) => {
    const r = await svc.list(actor, { richting: query.richting, page: query.pagina }, ctx);
    if (!r.ok) return r;
    return ok({ total: r.value.total, items: r.value.items.map((b) => ({ ...b, uitleg: explain(b.berichtNaam, b.retourcodes) })) });
  });

  mount(app, routes.getMessage, async ({ params, actor, ctx }) => {
    const id = PositiveId.safeParse(params.id);
    if (!id.success) return fail(...badId("bericht"));
    return svc.get(actor, id.data, ctx);
  });

  mount(app, routes.getMessageXml, async ({ params, actor, ctx, reply }) => {
    const id = PositiveId.safeParse(params.id);
    if (!id.success) return fail(...badId("bericht"));
    const r = await svc.xml(actor, id.data, ctx);
    if (!r.ok) return r;
    const file = r.value.bestandsnaam.replace(/[^A-Za-z0-9._-]/g, "_");
    return sent(
      reply.header("content-type", "application/xml; charset=utf-8").header("content-disposition", `attachment; filename="${file}"`).send(r.value.xml),
    );
  });

  mount(app, routes.listVerzoeken, async ({ actor, ctx }) => {
    const r = await svc.verzoeken(actor, ctx);
    return r.ok ? ok(r.value.map(({ bsn: _b, ...v }) => v)) : r;
  });

  mount(app, routes.answerVerzoek, async ({ params, body, actor, ctx }) => {
    const id = PositiveId.safeParse(params.id);
    if (!id.success) return fail(...badId("verzoek"));
    const b = VerzoekAnswer.safeParse(body);
    if (!b.success) return fail(...problem.fromZod(b.error, "Ongeldig antwoord"));
    const r = await svc.beantwoordVerzoek(actor, id.data, { verzoekAntwoord: b.data.antwoord, reden: b.data.reden }, ctx);
    return r.ok ? ok({ bestandsnaam: r.value.bestandsnaam, berichtNaam: r.value.berichtNaam, berichtId: r.value.berichtId! }) : r;
  });

  mount(app, routes.makeToewijzingBerichten, async ({ body, actor, ctx, req }) => {
    const b = ToewijzingBerichtenRequest.safeParse(body ?? {});
    if (!b.success) return fail(...problem.fromZod(b.error, "Ongeldige vraag"));
    const t = req.principal?.tenant;
    if (t?.kind !== "gemeente") return fail(problem.forbidden("alleen een gemeente maakt toewijzingsberichten"));
    const r = await svc.toewijzingBerichten(actor, { gemeente: t.gemeentecode, aanbieder: b.data.aanbieder, toewijzingnummers: b.data.toewijzingnummers }, ctx);
    return r.ok ? ok({ berichten: r.value.map(({ xml: _x, ...a }) => a) }) : r;
  });
};
