import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { budgetSignals, exhaustion, grantedCents, summarise, type BudgetLine } from "../src/domain/billing/budget.ts";
import { BillingLedger, checkDeclaratie, dagdelen, type ToewijzingView, toewijzingKey } from "../src/domain/billing/check.ts";
import { Declaratie, explainDeclaratieIssue } from "../src/domain/billing/declaratie.ts";
import { explainZodIssue } from "../src/domain/shared/zod-dutch.ts";
import { allowedVolume, daysIn } from "../src/domain/care/period.ts";
import { addDays, minDate } from "../src/domain/shared/date.ts";

/**
 * The declaratie checks, one table row per retourcode, on a small ledger: toewijzing 1001 (4 uur per week in 2026,
 * tariff € 65,00) for client 999990019 of aanbieder 12345678, gemeente 0106, Wmo.
 */
const BSN = "999990019";
const AGB = "12345678";
function aToewijzing(over: Partial<ToewijzingView> = {}): ToewijzingView {
  const t: ToewijzingView = {
    key: "",
    gemeentecode: "0106",
    wet: "wmo",
    toewijzingnummer: "1001",
    agbCode: AGB,
    bsn: BSN,
    productId: "boek.wmo.02A03",
    productcategorie: "02",
    productcode: "02A03",
    eenheid: "04",
    frequentie: "2",
    omvang: 4,
    budgetCents: null,
    ingangsdatum: "2026-01-01",
    einddatum: "2026-12-31",
    status: "gestart",
    geleverd: [{ begin: "2026-01-01", end: null }],
    rules: { dagdeel: false, maxDaysPerWeek: null, band: null },
    ...over,
  };
  return { ...t, key: toewijzingKey(t.gemeentecode, t.wet, t.toewijzingnummer) };
}
function aLedger(...ts: ToewijzingView[]): BillingLedger {
  const l = new BillingLedger();
  for (const t of ts.length ? ts : [aToewijzing()]) {
    l.toewijzingen.set(t.key, t);
    l.tariffs.set(`${AGB}|0106|${t.productId}`, [{ from: "2025-01-01", to: null, cents: 6500 }]);
  }
  return l;
}
let refs = 0;
function aPrestatie(over: Record<string, unknown> = {}) {
  const volume = (over.geleverdVolume as number | undefined) ?? 16;
  const tarief = (over.productTarief as number | undefined) ?? 6500;
  return {
    referentienummer: `R${++refs}`,
    bsn: BSN,
    toewijzingnummer: "1001",
    productcategorie: "02",
    productcode: "02A03",
    begindatum: "2026-03-01",
    einddatum: "2026-03-31",
    geleverdVolume: volume,
    eenheid: "04",
    productTarief: tarief,
    bedrag: volume * tarief,
    debetCredit: "D",
    ...over,
  };
}
let numbers = 0;
const aDeclaratie = (prestaties: Record<string, unknown>[], over: Record<string, unknown> = {}) =>
  Declaratie.parse({
    declaratienummer: `DN${++numbers}`,
    aanbieder: AGB,
    gemeente: "0106",
    wet: "wmo",
    periode: { begindatum: "2026-03-01", einddatum: "2026-03-31" },
    dagtekening: "2026-04-05",
    prestaties,
    ...over,
  });
const codesOf = (ledger: BillingLedger, p: Record<string, unknown>, over: Record<string, unknown> = {}) =>
  checkDeclaratie(aDeclaratie([p], over), ledger).prestaties[0]!.retourcodes;

