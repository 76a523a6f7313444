import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { type TestApp, testApp } from "../support/app.ts";
import { dbLabel } from "../support/db.ts";

/**
 * Issue 13 §3 at the HTTP boundary: NUL and control characters are refused with a 400 naming the field (never a 500
 * from PostgreSQL), Fastify's English errors are Dutch with the place, unknown query parameters are named, and
 * echoed input is capped.
 */
const ENGLISH = /Invalid input|expected .* received|Body cannot be empty|is not valid JSON|Unsupported Media Type|Unexpected token|is not a valid url/i;

describe(`bad input at the boundary, on ${dbLabel()}`, () => {
  let t: TestApp;
  let app: FastifyInstance;
  before(async () => {
    t = await testApp({ demoUsers: true });
    app = t.app;
  });
  after(async () => t.close());

  const login = async (username: string) => {
    const r = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password: "kader-demo" } });
    assert.equal(r.statusCode, 200, r.body);
    return { cookie: String(r.headers["set-cookie"] ?? "").split(";")[0] ?? "", "x-csrf-token": r.json().csrfToken as string };
  };
  const clientCount = async (h: Record<string, string>) => (await app.inject({ method: "GET", url: "/api/v1/clienten", headers: h })).json().total as number;
  const json = (h: Record<string, string>) => ({ ...h, "content-type": "application/json" });

  describe("NUL and control characters", () => {
    test("a NUL in a JSON string: 400 naming the field, nothing stored", async () => {
      const h = await login("toegang");
      const before = await clientCount(h);
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/clienten",
        headers: json(h),
        payload: '{"gemeente":"0106","bsn":"111222333","geboortedatum":"2010-01-01","naam":"Jan\\u0000Jansen"}',
      });
      assert.equal(r.statusCode, 400, r.body);
      assert.match(String(r.headers["content-type"] ?? ""), /application\/problem\+json/);
      const p = r.json();
      assert.equal(p.problems[0].path, "naam");
      assert.match(p.detail, /veld naam: bevat een NUL-teken \(U\+0000\)/);
      assert.equal(await clientCount(h), before);
    });

    test("deep in the body, in an object key, and other C0 controls; tab, LF and CR pass", async () => {
      const h = await login("contractmanager");
      const deep = await app.inject({
        method: "POST",
        url: "/api/v1/programmas-van-eisen",
        headers: json(h),
        payload: '{"titel":"x","eisen":[{"a":{"b":["ok","x\\u0000"]}}]}',
      });
      assert.equal(deep.statusCode, 400, deep.body);
      assert.equal(deep.json().problems[0].path, "eisen[0].a.b[1]");
      const key = await app.inject({ method: "POST", url: "/api/v1/programmas-van-eisen", headers: json(h), payload: '{"ti\\u0000tel":"x"}' });
      assert.equal(key.statusCode, 400, key.body);
      assert.match(key.json().detail, /de veldnaam bevat een NUL-teken/);
      assert.match(key.json().problems[0].path, /\\u0000/);
      const bell = await app.inject({ method: "POST", url: "/api/v1/programmas-van-eisen", headers: json(h), payload: '{"titel":"a\\u0007b"}' });
      assert.equal(bell.statusCode, 400, bell.body);
      assert.match(bell.json().detail, /veld titel: bevat een stuurteken \(U\+0007\)/);
      const fine = await app.inject({ method: "POST", url: "/api/v1/programmas-van-eisen", headers: json(h), payload: '{"titel":"a\\tb\\nc\\r"}' });
      assert.doesNotMatch(fine.body, /stuurteken|NUL-teken/);
      assert.notEqual(fine.statusCode, 500);
    });

    test("a NUL in a query string and in a path parameter: 400 naming the parameter", async () => {
      const q = await app.inject({ method: "GET", url: "/api/v1/products?q=zorg%00" });
      assert.equal(q.statusCode, 400, q.body);
      assert.match(q.json().detail, /parameter q: bevat een NUL-teken \(U\+0000\)/);
      assert.equal(q.json().problems[0].path, "q");
      const p = await app.inject({ method: "GET", url: "/api/v1/products/abc%00def" });
      assert.equal(p.statusCode, 400, p.body);
      assert.match(p.json().detail, /padparameter id: bevat een NUL-teken/);
      const h = await login("toegang");
      const c = await app.inject({ method: "GET", url: "/api/v1/toewijzingen?status=%01", headers: h });
      assert.equal(c.statusCode, 400, c.body);
      assert.match(c.json().detail, /parameter status: bevat een stuurteken \(U\+0001\)/);
    });
  });

  describe("Dutch instead of Fastify's and zod's English", () => {
    test("invalid JSON names line, column and position", async () => {
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/tarieven/bereken",
        headers: { "content-type": "application/json" },
        payload: '{"productId": "x",\n  "parameters" 1}',
      });
      assert.equal(r.statusCode, 400, r.body);
      assert.match(r.json().detail, /ongeldige JSON op regel 2, kolom \d+ \(positie \d+\)/);
      assert.doesNotMatch(r.body, ENGLISH);
      const cut = await app.inject({
        method: "POST",
        url: "/api/v1/tarieven/bereken",
        headers: { "content-type": "application/json" },
        payload: '{"productId": "x"',
      });
      assert.equal(cut.statusCode, 400);
      assert.match(cut.json().detail, /ongeldige JSON op regel 1, kolom 18 \(positie 17\)/);
    });

    test("an empty JSON body, an unsupported media type and a broken URL", async () => {
      const empty = await app.inject({ method: "POST", url: "/api/v1/tarieven/bereken", headers: { "content-type": "application/json" }, payload: "" });
      assert.equal(empty.statusCode, 400, empty.body);
      assert.match(empty.json().detail, /leeg/);
      const media = await app.inject({ method: "POST", url: "/api/v1/tarieven/bereken", headers: { "content-type": "application/x-kader" }, payload: "x" });
      assert.equal(media.statusCode, 415, media.body);
      assert.match(media.json().detail, /content-type application\/x-kader wordt hier niet aangenomen/);
      const url = await app.inject({ method: "GET", url: "/api/v1/products/%E0%A4%A" });
      assert.equal(url.statusCode, 400, url.body);
      assert.match(url.json().title, /Ongeldige URL/);
      for (const r of [empty, media, url]) assert.doesNotMatch(r.body, ENGLISH);
    });

    test("a prototype-poisoning key is refused in Dutch", async () => {
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/tarieven/bereken",
        headers: { "content-type": "application/json" },
        payload: '{"productId":"x","__proto__":{"admin":true}}',
      });
      assert.equal(r.statusCode, 400, r.body);
      assert.match(r.json().detail, /__proto__: deze veldnaam is niet toegestaan/);
    });

    test("zod's defaults are Dutch where a use case passes issue.message on (account with a wrong type)", async () => {
      const h = await login("beheerder");
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/users",
        headers: json(h),
        payload: { username: "nieuw", displayName: 5, role: "toegang", gemeentecode: "0106", password: "een lang wachtwoord 123" },
      });
      assert.equal(r.statusCode, 400, r.body);
      assert.doesNotMatch(r.body, ENGLISH);
      assert.match(r.body, /verwacht tekst, gevonden 5/);
    });
  });

  describe("unknown parameters are named; echoed input is capped", () => {
    test("an unknown query parameter names itself in title and path", async () => {
      const h = await login("toegang");
      const r = await app.inject({ method: "GET", url: "/api/v1/toewijzingen?kleur=rood", headers: h });
      assert.equal(r.statusCode, 400, r.body);
      const p = r.json().problems[0];
      assert.equal(p.title, "Onbekende parameter kleur");
      assert.equal(p.path, "kleur");
    });

    test("1,000 unknown query parameters: ten named, the rest counted", async () => {
      const h = await login("toegang");
      const qs = Array.from({ length: 1000 }, (_x, i) => `p${i}=1`).join("&");
      const r = await app.inject({ method: "GET", url: `/api/v1/toewijzingen?${qs}`, headers: h });
      assert.equal(r.statusCode, 400);
      const ps = r.json().problems as { title: string; detail: string }[];
      assert.equal(ps.length, 11);
      assert.match(ps[10]!.detail, /en 990 andere/);
      assert.ok(r.body.length < 5000, `${r.body.length} bytes`);
    });

    test("a body with 50,000 unknown keys answers a short problem; a long value is echoed as at most 60 characters", async () => {
      const h = await login("toegang");
      const keys = `{${Array.from({ length: 50_000 }, (_x, i) => `"k${i}":1`).join(",")},"antwoord":"afgewezen"}`;
      const r = await app.inject({ method: "POST", url: "/api/v1/verzoeken/1/antwoord", headers: json(h), payload: keys });
      assert.equal(r.statusCode, 400, r.body.slice(0, 500));
      assert.ok(r.body.length < 5000, `${r.body.length} bytes`);
      assert.match(r.json().detail, /onbekende velden: k0, k1, .* en 49\.990 andere/);
      const long = await app.inject({ method: "POST", url: "/api/v1/verzoeken/1/antwoord", headers: json(h), payload: { antwoord: "x".repeat(10_000) } });
      assert.equal(long.statusCode, 400);
      assert.doesNotMatch(long.body, /x{61}/);
      assert.match(long.json().detail, /onbekende waarde "x+…"/);
    });

    test("a problem's instance is the path, never the query string", async () => {
      const r = await app.inject({ method: "GET", url: "/api/v1/products?limit=abc&q=geheim" });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().instance, "/api/v1/products");
    });
  });
});
