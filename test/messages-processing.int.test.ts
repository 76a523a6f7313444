/**
 * Processing iWmo/iJw messages against the care chain (issue 6, section 3), on PGlite (or PostgreSQL with
 * DATABASE_URL): the cross-message checks and their retourcodes, idempotency, 9056, 8848, 0001, verzoeken, the
 * aanbieder role, and a batch processed twice or with one bad message.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { ProcessOptions as VerwerkOpties, ProcessOutcome as VerwerkUitkomst } from "../src/app/messages/index.ts";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { messageByName, validateMessage } from "../src/messages/index.ts";
import { hasReference, hasXmllint, scratch, xmllintVerdicts, xsdFor } from "./messages/support.ts";
import { dbLabel } from "./support/db.ts";
import { type TestApp, testApp } from "./support/app.ts";
import {
  AGB,
  antwoordCodes,
  bsn,
  classCodes,
  contract,
  GEMEENTE,
  headerCodes,
  input,
  m301,
  m305,
  m307,
  m315,
  m317,
  m319,
  m323,
  prestatieCodes,
  productCodes,
  readAnswer,
} from "./messages-processing-support.ts";

const CLI = { kind: "cli" } as const;
const CTX = { endpoint: "test", purpose: "test" };
const A = bsn(1);
const B = bsn(2);

let t: TestApp;
const verwerk = async (files: [string, Uint8Array][], opts: VerwerkOpties = { rol: "gemeente" }): Promise<VerwerkUitkomst[]> =>
  t.kader.messages.process(
    CLI,
    files.map(([n, b]) => input(n, b)),
    opts,
    CTX,
  );
const one = async (name: string, bytes: Uint8Array, opts?: VerwerkOpties) => (await verwerk([[name, bytes]], opts))[0]!;
const count = async (table: string) => Number((await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);
/** the rows of everything a message can change */
const stored = async () => {
  const out: Record<string, number> = {};
  for (const table of ["bericht", "declaratie", "prestatie", "toewijzing", "toewijzing_event", "bericht_levering", "bericht_verzoek", "bericht_toewijzing"])
    out[table] = await count(table);
  return out;
};

