import type { FastifyInstance } from "fastify";
import { accessLogToCsv, accessLogToXlsx } from "../../adapters/files/access-log-export.ts";
import type { AccessGate } from "../../app/access.ts";
import type { AuthService } from "../../app/auth.ts";
import { attemptOutcomeLabel, defaultAuthOptions } from "../../app/auth.ts";
import type { AccessLogFilter, AccessLogRepository } from "../../app/ports.ts";
import { type AccessLogEntry, authRoutes as spec, Login } from "../../contract/auth.ts";
import { fail, ok } from "../../domain/shared/problem.ts";
import { SESSION_COOKIE, setSessionCookie } from "../auth.ts";
import { mount, sent } from "../route.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

/** Sign-in, accounts and the access log. Bodies are small: 4 kB at most. */
export const authRoutes = (auth: AuthService, gate: AccessGate, accessLog: AccessLogRepository) => async (app: FastifyInstance) => {
  const small = { bodyLimit: 4096 };

  mount(
    app,
    spec.login,
    async ({ body, req, reply }) => {
      const parsed = Login.safeParse(body);
      if (!parsed.success) return fail({ code: "invalid-input", title: "Ongeldige invoer", detail: "geef username en password als tekst", path: "body" });
      const r = await auth.login(parsed.data.username, parsed.data.password, req.ip);
      if (!r.ok) {
        if (r.retryAfterSeconds !== undefined) reply.header("retry-after", String(r.retryAfterSeconds));
        return r;
      }
      setSessionCookie(req, reply, r.value.token, defaultAuthOptions.absoluteHours * 3600);
      return ok({ user: r.value.principal, csrfToken: r.value.csrfToken });
    },
    small,
  );

  mount(app, spec.currentSession, async ({ req }) =>
    req.principal && req.csrfToken
      ? ok({ user: req.principal, csrfToken: req.csrfToken })
      : fail({ code: "unauthorized", title: "Niet aangemeld", detail: "meld u aan via /api/v1/auth/login" }),
  );

  mount(
    app,
    spec.logout,
    async ({ req, reply }) => {
      await auth.logout(req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return ok(undefined);
    },
    small,
  );

  mount(app, spec.listUsers, async ({ actor, ctx }) => {
    const r = await gate.guard(actor, "user", "read", {}, ctx, () => auth.listUsers());
    return r.ok ? ok({ items: r.value, total: r.value.length }) : r;
  });

  mount(
    app,
    spec.createUser,
    async ({ body, actor, ctx }) => {
      const r = await gate.guard(actor, "user", "write", {}, ctx, () => auth.addUser(body));
      return r.ok ? r.value : r;
    },
    small,
  );

  mount(
    app,
    spec.disableUser,
    async ({ params, actor, ctx }) => {
      const r = await gate.guard(actor, "user", "write", {}, ctx, () => auth.disable(params.username));
      return r.ok ? r.value : r;
    },
    small,
  );

  mount(
    app,
    spec.resetPassword,
    async ({ params, body, actor, ctx }) => {
      const password = (body as { password?: unknown } | undefined)?.password;
      const r = await gate.guard(actor, "user", "write", {}, ctx, () => auth.resetPassword(params.username, password));
      return r.ok ? r.value : r;
    },
    small,
  );

  mount(
    app,
    spec.unlockUser,
    async ({ params, actor, ctx, req }) => {
      const by = req.principal?.username ?? "";
      const r = await gate.guard(actor, "user", "write", {}, ctx, () => auth.unlock(params.username, by), {
        records: [`account:${params.username.slice(0, 64)}`],
      });
      return r.ok ? r.value : r;
    },
    small,
  );

  mount(app, spec.listLoginAttempts, async ({ query: q, actor, ctx }) => {
    const r = await gate.guard(
      actor,
      "user",
      "read",
      {},
      ctx,
      () => auth.loginAttempts({ username: q.gebruiker, limit: q.limit, offset: q.offset }),
      (v) => ({ filter: q.gebruiker ? `gebruiker=${q.gebruiker.slice(0, 60)}` : "alle", count: v.items.length }),
    );
    if (!r.ok) return r;
    return ok({
      items: r.value.items.map((a) => ({ ...a, label: attemptOutcomeLabel[a.outcome] })),
      geblokkeerd: r.value.locked,
      limit: q.limit,
      offset: q.offset,
    });
  });

  mount(app, spec.listAccessLog, async ({ query: p, actor, ctx, req, reply }) => {
    if (p.van && p.tot && p.tot < p.van) return fail({ code: "invalid-parameter", title: "Ongeldige periode", detail: "tot ligt vóór van", path: "tot" });
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
    const r = await gate.guard(
      actor,
      "access-log",
      "read",
      { gemeentecode: own ?? null },
      p.format === "json" ? ctx : { ...ctx, purpose: `toezicht: export toegangslog (${p.format})` },
      () => accessLog.list(filter),
      // reading the log about a client is itself an access that concerns that client
      (rows) => ({ clientIds: p.client !== undefined ? [p.client] : [], filter: selection.join("&") || "alle", count: rows.length }),
    );
    if (!r.ok) return r;
    const stamp = new Date().toISOString().slice(0, 10);
    if (p.format === "csv")
      return sent(
        reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="kader-toegangslog-${stamp}.csv"`)
          .send(accessLogToCsv(r.value)),
      );
    if (p.format === "xlsx")
      return sent(
        reply
          .type(XLSX)
          .header("content-disposition", `attachment; filename="kader-toegangslog-${stamp}.xlsx"`)
          .send(await accessLogToXlsx(r.value, `Selectie: ${selection.join(", ") || "alle"}${own ? ` (gemeente ${own})` : ""}`)),
      );
    // the log stores resource and action as text; the gate writes only the contract's resources and actions
    return ok({ items: r.value as AccessLogEntry[], limit: filter.limit, offset: filter.offset ?? 0 });
  });
};
