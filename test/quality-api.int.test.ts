import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { type TestApp, testApp } from "./support/app.ts";
import { dbLabel } from "./support/db.ts";

/** A minimal valid PDF, PNG and JPEG by their magic bytes. */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0f4d8d60000000049454e44ae426082",
  "hex",
);

function multipart(name: string, content: Buffer, type = "application/pdf") {
  const boundary = "----kadertest";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`);
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

describe(`quality frameworks, programmes of requirements and self-assessment on ${dbLabel()}`, () => {
  let t: TestApp;
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const login = async (u: string, password = "kader-demo") => {
    const r = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u, password } });
    assert.equal(r.statusCode, 200, r.body);
    sessions.set(u, { cookie: String(r.headers["set-cookie"]).split(";")[0]!, csrf: r.json().csrfToken });
  };
  const as = (u: string | null) => (u ? { cookie: sessions.get(u)!.cookie, "x-csrf-token": sessions.get(u)!.csrf } : {});
  const req = (u: string | null, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as(u), ...(payload === undefined ? {} : { payload: payload as object }) });

  before(async () => {
    t = await testApp({ demoUsers: true });
    for (const u of ["contractmanager", "aanbieder", "toegang", "controller"]) await login(u);
    const other = await t.kader.auth.addUser({
      username: "cm.tynaarlo",
      displayName: "CM Tynaarlo",
      role: "contractmanager",
      gemeentecode: "1730",
      password: "een-goed-wachtwoord",
    });
    assert.ok(other.ok);
    await login("cm.tynaarlo", "een-goed-wachtwoord");
    const other2 = await t.kader.auth.addUser({
      username: "andere.aanbieder",
      displayName: "Ander",
      role: "aanbieder",
      agbCode: "12345678",
      password: "een-goed-wachtwoord",
    });
    assert.ok(other2.ok);
    await login("andere.aanbieder", "een-goed-wachtwoord");
  });
  after(async () => t.close());

  describe("the library", () => {
    test("15 frameworks, public, with the lapsed one marked and warned about", async () => {
      const r = await req(null, "GET", "/kwaliteitskaders");
      assert.equal(r.statusCode, 200);
      const items = r.json().items as { nr: number; status: string; waarschuwing: string | null; criteria: number }[];
      assert.deepEqual(
        items.map((i) => i.nr),
        Array.from({ length: 15 }, (_, i) => i + 1),
      );
      const two = items.find((i) => i.nr === 2)!;
      assert.equal(two.status, "lapsed");
      assert.match(two.waarschuwing ?? "", /vervallen/);
      assert.ok(items.filter((i) => i.nr !== 2).every((i) => i.waarschuwing === null));
      const f = await req(null, "GET", "/kwaliteitskaders/2");
      assert.equal(f.json().vervallen, true);
      assert.equal((await req(null, "GET", "/kwaliteitskaders/16")).statusCode, 404);
      assert.equal((await req(null, "GET", "/kwaliteitskaders/abc")).headers["content-type"], "application/problem+json; charset=utf-8");
    });

    test("Dutch full-text search with filters; every hit satisfies every filter", async () => {
      const all = await req(null, "GET", "/kwaliteitskaders/criteria?q=klachten");
      assert.equal(all.statusCode, 200);
      assert.ok(all.json().total > 0, "klachten (stemmed) finds klachtenregeling criteria");
      const r = await req(null, "GET", "/kwaliteitskaders/criteria?element=organisatie&segment=jeugd-1&limit=500");
      const items = r.json().items as { element: string; kader: number }[];
      assert.ok(items.length > 0);
      assert.ok(items.every((i) => i.element === "organisatie"));
      const lib = await t.kader.quality.library();
      const jeugd1 = new Set(
        lib.frameworks.filter((f) => f.segmenten.ids.includes("jeugd-1") || (f.segmenten.ids.length === 0 && f.wetten.includes("jeugdwet"))).map((f) => f.nr),
      );
      assert.ok(
        items.every((i) => jeugd1.has(i.kader)),
        "only frameworks for segment jeugd-1 or for the whole Jeugdwet",
      );
      assert.ok(!items.some((i) => i.kader === 1), "framework 1 is Wmo segment 1a only");
      const wmoProf = await req(null, "GET", "/kwaliteitskaders/criteria?wet=wmo&adressaat=professional&aard=verhaal&limit=500");
      assert.ok((wmoProf.json().items as { adressaat: string; aard: string }[]).every((i) => i.adressaat === "professional" && i.aard === "verhaal"));
      const bad = await req(null, "GET", "/kwaliteitskaders/criteria?element=zorg&limit=0&onzin=1");
      assert.equal(bad.statusCode, 400);
      assert.deepEqual((bad.json().problems as { path: string }[]).map((p) => p.path).sort(), ["element", "limit", "onzin"]);
    });

    test("the concept layer groups criteria of several frameworks under one concept", async () => {
      const r = await req(null, "GET", "/kwaliteitskaders/begrippen");
      const vog = (r.json().items as { id: string; criteria: { kader: number }[] }[]).find((b) => b.id === "vog");
      assert.ok(vog);
      const kaders = new Set(vog.criteria.map((c) => c.kader));
      assert.ok(kaders.size >= 2, `VOG is asked for by ${kaders.size} framework(s)`);
      assert.equal((await req(null, "GET", "/kwaliteitskaders/segmenten")).json().items.length, 11);
    });
  });

  describe("composer, publication and self-assessment", () => {
    let id = "";
    let vogCriterion: { kader: number; criterium: string } | null = null;
    const draft = () => ({
      titel: "PvE Begeleiding 2027",
      toelichting: "Voor de aanbesteding van begeleiding.",
      segmenten: ["wmo-2"],
      producten: ["000-begeleiding-dagbesteding.wmo.02A03"],
      onderdelen: [
        { soort: "algemene-eisen-004" },
        { soort: "kader", kader: 6, afwijkingen: [{ tekst: "Rapportage halfjaarlijks in plaats van jaarlijks." }] },
        { soort: "kader", kader: 2 },
        ...(vogCriterion ? [{ soort: "criterium", ...vogCriterion }] : []),
        { soort: "eigen", titel: "Bereikbaarheid", tekst: "De aanbieder is op werkdagen van 9 tot 17 uur telefonisch bereikbaar." },
      ],
    });

    before(async () => {
      const hit = await t.kader.quality.search({ begrip: "vog", limit: "1" });
      assert.ok(hit.ok && hit.value.items[0]);
      vogCriterion = { kader: hit.value.items[0].kader, criterium: hit.value.items[0].criterium };
    });

    test("only a gemeente's contractmanager composes; bad input writes nothing", async () => {
      assert.equal((await req(null, "POST", "/programmas-van-eisen", draft())).statusCode, 401);
      assert.equal((await req("aanbieder", "POST", "/programmas-van-eisen", draft())).statusCode, 403);
      assert.equal((await req("toegang", "POST", "/programmas-van-eisen", draft())).statusCode, 403);
      const bad = await req("contractmanager", "POST", "/programmas-van-eisen", { titel: "", onderdelen: [{ soort: "onzin" }] });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.headers["content-type"], "application/problem+json; charset=utf-8");
      assert.deepEqual((bad.json().problems as { path: string }[]).map((p) => p.path).sort(), ["onderdelen.0.soort", "titel"]);
      assert.deepEqual((await req("contractmanager", "GET", "/programmas-van-eisen")).json().concepten, []);
      const r = await req("contractmanager", "POST", "/programmas-van-eisen", draft());
      assert.equal(r.statusCode, 201, r.body);
      id = r.json().id;
    });

    test("the preview numbers the requirements, asks a shared concept once, and warns about the lapsed framework", async () => {
      const r = await req("contractmanager", "GET", `/programmas-van-eisen/${id}`);
      assert.equal(r.statusCode, 200);
      const doc = r.json().voorbeeld;
      assert.deepEqual(
        doc.eisen.map((e: { nr: number }) => e.nr),
        doc.eisen.map((_: unknown, i: number) => i + 1),
      );
      assert.ok(doc.eisen.length >= 30);
      assert.equal(doc.waarschuwingen.length, 1);
      assert.match(doc.waarschuwingen[0], /Kader 2 .*vervallen/);
      const vog = doc.vragen.find((v: { key: string }) => v.key === "begrip.vog");
      assert.ok(vog, "one question for the VOG");
      assert.equal(vog.eisen.length, 2, "004's VOG and the framework criterion are asked once");
      assert.deepEqual(vog.toetsbaar, { bron: "personeel", eis: "vog" });
      assert.deepEqual(
        doc.producten.map((p: { productcode: string }) => p.productcode),
        ["02A03"],
      );
    });

    test("drafts are invisible to aanbieders and to other gemeenten", async () => {
      for (const u of ["aanbieder", "cm.tynaarlo", "toegang"]) assert.equal((await req(u, "GET", `/programmas-van-eisen/${id}`)).statusCode, 403, u);
      assert.deepEqual((await req("aanbieder", "GET", "/programmas-van-eisen")).json().uitnodigingen, []);
      assert.deepEqual((await req("cm.tynaarlo", "GET", "/programmas-van-eisen")).json().concepten, []);
      assert.equal((await req("controller", "GET", `/programmas-van-eisen/${id}`)).statusCode, 403, "controller of Tynaarlo");
    });

    test("a draft with a broken reference cannot be published, and nothing is written", async () => {
      const broken = { ...draft(), onderdelen: [...draft().onderdelen, { soort: "criterium", kader: 3, criterium: "d999" }], producten: ["bestaat-niet"] };
      assert.equal((await req("contractmanager", "PUT", `/programmas-van-eisen/${id}`, broken)).statusCode, 200);
      const p = await req("contractmanager", "POST", `/programmas-van-eisen/${id}/versies`);
      assert.equal(p.statusCode, 400);
      assert.deepEqual((p.json().problems as { path: string }[]).map((x) => x.path).sort(), ["onderdelen[5].criterium", "producten[0]"]);
      assert.deepEqual((await req("contractmanager", "GET", `/programmas-van-eisen/${id}`)).json().versies, []);
      assert.equal((await req("contractmanager", "PUT", `/programmas-van-eisen/${id}`, draft())).statusCode, 200);
    });

    test("export: .docx round trip (headings and requirement texts) and printable HTML", async () => {
      const d = await req("contractmanager", "GET", `/programmas-van-eisen/${id}/concept?format=docx`);
      assert.equal(d.statusCode, 200);
      const zip = await JSZip.loadAsync(d.rawPayload);
      const xml = await zip.file("word/document.xml")!.async("string");
      const text = xml.replace(/<[^>]+>/g, "");
      const doc = (await req("contractmanager", "GET", `/programmas-van-eisen/${id}`)).json().voorbeeld;
      for (const h of ["PvE Begeleiding 2027", "Algemene eisen", "Kwaliteitskaders", "Kwaliteitscriteria", "Aanvullende eisen", "Producten", "CONCEPT"])
        assert.ok(text.includes(h), `heading ${h}`);
      const unxml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
      for (const e of doc.eisen as { nr: number; titel: string; tekst: string }[]) {
        assert.ok(text.includes(unxml(`Eis ${e.nr}. ${e.titel}`)) || text.includes(`Eis ${e.nr}. ${e.titel}`), `heading of requirement ${e.nr}`);
        assert.ok(text.includes(unxml(e.tekst)) || text.includes(e.tekst), `text of requirement ${e.nr}`);
      }
      assert.match(xml, /w:pStyle w:val="Heading1"/);
      const h = await req("contractmanager", "GET", `/programmas-van-eisen/${id}/concept?format=html`);
      assert.match(String(h.headers["content-type"]), /^text\/html/);
      assert.match(h.body, /<html lang="nl">/);
      assert.match(h.body, /<h3>Eis 1\. /);
      assert.match(h.body, /Let op/);
      assert.equal((await req("aanbieder", "GET", `/programmas-van-eisen/${id}/concept?format=html`)).statusCode, 403);
    });

    test("publishing makes an immutable numbered version; later draft changes make a new one", async () => {
      const p = await req("contractmanager", "POST", `/programmas-van-eisen/${id}/versies`);
      assert.equal(p.statusCode, 201, p.body);
      assert.equal(p.json().versie, 1);
      const v1 = (await req("contractmanager", "GET", `/programmas-van-eisen/${id}/versies/1`)).json();
      await req("contractmanager", "PUT", `/programmas-van-eisen/${id}`, { ...draft(), titel: "PvE Begeleiding 2027 (herzien)" });
      assert.equal((await req("contractmanager", "POST", `/programmas-van-eisen/${id}/versies`)).json().versie, 2);
      const again = (await req("contractmanager", "GET", `/programmas-van-eisen/${id}/versies/1`)).json();
      assert.deepEqual(again.inhoud, v1.inhoud);
      assert.equal(again.inhoud.titel, "PvE Begeleiding 2027");
      await assert.rejects(t.db.query("update pve_versie set inhoud = '{}'::jsonb where pve_id = $1", [id]), /alleen toevoegen/);
      await assert.rejects(t.db.query("delete from pve_versie where pve_id = $1", [id]), /alleen toevoegen/);
      const docx = await req("contractmanager", "GET", `/programmas-van-eisen/${id}/versies/1?format=docx`);
      const text = (await (await JSZip.loadAsync(docx.rawPayload)).file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
      assert.ok(text.includes("Versie 1, gepubliceerd"));
    });

    test("invitations: only the gemeente invites; an uninvited aanbieder sees nothing", async () => {
      assert.equal((await req("aanbieder", "GET", `/programmas-van-eisen/${id}/versies/1`)).statusCode, 403);
      assert.equal((await req("aanbieder", "POST", `/programmas-van-eisen/${id}/versies/1/uitnodigingen`, { agbCodes: ["98765432"] })).statusCode, 403);
      assert.equal((await req("cm.tynaarlo", "POST", `/programmas-van-eisen/${id}/versies/1/uitnodigingen`, { agbCodes: ["98765432"] })).statusCode, 403);
      assert.equal((await req("contractmanager", "POST", `/programmas-van-eisen/${id}/versies/1/uitnodigingen`, { agbCodes: ["9876"] })).statusCode, 400);
      const r = await req("contractmanager", "POST", `/programmas-van-eisen/${id}/versies/1/uitnodigingen`, { agbCodes: ["98765432", "12345678"] });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal((await req("aanbieder", "GET", `/programmas-van-eisen/${id}/versies/1`)).statusCode, 200);
      assert.equal((await req("aanbieder", "GET", `/programmas-van-eisen/${id}/versies/2`)).statusCode, 403, "invited to version 1 only");
      const mine = (await req("aanbieder", "GET", "/programmas-van-eisen")).json();
      assert.deepEqual(
        mine.uitnodigingen.map((u: { versie: number }) => u.versie),
        [1],
      );
    });

    test("an aanbieder answers only its own assessment; checkable questions are pre-filled from its compliance data", async () => {
      // the aanbieder records its own certificate in the compliance data
      const staff = await readFile(resolve(import.meta.dirname, "fixtures/staff/zorg-voorbeeld.csv"));
      const imp = await t.app.inject({
        method: "POST",
        url: "/api/v1/aanbieders/98765432/medewerkers?bestand=zorg-voorbeeld.csv&naam=Zorg%20Voorbeeld",
        headers: { ...as("aanbieder"), "content-type": "text/csv" },
        payload: staff,
      });
      assert.equal(imp.statusCode, 201, imp.body);
      const ev = await req("aanbieder", "PUT", "/aanbieders/98765432/bewijs", {
        items: [{ kind: "kwaliteitscertificaat", date: "2025-03-01", validUntil: "2028-02-29" }],
      });
      assert.equal(ev.statusCode, 200, ev.body);

      const base = `/programmas-van-eisen/${id}/versies/1/zelfevaluaties`;
      assert.equal((await req("aanbieder", "GET", `${base}/12345678`)).statusCode, 403, "another aanbieder's answers");
      assert.equal((await req("andere.aanbieder", "GET", `${base}/98765432`)).statusCode, 403);
      const own = await req("aanbieder", "GET", `${base}/98765432`);
      assert.equal(own.statusCode, 200, own.body);
      const cert = own.json().vragen.find((v: { key: string }) => v.key === "begrip.kwaliteitssysteem");
      assert.equal(cert.voorinvulling.voldoet, true);
      assert.equal(cert.voorinvulling.geldigTot, "2028-02-29");
      const vog = own.json().vragen.find((v: { key: string }) => v.key === "begrip.vog");
      assert.match(vog.voorinvulling.toelichting, /van \d+ medewerkers hebben een VOG/);

      const q = `${base}/98765432/vragen/begrip.vog`;
      assert.equal((await req("contractmanager", "PUT", q, { toelichting: "x" })).statusCode, 403, "a gemeente does not answer for an aanbieder");
      assert.equal((await req("aanbieder", "PUT", `${base}/12345678/vragen/begrip.vog`, { toelichting: "x" })).statusCode, 403);
      assert.equal((await req("aanbieder", "PUT", q, { toelichting: "x", geldigVan: "2026-01-01", geldigTot: "2025-01-01" })).statusCode, 400);
      assert.equal((await req("aanbieder", "PUT", `${base}/98765432/vragen/bestaat-niet`, { toelichting: "x" })).statusCode, 404);
      const a = await req("aanbieder", "PUT", q, { toelichting: vog.voorinvulling.toelichting, geldigTot: "2026-07-01" });
      assert.equal(a.statusCode, 200, a.body);
      assert.equal(a.json().status, "ingediend");
      // the other invited aanbieder sees its own, empty assessment, not this answer
      const other = await req("andere.aanbieder", "GET", `${base}/12345678`);
      assert.equal(other.statusCode, 200);
      assert.ok(other.json().vragen.every((v: { antwoord: unknown }) => v.antwoord === null));
      assert.ok(other.json().vragen.every((v: { voorinvulling: unknown }) => v.voorinvulling === null || typeof v.voorinvulling === "object"));
    });

    test("evidence uploads: PDF/PNG/JPEG by content only, size cap, no paths; stored and served safely", async () => {
      const url = `/api/v1/programmas-van-eisen/${id}/versies/1/zelfevaluaties/98765432/vragen/begrip.vog/bestanden`;
      const up = (u: string | null, name: string, content: Buffer, type?: string) =>
        t.app.inject({ method: "POST", url, ...multipart(name, content, type), headers: { ...as(u), ...multipart(name, content, type).headers } });
      assert.equal((await up(null, "vog.pdf", PDF)).statusCode, 401);
      assert.equal((await up("contractmanager", "vog.pdf", PDF)).statusCode, 403);
      assert.equal((await up("andere.aanbieder", "vog.pdf", PDF)).statusCode, 403);
      const ok = await up("aanbieder", "VOG overzicht 2026.pdf", PDF);
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual([ok.json().naam, ok.json().mime, ok.json().grootte], ["VOG overzicht 2026.pdf", "application/pdf", PDF.length]);
      const png = await up("aanbieder", "scan.PDF", PNG, "application/pdf");
      assert.equal(png.statusCode, 201);
      assert.deepEqual([png.json().naam, png.json().mime], ["scan.png", "image/png"], "type from the bytes, not from the name or the client");
      const fake = await up("aanbieder", "virus.pdf", Buffer.from("MZ\x90\x00 this is an executable, not a pdf"), "application/pdf");
      assert.equal(fake.statusCode, 415);
      assert.equal(fake.headers["content-type"], "application/problem+json; charset=utf-8");
      const html = await up("aanbieder", "x.pdf", Buffer.from("<html><script>alert(1)</script></html>"), "application/pdf");
      assert.equal(html.statusCode, 415);
      for (const name of ["../../x.pdf", "..\\..\\x.pdf", "/etc/passwd.pdf", "a/b.pdf", "x\u0000.pdf"])
        assert.equal((await up("aanbieder", name, PDF)).statusCode, 400, name);
      const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 10, 0x20)]);
      assert.equal((await up("aanbieder", "groot.pdf", big)).statusCode, 413);
      const notMultipart = await t.app.inject({ method: "POST", url, headers: { ...as("aanbieder"), "content-type": "application/pdf" }, payload: PDF });
      assert.equal(notMultipart.statusCode, 415);
      const files = (await req("contractmanager", "GET", `/programmas-van-eisen/${id}/versies/1/zelfevaluaties/98765432`))
        .json()
        .vragen.find((v: { key: string }) => v.key === "begrip.vog").bestanden;
      assert.equal(files.length, 2, "refused uploads left nothing behind");
      const dl = await req("contractmanager", "GET", `/programmas-van-eisen/${id}/versies/1/zelfevaluaties/98765432/bestanden/${ok.json().id}`);
      assert.equal(dl.statusCode, 200);
      assert.equal(dl.headers["content-type"], "application/pdf");
      assert.equal(dl.headers["x-content-type-options"], "nosniff");
      assert.match(String(dl.headers["content-disposition"]), /^attachment;/);
      assert.deepEqual(dl.rawPayload, PDF);
      assert.equal(
        (await req("cm.tynaarlo", "GET", `/programmas-van-eisen/${id}/versies/1/zelfevaluaties/98765432/bestanden/${ok.json().id}`)).statusCode,
        403,
      );
      assert.equal(
        (await req("andere.aanbieder", "GET", `/programmas-van-eisen/${id}/versies/1/zelfevaluaties/98765432/bestanden/${ok.json().id}`)).statusCode,
        403,
      );
    });

    test("the gemeente reviews each answer; history is kept; status per aanbieder exports to CSV and Excel", async () => {
      const q = `/programmas-van-eisen/${id}/versies/1/zelfevaluaties/98765432/vragen/begrip.vog/beoordeling`;
      assert.equal((await req("aanbieder", "POST", q, { oordeel: "akkoord" })).statusCode, 403, "an aanbieder does not review itself");
      assert.equal((await req("cm.tynaarlo", "POST", q, { oordeel: "akkoord" })).statusCode, 403);
      assert.equal((await req("contractmanager", "POST", q, { oordeel: "aanvullen" })).statusCode, 400, "aanvullen needs a comment");
      assert.equal((await req("contractmanager", "POST", q, { oordeel: "prima" })).statusCode, 400);
      assert.equal(
        (
          await req("contractmanager", "POST", `/programmas-van-eisen/${id}/versies/1/zelfevaluaties/98765432/vragen/eis.004.cao/beoordeling`, {
            oordeel: "akkoord",
          })
        ).statusCode,
        404,
        "nothing to review yet",
      );
      const r1 = await req("contractmanager", "POST", q, { oordeel: "aanvullen", opmerking: "Lever het VOG-overzicht per locatie aan." });
      assert.equal(r1.json().status, "aanvullen");
      await req("aanbieder", "PUT", `/programmas-van-eisen/${id}/versies/1/zelfevaluaties/98765432/vragen/begrip.vog`, {
        toelichting: "Aangevuld per locatie.",
        geldigTot: "2026-07-01",
      });
      const r2 = await req("contractmanager", "POST", q, { oordeel: "akkoord" });
      assert.equal(r2.json().status, "akkoord");
      const view = (await req("contractmanager", "GET", `/programmas-van-eisen/${id}/versies/1/zelfevaluaties/98765432`)).json();
      const vog = view.vragen.find((v: { key: string }) => v.key === "begrip.vog");
      assert.deepEqual(
        vog.geschiedenis.map((h: { soort: string }) => h.soort),
        ["antwoord", "bestand", "bestand", "beoordeling", "antwoord", "beoordeling"],
      );
      assert.equal(vog.voorinvulling, null, "the gemeente does not get the provider's staff data pre-filled");
      await assert.rejects(t.db.query("update zelfevaluatie_gebeurtenis set username = 'x'"), /alleen toevoegen/);
      const ov = await req("contractmanager", "GET", `/programmas-van-eisen/${id}/versies/1/zelfevaluaties`);
      const row = ov.json().items.find((x: { agbCode: string }) => x.agbCode === "98765432");
      assert.equal(row.telling.akkoord, 1);
      assert.equal(row.telling.open, ov.json().vragen - 1);
      assert.equal(
        (await req("aanbieder", "GET", `/programmas-van-eisen/${id}/versies/1/zelfevaluaties`)).statusCode,
        403,
        "an aanbieder does not see the others' status",
      );
      const csv = await req("contractmanager", "GET", `/programmas-van-eisen/${id}/versies/1/zelfevaluaties?format=csv`);
      assert.match(csv.body, /^\uFEFFAGB-code;Aanbieder;/);
      assert.match(csv.body, /98765432;Zorg Voorbeeld;/);
      const x = await req("contractmanager", "GET", `/programmas-van-eisen/${id}/versies/1/zelfevaluaties?format=xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      assert.equal(wb.getWorksheet("Beoordeling")?.rowCount, 3);
    });

    test("reminders: evidence that lapses soon appears on both work lists, only the own one for the aanbieder", async () => {
      const cm = await req("contractmanager", "GET", "/kwaliteit/herinneringen?dagen=60");
      assert.equal(cm.statusCode, 200);
      const item = cm.json().items.find((h: { vraag: string; agbCode: string }) => h.vraag === "begrip.vog" && h.agbCode === "98765432");
      assert.ok(item, JSON.stringify(cm.json().items));
      assert.equal(item.soort, "bewijs-verloopt");
      assert.equal(item.datum, "2026-07-01");
      assert.equal((await req("aanbieder", "GET", "/kwaliteit/herinneringen")).json().items.length, 1);
      assert.deepEqual((await req("andere.aanbieder", "GET", "/kwaliteit/herinneringen")).json().items, []);
      assert.deepEqual((await req("cm.tynaarlo", "GET", "/kwaliteit/herinneringen")).json().items, []);
      assert.equal((await req(null, "GET", "/kwaliteit/herinneringen")).statusCode, 401);
      assert.equal((await req("contractmanager", "GET", "/kwaliteit/herinneringen?dagen=-1")).statusCode, 400);
    });

    test("every access to an assessment is in the access log", async () => {
      const log = await t.kader.accessLog.list({ limit: 1000 });
      const q = log.filter((l) => l.resource === "zelfevaluatie");
      assert.ok(q.some((l) => !l.allowed && l.username === "andere.aanbieder"));
      assert.ok(q.some((l) => l.allowed && l.username === "contractmanager" && l.action === "write"));
    });
  });
});
