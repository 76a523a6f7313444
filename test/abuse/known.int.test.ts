/**
 * The standing abuse suite, part 1 (issue 13 §5): the attacks Kader already withstood when the issue was filed —
 * XXE, billion laughs, a 25.1 MB message, 31 messages in a ZIP, zip bombs, path traversal and CRLF in names, huge
 * headers, `__proto__` bodies and SQL metacharacters in every query parameter. Each case asserts the status, a Dutch
 * message and that no table gained or lost a row.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import { type TestApp, testApp } from "../support/app.ts";
import { dbLabel } from "../support/db.ts";
import { assertDutch, assertDutchProblem, assertNo5xx, changes, type DemoRole, ROLES, type Session, signInAll, snapshot, unchanged } from "./support.ts";
import { deflated, rawZip } from "./zip.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/messages");
const DEMO_AGB = "98765432";
const MB = 1024 * 1024;

/** The WMO323 fixture as the demo aanbieder sends it. */
const wmo323 = () => readFileSync(join(FIXTURES, "WMO323.xml"), "utf8").replaceAll("12345678", DEMO_AGB);
const withDoctype = (xml: string, doctype: string, body: string) =>
  xml.replace(/^(<\?xml[^>]*\?>\r?\n)/, `$1${doctype}\r\n`).replace(/(<wmo323:Afzender>)[^<]*/, `$1${body}`);

// ------------------------------------------------------------------------------------------------ a ZIP writer

/** A ZIP written by hand (test/abuse/zip.ts), with the uncompressed size the headers claim (a zip bomb lies here). */
const zipOf = (entries: { name: string; data: Uint8Array; claimedSize?: number }[]): Buffer =>
  rawZip(entries.map((e) => deflated(e.name, e.data, e.claimedSize)));

// ------------------------------------------------------------------------------------------------ the suite

