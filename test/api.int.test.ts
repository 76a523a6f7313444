import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { dbLabel } from "./support/db.ts";
import { testApp } from "./support/app.ts";

describe(`API /api/v1 on ${dbLabel()}`, () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  before(async () => {
    ({ app, close } = await testApp());
  });
  after(async () => close());
  const get = async (url: string) => {
    const r = await app.inject({ method: "GET", url });
    return {
      status: r.statusCode,
      type: String(r.headers["content-type"]),
      body: r.headers["content-type"]?.toString().includes("json") ? r.json() : r.body,
      raw: r.rawPayload,
    };
  };

  test("lists the four productenboeken with their product counts, publicly", async () => {
    const r = await get("/api/v1/productenboeken");
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.body.items.map((p: { id: string; productCount: number }) => [p.id, p.productCount]),
      [
        ["000-begeleiding-dagbesteding", 14],
        ["001-concept-inkoop-2025", 58],
        ["002-wmo-2026", 11],
        ["004-nmd-pve-2026", 28],
      ],
    );
  });

  test("Dutch full-text search stems: 'dagbestedingen' finds dagbesteding products", async () => {
    const r = await get("/api/v1/products?q=dagbestedingen&limit=200");
    assert.equal(r.status, 200);
    assert.ok(r.body.total >= 10, `total ${r.body.total}`);
    assert.ok(r.body.items.every((p: { name: string; description: string }) => /dagbested|dagactiviteit|dagbehandel|dagdeel/i.test(JSON.stringify(p))));
  });

  test("filters combine: law, unit, productenboek, code and productcategorie", async () => {
    const r = await get("/api/v1/products?productenboek=002-wmo-2026&unit=01&limit=100");
    assert.deepEqual(r.body.items.map((p: { productcode: string }) => p.productcode).sort(), ["02A04", "02A05", "02A17", "02A18", "02A20", "02A21", "02A22"]);
    const j = await get("/api/v1/products?code=02a05");
    assert.deepEqual(j.body.items.map((p: { productenboekId: string }) => p.productenboekId).sort(), [
      "000-begeleiding-dagbesteding",
      "001-concept-inkoop-2025",
      "002-wmo-2026",
    ]);
    const cat = await get("/api/v1/products?productcategorie=08&law=wmo&limit=100");
    assert.ok(cat.body.items.every((p: { productcode: string; law: string }) => p.productcode.startsWith("08") && p.law === "wmo"));
    assert.ok(cat.body.total >= 3);
  });

  test("bad parameters: 400 problem+json naming every parameter", async () => {
    const r = await get("/api/v1/products?law=zvw&limit=0&unit=99&colour=red");
    assert.equal(r.status, 400);
    assert.match(r.type, /application\/problem\+json/);
    assert.deepEqual(r.body.problems.map((p: { path: string }) => p.path).sort(), ["colour", "law", "limit", "unit"]);
    assert.equal(r.body.status, 400);
  });

  test("product detail renders every requirement in Dutch, with source line", async () => {
    const r = await get("/api/v1/products/000-begeleiding-dagbesteding.wmo.02A03");
    assert.equal(r.status, 200);
    assert.equal(r.body.product.source.file, "000_a8fe782033fdd29b.txt");
    assert.ok(
      r.body.requirements.some(
        (q: { text: string }) => q.text === "minimaal 80% van de medewerkers op MBO-4-niveau of hoger, de overige medewerkers minimaal MBO-3",
      ),
    );
    assert.deepEqual(
      r.body.siblings.map((s: { productcode: string }) => s.productcode),
      ["45A48"],
    );
    assert.deepEqual(r.body.summary.staffing.minShareAtOrAbove, [{ level: "mbo4", share: 0.8 }]);
  });

  test("unknown product: 404 problem+json; unknown route too", async () => {
    const r = await get("/api/v1/products/bestaat-niet");
    assert.equal(r.status, 404);
    assert.match(r.type, /problem\+json/);
    assert.equal((await get("/api/v1/nope")).status, 404);
  });

  test("compare 02A03 across 000 and 001 highlights the differing staffing", async () => {
    const r = await get("/api/v1/compare?code=02A03");
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.body.products.map((p: { productenboekId: string }) => p.productenboekId),
      ["000-begeleiding-dagbesteding", "001-concept-inkoop-2025"],
    );
    const staffing = r.body.rows.find((x: { aspect: string }) => x.aspect === "staffShare");
    assert.equal(staffing.differs, true);
    assert.match(staffing.values[0], /minimaal 80% .*MBO-4/);
    assert.match(staffing.values[1], /minimaal 50% .*MBO-4/);
    const law = r.body.rows.find((x: { aspect: string }) => x.aspect === "law");
    assert.equal(law.differs, false);
  });

  test("compare 45A53 (000 vs 001) and 02A05 (000 vs 002)", async () => {
    const a = await get("/api/v1/compare?code=45A53");
    const s = a.body.rows.find((x: { aspect: string }) => x.aspect === "staffShare");
    assert.deepEqual([s.differs, /60%/.test(s.values[0]), /80%/.test(s.values[1])], [true, true, true]);
    const b = await get("/api/v1/compare?ids=000-begeleiding-dagbesteding.wmo.02A05,002-wmo-2026.wmo.02A05");
    assert.equal(b.status, 200);
    const mix = b.body.rows.find((x: { aspect: string }) => x.aspect === "functionMix");
    assert.deepEqual([mix.values[0], mix.differs], [null, true]);
    const avail = b.body.rows.find((x: { aspect: string }) => x.aspect === "availability");
    assert.equal(avail.differs, true);
  });

  test("compare refuses ambiguous or unknown input", async () => {
    assert.equal((await get("/api/v1/compare")).status, 400);
    assert.equal((await get("/api/v1/compare?code=02A03&kind=dagbesteding")).status, 400);
    assert.equal((await get("/api/v1/compare?ids=000-begeleiding-dagbesteding.wmo.02A03,nope")).status, 404);
    assert.equal((await get("/api/v1/compare?code=99Z99")).status, 404);
  });

  test("versions and asOf: nothing exists before the productenboek applies", async () => {
    const v = await get("/api/v1/products/004-nmd-pve-2026.wmo.dagbesteding-m2/versions");
    assert.deepEqual(
      v.body.versions.map((x: { version: number; validFrom: string }) => [x.version, x.validFrom]),
      [[1, "2026-01-01"]],
    );
    assert.equal((await get("/api/v1/products/004-nmd-pve-2026.wmo.dagbesteding-m2?asOf=2025-12-31")).status, 404);
    assert.equal((await get("/api/v1/products/004-nmd-pve-2026.wmo.dagbesteding-m2?asOf=2026-13-01")).status, 400);
  });

  test("export: kader.productenboek/v1 JSON, CSV and XLSX with one row per product", async () => {
    const j = await get("/api/v1/export?format=json");
    assert.equal(j.body.format, "kader.productenboek/v1");
    assert.equal(j.body.productenboeken.flatMap((b: { products: unknown[] }) => b.products).length, 111);
    const csv = await get("/api/v1/export?format=csv");
    assert.match(csv.type, /text\/csv/);
    assert.equal(String(csv.body).trim().split("\n").length, 112);
    const x = await get("/api/v1/export?format=xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as unknown as ArrayBuffer);
    assert.equal(wb.getWorksheet("Producten")?.rowCount, 112);
    assert.equal((await get("/api/v1/export?format=pdf")).status, 400);
  });

  test("OpenAPI 3.1 document and docs page are served", async () => {
    const o = await get("/api/v1/openapi.json");
    assert.equal(o.body.openapi, "3.1.0");
    assert.ok(o.body.paths["/api/v1/products"].get.parameters.some((p: { name: string }) => p.name === "productcategorie"));
    for (const path of [
      "/api/v1/beschikkingen",
      "/api/v1/declaraties",
      "/api/v1/budget",
      "/api/v1/berichten",
      "/api/v1/programmas-van-eisen",
      "/api/v1/conversies",
    ])
      assert.ok(o.body.paths[path], path);
    assert.ok(o.body.paths["/api/v1/budget"].get.parameters.some((p: { name: string }) => p.name === "groep"));
    const d = await app.inject({ method: "GET", url: "/api/v1/docs/" });
    assert.equal(d.statusCode, 200);
  });
});
