import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type ExportMeta, overviewToCsv, overviewToXlsx, pveToDocx, pveToHtml } from "../../adapters/files/quality-export.ts";
import { evidenceTooLarge, type QualityService } from "../../app/quality.ts";
import { qualityRoutes as routes } from "../../contract/quality.ts";
import { MAX_FILE_BYTES } from "../../domain/quality/assessment.ts";
import type { PveDocument } from "../../domain/quality/pve.ts";
import { fail, ok, type Result } from "../../domain/shared/problem.ts";
import { mount, type SENT, sent } from "../route.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file name for content-disposition: ASCII letters, digits and dashes only. */
const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "programma-van-eisen";

/** A document as Word or printable HTML (the reply, sent), or as the JSON answer given. */
async function sendDocument<T>(
  reply: FastifyReply,
  doc: PveDocument,
  meta: ExportMeta,
  format: "json" | "html" | "docx",
  json: T,
): Promise<Result<T> | typeof SENT> {
  const name = `${slug(doc.titel)}${meta.versie ? `-v${meta.versie}` : "-concept"}`;
  if (format === "docx")
    return sent(
      reply
        .type(DOCX)
        .header("content-disposition", `attachment; filename="${name}.docx"`)
        .send(await pveToDocx(doc, meta)),
    );
  if (format === "html")
    return sent(
      reply
        .type("text/html; charset=utf-8")
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
        .header("content-disposition", `inline; filename="${name}.html"`)
        .send(pveToHtml(doc, meta)),
    );
  return ok(json);
}

