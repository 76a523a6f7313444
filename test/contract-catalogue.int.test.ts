/**
 * The catalogue, tariff and conversion routes answer what their contract says (src/contract/catalogue.ts, tariffs.ts,
 * conversion.ts): every route the other API tests do not reach is called here, so the response check
 * (KADER_CHECK_RESPONSES=1) holds its answer to the schema; the product search, which writes a cached buffer past
 * the check, is parsed with its schema here.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { parse } from "yaml";
import { SqlConversionStore } from "../src/adapters/db/conversion-repository.ts";
import { loadConversieDemo } from "../src/app/conversion-demo.ts";
import { catalogueRoutes, SearchPage } from "../src/contract/catalogue.ts";
import { conversionRoutes } from "../src/contract/conversion.ts";
import { tariffsRoutes } from "../src/contract/tariffs.ts";
import { type TestApp, testApp } from "./support/app.ts";

const parameters = parse(readFileSync(resolve(import.meta.dirname, "../tarieven/voorbeeld-2026.yaml"), "utf8"));

describe("catalogue, tariffs and conversion answer their contract", () => {
  let t: TestApp;
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  before(async () => {
    t = await testApp({ demoUsers: true });
    await loadConversieDemo(new SqlConversionStore(t.db).care, { today: "2025-12-01" });
    for (const u of ["toegang", "contractmanager", "aanbieder"]) {
      const r = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u, password: "kader-demo" } });
      assert.equal(r.statusCode, 200, u);
      sessions.set(u, { cookie: String(r.headers["set-cookie"]).split(";")[0]!, csrf: r.json().csrfToken });
    }
  });
  after(async () => t?.close());
  const as = (u?: string) => (u ? { cookie: sessions.get(u)!.cookie, "x-csrf-token": sessions.get(u)!.csrf } : {});
  const get = (url: string, u?: string) => t.app.inject({ method: "GET", url, headers: as(u) });
  const post = (url: string, u?: string, payload?: object | Buffer, type?: string) =>
    t.app.inject({ method: "POST", url, headers: { ...as(u), ...(type ? { "content-type": type } : {}) }, ...(payload ? { payload } : {}) });

  test("the response check is on", () => {
    assert.equal(process.env.KADER_CHECK_RESPONSES, "1", "run with KADER_CHECK_RESPONSES=1 (test/run.mjs sets it)");
  });

  test("every productenboek, in the list and one by one, and every product's detail and versions", async () => {
    const list = await get("/api/v1/productenboeken");
    assert.equal(list.statusCode, 200, list.body.slice(0, 500));
    const ids = (list.json().items as { id: string }[]).map((p) => p.id);
    assert.ok(ids.length >= 3, `${ids.length} productenboeken`);
    for (const id of ids) {
      const r = await get(`/api/v1/productenboeken/${id}`);
      assert.equal(r.statusCode, 200, `${id}: ${r.body.slice(0, 500)}`);
    }
    const page = await get("/api/v1/products?limit=500");
    assert.equal(page.statusCode, 200, page.body.slice(0, 500));
    const parsed = SearchPage.safeParse(page.json());
    assert.ok(parsed.success, `GET /products does not fit SearchPage: ${parsed.error?.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`)}`);
    for (const p of parsed.data!.items) {
      const d = await get(`/api/v1/products/${encodeURIComponent(p.id)}`);
      assert.equal(d.statusCode, 200, `${p.id}: ${d.body.slice(0, 500)}`);
      const v = await get(`/api/v1/products/${encodeURIComponent(p.id)}/versions`);
      assert.equal(v.statusCode, 200, `${p.id} versions: ${v.body.slice(0, 500)}`);
    }
    const search = await get("/api/v1/products?q=begeleiding&law=jeugdwet");
    assert.ok(SearchPage.safeParse(search.json()).success, "a search with a term fits SearchPage");
    const compare = await get("/api/v1/compare?kind=dagbesteding");
    assert.equal(compare.statusCode, 200, compare.body.slice(0, 500));
    const exported = await get("/api/v1/export");
    assert.equal(exported.statusCode, 200, exported.body.slice(0, 500));
  });

  test("tariffs: one product, a book, a scenario and the sensitivities", async () => {
    const one = await post("/api/v1/tarieven/bereken", undefined, { productId: "002-wmo-2026.wmo.07A03", parameters });
    assert.equal(one.statusCode, 200, one.body.slice(0, 500));
    for (const book of ["002-wmo-2026", "004-nmd-pve-2026"]) {
      const r = await post(`/api/v1/tarieven/productenboeken/${book}`, undefined, { parameters });
      assert.equal(r.statusCode, 200, r.body.slice(0, 500));
      assert.ok(
        (r.json().results as { ok: boolean }[]).some((x) => !x.ok),
        `${book}: the answer includes a product the model cannot compute`,
      );
    }
    const s = await post("/api/v1/tarieven/productenboeken/002-wmo-2026/scenario", undefined, { a: parameters, b: { ...parameters, risico: 0.05 } });
    assert.equal(s.statusCode, 200, s.body.slice(0, 500));
    const g = await post("/api/v1/tarieven/productenboeken/002-wmo-2026/gevoeligheid", undefined, { parameters });
    assert.equal(g.statusCode, 200, g.body.slice(0, 500));
  });

  test("a conversion from start to links: every JSON answer of the way", async () => {
    const plans = await get("/api/v1/conversieplannen", "contractmanager");
    assert.equal(plans.statusCode, 200, plans.body.slice(0, 500));
    const started = await post("/api/v1/conversies", "contractmanager", { plan: "004-nmd-2026" });
    assert.equal(started.statusCode, 201, started.body.slice(0, 500));
    const id = started.json().id as number;
    const one = await get(`/api/v1/conversies/${id}`, "contractmanager");
    assert.equal(one.statusCode, 200, one.body.slice(0, 500));
    // one answer, so that the execution converts a toewijzing
    const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const d = await get(`/api/v1/conversies/${id}/uitvraag`, "aanbieder");
    assert.equal(d.statusCode, 200, d.body.slice(0, 500));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(d.rawPayload).buffer);
    const ws = wb.getWorksheet("Uitvraag")!;
    const col = new Map<string, number>();
    ws.getRow(1).eachCell((c, i) => col.set(String(c.value), i));
    ws.getRow(2).getCell(col.get("Uren per maand")!).value = 6;
    const up = await post(`/api/v1/conversies/${id}/antwoorden`, "aanbieder", Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    assert.equal(up.statusCode, 200, up.body.slice(0, 500));
    const status = await get(`/api/v1/conversies/${id}/status`, "contractmanager");
    assert.equal(status.statusCode, 200, status.body.slice(0, 500));
    const dry = await post(`/api/v1/conversies/${id}/proefruns`, "toegang");
    assert.equal(dry.statusCode, 201, dry.body.slice(0, 500));
    const runId = dry.json().runId as number;
    const run = await get(`/api/v1/conversie-runs/${runId}`, "toegang");
    assert.equal(run.statusCode, 200, run.body.slice(0, 500));
    const approved = await post(`/api/v1/conversie-runs/${runId}/goedkeuring`, "contractmanager");
    assert.equal(approved.statusCode, 201, approved.body.slice(0, 500));
    const approval = await get(`/api/v1/conversie-runs/${approved.json().runId}`, "contractmanager");
    assert.equal(approval.statusCode, 200, approval.body.slice(0, 500));
    const executed = await post(`/api/v1/conversies/${id}/uitvoering`, "toegang");
    assert.equal(executed.statusCode, 200, executed.body.slice(0, 500));
    const execution = await get(`/api/v1/conversie-runs/${executed.json().runId}`, "toegang");
    assert.equal(execution.statusCode, 200, execution.body.slice(0, 500));
    assert.ok(execution.json().inhoud.rapport, "an execution run holds its report");
    const runs = await get(`/api/v1/conversies/${id}/runs`, "toegang");
    assert.equal(runs.statusCode, 200, runs.body.slice(0, 500));
    const links = await get(`/api/v1/conversies/${id}/koppelingen`, "toegang");
    assert.equal(links.statusCode, 200, links.body.slice(0, 500));
    assert.ok(links.json().koppelingen.length >= 1, "the execution linked old and new toewijzingen");
    const all = await get("/api/v1/conversies", "toegang");
    assert.equal(all.statusCode, 200, all.body.slice(0, 500));
  });

  test("the problem texts the routes keep their own: a bad number, a bad format, an unknown parameter", async () => {
    const badId = await get("/api/v1/conversie-runs/x", "toegang");
    assert.equal(badId.statusCode, 400);
    assert.equal(badId.json().problems[0].title, "Ongeldig runnummer");
    const badFormat = await get("/api/v1/conversie-runs/1?format=pdf", "toegang");
    assert.equal(badFormat.json().problems[0].title, "Ongeldige parameter format");
    const unknown = await get("/api/v1/products?colour=red");
    assert.equal(unknown.json().problems[0].title, "Ongeldige parameter colour");
  });

  test("the three areas' routes are all in the contract with a response or a file", () => {
    for (const r of [...Object.values(catalogueRoutes), ...Object.values(tariffsRoutes), ...Object.values(conversionRoutes)])
      assert.ok(r.response || ("files" in r && r.files.length), `${r.method} ${r.path} describes no answer`);
  });
});
