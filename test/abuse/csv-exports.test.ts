import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import { readCatalogueDir } from "../../src/adapters/files/catalogue-files.ts";
import { neutraliseFormula, toCsv } from "../../src/adapters/files/csv.ts";
import { accessLogToCsv } from "../../src/adapters/files/access-log-export.ts";
import { productsToCsv, productsToXlsx } from "../../src/adapters/files/export.ts";
import { overviewToCsv, overviewToXlsx } from "../../src/adapters/files/quality-export.ts";
import type { OverviewRow } from "../../src/app/quality.ts";
import { vraagStatuses } from "../../src/domain/quality/assessment.ts";

/**
 * Issue 13 §3 "spreadsheet formula injection": every CSV Kader writes goes through the one writer (toCsv in
 * src/adapters/files/csv.ts), which neutralises a cell starting with =, +, -, @, tab or CR; every CSV export is fed
 * hostile values here. XLSX exports write strings as strings (never as formulas) and are checked too.
 */
const HOSTILE = ['=HYPERLINK("http://x","klik")', "+1", "-1+1", "@SUM(A1)", "\tx", "\rx"];
const ROOT = resolve(import.meta.dirname, "../..");
const CATALOG_DIR = join(ROOT, "catalog");

const cells = (csv: string): string[][] => parse(csv.replace(/^\uFEFF/, ""), { delimiter: ";", relax_column_count: true }) as string[][];
/** Every cell that holds a hostile value comes out with a leading apostrophe, and no cell starts a formula. */
function assertNeutralised(csv: string, what: string) {
  const all = cells(csv).flat();
  for (const h of HOSTILE) {
    assert.ok(all.includes(`'${h}`), `${what}: ${JSON.stringify(h)} is not neutralised`);
    assert.ok(!all.includes(h), `${what}: ${JSON.stringify(h)} written as is`);
  }
  for (const c of all) assert.doesNotMatch(c, /^[=+\-@\t\r]/, `${what}: a cell starts a formula: ${JSON.stringify(c)}`);
}

const overviewRow = (naam: string, agbCode = "12345678"): OverviewRow => ({
  agbCode,
  naam,
  uitgenodigdOp: "2026-05-01T10:00:00Z",
  vragen: 3,
  telling: Object.fromEntries(vraagStatuses.map((s) => [s, 1])) as OverviewRow["telling"],
});

describe("CSV exports neutralise formulas", () => {
  test("the writer: a leading =, +, -, @, tab or CR gets an apostrophe; numbers stay numbers", () => {
    for (const h of HOSTILE) assert.equal(neutraliseFormula(h), `'${h}`);
    assert.equal(neutraliseFormula("Jansen"), "Jansen");
    const csv = toCsv(["a", "b"], [[-5, "-5"]]);
    assert.deepEqual(cells(csv)[1], ["-5", "'-5"]);
  });

  test("products (catalogue export): hostile names, descriptions and variants", async () => {
    const cat = await readCatalogueDir(CATALOG_DIR);
    assert.ok(cat.ok);
    const base = cat.value.products.slice(0, HOSTILE.length);
    const hostile = base.map((p, i) => ({
      ...p,
      name: HOSTILE[i]!,
      codeAsWritten: HOSTILE[i]!,
      unit: { ...p.unit, asWritten: HOSTILE[(i + 1) % HOSTILE.length]! },
    }));
    assertNeutralised(productsToCsv(hostile as typeof base), "productsToCsv");
  });

  test("PvE self-assessment overview: a provider's name cannot become =HYPERLINK(...)", () => {
    const csv = overviewToCsv(HOSTILE.map((h) => overviewRow(h)));
    assertNeutralised(csv, "overviewToCsv");
    assert.ok(!csv.includes(";=HYPERLINK"), csv);
  });

  test("access log (NEN 7513 export): a hostile username, purpose or filter is written as text", () => {
    const rows = HOSTILE.map((h) => ({
      at: "2026-12-07T10:00:00.000Z",
      username: h,
      role: null,
      tenantKind: null,
      tenantCode: h,
      resource: "client",
      action: "read",
      gemeentecode: "0106",
      agbCode: null,
      endpoint: "GET /api/v1/clienten/:id",
      purpose: h,
      allowed: true,
      reason: null,
      subject: { clientIds: [1], records: [], filter: h },
    }));
    assertNeutralised(accessLogToCsv(rows), "accessLogToCsv");
  });

  test("XLSX exports write hostile text as strings, never as formulas", async () => {
    const cat = await readCatalogueDir(CATALOG_DIR);
    assert.ok(cat.ok);
    const products = cat.value.products.slice(0, HOSTILE.length).map((p, i) => ({ ...p, name: HOSTILE[i]! }));
    for (const [what, buf] of [
      ["productsToXlsx", await productsToXlsx(products)],
      [
        "overviewToXlsx",
        await overviewToXlsx(
          HOSTILE.map((h) => overviewRow(h)),
          '=HYPERLINK("http://x")',
        ),
      ],
    ] as const) {
      const zip = await JSZip.loadAsync(buf);
      const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
      assert.ok(sheets.length > 0);
      for (const s of sheets) assert.doesNotMatch(await zip.file(s)!.async("string"), /<f[ >]/, `${what} ${s}: a formula cell`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      const texts: string[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((c) => {
            assert.notEqual(c.type, ExcelJS.ValueType.Formula, `${what}: formula in ${c.address}`);
            if (typeof c.value === "string") texts.push(c.value);
          }),
        ),
      );
      assert.ok(texts.includes('=HYPERLINK("http://x","klik")'), `${what}: the hostile text is kept as text`);
    }
  });

  test("the set of CSV writers is complete: csv-stringify only in csv.ts, every *ToCsv export is fed hostile values here", () => {
    const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
    const sources = walk(join(ROOT, "src")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const stringifiers = sources.filter((f) => /from "csv-stringify/.test(readFileSync(f, "utf8"))).map((f) => relative(ROOT, f));
    assert.deepEqual(stringifiers, ["src/adapters/files/csv.ts"], "write CSV through toCsv (src/adapters/files/csv.ts)");
    const exporters = sources.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/export (?:async )?function (\w+ToCsv)\b/g)].map((m) => m[1]!)).sort();
    assert.deepEqual(exporters, ["accessLogToCsv", "overviewToCsv", "productsToCsv"], "a new CSV export: feed it hostile values in this test");
    // a CSV built by hand: every module that answers text/csv (or writes a .csv file) calls the writer or an export
    for (const f of sources) {
      const text = readFileSync(f, "utf8");
      if (f.endsWith("csv.ts")) continue;
      assert.doesNotMatch(text, /\.join\(";"\)\s*\)\s*\.join\("\\r?\\n"\)/, `${relative(ROOT, f)}: a hand-built CSV`);
      if (/\.type\("text\/csv/.test(text)) assert.match(text, /\b(toCsv|\w+ToCsv)\(/, `${relative(ROOT, f)} answers text/csv without the CSV writer`);
    }
  });
});
