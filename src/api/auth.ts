import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { AccessGate } from "../app/access.ts";
import type { AuthService } from "../app/auth.ts";
import type { Principal } from "../domain/auth/principal.ts";
import type { Problem } from "../domain/shared/problem.ts";
import { decideRoute, ownTenant, routeAccess, STATE_CHANGING } from "./access-table.ts";
import { sendProblems } from "./problem.ts";

export const SESSION_COOKIE = "kader_session";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string | null;
  }
}

const stateChanging = STATE_CHANGING;

/**
 * Reads the session cookie into request.principal (only when a cookie is sent: public requests cost no query),
 * enforces the CSRF token on every state-changing request of a signed-in session (header x-csrf-token), and then —
 * still before a byte of the body is read — refuses a state-changing API request whose caller can never do that
 * route: 401 without an account, 403 for a role the policy gives no grant (src/api/access-table.ts). Only then come
 * the size limits (bodyLimit) and the parsing.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { auth: AuthService; gate?: AccessGate }) => {
  await app.register(cookie);
  app.decorateRequest("principal", null);
  app.decorateRequest("csrfToken", null);
  app.addHook("onRequest", async (req: FastifyRequest, reply: FastifyReply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token || !req.url.startsWith("/api/")) return;
    const s = await opts.auth.session(token);
    if (!s) {
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return;
    }
    req.principal = s.principal;
    req.csrfToken = s.csrfToken;
    if (stateChanging.has(req.method) && req.url !== "/api/v1/auth/login" && req.headers["x-csrf-token"] !== s.csrfToken)
      return sendProblems(
        reply,
        [
          {
            code: "forbidden",
            title: "CSRF-controle mislukt",
            detail: "de header x-csrf-token ontbreekt of klopt niet; vraag een nieuw token op via /api/v1/auth/me",
          },
        ],
        req.url,
      );
  });
  app.addHook("onRequest", async (req: FastifyRequest, reply: FastifyReply) => {
    const pattern = req.routeOptions.url;
    if (!stateChanging.has(req.method) || !pattern?.startsWith("/api/")) return;
    const access = routeAccess(req.method, pattern);
    const d = decideRoute(req.principal, access);
    if (d.allowed) return;
    const endpoint = `${req.method} ${pattern}`;
    // a refusal of personal data is written to the access log like any other (the gate decides again and logs)
    if (access.kind === "policy" && opts.gate) {
      const r = await opts.gate.run(
        req.principal,
        access.resource,
        access.action,
        ownTenant(req.principal),
        { endpoint, purpose: "toegangscontrole vóór het lezen van het verzoek" },
        async () => null,
      );
      if (!r.ok) return sendProblems(reply, r.problems, req.url);
    }
    const p: Problem =
      d.status === 401 ? { code: "unauthorized", title: "Aanmelden nodig", detail: d.reason } : { code: "forbidden", title: "Geen toegang", detail: d.reason };
    return sendProblems(reply, [p], req.url);
  });
});

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: req.protocol === "https",
    maxAge: maxAgeSeconds,
  });
}
