import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { SqlProviderRepository } from "../../src/adapters/db/provider-repository.ts";
import type { ProviderRecord } from "../../src/domain/compliance/provider.ts";
import { type TestApp, testApp } from "../support/app.ts";
import { dbLabel } from "../support/db.ts";
import { assertDutchProblem, type Session, signIn, unchanged } from "./support.ts";

/**
 * Issue 13 §1: a declaratie file is all or nothing. A CSV or JSON list with several declaraties in which one row is
 * invalid, or one declaratie names another aanbieder, stores none of them; the answer lists every error with its CSV
 * row and column in Dutch; a value that is there but wrong says so; a BSN never appears in an error. The same file
 * again, once valid, still changes nothing (idempotency).
 */
const AGB = "98765432";
const OTHER_AGB = "11112222";
const BSN = "999990019";
const BSN2 = "123456782";
const PRODUCT = "004-nmd-pve-2026.wmo.begeleiding-basis-kort";
const HEADER =
  "declaratienummer;aanbieder;gemeente;wet;periode_begin;periode_eind;dagtekening;referentienummer;vorig_referentienummer;bsn;toewijzingnummer;productcategorie;productcode;begindatum;einddatum;geleverd_volume;eenheid;product_tarief;bedrag;debet_credit;km";
const row = (o: { nr?: string; agb?: string; ref: string; bsn?: string; tw?: string; volume?: string; gemeente?: string; cell?: string }) =>
  `${o.nr ?? "MEI-1"};${o.agb ?? AGB};${o.gemeente ?? "0106"};wmo;2026-05-01;2026-05-31;2026-06-01;${o.ref};;${o.bsn ?? BSN};${o.tw ?? "1"};00;;2026-05-01;2026-05-31;${o.volume ?? "4"};04;6500;${Number(o.volume ?? "4") * 6500 || 0};D;${o.cell ?? ""}`;
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n");