describe(`berichten verwerken als gemeente (${dbLabel()})`, () => {
  before(async () => {
    t = await testApp();
    await contract(t.kader, t.db, { productcode: "02A05", cents: 6000 });
    // the gemeente's existing toewijzingen, loaded from the 301s it sent
    const r = await verwerk([
      ["toewijzing-a.xml", m301({ id: "T-A", bsn: A, producten: [{ nummer: 1001 }, { nummer: 1002, code: "02A06", omvang: [8, "04", "2"] }] })],
      ["toewijzing-b.xml", m301({ id: "T-B", bsn: B, producten: [{ nummer: 1003, eind: "2026-05-15" }] })],
    ]);
    assert.deepEqual(
      r.map((x) => x.status),
      ["geregistreerd", "geregistreerd"],
      JSON.stringify(r),
    );
  });
  after(() => t.close());

  test("a 301 the gemeente sent becomes toewijzingen of the care chain (client, product, omvang, contract product)", async () => {
    const tw = await t.kader.care.toewijzingen(CLI, {}, CTX);
    assert.ok(tw.ok);
    const nummers = tw.value.map((x) => x.toewijzingnummer).sort();
    assert.deepEqual(nummers, ["1001", "1002", "1003"]);
    const t1 = tw.value.find((x) => x.toewijzingnummer === "1001")!;
    assert.equal(t1.agbCode, AGB);
    assert.equal(t1.productcode, "02A05");
    assert.equal(t1.omvang, 4);
    assert.equal(t1.frequentie, "2");
    assert.equal(t1.status, "toegewezen");
    assert.ok(t1.productNaam !== null, "resolved to a catalogue product");
    // the counter moved past the imported numbers: Kader never hands out 1003 again
    const next = Number(
      (await t.db.query<{ laatste: number }>("select laatste from toewijzing_teller where gemeentecode = $1 and wet = 'wmo'", [GEMEENTE]))[0]!.laatste,
    );
    assert.ok(next >= 1003);
  });

  test("305: start answered with 0200 and the toewijzing started; 9074 for the same key again; 9019 without toewijzing; 9326 for a second start", async () => {
    const r = await one(
      "start-1.xml",
      m305({
        id: "S-1",
        bsn: A,
        items: [
          { nummer: 1001, begindatum: "2026-05-04" },
          { nummer: 4242, begindatum: "2026-05-04" },
        ],
      }),
    );
    assert.equal(r.status, "verwerkt");
    assert.equal(r.antwoorden.length, 1);
    assert.equal(r.antwoorden[0]!.bestandsnaam, "start-1_S-1.WMO306.xml");
    const m = readAnswer(r.antwoorden[0]!.xml);
    assert.deepEqual(headerCodes(m), ["0200"]);
    assert.deepEqual(productCodes(m, "StartProducten"), [["0200"], ["9019"]]);
    const tw = await t.kader.care.toewijzingen(CLI, {}, CTX);
    assert.ok(tw.ok);
    assert.equal(tw.value.find((x) => x.toewijzingnummer === "1001")!.status, "gestart");

    const again = readAnswer((await one("start-2.xml", m305({ id: "S-2", bsn: A, items: [{ nummer: 1001, begindatum: "2026-05-04" }] }))).antwoorden[0]!.xml);
    assert.deepEqual(productCodes(again, "StartProducten"), [["9074"]]);
    const second = readAnswer((await one("start-3.xml", m305({ id: "S-3", bsn: A, items: [{ nummer: 1001, begindatum: "2026-05-06" }] }))).antwoorden[0]!.xml);
    assert.deepEqual(productCodes(second, "StartProducten"), [["9326"]]);
    // a toewijzing of another client is not this client's (9019)
    const other = readAnswer((await one("start-4.xml", m305({ id: "S-4", bsn: B, items: [{ nummer: 1002, begindatum: "2026-05-04" }] }))).antwoorden[0]!.xml);
    assert.deepEqual(productCodes(other, "StartProducten"), [["9019"]]);
  });

  test("307: stop with the start's key answered 0200 and the toewijzing stopped; 9069 without that start; 9415 twice", async () => {
    await one("start-b.xml", m305({ id: "S-B", bsn: A, items: [{ nummer: 1002, begindatum: "2026-05-05" }] }));
    const r = await one(
      "stop-1.xml",
      m307({
        id: "P-1",
        bsn: A,
        items: [
          { nummer: 1002, begindatum: "2026-05-05", einddatum: "2026-05-19" },
          { nummer: 1002, begindatum: "2026-04-01", einddatum: "2026-05-19" },
        ],
      }),
    );
    const m = readAnswer(r.antwoorden[0]!.xml);
    assert.deepEqual(productCodes(m, "StopProducten"), [["0200"], ["9069"]]);
    const tw = await t.kader.care.toewijzingen(CLI, {}, CTX);
    assert.ok(tw.ok);
    assert.equal(tw.value.find((x) => x.toewijzingnummer === "1002")!.status, "gestopt");
    const twice = readAnswer(
      (await one("stop-2.xml", m307({ id: "P-2", bsn: A, items: [{ nummer: 1002, begindatum: "2026-05-05", einddatum: "2026-05-25" }] }))).antwoorden[0]!.xml,
    );
    assert.deepEqual(productCodes(twice, "StopProducten"), [["9415"]]);
  });

  test("323 → 325: only rejected prestaties listed, with every retourcode (0611, 9340/9339, 9307/9308, 9338); totals in cents", async () => {
    const r = await one(
      "declaratie-mei.xml",
      m323({
        id: "D-1",
        nummer: "DECL2605",
        clients: [
          {
            bsn: A,
            prestaties: [
              { ref: "R1", nummer: 1001 },
              { ref: "R2", nummer: 1001, tarief: 6500, begin: "2026-05-10", eind: "2026-05-20" },
              { ref: "R3", nummer: 1001, cat: "03", code: "03A01", begin: "2026-05-21", eind: "2026-05-31", volume: 1 },
              { ref: "R4", nummer: 7777, volume: 1 },
            ],
          },
          { bsn: B, prestaties: [{ ref: "R5", nummer: 1003, volume: 1 }] },
        ],
      }),
    );
    assert.equal(r.status, "verwerkt", JSON.stringify(r.meldingen));
    assert.equal(r.prestaties, 5);
    assert.equal(r.antwoorden[0]!.bestandsnaam, "declaratie-mei_D-1.WMO325.xml");
    const m = readAnswer(r.antwoorden[0]!.xml);
    const codes = prestatieCodes(m);
    assert.equal(codes.has("R1"), false, "an approved prestatie is not listed");
    assert.deepEqual(codes.get("R2"), ["0611"]);
    assert.ok(codes.get("R3")!.includes("9339") && codes.get("R3")!.includes("9340"), String(codes.get("R3")));
    assert.deepEqual(codes.get("R4"), ["9338"]);
    assert.ok(codes.get("R5")!.includes("9308"), String(codes.get("R5")));
    assert.deepEqual(antwoordCodes(m), ["0200"]);
    const a = m.DeclaratieAntwoord as Record<string, Record<string, unknown>>;
    assert.deepEqual(a.TotaalToegekendBedrag, { TotaalBedrag: 24000, DebetCredit: "D" });
  });

  test("a declaratie approved in full is answered with 8001 and no Clienten", async () => {
    const r = await one(
      "declaratie-ok.xml",
      m323({
        id: "D-OK",
        nummer: "DECLOK",
        begin: "2026-04-01",
        eind: "2026-04-30",
        dag: "2026-05-02",
        clients: [{ bsn: A, prestaties: [{ ref: "OK1", nummer: 1001, volume: 2 }] }],
      }),
    );
    const m = readAnswer(r.antwoorden[0]!.xml);
    assert.deepEqual(antwoordCodes(m), ["8001"]);
    assert.equal((m.DeclaratieAntwoord as Record<string, unknown>).Clienten, undefined);
  });

  test("TR056: the same message again, byte for byte, gets a retour with 9056 on the header; nothing is stored and the first answer stays as it was", async () => {
    const bytes = m323({
      id: "D-DUP",
      nummer: "DECLDUP",
      begin: "2026-03-01",
      eind: "2026-03-31",
      dag: "2026-04-02",
      clients: [{ bsn: A, prestaties: [{ ref: "DUP1", nummer: 1001, volume: 1 }] }],
    });
    const first = await one("dup.xml", bytes);
    assert.equal(first.status, "verwerkt");
    const firstAnswer = first.antwoorden[0]!;
    const rows = await stored();
    const second = await one("dup-again.xml", bytes);
    assert.equal(second.status, "afgekeurd");
    assert.deepEqual(second.retourcodes, ["9056"]);
    assert.equal(second.berichtId, null, "not stored");
    assert.equal(second.eerder?.berichtId, first.berichtId);
    assert.equal(second.antwoorden.length, 1);
    const retour = second.antwoorden[0]!;
    assert.equal(retour.berichtId, undefined);
    assert.equal(retour.berichtNaam, "WMO325");
    assert.match(retour.bestandsnaam, /^dup-again_D-DUP\.9056-KDR[0-9]{9}\.WMO325\.xml$/);
    assert.deepEqual(validateMessage(retour.xml).failures, [], "the 9056 retour validates");
    const m = readAnswer(retour.xml);
    assert.deepEqual(headerCodes(m), ["9056"]);
    assert.equal(m.DeclaratieAntwoord, undefined, "header only");
    // a retour of its own: its own Identificatie, answering the received message's
    const own = (x: string) => (readAnswer(x).Header as Record<string, Record<string, unknown>>).BerichtIdentificatie!.Identificatie;
    assert.notEqual(own(retour.xml), own(firstAnswer.xml));
    assert.equal((m.Header as Record<string, Record<string, unknown>>).DeclaratieIdentificatie!.Identificatie, "D-DUP");
    assert.ok(second.bevindingen.some((b) => b.retourcode === "9056" && b.path === "Bericht/Header/BerichtIdentificatie"));
    assert.deepEqual(await stored(), rows, "no message, answer, declaratie, prestatie, toewijzing or verzoek stored");
    // the first answer is still there, unchanged
    const x = await t.kader.messages.xml(CLI, firstAnswer.berichtId!, CTX);
    assert.ok(x.ok);
    assert.equal(x.value.xml, firstAnswer.xml);
    // and a third time: 9056 again
    const third = await one("dup.xml", bytes);
    assert.deepEqual([third.status, third.retourcodes], ["afgekeurd", ["9056"]]);
    assert.deepEqual(await stored(), rows);
  });

  test("TR056: another message with a used Identificatie gets the same 9056 retour; nothing is stored", async () => {
    const first = await one("dup2.xml", m305({ id: "S-DUP", bsn: A, items: [{ nummer: 1002, begindatum: "2026-05-06" }] }));
    assert.equal(first.status, "verwerkt");
    const rows = await stored();
    const levering = await count("bericht_levering");
    const other = await one("dup2-other.xml", m305({ id: "S-DUP", bsn: B, items: [{ nummer: 1003, begindatum: "2026-05-07" }] }));
    assert.equal(other.status, "afgekeurd");
    assert.deepEqual(other.retourcodes, ["9056"]);
    assert.equal(other.berichtId, null);
    const m = readAnswer(other.antwoorden[0]!.xml);
    assert.deepEqual(headerCodes(m), ["9056"]);
    assert.equal(m.Client, undefined, "header only");
    assert.deepEqual(validateMessage(other.antwoorden[0]!.xml).failures, []);
    assert.deepEqual(await stored(), rows);
    assert.equal(await count("bericht_levering"), levering, "the start was not registered");
    const tw = await t.kader.care.toewijzingen(CLI, {}, CTX);
    assert.ok(tw.ok && tw.value.find((x) => x.toewijzingnummer === "1003")!.status === "toegewezen");
    // a message that breaks the XSD with a used Identificatie: 9056 too (not stored), every failure still listed
    const broken = new TextEncoder().encode(
      new TextDecoder()
        .decode(m305({ id: "S-DUP", bsn: A, items: [{ nummer: 1002, begindatum: "2026-05-06" }] }))
        .replace(/<wmo305:Begindatum>2026-05-06</, "<wmo305:Begindatum>morgen<"),
    );
    const bad = await one("dup2-bad.xml", broken);
    assert.deepEqual([bad.status, bad.retourcodes, bad.berichtId], ["afgekeurd", ["9056"], null]);
    assert.ok(bad.bevindingen.some((b) => b.code === "XSD"));
    assert.deepEqual(await stored(), rows);
  });

  test("TR056 for a message Kader only registers (the gemeente's own 301): no answer, nothing stored", async () => {
    const bytes = m301({ id: "T-A", bsn: A, producten: [{ nummer: 1001 }] });
    const rows = await stored();
    const r = await one("toewijzing-a-again.xml", bytes);
    assert.deepEqual([r.status, r.retourcodes, r.antwoorden.length, r.berichtId], ["afgekeurd", ["9056"], 0, null]);
    assert.deepEqual(await stored(), rows);
  });

  test("8848: a Dagtekening after today is answered with the header only", async () => {
    const r = await one("future.xml", m305({ id: "S-F", dag: "2026-06-02", bsn: A, items: [{ nummer: 1001, begindatum: "2026-05-04" }] }));
    assert.equal(r.status, "afgekeurd");
    const m = readAnswer(r.antwoorden[0]!.xml);
    assert.deepEqual(headerCodes(m), ["8848"]);
    assert.equal(m.Client, undefined);
  });

  test("0001: a message that breaks the XSD is answered with 0001 in the header, and its findings are logged", async () => {
    const text = new TextDecoder()
      .decode(m305({ id: "S-X", bsn: A, items: [{ nummer: 1001, begindatum: "2026-05-04" }] }))
      .replace("<wmo305:StatusAanlevering>1</wmo305:StatusAanlevering>", "<wmo305:StatusAanlevering>7</wmo305:StatusAanlevering>");
    const r = await one("broken.xml", new TextEncoder().encode(text));
    assert.equal(r.status, "afgekeurd");
    assert.deepEqual(headerCodes(readAnswer(r.antwoorden[0]!.xml)), ["0001"]);
    assert.ok(
      r.meldingen.some((x) => x.pad.includes("StatusAanlevering")),
      JSON.stringify(r.meldingen),
    );
    const row = (
      await t.db.query<{ status: string; retourcodes: string[]; xml: string }>("select status, retourcodes, xml from bericht where id = $1", [r.berichtId])
    )[0]!;
    assert.equal(row.status, "afgekeurd");
    assert.deepEqual(row.retourcodes, ["0001"]);
    assert.equal(row.xml, text, "the raw XML is kept");
  });

  test("not a message at all: onleesbaar, nothing stored, no answer", async () => {
    const before_ = await count("bericht");
    const r = await one("junk.xml", new TextEncoder().encode("dit is geen xml"));
    assert.equal(r.status, "onleesbaar");
    assert.equal(r.antwoorden.length, 0);
    assert.equal(await count("bericht"), before_);
  });

  test("315: registered for the toegang and answered 0200 (optionally with a 319 'in onderzoek'); 9374 while one is pending; 9347 for a used reference", async () => {
    const c = bsn(3);
    const r = await one("verzoek.xml", m315({ id: "V-1", bsn: c, refs: ["REF-1", "REF-2"] }), { rol: "gemeente", inOnderzoek: true });
    assert.equal(r.status, "verwerkt");
    assert.deepEqual(
      r.antwoorden.map((a) => a.berichtNaam),
      ["WMO316", "WMO319", "WMO319"],
    );
    assert.deepEqual(headerCodes(readAnswer(r.antwoorden[0]!.xml)), ["0200"]);
    const antwoord = readAnswer(r.antwoorden[1]!.xml).Antwoord as Record<string, unknown>;
    assert.equal(antwoord.VerzoekAntwoord, "2");
    const v = await t.kader.messages.verzoeken(CLI, CTX);
    assert.ok(v.ok);
    assert.deepEqual(
      v.value.filter((x) => x.bsn === c).map((x) => [x.referentieAanbieder, x.status]),
      [
        ["REF-1", "in-onderzoek"],
        ["REF-2", "in-onderzoek"],
      ],
    );
    const pending = readAnswer((await one("verzoek-2.xml", m315({ id: "V-2", bsn: c, refs: ["REF-3"] }))).antwoorden[0]!.xml);
    assert.deepEqual(classCodes((pending.Client as Record<string, never>) ?? undefined), ["9374"]);
    const used = readAnswer((await one("verzoek-3.xml", m315({ id: "V-3", bsn: bsn(4), refs: ["REF-1"] }))).antwoorden[0]!.xml);
    const p = ((used.Client as Record<string, Record<string, unknown[]>>).AangevraagdeProducten!.AangevraagdProduct as Record<string, never>[])[0]!;
    assert.deepEqual(classCodes(p), ["9347"]);
    // the toegang answers: afgewezen with a reason → a 319 with VerzoekAntwoord 1
    const id = v.value.find((x) => x.referentieAanbieder === "REF-2")!.id;
    const a = await t.kader.messages.beantwoordVerzoek(CLI, id, { verzoekAntwoord: "afgewezen", reden: "3" }, CTX);
    assert.ok(a.ok);
    assert.equal((readAnswer(a.value.xml).Antwoord as Record<string, unknown>).RedenAfwijzingVerzoek, "3");
  });

  test("317: 9350 (unchanged product not current), 9351 (product to change unknown), 9349 (a current toewijzing not named); a complete one is registered", async () => {
    const bad = readAnswer(
      (await one("wijziging-1.xml", m317({ id: "W-1", bsn: A, ref: "W-REF-1", ongewijzigd: [5555], tewijzigen: [6666] }))).antwoorden[0]!.xml,
    );
    const verzoek = (bad.Client as Record<string, Record<string, unknown>>).Verzoek!;
    assert.deepEqual(classCodes(verzoek as never), ["9349"]);
    assert.deepEqual(classCodes(((verzoek.OngewijzigdeProducten as Record<string, unknown[]>).OngewijzigdProduct as never[])[0]), ["9350"]);
    assert.deepEqual(classCodes(((verzoek.TeWijzigenProducten as Record<string, unknown[]>).TeWijzigenProduct as never[])[0]), ["9351"]);
    const good = await one("wijziging-2.xml", m317({ id: "W-2", bsn: A, ref: "W-REF-2", tewijzigen: [1001] }));
    const g = readAnswer(good.antwoorden[0]!.xml);
    assert.deepEqual(classCodes((g.Client as Record<string, never>).Verzoek), ["0200"]);
    const v = await t.kader.messages.verzoeken(CLI, CTX);
    assert.ok(v.ok && v.value.some((x) => x.referentieAanbieder === "W-REF-2" && x.status === "open"));
  });

  test("every answer Kader wrote is valid for the codec and logged as sent, linked to its message", async () => {
    const rows = await t.db.query<{ xml: string; bericht_naam: string; antwoord_op: number | null }>(
      "select xml, bericht_naam, antwoord_op from bericht where richting = 'uit' and rol = 'gemeente' and antwoord_op is not null",
    );
    assert.ok(rows.length >= 10);
    for (const r of rows) assert.deepEqual(validateMessage(r.xml).failures, [], r.bericht_naam);
  });

  test("toewijzingen → 301: one message per client and aanbieder with all current toewijzingen, valid", async () => {
    const r = await t.kader.messages.toewijzingBerichten(CLI, { gemeente: GEMEENTE }, CTX);
    assert.ok(r.ok);
    assert.ok(r.value.length >= 1);
    const m = readAnswer(r.value[0]!.xml);
    const products = ((m.Client as Record<string, Record<string, unknown[]>>).ToegewezenProducten!.ToegewezenProduct as Record<string, unknown>[]).map(
      (p) => p.ToewijzingNummer,
    );
    assert.ok(products.includes(1001));
    // the name and gender read from the gemeente's earlier 301 go out again in parts, not as one string
    const sent = r.value
      .map((x) => readAnswer(x.xml))
      .find((x) =>
        ((x.Client as Record<string, Record<string, unknown[]>>).ToegewezenProducten!.ToegewezenProduct as Record<string, unknown>[]).some(
          (p) => p.ToewijzingNummer === 1001,
        ),
      )!;
    const client = sent.Client as { Geslacht: string; Naam: { Geslachtsnaam: { Achternaam: string }; Voorletters?: string } };
    assert.deepEqual([client.Geslacht, client.Naam.Geslachtsnaam.Achternaam, client.Naam.Voorletters], ["1", "Jansen", "P"]);
  });
});

