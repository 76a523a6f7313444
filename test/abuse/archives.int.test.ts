/**
 * Archive limits before inflating (issue 13 §1): ZIP batches through the API and the CLI, and XLSX files disguised
 * ZIP bombs, are checked from their headers and capped while inflating — a lying size field, an entry that inflates
 * past 25 MB, a 459 kB ZIP of a WMO305 padded to 450 MB, 31 messages, an empty ZIP, path traversal and CRLF in entry
 * names: each is refused with a Dutch problem (OP192, retourcode 0001), never a 500, nothing stored, and the padded
 * case without allocating its 450 MB.
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { crc32, createDeflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readUitvraagXlsx } from "../../src/adapters/files/conversion-workbook.ts";
import { parseStaffFile } from "../../src/adapters/files/staff-import.ts";
import { berichtenValideer, berichtenVerwerk } from "../../src/cli/messages.ts";
import type { Output } from "../../src/cli/output.ts";
import { ZipArchive } from "../../src/messages/archive.ts";
import { scratch } from "../messages/support.ts";
import { bsn, m305 } from "../messages-processing-support.ts";
import { type TestApp, testApp } from "../support/app.ts";
import { dbLabel } from "../support/db.ts";
import { type Session, signIn, unchanged } from "./support.ts";
import { deflated, type RawEntry, rawZip } from "./zip.ts";

const MB = 1024 * 1024;
/** the demo aanbieder's AGB code */
const DEMO_AGB = "98765432";

/** A WMO305 with `pad` spaces after its XML declaration, deflated as a stream: the 450 MB are never in memory. */
async function paddedMessage(pad: number): Promise<Omit<RawEntry, "name">> {
  const xml = Buffer.from(m305({ id: "PAD", bsn: bsn(900), items: [{ nummer: 1, begindatum: "2026-05-01" }] }));
  const cut = xml.indexOf("\r\n") + 2;
  const d = createDeflateRaw({ level: 9, memLevel: 9 });
  const chunks: Buffer[] = [];
  d.on("data", (c: Buffer) => chunks.push(c));
  const ended = once(d, "end");
  let crc = crc32(xml.subarray(0, cut));
  d.write(xml.subarray(0, cut));
  const block = Buffer.alloc(MB, 0x20);
  for (let n = 0; n < pad; n += block.length) {
    const b = n + block.length <= pad ? block : block.subarray(0, pad - n);
    crc = crc32(b, crc);
    if (!d.write(b)) await once(d, "drain");
  }
  crc = crc32(xml.subarray(cut), crc);
  d.end(xml.subarray(cut));
  await ended;
  return { data: Buffer.concat(chunks), crc, size: xml.length + pad };
}

