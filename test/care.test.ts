import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { readCatalogueDir } from "../src/adapters/files/catalogue-files.ts";
import type { Catalogue } from "../src/domain/catalogue/product.ts";
import { isValidBsn } from "../src/domain/care/bsn.ts";
import { addWorkingDays, deadlinesFor, holidays, isWorkingDay } from "../src/domain/care/deadlines.ts";
import { checkGrant, GrantProposal, type GrantVerdict } from "../src/domain/care/grant.ts";
import { applyEvent, events, type LifecycleState, statuses, transitions } from "../src/domain/care/lifecycle.ts";
import { allowedVolume } from "../src/domain/care/period.ts";
import { CATALOG_DIR } from "./support/app.ts";

/** The care chain's domain on the real catalogue: the grant rules the issue names, the lifecycle and the deadlines. */
let catalogue: Catalogue;
before(async () => {
  const r = await readCatalogueDir(CATALOG_DIR);
  assert.ok(r.ok);
  catalogue = r.value;
});

describe("BSN elfproef", () => {
  for (const [bsn, valid] of [
    ["999990019", true],
    ["123456782", true],
    ["111222333", true],
    ["123456789", false],
    ["000000000", false],
    ["12345678", false],
    ["12345678a", false],
    ["999990018", false],
  ] as const)
    test(`${bsn} is ${valid ? "geldig" : "ongeldig"}`, () => assert.equal(isValidBsn(bsn), valid));
});

/** A proposal with one product; everything the test does not name is a valid default. */
function propose(
  productId: string,
  over: Record<string, unknown> = {},
  extra: { geboortedatum?: string; lopend?: unknown[]; producten?: unknown[] } = {},
): GrantVerdict {
  const p = catalogue.products.find((x) => x.id === productId);
  assert.ok(p, `product ${productId} bestaat`);
  const proposal = GrantProposal.parse({
    gemeente: "0106",
    peildatum: "2026-06-01",
    client: { geboortedatum: extra.geboortedatum ?? "1980-05-05" },
    producten: [
      { productId, ingangsdatum: "2026-07-01", einddatum: "2026-12-31", volume: 4, eenheid: p.unit.code ?? "04", frequentie: "2", ...over },
      ...(extra.producten ?? []),
    ],
    lopend: extra.lopend ?? [],
  });
  return checkGrant(catalogue, proposal);
}
const severities = (v: GrantVerdict, rule?: string) => v.bevindingen.filter((b) => !rule || b.rule === rule).map((b) => b.severity);

