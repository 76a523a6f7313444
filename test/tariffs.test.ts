import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import fc from "fast-check";
// @ts-expect-error: fast-formula-parser ships no type declarations
import FormulaParser from "fast-formula-parser";
import { parse } from "yaml";
import { readCatalogueDir } from "../src/adapters/files/catalogue-files.ts";
import { tariffWorkbook } from "../src/adapters/files/tariff-workbook.ts";
import { parseParameters, sensitivity } from "../src/app/tariffs.ts";
import type { Product } from "../src/domain/catalogue/product.ts";
import { prepare, tariff } from "../src/domain/tariffs/model.ts";
import type { TariffParameters } from "../src/domain/tariffs/parameters.ts";
import { CATALOG_DIR } from "./support/app.ts";

let products: Product[];
let params: TariffParameters;
before(async () => {
  const r = await readCatalogueDir(CATALOG_DIR);
  assert.ok(r.ok);
  products = r.value.products;
  const p = parseParameters(parse(readFileSync(resolve(import.meta.dirname, "../tarieven/voorbeeld-2026.yaml"), "utf8")));
  assert.ok(p.ok);
  params = p.value;
});
const product = (id: string) => products.find((p) => p.id === id)!;
const cents = (id: string, ps = params) => {
  const r = tariff(product(id), prepare(ps));
  assert.ok(r.ok, JSON.stringify(!r.ok && r.onbekend));
  return r;
};

describe("hand-computed examples (example parameters, computed by hand with exact decimals)", () => {
  test("minuut: 002 IB1 ontwikkelgericht, 50% mbo3 / 50% mbo4 → uurtarief 50.991604, € 0,85 per minuut", () => {
    // jaarloon mbo3 = 3100 × 12 × 1.1633 × 1.25 = 54 093.45; mbo4 = 3450 × 12 × 1.1633 × 1.25 = 60 200.775
    // (54 093.45 + 60 200.775) / 2 / (1878 × 0.70) × 1.15 × 1.02 = 50.99160… per uur; / 60 = 0.8498… → 85 cent
    const r = cents("002-wmo-2026.wmo.02A04.ontwikkelgericht");
    assert.deepEqual([r.uurtarief, r.tariefPerEenheid, r.eenheid], ["50.991604", 85, "01"]);
  });
  test("24/7 with ORT: 002 IB4 (10% mbo4 / 80% hbo / 10% wo, 24/7) → € 1,12 per minuut", () => {
    const r = cents("002-wmo-2026.wmo.02A05");
    assert.deepEqual([r.uurtarief, r.tariefPerEenheid], ["67.355627", 112]);
    assert.ok(r.stappen.some((s) => s.formule.includes("(1 + ort)")));
  });
  test("dagdeel with a group ratio: 002 begeleiding groep (100% mbo4, 1 op 6,5) → € 33,06 per dagdeel", () => {
    const r = cents("002-wmo-2026.wmo.07A03");
    assert.deepEqual([r.uurtarief, r.tariefPerEenheid, r.eenheid], ["53.716346", 3306, "16"]);
  });
  test("every step maps to a legal cost element; only the last step is rounded", () => {
    const r = cents("002-wmo-2026.wmo.07A03");
    assert.ok(r.stappen.every((s) => s.kostenpost.length > 0));
    assert.equal(r.stappen.at(-1)!.waarde, "33.060000");
    assert.equal(r.stappen.at(-2)!.waarde, "33.056213");
  });
});

