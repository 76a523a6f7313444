import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { evaluate } from "./evaluate.ts";
import { explain } from "./explain.ts";
import { Facts, type StaffMember } from "./facts.ts";
import { type Level, Rule, rules } from "./rule.ts";

const staff = (...levels: Level[]): StaffMember[] => levels.map((level) => Facts.shape.staff.unwrap().element.parse({ level }));
const parse = (r: unknown) => Rule.parse(r);

describe("staffShare: minimum share at or above a level, floor for the rest", () => {
  const rule = parse({ op: "staffShare", minShare: 0.8, atOrAbove: "mbo4", restAtLeast: "mbo3" });
  const cases: [string, StaffMember[], string, RegExp | null][] = [
    ["4 of 5 at MBO-4 (80%) and the rest MBO-3", staff("mbo4", "mbo4", "hbo", "mbo4", "mbo3"), "pass", null],
    ["3 of 5 at MBO-4 (60%)", staff("mbo4", "mbo4", "hbo", "mbo3", "mbo3"), "fail", /60% op MBO-4-niveau of hoger, vereist minimaal 80%/],
    ["80% but one below the floor", staff("mbo4", "mbo4", "mbo4", "mbo4", "mbo2"), "fail", /1 medewerker\(s\) onder MBO-3 \(MBO-2\)/],
  ];
  for (const [name, s, verdict, reason] of cases)
    test(name, () => {
      const r = evaluate(rule, { staff: s });
      assert.equal(r.verdict, verdict);
      if (reason) assert.match(r.findings.map((f) => f.reason).join(" | "), reason);
    });

  test("both failures of one leaf are reported together", () => {
    const r = evaluate(rule, { staff: staff("mbo4", "mbo2", "mbo2") });
    assert.equal(r.findings.length, 1);
    assert.match(r.findings[0]!.reason, /33,3% op MBO-4.*; 2 medewerker\(s\) onder MBO-3/);
  });

  test("students, BBL-leerlingen and volunteers do not count", () => {
    const s = [...staff("mbo4", "mbo4", "mbo4", "mbo4"), { ...staff("mbo2")[0]!, kind: "vrijwilliger" as const }];
    assert.equal(evaluate(rule, { staff: s }).verdict, "pass");
  });

  test("counted by hours when the rule says so", () => {
    const r = parse({ op: "staffShare", minShare: 0.5, atOrAbove: "hbo", restAtLeast: null, basis: "hours" });
    const s = [
      { ...staff("hbo")[0]!, hoursPerWeek: 10 },
      { ...staff("mbo4")[0]!, hoursPerWeek: 30 },
    ];
    assert.equal(evaluate(r, { staff: s }).verdict, "fail"); // 25% of hours, 50% of heads
    assert.equal(evaluate({ ...r, basis: "headcount" } as Rule, { staff: s }).verdict, "pass");
    assert.equal(evaluate(r, { staff: staff("hbo") }).verdict, "unknown"); // hours missing
  });

  test("missing staff facts give unknown and name the fact", () => {
    const r = evaluate(rule, {});
    assert.equal(r.verdict, "unknown");
    assert.deepEqual(r.findings[0]!.missing, ["staff"]);
  });
});