describe("declaratie checks: each retourcode", () => {
  const cases: [string, string, () => string[]][] = [
    ["0200", "a correct prestatie is toegekend", () => codesOf(aLedger(), aPrestatie())],
    ["9338", "unknown toewijzing", () => codesOf(aLedger(), aPrestatie({ toewijzingnummer: "999" }))],
    ["9338", "toewijzing of another aanbieder", () => codesOf(aLedger(aToewijzing({ agbCode: "87654321" })), aPrestatie())],
    ["8187", "another client", () => codesOf(aLedger(), aPrestatie({ bsn: "123456782" }))],
    ["9339", "other productcategorie", () => codesOf(aLedger(), aPrestatie({ productcategorie: "07" }))],
    ["9340", "other productcode", () => codesOf(aLedger(), aPrestatie({ productcode: "02A04" }))],
    ["9341", "other eenheid", () => codesOf(aLedger(), aPrestatie({ eenheid: "01", geleverdVolume: 60, productTarief: 100 }))],
    ["9307", "begins before the toewijzing", () => codesOf(aLedger(aToewijzing({ ingangsdatum: "2026-03-10" })), aPrestatie())],
    ["9308", "ends after the toewijzing", () => codesOf(aLedger(aToewijzing({ einddatum: "2026-03-20" })), aPrestatie({ geleverdVolume: 8 }))],
    ["9319", "outside the declaratie period", () => codesOf(aLedger(), aPrestatie({ begindatum: "2026-02-25", einddatum: "2026-03-05", geleverdVolume: 4 }))],
    ["9321", "more than granted per week in the period", () => codesOf(aLedger(), aPrestatie({ geleverdVolume: 19 }))],
    ["9346", "amount is not volume × tariff", () => codesOf(aLedger(), aPrestatie({ bedrag: 16 * 6500 + 1 }))],
    ["0611", "tariff is not the contract tariff", () => codesOf(aLedger(), aPrestatie({ productTarief: 6600 }))],
    ["9384", "toewijzing removed", () => codesOf(aLedger(aToewijzing({ status: "verwijderd" })), aPrestatie())],
  ];
  for (const [code, what, run] of cases) test(`${code}: ${what}`, () => assert.ok(run().includes(code), `${run()}`));

  test("0611: no contract tariff at all", () => {
    const l = aLedger();
    l.tariffs.clear();
    assert.deepEqual(codesOf(l, aPrestatie()), ["0611"]);
  });

  test("9322: the sum over the toewijzing exceeds the total granted (frequentie totaal)", () => {
    const l = aLedger(aToewijzing({ frequentie: "6", omvang: 20 }));
    assert.deepEqual(codesOf(l, aPrestatie({ geleverdVolume: 12 })), ["0200"]);
    assert.deepEqual(codesOf(l, aPrestatie({ geleverdVolume: 12, begindatum: "2026-03-01" })), ["9322"]);
  });

  test("9369: budget exceeded (eenheid 83)", () => {
    const l = aLedger(aToewijzing({ eenheid: "83", omvang: null, frequentie: null, budgetCents: 100_000 }));
    const euro = (bedrag: number) => aPrestatie({ eenheid: "83", geleverdVolume: bedrag, productTarief: 1, bedrag });
    assert.deepEqual(codesOf(l, euro(60_000)), ["0200"]);
    assert.deepEqual(codesOf(l, euro(50_000)), ["9369"]);
  });

  test("8021: a referentienummer used before; 9333: a declaratienummer used before", () => {
    const l = aLedger();
    const p = aPrestatie();
    assert.deepEqual(codesOf(l, p), ["0200"]);
    assert.deepEqual(codesOf(l, { ...p, begindatum: "2026-03-02" }), ["8021"]);
    const d = aDeclaratie([aPrestatie()]);
    checkDeclaratie(d, l);
    const again = checkDeclaratie(aDeclaratie([aPrestatie()], { declaratienummer: d.declaratienummer }), l);
    assert.equal(again.afgewezen?.retourcode, "9333");
    assert.equal(again.toegekend, 0);
  });

  test("credits: 8017 without a debit, 9390 credited twice, 9389 a new debit before the old one was credited", () => {
    const l = aLedger();
    assert.deepEqual(codesOf(l, aPrestatie({ debetCredit: "C", referentienummer: "ONBEKEND" })), ["8017"]);
    const debit = aPrestatie({ referentienummer: "X1" });
    assert.deepEqual(codesOf(l, debit), ["0200"]);
    assert.deepEqual(codesOf(l, aPrestatie({ referentienummer: "X2", vorigReferentienummer: "X1" })), ["9389"]);
    const credit = { ...debit, debetCredit: "C" };
    assert.deepEqual(codesOf(l, credit), ["0200"]);
    assert.deepEqual(codesOf(l, credit), ["9390"]);
    assert.deepEqual(codesOf(l, aPrestatie({ referentienummer: "X3", vorigReferentienummer: "X1" })), ["0200"]);
  });

  test("a credit frees the volume for the total (9322)", () => {
    const l = aLedger(aToewijzing({ frequentie: "6", omvang: 20 }));
    const d1 = aPrestatie({ geleverdVolume: 15, referentienummer: "C1" });
    assert.deepEqual(codesOf(l, d1), ["0200"]);
    assert.deepEqual(codesOf(l, aPrestatie({ geleverdVolume: 10 })), ["9322"]);
    assert.deepEqual(codesOf(l, { ...d1, debetCredit: "C" }), ["0200"]);
    assert.deepEqual(codesOf(l, aPrestatie({ geleverdVolume: 10 })), ["0200"]);
  });

  test("every failing check is reported, not only the first", () => {
    const codes = codesOf(aLedger(), aPrestatie({ productcode: "02A04", productTarief: 6600, bedrag: 1 }));
    assert.deepEqual([...codes].sort(), ["0611", "9340", "9346"]);
  });

  test("totals: ingediend and toegekend, debit minus credit", () => {
    const l = aLedger();
    const r = checkDeclaratie(aDeclaratie([aPrestatie({ geleverdVolume: 10 }), aPrestatie({ geleverdVolume: 2, productTarief: 1 })]), l);
    assert.equal(r.ingediend, 10 * 6500 + 2);
    assert.equal(r.toegekend, 10 * 6500);
  });
});

