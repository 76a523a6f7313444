import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { SqlProviderRepository } from "../src/adapters/db/provider-repository.ts";
import type { ProviderRecord } from "../src/domain/compliance/provider.ts";
import { type TestApp, testApp } from "./support/app.ts";
import { dbLabel } from "./support/db.ts";

/**
 * The care chain through the API on a real database (PGlite, or PostgreSQL with DATABASE_URL): a toegang user
 * grants with the documents' rules enforced, an aanbieder reports start and declares, a controller watches budgets.
 * Today is 2026-06-01 (test/support/app.ts).
 */
const AGB = "98765432";
const BASIS_KORT = "004-nmd-pve-2026.wmo.begeleiding-basis-kort";
const KAMERTRAINING = "001-concept-inkoop-2025.jeugdwet.44K28";
const BSN = "999990019";

describe(`care chain API on ${dbLabel()}`, () => {
  let t: TestApp;
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  let clientId = 0;
  const nummers: string[] = [];
  before(async () => {
    t = await testApp({ demoUsers: true });
    await t.kader.auth.addUser({
      username: "toegang-beilen",
      displayName: "T. Beilen",
      role: "toegang",
      gemeentecode: "1681",
      password: "een-lang-wachtwoord",
    });
    await t.kader.auth.addUser({
      username: "controller-assen",
      displayName: "C. Assen",
      role: "controller",
      gemeentecode: "0106",
      password: "een-lang-wachtwoord",
    });
    await t.kader.auth.addUser({ username: "aanbieder-twee", displayName: "A. Twee", role: "aanbieder", agbCode: "11112222", password: "een-lang-wachtwoord" });
    for (const [u, pw] of [
      ["toegang", "kader-demo"],
      ["aanbieder", "kader-demo"],
      ["controller", "kader-demo"],
      ["controller-assen", "een-lang-wachtwoord"],
      ["toegang-beilen", "een-lang-wachtwoord"],
      ["aanbieder-twee", "een-lang-wachtwoord"],
    ]) {
      const r = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u, password: pw } });
      assert.equal(r.statusCode, 200, u);
      sessions.set(u!, { cookie: String(r.headers["set-cookie"]).split(";")[0]!, csrf: r.json().csrfToken });
    }
    const provider: ProviderRecord = {
      agbCode: AGB as ProviderRecord["agbCode"],
      name: "Zorg Voorbeeld B.V.",
      kvk: null,
      gemeentecodes: ["0106" as ProviderRecord["gemeentecodes"][number]],
      evidence: [],
      contracts: [
        { productId: BASIS_KORT, gemeentecode: "0106" as ProviderRecord["gemeentecodes"][number], validFrom: "2026-01-01", validTo: null, tariffCents: 6500 },
      ],
    };
    await new SqlProviderRepository(t.db).save(provider, "2026-01-01T00:00:00.000Z");
  });
  after(async () => t.close());
  const as = (u: string) => ({ cookie: sessions.get(u)!.cookie, "x-csrf-token": sessions.get(u)!.csrf });
  const post = (u: string | null, url: string, payload: unknown) =>
    t.app.inject({ method: "POST", url: `/api/v1${url}`, headers: u ? as(u) : {}, payload: payload as object });
  const get = (u: string | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, headers: u ? as(u) : {} });
  const product = (over: Record<string, unknown> = {}) => ({
    productId: BASIS_KORT,
    ingangsdatum: "2026-03-01",
    einddatum: "2026-12-31",
    volume: 4,
    eenheid: "04",
    frequentie: "2",
    aanbieder: AGB,
    ...over,
  });

  test("clients: toegang registers with a checked BSN; others may not", async () => {
    const bad = await post("toegang", "/clienten", { gemeente: "0106", bsn: "123456789", geboortedatum: "1980-05-05", naam: "Test" });
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers["content-type"]), /application\/problem\+json/);
    assert.equal(bad.json().problems[0].path, "bsn");
    assert.equal((await post(null, "/clienten", { gemeente: "0106", bsn: BSN, geboortedatum: "1980-05-05", naam: "Test" })).statusCode, 401);
    assert.equal((await post("aanbieder", "/clienten", { gemeente: "0106", bsn: BSN, geboortedatum: "1980-05-05", naam: "Test" })).statusCode, 403);
    assert.equal((await post("toegang-beilen", "/clienten", { gemeente: "0106", bsn: BSN, geboortedatum: "1980-05-05", naam: "Test" })).statusCode, 403);
    const ok = await post("toegang", "/clienten", {
      gemeente: "0106",
      bsn: BSN,
      geboortedatum: "1980-05-05",
      naam: "Jan Test",
      adres: { postcode: "9401 AA", plaats: "Assen" },
    });
    assert.equal(ok.statusCode, 201, ok.body);
    clientId = ok.json().id;
    assert.equal((await post("toegang", "/clienten", { gemeente: "0106", bsn: BSN, geboortedatum: "1980-05-05", naam: "Jan Test" })).statusCode, 422);
    const parts = await post("toegang", "/clienten", {
      gemeente: "0106",
      bsn: "123456782",
      geboortedatum: "1990-01-01",
      naamdelen: { voorletters: "AM", voorvoegsel: "van", achternaam: "Dijk", geslacht: "2" },
    });
    assert.equal(parts.statusCode, 201, parts.body);
    assert.equal(parts.json().naam, "A.M. van Dijk", "the display name made from the parts");
    assert.deepEqual(parts.json().naamdelen, { voorletters: "AM", voorvoegsel: "van", achternaam: "Dijk", geslacht: "2" });
    assert.equal(
      (await post("toegang", "/clienten", { gemeente: "0106", bsn: "111222333", geboortedatum: "1990-01-01" })).statusCode,
      400,
      "a name or its parts",
    );
  });

  test("grant: a rule violation refuses; a contradiction needs a motivated override by toegang; numbers are unique per law", async () => {
    const refused = await post("toegang", "/beschikkingen", {
      clientId,
      wet: "wmo",
      beschikkingnummer: "B-1",
      afgiftedatum: "2026-02-20",
      producten: [product({ einddatum: "2027-06-30" })],
    });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.json().detail, /maximaal 12 maanden/);
    const contested = {
      clientId,
      wet: "wmo",
      beschikkingnummer: "B-2",
      afgiftedatum: "2026-02-20",
      producten: [product({ resultaatgebieden: ["Veilige huiselijke relatie"] })],
    };
    const needsJudgement = await post("toegang", "/beschikkingen", contested);
    assert.equal(needsJudgement.statusCode, 422);
    assert.match(needsJudgement.json().detail, /oordeel/);
    const overridden = await post("toegang", "/beschikkingen", {
      ...contested,
      override: { motivering: "Huiselijke onveiligheid is licht; basisniveau volstaat, besproken met gedragsdeskundige." },
    });
    assert.equal(overridden.statusCode, 201, overridden.body);
    const body = overridden.json();
    assert.equal(body.beschikking.override.door, "toegang");
    assert.equal(body.toewijzingen.length, 1);
    nummers.push(body.toewijzingen[0].toewijzingnummer);
    const second = await post("toegang", "/beschikkingen", {
      clientId,
      wet: "wmo",
      beschikkingnummer: "B-3",
      afgiftedatum: "2026-02-20",
      producten: [product({ ingangsdatum: "2026-03-01", einddatum: "2026-08-31" })],
    });
    assert.equal(second.statusCode, 201, second.body);
    nummers.push(second.json().toewijzingen[0].toewijzingnummer);
    assert.deepEqual(nummers, ["1", "2"]);
    assert.equal(
      (await post("toegang", "/beschikkingen", { clientId, wet: "wmo", beschikkingnummer: "B-3", afgiftedatum: "2026-02-20", producten: [product()] }))
        .statusCode,
      422,
      "beschikkingnummer unique",
    );
    assert.equal(
      (await post("toegang", "/beschikkingen", { clientId, wet: "jeugdwet", beschikkingnummer: "B-4", afgiftedatum: "2026-02-20", producten: [product()] }))
        .statusCode,
      400,
      "a Wmo product in a Jeugdwet beschikking",
    );
    assert.equal((await post("controller", "/beschikkingen", { ...contested, beschikkingnummer: "B-9" })).statusCode, 403);
  });

  test("grant check as you type: /clienten/:id/toets uses the client's age and running toewijzingen", async () => {
    const r = await post("toegang", `/clienten/${clientId}/toets`, {
      peildatum: "2026-06-01",
      producten: [{ productId: KAMERTRAINING, ingangsdatum: "2026-07-01", einddatum: "2026-12-31", volume: 7, eenheid: "14", frequentie: "2" }],
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(
      r.json().bevindingen.some((b: { rule: string; severity: string }) => b.rule === "age" && b.severity === "fout"),
      "a 46-year-old is too old for Kamertraining",
    );
    assert.equal((await post("aanbieder", `/clienten/${clientId}/toets`, { producten: [] })).statusCode, 403);
  });

  test("lifecycle: the aanbieder starts its own toewijzing, cannot change it; other gemeenten and the controller cannot act", async () => {
    const url = (n: string) => `/toewijzingen/0106/wmo/${n}/gebeurtenissen`;
    // another aanbieder's or gemeente's toewijzing answers as an unknown one (404); a role that may never act, 403
    assert.equal((await post("aanbieder-twee", url(nummers[0]!), { event: "start", datum: "2026-03-02" })).statusCode, 404);
    assert.equal((await post("controller", url(nummers[0]!), { event: "start", datum: "2026-03-02" })).statusCode, 403);
    assert.equal((await post("toegang-beilen", url(nummers[0]!), { event: "start", datum: "2026-03-02" })).statusCode, 404);
    const started = await post("aanbieder", url(nummers[0]!), { event: "start", datum: "2026-03-02" });
    assert.equal(started.statusCode, 200, started.body);
    assert.equal(started.json().status, "gestart");
    assert.equal((await post("aanbieder", url(nummers[0]!), { event: "wijzigen", datum: "2026-09-30", reden: "05" })).statusCode, 403);
    const again = await post("aanbieder", url(nummers[0]!), { event: "start", datum: "2026-03-03" });
    assert.equal(again.statusCode, 422, "a started toewijzing cannot start again");
    assert.equal(
      (await post("aanbieder", url("999"), { event: "start", datum: "2026-03-02" })).statusCode,
      404,
      "an unknown number and someone else's get the same answer",
    );
    assert.equal((await post("toegang", url("999"), { event: "start", datum: "2026-03-02" })).statusCode, 404);
    const history = await get("toegang", `/toewijzingen/0106/wmo/${nummers[0]}`);
    assert.deepEqual(
      history.json().events.map((e: { event: string }) => e.event),
      ["start"],
    );
  });

  test("work list: the unstarted toewijzing's start report is due", async () => {
    const r = await get("toegang", "/werklijst");
    assert.equal(r.statusCode, 200);
    const items = r.json().items as { kind: string; toewijzingnummer: string; overdue: boolean }[];
    assert.ok(items.some((i) => i.kind === "start-melden" && i.toewijzingnummer === nummers[1] && i.overdue));
    assert.ok(!items.some((i) => i.kind === "start-melden" && i.toewijzingnummer === nummers[0]));
  });

  const declaratie = (nummer: string, prestaties: Record<string, unknown>[]) => ({
    declaratienummer: nummer,
    aanbieder: AGB,
    gemeente: "0106",
    wet: "wmo",
    periode: { begindatum: "2026-04-01", einddatum: "2026-04-30" },
    dagtekening: "2026-05-05",
    prestaties,
  });
  const prestatie = (over: Record<string, unknown> = {}) => ({
    referentienummer: "R1",
    bsn: BSN,
    toewijzingnummer: "1",
    productcategorie: "00",
    productcode: null,
    begindatum: "2026-04-01",
    einddatum: "2026-04-30",
    geleverdVolume: 16,
    eenheid: "04",
    productTarief: 6500,
    bedrag: 16 * 6500,
    debetCredit: "D",
    ...over,
  });
  const counts = async () =>
    (await t.db.query<{ d: number; p: number }>("select (select count(*)::int from declaratie) as d, (select count(*)::int from prestatie) as p"))[0]!;

  test("declaraties: per-prestatie answers with retourcodes; the same file twice changes nothing; 9333 for a reused number", async () => {
    const d = declaratie("APR-1", [
      prestatie(),
      prestatie({ referentienummer: "R2", toewijzingnummer: "2", geleverdVolume: 40, bedrag: 40 * 6500 }),
      prestatie({ referentienummer: "R3", productTarief: 7000, bedrag: 16 * 7000 }),
    ]);
    const r = await post("aanbieder", "/declaraties", d);
    assert.equal(r.statusCode, 201, r.body);
    const answer = r.json().antwoorden[0];
    assert.deepEqual(
      answer.result.prestaties.map((p: { retourcodes: string[] }) => p.retourcodes),
      [["0200"], ["9321"], ["0611"]],
    );
    assert.equal(answer.result.toegekend, 16 * 6500);
    const before = await counts();
    const again = await post("aanbieder", "/declaraties", d);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().antwoorden[0].herhaald, true);
    assert.deepEqual(
      again.json().antwoorden[0].result.prestaties.map((p: { retourcodes: string[] }) => p.retourcodes),
      [["0200"], ["9321"], ["0611"]],
    );
    assert.deepEqual(await counts(), before);
    const reused = await post("aanbieder", "/declaraties", declaratie("APR-1", [prestatie({ referentienummer: "R9" })]));
    assert.equal(reused.json().antwoorden[0].result.afgewezen.retourcode, "9333");
    assert.deepEqual(await counts(), before, "a rejected declaratie is not stored");
  });

  test("declaraties: only the aanbieder itself may submit; toegang and controller read their gemeente's", async () => {
    assert.equal((await post("aanbieder-twee", "/declaraties", declaratie("X-1", [prestatie({ referentienummer: "Z1" })]))).statusCode, 403);
    assert.equal((await post("toegang", "/declaraties", declaratie("X-2", [prestatie({ referentienummer: "Z2" })]))).statusCode, 403);
    // another tenant's declaratie answers as an unknown one (404, the same body)
    assert.equal((await get("aanbieder-twee", `/declaraties/${AGB}/wmo/APR-1`)).statusCode, 404);
    assert.equal((await get("toegang-beilen", `/declaraties/${AGB}/wmo/APR-1`)).statusCode, 404);
    assert.equal((await get("controller", `/declaraties/${AGB}/wmo/APR-1`)).statusCode, 404, "the controller of Tynaarlo");
    const detail = await get("controller-assen", `/declaraties/${AGB}/wmo/APR-1`);
    assert.equal(detail.statusCode, 200);
    assert.equal(detail.json().prestaties.length, 3);
    const list = await get("aanbieder-twee", "/declaraties");
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.json().items.length, 0);
  });

  test("declaraties as CSV; a bad row names its line and writes nothing", async () => {
    const header =
      "declaratienummer;aanbieder;gemeente;wet;periode_begin;periode_eind;dagtekening;referentienummer;vorig_referentienummer;bsn;toewijzingnummer;productcategorie;productcode;begindatum;einddatum;geleverd_volume;eenheid;product_tarief;bedrag;debet_credit;km";
    const row = (ref: string, bsn: string) =>
      `MEI-1;${AGB};0106;wmo;2026-05-01;2026-05-31;2026-06-01;${ref};;${bsn};1;00;;2026-05-01;2026-05-31;12;04;6500;78000;D;`;
    const before = await counts();
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/declaraties",
      headers: { ...as("aanbieder"), "content-type": "text/csv" },
      payload: [header, row("M1", BSN), row("M2", "123456789")].join("\n"),
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().problems[0].line, 3);
    assert.deepEqual(await counts(), before);
    const good = await t.app.inject({
      method: "POST",
      url: "/api/v1/declaraties",
      headers: { ...as("aanbieder"), "content-type": "text/csv" },
      payload: [header, row("M1", BSN)].join("\n"),
    });
    assert.equal(good.statusCode, 201, good.body);
    assert.deepEqual(good.json().antwoorden[0].result.prestaties[0].retourcodes, ["0200"]);
  });

  test("a declared toewijzing cannot end before what was approved (9385)", async () => {
    const r = await post("toegang", `/toewijzingen/0106/wmo/1/gebeurtenissen`, { event: "intrekken", datum: "2026-04-15", reden: "14" });
    assert.equal(r.statusCode, 422);
    assert.match(r.json().detail, /9385/);
  });

  test("budget: granted vs declared vs approved, with an Excel export; the aanbieder sees only its own", async () => {
    assert.equal((await get("controller", "/budget?groep=aanbieder")).json().rows.length, 0, "Tynaarlo has no toewijzingen");
    const r = await get("controller-assen", "/budget?groep=aanbieder&peildatum=2026-06-01");
    assert.equal(r.statusCode, 200, r.body);
    const row = r.json().rows.find((x: { key: string }) => x.key === AGB);
    assert.equal(row.betaald, 16 * 6500 + 12 * 6500);
    assert.ok(row.ingediend > row.betaald);
    assert.ok(row.toegekendBudget > 0);
    assert.deepEqual(
      r.json().maanden.map((m: { maand: string }) => m.maand),
      ["2026-04", "2026-05"],
    );
    const xlsx = await get("controller-assen", "/budget?groep=product&format=xlsx");
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ["Per product", "Per maand", "Signalen", "Over"],
    );
    assert.equal((await get("controller-assen", "/budget?groep=onzin")).statusCode, 400);
    assert.equal((await get("aanbieder-twee", "/budget?groep=aanbieder")).json().rows.length, 0);
    assert.equal((await get(null, "/budget")).statusCode, 401);
  });

  test("client overview: the aanbieder sees its own toewijzingen only; the access log never holds a BSN", async () => {
    const own = await get("aanbieder", `/clienten/${clientId}`);
    assert.equal(own.statusCode, 200);
    assert.ok(own.json().toewijzingen.every((x: { agbCode: string }) => x.agbCode === AGB));
    assert.equal((await get("aanbieder-twee", `/clienten/${clientId}`)).statusCode, 404, "another aanbieder's client answers as an unknown one");
    assert.equal((await get("toegang-beilen", `/clienten/${clientId}`)).statusCode, 404);
    const log = await t.db.query<{ row: string }>("select row_to_json(a)::text as row from access_log a");
    assert.ok(log.length > 10);
    assert.ok(
      log.every((l) => !l.row.includes(BSN)),
      "no BSN in the access log",
    );
    assert.ok(log.some((l) => l.row.includes("declaraties: indienen en controleren")));
  });
});