/** The one evidence file of a multipart/form-data request, or the problem with the form. */
async function evidenceFile(req: FastifyRequest): Promise<Result<{ name: string; bytes: Uint8Array }>> {
  const where = { path: "bestand" };
  if (!req.isMultipart())
    return fail({ code: "unsupported", title: "Geen bestand", detail: "stuur het bewijsstuk als multipart/form-data met één bestand", ...where });
  try {
    const part = await req.file();
    if (!part) return fail({ code: "invalid-input", title: "Geen bestand", detail: "het verzoek bevat geen bestand", ...where });
    return ok({ name: part.filename, bytes: new Uint8Array(await part.toBuffer()) });
  } catch (e) {
    if ((e as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") return fail(evidenceTooLarge());
    return fail({
      code: "invalid-input",
      title: "Ongeldig formulier",
      detail: "het bestand kon niet worden gelezen (één bestand, multipart/form-data)",
      ...where,
    });
  }
}

/**
 * Quality frameworks (public), programmes of requirements (a gemeente's contractmanager) and self-assessments
 * (the invited aanbieder answers, the gemeente reviews). Evidence uploads are multipart/form-data with one file.
 */
export const qualityRoutes = (svc: QualityService) => async (app: FastifyInstance) => {
  // preservePath: the name as the client sent it, so a name with a path is refused rather than silently cut down
  await app.register(multipart, { preservePath: true, limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, parts: 6 } });
  const draftLimit = { bodyLimit: 512 * 1024 };
  const smallLimit = { bodyLimit: 64 * 1024 };

  // ------------------------------------------------------------ library (public)
  mount(app, routes.listFrameworks, async () => ok({ items: await svc.frameworks() }));
  // the search reads its own query parameters (its problems name an unknown parameter its own way)
  mount(app, routes.searchCriteria, async ({ req }) => svc.search(req.query as Record<string, unknown>));
  mount(app, routes.listSegments, async () => ok({ items: await svc.segments() }));
  mount(app, routes.listConcepts, async () => ok({ items: await svc.concepts() }));
  mount(app, routes.listGeneralRequirements, async () => ok({ items: svc.generalRequirements() }));
  mount(app, routes.getFramework, async ({ params }) => svc.framework(params.nr));

  // ------------------------------------------------------------ composer
  mount(app, routes.listPves, async ({ actor, ctx }) => svc.listPves(actor, ctx));
  mount(app, routes.createPve, async ({ actor, body, ctx }) => svc.createPve(actor, body, ctx), draftLimit);
  mount(app, routes.getPve, async ({ actor, params, ctx }) => svc.getPve(actor, params.id, ctx));
  mount(app, routes.updatePve, async ({ actor, params, body, ctx }) => svc.updatePve(actor, params.id, body, ctx), draftLimit);
  mount(app, routes.previewPve, async ({ actor, params, query, ctx, reply }) => {
    const r = await svc.getPve(actor, params.id, ctx);
    if (!r.ok) return r;
    if (!r.value.voorbeeld) return fail(...r.value.problemen);
    return sendDocument(reply, r.value.voorbeeld, { versie: null, gepubliceerd: null }, query.format, { document: r.value.voorbeeld });
  });
  mount(app, routes.publishPve, async ({ actor, params, ctx }) => svc.publish(actor, params.id, ctx));
  mount(app, routes.getPveVersion, async ({ actor, params, query, ctx, reply }) => {
    const r = await svc.version(actor, params.id, params.v, ctx);
    if (!r.ok) return r;
    return sendDocument(reply, r.value.inhoud, { versie: r.value.versie, gepubliceerd: r.value.publishedAt }, query.format, r.value);
  });
  mount(
    app,
    routes.inviteProviders,
    async ({ actor, params, body, ctx }) => {
      const r = await svc.invite(actor, params.id, params.v, body, ctx);
      return r.ok ? ok({ items: r.value }) : r;
    },
    smallLimit,
  );

  // ------------------------------------------------------------ self-assessment and review
  mount(app, routes.listAssessments, async ({ actor, params, query, ctx, reply }) => {
    const r = await svc.overview(actor, params.id, params.v, ctx);
    if (!r.ok) return r;
    const name = `beoordeling-${slug(r.value.document.titel)}-v${r.value.version}`;
    if (query.format === "csv")
      return sent(reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}.csv"`).send(overviewToCsv(r.value.rows)));
    if (query.format === "xlsx")
      return sent(
        reply
          .type(XLSX)
          .header("content-disposition", `attachment; filename="${name}.xlsx"`)
          .send(await overviewToXlsx(r.value.rows, r.value.document.titel)),
      );
    return ok({ items: r.value.rows, vragen: r.value.document.vragen.length });
  });
  mount(app, routes.getAssessment, async ({ actor, params: p, ctx }) => svc.assessment(actor, p, ctx));
  mount(app, routes.answerQuestion, async ({ actor, params: p, body, ctx }) => svc.answer(actor, p, body, ctx), smallLimit);
  mount(app, routes.reviewAnswer, async ({ actor, params: p, body, ctx }) => svc.review(actor, p, body, ctx), smallLimit);
  mount(app, routes.uploadAssessmentEvidence, async ({ actor, params: p, ctx, req }) => {
    // who may upload is decided before the body is read
    const denied = await svc.authorizeUpload(actor, p, ctx);
    if (denied) return fail(...denied);
    const file = await evidenceFile(req);
    return file.ok ? svc.upload(actor, p, file.value, ctx) : file;
  });
  mount(app, routes.downloadAssessmentEvidence, async ({ actor, params: p, ctx, reply }) => {
    const r = await svc.download(actor, p, p.bestand, ctx);
    if (!r.ok) return r;
    // the stored type (detected at upload) and a safe name; never rendered inline as something else
    const { mime, naam } = r.value.meta;
    return sent(
      reply
        .type(mime)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'")
        .header("content-disposition", `attachment; filename="${naam.replace(/[^A-Za-z0-9._()-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(naam)}`)
        .send(Buffer.from(r.value.content)),
    );
  });
  mount(app, routes.listAssessmentReminders, async ({ actor, query, ctx }) => {
    const r = await svc.reminders(actor, query.dagen, ctx);
    return r.ok ? ok({ items: r.value }) : r;
  });
};
