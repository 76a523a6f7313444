/**
 * End to end: a municipality runs a month of provider messages through `kader berichten verwerk` and gets correct
 * retour and antwoord messages in --uit (issue 6, "Done when"). The answers validate with the codec and, where xmllint
 * and the reference XSDs are present, with `xmllint --schema`. Running the same month again changes nothing: every
 * message is answered with a 9056 retour (TR056), the first answers stay as they were. An answer committed but not yet
 * written (the command stopped in between) is written on the rerun, byte for byte.
 */
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import JSZip from "jszip";
import { berichtenVerwerk } from "../src/cli/messages.ts";
import type { Output } from "../src/cli/output.ts";
import { messageByName, validateMessage } from "../src/messages/index.ts";
import { type TestApp, testApp } from "./support/app.ts";
import { dbLabel } from "./support/db.ts";
import { hasReference, hasXmllint, NO_REFERENCE, NO_XMLLINT, scratch, xmllintVerdicts, xsdFor } from "./messages/support.ts";
import {
  antwoordCodes,
  bsn,
  contract,
  GEMEENTE,
  headerCodes,
  m301,
  m305,
  m307,
  m315,
  m317,
  m323,
  type Prest,
  prestatieCodes,
  productCodes,
  readAnswer,
} from "./messages-processing-support.ts";

