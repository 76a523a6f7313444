import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "./support/app.ts";
import { dbLabel } from "./support/db.ts";

/**
 * Issue 13 §2 and §3 for the care chain: a BSN never in a URL (POST /clienten/zoeken), another tenant's record answers
 * like an unknown one (404, same body, the refusal still logged), the access log names whose data was read, and a
 * product that is not in force on the date asked says from or until when it is.
 */
const AGB = "98765432";
const BSN = "246800008";
const OTHER_BSN = "999990019";
const PRODUCT = "004-nmd-pve-2026.wmo.begeleiding-basis-kort";

interface LogItem {
  endpoint: string;
  allowed: boolean;
  resource: string;
  subject: { clientIds: number[]; records: string[]; filter?: string; count?: number } | null;
}

describe(`care chain privacy on ${dbLabel()}`, () => {
  let t: TestApp;
  const sessions = new Map<string, Record<string, string>>();
  let own = 0;
  let other = 0;
  before(async () => {
    t = await testApp({ demoUsers: true });
    await t.kader.auth.addUser({
      username: "toegang-beilen",
      displayName: "T. Beilen",
      role: "toegang",
      gemeentecode: "1681",
      password: "een-lang-wachtwoord",
    });
    await t.kader.auth.addUser({ username: "aanbieder-twee", displayName: "A. Twee", role: "aanbieder", agbCode: "11112222", password: "een-lang-wachtwoord" });
    for (const [u, pw] of [
      ["toegang", "kader-demo"],
      ["aanbieder", "kader-demo"],
      ["beheerder", "kader-demo"],
      ["toegang-beilen", "een-lang-wachtwoord"],
      ["aanbieder-twee", "een-lang-wachtwoord"],
    ] as const) {
      const r = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u, password: pw } });
      assert.equal(r.statusCode, 200, u);
      sessions.set(u, { cookie: String(r.headers["set-cookie"]).split(";")[0]!, "x-csrf-token": r.json().csrfToken });
    }
    const a = await post("toegang", "/clienten", { gemeente: "0106", bsn: BSN, geboortedatum: "1980-05-05", naam: "Anna Assen" });
    assert.equal(a.statusCode, 201, a.body);
    own = a.json().id;
    const b = await post("toegang-beilen", "/clienten", { gemeente: "1681", bsn: OTHER_BSN, geboortedatum: "1970-01-01", naam: "Bert Beilen" });
    assert.equal(b.statusCode, 201, b.body);
    other = b.json().id;
    const g = await post("toegang", "/beschikkingen", {
      clientId: own,
      wet: "wmo",
      beschikkingnummer: "P-1",
      afgiftedatum: "2026-02-20",
      producten: [{ productId: PRODUCT, ingangsdatum: "2026-03-01", einddatum: "2026-08-31", volume: 4, eenheid: "04", frequentie: "2", aanbieder: AGB }],
    });
    assert.equal(g.statusCode, 201, g.body);
    const decl = await post("aanbieder", "/declaraties", {
      declaratienummer: "PRIV-1",
      aanbieder: AGB,
      gemeente: "0106",
      wet: "wmo",
      periode: { begindatum: "2026-04-01", einddatum: "2026-04-30" },
      dagtekening: "2026-05-05",
      prestaties: [
        {
          referentienummer: "P1",
          bsn: BSN,
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
        },
      ],
    });
    assert.equal(decl.statusCode, 201, decl.body);
  });
  after(async () => t.close());
  const post = (u: string | null, url: string, payload: unknown) =>
    t.app.inject({ method: "POST", url: `/api/v1${url}`, headers: u ? sessions.get(u)! : {}, payload: payload as object });
  const get = (u: string | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, headers: u ? sessions.get(u)! : {} });
  /** the body with the key the caller asked for replaced, so two answers can be compared */
  const same = (r: { body: string }, key: string) => r.body.replace(new RegExp(`(?<![\\w-])${key}(?![\\w-])`, "g"), "X");
  const accessLog = async () => (await t.db.query<{ row: string }>("select row_to_json(a)::text as row from access_log a")).map((r) => r.row);

  test("BSN search: POST /clienten/zoeken with the BSN in the body; GET /clienten refuses a BSN-like q without repeating it", async () => {
    const found = await post("toegang", "/clienten/zoeken", { q: BSN });
    assert.equal(found.statusCode, 200, found.body);
    assert.deepEqual(
      found.json().items.map((c: { id: number }) => c.id),
      [own],
    );
    assert.equal((await post("toegang", "/clienten/zoeken", { q: BSN.slice(1) })).json().total, 0, "another number finds nothing");
    assert.equal((await post("toegang", "/clienten/zoeken", { q: "Anna", pagina: 1 })).json().total, 1, "by name too");
    assert.equal((await post("toegang", "/clienten/zoeken", { q: "x", onbekend: 1 })).statusCode, 400);
    assert.equal((await post(null, "/clienten/zoeken", { q: BSN })).statusCode, 401);
    for (const q of [BSN, "24680000", `Anna ${BSN}`, "2468 0000 8"]) {
      const r = await get("toegang", `/clienten?q=${encodeURIComponent(q)}`);
      assert.equal(r.statusCode, 400, q);
      assert.match(r.json().detail, /POST \/api\/v1\/clienten\/zoeken/);
      assert.ok(!r.body.includes("2468"), `the number is not repeated: ${r.body}`);
    }
    assert.equal((await get("toegang", "/clienten?q=Anna")).json().total, 1, "a name search may stay a GET");
    const doc = (await get(null, "/openapi.json")).json();
    assert.ok(doc.paths["/api/v1/clienten/zoeken"]?.post, "POST /clienten/zoeken in the OpenAPI document");
    // the access log records the search as a BSN search, never the number
    const rows = await accessLog();
    assert.ok(
      rows.every((r) => !r.includes(BSN)),
      "no BSN in the access log",
    );
  });

  test("another gemeente's client and an unknown client get the same 404; the refusal is logged as refused", async () => {
    const before = (await t.db.query<{ n: number }>("select count(*)::int as n from access_log where not allowed")).at(0)!.n;
    const forbidden = await get("toegang", `/clienten/${other}`);
    const unknown = await get("toegang", "/clienten/99999");
    assert.equal(forbidden.statusCode, 404, forbidden.body);
    assert.equal(unknown.statusCode, 404);
    assert.equal(same(forbidden, String(other)), same(unknown, "99999"), "the same body, but for the id asked");
    assert.equal((await get("aanbieder-twee", `/clienten/${own}`)).statusCode, 404, "a client the aanbieder does not serve");
    const after = (await t.db.query<{ n: number }>("select count(*)::int as n from access_log where not allowed")).at(0)!.n;
    assert.equal(after - before, 2, "both refusals of existing clients are in the access log");
    // toewijzing and declaratie keys alike
    const tw = await get("toegang-beilen", "/toewijzingen/0106/wmo/1");
    const twUnknown = await get("toegang-beilen", "/toewijzingen/0106/wmo/999");
    assert.equal(tw.statusCode, 404, tw.body);
    assert.equal(same(tw, "1"), same(twUnknown, "999"));
    const d1 = await get("toegang-beilen", `/declaraties/${AGB}/wmo/PRIV-1`);
    const d2 = await get("toegang-beilen", `/declaraties/${AGB}/wmo/PRIV-9`);
    assert.equal(d1.statusCode, 404);
    assert.equal(same(d1, "PRIV-1"), same(d2, "PRIV-9"));
  });

  test("the access log names whose data: the client of GET /clienten/:id, through GET /access-log as beheerder", async () => {
    // (needs the access_log subject columns of migration 009; written before that storage landed)
    assert.equal((await get("toegang", `/clienten/${own}`)).statusCode, 200);
    assert.equal((await post("toegang", "/clienten/zoeken", { q: BSN })).statusCode, 200);
    const r = await get("beheerder", "/access-log?limit=50");
    assert.equal(r.statusCode, 200, r.body);
    const items = r.json().items as LogItem[];
    const overview = items.find((i) => i.endpoint === "GET /api/v1/clienten/:id" && i.allowed);
    assert.ok(overview, "the overview is logged");
    assert.deepEqual(overview.subject?.clientIds, [own]);
    assert.ok(overview.subject?.records.includes("toewijzing:0106/wmo/1"), JSON.stringify(overview.subject));
    assert.ok(
      overview.subject?.records.some((x) => /^beschikking:\d+$/.test(x)),
      JSON.stringify(overview.subject),
    );
    const search = items.find((i) => i.endpoint === "POST /api/v1/clienten/zoeken" && i.allowed);
    assert.ok(search, "the search is logged");
    assert.equal(search.subject?.filter, "bsn-zoekopdracht");
    assert.deepEqual(search.subject?.clientIds, [own]);
    const declared = items.find((i) => i.endpoint === "POST /api/v1/declaraties" && i.allowed);
    assert.ok(declared?.subject?.records.includes(`declaratie:${AGB}/wmo/PRIV-1`), JSON.stringify(declared?.subject));
    assert.deepEqual(declared?.subject?.clientIds, [own]);
    assert.ok(!r.body.includes(BSN), "no BSN in the access log");
  });

  test("a product that exists but is not in force on the date asked says from when it applies", async () => {
    const r = await post("toegang", "/beschikkingen/toets", {
      gemeente: "0106",
      peildatum: "2025-06-01",
      client: { geboortedatum: "1980-01-01" },
      producten: [{ productId: PRODUCT, ingangsdatum: "2025-06-01", einddatum: "2025-08-31", volume: 4, eenheid: "04", frequentie: "2" }],
    });
    assert.equal(r.statusCode, 200, r.body);
    const f = r.json().bevindingen.find((b: { rule: string }) => b.rule === "product");
    assert.match(
      f.message,
      /^Begeleiding Basis – kortdurende begeleiding \(004-nmd-pve-2026\) geldt vanaf 2026-01-01; op 2025-06-01 is het product nog niet van kracht$/,
    );
    assert.doesNotMatch(f.message, /staat niet in de catalogus/);
    const unknown = await post("toegang", "/beschikkingen/toets", {
      gemeente: "0106",
      peildatum: "2026-06-01",
      client: { geboortedatum: "1980-01-01" },
      producten: [{ productId: "bestaat.niet", ingangsdatum: "2026-06-01", einddatum: "2026-08-31", volume: 4, eenheid: "04", frequentie: "2" }],
    });
    assert.match(unknown.json().bevindingen[0].message, /staat niet in de catalogus/, "an unknown product still says so");
  });
});
