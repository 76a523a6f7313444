import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { AuthService } from "../app/auth.ts";
import type { Principal } from "../domain/auth/principal.ts";
import { sendProblems } from "./problem.ts";

export const SESSION_COOKIE = "kader_session";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string | null;
  }
}

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Reads the session cookie into request.principal (only when a cookie is sent: public requests cost no query) and
 * enforces the CSRF token on every state-changing request of a signed-in session (header x-csrf-token).
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { auth: AuthService }) => {
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
      return sendProblems(reply, [{ code: "forbidden", title: "CSRF-controle mislukt", detail: "de header x-csrf-token ontbreekt of klopt niet; vraag een nieuw token op via /api/v1/auth/me" }], req.url);
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