describe("declaratie checks: the productenboeken's own rules", () => {
  test("dagdelen: 2.5–4.5 hours is one, more than 4.5 hours on a day is two, less than 2.5 none", () => {
    assert.deepEqual([2, 2.5, 4.5, 4.6, 8].map(dagdelen), [0, 1, 1, 2, 2]);
    const l = aLedger(aToewijzing({ eenheid: "16", omvang: 15, rules: { dagdeel: true, maxDaysPerWeek: null, band: null } }));
    const dagen = [
      { datum: "2026-03-02", uren: 5 },
      { datum: "2026-03-03", uren: 3 },
    ];
    const p = (v: number) => aPrestatie({ eenheid: "16", geleverdVolume: v, productTarief: 6500, dagen, begindatum: "2026-03-02", einddatum: "2026-03-03" });
    assert.deepEqual(codesOf(l, p(3)), ["0200"]);
    const r = checkDeclaratie(aDeclaratie([p(4)]), l).prestaties[0]!;
    assert.deepEqual(r.retourcodes, ["9321"]);
    assert.equal(r.bevindingen[0]!.code, "PB-DAGDEEL");
  });

  test("vervoer: at most 5 days a week, and the km band of the product", () => {
    const rules = { dagdeel: false, maxDaysPerWeek: 5, band: { minKm: 0, maxKm: 10 } };
    const l = aLedger(aToewijzing({ eenheid: "82", frequentie: "4", omvang: 23, productcategorie: null, productcode: null, rules }));
    const days = (n: number) => Array.from({ length: n }, (_, i) => ({ datum: addDays("2026-03-02", i), uren: 0 }));
    const p = (over: Record<string, unknown>) => aPrestatie({ eenheid: "82", productTarief: 6500, productcode: null, ...over });
    assert.deepEqual(codesOf(l, p({ geleverdVolume: 5, dagen: days(5), km: 9.2 })), ["0200"]);
    const six = checkDeclaratie(aDeclaratie([p({ geleverdVolume: 6, dagen: days(6) })]), l).prestaties[0]!;
    assert.equal(six.bevindingen[0]?.code, "PB-VERVOER-DAGEN");
    assert.equal(
      checkDeclaratie(aDeclaratie([p({ geleverdVolume: 1, km: 10.3 })]), l).prestaties[0]!.bevindingen[0]?.code,
      "PB-KMBAND",
      "10.3 km rounds up to 11: the next band",
    );
    const far = checkDeclaratie(aDeclaratie([p({ geleverdVolume: 1, km: 34 })]), l).prestaties[0]!;
    assert.equal(far.toegekend, true, "above 30 km is a warning for a person, not a rejection");
    assert.equal(far.bevindingen[0]?.code, "PB-KM-BOVEN-30");
    assert.deepEqual(
      codesOf(l, p({ geleverdVolume: 24, begindatum: "2026-03-01", einddatum: "2026-03-31" })),
      ["9321"],
      "without day detail: 5 a week over 31 days is 23",
    );
  });

  test("etmalen only for days care actually ran (start/stop)", () => {
    const l = aLedger(aToewijzing({ eenheid: "14", frequentie: "1", omvang: 1, geleverd: [{ begin: "2026-01-01", end: "2026-03-10" }] }));
    const p = (v: number) => aPrestatie({ eenheid: "14", geleverdVolume: v, productTarief: 6500 });
    assert.deepEqual(codesOf(l, p(10)), ["0200"]);
    assert.deepEqual(codesOf(l, p(11)), ["9321"]);
  });
});