describe(`berichten verwerken als aanbieder (${dbLabel()})`, () => {
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());
  const asAanbieder: VerwerkOpties = { rol: "aanbieder", aanbieder: AGB };

  test("301 received: registered and answered with a 302 (0200); the same number for another client: 9332", async () => {
    const r = await one("in-301.xml", m301({ id: "G-1", bsn: A, producten: [{ nummer: 501 }] }), asAanbieder);
    assert.equal(r.status, "verwerkt");
    assert.equal(r.antwoorden[0]!.berichtNaam, "WMO302");
    assert.deepEqual(headerCodes(readAnswer(r.antwoorden[0]!.xml)), ["0200"]);
    const clash = readAnswer((await one("in-301b.xml", m301({ id: "G-2", bsn: B, producten: [{ nummer: 501 }] }), asAanbieder)).antwoorden[0]!.xml);
    const p = ((clash.Client as Record<string, Record<string, unknown[]>>).ToegewezenProducten!.ToegewezenProduct as never[])[0];
    assert.deepEqual(classCodes(p), ["9332"]);
    assert.equal(await count("toewijzing"), 0, "the aanbieder's copy stays out of the gemeente's care tables");
  });

  test("319 received: 9355 without a known verzoek; accepted after the aanbieder's own 315; 9365 when answered again", async () => {
    const unknown = readAnswer((await one("in-319.xml", m319({ id: "G-3", ref: "ONBEKEND", reden: "3" }), asAanbieder)).antwoorden[0]!.xml);
    assert.deepEqual(classCodes(unknown.Antwoord as never), ["9355"]);
    const own = await one("uit-315.xml", m315({ id: "A-1", bsn: A, refs: ["MIJN-1"] }), asAanbieder);
    assert.equal(own.status, "geregistreerd");
    const ok = await one("in-319b.xml", m319({ id: "G-4", ref: "MIJN-1", reden: "3" }), asAanbieder);
    assert.deepEqual(classCodes(readAnswer(ok.antwoorden[0]!.xml).Antwoord as never), ["0200"]);
    const again = readAnswer((await one("in-319c.xml", m319({ id: "G-5", ref: "MIJN-1", reden: "3" }), asAanbieder)).antwoorden[0]!.xml);
    assert.deepEqual(classCodes(again.Antwoord as never), ["9365"]);
  });

  test("messages for another aanbieder, or of a kind an aanbieder does not receive, are refused and not stored", async () => {
    const r = await one("other.xml", m301({ id: "G-9", bsn: A, agb: "11111111", producten: [{ nummer: 9 }] }), asAanbieder);
    assert.equal(r.status, "geweigerd");
    const kind = await one("start.xml", m305({ id: "S-9", bsn: A, items: [{ nummer: 1, begindatum: "2026-05-01" }] }), asAanbieder);
    assert.equal(kind.status, "geweigerd");
  });
});

