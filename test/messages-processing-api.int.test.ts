/** The message endpoints: upload (XML or ZIP), the log per tenant, downloads, verzoeken and 319 answers. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import JSZip from "jszip";
import { validateMessage } from "../src/messages/index.ts";
import { type TestApp, testApp } from "./support/app.ts";
import { dbLabel } from "./support/db.ts";
import { bsn, contract, m301, m305, m315, m323 } from "./messages-processing-support.ts";

const DEMO_AGB = "98765432";

describe(`berichten over HTTP (${dbLabel()})`, () => {
  let t: TestApp;
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const login = async (u: string, password = "kader-demo") => {
    const r = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u, password } });
    assert.equal(r.statusCode, 200, r.body);
    sessions.set(u, { cookie: String(r.headers["set-cookie"]).split(";")[0]!, csrf: r.json().csrfToken });
  };
  const as = (u: string | null) => (u ? { cookie: sessions.get(u)!.cookie, "x-csrf-token": sessions.get(u)!.csrf } : {});
  const upload = (u: string | null, bytes: Uint8Array, type = "application/xml", query = "") =>
    t.app.inject({ method: "POST", url: `/api/v1/berichten${query}`, headers: { ...as(u), "content-type": type }, payload: Buffer.from(bytes) });
  const get = (u: string | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, headers: as(u) });
  const A = bsn(300);

  before(async () => {
    t = await testApp({ demoUsers: true });
    for (const u of ["toegang", "aanbieder", "controller"]) await login(u);
    const other = await t.kader.auth.addUser({
      username: "andere.aanbieder",
      displayName: "Ander",
      role: "aanbieder",
      agbCode: "12345678",
      password: "een-goed-wachtwoord",
    });
    assert.ok(other.ok);
    await login("andere.aanbieder", "een-goed-wachtwoord");
    await contract(t.kader, t.db, { agb: DEMO_AGB, productcode: "02A05", cents: 6000 });
  });
  after(() => t.close());

  test("uploading needs a signed-in gemeente or aanbieder", async () => {
    assert.equal((await upload(null, m305({ id: "X", bsn: A, agb: DEMO_AGB, items: [{ nummer: 1, begindatum: "2026-05-01" }] }))).statusCode, 401);
    assert.equal((await upload("controller", m305({ id: "X", bsn: A, agb: DEMO_AGB, items: [{ nummer: 1, begindatum: "2026-05-01" }] }))).statusCode, 403);
  });

  test("the toegang loads its 301; the aanbieder sends a start and gets the 306 to download", async () => {
    const imp = await upload(
      "toegang",
      m301({ id: "API-T", bsn: A, agb: DEMO_AGB, producten: [{ nummer: 4001 }] }),
      "application/xml",
      "?bestandsnaam=toewijzing.xml",
    );
    assert.equal(imp.statusCode, 200, imp.body);
    assert.equal(imp.json().berichten[0].status, "geregistreerd");
    const r = await upload(
      "aanbieder",
      m305({
        id: "API-S",
        bsn: A,
        agb: DEMO_AGB,
        items: [
          { nummer: 4001, begindatum: "2026-05-04" },
          { nummer: 4999, begindatum: "2026-05-04" },
        ],
      }),
      "text/xml",
      "?bestandsnaam=start.xml",
    );
    assert.equal(r.statusCode, 200, r.body);
    const b = r.json().berichten[0];
    assert.equal(b.status, "verwerkt");
    assert.deepEqual(b.retourcodes, ["9019"]);
    assert.match(b.uitleg["9019"], /toewijzing/);
    const answer = b.antwoorden[0];
    assert.equal(answer.bestandsnaam, "start_API-S.WMO306.xml");
    const dl = await get("aanbieder", `/berichten/${answer.berichtId}/xml`);
    assert.equal(dl.statusCode, 200);
    assert.match(String(dl.headers["content-disposition"]), /start_API-S\.WMO306\.xml/);
    assert.deepEqual(validateMessage(dl.body).failures, []);
  });

  test("a ZIP batch is processed message by message; a declaratie is answered with a 325", async () => {
    const zip = new JSZip();
    zip.file("a-declaratie.xml", m323({ id: "API-D", nummer: "APIMEI", agb: DEMO_AGB, clients: [{ bsn: A, prestaties: [{ ref: "API1", nummer: 4001 }] }] }));
    const r = await upload("aanbieder", await zip.generateAsync({ type: "uint8array" }), "application/zip", "?bestandsnaam=mei");
    assert.equal(r.statusCode, 200, r.body);
    const b = r.json().berichten[0];
    assert.equal(b.status, "verwerkt", JSON.stringify(b.meldingen));
    assert.equal(b.antwoorden[0].berichtNaam, "WMO325");
  });

  test("each party sees its own messages only", async () => {
    const mine = await get("aanbieder", "/berichten");
    assert.equal(mine.statusCode, 200);
    assert.ok(mine.json().total >= 4);
    assert.ok(mine.json().items.every((m: { agbCode: string }) => m.agbCode === DEMO_AGB));
    const gemeente = await get("toegang", "/berichten?richting=in");
    assert.ok(gemeente.json().items.every((m: { gemeentecode: string; richting: string }) => m.gemeentecode === "0106" && m.richting === "in"));
    const other = await get("andere.aanbieder", "/berichten");
    assert.equal(other.json().total, 0);
    const id = mine.json().items[0].id;
    assert.equal((await get("andere.aanbieder", `/berichten/${id}`)).statusCode, 403);
    assert.equal((await get("andere.aanbieder", `/berichten/${id}/xml`)).statusCode, 403);
    // another aanbieder cannot send in the demo aanbieder's name
    const spoof = await upload("andere.aanbieder", m305({ id: "SPOOF", bsn: A, agb: DEMO_AGB, items: [{ nummer: 4001, begindatum: "2026-05-04" }] }));
    assert.equal(spoof.json().berichten[0].status, "geweigerd");
  });

  test("the toegang lists verzoeken and answers one with a 319", async () => {
    const r = await upload("aanbieder", m315({ id: "API-V", bsn: bsn(301), agb: DEMO_AGB, refs: ["API-REF"] }));
    assert.equal(r.json().berichten[0].status, "verwerkt");
    const list = await get("toegang", "/verzoeken");
    assert.equal(list.statusCode, 200);
    const v = list.json().find((x: { referentieAanbieder: string }) => x.referentieAanbieder === "API-REF");
    assert.equal(v.status, "open");
    assert.equal(v.bsn, undefined, "no BSN in the list");
    const bad = await t.app.inject({ method: "POST", url: `/api/v1/verzoeken/${v.id}/antwoord`, headers: as("toegang"), payload: { antwoord: "afgewezen" } });
    assert.equal(bad.statusCode, 400);
    const a = await t.app.inject({
      method: "POST",
      url: `/api/v1/verzoeken/${v.id}/antwoord`,
      headers: as("toegang"),
      payload: { antwoord: "afgewezen", reden: "4" },
    });
    assert.equal(a.statusCode, 201, a.body);
    assert.equal(a.json().berichtNaam, "WMO319");
    const aanbiederView = await get("aanbieder", `/berichten/${a.json().berichtId}/xml`);
    assert.equal(aanbiederView.statusCode, 200);
  });
  test("a rejected upload says why: every failure with element path, line, rule, retourcode and explanation (issue 13)", async () => {
    // a WMO323 with an invalid BSN and no DeclaratieDagtekening: not only "0001 technische redenen"
    const bad = new TextDecoder()
      .decode(m323({ id: "API-BAD", nummer: "APIFOUT", agb: DEMO_AGB, clients: [{ bsn: A, prestaties: [{ ref: "APIF1", nummer: 4001 }] }] }))
      .replace(/<wmo323:Bsn>[0-9]+</, "<wmo323:Bsn>123456789<")
      .replace(/\t*<wmo323:DeclaratieDagtekening>[^<]+<\/wmo323:DeclaratieDagtekening>\r\n/, "");
    const r = await upload("aanbieder", new TextEncoder().encode(bad), "application/xml", "?bestandsnaam=fout.xml");
    assert.equal(r.statusCode, 200, r.body);
    const b = r.json().berichten[0];
    assert.equal(b.status, "afgekeurd");
    assert.deepEqual(b.retourcodes, ["0001"]);
    assert.deepEqual(
      b.bevindingen.map((f: { severity: string; code: string; retourcode: string; path: string; line: number }) => [
        f.severity,
        f.code,
        f.retourcode,
        f.path,
        typeof f.line,
      ]),
      [
        ["fout", "XSD", "0001", "Bericht/Declaratie/TotaalIngediendBedrag", "number"],
        ["fout", "CS002", "0001", "Bericht/Declaratie/Clienten/Client[1]", "number"],
      ],
    );
    assert.match(b.bevindingen[0].message, /DeclaratieDagtekening/);
    assert.match(b.bevindingen[1].message, /11-proef/);
    assert.match(b.uitleg["0001"], /technische redenen/);
    // the fields the answer had are all still there
    for (const k of ["bestandsnaam", "berichtNaam", "identificatie", "status", "retourcodes", "meldingen", "antwoorden", "uitleg"]) assert.ok(k in b, k);
  });

  test("an empty ZIP is a 400 with a Dutch problem, not a 200 that processed nothing (issue 13)", async () => {
    const r = await upload("aanbieder", await new JSZip().generateAsync({ type: "uint8array" }), "application/zip", "?bestandsnaam=leeg");
    assert.equal(r.statusCode, 400, r.body);
    assert.match(r.json().detail, /het ZIP-bestand is leeg/);
    assert.equal(r.json().problems[0].retourcode, "0001");
  });

  test("TR056 over HTTP: the same message again, or another with its Identificatie, gets a 9056 retour with its XML; nothing stored, the first answer unchanged", async () => {
    const rows = async () =>
      Number(
        (
          await t.db.query<{ n: number }>(
            "select (select count(*) from bericht) + (select count(*) from bericht_levering) + (select count(*) from toewijzing_event) as n",
          )
        )[0]!.n,
      );
    const bytes = m305({ id: "API-DUP", bsn: A, agb: DEMO_AGB, items: [{ nummer: 4001, begindatum: "2026-05-20" }] });
    const first = (await upload("aanbieder", bytes, "application/xml", "?bestandsnaam=dup.xml")).json().berichten[0];
    const firstAnswer = first.antwoorden[0];
    const firstXml = (await get("aanbieder", `/berichten/${firstAnswer.berichtId}/xml`)).body;
    const n = await rows();
    const other = m305({ id: "API-DUP", bsn: A, agb: DEMO_AGB, items: [{ nummer: 4001, begindatum: "2026-05-21" }] });
    for (const [label, b] of [
      ["the same bytes", bytes],
      ["another message", other],
    ] as const) {
      const r = await upload("aanbieder", b, "application/xml", "?bestandsnaam=dup-again.xml");
      assert.equal(r.statusCode, 200, r.body);
      const x = r.json().berichten[0];
      assert.deepEqual([x.status, x.retourcodes, x.berichtId, x.eerder.berichtId], ["afgekeurd", ["9056"], null, first.berichtId], label);
      assert.match(x.uitleg["9056"], /\S/);
      const retour = x.antwoorden[0];
      assert.equal(retour.berichtId, undefined, label);
      assert.match(retour.bestandsnaam, /^dup-again_API-DUP\.9056-KDR[0-9]{9}\.WMO306\.xml$/);
      assert.deepEqual(validateMessage(retour.xml).failures, [], label);
      assert.match(retour.xml, /<wmo306:RetourCode>9056<\/wmo306:RetourCode>/);
      assert.equal(await rows(), n, `${label}: nothing stored`);
    }
    const after_ = await get("aanbieder", `/berichten/${first.berichtId}`);
    assert.deepEqual(
      after_.json().antwoorden.map((a: { id: number }) => a.id),
      [firstAnswer.berichtId],
    );
    assert.equal((await get("aanbieder", `/berichten/${firstAnswer.berichtId}/xml`)).body, firstXml);
  });

  test("an answer `berichten verwerk` committed but never wrote out comes with the same message over HTTP, byte for byte; after that, 9056", async () => {
    const bytes = m305({ id: "API-LATER", bsn: A, agb: DEMO_AGB, items: [{ nummer: 4001, begindatum: "2026-05-22" }] });
    const committed = (
      await t.kader.messages.process(
        { kind: "cli" },
        [{ bestandsnaam: "later.xml", bytes }],
        { rol: "gemeente", antwoordenLater: true },
        { endpoint: "test", purpose: "test" },
      )
    )[0]!;
    const answer = committed.antwoorden[0]!;
    const r = (await upload("aanbieder", bytes, "application/xml", "?bestandsnaam=later.xml")).json().berichten[0];
    assert.equal(r.status, "herhaald");
    assert.deepEqual(
      r.antwoorden.map((a: { bestandsnaam: string; berichtId: number }) => [a.bestandsnaam, a.berichtId]),
      [[answer.bestandsnaam, answer.berichtId]],
    );
    assert.equal((await get("aanbieder", `/berichten/${answer.berichtId}/xml`)).body, answer.xml);
    const again = (await upload("aanbieder", bytes, "application/xml", "?bestandsnaam=later.xml")).json().berichten[0];
    assert.deepEqual([again.status, again.retourcodes], ["afgekeurd", ["9056"]]);
  });
});
