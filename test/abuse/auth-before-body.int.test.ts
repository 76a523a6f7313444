import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { after, before, describe, test } from "node:test";
import { accessTable } from "../../src/api/access-table.ts";
import { type TestApp, testApp } from "../support/app.ts";
import { dbLabel } from "../support/db.ts";

/**
 * Issue 13 §1 "authorisation before parsing": every state-changing route of the OpenAPI document, called without an
 * account over a real socket with a declared body of 30 MB (more than any route's limit) that trickles in slowly,
 * answers 401 within a second — before the client has sent more than a sliver of the body. Had the size limit come
 * first the answer would be 413; had the body been read, there would be no answer until all of it had arrived.
 */
const DECLARED = 30 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024, "[");
const STATE_CHANGING = ["post", "put", "patch", "delete"];
const sample: Record<string, string> = {
  id: "1",
  agb: "12345678",
  gemeente: "0106",
  wet: "wmo",
  nummer: "1",
  v: "1",
  username: "niemand",
  vraag: "1",
  nr: "1",
};

interface Operation {
  method: string;
  path: string;
  pattern: string;
  secured: boolean;
  contentType: string;
}

interface SlowAnswer {
  status: number;
  ms: number;
  sent: number;
  body: string;
}

/** Sends the headers and then 1 KB of body every 20 ms, and stops at the first complete answer (or after 3 s). */
function slowRequest(port: number, method: string, path: string, contentType: string, headers: Record<string, string> = {}): Promise<SlowAnswer> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, "127.0.0.1");
    const t0 = performance.now();
    let sent = 0;
    let raw = Buffer.alloc(0);
    let timer: NodeJS.Timeout | undefined;
    const finish = (a: SlowAnswer) => {
      clearInterval(timer);
      clearTimeout(limit);
      sock.destroy();
      resolve(a);
    };
    const limit = setTimeout(() => finish({ status: 0, ms: performance.now() - t0, sent, body: "" }), 3000);
    sock.on("error", (e) => {
      clearInterval(timer);
      clearTimeout(limit);
      if (raw.length) return; // the server may close after answering while we still write
      reject(e);
    });
    sock.on("connect", () => {
      const extra = Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join("");
      sock.write(`${method} ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${contentType}\r\nContent-Length: ${DECLARED}\r\n${extra}\r\n`);
      const trickle = () => {
        if (sock.destroyed || sock.writableEnded) return;
        sock.write(CHUNK);
        sent += CHUNK.length;
      };
      trickle();
      timer = setInterval(trickle, 20);
    });
    sock.on("data", (d: Buffer) => {
      raw = Buffer.concat([raw, d]);
      const text = raw.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end))?.[1] ?? "0");
      if (raw.length < end + 4 + length) return;
      finish({ status: Number(text.split(" ")[1]), ms: performance.now() - t0, sent, body: raw.subarray(end + 4, end + 4 + length).toString("utf8") });
    });
  });
}

