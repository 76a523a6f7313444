import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { SqlProviderRepository } from "../src/adapters/db/provider-repository.ts";
import type { ProviderRecord } from "../src/domain/compliance/provider.ts";
import type { Principal } from "../src/domain/auth/principal.ts";
import { type TestApp, testApp } from "./support/app.ts";
import { dbLabel } from "./support/db.ts";

/**
 * The access log names whose data was read (NEN 7513): a gemeente answers "who looked at this client's file, when and
 * why" through GET /api/v1/access-log?client=…, as JSON, CSV or Excel; a controller sees only its own gemeente.
 */
const BSN = "999990019";

interface Row {
  at: string;
  username: string | null;
  endpoint: string;
  resource: string;
  purpose: string;
  allowed: boolean;
  gemeentecode: string | null;
  tenantCode: string | null;
  subject: { clientIds: number[]; records: string[]; filter?: string; count?: number } | null;
}

describe(`access log with subjects on ${dbLabel()}`, () => {
  let t: TestApp;
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  let clientId = 0;
  before(async () => {
    t = await testApp({ demoUsers: true });
    await t.kader.auth.addUser({
      username: "controller-assen",
      displayName: "C. Assen",
      role: "controller",
      gemeentecode: "0106",
      password: "een-lang-wachtwoord",
    });
    // a username a spreadsheet would read as a formula
    await t.kader.auth.addUser({ username: "-2-1.kwaad", displayName: "K. Waad", role: "controller", gemeentecode: "0106", password: "een-lang-wachtwoord" });
    for (const [u, pw] of [
      ["toegang", "kader-demo"],
      ["contractmanager", "kader-demo"],
      ["beheerder", "kader-demo"],
      ["controller", "kader-demo"],
      ["controller-assen", "een-lang-wachtwoord"],
      ["-2-1.kwaad", "een-lang-wachtwoord"],
    ] as const) {
      const r = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u, password: pw } });
      assert.equal(r.statusCode, 200, u);
      sessions.set(u, { cookie: String(r.headers["set-cookie"]).split(";")[0]!, csrf: r.json().csrfToken });
    }
    const c = await post("toegang", "/clienten", {
      gemeente: "0106",
      bsn: BSN,
      geboortedatum: "1980-05-05",
      naam: "Jan Test",
      adres: { postcode: "9401 AA", plaats: "Assen" },
    });
    assert.equal(c.statusCode, 201, c.body);
    clientId = c.json().id;
  });
  after(async () => t.close());
  const as = (u: string) => ({ cookie: sessions.get(u)!.cookie, "x-csrf-token": sessions.get(u)!.csrf });
  const post = (u: string, url: string, payload: unknown) => t.app.inject({ method: "POST", url: `/api/v1${url}`, headers: as(u), payload: payload as object });
  const get = (u: string, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, headers: as(u) });
  const log = async (u: string, query: string): Promise<Row[]> => {
    const r = await get(u, `/access-log?${query}`);
    assert.equal(r.statusCode, 200, r.body);
    return r.json().items;
  };

  test("a subject given to the gate is stored and found by client id, with the records touched", async () => {
    const principal: Principal = {
      username: "toegang",
      displayName: "Tom Toegang",
      role: "toegang",
      tenant: { kind: "gemeente", gemeentecode: "0106" as never, name: "Assen" },
      disabled: false,
    };
    const r = await t.kader.gate.run(principal, "client", "read", { gemeentecode: "0106" }, { endpoint: "GET /test", purpose: "test: inzage" }, async () => 1, {
      clientIds: [987654],
      records: ["client:987654", "toewijzing:0106/wmo/77"],
    });
    assert.ok(r.ok);
    const rows = await log("beheerder", "client=987654");
    const row = rows.find((x) => x.endpoint === "GET /test");
    assert.ok(row, JSON.stringify(rows));
    assert.deepEqual(row.subject?.clientIds, [987654]);
    assert.deepEqual(row.subject?.records, ["client:987654", "toewijzing:0106/wmo/77"]);
    assert.equal(row.purpose, "test: inzage");
    // a list large enough is logged by filter and count
    await t.kader.gate.run(principal, "client", "read", { gemeentecode: "0106" }, { endpoint: "GET /test-lijst", purpose: "test: lijst" }, async () => 1, {
      filter: "naam=jan",
      count: 250,
    });
    const list = (await log("beheerder", "resource=client")).find((x) => x.endpoint === "GET /test-lijst");
    assert.deepEqual(list?.subject, { clientIds: [], records: [], filter: "naam=jan", count: 250 });
  });

  test("who looked at this client: a client read as toegang is found by the gemeente's controller, filtered by that client", async () => {
    assert.equal((await get("toegang", `/clienten/${clientId}`)).statusCode, 200);
    const rows = await log("controller-assen", `client=${clientId}`);
    const read = rows.find((x) => x.username === "toegang" && x.endpoint === "GET /api/v1/clienten/:id");
    assert.ok(read, `the read is logged with its subject: ${JSON.stringify(rows.map((x) => [x.username, x.endpoint, x.subject]))}`);
    assert.ok(read.subject?.clientIds.includes(clientId));
    assert.equal(read.allowed, true);
    assert.ok(
      rows.every((x) => x.subject?.clientIds.includes(clientId)),
      "the filter keeps only rows about the client",
    );
    const beheerder = await log("beheerder", `client=${clientId}&gebruiker=toegang`);
    assert.ok(beheerder.some((x) => x.endpoint === "GET /api/v1/clienten/:id"));
    assert.ok(beheerder.every((x) => x.username === "toegang"));
  });

  test("the controller of another gemeente does not see it; other roles may not read the log at all", async () => {
    const other = await log("controller", `client=${clientId}`);
    assert.deepEqual(
      other.filter((x) => x.username === "toegang"),
      [],
    );
    assert.ok(other.every((x) => x.gemeentecode === "1730" || x.tenantCode === "1730"));
    assert.equal((await get("toegang", "/access-log")).statusCode, 403);
  });

  test("reading the log is itself logged, with the selection and the client asked about", async () => {
    await log("controller-assen", `client=${clientId}&van=2026-01-01&tot=2026-12-31`);
    const rows = await log("beheerder", "resource=access-log&gebruiker=controller-assen");
    const own = rows.find((x) => x.subject?.filter?.includes("van=2026-01-01"));
    assert.ok(own, JSON.stringify(rows.map((x) => x.subject)));
    assert.deepEqual(own.subject?.clientIds, [clientId]);
    assert.match(own.purpose, /toegangslog/);
  });

  test("period, resource and allowed filters; bad parameters are named in Dutch", async () => {
    assert.ok((await log("beheerder", "van=2026-06-01&tot=2026-06-01")).length > 0, "today (2026-06-01) is in the period");
    assert.deepEqual(await log("beheerder", "van=2026-06-02"), []);
    assert.deepEqual(await log("beheerder", "tot=2026-05-31"), []);
    assert.ok((await log("beheerder", "toegestaan=nee")).every((x) => !x.allowed));
    assert.ok((await log("beheerder", "resource=user")).every((x) => x.resource === "user"));
    const bad = await get("beheerder", "/access-log?client=abc");
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().problems[0].path, "client");
    assert.match(bad.json().title, /client/);
    const unknown = await get("beheerder", "/access-log?bsn=999990019");
    assert.equal(unknown.statusCode, 400);
    const order = await get("beheerder", "/access-log?van=2026-06-02&tot=2026-06-01");
    assert.equal(order.statusCode, 400);
  });

  test("CSV export: semicolons, one row per access, and a hostile username written as text", async () => {
    assert.equal((await get("-2-1.kwaad", `/clienten/${clientId}`)).statusCode, 200);
    const r = await get("controller-assen", "/access-log?gebruiker=-2-1.kwaad&format=csv");
    assert.equal(r.statusCode, 200, r.body);
    assert.match(String(r.headers["content-type"]), /text\/csv/);
    assert.match(String(r.headers["content-disposition"]), /attachment; filename="kader-toegangslog-/);
    const lines = r.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    assert.match(lines[0]!, /^Wanneer;Gebruiker;Rol;/);
    assert.ok(lines.length >= 2, lines.join("\n"));
    assert.ok(
      lines.slice(1).every((l) => l.includes(";'-2-1.kwaad;")),
      lines.join("\n"),
    );
    assert.ok(!lines.some((l) => /;-2-1\.kwaad;/.test(l)), "never the bare formula");
    assert.ok(lines.slice(1).some((l) => l.includes("GET /api/v1/clienten/:id")));
  });

  test("Excel export: a workbook with the same rows, the hostile value as text", async () => {
    const r = await get("beheerder", "/access-log?resource=client&format=xlsx");
    assert.equal(r.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const s = wb.getWorksheet("Toegangslog");
    assert.ok(s);
    assert.equal(s.getRow(1).getCell(1).value, "Wanneer");
    const users: string[] = [];
    for (let i = 2; i <= s.rowCount; i++) users.push(String(s.getRow(i).getCell(2).value));
    assert.ok(users.includes("toegang"), users.join(","));
    assert.ok(users.includes("'-2-1.kwaad"), users.join(","));
  });

  test("compliance, conversion and quality accesses name their subject: the aanbieder, the conversions, the self-assessments", async () => {
    const g = "0106" as ProviderRecord["gemeentecodes"][number];
    await new SqlProviderRepository(t.db).save(
      { agbCode: "98765432" as ProviderRecord["agbCode"], name: "Zorg Voorbeeld B.V.", kvk: null, gemeentecodes: [g], evidence: [], contracts: [] },
      "2026-01-01T00:00:00.000Z",
    );
    assert.equal((await get("contractmanager", "/aanbieders/98765432")).statusCode, 200);
    assert.equal((await get("contractmanager", "/aanbieders")).statusCode, 200);
    assert.equal((await get("contractmanager", "/conversies")).statusCode, 200);
    assert.equal((await get("contractmanager", "/kwaliteit/herinneringen?dagen=30")).statusCode, 200);
    const rows = await log("beheerder", "gebruiker=contractmanager");
    const by = (endpoint: string) => rows.find((x) => x.endpoint === endpoint);
    assert.deepEqual(by("GET /api/v1/aanbieders/:agb")?.subject?.records, ["aanbieder:98765432"]);
    assert.deepEqual(by("GET /api/v1/aanbieders")?.subject?.records, ["aanbieder:98765432"]);
    assert.equal(by("GET /api/v1/aanbieders/:agb")?.subject?.clientIds.length, 0, "staff members are not clients");
    assert.deepEqual(by("GET /api/v1/conversies")?.subject, { clientIds: [], records: [], count: 0 });
    assert.equal(by("GET /api/v1/kwaliteit/herinneringen")?.subject?.filter, "herinneringen binnen 30 dagen");
  });

  test("no BSN anywhere in the access log table", async () => {
    // a search and a few reads more, so the table holds every kind of row
    await get("toegang", "/clienten?q=Jan");
    await get("toegang", `/clienten/${clientId}`);
    const rows = await t.db.query<{ row: string }>("select row_to_json(a)::text as row from access_log a");
    assert.ok(rows.length > 10);
    for (const r of rows) assert.ok(!r.row.includes(BSN), `a BSN in the access log: ${r.row.slice(0, 200)}`);
  });
});
