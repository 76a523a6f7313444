import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { AccessContext, Actor } from "../app/access.ts";
import type { ParsedBody, ParsedParams, ParsedQuery, ResponseOf, RouteSpec } from "../contract/route.ts";
import type { Problem, Result } from "../domain/shared/problem.ts";
import { explainZodIssue } from "../domain/shared/zod-dutch.ts";
import { sendProblems } from "./problem.ts";
import { badQuery } from "./request.ts";

/**
 * What a handler gets: the request parsed with the contract, and the access context of the request built once
 * (who asks, the endpoint, the purpose the access log writes) — handlers repeat no parsing or guard code.
 */
export interface RouteInput<S extends RouteSpec> {
  params: ParsedParams<S>;
  query: ParsedQuery<S>;
  body: ParsedBody<S>;
  actor: Actor;
  ctx: AccessContext;
  req: FastifyRequest;
  reply: FastifyReply;
}

/**
 * A handler answers with a Result (problems become problem+json with the status of their code, a value the typed
 * JSON answer with the route's status), or with SENT when it sent a file or a non-JSON answer itself.
 */
export type RouteAnswer<S extends RouteSpec> = Result<ResponseOf<S>> | typeof SENT;

/**
 * What a handler returns after it sent the answer itself (a file, another status): `return sent(reply.send(…))`.
 * Not the reply: a reply is a thenable that settles when the response has finished, so an async handler returning
 * it would first wait for that (tens of microseconds on every request).
 */
export const SENT: unique symbol = Symbol("sent");
export const sent = (_reply: FastifyReply): typeof SENT => SENT;
export type RouteHandler<S extends RouteSpec> = (input: RouteInput<S>) => Promise<RouteAnswer<S>>;

/** Problems for bad path parameters, each naming its parameter. */
const badParams = (e: z.ZodError): Problem[] =>
  e.issues.map((i) => {
    const name = String(i.path[0] ?? "");
    return { code: "invalid-parameter", title: name ? `Ongeldige padparameter ${name}` : "Ongeldige padparameter", detail: explainZodIssue(i), path: name };
  });
const badBody = (e: z.ZodError): Problem[] =>
  e.issues.map((i) => ({ code: "invalid-input", title: "Ongeldige invoer", detail: explainZodIssue(i), path: i.path.map(String).join(".") || "body" }));

/**
 * When set (the test suite sets it, test/run.mjs), every JSON answer of a contract route is checked against its
 * response schema; an answer that does not fit becomes a 500 whose log line names the route and the first mismatches,
 * so a drift between the code and the contract fails the test that caused it.
 */
export const checkResponses = () => process.env.KADER_CHECK_RESPONSES === "1";

export class ContractViolation extends Error {
  constructor(
    readonly route: string,
    readonly issues: string[],
  ) {
    super(`antwoord van ${route} voldoet niet aan het contract: ${issues.join("; ")}`);
    this.name = "ContractViolation";
  }
}

function checkAnswer(spec: RouteSpec, value: unknown): void {
  if (!spec.response) return;
  const r = spec.response.safeParse(value);
  if (!r.success)
    throw new ContractViolation(
      `${spec.method} ${spec.path}`,
      r.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(antwoord)"}: ${i.message}`),
    );
}

/**
 * Registers a route of the contract on an app (or on a plugin registered with a prefix: the prefix is taken off the
 * contract's full path). Order per request: the access check before the body (src/api/auth.ts, from `spec.access`
 * through the access table),
 * the size limit and the body parser, then here: path parameters, query and JSON body parsed with the contract, each
 * problem naming its place; then the handler; then the answer.
 */
export function mount<S extends RouteSpec>(app: FastifyInstance, spec: S, handler: RouteHandler<S>, opts: { bodyLimit?: number } = {}): void {
  const url = app.prefix && spec.path.startsWith(app.prefix) ? spec.path.slice(app.prefix.length) || "/" : spec.path;
  // the access context of every request of this route, made once (req.routeOptions would build an object per request)
  const ctx: AccessContext = { endpoint: `${spec.method} ${spec.path}`, purpose: spec.purpose ?? spec.summary };
  app.route({
    method: spec.method,
    url,
    ...(opts.bodyLimit ? { bodyLimit: opts.bodyLimit } : {}),
    handler: async (req, reply) => {
      const problems: Problem[] = [];
      let params: unknown = req.params;
      if (spec.params) {
        const r = spec.params.safeParse(req.params);
        if (r.success) params = r.data;
        else problems.push(...badParams(r.error));
      }
      let query: unknown = req.query;
      if (spec.query && spec.queryParsedBy !== "use-case") {
        const r = spec.query.safeParse(req.query ?? {});
        if (r.success) query = r.data;
        else problems.push(...badQuery(r.error));
      }
      let body: unknown = req.body;
      if (spec.body && spec.bodyParsedBy !== "use-case" && !spec.rawBody) {
        const r = spec.body.safeParse(req.body ?? {});
        if (r.success) body = r.data;
        else problems.push(...badBody(r.error));
      }
      // the instance is the path only (sendProblems drops the query string, which may hold what must not be repeated)
      if (problems.length) return sendProblems(reply, problems, req.url);
      const answer = await handler({
        params: params as ParsedParams<S>,
        query: query as ParsedQuery<S>,
        body: body as ParsedBody<S>,
        actor: { kind: "user", principal: req.principal },
        ctx,
        req,
        reply,
      });
      // the handler sent the answer itself: Fastify is told so by the reply (a stream, e.g. compressed, may still be writing)
      if (answer === SENT) return reply;
      const result = answer as Result<ResponseOf<S>>;
      if (!result.ok) return sendProblems(reply, result.problems, req.url);
      if (checkResponses()) checkAnswer(spec, result.value);
      if (spec.status === 204) return reply.code(204).send();
      return reply.code(spec.status ?? 200).send(result.value);
    },
  });
}