describe(`authorisation before the body is read, on ${dbLabel()}`, () => {
  let t: TestApp;
  let port = 0;
  let operations: Operation[] = [];
  before(async () => {
    t = await testApp({ demoUsers: true });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    port = (t.app.server.address() as AddressInfo).port;
    const doc = (await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json() as {
      paths: Record<string, Record<string, { security?: unknown[]; requestBody?: { content?: Record<string, unknown> } }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([m]) => STATE_CHANGING.includes(m))
        .map(([m, op]) => ({
          method: m.toUpperCase(),
          path: path.replace(/\{(\w+)\}/g, (_x, name: string) => sample[name] ?? "1"),
          pattern: path.replace(/\{(\w+)\}/g, ":$1"),
          secured: Array.isArray(op.security) && op.security.length > 0,
          contentType: Object.keys(op.requestBody?.content ?? {})[0] ?? "application/json",
        })),
    );
  });
  after(async () => t.close());

  const login = async (username: string) => {
    const r = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password: "kader-demo" } });
    assert.equal(r.statusCode, 200, r.body);
    return { cookie: String(r.headers["set-cookie"] ?? "").split(";")[0] ?? "", csrf: r.json().csrfToken as string };
  };

  test("the access table has an entry for every state-changing operation; the public ones are exactly those without security", () => {
    assert.ok(operations.length >= 30, `only ${operations.length} state-changing operations found`);
    const missing = operations.filter((o) => !accessTable[`${o.method} ${o.pattern}`]).map((o) => `${o.method} ${o.pattern}`);
    assert.deepEqual(missing, [], "add these to src/api/access-table.ts");
    for (const o of operations) {
      const entry = accessTable[`${o.method} ${o.pattern}`]!;
      assert.equal(entry.kind === "public", !o.secured, `${o.method} ${o.pattern}: public in the table ⇔ no security in the OpenAPI document`);
    }
    const documented = new Set(operations.map((o) => `${o.method} ${o.pattern}`));
    assert.deepEqual(
      Object.keys(accessTable).filter((k) => !documented.has(k)),
      [],
      "table entries without an operation in the OpenAPI document",
    );
  });

  test("every secured state-changing route answers an anonymous 30 MB upload with 401 within a second, unread", async () => {
    const secured = operations.filter((o) => o.secured);
    assert.ok(secured.length >= 25);
    for (const o of secured) {
      const a = await slowRequest(port, o.method, o.path, o.contentType);
      const what = `${o.method} ${o.path} (${o.contentType})`;
      assert.equal(a.status, 401, `${what}: ${a.status} ${a.body.slice(0, 300)}`);
      assert.ok(a.ms < 1000, `${what}: answered after ${Math.round(a.ms)} ms`);
      assert.ok(a.sent < 256 * 1024, `${what}: the client had sent ${a.sent} bytes before the answer`);
      const p = JSON.parse(a.body);
      assert.equal(p.status, 401);
      assert.match(p.detail, /aanmelden/i, what);
    }
  });

  test("a signed-in role that can never do a route gets 403 before its body is read", async () => {
    const controller = await login("controller");
    const toegang = await login("toegang");
    const aanbieder = await login("aanbieder");
    const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    for (const [who, method, path, type] of [
      [controller, "POST", "/api/v1/conversies/1/antwoorden", XLSX],
      [toegang, "POST", "/api/v1/aanbieders/12345678/medewerkers?bestand=x.csv", "text/csv"],
      [aanbieder, "POST", "/api/v1/clienten", "application/json"],
      [controller, "POST", "/api/v1/berichten", "application/zip"],
      [aanbieder, "POST", "/api/v1/users", "application/json"],
    ] as const) {
      const a = await slowRequest(port, method, path, type, { cookie: who.cookie, "x-csrf-token": who.csrf });
      assert.equal(a.status, 403, `${method} ${path}: ${a.status} ${a.body.slice(0, 300)}`);
      assert.ok(a.ms < 1000, `${path}: ${Math.round(a.ms)} ms`);
      assert.ok(a.sent < 256 * 1024, `${path}: ${a.sent} bytes sent before the answer`);
      assert.match(JSON.parse(a.body).detail, /geen toegang: rol/);
    }
  });

  test("the refusal before the body is written to the access log", async () => {
    const controller = await login("controller");
    const refusals = async () =>
      (await t.kader.accessLog.list({ username: "controller", resource: "client", allowed: false, limit: 1000 })).filter(
        (r) => r.action === "write" && r.endpoint === "POST /api/v1/clienten",
      ).length;
    const before = await refusals();
    const a = await slowRequest(port, "POST", "/api/v1/clienten", "application/json", { cookie: controller.cookie, "x-csrf-token": controller.csrf });
    assert.equal(a.status, 403);
    assert.equal(await refusals(), before + 1);
  });

  test("public routes and allowed roles still reach their route: sign-in and a tariff calculation are answered normally", async () => {
    const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "niemand", password: "x" } });
    assert.equal(login.statusCode, 401);
    const tarief = await t.app.inject({ method: "POST", url: "/api/v1/tarieven/bereken", payload: { productId: "bestaat-niet" } });
    assert.notEqual(tarief.statusCode, 401);
    assert.notEqual(tarief.statusCode, 403);
  });
});
