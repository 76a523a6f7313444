import type { FastifyInstance } from "fastify";
import { readConversionPlans } from "../../adapters/files/conversion-plan-file.ts";
import { proefrunToXlsx, readUitvraagXlsx, UITVRAAG_MAX_BYTES, uitvraagToXlsx } from "../../adapters/files/conversion-workbook.ts";
import type { ConversionService } from "../../app/conversion.ts";
import { PositiveId, RunQuery, StartConversion, conversionRoutes as spec, UitvraagQuery } from "../../contract/conversion.ts";
import { type Problem, problem, type Result } from "../../domain/shared/problem.ts";
import { explainZodIssue } from "../../domain/shared/zod-dutch.ts";
import { mount, sent } from "../route.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const signIn: Problem[] = [{ code: "unauthorized", title: "Aanmelden is nodig", detail: "meld u aan om conversies te zien" }];

/**
 * A conversion's or a run's number, with the problem that names which of the two it is ("Ongeldig runnummer"), so
 * the route parses it rather than the wrapper; likewise the uitvraag's and a run's query (their own problem texts).
 */
const numberOf = (raw: string, what: "conversienummer" | "runnummer"): Result<number> => {
  const id = PositiveId.safeParse(raw);
  return id.success
    ? { ok: true, value: id.data }
    : { ok: false, problems: [{ code: "invalid-parameter", title: `Ongeldig ${what}`, detail: `een ${what} is een positief geheel getal`, path: "id" }] };
};

/**
 * Conversion of running toewijzingen (docs/conversie.md): plans, the uitvraag workbook per aanbieder (an aanbieder
 * downloads its own and uploads its answers), answer status, dry runs (JSON or Excel), approval and execution.
 */
