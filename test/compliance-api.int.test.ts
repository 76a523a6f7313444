import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { dbLabel } from "./support/db.ts";
import { type TestApp, testApp } from "./support/app.ts";

const fixture = (f: string) => readFile(resolve(import.meta.dirname, "fixtures/staff", f));

describe(`provider compliance API on ${dbLabel()}`, () => {
  let t: TestApp;
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  before(async () => {
    t = await testApp({ demoUsers: true });
    for (const u of ["contractmanager", "aanbieder", "toegang", "controller"]) {
      const r = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u, password: "kader-demo" } });
      sessions.set(u, { cookie: String(r.headers["set-cookie"]).split(";")[0]!, csrf: r.json().csrfToken });
    }
  });
  after(async () => t.close());
  const as = (u: string) => ({ cookie: sessions.get(u)!.cookie, "x-csrf-token": sessions.get(u)!.csrf });
  const upload = async (u: string | null, agb: string, file: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/aanbieders/${agb}/medewerkers?bestand=${file}&naam=Zorg%20Voorbeeld%20BV`,
      headers: { ...(u ? as(u) : {}), "content-type": "text/csv" },
      payload: await fixture(file),
    });

  test("anonymous 401, wrong role 403, for every provider endpoint", async () => {
    for (const [method, url] of [
      ["GET", "/api/v1/aanbieders"],
      ["GET", "/api/v1/compliance/signalen"],
    ] as const) {
      assert.equal((await t.app.inject({ method, url })).statusCode, 401, url);
      assert.equal((await t.app.inject({ method, url, headers: as("toegang") })).statusCode, 403, `${url} toegang`);
    }
    assert.equal((await upload(null, "12345678", "zorg-voorbeeld.csv")).statusCode, 401);
    assert.equal((await upload("toegang", "12345678", "zorg-voorbeeld.csv")).statusCode, 403);
  });

  test("a contractmanager imports a staff file; the provider joins its gemeente", async () => {
    const r = await upload("contractmanager", "12345678", "zorg-voorbeeld.csv");
    assert.equal(r.statusCode, 201, r.body);
    assert.deepEqual([r.json().staff, r.json().aanbieder.gemeentecodes], [10, ["0106"]]);
    const list = await t.app.inject({ method: "GET", url: "/api/v1/aanbieders", headers: as("contractmanager") });
    assert.deepEqual(
      list.json().items.map((p: { agbCode: string; staffCount: number }) => [p.agbCode, p.staffCount]),
      [["12345678", 10]],
    );
  });

  test("an anonymous upload is refused before the file is read", async () => {
    assert.equal((await upload(null, "12345678", "drie-foute-rijen.csv")).statusCode, 401);
  });

  test("a file with bad rows imports nothing and names row and column", async () => {
    const r = await upload("contractmanager", "12345678", "drie-foute-rijen.csv");
    assert.equal(r.statusCode, 400);
    const rows = r.json().problems.map((p: { line: number; path: string }) => [p.line, p.path]);
    assert.deepEqual(rows, [
      [3, "opleidingsniveau"],
      [5, "vog_datum"],
      [6, "soort"],
    ]);
    const staff = await t.app.inject({ method: "GET", url: "/api/v1/aanbieders/12345678", headers: as("contractmanager") });
    assert.equal(staff.json().staff.length, 10, "the earlier import is untouched");
  });

  test("the check gives a verdict per product with the reasons; Excel export of the report", async () => {
    const r = await t.app.inject({ method: "GET", url: "/api/v1/aanbieders/12345678/compliance?peildatum=2026-06-01", headers: as("contractmanager") });
    assert.equal(r.statusCode, 200);
    const byId = new Map(r.json().producten.map((p: { productId: string }) => [p.productId, p]));
    const m1 = byId.get("004-nmd-pve-2026.wmo.dagbesteding-m1") as { verdict: string; reasons: { message: string }[] };
    assert.equal(m1.verdict, "voldoet-niet");
    assert.ok(m1.reasons.some((x) => /niet gecontracteerd voor vervoer-regulier-0-10/.test(x.message)));
    assert.equal((byId.get("000-begeleiding-dagbesteding.wmo.02A03") as { verdict: string }).verdict, "voldoet");
    const x = await t.app.inject({
      method: "GET",
      url: "/api/v1/aanbieders/12345678/compliance?peildatum=2026-06-01&format=xlsx",
      headers: as("contractmanager"),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    assert.equal(wb.getWorksheet("Producten")?.rowCount, 1 + r.json().producten.length);
    assert.equal(
      (await t.app.inject({ method: "GET", url: "/api/v1/aanbieders/12345678/compliance?peildatum=2026-02-30", headers: as("contractmanager") })).statusCode,
      400,
    );
  });

  test("evidence can be recorded; a certificate covering the product clears that reason", async () => {
    const put = await t.app.inject({
      method: "PUT",
      url: "/api/v1/aanbieders/12345678/bewijs",
      headers: as("contractmanager"),
      payload: { items: [{ kind: "kwaliteitscertificaat", date: "2025-01-01", validUntil: "2027-12-31", scope: ["dagbesteding-m1"] }] },
    });
    assert.equal(put.statusCode, 200, put.body);
    const r = await t.app.inject({
      method: "GET",
      url: "/api/v1/aanbieders/12345678/compliance?peildatum=2026-06-01&productenboek=004-nmd-pve-2026",
      headers: as("contractmanager"),
    });
    const m1 = r.json().producten.find((p: { productId: string }) => p.productId === "004-nmd-pve-2026.wmo.dagbesteding-m1");
    assert.equal(m1.requirements.find((q: { topic: string }) => q.topic === "kwaliteitscertificaat of audit").status, "voldoet");
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/v1/aanbieders/12345678/bewijs",
      headers: as("contractmanager"),
      payload: { items: [{ kind: "diploma", date: "x" }] },
    });
    assert.equal(bad.statusCode, 400);
  });

  test("an aanbieder sees only its own organisation; a controller of another gemeente sees nothing of it", async () => {
    const list = await t.app.inject({ method: "GET", url: "/api/v1/aanbieders", headers: as("aanbieder") });
    assert.deepEqual(list.json().items, []);
    assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/aanbieders/12345678", headers: as("aanbieder") })).statusCode, 403);
    assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/aanbieders/12345678/compliance", headers: as("controller") })).statusCode, 403);
    assert.equal((await upload("aanbieder", "12345678", "zorg-voorbeeld.csv")).statusCode, 403);
    const own = await upload("aanbieder", "98765432", "zorg-voorbeeld.csv");
    assert.equal(own.statusCode, 201, "an aanbieder edits its own organisation");
    const mine = await t.app.inject({ method: "GET", url: "/api/v1/aanbieders", headers: as("aanbieder") });
    assert.deepEqual(
      mine.json().items.map((p: { agbCode: string }) => p.agbCode),
      ["98765432"],
    );
    const cm = await t.app.inject({ method: "GET", url: "/api/v1/aanbieders", headers: as("contractmanager") });
    assert.ok(!cm.json().items.some((p: { agbCode: string }) => p.agbCode === "98765432"), "not contracted by the gemeente: not visible to it");
  });

  test("a contractmanager of another gemeente cannot take over a provider by importing for it", async () => {
    const other = await t.kader.auth.addUser({
      username: "cm.tynaarlo",
      displayName: "CM Tynaarlo",
      role: "contractmanager",
      gemeentecode: "1730",
      password: "een-goed-wachtwoord",
    });
    assert.ok(other.ok);
    const r = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "cm.tynaarlo", password: "een-goed-wachtwoord" } });
    sessions.set("cm.tynaarlo", { cookie: String(r.headers["set-cookie"]).split(";")[0]!, csrf: r.json().csrfToken });
    assert.equal((await upload("cm.tynaarlo", "12345678", "zorg-voorbeeld.csv")).statusCode, 403);
    const contract = await t.app.inject({
      method: "PUT",
      url: "/api/v1/aanbieders/12345678/contracten",
      headers: as("cm.tynaarlo"),
      payload: { items: [{ productId: "002-wmo-2026.wmo.07A03", gemeentecode: "1730", validFrom: "2026-01-01", tariffCents: 1 }] },
    });
    assert.equal(contract.statusCode, 403, "contracting does not open another gemeente's provider");
    const evidence = await t.app.inject({ method: "PUT", url: "/api/v1/aanbieders/12345678/bewijs", headers: as("cm.tynaarlo"), payload: { items: "x" } });
    assert.equal(evidence.statusCode, 403, "access is decided before input is read, so existence does not leak");
    const log = await t.kader.accessLog.list({ limit: 500 });
    assert.ok(
      log.some((r) => r.resource === "provider" && r.username === "cm.tynaarlo" && !r.allowed),
      "refused contract writes are logged",
    );
    assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/aanbieders/12345678", headers: as("cm.tynaarlo") })).statusCode, 403);
    const p = await t.kader.compliance.staff({ kind: "cli" }, "12345678", { endpoint: "test", purpose: "test" });
    assert.ok(p.ok && p.value.provider.gemeentecodes.join() === "0106" && p.value.provider.name === "Zorg Voorbeeld BV");
  });

  test("unknown AGB codes are not revealed; unknown productenboek and bad evidence are refused in Dutch", async () => {
    assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/aanbieders/11112222" })).statusCode, 401);
    assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/aanbieders/11112222", headers: as("contractmanager") })).statusCode, 403);
    const book = await t.app.inject({
      method: "GET",
      url: "/api/v1/aanbieders/12345678/compliance?productenboek=bestaat-niet",
      headers: as("contractmanager"),
    });
    assert.equal(book.statusCode, 404);
    const ev = await t.app.inject({
      method: "PUT",
      url: "/api/v1/aanbieders/12345678/bewijs",
      headers: as("contractmanager"),
      payload: { items: [{ kind: "kvk-uittreksel", date: "2026-03-01", validUntil: "2026-01-01", scope: [] }] },
    });
    assert.equal(ev.statusCode, 400);
    assert.deepEqual(
      ev
        .json()
        .problems.map((x: { path: string }) => x.path)
        .sort(),
      ["0.scope", "0.validUntil"],
    );
    const days = await t.app.inject({ method: "GET", url: "/api/v1/compliance/signalen?dagen=veel", headers: as("contractmanager") });
    assert.equal(days.statusCode, 400);
    assert.match(days.json().detail, /verwacht getal/);
  });

  test("contracts: a contractmanager records its own gemeente's contracts; contracted products are checked too", async () => {
    const put = (u: string, items: unknown) =>
      t.app.inject({ method: "PUT", url: "/api/v1/aanbieders/12345678/contracten", headers: as(u), payload: { items } });
    const ok = await put("contractmanager", [
      { productId: "004-nmd-pve-2026.wmo.vervoer-regulier-0-10", gemeentecode: "0106", validFrom: "2026-01-01", tariffCents: 1250 },
    ]);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(
      ok.json().contracts.map((c: { productId: string }) => c.productId),
      ["004-nmd-pve-2026.wmo.vervoer-regulier-0-10"],
    );
    const other = await put("contractmanager", [{ productId: "004-nmd-pve-2026.wmo.vervoer-regulier-0-10", gemeentecode: "1730", validFrom: "2026-01-01" }]);
    assert.equal(other.statusCode, 403);
    assert.equal((await put("contractmanager", [{ productId: "bestaat-niet", gemeentecode: "0106", validFrom: "2026-01-01" }])).statusCode, 400);
    assert.equal((await put("aanbieder", [])).statusCode, 403);
    const r = await t.app.inject({
      method: "GET",
      url: "/api/v1/aanbieders/12345678/compliance?peildatum=2026-06-01&productenboek=004-nmd-pve-2026",
      headers: as("contractmanager"),
    });
    const ids = r.json().producten.map((p: { productId: string }) => p.productId);
    assert.ok(ids.includes("004-nmd-pve-2026.wmo.vervoer-regulier-0-10"), "the contracted vervoer product is checked");
    const m1 = r.json().producten.find((p: { productId: string }) => p.productId === "004-nmd-pve-2026.wmo.dagbesteding-m1");
    assert.ok(
      !m1.reasons.some((x: { message: string }) => /niet gecontracteerd voor vervoer/.test(x.message)),
      "the vervoer contract fulfils the portfolio duty",
    );
  });

  test("contract tariffs next to the model's tariffs, for the gemeente's own contracts", async () => {
    const { parse } = await import("yaml");
    const parameters = parse(await readFile(resolve(import.meta.dirname, "../tarieven/voorbeeld-2026.yaml"), "utf8"));
    await t.app.inject({
      method: "PUT",
      url: "/api/v1/aanbieders/12345678/contracten",
      headers: as("contractmanager"),
      payload: { items: [{ productId: "002-wmo-2026.wmo.07A03", gemeentecode: "0106", validFrom: "2026-01-01", tariffCents: 3400 }] },
    });
    const r = await t.app.inject({ method: "POST", url: "/api/v1/tarieven/contracten", headers: as("contractmanager"), payload: { parameters } });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(
      r
        .json()
        .items.map((x: { productId: string; contractTariff: number; computedTariff: number; verschil: number }) => [
          x.productId,
          x.contractTariff,
          x.computedTariff,
          x.verschil,
        ]),
      [["002-wmo-2026.wmo.07A03", 3400, 3306, 94]],
    );
    // another gemeente's contract (recorded by the local administrator) stays out of this gemeente's view
    const cli = await t.kader.compliance.staff({ kind: "cli" }, "12345678", { endpoint: "test", purpose: "test" });
    assert.ok(cli.ok);
    const both = [
      ...cli.value.provider.contracts,
      { productId: "002-wmo-2026.wmo.07A03", gemeentecode: "1680", validFrom: "2026-01-01", validTo: null, tariffCents: 2999 },
    ];
    assert.ok((await t.kader.compliance.setContracts({ kind: "cli" }, "12345678", both, { endpoint: "test", purpose: "test" })).ok);
    const seen = await t.app.inject({ method: "GET", url: "/api/v1/aanbieders/12345678", headers: as("contractmanager") });
    assert.deepEqual(
      [seen.json().provider.gemeentecodes, seen.json().provider.contracts.map((c: { gemeentecode: string }) => c.gemeentecode)],
      [["0106"], ["0106"]],
    );
    const list = await t.app.inject({ method: "GET", url: "/api/v1/aanbieders", headers: as("contractmanager") });
    assert.ok(!JSON.stringify(list.json()).includes("2999"), "no other gemeente's tariff in the list");
    assert.equal((await t.app.inject({ method: "POST", url: "/api/v1/tarieven/contracten", payload: { parameters } })).statusCode, 401);
  });

  test("signals list lapsing evidence of the gemeente's providers; every staff access is in the access log", async () => {
    const s = await t.app.inject({ method: "GET", url: "/api/v1/compliance/signalen?dagen=3650", headers: as("contractmanager") });
    assert.ok(s.json().items.length >= 10);
    assert.ok(s.json().items.every((x: { agbCode: string }) => x.agbCode === "12345678"));
    const log = await t.kader.accessLog.list({ limit: 200 });
    assert.ok(log.some((r) => r.resource === "compliance" && r.action === "write" && r.username === "contractmanager" && r.allowed));
    assert.ok(log.some((r) => r.resource === "compliance" && r.username === "aanbieder" && !r.allowed));
  });
});
