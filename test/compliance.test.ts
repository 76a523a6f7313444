import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { readCatalogueDir } from "../src/adapters/files/catalogue-files.ts";
import type { Product } from "../src/domain/catalogue/product.ts";
import { checkProduct, factsFor, productsFor, signals } from "../src/domain/compliance/check.ts";
import { ProviderRecord } from "../src/domain/compliance/provider.ts";
import type { StaffMemberRecord } from "../src/domain/compliance/staff.ts";
import { CATALOG_DIR } from "./support/app.ts";

/** Compliance on the real catalogue data: the examples of the issue, rule shape by rule shape. */
let products: Product[];
before(async () => {
  const r = await readCatalogueDir(CATALOG_DIR);
  assert.ok(r.ok);
  products = r.value.products;
});
const product = (id: string) => products.find((p) => p.id === id)!;
const PEIL = "2026-06-01";

let n = 0;
function aStaffMember(over: Partial<StaffMemberRecord> = {}): StaffMemberRecord {
  n++;
  return {
    name: `Medewerker ${n}`,
    level: "mbo4",
    careRelated: true,
    workingLevel: null,
    kind: "werknemer",
    role: "begeleider",
    registration: null,
    vogDate: "2025-01-01",
    employmentStart: "2025-02-01",
    hoursPerWeek: 32,
    products: ["02A03"],
    ...over,
  };
}
const team = (spec: [StaffMemberRecord["level"], number][], over: Partial<StaffMemberRecord> = {}) =>
  spec.flatMap(([level, count]) => Array.from({ length: count }, () => aStaffMember({ level, ...over })));
const provider = (over: Record<string, unknown> = {}) => ProviderRecord.parse({ agbCode: "12345678", name: "Zorg BV", ...over });
const requirement = (r: ReturnType<typeof checkProduct>, topic: RegExp) => r.requirements.filter((q) => topic.test(q.topic));

describe("000 Begeleiding (02A03): minimaal 80% MBO-4, de overige MBO-3", () => {
  test("8 MBO-4 + 2 MBO-3 meets the staffing rule; 7 + 3 does not, with the numbers", () => {
    const p = product("000-begeleiding-dagbesteding.wmo.02A03");
    const ok = checkProduct(
      p,
      provider(),
      team([
        ["mbo4", 8],
        ["mbo3", 2],
      ]),
      PEIL,
      [],
    );
    assert.deepEqual(
      requirement(ok, /^opleiding$/).map((q) => q.status),
      ["voldoet"],
    );
    const no = checkProduct(
      p,
      provider(),
      team([
        ["mbo4", 7],
        ["mbo3", 3],
      ]),
      PEIL,
      [],
    );
    const staffing = requirement(no, /^opleiding$/)[0]!;
    assert.equal(staffing.status, "voldoet-niet");
    assert.match(staffing.reasons[0]!.message, /70% op MBO-4-niveau of hoger, vereist minimaal 80%/);
    assert.equal(no.verdict, "voldoet-niet");
  });
  test("volunteers and BBL-leerlingen do not count toward the share", () => {
    const p = product("000-begeleiding-dagbesteding.wmo.02A03");
    const staff = [
      ...team([
        ["mbo4", 8],
        ["mbo3", 2],
      ]),
      ...team([["mbo2", 3]], { kind: "vrijwilliger" }),
      ...team([["mbo2", 2]], { kind: "bbl" }),
    ];
    assert.deepEqual(
      requirement(checkProduct(p, provider(), staff, PEIL, []), /^opleiding$/).map((q) => q.status),
      ["voldoet"],
    );
  });
  test("a non-care-related diploma counts only with a demonstrated working level", () => {
    const p = product("000-begeleiding-dagbesteding.wmo.02A03");
    const other = team([
      ["mbo4", 8],
      ["mbo3", 1],
    ]);
    const noLevel = checkProduct(p, provider(), [...other, aStaffMember({ level: "hbo", careRelated: false })], PEIL, []);
    assert.equal(requirement(noLevel, /^opleiding$/)[0]!.status, "voldoet-niet", "the rest must be at least MBO-3");
    const shown = checkProduct(p, provider(), [...other, aStaffMember({ level: "hbo", careRelated: false, workingLevel: "mbo3" })], PEIL, []);
    assert.equal(requirement(shown, /^opleiding$/)[0]!.status, "voldoet");
  });
  test("the share is reported by head and by hours", () => {
    const p = product("000-begeleiding-dagbesteding.wmo.02A03");
    const staff = [...team([["mbo4", 8]], { hoursPerWeek: 8 }), ...team([["mbo3", 2]], { hoursPerWeek: 36 })];
    const info = requirement(checkProduct(p, provider(), staff, PEIL, []), /^opleiding$/)[0]!.info.join(" ");
    assert.match(info, /80% van de personen, 47% van de uren \(voldoet niet op uren\)/);
  });
  test("the HBO roles come from the team: without an HBO member ruggespraak is not available", () => {
    const p = product("000-begeleiding-dagbesteding.wmo.02A03");
    const r = checkProduct(
      p,
      provider(),
      team([
        ["mbo4", 8],
        ["mbo3", 2],
      ]),
      PEIL,
      [],
    );
    assert.ok(r.requirements.some((q) => q.status === "voldoet-niet" && /ruggespraak/.test(q.text)));
    const withHbo = checkProduct(
      p,
      provider(),
      [
        ...team([
          ["mbo4", 8],
          ["mbo3", 1],
        ]),
        aStaffMember({ level: "hbo" }),
      ],
      PEIL,
      [],
    );
    assert.ok(!withHbo.requirements.some((q) => q.status === "voldoet-niet" && /ruggespraak/.test(q.text)));
  });
});