describe(`abuse: what already held (${dbLabel()})`, () => {
  let t: TestApp;
  let s: Record<DemoRole, Session>;
  before(async () => {
    t = await testApp({ demoUsers: true });
    s = await signInAll(t.app);
  });
  after(async () => t?.close());

  const upload = (body: Buffer | string, type = "application/xml", query = "", who: DemoRole = "aanbieder") =>
    t.app.inject({ method: "POST", url: `/api/v1/berichten${query}`, headers: { ...s[who].headers, "content-type": type }, payload: Buffer.from(body) });

  /** A message refused as unreadable (retourcode 0001): nothing stored, every melding Dutch. */
  const assertUnreadable = (r: LightMyRequestResponse, what: string, expect: RegExp) => {
    assert.equal(r.statusCode, 200, `${what}: ${r.body.slice(0, 300)}`);
    const [b] = r.json().berichten as { status: string; berichtId: number | null; antwoorden: unknown[]; meldingen: { retourcode: string; tekst: string }[] }[];
    assert.ok(b, what);
    assert.equal(b.status, "onleesbaar", `${what}: ${JSON.stringify(b.meldingen)}`);
    assert.deepEqual([b.berichtId, b.antwoorden.length], [null, 0], `${what}: nothing stored, no answer`);
    assert.ok(b.meldingen.length > 0 && b.meldingen.every((m) => m.retourcode === "0001"), `${what}: retourcode 0001`);
    for (const m of b.meldingen) assertDutch(m.tekst, `${what}: melding`);
    assert.ok(
      b.meldingen.some((m) => expect.test(m.tekst)),
      `${what}: ${JSON.stringify(b.meldingen)}`,
    );
  };

  test("XXE: an external entity in an uploaded message is refused, never read, nothing stored", async () => {
    const xml = withDoctype(wmo323(), '<!DOCTYPE Bericht [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;");
    const r = await unchanged(t.db, "XXE", () => upload(xml));
    assertUnreadable(r, "XXE", /DOCTYPE/);
    assert.doesNotMatch(r.body, /root:|\/bin\/(ba)?sh/);
  });

  test("billion laughs: entity declarations are refused before anything expands, nothing stored", async () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ""};`.repeat(10)}">`)].join("");
    const started = Date.now();
    const r = await unchanged(t.db, "billion laughs", () => upload(withDoctype(wmo323(), `<!DOCTYPE Bericht [${lol}]>`, "&lol9;")));
    assertUnreadable(r, "billion laughs", /DOCTYPE/);
    assert.ok(Date.now() - started < 5000, "answered quickly");
    assert.ok(r.body.length < 10_000, "the expansion is never echoed");
  });

  test("a 25.1 MB message is rejected (OP179/OP192: 25 MB per message) and answered with 0001; nothing else is stored", async () => {
    const xml = wmo323();
    const pad = Math.ceil(25.1 * MB) - Buffer.byteLength(xml) - 7;
    const big = xml.replace(/^(<\?xml[^>]*\?>\r?\n)/, `$1<!--${" ".repeat(pad)}-->`);
    assert.ok(Buffer.byteLength(big) > 25.1 * MB);
    // a readable message that breaks a technical rule is afgekeurd and gets its retour (WMO325 with 0001), as the
    // standard asks: the database gains exactly that message and its answer, and nothing else (no declaratie)
    const before = await snapshot(t.db);
    const r = await upload(big);
    assert.deepEqual(changes(before, await snapshot(t.db)), [`bericht: ${before.bericht} → ${(before.bericht ?? 0) + 2}`]);
    assert.equal(r.statusCode, 200, r.body.slice(0, 300));
    const [b] = r.json().berichten as {
      status: string;
      retourcodes: string[];
      antwoorden: { berichtNaam: string; retourcodes: string[] }[];
      meldingen: { retourcode: string; tekst: string }[];
    }[];
    assert.equal(b?.status, "afgekeurd");
    assert.deepEqual(b.retourcodes, ["0001"]);
    assert.deepEqual(
      b.antwoorden.map((a) => [a.berichtNaam, a.retourcodes]),
      [["WMO325", ["0001"]]],
    );
    for (const m of b.meldingen) assertDutch(m.tekst, "25.1 MB: melding");
    assert.ok(
      b.meldingen.some((m) => /maximaal 25 MB/.test(m.tekst)),
      JSON.stringify(b.meldingen),
    );
  });

  test("a body over the upload limit is a Dutch 413, nothing stored", async () => {
    const r = await unchanged(t.db, "27 MB", () => upload(Buffer.alloc(27 * MB, 0x20)));
    assertDutchProblem(r, 413, "27 MB body");
  });

  test("31 messages in one ZIP: the batch is refused as a whole (OP192, 0001), nothing stored", async () => {
    const one = Buffer.from(wmo323());
    const zip = zipOf(Array.from({ length: 31 }, (_, i) => ({ name: `bericht-${i + 1}.xml`, data: one })));
    const r = await unchanged(t.db, "31 messages", () => upload(zip, "application/zip"));
    const body = assertDutchProblem(r, 400, "31 messages");
    assert.match(body.detail ?? "", /31 berichten; maximaal 30/);
    assert.ok((body.problems as { retourcode?: string }[]).every((p) => p.retourcode === "0001"));
  });

  test("zip bombs: a huge size in the headers, or a lying small one, are refused without inflating; nothing stored", async () => {
    // 40 MB of zeros pack into ~40 KB; the caps are 25 MB per message and 100 MB per batch
    const zeros = new Uint8Array(40 * MB);
    const cases: [string, Buffer, RegExp][] = [
      ["header says 450 MB", zipOf([{ name: "bom.xml", data: zeros, claimedSize: 450 * MB }]), /25 MB/],
      // stopped at the size the header claims or at 25 MB + 1 byte, whichever comes first
      ["header says 1 KB, inflates to 40 MB", zipOf([{ name: "bom.xml", data: zeros, claimedSize: 1024 }]), /uitpak|uitgepakt|25 MB/],
      [
        "five entries of 24 MB each: 120 MB together",
        zipOf(Array.from({ length: 5 }, (_, i) => ({ name: `b${i}.xml`, data: new Uint8Array(1024), claimedSize: 24 * MB }))),
        /100 MB/,
      ],
    ];
    for (const [what, zip, names] of cases) {
      assert.ok(zip.length < 200 * 1024, `${what}: a small upload (${zip.length} bytes)`);
      const rss = process.memoryUsage().rss;
      const started = Date.now();
      const r = await unchanged(t.db, what, () => upload(zip, "application/zip"));
      const body = assertDutchProblem(r, [400, 413], what);
      assert.match(JSON.stringify(body.problems), names, `${what}: says why`);
      assert.ok(
        ((body.problems ?? []) as { retourcode?: string }[]).every((p) => p.retourcode === "0001"),
        `${what}: retourcode 0001`,
      );
      assert.ok(Date.now() - started < 10_000, `${what}: answered quickly`);
      assert.ok(process.memoryUsage().rss - rss < 256 * MB, `${what}: memory stays bounded`);
    }
  });

  test("path traversal and CRLF in ZIP entry names: the batch is refused, nothing stored", async () => {
    const one = Buffer.from(wmo323());
    for (const name of ["../../etc/passwd.xml", "..\\..\\windows\\win.ini.xml", "/etc/passwd.xml", "a\r\nSet-Cookie: x=1.xml", "map/../../b.xml"]) {
      const r = await unchanged(t.db, JSON.stringify(name), () => upload(zipOf([{ name, data: one }]), "application/zip"));
      const body = assertDutchProblem(r, 400, JSON.stringify(name));
      assert.ok(((body.problems ?? []) as { retourcode?: string }[]).every((p) => p.retourcode === "0001"));
      assert.equal(r.headers["set-cookie"], undefined, "no header injected");
    }
  });

  test("path traversal and CRLF in a file name parameter never reach a header or an answer's file name", async () => {
    for (const [i, name] of ["../../etc/passwd", "a\r\nSet-Cookie: x=1", "..%2f..%2fetc%2fpasswd", "C:\\Windows\\win.ini"].entries()) {
      // a message of its own each time: the same one again would get a 9056 retour (TR056), which is not stored
      const own = wmo323().replace("<iwmo:Identificatie>KADER0001<", `<iwmo:Identificatie>PAD${i}<`);
      assert.notEqual(own, wmo323(), "the fixture's Identificatie is replaced");
      const r = await upload(own, "application/xml", `?bestandsnaam=${encodeURIComponent(name)}`);
      assertNo5xx(r, JSON.stringify(name));
      assert.equal(r.headers["set-cookie"], undefined, "no header injected");
      if (r.statusCode >= 400) {
        assertDutchProblem(r, [400, 413, 422], JSON.stringify(name));
        continue;
      }
      for (const b of r.json().berichten as { antwoorden: { bestandsnaam: string; berichtId: number }[] }[])
        for (const a of b.antwoorden) {
          // no separator or line break: the name cannot leave the folder it is written to, nor split a header
          assert.doesNotMatch(a.bestandsnaam, /[/\\\r\n\0]/, `answer file name ${JSON.stringify(a.bestandsnaam)}`);
          assert.notEqual(a.bestandsnaam.replace(/^\.+/, ""), "", "not . or ..");
          const dl = await t.app.inject({ method: "GET", url: `/api/v1/berichten/${a.berichtId}/xml`, headers: s.aanbieder.headers });
          assert.equal(dl.statusCode, 200);
          assert.doesNotMatch(String(dl.headers["content-disposition"]), /[/\\\r\n]/);
        }
    }
  });

  test("a 100 KB header is refused (431 or 400), the server keeps answering", async () => {
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = new URL(address);
    const raw = (head: string) =>
      new Promise<string>((resolve, reject) => {
        const sock = connect(Number(port), "127.0.0.1", () => sock.end(head));
        let out = "";
        sock.setEncoding("latin1");
        sock.on("data", (d) => {
          out += d;
        });
        sock.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" || e.code === "EPIPE" ? resolve(out) : reject(e)));
        sock.on("close", () => resolve(out));
      });
    const big = await raw(`GET /api/v1/products HTTP/1.1\r\nHost: x\r\nX-Groot: ${"a".repeat(100 * 1024)}\r\nConnection: close\r\n\r\n`);
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(big)?.[1]);
    assert.ok(status === 431 || status === 400, `status ${status}: ${big.slice(0, 200)}`);
    const many = await raw(
      `GET /api/v1/products HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 2000 }, (_, i) => `X-${i}: ${"b".repeat(40)}\r\n`).join("")}Connection: close\r\n\r\n`,
    );
    const manyStatus = Number(/^HTTP\/1\.[01] (\d{3})/.exec(many)?.[1]);
    assert.ok(manyStatus === 431 || manyStatus === 400, `2000 headers: status ${manyStatus}`);
    for (const answer of [big, many]) {
      const body = answer.split("\r\n\r\n")[1] ?? "";
      if (body.trim()) assert.doesNotMatch(body, /\bat \S+:\d+:\d+|stack/i, "no stack trace");
    }
    const ok = await raw("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert.match(ok, /^HTTP\/1\.1 200/);
  });

  // ------------------------------------------------------------------------------------------ the OpenAPI walk

  interface Operation {
    method: string;
    path: string;
    query: { name: string }[];
    bodyTypes: string[] | null;
  }
  const operations = async (): Promise<Operation[]> => {
    const r = await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    assert.equal(r.statusCode, 200);
    const doc = r.json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content?: Record<string, unknown> } }>>;
    };
    const out: Operation[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
        out.push({
          method: method.toUpperCase(),
          path,
          query: (op.parameters ?? []).filter((p) => p.in === "query"),
          bodyTypes: op.requestBody?.content ? Object.keys(op.requestBody.content) : null,
        });
      }
    assert.ok(out.length > 30, `operations in the OpenAPI document: ${out.length}`);
    return out;
  };
  /** Path parameters filled with values that exist where that is easy (a product, the demo aanbieder), else "1". */
  const fill = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (path.startsWith("/api/v1/products/") && name === "id") return "000-begeleiding-dagbesteding.wmo.02A03";
      if (path.startsWith("/api/v1/productenboeken/") || path.startsWith("/api/v1/tarieven/productenboeken/")) return "000-begeleiding-dagbesteding";
      if (name === "agb") return DEMO_AGB;
      if (name === "username") return "bestaat-niet";
      if (name === "gemeente") return "0106";
      if (name === "wet") return "wmo";
      return "1";
    });

  test("__proto__ and constructor.prototype in the JSON body of every state-changing route: refused, nothing polluted or stored", async (ctx) => {
    const routes = (await operations()).filter((o) => o.method !== "GET" && (o.bodyTypes === null || o.bodyTypes.some((ty) => ty.includes("json"))));
    assert.ok(routes.length > 15, `JSON routes: ${routes.length}`);
    const bodies = [
      '{"__proto__": {"polluted": "ja", "role": "beheerder"}}',
      '{"constructor": {"prototype": {"polluted": "ja"}}}',
      '{"items": [{"__proto__": {"polluted": "ja"}}], "plan": "004-nmd-2026"}',
      '{"username": "x", "password": "y", "a": {"b": {"__proto__": {"isAdmin": true}}}}',
    ];
    // sign out last: a refused logout must not sign anyone out, an accepted one would end the session for later tests
    routes.sort((a, b) => Number(a.path.endsWith("/logout")) - Number(b.path.endsWith("/logout")));
    const before = await snapshot(t.db);
    const seen = new Map<number, number>();
    for (const op of routes)
      for (const who of [null, ...ROLES] as const)
        for (const payload of bodies) {
          const what = `${op.method} ${op.path} as ${who ?? "anoniem"} with ${payload.slice(0, 40)}`;
          const r = await t.app.inject({
            method: op.method as "POST",
            url: fill(op.path),
            headers: { ...(who ? s[who].headers : {}), "content-type": "application/json" },
            payload,
          });
          seen.set(r.statusCode, (seen.get(r.statusCode) ?? 0) + 1);
          assertDutchProblem(r, [400, 401, 403], what);
          assert.equal(({} as Record<string, unknown>).polluted, undefined, `${what}: Object.prototype polluted`);
          assert.equal(({} as Record<string, unknown>).isAdmin, undefined, `${what}: Object.prototype polluted`);
        }
    assert.deepEqual(changes(before, await snapshot(t.db)), [], "the database changed");
    ctx.diagnostic(`${routes.length} routes; ${[...seen].map(([k, n]) => `${k}×${n}`).join(" ")}`);
    for (const who of ROLES)
      assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: s[who].headers })).statusCode, 200, `${who} still signed in`);
  });

  test("SQL metacharacters in every query parameter of every GET route: never a 5xx, a Dutch 400 where refused, nothing stored", async (ctx) => {
    const routes = (await operations()).filter((o) => o.method === "GET" && o.query.length > 0);
    assert.ok(routes.length >= 15, `GET routes with query parameters: ${routes.length}`);
    const values = [
      "'",
      "''",
      "' OR '1'='1",
      "1; DROP TABLE client; --",
      "--",
      "%'",
      "%",
      "_",
      "\\",
      "\\'",
      '"',
      "';--",
      "1' UNION SELECT NULL--",
      "$1",
      "a%_b\\%",
      "*/ /*",
      "0x27",
    ];
    let checked = 0;
    const seen = new Map<number, number>();
    for (const op of routes) {
      const url = fill(op.path);
      // the first role that may read the route (else the beheerder, who is refused with a Dutch 403)
      let who: DemoRole = "beheerder";
      for (const role of ROLES) {
        const probe = await t.app.inject({ method: "GET", url, headers: s[role].headers });
        if (probe.statusCode < 400 || probe.statusCode === 404) {
          who = role;
          break;
        }
      }
      const before = await snapshot(t.db);
      for (const p of op.query)
        for (const v of values) {
          const what = `GET ${op.path}?${p.name}=${v} as ${who}`;
          const r = await t.app.inject({ method: "GET", url: `${url}?${new URLSearchParams({ [p.name]: v })}`, headers: s[who].headers });
          assertNo5xx(r, what);
          if (r.statusCode >= 400) assertDutchProblem(r, [400, 403, 404, 422], what);
          seen.set(r.statusCode, (seen.get(r.statusCode) ?? 0) + 1);
          checked++;
        }
      // a sort or filter given twice, and all parameters at once
      const all = new URLSearchParams(
        op.query.flatMap((p) => [
          [p.name, "' OR 1=1 --"],
          [p.name, "%_\\"],
        ]),
      );
      const r = await t.app.inject({ method: "GET", url: `${url}?${all}`, headers: s[who].headers });
      assertNo5xx(r, `GET ${op.path}?${all}`);
      if (r.statusCode >= 400) assertDutchProblem(r, [400, 403, 404, 422], `GET ${op.path} with every parameter`);
      assert.deepEqual(changes(before, await snapshot(t.db)), [], `GET ${op.path}: the database changed`);
    }
    assert.ok(checked > 300, `requests: ${checked}`);
    ctx.diagnostic(`${routes.length} routes, ${checked} requests; ${[...seen].map(([k, n]) => `${k}×${n}`).join(" ")}`);
    // the tables are all still there and still answer
    const list = await t.app.inject({ method: "GET", url: "/api/v1/products?limit=1" });
    assert.equal(list.statusCode, 200);
  });
});