describe("other leaves", () => {
  const table: [string, unknown, Facts, "pass" | "fail" | "unknown"][] = [
    [
      "functiemix 10/80/10 met 100% HBO mist WO",
      { op: "functionMix", mix: { mbo4: 0.1, hbo: 0.8, wo: 0.1 } },
      { staff: staff(...Array(10).fill("hbo")) },
      "fail",
    ],
    [
      "functiemix 10/80/10 exact",
      { op: "functionMix", mix: { mbo4: 0.1, hbo: 0.8, wo: 0.1 } },
      { staff: staff("mbo4", "wo", ...Array(8).fill("hbo")) },
      "pass",
    ],
    ["functiemix 50/50 mbo3/mbo4 met 100% mbo4", { op: "functionMix", mix: { mbo3: 0.5, mbo4: 0.5 } }, { staff: staff("mbo4", "mbo4") }, "pass"],
    ["functiemix met mbo2 onder de mix", { op: "functionMix", mix: { mbo3: 0.5, mbo4: 0.5 } }, { staff: staff("mbo4", "mbo2") }, "fail"],
    ["toegestane niveaus: mbo2 bij Basis Plus", { op: "allowedLevels", levels: ["mbo4", "hbo"] }, { staff: staff("mbo4", "mbo2") }, "fail"],
    ["toegestane niveaus: wo boven hbo mag", { op: "allowedLevels", levels: ["mbo4", "hbo"] }, { staff: staff("mbo4", "wo") }, "pass"],
    ["groepsgrootte gemiddeld 7: 8 is te veel", { op: "groupSize", clientsPerStaff: 7, meaning: "average" }, { clientsPerStaff: 8 }, "fail"],
    ["groepsgrootte tariefaanname beperkt niet", { op: "groupSize", clientsPerStaff: 8, meaning: "tariff-assumption" }, { clientsPerStaff: 12 }, "pass"],
    ["24/7 bereikbaar", { op: "availability", mode: "reachability", schedule: "24/7" }, { reachable24x7: true }, "pass"],
    ["24/7 aanwezigheid ontbreekt", { op: "availability", mode: "presence", schedule: "24/7" }, { presence24x7: false }, "fail"],
    ["aanrijtijd 30 min: 45 is te laat", { op: "responseTime", kind: "on-site", withinMinutes: 30 }, { responseMinutes: { "on-site": 45 } }, "fail"],
    ["start binnen 24 uur: 1440 min is op tijd", { op: "responseTime", kind: "start", withinMinutes: 1440 }, { responseMinutes: { start: 1440 } }, "pass"],
    [
      "M1: 6 mnd + 1 verlenging = 12 mag",
      { op: "durationCap", max: 6, extension: 6, maxExtensions: 1, totalMax: 12 },
      { durationMonths: 12, extensions: 1 },
      "pass",
    ],
    [
      "M1: 12 mnd zonder verlenging mag niet",
      { op: "durationCap", max: 6, extension: 6, maxExtensions: 1, totalMax: 12 },
      { durationMonths: 12, extensions: 0 },
      "fail",
    ],
    [
      "M1: tweede verlenging mag niet",
      { op: "durationCap", max: 6, extension: 6, maxExtensions: 1, totalMax: 12 },
      { durationMonths: 10, extensions: 2 },
      "fail",
    ],
    [
      "crisis: 6 weken + 6 weken verlenging, 13 weken te lang",
      { op: "durationCap", unit: "weeks", max: 6, extension: 6, maxExtensions: 1 },
      { durationWeeks: 13, extensions: 1 },
      "fail",
    ],
    ["crisis in weken zonder weken-gegeven", { op: "durationCap", unit: "weeks", max: 6 }, { durationMonths: 1 }, "unknown"],
    [
      "plan binnen 2 maanden: 45 dagen op tijd",
      { op: "planDeadline", plan: "ondersteuningsplan", within: 2, unit: "months", from: "zorgtoewijzing" },
      { planWithinDays: 45 },
      "pass",
    ],
    [
      "plan binnen 2 maanden: 60 dagen hangt van de kalender af",
      { op: "planDeadline", plan: "ondersteuningsplan", within: 2, unit: "months", from: "zorgtoewijzing" },
      { planWithinDays: 60 },
      "unknown",
    ],
    [
      "plan binnen 2 maanden: 70 dagen te laat",
      { op: "planDeadline", plan: "ondersteuningsplan", within: 2, unit: "months", from: "zorgtoewijzing" },
      { planWithinDays: 70 },
      "fail",
    ],
    ["gemiddeld 5,5 uur: 5 is te weinig", { op: "hoursPerWeek", average: 5.5, of: "individuele begeleiding" }, { hoursPerWeek: 5 }, "fail"],
    ["leeftijd tot 23: 22 mag", { op: "age", maxAgeExclusive: 23 }, { clientAge: 22 }, "pass"],
    ["leeftijd tot 23: 23 niet", { op: "age", maxAgeExclusive: 23 }, { clientAge: 23 }, "fail"],
    ["leeftijd t/m 17 (18 exclusief): 17 mag", { op: "age", minAge: 0, maxAgeExclusive: 18 }, { clientAge: 17 }, "pass"],
    ["vervoer alleen met dagbesteding", { op: "combination", kind: "requires", products: ["07A03", "07A04"] }, { otherProducts: ["02A05"] }, "fail"],
    ["niet te combineren", { op: "combination", kind: "excludes", products: ["02A05"] }, { otherProducts: ["02A05"] }, "fail"],
    ["evaluatie elk half jaar: jaarlijks te weinig", { op: "evaluation", everyMonths: 6 }, { evaluationEveryMonths: 12 }, "fail"],
    ["VOG niet ouder dan 36 maanden", { op: "evidence", evidence: "vog", maxAgeMonths: 36 }, { staff: [{ ...staff("mbo3")[0]!, vogAgeMonths: 40 }] }, "fail"],
    ["VOG-gegevens ontbreken", { op: "evidence", evidence: "vog", maxAgeMonths: 36 }, { staff: staff("mbo3") }, "unknown"],
    [
      "registratie hbo in BIG of SKJ",
      { op: "registration", registers: ["BIG", "SKJ"], appliesFromLevel: "hbo" },
      { staff: [{ ...staff("hbo")[0]!, registers: ["SKJ"] }, ...staff("mbo4")] },
      "pass",
    ],
    ["hbo zonder registratie", { op: "registration", registers: ["BIG", "SKJ"], appliesFromLevel: "hbo" }, { staff: staff("hbo") }, "fail"],
    ["afstandsband 11-20: 10,5 km valt erbuiten", { op: "distanceBand", minKm: 11, maxKm: 20 }, { distanceKm: 10.5 }, "fail"],
    ["afstandsband t/m 10: 10 km valt erin", { op: "distanceBand", minKm: 0, maxKm: 10 }, { distanceKm: 10 }, "pass"],
    ["max 5 dagen per week", { op: "volume", max: 5, unit: "dag", per: "week" }, { volumePer: 6 }, "fail"],
    [
      "2 dagdelen per week toegekend, minimaal 3 per week",
      { op: "volume", min: 3, unit: "dagdeel", per: "week" },
      { grantedVolume: { amount: 2, eenheid: "16", frequentie: "2", days: 182 } },
      "fail",
    ],
    [
      "2 dagdelen per week toegekend, minimaal 3 per indicatie",
      { op: "volume", min: 3, unit: "dagdeel", per: "indicatie" },
      { grantedVolume: { amount: 2, eenheid: "16", frequentie: "2", days: 182 } },
      "pass",
    ],
    [
      "14 dagdelen per maand is meer dan 3 per week",
      { op: "volume", min: 3, unit: "dagdeel", per: "week" },
      { grantedVolume: { amount: 14, eenheid: "16", frequentie: "4", days: 182 } },
      "pass",
    ],
    [
      "uren tellen niet als dagdelen",
      { op: "volume", min: 3, unit: "dagdeel", per: "week" },
      { grantedVolume: { amount: 4, eenheid: "04", frequentie: "2", days: 182 } },
      "unknown",
    ],
    [
      "gedragswetenschapper beschikbaar",
      { op: "roleAvailable", role: "gedragswetenschapper", purpose: "consultatie" },
      { rolesAvailable: [{ role: "gedragswetenschapper", purpose: null, level: null }] },
      "pass",
    ],
    ["hbo-professional uit het personeel", { op: "roleAvailable", role: "hbo-professional", purpose: "ruggespraak" }, { staff: staff("mbo4", "hbo") }, "pass"],
    ["oordeel vraagt bevestiging", { op: "judgement", text: "werkt systeemgericht" }, {}, "unknown"],
    ["bevestigd oordeel", { op: "judgement", text: "werkt systeemgericht" }, { confirmed: ["ter beoordeling: werkt systeemgericht"] }, "pass"],
  ];
  for (const [name, rule, facts, verdict] of table)
    test(name, () => {
      const r = evaluate(parse(rule), facts);
      assert.equal(r.verdict, verdict, JSON.stringify(r.findings));
      if (verdict !== "pass") assert.ok(r.findings.length > 0 && r.findings.every((f) => f.reason.length > 0));
    });
});

