import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AccessGate } from "../../app/access.ts";
import type { AuthService } from "../../app/auth.ts";
import { defaultAuthOptions } from "../../app/auth.ts";
import type { AccessLogRepository } from "../../app/ports.ts";
import { SESSION_COOKIE, setSessionCookie } from "../auth.ts";
import { sendProblems } from "../problem.ts";

const Login = z.object({ username: z.string().max(200), password: z.string().max(500) }).strict();
const AccessLogQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }).strict();

const endpoint = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url ?? req.url}`;

/** Sign-in, accounts and the access log. Bodies are small: 4 kB at most. */
export const authRoutes = (auth: AuthService, gate: AccessGate, accessLog: AccessLogRepository) => async (app: FastifyInstance) => {
  const small = { bodyLimit: 4096 };

  app.post("/auth/login", small, async (req, reply) => {
    const body = Login.safeParse(req.body);
    if (!body.success)
      return sendProblems(reply, [{ code: "invalid-input", title: "Ongeldige invoer", detail: "geef username en password als tekst", path: "body" }], req.url);
    const r = await auth.login(body.data.username, body.data.password, req.ip);
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    setSessionCookie(req, reply, r.value.token, defaultAuthOptions.absoluteHours * 3600);
    return { user: r.value.principal, csrfToken: r.value.csrfToken };
  });

  app.get("/auth/me", async (req, reply) => {
    if (!req.principal) return sendProblems(reply, [{ code: "unauthorized", title: "Niet aangemeld", detail: "meld u aan via /api/v1/auth/login" }], req.url);
    return { user: req.principal, csrfToken: req.csrfToken };
  });

  app.post("/auth/logout", small, async (req, reply) => {
    await auth.logout(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send();
  });

  app.get("/users", async (req, reply) => {
    const r = await gate.run(req.principal, "user", "read", {}, { endpoint: endpoint(req), purpose: "accountbeheer: lijst van accounts" }, () => auth.listUsers());
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    return { items: r.value, total: r.value.length };
  });

  app.post("/users", small, async (req, reply) => {
    const r = await gate.run(req.principal, "user", "write", {}, { endpoint: endpoint(req), purpose: "accountbeheer: account aanmaken" }, () => auth.addUser(req.body));
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    if (!r.value.ok) return sendProblems(reply, r.value.problems, req.url);
    return reply.code(201).send(r.value.value);
  });

  app.post<{ Params: { username: string } }>("/users/:username/disable", small, async (req, reply) => {
    const r = await gate.run(req.principal, "user", "write", {}, { endpoint: endpoint(req), purpose: "accountbeheer: account uitschakelen" }, () =>
      auth.disable(req.params.username),
    );
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    if (!r.value.ok) return sendProblems(reply, r.value.problems, req.url);
    return r.value.value;
  });

  app.post<{ Params: { username: string } }>("/users/:username/reset-password", small, async (req, reply) => {
    const password = (req.body as { password?: unknown } | undefined)?.password;
    const r = await gate.run(req.principal, "user", "write", {}, { endpoint: endpoint(req), purpose: "accountbeheer: wachtwoord opnieuw instellen" }, () =>
      auth.resetPassword(req.params.username, password),
    );
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    if (!r.value.ok) return sendProblems(reply, r.value.problems, req.url);
    return r.value.value;
  });

  app.get("/access-log", async (req, reply) => {
    const q = AccessLogQuery.safeParse(req.query);
    if (!q.success) return sendProblems(reply, [{ code: "invalid-parameter", title: "Ongeldige parameter limit", detail: "limit is 1 tot 1000", path: "limit" }], req.url);
    const t = req.principal?.tenant;
    // a controller reads the log of its own gemeente; the beheerder reads everything
    const own = t?.kind === "gemeente" ? t.gemeentecode : undefined;
    const r = await gate.run(req.principal, "access-log", "read", { gemeentecode: own ?? null }, { endpoint: endpoint(req), purpose: "toezicht: inzage toegangslog" }, () =>
      accessLog.list({ ...(req.principal?.role === "beheerder" ? {} : { gemeentecode: own ?? "-" }), limit: q.data.limit }),
    );
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    return { items: r.value };
  });
};
