import type { FastifyInstance } from "fastify";
import { complianceToXlsx } from "../../adapters/files/compliance-export.ts";
import { parseStaffFile } from "../../adapters/files/staff-import.ts";
import type { ComplianceService } from "../../app/compliance.ts";
import { parseParameters } from "../../app/tariffs.ts";
import { complianceRoutes as spec } from "../../contract/compliance.ts";
import { fail, ok } from "../../domain/shared/problem.ts";
import { ContractViolation, checkResponses, mount, sent } from "../route.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MB = 1024 * 1024;
const evidenceLimit = { bodyLimit: 256 * 1024 };

/**
 * Providers and compliance: a contractmanager sees the providers its gemeente contracts; an aanbieder only its own.
 * Staff files arrive as the request body (text/csv or xlsx, at most 10 MB) with the file name in `bestand`.
 */
export const complianceRoutes = (svc: ComplianceService) => async (app: FastifyInstance) => {
  app.addContentTypeParser([...spec.importStaff.rawBody], { parseAs: "buffer", bodyLimit: 10 * MB }, (_req, body, done) => done(null, body));

  mount(app, spec.listProviders, async ({ actor, ctx }) => {
    const r = await svc.list(actor, ctx);
    return r.ok ? ok({ items: r.value }) : r;
  });

  mount(app, spec.getProvider, async ({ params, actor, ctx }) => svc.staff(actor, params.agb, ctx));

  mount(
    app,
    spec.importStaff,
    async ({ params, query, actor, ctx, req, reply }) => {
      // who may import is decided before the file is read
      const denied = await svc.authorizeImport(actor, params.agb, ctx);
      if (denied) return denied;
      const file = req.body;
      if (!Buffer.isBuffer(file))
        return fail({ code: "unsupported", title: "Geen bestand", detail: "stuur het bestand als body met content-type text/csv of xlsx" });
      const parsed = await parseStaffFile(new Uint8Array(file), query.bestand);
      if (!parsed.ok) return parsed;
      const r = await svc.importStaff(actor, params.agb, parsed.value, { name: query.naam }, ctx);
      if (!r.ok) return r;
      const answer = { created: r.value.created, staff: r.value.staff, aanbieder: r.value.provider };
      if (!answer.created) return ok(answer);
      // a new aanbieder is 201 (a replaced staff list 200, the route's status): this answer is sent here, checked the same way
      if (checkResponses()) {
        const c = spec.importStaff.response.safeParse(answer);
        if (!c.success)
          throw new ContractViolation(
            `POST ${spec.importStaff.path}`,
            c.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`),
          );
      }
      return sent(reply.code(201).send(answer));
    },
    { bodyLimit: 10 * MB },
  );

  mount(
    app,
    spec.setEvidence,
    async ({ params, body, actor, ctx }) => svc.setEvidence(actor, params.agb, (body as { items?: unknown } | undefined)?.items, ctx),
    evidenceLimit,
  );

  mount(
    app,
    spec.setContracts,
    async ({ params, body, actor, ctx }) => svc.setContracts(actor, params.agb, (body as { items?: unknown } | undefined)?.items, ctx),
    evidenceLimit,
  );

  mount(app, spec.checkProvider, async ({ params, query, actor, ctx, reply }) => {
    const r = await svc.check(actor, params.agb, query, ctx);
    if (!r.ok || query.format !== "xlsx") return r;
    return sent(
      reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="kader-toets-${r.value.aanbieder.agbCode}-${r.value.peildatum}.xlsx"`)
        .send(await complianceToXlsx(r.value)),
    );
  });

  mount(
    app,
    spec.compareContractTariffs,
    async ({ body, actor, ctx }) => {
      const params = parseParameters((body as { parameters?: unknown } | undefined)?.parameters);
      if (!params.ok) return params;
      const r = await svc.contractTariffs(actor, params.value, ctx);
      return r.ok ? ok({ items: r.value }) : r;
    },
    evidenceLimit,
  );

  mount(app, spec.listSignals, async ({ query, actor, ctx }) => {
    const r = await svc.signals(actor, query.dagen, ctx);
    return r.ok ? ok({ items: r.value }) : r;
  });
};