describe("combinators", () => {
  const hbo = parse({ op: "staffShare", minShare: 0.6, atOrAbove: "hbo", restAtLeast: null });
  const age = parse({ op: "age", minAge: 18 });
  test("all returns every failing leaf", () => {
    const r = evaluate(rules.all(hbo, age), { staff: staff("mbo4"), clientAge: 12 });
    assert.equal(r.verdict, "fail");
    assert.deepEqual(
      r.findings.map((f) => f.path),
      ["rules[0]", "rules[1]"],
    );
  });
  test("fail outweighs unknown in all", () => {
    assert.equal(evaluate(rules.all(hbo, age), { clientAge: 12 }).verdict, "fail");
    assert.equal(evaluate(rules.all(hbo, age), { clientAge: 20 }).verdict, "unknown");
  });
  test("contested readings that disagree give unknown naming both", () => {
    const c = parse({
      op: "contested",
      readings: [
        { label: "2 op 9", line: 3784, rule: { op: "groupSize", clientsPerStaff: 4.5, meaning: "maximum" } },
        { label: "1 op 4", line: 3879, rule: { op: "groupSize", clientsPerStaff: 4, meaning: "maximum" } },
      ],
    });
    const r = evaluate(c, { clientsPerStaff: 4.25 });
    assert.equal(r.verdict, "unknown");
    assert.match(r.findings[0]!.reason, /"2 op 9" \(regel 3784\): voldoet; .*"1 op 4" \(regel 3879\): voldoet niet/);
    assert.equal(evaluate(c, { clientsPerStaff: 4 }).verdict, "pass");
    assert.equal(evaluate(c, { clientsPerStaff: 5 }).verdict, "fail");
  });
});

