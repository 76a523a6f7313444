/** The conversion domain (pure): the 004 plan data and its quotes, volume recalculation, km bands, rules and flags. */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { type Antwoord, type DoelProductInfo, heleKm, herreken, type LopendeToewijzing, proefrun, totalen } from "../src/domain/conversion/compute.ts";
import { ConversiePlan } from "../src/domain/conversion/plan.ts";

const PLAN_FILE = resolve(import.meta.dirname, "../catalog/conversies/004-nmd-2026.yaml");
const SEEDS = resolve(import.meta.dirname, "../../shared/seeds");
const plan = ConversiePlan.parse(parse(readFileSync(PLAN_FILE, "utf8")));

const fold = (s: string) => s.replace(/\*/g, "").replace(/\s+/g, " ").trim();

test("every quote of the 004 plan stands in document 004 within 2 lines of the line it names", {
  skip: existsSync(SEEDS) ? false : `brondocumenten ontbreken (${SEEDS})`,
}, () => {
  const lines = readFileSync(join(SEEDS, plan.document), "utf8").split("\n");
  const quotes = [...plan.bron, ...plan.regels.flatMap((r) => r.bron)];
  assert.ok(quotes.length >= 10);
  for (const q of quotes) {
    const near = [-2, -1, 0, 1, 2].some((d) => fold(lines[q.line - 1 + d] ?? "").includes(fold(q.asWritten)));
    assert.ok(near, `niet gevonden bij regel ${q.line}: ${q.asWritten}`);
  }
  for (const o of plan.openPunten) if (o.line !== null) assert.ok(o.line > 0 && o.line <= lines.length);
});

test("the 004 plan: levels 4 and 5 → Basis, 6 → Basis Plus, 7 by hours per level, dagbesteding with three km bands", () => {
  const by = new Map(plan.regels.map((r) => [r.id, r]));
  assert.equal(plan.wijzigingsdatum, "2026-01-01");
  assert.equal(plan.uitvraagVanaf, "2025-09-01");
  assert.equal(plan.redenWijziging, "10");
  const l4 = by.get("niveau-4")!;
  assert.ok(l4.soort === "vast" && l4.doel === "begeleiding-basis");
  const l6 = by.get("niveau-6")!;
  assert.ok(l6.soort === "vast" && l6.doel === "begeleiding-basisplus");
  const l7 = by.get("niveau-7")!;
  assert.ok(l7.soort === "uren-per-niveau" && l7.keuze === "meeste-uren");
  assert.deepEqual(l7.van.productcodes, ["50A22", "10A60"]);
  const d = by.get("dagbesteding")!;
  assert.ok(d.soort === "dagbesteding");
  assert.deepEqual(
    d.vervoer.regulier.map((b) => b.totKm),
    [10, 20, 30],
  );
  assert.ok(plan.openPunten.some((o) => /productcodes/.test(o.tekst)));
  assert.ok(plan.openPunten.some((o) => /boven 30 km/.test(o.tekst)));
});

test("an invalid plan is refused with the path of every problem", () => {
  const bad = structuredClone(parse(readFileSync(PLAN_FILE, "utf8")));
  bad.regels[0].doel = "bestaat-niet";
  bad.regels[1].id = "niveau-4";
  bad.regels[4].vervoer.regulier[1].totKm = 5;
  const r = ConversiePlan.safeParse(bad);
  assert.equal(r.success, false);
  const paths = r.error!.issues.map((i) => i.path.join("."));
  assert.ok(paths.includes("regels.0.doel"));
  assert.ok(paths.includes("regels.1.id"));
  assert.ok(paths.includes("regels.4.vervoer.regulier.1.totKm"));
});

test("volumes: per week → per maand ×52/12, rounded up; per maand → per week ×12/52; whole km rounded up", () => {
  assert.equal(herreken(3, { uitvraagPer: "week", frequentie: "4" }), 13);
  assert.equal(herreken(5, { uitvraagPer: "week", frequentie: "4" }), 22);
  assert.equal(herreken(6, { uitvraagPer: "maand", frequentie: "4" }), 6);
  assert.equal(herreken(10.5, { uitvraagPer: "maand", frequentie: "4" }), 11);
  assert.equal(herreken(13, { uitvraagPer: "maand", frequentie: "2" }), 3);
  assert.equal(heleKm(10), 10);
  assert.equal(heleKm(10.3), 11);
  assert.equal(heleKm(30.01), 31);
});

