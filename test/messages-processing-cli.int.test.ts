/**
 * End to end: a municipality runs a month of provider messages through `kader berichten verwerk` and gets correct
 * retour and antwoord messages in --uit (issue 6, "Done when"). The answers validate with the codec and, where xmllint
 * and the reference XSDs are present, with `xmllint --schema`. Running the same month again changes nothing.
 */
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import JSZip from "jszip";
import { berichtenVerwerk } from "../src/cli/messages.ts";
import type { Output } from "../src/cli/output.ts";
import { messageByName, validateMessage } from "../src/messages/index.ts";
import { type TestApp, testApp } from "./support/app.ts";
import { dbLabel } from "./support/db.ts";
import { hasReference, hasXmllint, NO_REFERENCE, NO_XMLLINT, scratch, xmllintVerdicts, xsdFor } from "./messages/support.ts";
import { antwoordCodes, bsn, contract, GEMEENTE, headerCodes, m301, m305, m307, m315, m317, m323, type Prest, prestatieCodes, productCodes, readAnswer } from "./messages-processing-support.ts";

const capture = () => {
  const lines: string[] = [];
  const errors: string[] = [];
  let json: unknown = null;
  const out: Output = { line: (s) => lines.push(s), err: (s) => errors.push(s), json: (v) => (json = v), raw: () => {} };
  return { out, lines, errors, json: () => json as { berichten: { bestandsnaam: string; status: string; retourcodes: string[]; antwoorden: { bestandsnaam: string }[] }[] } };
};

const CLIENTS = 24;
let t: TestApp;
let dir: string;
let inDir: string;
let uit: string;

