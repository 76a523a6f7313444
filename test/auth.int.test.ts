import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { dbLabel } from "./support/db.ts";
import { type TestApp, testApp } from "./support/app.ts";

describe(`sign-in, roles and tenants on ${dbLabel()}`, () => {
  let t: TestApp;
  let app: FastifyInstance;
  before(async () => {
    t = await testApp({ demoUsers: true });
    app = t.app;
  });
  after(async () => t.close());

  const login = async (username: string, password = "kader-demo", ip = "10.0.0.1") => {
    const r = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password }, remoteAddress: ip });
    const cookie = String(r.headers["set-cookie"] ?? "");
    return { status: r.statusCode, body: r.json(), cookie: cookie.split(";")[0] ?? "", rawCookie: cookie };
  };
  const as = (cookie: string, csrf?: string) => ({ cookie, ...(csrf ? { "x-csrf-token": csrf } : {}) });

  test("sign in as each role: an HttpOnly, SameSite session cookie and the user with role and tenant", async () => {
    for (const [u, role, tenant] of [
      ["beheerder", "beheerder", null],
      ["contractmanager", "contractmanager", "0106"],
      ["toegang", "toegang", "0106"],
      ["aanbieder", "aanbieder", "98765432"],
      ["controller", "controller", "1730"],
    ] as const) {
      const r = await login(u);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.match(r.rawCookie, /kader_session=[^;]+;.*HttpOnly/i);
      assert.match(r.rawCookie, /SameSite=Lax/i);
      assert.doesNotMatch(r.rawCookie, /Secure/, "no Secure flag over plain http");
      assert.equal(r.body.user.role, role);
      const code = r.body.user.tenant?.gemeentecode ?? r.body.user.tenant?.agbCode ?? null;
      assert.equal(code, tenant);
      const me = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: as(r.cookie) });
      assert.equal(me.json().user.username, u);
    }
  });

  test("a wrong password and an unknown user get the same answer, with no hint", async () => {
    const a = await login("toegang", "verkeerd-wachtwoord", "10.0.0.2");
    const b = await login("bestaat-niet", "verkeerd-wachtwoord", "10.0.0.3");
    assert.deepEqual([a.status, b.status], [401, 401]);
    assert.deepEqual(a.body.detail, b.body.detail);
    assert.equal(a.body.detail, "Onjuiste gebruikersnaam of wachtwoord");
    assert.equal(a.cookie, "");
  });

  test("sign-in is rate limited after 5 failures, for the right password too", async () => {
    for (let i = 0; i < 5; i++) assert.equal((await login("controller", "fout-fout-fout", "10.0.0.4")).status, 401);
    const blocked = await login("controller", "kader-demo", "10.0.0.4");
    assert.equal(blocked.status, 429);
    t.clock.advanceMinutes(16);
    assert.equal((await login("controller", "kader-demo", "10.0.0.4")).status, 200);
  });

  test("parallel sign-in attempts cannot slip past the rate limit", async () => {
    const tries = await Promise.all(Array.from({ length: 12 }, (_, i) => login("toegang", i === 11 ? "kader-demo" : "fout-fout-fout", "10.0.0.77")));
    const statuses = tries.map((r) => r.status);
    assert.ok(statuses.filter((s) => s === 429).length >= 6, statuses.join(","));
    t.clock.advanceMinutes(16);
  });

  test("every non-public endpoint refuses anonymous (401) and the wrong role (403)", async () => {
    const toegang = await login("toegang");
    const endpoints: [string, string][] = [
      ["GET", "/api/v1/users"],
      ["POST", "/api/v1/users"],
      ["POST", "/api/v1/users/toegang/disable"],
      ["POST", "/api/v1/users/toegang/reset-password"],
      ["GET", "/api/v1/access-log"],
      ["GET", "/api/v1/auth/me"],
    ];
    for (const [method, url] of endpoints) {
      const anon = await app.inject({ method: method as "GET", url, payload: method === "POST" ? {} : undefined });
      assert.equal(anon.statusCode, 401, `${method} ${url} anonymous`);
      assert.match(String(anon.headers["content-type"]), /problem\+json/);
      if (url.endsWith("/auth/me")) continue;
      const wrong = await app.inject({
        method: method as "GET",
        url,
        headers: as(toegang.cookie, toegang.body.csrfToken),
        payload: method === "POST" ? {} : undefined,
      });
      assert.equal(wrong.statusCode, 403, `${method} ${url} as toegang`);
    }
  });

  test("state-changing requests need the session's CSRF token; a forged one changes nothing", async () => {
    const b = await login("beheerder");
    const newUser = { username: "nieuwe.medewerker", displayName: "Nieuwe Medewerker", role: "toegang", gemeentecode: "0106", password: "een-goed-wachtwoord" };
    const none = await app.inject({ method: "POST", url: "/api/v1/users", headers: as(b.cookie), payload: newUser });
    const forged = await app.inject({ method: "POST", url: "/api/v1/users", headers: as(b.cookie, "vervalst"), payload: newUser });
    assert.deepEqual([none.statusCode, forged.statusCode], [403, 403]);
    assert.equal(forged.json().title, "CSRF-controle mislukt");
    const list = await app.inject({ method: "GET", url: "/api/v1/users", headers: as(b.cookie) });
    assert.ok(!list.json().items.some((u: { username: string }) => u.username === "nieuwe.medewerker"));
    const ok = await app.inject({ method: "POST", url: "/api/v1/users", headers: as(b.cookie, b.body.csrfToken), payload: newUser });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal((await login("nieuwe.medewerker", "een-goed-wachtwoord")).status, 200);
  });

  test("account validation names every bad field; a role needs the right kind of tenant", async () => {
    const b = await login("beheerder");
    const r = await app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: as(b.cookie, b.body.csrfToken),
      payload: { username: "X", displayName: "", role: "toegang", password: "kort" },
    });
    assert.equal(r.statusCode, 400);
    assert.deepEqual(
      r
        .json()
        .problems.map((p: { path: string }) => p.path)
        .sort(),
      ["displayName", "password", "username"],
    );
    const wrongTenant = await app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: as(b.cookie, b.body.csrfToken),
      payload: { username: "zorgaanbieder", displayName: "Z", role: "aanbieder", gemeentecode: "0106", password: "een-goed-wachtwoord" },
    });
    assert.equal(wrongTenant.statusCode, 400);
    assert.match(wrongTenant.json().detail, /aanbieder/);
  });

  test("an expired session is refused; logout ends the session", async () => {
    const c = await login("contractmanager");
    t.clock.advanceMinutes(31);
    assert.equal((await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: as(c.cookie) })).statusCode, 401);
    const d = await login("contractmanager");
    const out = await app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: as(d.cookie, d.body.csrfToken) });
    assert.equal(out.statusCode, 204);
    assert.equal((await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: as(d.cookie) })).statusCode, 401);
  });

  test("disabling an account ends its sessions and refuses sign-in", async () => {
    const b = await login("beheerder");
    const victim = await login("nieuwe.medewerker", "een-goed-wachtwoord");
    const r = await app.inject({ method: "POST", url: "/api/v1/users/nieuwe.medewerker/disable", headers: as(b.cookie, b.body.csrfToken) });
    assert.equal(r.statusCode, 200);
    assert.equal((await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: as(victim.cookie) })).statusCode, 401);
    assert.equal((await login("nieuwe.medewerker", "een-goed-wachtwoord", "10.0.0.9")).status, 401);
  });

  test("oversized and malformed bodies get a clear problem and change nothing", async () => {
    const big = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "beheerder", password: "x".repeat(10_000) } });
    assert.equal(big.statusCode, 413);
    assert.match(String(big.headers["content-type"]), /problem\+json/);
    const bad = await app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { "content-type": "application/json" }, payload: "{niet-json" });
    assert.equal(bad.statusCode, 400);
    const wrongShape = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: ["a"], password: 1 } });
    assert.equal(wrongShape.statusCode, 400);
  });

  test("access to personal data is logged: who, role, tenant, what, when, why; a controller reads only its own gemeente", async () => {
    const b = await login("beheerder");
    await app.inject({ method: "GET", url: "/api/v1/users", headers: as(b.cookie) });
    const log = await app.inject({ method: "GET", url: "/api/v1/access-log?limit=50", headers: as(b.cookie) });
    const rec = log.json().items.find((r: { endpoint: string; username: string }) => r.endpoint === "GET /api/v1/users" && r.username === "beheerder");
    assert.ok(rec, "users listing is logged");
    assert.deepEqual([rec.role, rec.resource, rec.action, rec.allowed], ["beheerder", "user", "read", true]);
    assert.match(rec.purpose, /accountbeheer/);
    assert.ok(rec.at);
    const denied = log.json().items.find((r: { username: string; allowed: boolean }) => r.username === "toegang" && !r.allowed);
    assert.ok(denied, "refused attempts are logged too");
    const c = await login("controller", "kader-demo", "10.0.0.20");
    const own = await app.inject({ method: "GET", url: "/api/v1/access-log", headers: as(c.cookie) });
    assert.equal(own.statusCode, 200);
    assert.ok(own.json().items.every((r: { gemeentecode: string | null; tenantCode: string | null }) => r.gemeentecode === "1730" || r.tenantCode === "1730"));
  });

  test("the catalogue stays public", async () => {
    assert.equal((await app.inject({ method: "GET", url: "/api/v1/products?limit=1" })).statusCode, 200);
  });
});