describe(`een batch twee keer, en een batch met één fout bericht (${dbLabel()})`, () => {
  before(async () => {
    t = await testApp();
    await contract(t.kader, t.db, { productcode: "02A05", cents: 6000 });
  });
  after(() => t.close());

  test("a batch processed twice: the second run changes nothing and writes the same answers; a bad message does not stop the others, and after a fix reprocessing completes the batch", async () => {
    const c = bsn(7);
    const good: [string, Uint8Array][] = [
      ["01-toewijzing.xml", m301({ id: "B-T", bsn: c, producten: [{ nummer: 3001 }] })],
      ["02-start.xml", m305({ id: "B-S", bsn: c, items: [{ nummer: 3001, begindatum: "2026-05-04" }] })],
      ["03-declaratie.xml", m323({ id: "B-D", nummer: "BATCH1", clients: [{ bsn: c, prestaties: [{ ref: "B1", nummer: 3001 }] }] })],
    ];
    // the declaratie breaks the XSD in the first delivery (a letter in GeleverdVolume)
    const broken = new TextEncoder().encode(new TextDecoder().decode(good[2]![1]).replace(/<wmo323:GeleverdVolume>4</, "<wmo323:GeleverdVolume>vier<"));
    const first = await verwerk([good[0]!, good[1]!, ["03-declaratie.xml", broken]]);
    assert.deepEqual(
      first.map((r) => r.status),
      ["geregistreerd", "verwerkt", "afgekeurd"],
    );
    assert.deepEqual(headerCodes(readAnswer(first[2]!.antwoorden[0]!.xml)), ["0001"]);
    assert.equal(await count("prestatie"), 0);
    // the same batch again: every Identificatie is used (TR056) — the rejected declaratie's too, so the corrected
    // declaratie under it is answered with 9056 as well; nothing is stored
    const rows = await count("bericht");
    const fixed: [string, Uint8Array][] = [good[0]!, good[1]!, ["03-declaratie.xml", good[2]![1]]];
    const second = await verwerk(fixed);
    assert.deepEqual(
      second.map((r) => [r.status, r.retourcodes]),
      [
        ["afgekeurd", ["9056"]],
        ["afgekeurd", ["9056"]],
        ["afgekeurd", ["9056"]],
      ],
    );
    assert.deepEqual(
      second.map((r) => r.antwoorden.length),
      [0, 1, 1],
      "the 301 is only registered: no answer",
    );
    for (const r of second.slice(1)) assert.deepEqual(headerCodes(readAnswer(r.antwoorden[0]!.xml)), ["9056"]);
    assert.equal(await count("bericht"), rows);
    assert.equal(await count("prestatie"), 0);
    // the corrected declaratie under an Identificatie of its own goes through
    const corrected = m323({ id: "B-D2", nummer: "BATCH1", clients: [{ bsn: c, prestaties: [{ ref: "B1", nummer: 3001 }] }] });
    const third = await verwerk([good[0]!, good[1]!, ["03-declaratie.xml", corrected]]);
    assert.deepEqual(
      third.map((r) => r.status),
      ["afgekeurd", "afgekeurd", "verwerkt"],
    );
    assert.equal(await count("prestatie"), 1);
    const after_ = await count("bericht");
    const fourth = await verwerk([good[0]!, good[1]!, ["03-declaratie.xml", corrected]]);
    assert.deepEqual(
      fourth.map((r) => r.retourcodes),
      [["9056"], ["9056"], ["9056"]],
    );
    assert.equal(await count("bericht"), after_);
    assert.equal(await count("prestatie"), 1);
    // the first answers are unchanged in the log
    const x = await t.kader.messages.xml(CLI, first[1]!.antwoorden[0]!.berichtId!, CTX);
    assert.ok(x.ok && x.value.xml === first[1]!.antwoorden[0]!.xml);
  });

  test("a crash inside a message's transaction undoes all of it; reprocessing completes it", async () => {
    const c = bsn(8);
    await verwerk([["t.xml", m301({ id: "C-T", bsn: c, producten: [{ nummer: 3101 }] })]]);
    const bytes = m305({ id: "C-S", bsn: c, items: [{ nummer: 3101, begindatum: "2026-05-04" }] });
    const svc = t.kader.messages as unknown as { writeAnswers: (...a: unknown[]) => Promise<unknown> };
    const original = svc.writeAnswers;
    svc.writeAnswers = async () => {
      throw new Error("stroomstoring");
    };
    const rows = await count("bericht");
    const crashed = await verwerk([["crash.xml", bytes]]);
    svc.writeAnswers = original;
    assert.equal(crashed[0]!.status, "fout");
    assert.equal(await count("bericht"), rows, "nothing of the message was kept");
    assert.equal(await count("bericht_levering where toewijzingnummer = '3101'"), 0);
    const tw = await t.kader.care.toewijzingen(CLI, {}, CTX);
    assert.ok(tw.ok && tw.value.find((x) => x.toewijzingnummer === "3101")!.status === "toegewezen");
    const redo = await verwerk([["crash.xml", bytes]]);
    assert.equal(redo[0]!.status, "verwerkt");
    const tw2 = await t.kader.care.toewijzingen(CLI, {}, CTX);
    assert.ok(tw2.ok && tw2.value.find((x) => x.toewijzingnummer === "3101")!.status === "gestart");
  });

  test("an answer committed but not yet written out is written when the message comes again: the same bytes, not recomputed; after that, 9056", async () => {
    const c = bsn(9);
    await verwerk([["t2.xml", m301({ id: "W-T", bsn: c, producten: [{ nummer: 3201 }] })]]);
    const bytes = m305({ id: "W-S", bsn: c, items: [{ nummer: 3201, begindatum: "2026-05-04" }] });
    // as `berichten verwerk --uit` does: the answers are committed as not yet written; it "stops" before writing them
    const committed = (await verwerk([["later.xml", bytes]], { rol: "gemeente", antwoordenLater: true }))[0]!;
    assert.equal(committed.status, "verwerkt");
    const answer = committed.antwoorden[0]!;
    const row = (
      await t.db.query<{ geschreven_op: string | null }>("select geschreven_op::text as geschreven_op from bericht where id = $1", [answer.berichtId])
    )[0]!;
    assert.equal(row.geschreven_op, null, "committed, not yet written");
    const rows = await count("bericht");
    const events = await count("toewijzing_event");
    // run again: that answer, byte for byte, under its own name — nothing recomputed, nothing stored
    const redo = (await verwerk([["later.xml", bytes]]))[0]!;
    assert.equal(redo.status, "herhaald");
    assert.equal(redo.berichtId, committed.berichtId);
    assert.deepEqual(
      redo.antwoorden.map((a) => [a.bestandsnaam, a.xml, a.berichtId]),
      [[answer.bestandsnaam, answer.xml, answer.berichtId]],
    );
    assert.equal(await count("bericht"), rows);
    assert.equal(await count("toewijzing_event"), events);
    // handed over now (no antwoordenLater: the caller got it): the next copy is a 9056
    const again = (await verwerk([["later.xml", bytes]]))[0]!;
    assert.deepEqual([again.status, again.retourcodes], ["afgekeurd", ["9056"]]);
    assert.notEqual(again.antwoorden[0]!.bestandsnaam, answer.bestandsnaam);
    assert.equal(await count("bericht"), rows);
  });
});