describe(`een maand aanbiedersberichten door kader berichten verwerk (${dbLabel()})`, () => {
  before(async () => {
    t = await testApp();
    await contract(t.kader, t.db, { productcode: "02A05", cents: 6000 });
    dir = scratch();
    inDir = join(dir, "in");
    uit = join(dir, "uit");
    mkdirSync(inDir);
    const write = (name: string, bytes: Uint8Array) => writeFileSync(join(inDir, name), bytes);
    // the gemeente's own toewijzingen (its 301s of January) — loaded first, by Dagtekening
    for (let i = 0; i < CLIENTS; i++) write(`301-${i}.xml`, m301({ id: `T${i}`, bsn: bsn(100 + i), producten: [{ nummer: 2000 + i }] }));
    // May: a start for every client (one twice, under another file name), stops for three, a start without toewijzing
    for (let i = 0; i < CLIENTS; i++) write(`305-${i}.xml`, m305({ id: `S${i}`, dag: "2026-05-02", bsn: bsn(100 + i), items: [{ nummer: 2000 + i, begindatum: "2026-05-01" }] }));
    write("305-0-opnieuw.xml", readFileSync(join(inDir, "305-0.xml")));
    write("305-onbekend.xml", m305({ id: "SX", dag: "2026-05-02", bsn: bsn(100), items: [{ nummer: 9999, begindatum: "2026-05-01" }] }));
    for (let i = 0; i < 3; i++) write(`307-${i}.xml`, m307({ id: `P${i}`, dag: "2026-05-21", bsn: bsn(100 + i), items: [{ nummer: 2000 + i, begindatum: "2026-05-01", einddatum: "2026-05-20" }] }));
    // two verzoeken in a ZIP batch, one verzoek om wijziging
    const zip = new JSZip();
    zip.file("315-a.xml", m315({ id: "V1", dag: "2026-05-10", bsn: bsn(200), refs: ["MEI-1"] }));
    zip.file("315-b.xml", m315({ id: "V2", dag: "2026-05-10", bsn: bsn(201), refs: ["MEI-2"] }));
    write("verzoeken.zip", await zip.generateAsync({ type: "uint8array" }));
    write("317.xml", m317({ id: "W1", dag: "2026-05-12", bsn: bsn(110), ref: "MEI-3", tewijzigen: [2010] }));
    // the May declaratie: everyone 4 hours, with three mistakes
    const prestaties = (i: number): Prest[] => {
      const base: Prest = { ref: `MEI-${i}`, nummer: 2000 + i, volume: 4 };
      if (i < 3) return [{ ...base, eind: "2026-05-20" }];
      if (i === 5) return [{ ...base, tarief: 6100 }]; // 0611
      if (i === 6) return [{ ...base, nummer: 7777 }]; // 9338
      if (i === 7) return [{ ...base, volume: 40 }]; // 9321
      return [base];
    };
    write("323-mei.xml", m323({ id: "D05", nummer: "MEI2026", clients: Array.from({ length: CLIENTS }, (_, i) => ({ bsn: bsn(100 + i), prestaties: prestaties(i) })) }));
    // a file that is not a message at all is reported, not answered
  });
  after(() => t.close());

  test("every message is processed in order and answered in --uit, named after the message it answers", async () => {
    const c = capture();
    const code = await berichtenVerwerk(c.out, t.kader, [inDir], { rol: "gemeente", gemeente: GEMEENTE, uit, json: true });
    assert.equal(code, 0, c.errors.join("\n"));
    const r = c.json().berichten;
    const status = (f: string) => r.find((x) => x.bestandsnaam.endsWith(f))!.status;
    assert.equal(r.filter((x) => x.status === "herhaald").length, 1);
    assert.equal(r.length, CLIENTS * 2 + 2 + 3 + 2 + 1 + 1);
    assert.equal(status("301-0.xml"), "geregistreerd");
    // the same start under two file names: processed once (file name order), the other answered as before
    assert.deepEqual([status("305-0-opnieuw.xml"), status("/305-0.xml")], ["verwerkt", "herhaald"]);
    assert.equal(status("323-mei.xml"), "verwerkt");
    const files = readdirSync(uit).sort();
    for (let i = 0; i < CLIENTS; i++) assert.ok(files.includes(`305-${i}_S${i}.WMO306.xml`), `305-${i}`);
    assert.ok(files.includes("verzoeken-315-a_V1.WMO316.xml"));
    assert.ok(files.includes("317_W1.WMO318.xml"));
    assert.ok(files.includes("323-mei_D05.WMO325.xml"));
    assert.ok(!files.some((f) => f.startsWith("301-")), "the gemeente's own 301s are registered, not answered");
  });

  test("the retour and antwoord messages carry the right retourcodes", () => {
    const read = (f: string) => readAnswer(readFileSync(join(uit, f), "utf8"));
    assert.deepEqual(productCodes(read("305-1_S1.WMO306.xml"), "StartProducten"), [["0200"]]);
    assert.deepEqual(productCodes(read("305-onbekend_SX.WMO306.xml"), "StartProducten"), [["9019"]]);
    assert.deepEqual(productCodes(read("307-2_P2.WMO308.xml"), "StopProducten"), [["0200"]]);
    assert.deepEqual(headerCodes(read("verzoeken-315-b_V2.WMO316.xml")), ["0200"]);
    const m325 = read("323-mei_D05.WMO325.xml");
    const codes = prestatieCodes(m325);
    assert.deepEqual([...codes.keys()].sort(), ["MEI-5", "MEI-6", "MEI-7"]);
    assert.deepEqual(codes.get("MEI-5"), ["0611"]);
    assert.deepEqual(codes.get("MEI-6"), ["9338"]);
    assert.ok(codes.get("MEI-7")!.includes("9321"));
    assert.deepEqual(antwoordCodes(m325), ["0200"]);
    const toegekend = (m325.DeclaratieAntwoord as { TotaalToegekendBedrag: { TotaalBedrag: number } }).TotaalToegekendBedrag.TotaalBedrag;
    assert.equal(toegekend, (CLIENTS - 3) * 4 * 6000);
  });

  test("every answer validates with the codec, OP192 included", () => {
    for (const f of readdirSync(uit)) assert.deepEqual(validateMessage(readFileSync(join(uit, f))).failures, [], f);
  });

  test("every answer validates against the official XSD (xmllint)", { skip: !hasXmllint ? NO_XMLLINT : !hasReference ? NO_REFERENCE : false }, () => {
    const byName = new Map<string, string[]>();
    for (const f of readdirSync(uit)) {
      const name = f.split(".").at(-2)!.replace(/-\d+$/, "");
      byName.set(name, [...(byName.get(name) ?? []), join(uit, f)]);
    }
    for (const [name, files] of byName) {
      const verdicts = xmllintVerdicts(xsdFor(messageByName(name)!), files);
      for (const [f, v] of verdicts) assert.ok(v.valid, `${f} (regel ${v.firstLine})`);
    }
  });

  test("running the same month again changes nothing and writes the same answers", async () => {
    const before_ = Object.fromEntries(readdirSync(uit).map((f) => [f, readFileSync(join(uit, f), "utf8")]));
    const count = async () => (await t.db.query<{ n: number }>("select (select count(*) from bericht) + (select count(*) from prestatie) + (select count(*) from toewijzing_event) as n"))[0]!.n;
    const rows = await count();
    const c = capture();
    assert.equal(await berichtenVerwerk(c.out, t.kader, [inDir], { rol: "gemeente", gemeente: GEMEENTE, uit }), 0);
    assert.equal(await count(), rows);
    assert.ok(c.lines.at(-1)!.includes(`${CLIENTS * 2 + 9} al verwerkt`), c.lines.at(-1));
    for (const [f, x] of Object.entries(before_)) assert.equal(readFileSync(join(uit, f), "utf8"), x, f);
  });

  test("exit 1 when an input cannot be read or is not for this gemeente", async () => {
    const c = capture();
    writeFileSync(join(dir, "kapot.xml"), "geen xml");
    assert.equal(await berichtenVerwerk(c.out, t.kader, [join(dir, "bestaat-niet.xml")], { rol: "gemeente", uit }), 1);
    assert.equal(await berichtenVerwerk(c.out, t.kader, [join(dir, "kapot.xml")], { rol: "gemeente", uit }), 1);
    assert.equal(await berichtenVerwerk(c.out, t.kader, [join(inDir, "305-1.xml")], { rol: "gemeente", gemeente: "1730", uit }), 1);
  });

  test("answers never overwrite each other: the same file name in two folders, and in two folders of a ZIP (issue 13)", async () => {
    const base = join(dir, "zelfde-naam");
    const uit2 = join(dir, "uit-zelfde-naam");
    for (const d of ["dir1", "dir2", "dir3"]) mkdirSync(join(base, d), { recursive: true });
    const stop = (id: string, nummer: number, einddatum = "2026-05-25") => m307({ id, dag: "2026-05-26", bsn: bsn(100 + nummer - 2000), items: [{ nummer, begindatum: "2026-05-01", einddatum }] });
    writeFileSync(join(base, "dir1", "stop.xml"), stop("Q1", 2003));
    writeFileSync(join(base, "dir2", "stop.xml"), stop("Q2", 2004));
    // the same file name and the same Identificatie as dir1, but another message: rejected (9056) — a different answer
    writeFileSync(join(base, "dir3", "stop.xml"), stop("Q1", 2007, "2026-05-24"));
    const zip = new JSZip();
    zip.file("a/stop.xml", stop("Q3", 2005));
    zip.file("b/stop.xml", stop("Q4", 2006));
    writeFileSync(join(base, "stops.zip"), await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const c = capture();
    assert.equal(await berichtenVerwerk(c.out, t.kader, [base], { rol: "gemeente", gemeente: GEMEENTE, uit: uit2 }), 0, c.errors.join("\n"));
    const files = readdirSync(uit2).sort();
    assert.equal(files.length, 5, files.join(", "));
    for (const f of ["stop_Q1.WMO308.xml", "stop_Q2.WMO308.xml", "stops-a-stop_Q3.WMO308.xml", "stops-b-stop_Q4.WMO308.xml"]) assert.ok(files.includes(f), `${f} in ${files.join(", ")}`);
    assert.ok(c.lines.at(-1)!.includes("5 antwoorden"), c.lines.at(-1));
    // every answer written is a valid 308 and the five are five different messages
    const texts = files.map((f) => readFileSync(join(uit2, f), "utf8"));
    assert.equal(new Set(texts).size, 5);
    for (const [i, x] of texts.entries()) assert.deepEqual(validateMessage(x).failures, [], files[i]);
    // and the names are stable: the same run again writes the same five files
    const again = capture();
    assert.equal(await berichtenVerwerk(again.out, t.kader, [base], { rol: "gemeente", gemeente: GEMEENTE, uit: uit2 }), 0);
    assert.deepEqual(readdirSync(uit2).sort(), files);
    for (const [i, f] of files.entries()) assert.equal(readFileSync(join(uit2, f), "utf8"), texts[i], f);
  });

  test("the CLI says why a message is rejected: line, rule, retourcode and element path of every failure (issue 13)", async () => {
    // the case: a WMO323 with an invalid BSN and no DeclaratieDagtekening
    const bad = Buffer.from(
      new TextDecoder()
        .decode(m323({ id: "BAD1", nummer: "FOUT1", clients: [{ bsn: bsn(150), prestaties: [{ ref: "F1", nummer: 2008 }] }] }))
        .replace(/<wmo323:Bsn>[0-9]+</, "<wmo323:Bsn>123456789<")
        .replace(/\t*<wmo323:DeclaratieDagtekening>[^<]+<\/wmo323:DeclaratieDagtekening>\r\n/, ""),
    );
    const f = join(dir, "fout-323.xml");
    writeFileSync(f, bad);
    const c = capture();
    assert.equal(await berichtenVerwerk(c.out, t.kader, [f], { rol: "gemeente", gemeente: GEMEENTE, uit: join(dir, "uit-fout") }), 0);
    const text = c.lines.join("\n");
    assert.match(text, /^afgekeurd/m);
    // every failure, not only "0001": the invalid BSN (CS002) and the missing DeclaratieDagtekening (XSD)
    assert.match(text, /regel \d+ +CS002 0001 +Bericht\/Declaratie\/Clienten\/Client\[1\]: .*11-proef/);
    assert.match(text, /regel \d+ +XSD 0001 +Bericht\/Declaratie\/TotaalIngediendBedrag: .*DeclaratieDagtekening/);
    // --json: the same findings as fields (sent again, the message is answered as before and still explained)
    const j = capture();
    await berichtenVerwerk(j.out, t.kader, [f], { rol: "gemeente", gemeente: GEMEENTE, uit: join(dir, "uit-fout"), json: true });
    const b = (j.json() as unknown as { berichten: { status: string; bevindingen: { code: string; retourcode?: string; path?: string; line?: number; message: string }[] }[] }).berichten[0]!;
    assert.equal(b.status, "herhaald");
    const rules = b.bevindingen.filter((x) => x.retourcode === "0001").map((x) => [x.code, x.path, typeof x.line]);
    assert.deepEqual(rules, [
      ["XSD", "Bericht/Declaratie/TotaalIngediendBedrag", "number"],
      ["CS002", "Bericht/Declaratie/Clienten/Client[1]", "number"],
    ]);
  });
});