/** A real ZIP (JSZip) whose size fields are patched afterwards: in the local header and the central directory. */
async function lyingZip(name: string, content: string | Uint8Array, declared: number): Promise<Buffer> {
  const z = new JSZip();
  z.file(name, content);
  const b = Buffer.from(await z.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  const local = b.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  b.writeUInt32LE(declared, local + 22);
  const central = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  b.writeUInt32LE(declared, central + 24);
  return b;
}

const capture = () => {
  const lines: string[] = [];
  const errors: string[] = [];
  const out: Output = { line: (s) => lines.push(s), err: (s) => errors.push(s), json: () => {}, raw: () => {} };
  return { out, lines, errors };
};

describe(`archives: limits before and while inflating (${dbLabel()})`, () => {
  let t: TestApp;
  let aanbieder: Session;
  let padded: Omit<RawEntry, "name">;
  const upload = (bytes: Uint8Array, name = "batch") =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/berichten?bestandsnaam=${name}`,
      headers: { ...aanbieder.headers, "content-type": "application/zip" },
      payload: Buffer.from(bytes),
    });

  /** Asserts a refused batch: 400, problem+json, every problem Dutch with OP192's retourcode, nothing stored. */
  const refused = async (what: string, bytes: Uint8Array, detail: RegExp) => {
    const r = await unchanged(t.db, what, () => upload(bytes));
    assert.equal(r.statusCode, 400, `${what}: ${r.body.slice(0, 300)}`);
    assert.match(String(r.headers["content-type"]), /application\/problem\+json/);
    const body = r.json() as { title: string; detail: string; problems: { title: string; detail: string; retourcode?: string; file?: string }[] };
    assert.equal(body.title, "Ongeldige batch (OP192)", what);
    assert.match(body.detail, detail, what);
    assert.ok(
      body.problems.every((p) => p.retourcode === "0001" && p.file === "batch.zip"),
      what,
    );
    assert.doesNotMatch(body.detail, /uncompressed|mismatch|Bug|Error|undefined/, what);
    return body;
  };

  before(async () => {
    t = await testApp({ demoUsers: true });
    aanbieder = await signIn(t.app, "aanbieder");
    padded = await paddedMessage(450 * MB);
  });
  after(() => t.close());

  test("the padded WMO305 is a ZIP of about 459 kB that inflates to 450 MB", () => {
    assert.ok(padded.data.length < 600 * 1024, `${padded.data.length} bytes`);
    assert.ok(padded.size > 450 * MB, `${padded.size} bytes`);
  });

  test("450 MB padded, honest header: refused from the header, nothing inflated, memory bounded", async () => {
    global.gc?.();
    const rss = process.memoryUsage().rss;
    await refused(
      "450 MB, honest",
      rawZip([{ name: "start.xml", ...padded }]),
      /start\.xml" is uitgepakt groter dan 25 MB \(450(,0)? MB volgens de kop\); niet uitgepakt/,
    );
    assert.ok(process.memoryUsage().rss - rss < 200 * MB, `rss +${Math.round((process.memoryUsage().rss - rss) / MB)} MB`);
  });

  test("450 MB padded, header claiming 2 kB: inflating stops just past the 2 kB claimed, memory bounded", async () => {
    global.gc?.();
    const rss = process.memoryUsage().rss;
    await refused(
      "450 MB, lying",
      rawZip([{ name: "start.xml", ...padded, declared: 2048 }]),
      /start\.xml" pakt uit tot meer dan de 2 kB die de kop noemt; het uitpakken is gestopt/,
    );
    assert.ok(process.memoryUsage().rss - rss < 200 * MB, `rss +${Math.round((process.memoryUsage().rss - rss) / MB)} MB`);
  });

  test("450 MB padded, header claiming 25 MB: inflating stops at 25 MB + 1 byte, whatever the header claims", async () => {
    global.gc?.();
    const rss = process.memoryUsage().rss;
    await refused(
      "450 MB, claiming 25 MB",
      rawZip([{ name: "start.xml", ...padded, declared: 25 * MB }]),
      /start\.xml" is uitgepakt groter dan 25 MB \(de kop noemt 25 MB\); het uitpakken is gestopt/,
    );
    assert.ok(process.memoryUsage().rss - rss < 200 * MB, `rss +${Math.round((process.memoryUsage().rss - rss) / MB)} MB`);
  });

  test("a real ZIP whose size field is patched: smaller than the data is damaged, larger than 25 MB is refused", async () => {
    const xml = m305({ id: "LIE", bsn: bsn(901), items: [{ nummer: 1, begindatum: "2026-05-01" }] });
    await refused("size too small", await lyingZip("start.xml", xml, 100), /start\.xml" pakt uit tot meer dan de 1 kB die de kop noemt/);
    await refused("size too large", await lyingZip("start.xml", xml, 100_000), /start\.xml" is beschadigd: de inhoud klopt niet met de kop/);
    await refused("size too large", await lyingZip("start.xml", xml, 30 * MB), /groter dan 25 MB \(30 MB volgens de kop\)/);
  });

  test("a highly compressible entry past 25 MB, honest header (JSZip)", async () => {
    const z = new JSZip();
    z.file("groot.xml", new Uint8Array(25 * MB + 1));
    await refused("25 MB + 1", await z.generateAsync({ type: "uint8array", compression: "DEFLATE" }), /groot\.xml" is uitgepakt groter dan 25 MB/);
  });

  test("more than 100 MB together, each message below 25 MB: refused from the headers", async () => {
    const one = deflated("x.xml", Buffer.alloc(24 * MB, 0x20));
    await refused("5 × 24 MB", rawZip([1, 2, 3, 4, 5].map((i) => ({ ...one, name: `m${i}.xml` }))), /samen groter dan 100 MB/);
    // the same with headers claiming 1 kB each: the running total stops the inflating
    await refused(
      "5 × 24 MB, lying",
      rawZip([1, 2, 3, 4, 5].map((i) => ({ ...one, name: `m${i}.xml`, declared: 1024 }))),
      /"m1\.xml" pakt uit tot meer dan de 1 kB die de kop noemt/,
    );
  });

  test("31 messages, an empty ZIP, a file that is no ZIP", async () => {
    const z = new JSZip();
    for (let i = 0; i < 31; i++) z.file(`m${i}.xml`, m305({ id: `M${i}`, bsn: bsn(910), items: [{ nummer: 1, begindatum: "2026-05-01" }] }));
    await refused(
      "31 messages",
      await z.generateAsync({ type: "uint8array", compression: "DEFLATE" }),
      /De batch bevat 31 berichten; maximaal 30 per ZIP-bestand/,
    );
    const empty = await new JSZip().generateAsync({ type: "uint8array" });
    await refused("empty ZIP", empty, /het ZIP-bestand is leeg/);
    await refused("no ZIP", Buffer.from("PK this is not a zip at all"), /geen ZIP-bestand|beschadigd/);
  });

  test("path traversal, absolute paths and CRLF in entry names are refused, named as a harmless excerpt", async () => {
    const xml = m305({ id: "NAME", bsn: bsn(920), items: [{ nummer: 1, begindatum: "2026-05-01" }] });
    await refused("traversal", rawZip([deflated("../../etc/kader.xml", xml)]), /verwijst met \.\. naar een map buiten het archief/);
    await refused("absolute", rawZip([deflated("/tmp/kader.xml", xml)]), /is een absoluut pad/);
    const crlf = await refused("CRLF", rawZip([deflated("a\r\nSet-Cookie: x.xml", xml)]), /"a\\r\\nSet-Cookie: x\.xml" bevat een stuurteken/);
    assert.ok(!JSON.stringify(crlf).includes("\r\n"), "no CRLF echoed");
    await refused("duplicate", rawZip([deflated("a.xml", xml), deflated("a.xml", xml)]), /staat meer dan eens/);
  });

  test("a sound batch is still processed (200), message by message", async () => {
    const z = new JSZip();
    z.file("a/start.xml", m305({ id: "OK1", agb: DEMO_AGB, bsn: bsn(930), items: [{ nummer: 1, begindatum: "2026-05-01" }] }));
    z.file("b/start.xml", m305({ id: "OK2", agb: DEMO_AGB, bsn: bsn(931), items: [{ nummer: 1, begindatum: "2026-05-01" }] }));
    const r = await upload(await z.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(
      r.json().berichten.map((b: { status: string }) => b.status),
      ["verwerkt", "verwerkt"],
      r.body.slice(0, 500),
    );
    const names = (r.json().berichten as { antwoorden: { bestandsnaam: string }[] }[]).flatMap((b) => b.antwoorden.map((a) => a.bestandsnaam)).sort();
    assert.deepEqual(names, ["batch-a-start_OK1.WMO306.xml", "batch-b-start_OK2.WMO306.xml"]);
  });

  test("the CLI: verwerk and valideer refuse the same ZIPs with exit 1 and a Dutch message, storing nothing", async () => {
    const dir = scratch();
    const uit = join(dir, "uit");
    mkdirSync(uit);
    const cases: [string, Buffer, RegExp][] = [
      ["liegt.zip", rawZip([{ name: "start.xml", ...padded, declared: 25 * MB }]), /uitgepakt groter dan 25 MB .*het uitpakken is gestopt/],
      [
        "gepatcht.zip",
        await lyingZip("start.xml", m305({ id: "LIE2", bsn: bsn(940), items: [{ nummer: 1, begindatum: "2026-05-01" }] }), 100),
        /pakt uit tot meer dan de 1 kB die de kop noemt/,
      ],
      ["leeg.zip", Buffer.from(await new JSZip().generateAsync({ type: "uint8array" })), /het ZIP-bestand is leeg/],
    ];
    for (const [name, bytes, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const c = capture();
      const code = await unchanged(t.db, `verwerk ${name}`, () => berichtenVerwerk(c.out, t.kader, [file], { rol: "gemeente", uit }));
      assert.equal(code, 1, name);
      assert.match(c.errors.join("\n"), message, name);
      assert.doesNotMatch(c.errors.join("\n"), /Bug|uncompressed data size mismatch/, name);
      const v = capture();
      assert.equal(await berichtenValideer(v.out, [file], {}), name === "leeg.zip" ? 1 : 0, name);
      assert.match(v.lines.join("\n"), message, name);
    }
  });
});

describe("XLSX files are checked under the same caps before exceljs opens them", () => {
  const sheetBomb = async (declared?: number) => {
    // a real workbook, whose sheet is replaced by 60 MB that deflate to a few kB
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Uitvraag").addRow(["Gemeente"]);
    const z = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const entries: RawEntry[] = [];
    for (const [name, f] of Object.entries(z.files)) {
      if (f.dir) continue;
      const content = name === "xl/worksheets/sheet1.xml" ? Buffer.alloc(60 * MB, 0x20) : Buffer.from(await f.async("uint8array"));
      entries.push(deflated(name, content, name === "xl/worksheets/sheet1.xml" ? declared : undefined));
    }
    return rawZip(entries);
  };

  test("a ZIP bomb named .xlsx is refused as a staff file, naming the file, honest or lying header", async () => {
    for (const declared of [undefined, 4096]) {
      const rss = process.memoryUsage().rss;
      const r = await parseStaffFile(await sheetBomb(declared), "medewerkers.xlsx");
      assert.ok(!r.ok, "refused");
      assert.deepEqual(
        r.problems.map((p) => [p.code, p.title, p.file]),
        [["payload-too-large", "Bestand te groot", "medewerkers.xlsx"]],
        String(declared),
      );
      assert.match(
        r.problems[0]!.detail,
        declared === undefined ? /xl\/worksheets\/sheet1\.xml" is uitgepakt groter dan 20 MB/ : /xl\/worksheets\/sheet1\.xml" pakt uit tot meer dan de 4 kB/,
      );
      assert.ok(process.memoryUsage().rss - rss < 200 * MB, "rss bounded");
    }
  });

  test("a ZIP bomb named .xlsx is refused as an uitvraag workbook, naming the file", async () => {
    for (const declared of [undefined, 4096]) {
      const r = await readUitvraagXlsx(await sheetBomb(declared), "uitvraag.xlsx");
      assert.ok(!r.ok, "refused");
      assert.deepEqual(
        r.problems.map((p) => [p.code, p.title, p.file]),
        [["payload-too-large", "Bestand te groot", "uitvraag.xlsx"]],
        String(declared),
      );
      assert.match(
        r.problems[0]!.detail,
        declared === undefined ? /xl\/worksheets\/sheet1\.xml" is uitgepakt groter dan 40 MB/ : /xl\/worksheets\/sheet1\.xml" pakt uit tot meer dan de 4 kB/,
      );
    }
  });

  test("a damaged .xlsx (CRC that does not match) is unreadable, in Dutch", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("P").addRow(["naam"]);
    const b = Buffer.from(await wb.xlsx.writeBuffer());
    const central = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    b.writeUInt32LE((b.readUInt32LE(central + 16) ^ 0xffff) >>> 0, central + 16);
    const r = await parseStaffFile(b, "p.xlsx");
    assert.ok(!r.ok, "refused");
    assert.equal(r.problems[0]!.title, "Bestand onleesbaar");
    assert.match(r.problems[0]!.detail, /beschadigd: de inhoud klopt niet met de kop/);
  });

  test("the reader itself: an entry count above the limit is refused before the directory is read", () => {
    const many = rawZip(Array.from({ length: 40 }, (_, i) => deflated(`p${i}.xml`, "x")));
    const r = ZipArchive.open(many, { maxEntries: 30, maxEntryBytes: MB, maxTotalBytes: MB });
    assert.ok(!r.ok, "refused");
    assert.deepEqual(
      r.errors.map((e) => e.kind),
      ["too-many-entries"],
    );
  });
});
