import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { complianceToXlsx } from "../../adapters/files/compliance-export.ts";
import { parseStaffFile } from "../../adapters/files/staff-import.ts";
import type { ComplianceService } from "../../app/compliance.ts";
import { parseParameters } from "../../app/tariffs.ts";
import { actorOf, badQuery, ctx } from "../request.ts";
import { sendProblems } from "../problem.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CheckQuery = z
  .object({ peildatum: z.string().optional(), productenboek: z.string().optional(), format: z.enum(["json", "xlsx"]).default("json") })
  .strict();
const ImportQuery = z.object({ bestand: z.string().min(1).max(200), naam: z.string().max(200).optional() }).strict();
const SignalQuery = z.object({ dagen: z.coerce.number().int().min(0).max(3650).default(60) }).strict();

/**
 * Providers and compliance: a contractmanager sees the providers its gemeente contracts; an aanbieder only its own.
 * Staff files arrive as the request body (text/csv or xlsx, at most 10 MB) with the file name in `bestand`.
 */
export const complianceRoutes = (svc: ComplianceService) => async (app: FastifyInstance) => {
  app.addContentTypeParser(["text/csv", XLSX, "application/octet-stream"], { parseAs: "buffer", bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  app.get("/aanbieders", async (req, reply) => {
    const r = await svc.list(actorOf(req), ctx(req, "contractbeheer: overzicht aanbieders"));
    return r.ok ? { items: r.value } : sendProblems(reply, r.problems, req.url);
  });

  app.get<{ Params: { agb: string } }>("/aanbieders/:agb", async (req, reply) => {
    const r = await svc.staff(actorOf(req), req.params.agb, ctx(req, "contractbeheer: aanbieder en medewerkers"));
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.post<{ Params: { agb: string } }>("/aanbieders/:agb/medewerkers", { bodyLimit: 10 * 1024 * 1024 }, async (req, reply) => {
    const q = ImportQuery.safeParse(req.query);
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    // who may import is decided before the file is read
    const denied = await svc.authorizeImport(actorOf(req), req.params.agb);
    if (denied) return sendProblems(reply, denied, req.url);
    if (!Buffer.isBuffer(req.body))
      return sendProblems(
        reply,
        [{ code: "unsupported", title: "Geen bestand", detail: "stuur het bestand als body met content-type text/csv of xlsx" }],
        req.url,
      );
    const parsed = await parseStaffFile(new Uint8Array(req.body), q.data.bestand);
    if (!parsed.ok) return sendProblems(reply, parsed.problems, req.url);
    const r = await svc.importStaff(
      actorOf(req),
      req.params.agb,
      parsed.value,
      { name: q.data.naam },
      ctx(req, "contractbeheer: personeelsbestand importeren"),
    );
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    return reply.code(r.value.created ? 201 : 200).send({ created: r.value.created, staff: r.value.staff, aanbieder: r.value.provider });
  });

  app.put<{ Params: { agb: string } }>("/aanbieders/:agb/bewijs", { bodyLimit: 256 * 1024 }, async (req, reply) => {
    const r = await svc.setEvidence(
      actorOf(req),
      req.params.agb,
      (req.body as { items?: unknown } | undefined)?.items,
      ctx(req, "contractbeheer: bewijsstukken bijwerken"),
    );
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.put<{ Params: { agb: string } }>("/aanbieders/:agb/contracten", { bodyLimit: 256 * 1024 }, async (req, reply) => {
    const r = await svc.setContracts(
      actorOf(req),
      req.params.agb,
      (req.body as { items?: unknown } | undefined)?.items,
      ctx(req, "contractbeheer: contracten vastleggen"),
    );
    return r.ok ? r.value : sendProblems(reply, r.problems, req.url);
  });

  app.get<{ Params: { agb: string } }>("/aanbieders/:agb/compliance", async (req, reply) => {
    const q = CheckQuery.safeParse(req.query);
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const r = await svc.check(actorOf(req), req.params.agb, q.data, ctx(req, "contractbeheer: toets aan productenboek en programma van eisen"));
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    if (q.data.format === "xlsx")
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="kader-toets-${r.value.aanbieder.agbCode}-${r.value.peildatum}.xlsx"`)
        .send(await complianceToXlsx(r.value));
    return r.value;
  });

  app.post<{ Body: { parameters?: unknown } }>("/tarieven/contracten", { bodyLimit: 256 * 1024 }, async (req, reply) => {
    const params = parseParameters(req.body?.parameters);
    if (!params.ok) return sendProblems(reply, params.problems, req.url);
    const r = await svc.contractTariffs(actorOf(req), params.value, ctx(req, "contractbeheer: contracttarieven vergelijken"));
    return r.ok ? { items: r.value } : sendProblems(reply, r.problems, req.url);
  });

  app.get("/compliance/signalen", async (req, reply) => {
    const q = SignalQuery.safeParse(req.query);
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const r = await svc.signals(actorOf(req), q.data.dagen, ctx(req, "contractbeheer: verlopend bewijs"));
    return r.ok ? { items: r.value } : sendProblems(reply, r.problems, req.url);
  });
};