describe("laws", () => {
  const leaf = fc.oneof(
    fc.record({ op: fc.constant("age" as const), minAge: fc.integer({ min: 0, max: 30 }), maxAgeExclusive: fc.constant(null) }),
    fc.record({ op: fc.constant("evaluation" as const), everyMonths: fc.integer({ min: 1, max: 24 }) }),
    fc.record({
      op: fc.constant("groupSize" as const),
      clientsPerStaff: fc.integer({ min: 1, max: 12 }),
      meaning: fc.constant("maximum" as const),
      excludesVolunteers: fc.constant(false),
    }),
  ) as fc.Arbitrary<Rule>;
  const facts = fc.record(
    { clientAge: fc.integer({ min: 0, max: 40 }), evaluationEveryMonths: fc.integer({ min: 1, max: 24 }), clientsPerStaff: fc.integer({ min: 1, max: 12 }) },
    { requiredKeys: [] },
  );
  test("all([]) holds and any([]) does not", () => {
    assert.equal(evaluate(rules.all(), {}).verdict, "pass");
    assert.equal(evaluate(rules.any(), {}).verdict, "fail");
  });
  test("De Morgan: not(all(a,b)) ≡ any(not a, not b)", () => {
    fc.assert(
      fc.property(leaf, leaf, facts, (a, b, f) => {
        assert.equal(evaluate(rules.not(rules.all(a, b)), f).verdict, evaluate(rules.any(rules.not(a), rules.not(b)), f).verdict);
        assert.equal(evaluate(rules.not(rules.any(a, b)), f).verdict, evaluate(rules.all(rules.not(a), rules.not(b)), f).verdict);
      }),
    );
  });
  test("double negation", () => {
    fc.assert(fc.property(leaf, facts, (a, f) => assert.equal(evaluate(rules.not(rules.not(a)), f).verdict, evaluate(a, f).verdict)));
  });
  test("every rule shape explains itself in Dutch, without undefined", () => {
    fc.assert(fc.property(leaf, (a) => assert.doesNotMatch(explain(a), /undefined|null|NaN/)));
  });
});

describe("rule data is validated", () => {
  test("a share above 100% is rejected", () => {
    assert.equal(Rule.safeParse({ op: "staffShare", minShare: 1.2, atOrAbove: "hbo", restAtLeast: null }).success, false);
  });
  test("an unknown level is rejected", () => {
    assert.equal(Rule.safeParse({ op: "allowedLevels", levels: ["mbo5"] }).success, false);
  });
  test("an unknown op is rejected", () => {
    assert.equal(Rule.safeParse({ op: "eval", code: "1+1" }).success, false);
  });
  test("a functiemix above 100% is rejected", () => {
    assert.equal(Rule.safeParse({ op: "functionMix", mix: { mbo4: 0.6, hbo: 0.6 } }).success, false);
  });
  test("a contested rule needs two readings", () => {
    assert.equal(Rule.safeParse({ op: "contested", readings: [{ label: "a", line: 1, rule: { op: "evaluation", everyMonths: 6 } }] }).success, false);
  });
});

test("explain renders the canonical example in Dutch", () => {
  assert.equal(
    explain(parse({ op: "staffShare", minShare: 0.8, atOrAbove: "mbo4", restAtLeast: "mbo3" })),
    "minimaal 80% van de medewerkers op MBO-4-niveau of hoger, de overige medewerkers minimaal MBO-3",
  );
  assert.equal(explain(parse({ op: "responseTime", kind: "on-site", withinMinutes: 30 })), "ter plaatse (aanrijtijd) binnen 30 minuten");
  assert.equal(explain(parse({ op: "age", minAge: 0, maxAgeExclusive: 18 })), "leeftijd van 0 tot 18 jaar (t/m 17)");
});

test("explain brackets nested combinations", () => {
  const r = parse({
    op: "any",
    rules: [
      { op: "clientsPerGroup", clients: 6, meaning: "maximum" },
      {
        op: "all",
        rules: [
          { op: "clientsPerGroup", clients: 8, meaning: "maximum" },
          { op: "judgement", text: "met toestemming" },
        ],
      },
    ],
  });
  assert.equal(explain(r), "één van: maximaal 6 cliënten per groep óf (maximaal 8 cliënten per groep; en ter beoordeling: met toestemming)");
});