export const conversionRoutes = (svc: ConversionService, planDir: string) => async (app: FastifyInstance) => {
  app.addContentTypeParser(XLSX, { parseAs: "buffer", bodyLimit: UITVRAAG_MAX_BYTES }, (_req, body, done) => done(null, body));

  mount(app, spec.listConversionPlans, async ({ req }) => {
    if (!req.principal) return { ok: false, problems: signIn };
    const r = await readConversionPlans(planDir);
    return r.ok ? { ok: true, value: { plannen: r.value } } : r;
  });

  mount(app, spec.listConversions, async ({ actor, ctx }) => {
    const r = await svc.conversies(actor, undefined, ctx);
    return r.ok ? { ok: true, value: { conversies: r.value } } : r;
  });

  mount(app, spec.startConversion, async ({ body, actor, ctx, req }) => {
    const b = StartConversion.safeParse(body ?? {});
    if (!b.success) return { ok: false, problems: problem.fromZod(b.error, "Ongeldige conversie") };
    const t = req.principal?.tenant;
    if (!req.principal) return { ok: false, problems: signIn };
    if (t?.kind === "aanbieder") return { ok: false, problems: [problem.forbidden("een conversie wordt door de gemeente gestart")] };
    const gemeente = t?.kind === "gemeente" ? t.gemeentecode : b.data.gemeente;
    if (!gemeente) return { ok: false, problems: [problem.invalid("geef de gemeentecode", "gemeente", "Gemeente ontbreekt")] };
    const plans = await readConversionPlans(planDir);
    if (!plans.ok) return plans;
    const plan = plans.value.find((p) => p.id === b.data.plan);
    if (!plan) return { ok: false, problems: [problem.notFound(`geen conversieplan ${b.data.plan}`)] };
    return svc.start(actor, plan, gemeente, ctx);
  });

  mount(app, spec.getConversion, async ({ params, actor, ctx }) => {
    const id = numberOf(params.id, "conversienummer");
    return id.ok ? svc.conversie(actor, id.value, ctx) : id;
  });

  mount(app, spec.getAnswerStatus, async ({ params, actor, ctx }) => {
    const id = numberOf(params.id, "conversienummer");
    if (!id.ok) return id;
    const r = await svc.status(actor, id.value, ctx);
    return r.ok ? { ok: true, value: { aanbieders: r.value } } : r;
  });

  mount(app, spec.downloadUitvraag, async ({ params, actor, ctx, req, reply }) => {
    const id = numberOf(params.id, "conversienummer");
    if (!id.ok) return id;
    const q = UitvraagQuery.safeParse(req.query ?? {});
    if (!q.success)
      return {
        ok: false,
        problems: q.error.issues.map((i) => ({
          code: "invalid-parameter" as const,
          title: "Ongeldige parameter",
          detail: explainZodIssue(i),
          path: String(i.path[0] ?? ""),
        })),
      };
    const own = req.principal?.tenant?.kind === "aanbieder" ? req.principal.tenant.agbCode : undefined;
    const agb = q.data.aanbieder ?? own;
    if (!agb)
      return { ok: false, problems: [{ code: "invalid-parameter", title: "Aanbieder ontbreekt", detail: "geef ?aanbieder=<AGB-code>", path: "aanbieder" }] };
    const r = await svc.uitvraag(actor, id.value, agb, ctx);
    if (!r.ok) return r;
    const u = r.value[0]!;
    return sent(
      reply
        .header("content-type", XLSX)
        .header("content-disposition", `attachment; filename="uitvraag_${u.planId}_${u.gemeentecode}_${u.agbCode}.xlsx"`)
        .header("x-content-type-options", "nosniff")
        .send(await uitvraagToXlsx(u)),
    );
  });

  mount(app, spec.uploadAnswers, async ({ params, actor, ctx, req }) => {
    const id = numberOf(params.id, "conversienummer");
    if (!id.ok) return id;
    if (!Buffer.isBuffer(req.body) || !req.body.length)
      return { ok: false, problems: [{ code: "invalid-input", title: "Geen werkmap", detail: `stuur de ingevulde werkmap als ${XLSX}` }] };
    const read = await readUitvraagXlsx(new Uint8Array(req.body), "upload.xlsx");
    if (!read.ok) return read;
    if (read.value.conversieId !== id.value)
      return {
        ok: false,
        problems: [{ code: "invalid-input", title: "Andere conversie", detail: `deze werkmap hoort bij conversie ${read.value.conversieId}` }],
      };
    return svc.importeer(actor, { conversieId: id.value, agbCode: read.value.agbCode, bestandsnaam: "upload.xlsx", rijen: read.value.rijen }, ctx);
  });

  mount(app, spec.startDryRun, async ({ params, actor, ctx }) => {
    const id = numberOf(params.id, "conversienummer");
    return id.ok ? svc.proefrun(actor, id.value, ctx) : id;
  });

  mount(app, spec.listRuns, async ({ params, actor, ctx }) => {
    const id = numberOf(params.id, "conversienummer");
    if (!id.ok) return id;
    const r = await svc.runs(actor, id.value, ctx);
    return r.ok ? { ok: true, value: { runs: r.value } } : r;
  });

  mount(app, spec.getRun, async ({ params, actor, ctx, req, reply }) => {
    const id = numberOf(params.id, "runnummer");
    if (!id.ok) return id;
    const q = RunQuery.safeParse(req.query ?? {});
    if (!q.success)
      return { ok: false, problems: [{ code: "invalid-parameter", title: "Ongeldige parameter format", detail: "json of xlsx", path: "format" }] };
    const r = await svc.run(actor, id.value, ctx);
    if (!r.ok) return r;
    if (q.data.format === "xlsx")
      return sent(
        reply
          .header("content-type", XLSX)
          .header("content-disposition", `attachment; filename="proefrun-${id.value}.xlsx"`)
          .send(await proefrunToXlsx(r.value.inhoud.uitkomsten ?? [])),
      );
    return r;
  });

  mount(app, spec.approveDryRun, async ({ params, actor, ctx }) => {
    const id = numberOf(params.id, "runnummer");
    return id.ok ? svc.keurGoed(actor, id.value, ctx) : id;
  });

  mount(app, spec.executeConversion, async ({ params, actor, ctx }) => {
    const id = numberOf(params.id, "conversienummer");
    return id.ok ? svc.uitvoeren(actor, id.value, ctx) : id;
  });

  mount(app, spec.listLinks, async ({ params, actor, ctx }) => {
    const id = numberOf(params.id, "conversienummer");
    if (!id.ok) return id;
    const r = await svc.koppelingen(actor, id.value, ctx);
    return r.ok ? { ok: true, value: { koppelingen: r.value } } : r;
  });
};
