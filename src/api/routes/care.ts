import type { FastifyInstance } from "fastify";
import { budgetToXlsx } from "../../adapters/files/budget-export.ts";
import { jsonSources, locate, readDeclaratieFile } from "../../adapters/files/declaratie-files.ts";
import { type CareService, looksLikeBsn } from "../../app/care.ts";
import { careRoutes as routes, ClientId, ClientSearch } from "../../contract/care.ts";
import { fail, ok, type Problem } from "../../domain/shared/problem.ts";
import { badQuery } from "../request.ts";
import { ContractViolation, checkResponses, mount, sent } from "../route.ts";

/** At most this many declaraties in one file or body (one transaction). */
const MAX_DECLARATIES = 5000;
const MAX_UPLOAD = 25 * 1024 * 1024;
const bsnInUrl: Problem = {
  code: "invalid-parameter",
  title: "Zoeken op BSN kan niet via de URL",
  detail: 'een BSN hoort niet in een URL (die komt in logbestanden terecht); zoek met POST /api/v1/clienten/zoeken en { "q": … } in de body',
  path: "q",
};
const badClientId: Problem = {
  code: "invalid-parameter",
  title: "Ongeldig cliëntnummer",
  detail: "een cliëntnummer is een positief geheel getal",
  path: "id",
};
const toewijzingKey = (p: { gemeente: string; wet: string; nummer: string }) => ({ gemeentecode: p.gemeente, wet: p.wet, toewijzingnummer: p.nummer });

/**
 * The care chain over HTTP, every route as the contract describes it (src/contract/care.ts). toegang: its own
 * gemeente's clients, beschikkingen and toewijzingen; aanbieder: its own toewijzingen and declaraties; controller:
 * read-only. Every route goes through the service, which asks the policy and writes the access log.
 */
export const careRoutes = (svc: CareService) => async (app: FastifyInstance) => {
  app.addContentTypeParser("text/csv", { parseAs: "buffer", bodyLimit: MAX_UPLOAD }, (_req, body, done) => done(null, body));

  mount(app, routes.listClients, async ({ query, actor, ctx }) => {
    // the instance of the refusal is the path only: the query holds the very number that must not be repeated
    if (query.q !== undefined && looksLikeBsn(query.q)) return fail(bsnInUrl);
    return svc.clients(actor, { q: query.q, page: query.pagina }, ctx);
  });

  mount(app, routes.searchClients, async ({ body, actor, ctx }) => {
    const q = ClientSearch.safeParse(body ?? {});
    if (!q.success) return fail(...badQuery(q.error));
    return svc.clients(actor, { q: q.data.q, page: q.data.pagina }, ctx);
  });

  mount(app, routes.createClient, async ({ body, actor, ctx }) => svc.createClient(actor, body, ctx));

  mount(app, routes.getClient, async ({ params, actor, ctx }) => {
    const id = ClientId.safeParse(params.id);
    return id.success ? svc.clientOverview(actor, id.data, ctx) : fail(badClientId);
  });

  mount(app, routes.checkGrantForClient, async ({ params, body, actor, ctx }) => {
    const id = ClientId.safeParse(params.id);
    return id.success ? svc.checkForClient(actor, id.data, body, ctx) : fail(badClientId);
  });

  mount(app, routes.checkGrant, async ({ body, actor, ctx }) => svc.checkAs(actor, body, ctx));

  mount(app, routes.grant, async ({ body, actor, ctx }) => svc.grant(actor, body, ctx));

  mount(app, routes.listToewijzingen, async ({ query, actor, ctx }) => {
    const r = await svc.toewijzingen(actor, query, ctx);
    return r.ok ? ok({ items: r.value }) : r;
  });

  mount(app, routes.getToewijzing, async ({ params, actor, ctx }) => svc.history(actor, toewijzingKey(params), ctx));

  mount(app, routes.reportToewijzingEvent, async ({ params, body, actor, ctx }) => svc.event(actor, toewijzingKey(params), body, ctx));

  mount(app, routes.getWorklist, async ({ actor, ctx }) => {
    const r = await svc.worklist(actor, ctx);
    return r.ok ? ok({ items: r.value }) : r;
  });

  mount(app, routes.listDeclaraties, async ({ actor, ctx }) => {
    const r = await svc.declaraties(actor, ctx);
    return r.ok ? ok({ items: r.value }) : r;
  });

  /**
   * One declaratie or a list as JSON, or a CSV file (text/csv) with one or more: all or nothing. Every declaratie gets
   * its own answer; any error (another aanbieder's declaratie, an invalid value) stores none of them and lists every
   * error with its row and column. 201, or 200 when every declaratie had been received before (nothing changed).
   */
  mount(
    app,
    routes.submitDeclaraties,
    async ({ body, actor, ctx, reply }) => {
      const sources = Buffer.isBuffer(body) ? readDeclaratieFile(new Uint8Array(body), "upload.csv") : ok(jsonSources(body ?? {}, "upload.json"));
      if (!sources.ok) return sources;
      const list = sources.value;
      if (list.length > MAX_DECLARATIES)
        return fail({
          code: "payload-too-large",
          title: "Te veel declaraties",
          detail: `lever hoogstens ${MAX_DECLARATIES} declaraties in één bestand aan (dit bestand: ${list.length})`,
        });
      const r = await svc.submitDeclaraties(
        actor,
        list.map((s) => s.raw),
        ctx,
        {
          locate: (problems, i) => locate(problems, list[i]!, { several: list.length > 1 }),
          readProblems: list.flatMap((s) => s.problems ?? []),
        },
      );
      if (!r.ok) return r;
      const answer = { antwoorden: r.value };
      if (checkResponses()) {
        const checked = routes.submitDeclaraties.response.safeParse(answer);
        if (!checked.success)
          throw new ContractViolation(
            "POST /api/v1/declaraties",
            checked.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(antwoord)"}: ${i.message}`),
          );
      }
      return sent(reply.code(r.value.every((a) => a.herhaald) ? 200 : 201).send(answer));
    },
    { bodyLimit: MAX_UPLOAD },
  );

  mount(app, routes.getDeclaratie, async ({ params, actor, ctx }) =>
    svc.declaratie(actor, { agbCode: params.agb, wet: params.wet, declaratienummer: params.nummer }, ctx),
  );

  mount(app, routes.getBudget, async ({ query, actor, ctx, reply }) => {
    const r = await svc.budget(actor, query, ctx);
    if (!r.ok || query.format !== "xlsx") return r;
    return sent(
      reply
        .type(routes.getBudget.files[0])
        .header("content-disposition", `attachment; filename="kader-budget-${r.value.groep}-${r.value.peildatum}.xlsx"`)
        .send(await budgetToXlsx(r.value)),
    );
  });
};