describe(`TR056: de 9056-retour voor elke berichtsoort, iWmo en iJw (${dbLabel()})`, () => {
  before(async () => {
    t = await testApp();
    await contract(t.kader, t.db, { productcode: "02A05", cents: 6000 });
  });
  after(() => t.close());

  test("every request kind received twice gets a valid header-only retour with 9056 (codec, and xmllint where present); nothing stored", async () => {
    const asAanbieder: VerwerkOpties = { rol: "aanbieder" };
    const cases: [string, string, Uint8Array, VerwerkOpties?][] = [
      ["WMO305", "WMO306", m305({ id: "R-305", bsn: A, items: [{ nummer: 5001, begindatum: "2026-05-04" }] })],
      ["JW305", "JW306", m305({ std: "JW", id: "R-305", bsn: A, items: [{ nummer: 5001, begindatum: "2026-05-04" }] })],
      ["WMO307", "WMO308", m307({ id: "R-307", bsn: A, items: [{ nummer: 5001, begindatum: "2026-05-04", einddatum: "2026-05-20" }] })],
      ["JW307", "JW308", m307({ std: "JW", id: "R-307", bsn: A, items: [{ nummer: 5001, begindatum: "2026-05-04", einddatum: "2026-05-20" }] })],
      ["WMO315", "WMO316", m315({ id: "R-315", bsn: B, refs: ["R315"] })],
      ["JW315", "JW316", m315({ std: "JW", id: "R-315", bsn: B, refs: ["R315J"] })],
      ["WMO317", "WMO318", m317({ id: "R-317", bsn: A, ref: "R317" })],
      ["WMO323", "WMO325", m323({ id: "R-323", nummer: "R323", clients: [{ bsn: A, prestaties: [{ ref: "R1", nummer: 5001 }] }] })],
      ["JW323", "JW325", m323({ std: "JW", id: "R-323", nummer: "R323J", clients: [{ bsn: A, prestaties: [{ ref: "R1", nummer: 5001 }] }] })],
      ["WMO301", "WMO302", m301({ id: "R-301", bsn: A, producten: [{ nummer: 5101 }] }), asAanbieder],
      ["JW301", "JW302", m301({ std: "JW", id: "R-301", bsn: A, producten: [{ nummer: 5102, cat: "45", code: "45A48" }] }), asAanbieder],
      ["WMO319", "WMO320", m319({ id: "R-319", ref: "ONBEKEND" }), asAanbieder],
      ["JW319", "JW320", m319({ std: "JW", id: "R-319", ref: "ONBEKEND" }), asAanbieder],
    ];
    const dir = scratch();
    const files: [string, string][] = [];
    for (const [heen, retour, bytes, opts] of cases) {
      const first = await one(`${heen}.xml`, bytes, opts);
      assert.ok(first.berichtId !== null, `${heen}: ${JSON.stringify(first.meldingen)}`);
      const rows = await stored();
      const second = await one(`${heen}-again.xml`, bytes, opts);
      assert.deepEqual([second.status, second.retourcodes, second.berichtId, second.eerder?.berichtId], ["afgekeurd", ["9056"], null, first.berichtId], heen);
      assert.equal(second.antwoorden.length, 1, heen);
      const a = second.antwoorden[0]!;
      assert.equal(a.berichtNaam, retour, heen);
      assert.deepEqual(validateMessage(a.xml).failures, [], `${heen}: the ${retour} validates`);
      const m = readAnswer(a.xml);
      assert.deepEqual(headerCodes(m), ["9056"], heen);
      assert.deepEqual(Object.keys(m), ["Header"], `${heen}: header only`);
      assert.deepEqual(await stored(), rows, `${heen}: nothing stored`);
      const file = join(dir, a.bestandsnaam);
      writeFileSync(file, a.xml);
      files.push([retour, file]);
    }
    if (hasXmllint && hasReference)
      for (const [retour, file] of files)
        for (const [f, v] of xmllintVerdicts(xsdFor(messageByName(retour)!), [file])) assert.ok(v.valid, `${f} (regel ${v.firstLine})`);
  });
});