describe("004 programma van eisen: VOG, BBL, certificate, survey, vervoer", () => {
  const m1 = "004-nmd-pve-2026.wmo.dagbesteding-m1";
  const staffFor = (over: Partial<StaffMemberRecord> = {}) =>
    team(
      [
        ["mbo4", 4],
        ["hbo", 2],
      ],
      { products: ["dagbesteding-m1"], ...over },
    );
  const certified = provider({
    evidence: [
      { kind: "kwaliteitscertificaat", date: "2025-01-01", validUntil: "2027-12-31", scope: ["dagbesteding-m1"] },
      { kind: "klanttevredenheidsonderzoek", date: "2025-03-01" },
    ],
  });
  test("a VOG issued 4 months before the employment start fails; 3 months passes", () => {
    const late = checkProduct(
      product(m1),
      certified,
      [...staffFor(), aStaffMember({ products: ["dagbesteding-m1"], vogDate: "2025-01-01", employmentStart: "2025-05-01" })],
      PEIL,
      [],
    );
    const vog = requirement(late, /VOG bij indiensttreding/)[0]!;
    assert.equal(vog.status, "voldoet-niet");
    assert.match(vog.reasons[0]!.message, /4 maanden voor indiensttreding afgegeven \(maximaal 3\)/);
    const ok = checkProduct(
      product(m1),
      certified,
      [...staffFor(), aStaffMember({ products: ["dagbesteding-m1"], vogDate: "2025-01-01", employmentStart: "2025-04-01" })],
      PEIL,
      [],
    );
    assert.equal(requirement(ok, /VOG bij indiensttreding/)[0]!.status, "voldoet");
  });
  test("a VOG older than three years on the peildatum fails", () => {
    const r = checkProduct(
      product(m1),
      certified,
      [aStaffMember({ products: ["dagbesteding-m1"], vogDate: "2023-05-31", employmentStart: "2023-06-01" })],
      PEIL,
      [],
    );
    assert.equal(requirement(r, /^VOG$/)[0]!.status, "voldoet-niet");
  });
  test("a 5th BBL-leerling for one praktijkbegeleider fails", () => {
    const base = [...staffFor(), aStaffMember({ products: ["dagbesteding-m1"], role: "praktijkbegeleider", level: "hbo" })];
    const four = checkProduct(product(m1), certified, [...base, ...team([["mbo2", 4]], { kind: "bbl", products: ["dagbesteding-m1"] })], PEIL, []);
    assert.equal(requirement(four, /BBL/)[0]!.status, "voldoet");
    const five = checkProduct(product(m1), certified, [...base, ...team([["mbo2", 5]], { kind: "bbl", products: ["dagbesteding-m1"] })], PEIL, []);
    assert.equal(requirement(five, /BBL/)[0]!.status, "voldoet-niet");
    assert.match(requirement(five, /BBL/)[0]!.reasons[0]!.message, /5 BBL-leerlingen per praktijkbegeleider, hoogstens 4/);
  });
  test("the certificate must be valid and its scope must cover the product; else a recent audit", () => {
    const wrongScope = provider({
      evidence: [{ kind: "kwaliteitscertificaat", date: "2025-01-01", validUntil: "2027-12-31", scope: ["begeleiding-basis-kort"] }],
    });
    assert.equal(requirement(checkProduct(product(m1), wrongScope, staffFor(), PEIL, []), /kwaliteitscertificaat/)[0]!.status, "voldoet-niet");
    assert.equal(requirement(checkProduct(product(m1), certified, staffFor(), PEIL, []), /kwaliteitscertificaat/)[0]!.status, "voldoet");
    const expired = provider({ evidence: [{ kind: "kwaliteitscertificaat", date: "2022-01-01", validUntil: "2026-05-31" }] });
    assert.equal(requirement(checkProduct(product(m1), expired, staffFor(), PEIL, []), /kwaliteitscertificaat/)[0]!.status, "voldoet-niet");
    const audit = provider({ evidence: [{ kind: "kwaliteitshandboek-audit", date: "2024-09-01" }] });
    assert.equal(requirement(checkProduct(product(m1), audit, staffFor(), PEIL, []), /kwaliteitscertificaat/)[0]!.status, "te-beoordelen");
  });
  test("a satisfaction survey older than two years fails", () => {
    const old = provider({ evidence: [{ kind: "klanttevredenheidsonderzoek", date: "2024-05-31" }] });
    assert.equal(requirement(checkProduct(product(m1), old, staffFor(), PEIL, []), /klanttevredenheid/)[0]!.status, "voldoet-niet");
  });
  test("a dagbesteding provider must also offer vervoer", () => {
    const without = checkProduct(product(m1), certified, staffFor(), PEIL, ["dagbesteding-m1"]);
    assert.equal(requirement(without, /inschrijving vervoer|vervoer/i).find((q) => /verplichting/.test(q.text))?.status, "voldoet-niet");
    const withV = checkProduct(product(m1), certified, staffFor(), PEIL, ["dagbesteding-m1", "vervoer-regulier-0-10"]);
    assert.equal(requirement(withV, /inschrijving vervoer|vervoer/i).find((q) => /verplichting/.test(q.text))?.status, "voldoet");
  });
  test("age, duration and other per-client rules are listed but do not decide the provider's verdict", () => {
    const r = checkProduct(product("004-nmd-pve-2026.wmo.dagbesteding-m2"), certified, staffFor({ products: ["dagbesteding-m2"] }), PEIL, []);
    assert.ok(requirement(r, /leeftijd/).every((q) => q.status === "per-client"));
    assert.ok(requirement(r, /maximale duur/).every((q) => q.status === "per-client"));
  });
});