describe("property: a prestatie generated within its toewijzing never gets 9307, 9308 or 9321", () => {
  test("for any toewijzing period, frequency, volume and month", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 28, max: 400 }),
        fc.constantFrom("1", "2", "4"),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 100 }),
        (startOffset, length, frequentie, omvang, inMonthStart, span, share) => {
          const ingang = addDays("2025-01-01", startOffset);
          const eind = addDays(ingang, length);
          const begin = addDays(ingang, Math.min(inMonthStart, length));
          const monthEnd = (() => {
            const [y, m] = begin.split("-").map(Number) as [number, number];
            return addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-01`, -1);
          })();
          const end = [addDays(begin, span), monthEnd, eind].reduce(minDate);
          const max = allowedVolume(omvang, frequentie as "1" | "2" | "4", begin, end);
          const volume = Math.floor((max * share) / 100);
          const l = aLedger(aToewijzing({ ingangsdatum: ingang, einddatum: eind, frequentie: frequentie as "1" | "2" | "4", omvang }));
          const d = aDeclaratie([aPrestatie({ begindatum: begin, einddatum: end, geleverdVolume: volume })], {
            periode: { begindatum: `${begin.slice(0, 7)}-01`, einddatum: monthEnd },
          });
          const codes = checkDeclaratie(d, l).prestaties[0]!.retourcodes;
          return !codes.includes("9307") && !codes.includes("9308") && !codes.includes("9321") && daysIn(begin, end) > 0;
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("budget monitoring", () => {
  const line = (over: Partial<BudgetLine> = {}): BudgetLine => ({
    toewijzingKey: "0106|wmo|1",
    toewijzingnummer: "1",
    gemeentecode: "0106",
    agbCode: AGB,
    clientId: 1,
    productId: "p",
    productenboekId: "b",
    ingangsdatum: "2026-01-01",
    einddatum: "2026-12-31",
    omvang: 4,
    frequentie: "2",
    budgetCents: null,
    tariefCents: 6500,
    months: {},
    ...over,
  });

  test("granted amount is volume over the period × contract tariff, or the budget", () => {
    assert.equal(grantedCents(line()), allowedVolume(4, "2", "2026-01-01", "2026-12-31") * 6500);
    assert.equal(grantedCents(line({ budgetCents: 123_400 })), 123_400);
    assert.equal(grantedCents(line({ tariefCents: null })), null);
  });

  test("forecast: the month the rest runs out at the last three months' rate", () => {
    const months = {
      "2026-03": { ingediend: 100_000, toegekend: 100_000 },
      "2026-04": { ingediend: 100_000, toegekend: 100_000 },
      "2026-05": { ingediend: 100_000, toegekend: 100_000 },
    };
    assert.equal(exhaustion([line({ months })], 250_000, "2026-06-15"), "2026-08");
    assert.equal(exhaustion([line({ months: {} })], 250_000, "2026-06-15"), null);
    assert.equal(exhaustion([line({ months })], 0, "2026-06-15"), "2026-06");
    const late = summarise([line({ months, einddatum: "2026-07-31" })], () => "x", "2026-06-15")[0]!;
    assert.equal(late.uitputting, null, "not exhausted before the toewijzing ends");
  });

  test("signals: over 90% used, and declarations after the einddatum", () => {
    const granted = grantedCents(line())!;
    const used = line({ months: { "2026-05": { ingediend: granted, toegekend: Math.ceil(granted * 0.91) } } });
    assert.deepEqual(
      budgetSignals([used]).map((s) => s.kind),
      ["verbruik-90"],
    );
    const late = line({ einddatum: "2026-04-30", months: { "2026-05": { ingediend: 5000, toegekend: 0 } } });
    assert.deepEqual(
      budgetSignals([late]).map((s) => s.kind),
      ["na-einddatum"],
    );
    assert.deepEqual(budgetSignals([line()]), []);
  });

  test("summaries group and add up", () => {
    const a = line({ productId: "a", months: { "2026-02": { ingediend: 1000, toegekend: 800 } } });
    const b = line({ productId: "a", toewijzingKey: "x", months: { "2026-02": { ingediend: 500, toegekend: 500 } } });
    const c = line({ productId: "b", budgetCents: 10_000 });
    const rows = summarise([a, b, c], (l) => l.productId, "2026-03-01");
    const ra = rows.find((r) => r.key === "a")!;
    assert.equal(ra.ingediend, 1500);
    assert.equal(ra.betaald, 1300);
    assert.equal(ra.toegekendBudget, 2 * grantedCents(line())!);
    assert.equal(rows.find((r) => r.key === "b")!.toegekendBudget, 10_000);
  });
});

describe("declaratie input validation", () => {
  test("a declaratie covers one whole calendar month; the total must add up; BSNs pass the elfproef", () => {
    const r = Declaratie.safeParse({
      declaratienummer: "D1",
      aanbieder: AGB,
      gemeente: "0106",
      wet: "wmo",
      periode: { begindatum: "2026-03-02", einddatum: "2026-03-31" },
      dagtekening: "2026-04-01",
      totaalBedrag: 5,
      prestaties: [aPrestatie({ bsn: "123456789" })],
    });
    assert.equal(r.success, false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    assert.ok(paths.includes("prestaties.0.bsn"), `${paths}`);
  });
});

describe("declaratie messages (issue 13)", () => {
  const messages = (raw: unknown) => {
    const r = Declaratie.safeParse(raw, { reportInput: true });
    assert.equal(r.success, false);
    return Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), explainDeclaratieIssue(i, explainZodIssue)]));
  };
  const base = {
    declaratienummer: "D1",
    aanbieder: "98765432",
    gemeente: "0106",
    wet: "wmo",
    periode: { begindatum: "2026-04-01", einddatum: "2026-04-30" },
    dagtekening: "2026-05-05",
  };
  const p = {
    referentienummer: "R1",
    bsn: "999990019",
    toewijzingnummer: "1",
    productcategorie: "00",
    productcode: null,
    begindatum: "2026-04-01",
    einddatum: "2026-04-30",
    geleverdVolume: 4,
    eenheid: "04",
    productTarief: 6500,
    bedrag: 26000,
    debetCredit: "D",
  };

  test("a value that is there but wrong says what was found; only an absent one is verplicht", () => {
    const m = messages({
      ...base,
      aanbieder: "1234567",
      prestaties: [{ ...p, geleverdVolume: "vier", productTarief: "", debetCredit: "X", toewijzingnummer: undefined }],
    });
    assert.equal(m.aanbieder, '"1234567" is ongeldig: een AGB-code is 8 cijfers');
    assert.equal(m["prestaties.0.geleverdVolume"], 'verwacht getal, gevonden "vier"');
    assert.match(m["prestaties.0.productTarief"]!, /^de waarde is leeg/);
    assert.match(m["prestaties.0.debetCredit"]!, /^onbekende waarde "X"/);
    assert.match(m["prestaties.0.toewijzingnummer"]!, /verplicht veld ontbreekt/);
  });

  test("a BSN is never echoed, and a control character is refused by name", () => {
    const m = messages({ ...base, declaratienummer: "D\u00001", prestaties: [{ ...p, bsn: "123456789", referentienummer: "x".repeat(200) }] });
    assert.equal(m["prestaties.0.bsn"], "de waarde is geen geldig BSN (9 cijfers en de elfproef)");
    assert.match(m.declaratienummer!, /stuurteken/);
    assert.ok(!Object.values(m).join(" ").includes("123456789"));
    assert.ok(
      Object.values(m).every((t) => t.length < 200),
      "input is echoed as a short excerpt only",
    );
  });
});
