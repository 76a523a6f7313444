/**
 * The 004 conversion end to end on the database (PGlite, or PostgreSQL with DATABASE_URL): uitvraag workbooks
 * generated, filled and read back; a workbook with an error changes nothing; the dry run with every flag; approval;
 * execution (old toewijzingen ended with RedenWijziging 10, new ones under the same beschikking, links old → new);
 * the 301s valid with the codec and xmllint; a second execution changes nothing.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { SqlConversionStore } from "../src/adapters/db/conversion-repository.ts";
import type { Db } from "../src/adapters/db/db.ts";
import { readCatalogueDir } from "../src/adapters/files/catalogue-files.ts";
import { readConversionPlan } from "../src/adapters/files/conversion-plan-file.ts";
import { proefrunToXlsx, readUitvraagXlsx, uitvraagToXlsx } from "../src/adapters/files/conversion-workbook.ts";
import { fixedClock } from "../src/app/clock.ts";
import { ConversionService, type Uitvraag } from "../src/app/conversion.ts";
import { CONVERSIE_CASES, type ConversieDemo, loadConversieDemo } from "../src/app/conversion-demo.ts";
import { loadCatalogue } from "../src/app/load-catalogue.ts";
import { type Kader, wire } from "../src/cli/compose.ts";
import type { Antwoord, Uitkomst } from "../src/domain/conversion/compute.ts";
import type { ConversiePlan } from "../src/domain/conversion/plan.ts";
import { messageByName, validateMessage } from "../src/messages/index.ts";
import { testDb } from "./support/db.ts";
import { hasReference, hasXmllint, xmllintVerdicts, xsdFor } from "./messages/support.ts";

const CATALOG = resolve(import.meta.dirname, "../catalog");
const cli = { kind: "cli" as const };
const ctx = { endpoint: "test", purpose: "conversietest" };

let db: Db;
let kader: Kader;
let svc: ConversionService;
let store: SqlConversionStore;
let plan: ConversiePlan;
let demo: ConversieDemo;
let conversieId: number;

before(async () => {
  db = await testDb();
  const clock = fixedClock("2025-12-01");
  kader = wire(db, clock);
  const cat = await readCatalogueDir(CATALOG);
  assert.ok(cat.ok);
  await loadCatalogue(kader.repo, clock, cat.value);
  const p = await readConversionPlan(join(CATALOG, "conversies/004-nmd-2026.yaml"));
  assert.ok(p.ok, JSON.stringify(!p.ok && p.problems));
  plan = p.value;
  store = new SqlConversionStore(db);
  svc = new ConversionService(store, kader.catalogue, kader.gate, clock);
  demo = await loadConversieDemo(store.care, { today: "2025-12-01", extra: 6 });
  const c = await svc.start(cli, plan, "0106", ctx);
  assert.ok(c.ok);
  conversieId = c.value.id;
});
after(async () => {
  await db?.close();
});

/** Fills a generated workbook's input cells as a provider would (by header text). */
async function fill(bytes: Buffer, answers: Map<string, Antwoord>, tweak?: (ws: ExcelJS.Worksheet, col: Map<string, number>) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  const ws = wb.getWorksheet("Uitvraag")!;
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((c, i) => col.set(String(c.value), i));
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const key = `${row.getCell(col.get("Gemeente")!).value}/${row.getCell(col.get("Wet")!).value}/${row.getCell(col.get("Toewijzingnummer")!).value}`;
    const a = answers.get(key);
    if (!a) return;
    const set = (h: string, v: unknown) => {
      if (v !== null && v !== undefined) row.getCell(col.get(h)!).value = v as ExcelJS.CellValue;
    };
    set("Uren per maand", a.uren);
    for (const [lvl, u] of Object.entries(a.urenPerNiveau ?? {})) set(`Uren niveau ${lvl}`, u);
    set("Module (M1/M2/M3)", a.module);
    set("Dagdelen per week", a.dagdelen);
    set("Vervoer (geen/regulier/rolstoel)", a.vervoer);
    set("Vervoersdagen per week", a.vervoersdagen);
    set("Afstand enkele reis (km)", a.afstandKm);
  });
  tweak?.(ws, col);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`conversie 004 (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let uitvragen: Uitvraag[];

  test("the uitvraag lists per aanbieder exactly the running toewijzingen the plan touches", async () => {
    const u = await svc.uitvraag(cli, conversieId, undefined, ctx);
    assert.ok(u.ok);
    uitvragen = u.value;
    const listed = new Set(u.value.flatMap((x) => x.rijen.map((r) => `${r.gemeentecode}/${r.wet}/${r.toewijzingnummer}`)));
    for (const { case: c, toewijzing: t } of demo.cases)
      assert.equal(listed.has(`${t.gemeentecode}/${t.wet}/${t.toewijzingnummer}`), c.verwacht !== "niet geraakt", c.naam);
    const lvl7 = u.value.flatMap((x) => x.rijen).find((r) => r.regelId === "niveau-7")!;
    assert.deepEqual(lvl7.kolommen, ["uren", "niveau-4", "niveau-5", "niveau-6", "niveau-7"]);
  });

  test("a workbook is protected, has validation on the input cells, and reads back", async () => {
    const u = uitvragen.find((x) => x.agbCode === "98765432")!;
    const bytes = await uitvraagToXlsx(u);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    const ws = wb.getWorksheet("Uitvraag")!;
    assert.ok((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet, "sheet protected");
    const header = new Map<string, number>();
    ws.getRow(1).eachCell((c, i) => header.set(String(c.value), i));
    const row = ws.getRow(2);
    assert.equal(row.getCell(header.get("Toewijzingnummer")!).protection?.locked ?? true, true);
    const uren = row.getCell(header.get("Uren per maand")!);
    assert.equal(uren.protection?.locked, false);
    assert.equal(uren.dataValidation?.type, "decimal");
    const back = await readUitvraagXlsx(bytes, "leeg.xlsx");
    assert.ok(back.ok);
    assert.equal(back.value.agbCode, "98765432");
    assert.equal(back.value.rijen.length, u.rijen.length);
  });

  test("a workbook with an error changes nothing, and names row and column", async () => {
    const u = uitvragen.find((x) => x.agbCode === "98765432")!;
    const bytes = await fill(await uitvraagToXlsx(u), demo.antwoorden, (ws, col) => {
      ws.getRow(2).getCell(col.get("Uren per maand")!).value = -3;
      ws.getRow(3).getCell(col.get("Dagdelen per week")!).value = 2;
    });
    const read = await readUitvraagXlsx(bytes, "fout.xlsx");
    assert.ok(read.ok);
    const r = await svc.importeer(cli, { conversieId, agbCode: read.value.agbCode, bestandsnaam: "fout.xlsx", rijen: read.value.rijen }, ctx);
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.problems.some((p) => p.line === 2 && p.path === "Uren" && /negatief/.test(p.detail)), JSON.stringify(!r.ok && r.problems));
    assert.ok(!r.ok && r.problems.some((p) => p.line === 3 && p.path === "Dagdelen"));
    const s = await svc.status(cli, conversieId, ctx);
    assert.ok(s.ok);
    assert.equal(s.value.find((x) => x.agbCode === "98765432")!.beantwoord, 0);
  });

  test("the filled workbooks of two aanbieders are imported; the third gets a reminder", async () => {
    for (const agb of ["98765432", "87654321", "76543210"]) {
      const u = uitvragen.find((x) => x.agbCode === agb)!;
      const bytes = await fill(await uitvraagToXlsx(u), demo.antwoorden);
      const read = await readUitvraagXlsx(bytes, `${agb}.xlsx`);
      assert.ok(read.ok);
      const r = await svc.importeer(cli, { conversieId, agbCode: read.value.agbCode, bestandsnaam: `${agb}.xlsx`, rijen: read.value.rijen }, ctx);
      assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    }
    const s = await svc.status(cli, conversieId, ctx);
    assert.ok(s.ok);
    // 76543210 left one row unanswered ("niveau 4 zonder antwoord")
    const c = s.value.find((x) => x.agbCode === "76543210")!;
    assert.equal(c.herinneren, true);
    assert.ok(c.beantwoord < c.toewijzingen);
  });

  let runId: number;
  let uitkomsten: Uitkomst[];
  test("the dry run proposes per case what docs/conversie.md says, with every flag type", async () => {
    const r = await svc.proefrun(cli, conversieId, ctx);
    assert.ok(r.ok);
    runId = r.value.runId;
    uitkomsten = r.value.uitkomsten;
    const by = new Map(uitkomsten.map((u) => [u.sleutel, u]));
    for (const { case: c, toewijzing: t } of demo.cases) {
      const u = by.get(`${t.gemeentecode}/${t.wet}/${t.toewijzingnummer}`);
      if (c.verwacht === "niet geraakt") {
        assert.equal(u, undefined, c.naam);
        continue;
      }
      assert.ok(u, c.naam);
      if (c.verwacht.startsWith("vlag ")) {
        const code = c.verwacht.slice(5);
        assert.ok(
          u.vlaggen.some((v) => v.code === code && v.ernst === "beslissing"),
          `${c.naam}: ${JSON.stringify(u.vlaggen)}`,
        );
        assert.equal(u.uitvoerbaar, false, c.naam);
      } else {
        const got = u.voorstellen.map((v) => `${v.productId.split(".")[2]} ${v.omvang}`).join(" + ");
        const want = c.verwacht.replace(/ uur\/maand|\/maand/g, "");
        assert.equal(got, want, c.naam);
        assert.equal(u.uitvoerbaar, true, `${c.naam}: ${JSON.stringify(u.vlaggen)}`);
        assert.ok(u.vlaggen.some((v) => v.code === "geen-productcode" && v.ernst === "info"));
        for (const v of u.voorstellen) {
          assert.equal(v.ingangsdatum, "2026-01-01");
          assert.equal(v.toewijzingsvariant, "aspecifiek");
        }
      }
    }
    assert.equal(CONVERSIE_CASES.length, demo.cases.length);
    const xlsx = await proefrunToXlsx(uitkomsten);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(xlsx).buffer);
    const sheet = wb.getWorksheet("Proefrun")!;
    assert.equal(
      sheet.rowCount - 1,
      uitkomsten.reduce((n, u) => n + Math.max(1, u.voorstellen.length), 0),
    );
    assert.equal(sheet.getRow(1).getCell(15).value, "Oud per maand (€)");
  });

  test("execution needs an approved dry run", async () => {
    const r = await svc.uitvoeren(cli, conversieId, ctx);
    assert.equal(r.ok, false);
  });

  test("approved and executed: old ended with reden 10, new under the same beschikking, links, valid 301s", async () => {
    const a = await svc.keurGoed(cli, runId, ctx);
    assert.ok(a.ok);
    const r = await svc.uitvoeren(cli, conversieId, ctx);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    const rep = r.value;
    assert.deepEqual(rep.mislukt, []);
    const expected = uitkomsten.filter((u) => u.uitvoerbaar);
    assert.equal(rep.omgezet.length, expected.length);
    for (const u of expected) {
      const old = await store.care.toewijzing(u.gemeentecode, u.wet, u.toewijzingnummer);
      assert.equal(old!.einddatum, "2025-12-31");
      assert.equal(old!.redenWijziging, "10");
      const links = await store.koppelingen(conversieId, { gemeentecode: u.gemeentecode, wet: u.wet, oudToewijzingnummer: u.toewijzingnummer });
      assert.equal(links.length, u.voorstellen.length);
      for (const l of links) {
        const n = await store.care.toewijzing(l.gemeentecode, l.wet, l.nieuwToewijzingnummer);
        assert.equal(n!.beschikkingId, old!.beschikkingId);
        assert.equal(n!.ingangsdatum, "2026-01-01");
        assert.equal(n!.einddatum, u.oud.einddatum);
      }
    }
    // flagged toewijzingen are untouched
    for (const u of uitkomsten.filter((x) => !x.uitvoerbaar))
      assert.equal((await store.care.toewijzing(u.gemeentecode, u.wet, u.toewijzingnummer))!.redenWijziging, null);
    const runs = (await store.runs(conversieId)).filter((x) => x.soort === "uitvoering");
    assert.equal(runs.length, 1);
    assert.equal((runs[0]!.inhoud.rapport as { omgezet: unknown[] }).omgezet.length, expected.length);
    assert.ok(rep.berichten.length > 0);
    for (const b of rep.berichten) assert.deepEqual(validateMessage(b.xml).failures, [], b.bestandsnaam);
    const lvl7 = rep.berichten.find((b) => b.xml.includes("<iwmo:Code>10A60</iwmo:Code>"));
    assert.ok(lvl7, "the ended level-7 toewijzing is in a 301 with its code");
    assert.match(lvl7.xml, /RedenWijziging>10</);
    if (hasReference && hasXmllint) {
      const dir = mkdtempSync(join(tmpdir(), "kader-conv-"));
      for (const std of ["WMO301", "JW301"] as const) {
        const files = rep.berichten
          .filter((b) => b.bestandsnaam.startsWith(`${std}_`))
          .map((b) => {
            const f = join(dir, b.bestandsnaam);
            writeFileSync(f, b.xml);
            return f;
          });
        if (!files.length) continue;
        for (const [f, v] of xmllintVerdicts(xsdFor(messageByName(std)!), files)) assert.ok(v.valid, `xmllint: ${f}`);
      }
    }
  });

  test("a second execution changes nothing", async () => {
    const before = await store.koppelingen(conversieId);
    const count = (await store.care.toewijzingen({ gemeentecode: "0106" })).length;
    const r = await svc.uitvoeren(cli, conversieId, ctx);
    assert.ok(r.ok);
    assert.equal(r.value.omgezet.length, 0);
    assert.equal(r.value.berichten.length, 0);
    assert.equal((await store.koppelingen(conversieId)).length, before.length);
    assert.equal((await store.care.toewijzingen({ gemeentecode: "0106" })).length, count);
    // a changed plan cannot replace one that was executed
    const changed = await svc.start(cli, { ...plan, titel: `${plan.titel} (gewijzigd)` }, "0106", ctx);
    assert.equal(changed.ok, false);
    assert.ok((await svc.start(cli, plan, "0106", ctx)).ok);
    // and a new dry run no longer sees the converted toewijzingen
    const p = await svc.proefrun(cli, conversieId, ctx);
    assert.ok(p.ok);
    assert.ok(p.value.uitkomsten.every((u) => !u.uitvoerbaar));
  });
});