describe("002 IB4 (02A05) requires IB3 ontwikkelgericht (02A20) in the portfolio", () => {
  test("pass with 02A20 contracted, fail without", () => {
    const p = product("002-wmo-2026.wmo.02A05");
    const staff = team(
      [
        ["hbo", 8],
        ["wo", 1],
        ["mbo4", 1],
      ],
      { products: ["002-wmo-2026.wmo.02A05"] },
    );
    const duty = (r: ReturnType<typeof checkProduct>) => r.requirements.find((q) => /02A20/.test(q.text))!;
    assert.equal(duty(checkProduct(p, provider(), staff, PEIL, ["02A05"])).status, "voldoet-niet");
    assert.equal(duty(checkProduct(p, provider(), staff, PEIL, ["02A05", "02A20"])).status, "voldoet");
  });
});

test("products are found from the staff file by id, code or stand-in, within a productenboek if given", () => {
  const staff = [aStaffMember({ products: ["02A05", "dagbesteding-m1"] })];
  const all = productsFor(products, staff).map((p) => p.id);
  assert.ok(
    all.includes("000-begeleiding-dagbesteding.wmo.02A05") &&
      all.includes("002-wmo-2026.wmo.02A05") &&
      all.includes("004-nmd-pve-2026.jeugdwet.dagbesteding-m1"),
  );
  assert.deepEqual(
    productsFor(products, staff, "002-wmo-2026").map((p) => p.id),
    ["002-wmo-2026.wmo.02A05"],
  );
});

test("a role is available at the highest level anyone holding it has, whatever the row order", () => {
  const staff = [aStaffMember({ role: "orthopedagoog", level: "wo" }), aStaffMember({ role: "orthopedagoog in opleiding", level: "mbo4" })];
  const facts = factsFor(product("000-begeleiding-dagbesteding.wmo.02A03"), provider(), staff, PEIL, []);
  assert.equal(facts.rolesAvailable?.find((r) => r.role === "orthopedagoog")?.level, "wo");
});

test("signals: evidence that lapses within 60 days, soonest first", () => {
  const staff = [
    aStaffMember({ name: "A", vogDate: "2023-07-01" }),
    aStaffMember({ name: "B", vogDate: "2025-01-01", registration: { register: "SKJ", number: "123", validUntil: "2026-06-20" } }),
    aStaffMember({ name: "C", vogDate: "2026-01-01" }),
  ];
  const prov = provider({
    evidence: [
      { kind: "kvk-uittreksel", date: "2026-01-15" },
      { kind: "kwaliteitscertificaat", date: "2024-01-01", validUntil: "2028-01-01" },
    ],
  });
  const s = signals(prov, staff, PEIL, 60);
  assert.deepEqual(
    s.map((x) => [x.subject, x.evidence, x.expires, x.daysLeft]),
    [
      ["B", "registratie SKJ 123", "2026-06-20", 19],
      ["A", "VOG", "2026-07-01", 30],
      ["Zorg BV", "kvk-uittreksel", "2026-07-15", 44],
    ],
  );
});
