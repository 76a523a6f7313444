import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import { parse } from "yaml";
import { type TestApp, testApp } from "./support/app.ts";

let t: TestApp;
const parameters = parse(readFileSync(resolve(import.meta.dirname, "../tarieven/voorbeeld-2026.yaml"), "utf8"));
before(async () => {
  t = await testApp();
});
after(async () => t.close());
const post = (url: string, payload: unknown) => t.app.inject({ method: "POST", url, payload: payload as object });

test("POST /tarieven/bereken: the tariff with every step; bad parameters name the field", async () => {
  const r = await post("/api/v1/tarieven/bereken", { productId: "002-wmo-2026.wmo.07A03", parameters });
  assert.equal(r.statusCode, 200);
  assert.deepEqual([r.json().tariefPerEenheid, r.json().eenheid], [3306, "16"]);
  assert.ok(r.json().stappen.length >= 8);
  const bad = await post("/api/v1/tarieven/bereken", { productId: "002-wmo-2026.wmo.07A03", parameters: { ...parameters, risico: 2 } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().problems[0].path, "risico");
  assert.equal((await post("/api/v1/tarieven/bereken", { productId: "bestaat-niet", parameters })).statusCode, 404);
});

test("a productenboek's tariffs as JSON and as a live workbook; scenario and sensitivity", async () => {
  const r = await post("/api/v1/tarieven/productenboeken/002-wmo-2026", { parameters });
  assert.equal(r.json().results.filter((x: { ok: boolean }) => x.ok).length, 9);
  const x = await post("/api/v1/tarieven/productenboeken/002-wmo-2026?format=xlsx", { parameters });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual([wb.getWorksheet("Tarieven")?.rowCount, wb.getWorksheet("Ontbrekend")?.rowCount], [10, 3]);
  const s = await post("/api/v1/tarieven/productenboeken/002-wmo-2026/scenario", { a: parameters, b: { ...parameters, overhead: 0.2 } });
  assert.ok(s.json().rows.every((row: { verschil: number | null }) => row.verschil === null || row.verschil >= 0));
  const g = await post("/api/v1/tarieven/productenboeken/002-wmo-2026/gevoeligheid", { parameters });
  assert.deepEqual(
    g.json().variants.map((v: { variant: string }) => v.variant),
    ["ziekteverzuim +1 procentpunt", "overhead +1 procentpunt", "HBO-aandeel +1 procentpunt"],
  );
});