describe("inputs: what the description gives, what the parameters must give", () => {
  test("a product without a unit or mix answers 'onbekend' naming the missing input; parameters can give them", () => {
    const id = "000-begeleiding-dagbesteding.wmo.02A03";
    const r = tariff(product(id), prepare(params));
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual(r.onbekend, [`eenheden.${id} (de productbeschrijving noemt geen eenheid)`]);
    const withUnit = tariff(product(id), prepare({ ...params, eenheden: { [id]: "04" } }));
    assert.ok(withUnit.ok);
    if (withUnit.ok) assert.equal(withUnit.mixSource, "minimaal 80% mbo4, de rest mbo3 (productbeschrijving)");
    const allowedOnly = tariff(product("004-nmd-pve-2026.wmo.begeleiding-basis-kort"), prepare(params));
    assert.ok(
      !allowedOnly.ok &&
        /mix\.004-nmd-pve-2026\.wmo\.begeleiding-basis-kort \(de productbeschrijving noemt alleen toegestane niveaus/.test(allowedOnly.onbekend.join()),
    );
  });
  test("bad parameters are refused with the field named; nothing is computed", () => {
    const bad = parseParameters({
      ...params,
      overhead: 1.5,
      ort: -0.1,
      nietProductief: { verlof: 0.6, ziekte: 0.5 },
      salarissen: { mbo9: { maandsalaris: 1 } },
      extra: 1,
    });
    assert.equal(bad.ok, false);
    if (bad.ok) return;
    const paths = bad.problems.map((p) => p.path).sort();
    assert.deepEqual(paths, ["", "nietProductief", "ort", "overhead", "salarissen"]);
    assert.ok(bad.problems.some((p) => /boven 100% kan niet/.test(p.detail)));
    assert.ok(bad.problems.some((p) => /kleiner zijn dan 100%/.test(p.detail)));
    const missingSalary = tariff(product("002-wmo-2026.wmo.02A05"), prepare({ ...params, salarissen: { mbo4: params.salarissen.mbo4! } }));
    assert.ok(!missingSalary.ok && missingSalary.onbekend.includes("salarissen.hbo.maandsalaris"));
  });
});

describe("properties", () => {
  const id = "002-wmo-2026.wmo.02A20.ontwikkelgericht";
  const uur = (ps: TariffParameters, pid = id) => {
    const r = tariff(product(pid), prepare(ps));
    assert.ok(r.ok);
    return Number(r.uurtarief);
  };
  test("the tariff rises with any salary, and with the HBO share", () => {
    fc.assert(
      fc.property(fc.constantFrom("mbo4", "hbo") as fc.Arbitrary<"mbo4" | "hbo">, fc.integer({ min: 1, max: 100_000 }), (level, extra) => {
        const more = { ...params, salarissen: { ...params.salarissen, [level]: { maandsalaris: params.salarissen[level]!.maandsalaris + extra } } };
        assert.ok(uur(more) > uur(params));
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 49 }), (pts) => {
        const hbo = 0.5 + pts / 100;
        assert.ok(uur({ ...params, mix: { [id]: { mbo4: 1 - hbo, hbo } } }) > uur({ ...params, mix: { [id]: { mbo4: 0.5, hbo: 0.5 } } }));
      }),
      { numRuns: 30 },
    );
  });
  test("doubling clients per staff halves the tariff; minuut × 60 = uur", () => {
    const p = product("002-wmo-2026.wmo.07A03");
    const doubled: Product = {
      ...p,
      requirements: p.requirements.map((r) => (r.rule.op === "groupSize" ? { ...r, rule: { ...r.rule, clientsPerStaff: r.rule.clientsPerStaff * 2 } } : r)),
    };
    const perClient = (x: Product) => {
      const r = tariff(x, prepare(params));
      assert.ok(r.ok);
      return Number(r.stappen.find((s) => s.naam === "per cliënturen")!.waarde);
    };
    assert.ok(Math.abs(perClient(doubled) * 2 - perClient(p)) < 1e-5);
    const asHour = tariff(product("002-wmo-2026.wmo.02A04.ontwikkelgericht"), prepare({ ...params }));
    const minute = Number(asHour.ok && asHour.stappen.find((s) => s.naam === "tarief per eenheid (onafgerond)")!.waarde);
    assert.ok(Math.abs(minute * 60 - Number(asHour.ok && asHour.uurtarief)) < 1e-4);
  });
  test("sensitivity: one point more sickness or overhead never lowers a tariff", () => {
    const book = products.filter((p) => p.productenboekId === "002-wmo-2026");
    for (const v of sensitivity(book, params).slice(0, 2))
      for (const r of v.rows) if (r.verschil !== null) assert.ok(r.verschil >= 0, `${v.variant} ${r.productId}`);
  });
});

test("the exported workbook's formulas give the engine's tariffs to the cent", async () => {
  const book = products.filter((p) => p.productenboekId === "002-wmo-2026");
  const ps: TariffParameters = { ...params, eenheden: {}, mix: {} };
  const prep = prepare(ps);
  const results = book.map((p) => tariff(p, prep));
  const buf = await tariffWorkbook(book, ps, results);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  // evaluate the formulas in order (each refers only to parameters and to earlier cells of its row): the parser is not
  // re-entrant, so every referenced value is computed before the formula that reads it
  const computed = new Map<string, unknown>();
  const raw = (sheet: string, row: number, col: number): unknown => {
    const key = `${sheet}!${row}:${col}`;
    if (computed.has(key)) return computed.get(key);
    const v = wb.getWorksheet(sheet)!.getCell(row, col).value as { formula?: string } | number | string | null;
    return v && typeof v === "object" ? 0 : (v ?? 0);
  };
  const parser = new FormulaParser({ onCell: ({ sheet, row, col }: { sheet: string; row: number; col: number }) => raw(sheet, row, col) });
  const valueAt = (sheet: string, row: number, col: number): unknown => {
    for (let c = 1; c <= col; c++) {
      const v = wb.getWorksheet(sheet)!.getCell(row, c).value as { formula?: string } | null;
      if (v && typeof v === "object" && v.formula) computed.set(`${sheet}!${row}:${c}`, parser.parse(v.formula, { sheet, row, col: c }));
    }
    return raw(sheet, row, col);
  };
  const ts = wb.getWorksheet("Tarieven")!;
  const tariffCol = ts.getRow(1).values as string[];
  const colOf = (h: string) => tariffCol.indexOf(h);
  let compared = 0;
  for (let row = 2; row <= ts.rowCount; row++) {
    const id = String(ts.getCell(row, colOf("Product-id")).value);
    const engine = results.find((r) => r.productId === id);
    assert.ok(engine?.ok);
    const excel = Number(valueAt("Tarieven", row, colOf("Tarief per eenheid")));
    assert.equal(Math.round(excel * 100), engine.tariefPerEenheid, id);
    compared++;
  }
  assert.equal(compared, results.filter((r) => r.ok).length);
  assert.ok(compared >= 9);
});

test("parameter errors are Dutch and say what is wrong, also for wrong types and unknown units", () => {
  const r = parseParameters({
    ...params,
    contracturenPerJaar: "x",
    salarissen: { ...params.salarissen, mbo4: { maandsalaris: 3450.5 } },
    eenheden: { a: "99" },
  });
  assert.equal(r.ok, false);
  if (r.ok) return;
  const byPath = new Map(r.problems.map((p) => [p.path, p.detail]));
  assert.match(byPath.get("contracturenPerJaar") ?? "", /verwacht getal, gevonden "x"/);
  assert.match(byPath.get("salarissen.mbo4.maandsalaris") ?? "", /hele centen/);
  assert.match(byPath.get("eenheden.a") ?? "", /onbekende waarde "99"; toegestaan: "01", "04", "16"/);
});