describe(`declaratie files are all or nothing, on ${dbLabel()}`, () => {
  let t: TestApp;
  let aanbieder: Session;
  let toegang: Session;
  before(async () => {
    t = await testApp({ demoUsers: true });
    aanbieder = await signIn(t.app, "aanbieder");
    toegang = await signIn(t.app, "toegang");
    // two clients with a toewijzing each (numbers 1 and 2) for the demo aanbieder, and its contract tariff
    for (const [bsn, nr] of [
      [BSN, "B-1"],
      [BSN2, "B-2"],
    ] as const) {
      const c = await t.app.inject({
        method: "POST",
        url: "/api/v1/clienten",
        headers: toegang.headers,
        payload: { gemeente: "0106", bsn, geboortedatum: "1980-05-05", naam: `Cliënt ${nr}` },
      });
      assert.equal(c.statusCode, 201, c.body);
      const g = await t.app.inject({
        method: "POST",
        url: "/api/v1/beschikkingen",
        headers: toegang.headers,
        payload: {
          clientId: c.json().id,
          wet: "wmo",
          beschikkingnummer: nr,
          afgiftedatum: "2026-02-20",
          producten: [{ productId: PRODUCT, ingangsdatum: "2026-03-01", einddatum: "2026-08-31", volume: 4, eenheid: "04", frequentie: "2", aanbieder: AGB }],
        },
      });
      assert.equal(g.statusCode, 201, g.body);
    }
    const gm = "0106" as ProviderRecord["gemeentecodes"][number];
    await new SqlProviderRepository(t.db).save(
      {
        agbCode: AGB as ProviderRecord["agbCode"],
        name: "Zorg",
        kvk: null,
        gemeentecodes: [gm],
        evidence: [],
        contracts: [{ productId: PRODUCT, gemeentecode: gm, validFrom: "2026-01-01", validTo: null, tariffCents: 6500 }],
      },
      "2026-01-01T00:00:00Z",
    );
  });
  after(async () => t.close());

  const upload = (body: string, who: Session = aanbieder) =>
    t.app.inject({ method: "POST", url: "/api/v1/declaraties", headers: { ...who.headers, "content-type": "text/csv" }, payload: body });
  const stored = async () => (await t.db.query<{ n: number }>("select count(*)::int as n from declaratie"))[0]!.n;
  type P = { detail: string; line?: number; column?: string; path?: string; code: string };

  test("CSV with two declaraties, one row invalid: nothing stored; every error with row, column and a Dutch message", async () => {
    const file = csv(
      row({ nr: "MEI-1", ref: "A1" }),
      row({ nr: "MEI-2", ref: "A2", tw: "2", bsn: BSN2 }),
      row({ nr: "MEI-2", ref: "A3", tw: "2", bsn: "123456789" }),
      row({ nr: "MEI-2", ref: "A4", tw: "2", bsn: BSN2, volume: "vier" }),
    );
    const body = await unchanged(t.db, "an invalid row", async () => assertDutchProblem(await upload(file), 400, "an invalid row"));
    const problems = body.problems as unknown as P[];
    const at = problems.map((p) => [p.line, p.column]);
    assert.deepEqual(
      at,
      [
        [4, "bsn"],
        [5, "geleverd_volume"],
      ],
      JSON.stringify(problems),
    );
    assert.match(problems[0]!.detail, /^rij 4, kolom bsn: de waarde is geen geldig BSN \(9 cijfers en de elfproef\)$/);
    assert.match(problems[1]!.detail, /^rij 5, kolom geleverd_volume: verwacht getal, gevonden "vier"$/);
    for (const p of problems) assert.doesNotMatch(p.detail, /verplicht veld ontbreekt/, "a value that is there is not missing");
    assert.ok(!JSON.stringify(body).includes("123456789"), "no BSN in an error, not even an invalid one");
    assert.equal(await stored(), 0, "the valid declaratie MEI-1 is not stored either");
  });

  test("a declaratie of another aanbieder in the file: 403 for the file, nothing stored, the refusal names its row", async () => {
    const file = csv(row({ nr: "MEI-1", ref: "A1" }), row({ nr: "X-1", agb: OTHER_AGB, ref: "Z1" }));
    const r = await unchanged(t.db, "another aanbieder", () => upload(file));
    const body = assertDutchProblem(r, 403, "another aanbieder");
    const p = (body.problems as unknown as P[])[0]!;
    assert.equal(p.line, 3);
    assert.match(p.detail, /^rij 3: declaratie X-1 van aanbieder 11112222: geen toegang/);
    assert.equal(await stored(), 0);
  });

  test("authorisation comes before validation: another aanbieder's row and an invalid row give only the refusal", async () => {
    const file = csv(row({ nr: "MEI-1", ref: "A1", bsn: "123456789" }), row({ nr: "X-1", agb: OTHER_AGB, ref: "Z1" }));
    const body = assertDutchProblem(await unchanged(t.db, "refusal first", () => upload(file)), 403, "refusal first");
    assert.deepEqual(
      (body.problems as unknown as P[]).map((p) => p.code),
      ["forbidden"],
    );
  });

  test("a NUL or another control character in a cell: a Dutch problem naming row and column, never a 500", async () => {
    const file = csv(row({ nr: "MEI-1", ref: "A\u00001" }), row({ nr: "MEI-1", ref: "A2", tw: "2", bsn: BSN2, cell: "\u0007" }));
    const body = assertDutchProblem(await unchanged(t.db, "NUL", () => upload(file)), 400, "NUL in a cell");
    const problems = body.problems as unknown as P[];
    assert.deepEqual(
      problems.map((p) => [p.line, p.column]),
      [
        [2, "referentienummer"],
        [3, "km"],
      ],
      JSON.stringify(problems),
    );
    assert.match(problems[0]!.detail, /^rij 2, kolom referentienummer: de cel bevat een NUL-teken \(U\+0000\)/);
    assert.match(problems[1]!.detail, /^rij 3, kolom km: de cel bevat een stuurteken/);
    // and in JSON, where no reader looks at cells: refused with the field path (by the boundary or the schema)
    const json = await t.app.inject({
      method: "POST",
      url: "/api/v1/declaraties",
      headers: aanbieder.headers,
      payload: {
        declaratienummer: "J\u00001",
        aanbieder: AGB,
        gemeente: "0106",
        wet: "wmo",
        periode: { begindatum: "2026-05-01", einddatum: "2026-05-31" },
        dagtekening: "2026-06-01",
        prestaties: [],
      },
    });
    const jb = assertDutchProblem(json, 400, "NUL in JSON");
    assert.ok(
      (jb.problems as unknown as P[]).some((p) => p.path === "declaratienummer" && /stuurteken|NUL-teken/.test(p.detail)),
      json.body,
    );
  });

  test("rows of one declaratie that disagree on its own fields are an error, not silently ignored", async () => {
    const file = csv(row({ nr: "MEI-1", ref: "A1" }), row({ nr: "MEI-1", ref: "A2", tw: "2", bsn: BSN2, gemeente: "0344" }));
    const body = assertDutchProblem(await unchanged(t.db, "disagreeing rows", () => upload(file)), 400, "disagreeing rows");
    const p = (body.problems as unknown as P[])[0]!;
    assert.deepEqual([p.line, p.column], [3, "gemeente"]);
    assert.match(p.detail, /wijkt af van rij 2/);
  });

  test("a JSON list of declaraties is one transaction too; the valid file is stored whole, and again changes nothing", async () => {
    const decl = (nr: string, prestaties: Record<string, unknown>[]) => ({
      declaratienummer: nr,
      aanbieder: AGB,
      gemeente: "0106",
      wet: "wmo",
      periode: { begindatum: "2026-04-01", einddatum: "2026-04-30" },
      dagtekening: "2026-05-05",
      prestaties,
    });
    const p = (ref: string, tw: string, bsn: string, over: Record<string, unknown> = {}) => ({
      referentienummer: ref,
      bsn,
      toewijzingnummer: tw,
      productcategorie: "00",
      productcode: null,
      begindatum: "2026-04-01",
      einddatum: "2026-04-30",
      geleverdVolume: 4,
      eenheid: "04",
      productTarief: 6500,
      bedrag: 26000,
      debetCredit: "D",
      ...over,
    });
    const bad = [decl("APR-1", [p("J1", "1", BSN)]), decl("APR-2", [p("J2", "2", BSN2, { geleverdVolume: "4" })])];
    const r = await unchanged(t.db, "a JSON list", () =>
      t.app.inject({ method: "POST", url: "/api/v1/declaraties", headers: aanbieder.headers, payload: bad }),
    );
    const body = assertDutchProblem(r, 400, "a JSON list");
    const prob = (body.problems as unknown as P[])[0]!;
    assert.equal(prob.path, "prestaties.0.geleverdVolume");
    assert.match(prob.detail, /^declaratie 2 \(APR-2\): verwacht getal, gevonden "4"$/);
    assert.equal(await stored(), 0);

    const good = [decl("APR-1", [p("J1", "1", BSN)]), decl("APR-2", [p("J2", "2", BSN2)])];
    const ok = await t.app.inject({ method: "POST", url: "/api/v1/declaraties", headers: aanbieder.headers, payload: good });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.deepEqual(
      ok.json().antwoorden.map((a: { result: { prestaties: { retourcodes: string[] }[] } }) => a.result.prestaties[0]!.retourcodes),
      [["0200"], ["0200"]],
    );
    assert.equal(await stored(), 2);
    const again = await unchanged(t.db, "the same list again", () =>
      t.app.inject({ method: "POST", url: "/api/v1/declaraties", headers: aanbieder.headers, payload: good }),
    );
    assert.equal(again.statusCode, 200);
    assert.ok(again.json().antwoorden.every((a: { herhaald: boolean }) => a.herhaald));
  });

  test("a valid CSV with two declaraties is stored whole, with one answer each", async () => {
    const file = csv(row({ nr: "MEI-1", ref: "M1" }), row({ nr: "MEI-2", ref: "M2", tw: "2", bsn: BSN2 }));
    const before = await stored();
    const r = await upload(file);
    assert.equal(r.statusCode, 201, r.body);
    assert.deepEqual(
      r.json().antwoorden.map((a: { declaratie: { declaratienummer: string } }) => a.declaratie.declaratienummer),
      ["MEI-1", "MEI-2"],
    );
    assert.equal(await stored(), before + 2);
  });
});