describe("grant check: the productenboeken's rules on a proposed beschikking", () => {
  test("Kamertraining 44K28 is for ages 16 up to 18: 15 is refused, 17 allowed, turning 18 during the grant warns", () => {
    const id = "001-concept-inkoop-2025.jeugdwet.44K28";
    const young = propose(id, { eenheid: "14", volume: 7 }, { geboortedatum: "2011-03-01" });
    assert.equal(young.toegestaan, false);
    assert.ok(
      young.bevindingen.some((b) => b.rule === "age" && b.severity === "fout" && /minimaal 16/.test(b.message)),
      JSON.stringify(young.bevindingen),
    );
    const ok = propose(id, { eenheid: "14", volume: 7, einddatum: "2026-09-30" }, { geboortedatum: "2009-01-01" });
    assert.deepEqual(severities(ok, "age"), []);
    const turns18 = propose(id, { eenheid: "14", volume: 7 }, { geboortedatum: "2008-10-01" });
    assert.deepEqual(severities(turns18, "age"), ["waarschuwing"]);
  });

  test("M2 dagbesteding is for those under 23", () => {
    const id = "004-nmd-pve-2026.wmo.dagbesteding-m2";
    assert.ok(propose(id, { eenheid: "16", volume: 3 }, { geboortedatum: "2000-01-01" }).bevindingen.some((b) => b.rule === "age" && b.severity === "fout"));
    assert.deepEqual(severities(propose(id, { eenheid: "16", volume: 3, einddatum: "2026-12-31" }, { geboortedatum: "2006-01-01" }), "age"), []);
  });

  test("M1: six months, one extension of six, at most twelve", () => {
    const id = "004-nmd-pve-2026.wmo.dagbesteding-m1";
    const base = { eenheid: "16", volume: 3, ingangsdatum: "2026-01-01" };
    assert.deepEqual(severities(propose(id, { ...base, einddatum: "2026-06-30" }), "durationCap"), []);
    assert.deepEqual(severities(propose(id, { ...base, einddatum: "2026-07-31" }), "durationCap"), ["fout"]);
    assert.deepEqual(severities(propose(id, { ...base, einddatum: "2026-12-31", verlengingen: 1 }), "durationCap"), []);
    assert.deepEqual(severities(propose(id, { ...base, einddatum: "2027-01-31", verlengingen: 1 }), "durationCap"), ["fout"]);
    assert.ok(propose(id, { ...base, einddatum: "2027-06-30", verlengingen: 2 }).bevindingen.some((b) => /verlengingen/.test(b.message)));
  });

  test("kortdurende begeleiding (004) is at most 12 months", () => {
    const id = "004-nmd-pve-2026.wmo.begeleiding-basis-kort";
    assert.deepEqual(severities(propose(id, { ingangsdatum: "2026-01-01", einddatum: "2026-12-31" }), "durationCap"), []);
    assert.deepEqual(severities(propose(id, { ingangsdatum: "2026-01-01", einddatum: "2027-01-31" }), "durationCap"), ["fout"]);
  });

  test("Begeleiding intensief (000) runs 1-3 months; longer is the document's own alternative, so a judgement", () => {
    const id = "000-begeleiding-dagbesteding.wmo.02A19";
    const short = propose(id, { ingangsdatum: "2026-07-01", einddatum: "2026-09-30" });
    assert.deepEqual(
      short.bevindingen.filter((b) => b.severity !== "waarschuwing"),
      [],
    );
    const long = propose(id, { ingangsdatum: "2026-07-01", einddatum: "2027-06-30" });
    assert.equal(long.toegestaan, false);
    assert.equal(long.overrideMogelijk, true);
    assert.ok(long.bevindingen.some((b) => b.severity === "oordeel" && /intramurale/.test(b.message) && b.line === 121));
  });

  test("vervoer only together with dagbesteding in the same period, and within its distance band", () => {
    const id = "004-nmd-pve-2026.wmo.vervoer-regulier-0-10";
    const alone = propose(id, { eenheid: "82", volume: 5, afstandKm: 8 });
    assert.ok(
      alone.bevindingen.some((b) => b.rule === "combination" && b.severity === "fout"),
      JSON.stringify(alone.bevindingen),
    );
    const m1 = {
      productId: "004-nmd-pve-2026.wmo.dagbesteding-m1",
      ingangsdatum: "2026-07-01",
      einddatum: "2026-12-31",
      volume: 3,
      eenheid: "16",
      frequentie: "2",
    };
    const together = propose(id, { eenheid: "82", volume: 5, afstandKm: 8 }, { producten: [m1] });
    assert.deepEqual(
      together.bevindingen.filter((b) => b.productId === id && b.rule === "combination"),
      [],
    );
    const running = propose(
      id,
      { eenheid: "82", volume: 5, afstandKm: 8 },
      { lopend: [{ productId: m1.productId, ingangsdatum: "2026-01-01", einddatum: "2026-12-31" }] },
    );
    assert.deepEqual(
      running.bevindingen.filter((b) => b.rule === "combination"),
      [],
    );
    const laterDagbesteding = propose(
      id,
      { eenheid: "82", volume: 5, afstandKm: 8 },
      { lopend: [{ productId: m1.productId, ingangsdatum: "2027-01-01", einddatum: "2027-06-30" }] },
    );
    assert.ok(
      laterDagbesteding.bevindingen.some((b) => b.rule === "combination" && b.severity === "fout"),
      "a dagbesteding in another period does not count",
    );
    assert.ok(
      propose(id, { eenheid: "82", volume: 5, afstandKm: 14 }, { producten: [m1] }).bevindingen.some((b) => b.rule === "distanceBand" && b.severity === "fout"),
    );
    assert.ok(
      propose(id, { eenheid: "82", volume: 5 }, { producten: [m1] }).bevindingen.some((b) => b.rule === "distanceBand" && b.severity === "waarschuwing"),
    );
  });

  test("43A38 excludes other begeleiding and behandeling; GGZ-behandeling stays possible", () => {
    const id = "001-concept-inkoop-2025.jeugdwet.43A38";
    const withBegeleiding = propose(
      id,
      { eenheid: "14", volume: 7 },
      { geboortedatum: "2012-01-01", lopend: [{ productId: "001-concept-inkoop-2025.jeugdwet.45A48", ingangsdatum: "2026-01-01", einddatum: null }] },
    );
    assert.ok(
      withBegeleiding.bevindingen.some((b) => b.rule === "combination" && b.severity === "fout" && /begeleiding/.test(b.message)),
      JSON.stringify(withBegeleiding.bevindingen),
    );
    const alone = propose(id, { eenheid: "14", volume: 7 }, { geboortedatum: "2012-01-01" });
    assert.deepEqual(severities(alone, "combination"), []);
  });

  test("15R42 requires 15R44", () => {
    const id = "001-concept-inkoop-2025.wmo.15R42";
    assert.ok(
      propose(id, {}, { geboortedatum: "2007-01-01" }).bevindingen.some((b) => b.rule === "combination" && b.severity === "fout" && /15R44/.test(b.message)),
    );
    const withBw = propose(
      id,
      {},
      { geboortedatum: "2007-01-01", lopend: [{ productId: "001-concept-inkoop-2025.wmo.15R44", ingangsdatum: "2026-01-01", einddatum: null }] },
    );
    assert.deepEqual(severities(withBw, "combination"), []);
  });

  test("002: behoudgerichte groepsbegeleiding at least 3 dagdelen — per week or per indicatie, the document does not say", () => {
    const id = "002-wmo-2026.wmo.07A04";
    assert.deepEqual(severities(propose(id, { eenheid: "16", volume: 2 }), "contested"), ["oordeel"], "2 a week: too few per week, enough per indicatie");
    assert.deepEqual(severities(propose(id, { eenheid: "16", volume: 2, frequentie: "6" }), "volume"), ["fout"], "2 in total fails both readings");
    assert.deepEqual(severities(propose(id, { eenheid: "16", volume: 3 }), "volume"), []);
    // 14 dagdelen a month is more than 3 a week on average: both readings pass; 13 a month (2.99 a week) is contested
    const monthly = (n: number) =>
      propose(id, { eenheid: "16", volume: n, frequentie: "4" })
        .bevindingen.filter((b) => b.rule === "volume" || b.rule === "contested")
        .map((b) => b.severity);
    assert.deepEqual(monthly(14), []);
    assert.deepEqual(monthly(13), ["oordeel"]);
  });

  test("resultaatgebieden per level (004), with the document's contradiction kept as a judgement", () => {
    const at = (level: string, area: string, law = "wmo") =>
      propose(`004-nmd-pve-2026.${law}.begeleiding-${level}-kort`, { resultaatgebieden: [area], einddatum: "2026-12-31" });
    assert.deepEqual(severities(at("basisplus", "Veilige huiselijke relatie"), "resultaatgebied"), []);
    assert.deepEqual(severities(at("basis", "Veilige huiselijke relatie"), "resultaatgebied"), ["oordeel"], "table says X, line 410 says Basis is possible");
    assert.deepEqual(
      severities(at("specialistisch", "Veilige huiselijke relatie"), "resultaatgebied"),
      ["oordeel"],
      "table says ✓, line 410 names only Basis and Basis Plus",
    );
    assert.deepEqual(severities(at("basis", "Financiën op orde"), "resultaatgebied"), []);
    assert.deepEqual(severities(at("basisplus", "Veilige huiselijke relatie", "jeugdwet"), "resultaatgebied"), ["fout"], "a Wmo-only area on a Jeugd product");
    assert.deepEqual(severities(at("basis", "Schoolgang"), "resultaatgebied"), ["fout"]);
    const contested = at("basis", "Veilige huiselijke relatie");
    assert.equal(contested.toegestaan, false);
    assert.equal(contested.overrideMogelijk, true);
  });

  test("volume, unit and budget must be given consistently", () => {
    const id = "002-wmo-2026.wmo.02A04.ontwikkelgericht";
    assert.ok(
      propose(id, { eenheid: "04" }).bevindingen.some((b) => b.rule === "eenheid" && b.severity === "fout"),
      "002 grants minutes",
    );
    assert.ok(propose(id, { volume: null }).bevindingen.some((b) => b.rule === "omvang"));
    assert.equal(propose(id, { eenheid: "83", volume: null, frequentie: null, budget: 120000 }).bevindingen.filter((b) => b.rule === "omvang").length, 0);
    const unknown = checkGrant(
      catalogue,
      GrantProposal.parse({
        gemeente: "0106",
        peildatum: "2026-06-01",
        client: { geboortedatum: "1980-01-01" },
        producten: [{ productId: "nergens.wmo.XXXXX", ingangsdatum: "2026-07-01", einddatum: "2026-12-31", volume: 1, eenheid: "04", frequentie: "2" }],
      }),
    );
    assert.deepEqual(
      unknown.bevindingen.map((b) => [b.rule, b.severity]),
      [["product", "fout"]],
    );
  });

  test("the proposal is validated with Dutch messages", () => {
    const r = GrantProposal.safeParse({ gemeente: "106", peildatum: "2026-13-01", client: {}, producten: [] });
    assert.equal(r.success, false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    for (const p of ["gemeente", "peildatum", "client.geboortedatum", "producten"]) assert.ok(paths.includes(p), p);
  });
});

describe("toewijzing lifecycle", () => {
  const base: LifecycleState = { status: "toegewezen", ingangsdatum: "2026-01-01", einddatum: "2026-12-31", gedeclareerdTot: null, startdatum: null };
  const today = "2026-06-01";

  test("the transition table: every status × event is allowed or refused as the table says", () => {
    for (const status of statuses)
      for (const event of events) {
        const state = { ...base, status, startdatum: status === "toegewezen" ? null : "2026-02-01" };
        const r = applyEvent(state, { event, datum: "2026-05-01", reden: event === "wijzigen" || event === "intrekken" ? "14" : undefined }, today);
        const expected = transitions[status][event];
        assert.equal(r.ok, expected !== undefined, `${status} + ${event}`);
        if (r.ok) assert.equal(r.value.status, expected);
      }
  });

  test("no retroactive shortening except as a correction, never before what was declared (9385)", () => {
    const started = { ...base, status: "gestart" as const, startdatum: "2026-01-05" };
    assert.equal(applyEvent(started, { event: "wijzigen", datum: "2026-04-30", reden: "05" }, today).ok, false);
    assert.equal(applyEvent(started, { event: "wijzigen", datum: "2026-04-30", reden: "14" }, today).ok, true);
    assert.equal(applyEvent(started, { event: "intrekken", datum: "2026-01-31", reden: "10" }, today).ok, true, "overgang naar nieuwe bekostigingssystematiek");
    assert.equal(applyEvent(started, { event: "wijzigen", datum: "2026-08-31", reden: "05" }, today).ok, true);
    const declared = { ...started, gedeclareerdTot: "2026-05-31" };
    const r = applyEvent(declared, { event: "intrekken", datum: "2026-04-30", reden: "14" }, today);
    assert.equal(r.ok, false);
    assert.match(r.ok ? "" : r.problems[0]!.detail, /9385/);
    assert.equal(applyEvent({ ...base, gedeclareerdTot: "2026-02-28" }, { event: "verwijderen", datum: today }, today).ok, false);
    assert.equal(applyEvent(base, { event: "verwijderen", datum: today }, today).ok, true);
  });

  test("start within the toewijzing and not in the future; stop not before start", () => {
    assert.equal(applyEvent(base, { event: "start", datum: "2025-12-31" }, today).ok, false);
    assert.equal(applyEvent(base, { event: "start", datum: "2026-06-02" }, today).ok, false);
    assert.equal(applyEvent(base, { event: "start", datum: "2026-03-01" }, today).ok, true);
    assert.equal(applyEvent({ ...base, status: "gestart", startdatum: "2026-03-01" }, { event: "stop", datum: "2026-02-01" }, today).ok, false);
    assert.equal(applyEvent(base, { event: "wijzigen", datum: "2026-08-01" }, today).ok, false, "a change needs a RedenWijziging");
  });
});

describe("deadlines and working days", () => {
  test("Dutch holidays are not working days", () => {
    const h = holidays(2026);
    for (const d of ["2026-01-01", "2026-04-03", "2026-04-05", "2026-04-06", "2026-04-27", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26"])
      assert.ok(h.has(d), d);
    assert.ok(holidays(2025).has("2025-05-05"), "Bevrijdingsdag in a lustrum year");
    assert.ok(!holidays(2026).has("2026-05-05"));
    assert.ok(holidays(2025).has("2025-04-26"), "Koningsdag on a Sunday moves to Saturday");
    assert.equal(isWorkingDay("2026-06-06"), false);
    assert.equal(addWorkingDays("2026-04-24", 5), "2026-05-04", "over a weekend and Koningsdag");
  });

  const product = (id: string) => catalogue.products.find((p) => p.id === id)!;
  const subject = (id: string, over: Record<string, unknown> = {}) => ({
    product: product(id),
    status: "toegewezen" as const,
    toewijzingsdatum: "2026-05-20",
    ingangsdatum: "2026-05-20",
    einddatum: "2026-12-31",
    startdatum: null,
    verwijzer: "01" as const,
    ...over,
  });

  test("begeleiding intensief starts within 24 hours; the start is reported within 5 working days", () => {
    const d = deadlinesFor(subject("000-begeleiding-dagbesteding.wmo.02A19"), "2026-06-01");
    assert.deepEqual(d.find((x) => x.kind === "starten")?.due, "2026-05-21");
    assert.deepEqual(d.find((x) => x.kind === "start-melden")?.due, "2026-05-28", "five working days, Pinkstermaandag not counted");
  });

  test("004: the ondersteuningsplan within 2 months only after an external Jeugd referral", () => {
    const id = "004-nmd-pve-2026.jeugdwet.begeleiding-basis-kort";
    assert.equal(deadlinesFor(subject(id), "2026-06-01").filter((x) => x.kind === "plan").length, 0);
    const external = deadlinesFor(subject(id, { verwijzer: "02" }), "2026-06-01").find((x) => x.kind === "plan");
    assert.equal(external?.due, "2026-07-20");
  });

  test("002: evaluation every 6 months (ontwikkelgericht) or 12 months (behoudgericht) after the start", () => {
    const ontw = deadlinesFor(
      subject("002-wmo-2026.wmo.02A04.ontwikkelgericht", { status: "gestart", startdatum: "2026-01-10", einddatum: "2027-12-31" }),
      "2026-08-01",
    );
    assert.deepEqual(
      ontw.filter((x) => x.kind === "evaluatie").map((x) => x.due),
      ["2027-01-10"],
    );
    const behoud = deadlinesFor(
      subject("002-wmo-2026.wmo.02A22.behoudgericht", { status: "gestart", startdatum: "2026-01-10", einddatum: "2027-12-31" }),
      "2026-08-01",
    );
    assert.deepEqual(
      behoud.filter((x) => x.kind === "evaluatie").map((x) => x.due),
      ["2027-01-10"],
    );
    const behoudEarly = deadlinesFor(
      subject("002-wmo-2026.wmo.02A22.behoudgericht", { status: "gestart", startdatum: "2026-01-10", einddatum: "2027-12-31" }),
      "2026-06-01",
    );
    const ontwEarly = deadlinesFor(
      subject("002-wmo-2026.wmo.02A04.ontwikkelgericht", { status: "gestart", startdatum: "2026-01-10", einddatum: "2027-12-31" }),
      "2026-06-01",
    );
    assert.deepEqual(
      ontwEarly.filter((x) => x.kind === "evaluatie").map((x) => x.due),
      ["2026-07-10"],
    );
    assert.deepEqual(
      behoudEarly.filter((x) => x.kind === "evaluatie").map((x) => x.due),
      ["2027-01-10"],
    );
  });

  test("a stop is due within 5 working days when the toewijzing has ended", () => {
    const ended = deadlinesFor(
      subject("002-wmo-2026.wmo.02A04.ontwikkelgericht", { status: "gestart", startdatum: "2026-01-10", einddatum: "2026-05-29" }),
      "2026-06-10",
    );
    assert.equal(ended.find((x) => x.kind === "stop-melden")?.due, "2026-06-05");
  });
});

describe("granted volume per frequency", () => {
  for (const [omvang, freq, begin, end, expected] of [
    [2, "1", "2026-03-01", "2026-03-31", 62],
    [4, "2", "2026-03-01", "2026-03-31", 18],
    [4, "2", "2026-03-01", "2026-03-07", 4],
    [10, "4", "2026-03-10", "2026-04-05", 20],
    [100, "6", "2026-01-01", "2026-12-31", 100],
  ] as const)
    test(`${omvang} × frequentie ${freq} from ${begin} to ${end} is ${expected}`, () => assert.equal(allowedVolume(omvang, freq, begin, end), expected));
});
