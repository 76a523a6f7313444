/** The conversion API: who may do what, the uitvraag workbook round trip over HTTP, dry run as JSON and Excel. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { SqlConversionStore } from "../src/adapters/db/conversion-repository.ts";
import { loadConversieDemo } from "../src/app/conversion-demo.ts";
import { dbLabel } from "./support/db.ts";
import { type TestApp, testApp } from "./support/app.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe(`conversion API on ${dbLabel()}`, () => {
  let t: TestApp;
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  let id = 0;
  before(async () => {
    t = await testApp({ demoUsers: true });
    await loadConversieDemo(new SqlConversionStore(t.db).care, { today: "2025-12-01" });
    for (const u of ["toegang", "contractmanager", "aanbieder", "controller"]) {
      const r = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u, password: "kader-demo" } });
      assert.equal(r.statusCode, 200, u);
      sessions.set(u, { cookie: String(r.headers["set-cookie"]).split(";")[0]!, csrf: r.json().csrfToken });
    }
  });
  after(async () => t?.close());
  const as = (u: string | null) => (u ? { cookie: sessions.get(u)!.cookie, "x-csrf-token": sessions.get(u)!.csrf } : {});
  const get = (u: string | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, headers: as(u) });
  const post = (u: string | null, url: string, payload?: object | Buffer, type?: string) =>
    t.app.inject({ method: "POST", url: `/api/v1${url}`, headers: { ...as(u), ...(type ? { "content-type": type } : {}) }, ...(payload ? { payload } : {}) });

  test("plans need sign-in; the contractmanager starts the 004 conversion for its gemeente", async () => {
    assert.equal((await get(null, "/conversieplannen")).statusCode, 401);
    const p = await get("contractmanager", "/conversieplannen");
    assert.equal(p.statusCode, 200);
    assert.ok(p.json().plannen.some((x: { id: string }) => x.id === "004-nmd-2026"));
    assert.equal((await post("aanbieder", "/conversies", { plan: "004-nmd-2026" })).statusCode, 403);
    assert.equal((await post("controller", "/conversies", { plan: "004-nmd-2026" })).statusCode, 403);
    const r = await post("contractmanager", "/conversies", { plan: "004-nmd-2026" });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().gemeentecode, "0106");
    id = r.json().id;
    assert.ok((await get("aanbieder", "/conversies")).json().conversies.some((c: { id: number }) => c.id === id));
  });

  test("an aanbieder downloads only its own uitvraag and uploads its answers", async () => {
    assert.equal((await get("aanbieder", `/conversies/${id}/uitvraag?aanbieder=87654321`)).statusCode, 403);
    const d = await get("aanbieder", `/conversies/${id}/uitvraag`);
    assert.equal(d.statusCode, 200);
    assert.equal(d.headers["content-type"], XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(d.rawPayload).buffer);
    const ws = wb.getWorksheet("Uitvraag")!;
    const col = new Map<string, number>();
    ws.getRow(1).eachCell((c, i) => col.set(String(c.value), i));
    assert.ok(ws.rowCount > 3);
    ws.getRow(2).getCell(col.get("Uren per maand")!).value = 6;
    const up = await post("aanbieder", `/conversies/${id}/antwoorden`, Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    assert.equal(up.statusCode, 200, up.body);
    assert.equal(up.json().opgeslagen, 1);
    ws.getRow(3).getCell(col.get("Uren per maand")!).value = "veel";
    const bad = await post("aanbieder", `/conversies/${id}/antwoorden`, Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().problems.some((p: { line: number; detail: string }) => p.line === 3 && /geen getal/.test(p.detail)));
    // the aanbieder does not see the other providers' status, nor run the dry run
    assert.equal((await get("aanbieder", `/conversies/${id}/status`)).statusCode, 403);
    assert.equal((await post("aanbieder", `/conversies/${id}/proefruns`)).statusCode, 403);
  });

  test("status, dry run (JSON and Excel) and approval by the gemeente", async () => {
    const s = await get("contractmanager", `/conversies/${id}/status`);
    assert.equal(s.statusCode, 200);
    assert.equal(s.json().aanbieders.find((a: { agbCode: string }) => a.agbCode === "98765432").beantwoord, 1);
    const p = await post("toegang", `/conversies/${id}/proefruns`);
    assert.equal(p.statusCode, 201, p.body);
    const runId = p.json().runId;
    assert.ok(p.json().uitkomsten.length > 10);
    const x = await get("toegang", `/conversie-runs/${runId}?format=xlsx`);
    assert.equal(x.statusCode, 200);
    assert.equal(x.headers["content-type"], XLSX);
    assert.equal((await post("controller", `/conversie-runs/${runId}/goedkeuring`)).statusCode, 403);
    const a = await post("contractmanager", `/conversie-runs/${runId}/goedkeuring`);
    assert.equal(a.statusCode, 201, a.body);
    const runs = await get("contractmanager", `/conversies/${id}/runs`);
    assert.deepEqual(
      runs.json().runs.map((r: { soort: string }) => r.soort),
      ["proefrun", "goedkeuring"],
    );
  });

  test("execution after the change date: the old toewijzingen end the day before with RedenWijziging 10, new ones and 301s follow; a second run changes nothing", async () => {
    // the test app's clock is 2026-06-01, after 004's change date (2026-01-01): an administrative transition (reden 10)
    assert.equal((await post("aanbieder", `/conversies/${id}/uitvoering`)).statusCode, 403);
    const r = await post("toegang", `/conversies/${id}/uitvoering`);
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(r.json().omgezet.length >= 1, JSON.stringify(r.json()).slice(0, 500));
    assert.ok(r.json().berichten.length >= 1);
    const again = await post("toegang", `/conversies/${id}/uitvoering`);
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().omgezet.length, 0, "idempotent");
    assert.equal(again.json().berichten.length, 0);
  });
});
