/** `kader conversie` commands against a database (the Output seam captures what they print). */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import type { Db } from "../src/adapters/db/db.ts";
import { readCatalogueDir } from "../src/adapters/files/catalogue-files.ts";
import { SqlConversionStore } from "../src/adapters/db/conversion-repository.ts";
import { fixedClock } from "../src/app/clock.ts";
import { loadConversieDemo } from "../src/app/conversion-demo.ts";
import { loadCatalogue } from "../src/app/load-catalogue.ts";
import { type Kader, wire } from "../src/cli/compose.ts";
import { conversieImporteer, conversiePlan, conversieProefrun, conversieUitvoeren, conversieUitvraag } from "../src/cli/conversion.ts";
import type { Output } from "../src/cli/output.ts";
import { testDb } from "./support/db.ts";

const capture = () => {
  const lines: string[] = [];
  const errs: string[] = [];
  const json: unknown[] = [];
  const out: Output = { line: (s) => lines.push(s), err: (s) => errs.push(s), json: (v) => json.push(v), raw: (s) => lines.push(String(s)) };
  return { out, lines, errs, json };
};

let db: Db;
let k: Kader;
before(async () => {
  db = await testDb();
  const clock = fixedClock("2025-12-01");
  k = wire(db, clock);
  const cat = await readCatalogueDir(resolve(import.meta.dirname, "../catalog"));
  assert.ok(cat.ok);
  await loadCatalogue(k.repo, clock, cat.value);
  await loadConversieDemo(new SqlConversionStore(db).care, { today: "2025-12-01" });
});
after(async () => {
  await db?.close();
});

test("plan prints the rules and open points; --json the plan", async () => {
  const c = capture();
  assert.equal(await conversiePlan(c.out, {}), 0);
  assert.ok(c.lines.some((l) => l.includes("interventieniveau 6") && l.includes("Basis Plus")));
  const j = capture();
  assert.equal(await conversiePlan(j.out, { json: true }), 0);
  assert.equal((j.json[0] as { id: string }).id, "004-nmd-2026");
  const bad = capture();
  assert.equal(await conversiePlan(bad.out, { plan: "bestaat-niet" }), 1);
});

test("uitvraag → importeer (an invalid workbook: exit 1, nothing stored) → proefrun → uitvoeren", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kader-conv-cli-"));
  const u = capture();
  assert.equal(await conversieUitvraag(u.out, k, { gemeente: "0106", uit: dir, json: true }), 0);
  const books = (u.json[0] as { werkmappen: { aanbieder: string; bestand: string }[] }).werkmappen;
  assert.equal(books.length, 3);
  // the provider of dagbesteding fills in one row well and one with a fraction of a dagdeel
  const file = books.find((b) => b.aanbieder === "87654321")!.bestand;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(readFileSync(file)).buffer);
  const ws = wb.getWorksheet("Uitvraag")!;
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((c, i) => col.set(String(c.value), i));
  ws.getRow(2).getCell(col.get("Module (M1/M2/M3)")!).value = "M3";
  ws.getRow(2).getCell(col.get("Dagdelen per week")!).value = 2.5;
  const badFile = join(dir, "fout.xlsx");
  writeFileSync(badFile, Buffer.from(await wb.xlsx.writeBuffer()));
  const bad = capture();
  assert.equal(await conversieImporteer(bad.out, k, [badFile], {}), 1);
  assert.ok(
    bad.errs.some((e) => e.includes("fout.xlsx:2") && e.includes("geen heel getal")),
    bad.errs.join("\n"),
  );
  ws.getRow(2).getCell(col.get("Dagdelen per week")!).value = 3;
  const goodFile = join(dir, "goed.xlsx");
  writeFileSync(goodFile, Buffer.from(await wb.xlsx.writeBuffer()));
  const good = capture();
  assert.equal(await conversieImporteer(good.out, k, [goodFile], {}), 0, good.errs.join("\n"));
  assert.match(good.lines[0]!, /1 antwoord\(en\) opgeslagen/);

  const h = capture();
  assert.equal(await conversieUitvraag(h.out, k, { gemeente: "0106", herinneringen: true }), 0);
  assert.match(h.lines.at(-1)!, /3 aanbieder\(s\) krijgen een herinnering/);

  const p = capture();
  const xlsx = join(dir, "proefrun.xlsx");
  assert.equal(await conversieProefrun(p.out, k, { gemeente: "0106", xlsx, json: true }), 0);
  assert.ok(existsSync(xlsx));
  const proef = p.json[0] as { proefrun: number; uitkomsten: { uitvoerbaar: boolean }[] };
  assert.equal(proef.uitkomsten.filter((x) => x.uitvoerbaar).length, 1);

  const uit = join(dir, "uit");
  const x = capture();
  assert.equal(await conversieUitvoeren(x.out, k, { gemeente: "0106", proefrun: String(proef.proefrun), uit }), 0, x.errs.join("\n"));
  const written = readdirSync(uit);
  assert.ok(written.some((f) => f.startsWith("WMO301_0106_87654321_")));
  assert.ok(written.some((f) => f.startsWith("verslag-conversie-")));
  assert.match(x.lines[0]!, /1 omgezet/);
});