const info = (over: Partial<DoelProductInfo> = {}): DoelProductInfo => ({ naam: "x", productcategorie: null, productcode: null, eenheid: "04", ...over });
const tw = (over: Partial<LopendeToewijzing>): LopendeToewijzing => ({
  gemeentecode: "0106",
  wet: "wmo",
  toewijzingnummer: "1",
  clientId: 1,
  agbCode: "98765432",
  productId: "nmd-2025.wmo.begeleiding-niveau-7",
  productcategorie: "10",
  productcode: "10A60",
  eenheid: "82",
  frequentie: "4",
  omvang: 1,
  ingangsdatum: "2025-03-01",
  einddatum: "2026-06-30",
  status: "gestart",
  ...over,
});
const ans = (a: Partial<Antwoord>): Antwoord => ({
  uren: null,
  urenPerNiveau: null,
  module: null,
  dagdelen: null,
  vervoer: null,
  vervoersdagen: null,
  afstandKm: null,
  opmerking: null,
  ...a,
});

test("level 7 'splitsen' gives one toewijzing per target; a product with a code is assigned specifically, with omvang", () => {
  const split = { ...plan, regels: plan.regels.map((r) => (r.soort === "uren-per-niveau" ? { ...r, keuze: "splitsen" as const } : r)) };
  const [u] = proefrun({
    plan: split,
    toewijzingen: [tw({})],
    antwoorden: new Map([["0106/wmo/1", ans({ uren: 12, urenPerNiveau: { "4": 2, "5": 2, "7": 8 } })]]),
    product: (id) => (id.includes("specialistisch") ? info({ productcategorie: "02", productcode: "02A99" }) : info()),
  });
  assert.deepEqual(
    u!.voorstellen.map((v) => [v.doel, v.omvang, v.toewijzingsvariant]),
    [
      ["begeleiding-basis", 4, "aspecifiek"],
      ["begeleiding-specialistisch", 8, "specifiek"],
    ],
  );
  assert.equal(u!.voorstellen[1]!.productcode, "02A99");
  assert.equal(u!.uitvoerbaar, true);
});

test("a target missing from the catalogue and hours on an unmapped level are flagged; totals count flags", () => {
  const out = proefrun({
    plan,
    toewijzingen: [tw({}), tw({ toewijzingnummer: "2" })],
    antwoorden: new Map([
      ["0106/wmo/1", ans({ uren: 5, urenPerNiveau: { "7": 5 } })],
      ["0106/wmo/2", ans({ uren: 5, urenPerNiveau: { "3": 5 } })],
    ]),
    product: () => null,
  });
  assert.ok(out[0]!.vlaggen.some((v) => v.code === "doelproduct-onbekend"));
  assert.ok(out[1]!.vlaggen.some((v) => v.code === "uren-passen-niet"));
  const t = totalen(out);
  assert.equal(t.perAanbieder[0]!.vlaggen, 2);
  assert.equal(t.perVlag["uren-passen-niet"], 1);
});

test("budget effect: the monthly amount where a tariff is known", () => {
  const out = proefrun({
    plan,
    toewijzingen: [tw({ productId: "nmd-2025.wmo.begeleiding-niveau-4", productcode: null })],
    antwoorden: new Map([["0106/wmo/1", ans({ uren: 6 })]]),
    product: () => info(),
    tarief: () => 6500,
  });
  assert.equal(out[0]!.voorstellen[0]!.tariefCents, 6500);
  assert.equal(totalen(out).perAanbieder[0]!.nieuwPerMaandCents, 39000);
  assert.equal(out[0]!.oudPerMaandCents, 6500);
  assert.equal(totalen(out).perAanbieder[0]!.oudPerMaandCents, 6500);
  // one unknown tariff makes the total unknown rather than partial
  const partial = proefrun({
    plan,
    toewijzingen: [tw({ productId: "nmd-2025.wmo.begeleiding-niveau-4", productcode: null })],
    antwoorden: new Map([["0106/wmo/1", ans({ uren: 6 })]]),
    product: () => info(),
    tarief: (_a, _g, p) => (p.startsWith("nmd") ? null : 6500),
  });
  assert.equal(totalen(partial).perAanbieder[0]!.oudPerMaandCents, null);
});
