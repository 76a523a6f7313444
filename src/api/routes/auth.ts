import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { accessLogToCsv, accessLogToXlsx } from "../../adapters/files/access-log-export.ts";
import type { AccessGate } from "../../app/access.ts";
import type { AuthService } from "../../app/auth.ts";
import { attemptOutcomeLabel, defaultAuthOptions } from "../../app/auth.ts";
import type { AccessLogFilter, AccessLogRepository } from "../../app/ports.ts";
import { resources } from "../../domain/auth/policy.ts";
import { SESSION_COOKIE, setSessionCookie } from "../auth.ts";
import { sendProblems } from "../problem.ts";
import { badQuery } from "../request.ts";

const Login = z.object({ username: z.string().max(200), password: z.string().max(500) }).strict();
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "een datum is JJJJ-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "geen bestaande datum");

/** The access log's filters, in Dutch like the other routes: cliënt, gebruiker, periode (van t/m tot), wat, toegestaan. */
export const AccessLogQuery = z
  .object({
    client: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    gebruiker: z.string().trim().min(1).max(64).optional(),
    van: IsoDate.optional(),
    tot: IsoDate.optional(),
    resource: z.enum(resources).optional(),
    toegestaan: z.enum(["ja", "nee"]).optional(),
    gemeente: z
      .string()
      .regex(/^[0-9]{4}$/, "een gemeentecode is 4 cijfers")
      .optional(),
    limit: z.coerce.number().int().min(1).max(10_000).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    format: z.enum(["json", "csv", "xlsx"]).default("json"),
  })
  .strict();
const AttemptQuery = z
  .object({
    gebruiker: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/** Midnight at the start of a Dutch calendar date (Europe/Amsterdam), as an instant. */
export function dutchMidnight(date: string): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Amsterdam", timeZoneName: "shortOffset" })
      .formatToParts(new Date(guess))
      .find((x) => x.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  const offsetMin = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  return new Date(guess - offsetMin * 60_000).toISOString();
}
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const endpoint = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url ?? req.url}`;

/** Sign-in, accounts and the access log. Bodies are small: 4 kB at most. */
export const authRoutes = (auth: AuthService, gate: AccessGate, accessLog: AccessLogRepository) => async (app: FastifyInstance) => {
  const small = { bodyLimit: 4096 };

  app.post("/auth/login", small, async (req, reply) => {
    const body = Login.safeParse(req.body);
    if (!body.success)
      return sendProblems(reply, [{ code: "invalid-input", title: "Ongeldige invoer", detail: "geef username en password als tekst", path: "body" }], req.url);
    const r = await auth.login(body.data.username, body.data.password, req.ip);
    if (!r.ok) {
      if (r.retryAfterSeconds !== undefined) reply.header("retry-after", String(r.retryAfterSeconds));
      return sendProblems(reply, r.problems, req.url);
    }
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
    const r = await gate.run(req.principal, "user", "read", {}, { endpoint: endpoint(req), purpose: "accountbeheer: lijst van accounts" }, () =>
      auth.listUsers(),
    );
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    return { items: r.value, total: r.value.length };
  });

  app.post("/users", small, async (req, reply) => {
    const r = await gate.run(req.principal, "user", "write", {}, { endpoint: endpoint(req), purpose: "accountbeheer: account aanmaken" }, () =>
      auth.addUser(req.body),
    );
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

  app.post<{ Params: { username: string } }>("/users/:username/unlock", small, async (req, reply) => {
    const by = req.principal?.username ?? "";
    const r = await gate.run(
      req.principal,
      "user",
      "write",
      {},
      { endpoint: endpoint(req), purpose: "accountbeheer: blokkade na mislukte aanmeldingen opheffen" },
      () => auth.unlock(req.params.username, by),
      {
        records: [`account:${req.params.username.slice(0, 64)}`],
      },
    );
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    if (!r.value.ok) return sendProblems(reply, r.value.problems, req.url);
    return r.value.value;
  });

  app.get("/aanmeldpogingen", async (req, reply) => {
    const q = AttemptQuery.safeParse(req.query);
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const r = await gate.run(
      req.principal,
      "user",
      "read",
      {},
      { endpoint: endpoint(req), purpose: "accountbeheer: aanmeldpogingen inzien" },
      () => auth.loginAttempts({ username: q.data.gebruiker, limit: q.data.limit, offset: q.data.offset }),
      (v) => ({ filter: q.data.gebruiker ? `gebruiker=${q.data.gebruiker.slice(0, 60)}` : "alle", count: v.items.length }),
    );
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    return {
      items: r.value.items.map((a) => ({ ...a, label: attemptOutcomeLabel[a.outcome] })),
      geblokkeerd: r.value.locked,
      limit: q.data.limit,
      offset: q.data.offset,
    };
  });

  app.get("/access-log", async (req, reply) => {
    const q = AccessLogQuery.safeParse(req.query);
    if (!q.success) return sendProblems(reply, badQuery(q.error), req.url);
    const p = q.data;
    if (p.van && p.tot && p.tot < p.van)
      return sendProblems(reply, [{ code: "invalid-parameter", title: "Ongeldige periode", detail: "tot ligt vóór van", path: "tot" }], req.url);
    const t = req.principal?.tenant;
    // a controller reads the log of its own gemeente; the beheerder reads everything (or one gemeente)
    const own = t?.kind === "gemeente" ? t.gemeentecode : undefined;
    const beheerder = req.principal?.role === "beheerder";
    const filter: AccessLogFilter = {
      gemeentecode: beheerder ? p.gemeente : (own ?? "-"),
      clientId: p.client,
      username: p.gebruiker?.toLowerCase(),
      from: p.van ? dutchMidnight(p.van) : undefined,
      to: p.tot ? dutchMidnight(nextDay(p.tot)) : undefined,
      resource: p.resource,
      allowed: p.toegestaan === undefined ? undefined : p.toegestaan === "ja",
      limit: p.limit ?? (p.format === "json" ? 100 : 10_000),
      offset: p.offset,
    };
    const selection = [
      p.client !== undefined ? `client=${p.client}` : null,
      p.gebruiker ? `gebruiker=${p.gebruiker.slice(0, 60)}` : null,
      p.van ? `van=${p.van}` : null,
      p.tot ? `tot=${p.tot}` : null,
      p.resource ? `resource=${p.resource}` : null,
      p.toegestaan ? `toegestaan=${p.toegestaan}` : null,
      p.gemeente && beheerder ? `gemeente=${p.gemeente}` : null,
    ].filter((x): x is string => x !== null);
    const r = await gate.run(
      req.principal,
      "access-log",
      "read",
      { gemeentecode: own ?? null },
      { endpoint: endpoint(req), purpose: p.format === "json" ? "toezicht: inzage toegangslog" : `toezicht: export toegangslog (${p.format})` },
      () => accessLog.list(filter),
      // reading the log about a client is itself an access that concerns that client
      (rows) => ({ clientIds: p.client !== undefined ? [p.client] : [], filter: selection.join("&") || "alle", count: rows.length }),
    );
    if (!r.ok) return sendProblems(reply, r.problems, req.url);
    const stamp = new Date().toISOString().slice(0, 10);
    if (p.format === "csv")
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="kader-toegangslog-${stamp}.csv"`)
        .send(accessLogToCsv(r.value));
    if (p.format === "xlsx")
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="kader-toegangslog-${stamp}.xlsx"`)
        .send(await accessLogToXlsx(r.value, `Selectie: ${selection.join(", ") || "alle"}${own ? ` (gemeente ${own})` : ""}`));
    return { items: r.value, limit: filter.limit, offset: filter.offset };
  });
};