const capture = () => {
  const lines: string[] = [];
  const errors: string[] = [];
  let json: unknown = null;
  const out: Output = { line: (s) => lines.push(s), err: (s) => errors.push(s), json: (v) => (json = v), raw: () => {} };
  return {
    out,
    lines,
    errors,
    json: () =>
      json as {
        berichten: { bestandsnaam: string; status: string; retourcodes: string[]; berichtId: number | null; antwoorden: { bestandsnaam: string }[] }[];
      },
  };
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
    for (let i = 0; i < CLIENTS; i++)
      write(`305-${i}.xml`, m305({ id: `S${i}`, dag: "2026-05-02", bsn: bsn(100 + i), items: [{ nummer: 2000 + i, begindatum: "2026-05-01" }] }));
    write("305-0-opnieuw.xml", readFileSync(join(inDir, "305-0.xml")));
    write("305-onbekend.xml", m305({ id: "SX", dag: "2026-05-02", bsn: bsn(100), items: [{ nummer: 9999, begindatum: "2026-05-01" }] }));
    for (let i = 0; i < 3; i++)
      write(
        `307-${i}.xml`,
        m307({ id: `P${i}`, dag: "2026-05-21", bsn: bsn(100 + i), items: [{ nummer: 2000 + i, begindatum: "2026-05-01", einddatum: "2026-05-20" }] }),
      );
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
    write(
      "323-mei.xml",
      m323({ id: "D05", nummer: "MEI2026", clients: Array.from({ length: CLIENTS }, (_, i) => ({ bsn: bsn(100 + i), prestaties: prestaties(i) })) }),
    );
    // a file that is not a message at all is reported, not answered
  });
  after(() => t.close());

  test("every message is processed in order and answered in --uit, named after the message it answers", async () => {
    const c = capture();
    const code = await berichtenVerwerk(c.out, t.kader, [inDir], { rol: "gemeente", gemeente: GEMEENTE, uit, json: true });
    assert.equal(code, 0, c.errors.join("\n"));
    const r = c.json().berichten;
    const status = (f: string) => r.find((x) => x.bestandsnaam.endsWith(f))!.status;
    assert.equal(r.filter((x) => x.retourcodes.includes("9056")).length, 1);
    assert.equal(r.length, CLIENTS * 2 + 2 + 3 + 2 + 1 + 1);
    assert.equal(status("301-0.xml"), "geregistreerd");
    // the same start under two file names: processed once (file name order), the other answered with 9056, not stored
    assert.deepEqual([status("305-0-opnieuw.xml"), status("/305-0.xml")], ["verwerkt", "afgekeurd"]);
    const dup = r.find((x) => x.bestandsnaam.endsWith("/305-0.xml"))!;
    assert.deepEqual([dup.retourcodes, dup.berichtId], [["9056"], null]);
    assert.equal(status("323-mei.xml"), "verwerkt");
    const files = readdirSync(uit).sort();
    for (let i = 1; i < CLIENTS; i++) assert.ok(files.includes(`305-${i}_S${i}.WMO306.xml`), `305-${i}`);
    assert.ok(files.includes("305-0-opnieuw_S0.WMO306.xml"));
    const retour9056 = files.filter((f) => f.startsWith("305-0_S0."));
    assert.equal(retour9056.length, 1, files.join(", "));
    assert.match(retour9056[0]!, /^305-0_S0\.9056-KDR[0-9]{9}\.WMO306\.xml$/);
    assert.deepEqual(headerCodes(readAnswer(readFileSync(join(uit, retour9056[0]!), "utf8"))), ["9056"]);
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

  test("running the same month again changes nothing: every message gets a 9056 retour, the first answers stay as they were", async () => {
    const before_ = Object.fromEntries(readdirSync(uit).map((f) => [f, readFileSync(join(uit, f), "utf8")]));
    const count = async () =>
      (
        await t.db.query<{ n: number }>(
          "select (select count(*) from bericht) + (select count(*) from prestatie) + (select count(*) from toewijzing_event) + (select count(*) from bericht_verzoek) as n",
        )
      )[0]!.n;
    const rows = await count();
    const c = capture();
    assert.equal(await berichtenVerwerk(c.out, t.kader, [inDir], { rol: "gemeente", gemeente: GEMEENTE, uit }), 0);
    assert.equal(await count(), rows);
    assert.ok(c.lines.at(-1)!.includes(`${CLIENTS * 2 + 9} afgekeurd (${CLIENTS * 2 + 9} met 9056`), c.lines.at(-1));
    for (const [f, x] of Object.entries(before_)) assert.equal(readFileSync(join(uit, f), "utf8"), x, f);
    // one new 9056 retour per answered message (the 301s are only registered): header only, valid
    const added = readdirSync(uit).filter((f) => !(f in before_));
    assert.equal(added.length, CLIENTS + 2 + 3 + 2 + 1 + 1, added.join(", "));
    for (const f of added) {
      assert.match(f, /\.9056-KDR[0-9]{9}\.WMO3(06|08|16|18|25)\.xml$/);
      const x = readFileSync(join(uit, f), "utf8");
      assert.deepEqual(validateMessage(x).failures, [], f);
      assert.deepEqual(headerCodes(readAnswer(x)), ["9056"], f);
    }
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
    const stop = (id: string, nummer: number, einddatum = "2026-05-25") =>
      m307({ id, dag: "2026-05-26", bsn: bsn(100 + nummer - 2000), items: [{ nummer, begindatum: "2026-05-01", einddatum }] });
    writeFileSync(join(base, "dir1", "stop.xml"), stop("Q1", 2003));
    writeFileSync(join(base, "dir2", "stop.xml"), stop("Q2", 2004));
    // the same file name and the same Identificatie as dir1, but another message: rejected (9056) — a retour of its own
    writeFileSync(join(base, "dir3", "stop.xml"), stop("Q1", 2007, "2026-05-24"));
    const zip = new JSZip();
    zip.file("a/stop.xml", stop("Q3", 2005));
    zip.file("b/stop.xml", stop("Q4", 2006));
    writeFileSync(join(base, "stops.zip"), await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const c = capture();
    assert.equal(await berichtenVerwerk(c.out, t.kader, [base], { rol: "gemeente", gemeente: GEMEENTE, uit: uit2 }), 0, c.errors.join("\n"));
    const files = readdirSync(uit2).sort();
    assert.equal(files.length, 5, files.join(", "));
    for (const f of ["stop_Q1.WMO308.xml", "stop_Q2.WMO308.xml", "stops-a-stop_Q3.WMO308.xml", "stops-b-stop_Q4.WMO308.xml"])
      assert.ok(files.includes(f), `${f} in ${files.join(", ")}`);
    assert.ok(
      files.some((f) => /^stop_Q1\.9056-KDR[0-9]{9}\.WMO308\.xml$/.test(f)),
      files.join(", "),
    );
    assert.ok(c.lines.at(-1)!.includes("5 antwoorden"), c.lines.at(-1));
    // every answer written is a valid 308 and the five are five different messages
    const texts = files.map((f) => readFileSync(join(uit2, f), "utf8"));
    assert.equal(new Set(texts).size, 5);
    for (const [i, x] of texts.entries()) assert.deepEqual(validateMessage(x).failures, [], files[i]);
    // the same run again: the five files stay as they were; each message now gets a 9056 retour of its own
    const again = capture();
    assert.equal(await berichtenVerwerk(again.out, t.kader, [base], { rol: "gemeente", gemeente: GEMEENTE, uit: uit2 }), 0);
    const now = readdirSync(uit2).sort();
    for (const [i, f] of files.entries()) assert.equal(readFileSync(join(uit2, f), "utf8"), texts[i], f);
    assert.equal(now.length, 10, now.join(", "));
    assert.equal(now.filter((f) => f.includes(".9056-")).length, 6);
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
    // --json: the same findings as fields (sent again, the message gets 9056 — and is still explained)
    const j = capture();
    await berichtenVerwerk(j.out, t.kader, [f], { rol: "gemeente", gemeente: GEMEENTE, uit: join(dir, "uit-fout"), json: true });
    const b = (
      j.json() as unknown as {
        berichten: {
          status: string;
          retourcodes: string[];
          bevindingen: { code: string; retourcode?: string; path?: string; line?: number; message: string }[];
        }[];
      }
    ).berichten[0]!;
    assert.deepEqual([b.status, b.retourcodes], ["afgekeurd", ["9056"]]);
    assert.ok(b.bevindingen.some((x) => x.retourcode === "9056"));
    const rules = b.bevindingen.filter((x) => x.retourcode === "0001").map((x) => [x.code, x.path, typeof x.line]);
    assert.deepEqual(rules, [
      ["XSD", "Bericht/Declaratie/TotaalIngediendBedrag", "number"],
      ["CS002", "Bericht/Declaratie/Clienten/Client[1]", "number"],
    ]);
  });

  test("the command stops after a message's commit, before its answer is written: the rerun writes that answer, byte for byte; the next run answers 9056", async () => {
    const f = join(dir, "later-305.xml");
    writeFileSync(f, m305({ id: "LATER1", dag: "2026-05-02", bsn: bsn(100 + 11), items: [{ nummer: 2011, begindatum: "2026-05-30", status: "1" }] }));
    const out3 = join(dir, "uit-later");
    const name = "later-305_LATER1.WMO306.xml";
    // a directory (not empty) where the answer file goes: writing it fails after the message was committed
    mkdirSync(join(out3, name, "bezet"), { recursive: true });
    const rows = async () => Number((await t.db.query<{ n: number }>("select count(*)::int as n from bericht"))[0]!.n);
    const before_ = await rows();
    await assert.rejects(berichtenVerwerk(capture().out, t.kader, [f], { rol: "gemeente", gemeente: GEMEENTE, uit: out3 }));
    assert.equal(await rows(), before_ + 2, "the message and its answer are committed");
    const stored = (
      await t.db.query<{ id: number; xml: string; geschreven_op: string | null }>(
        "select id, xml, geschreven_op::text as geschreven_op from bericht where bestandsnaam = $1",
        [name],
      )
    )[0]!;
    assert.equal(stored.geschreven_op, null, "not yet written");
    rmSync(join(out3, name), { recursive: true });
    // the rerun: the committed answer, under its name, byte for byte; nothing stored
    const c = capture();
    assert.equal(await berichtenVerwerk(c.out, t.kader, [f], { rol: "gemeente", gemeente: GEMEENTE, uit: out3, json: true }), 0);
    assert.deepEqual(
      c.json().berichten.map((x) => x.status),
      ["herhaald"],
    );
    assert.deepEqual(readdirSync(out3), [name]);
    assert.equal(readFileSync(join(out3, name), "utf8"), stored.xml);
    assert.equal(await rows(), before_ + 2);
    const marked = (
      await t.db.query<{ geschreven_op: string | null }>("select geschreven_op::text as geschreven_op from bericht where id = $1", [stored.id])
    )[0]!;
    assert.notEqual(marked.geschreven_op, null, "marked written");
    // written now: the next run is a 9056, the answer file stays as it was
    const d = capture();
    assert.equal(await berichtenVerwerk(d.out, t.kader, [f], { rol: "gemeente", gemeente: GEMEENTE, uit: out3, json: true }), 0);
    assert.deepEqual(
      d.json().berichten.map((x) => [x.status, x.retourcodes]),
      [["afgekeurd", ["9056"]]],
    );
    assert.equal(readFileSync(join(out3, name), "utf8"), stored.xml);
    assert.equal(readdirSync(out3).length, 2);
    assert.equal(await rows(), before_ + 2);
  });
});
