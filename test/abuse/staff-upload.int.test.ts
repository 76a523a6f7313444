/**
 * Staff files through the API (issue 13 §3): csv-parse's English errors ("Quote Not Closed", …) become Dutch with the
 * row, a NUL character (U+0000) in a cell is a Dutch problem naming row and column, and an XLSX that is a ZIP bomb is
 * refused before exceljs opens it — each a 4xx with a Dutch problem, never a 500, and nothing stored.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { STAFF_COLUMNS } from "../../src/adapters/files/staff-import.ts";
import { type TestApp, testApp } from "../support/app.ts";
import { dbLabel } from "../support/db.ts";
import { type Session, signIn, unchanged } from "./support.ts";

const HEADER = STAFF_COLUMNS.join(";");
const ROW = "Anna de Vries;hbo;ja;;werknemer;Begeleider;;;;;;;02A05";

interface Problem {
  title: string;
  detail: string;
  file?: string;
  line?: number;
  path?: string;
}

describe(`staff uploads: Dutch errors and nothing stored (${dbLabel()})`, () => {
  let t: TestApp;
  let cm: Session;
  const upload = (body: Uint8Array | string, file: string, type = "text/csv") =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/aanbieders/12345678/medewerkers?bestand=${file}&naam=Zorg%20BV`,
      headers: { ...cm.headers, "content-type": type },
      payload: Buffer.from(body),
    });
  const refused = async (what: string, body: Uint8Array | string, file: string, status: number, type?: string) => {
    const r = await unchanged(t.db, what, () => upload(body, file, type));
    assert.equal(r.statusCode, status, `${what}: ${r.body.slice(0, 400)}`);
    assert.match(String(r.headers["content-type"]), /application\/problem\+json/);
    const problems = r.json().problems as Problem[];
    assert.ok(problems.length > 0, what);
    for (const p of problems) assert.doesNotMatch(`${p.title} ${p.detail}`, /Quote Not Closed|Invalid|Error|CSV_[A-Z_]+|unsupported Unicode/, what);
    assert.ok(!r.body.includes("\\u0000"), `${what}: the NUL is not echoed`);
    return problems;
  };

  before(async () => {
    t = await testApp({ demoUsers: true });
    cm = await signIn(t.app, "contractmanager");
  });
  after(() => t.close());

  test("a quote that is never closed: Dutch, with the row", async () => {
    const p = await refused("quote", `${HEADER}\n${ROW}\n"Bram;hbo;ja\n${ROW}\n`, "p.csv", 400);
    assert.equal(p.length, 1);
    assert.equal(p[0]!.title, "Bestand onleesbaar");
    assert.equal(p[0]!.line, 3);
    assert.match(p[0]!.detail, /^rij 3: een aanhalingsteken \("\) wordt geopend maar niet gesloten/);
    assert.equal(p[0]!.file, "p.csv");
  });

  test("a NUL character in a cell: row and column named, nothing stored", async () => {
    const p = await refused("NUL in naam", `${HEADER}\n${ROW}\nBram\u0000 Jansen;hbo;ja;;werknemer;Begeleider;;;;;;;02A05\n`, "p.csv", 400);
    const nul = p.filter((x) => /NUL-teken/.test(x.detail));
    assert.equal(nul.length, 1, JSON.stringify(p));
    assert.equal(nul[0]!.line, 3);
    assert.equal(nul[0]!.path, "naam");
    assert.match(nul[0]!.detail, /^rij 3, kolom naam \(A\): de cel bevat een NUL-teken \(U\+0000\)/);
  });

  test("a NUL character in a header cell and in a column without a header", async () => {
    const p = await refused("NUL in header", `${HEADER};x\u0000y\n${ROW}\n`, "p.csv", 400);
    assert.ok(
      p.some((x) => /^rij 1, kolom 14 \(N\): de kolomkop bevat een NUL-teken/.test(x.detail)),
      JSON.stringify(p),
    );
  });

  test("an XLSX that is a ZIP bomb (its header lying or not) is refused before exceljs opens it", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("P").addRow([...STAFF_COLUMNS]);
    const z = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const sheet = Buffer.alloc(64 * 1024 * 1024, 0x20);
    // the sheet replaced by 64 MB of spaces (a few kB deflated); the header claims the truth or 2 kB
    for (const declared of [sheet.length, 2048]) {
      const raw = new JSZip();
      for (const [name, f] of Object.entries(z.files)) if (!f.dir && name !== "xl/worksheets/sheet1.xml") raw.file(name, await f.async("uint8array"));
      const b = Buffer.from(await raw.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
      const bomb = withEntry(b, "xl/worksheets/sheet1.xml", deflateRawSync(sheet), crc32(sheet), declared);
      const rss = process.memoryUsage().rss;
      const p = await refused(`bomb ${declared}`, bomb, "medewerkers.xlsx", 413, "application/octet-stream");
      assert.equal(p[0]!.title, "Bestand te groot");
      assert.equal(p[0]!.file, "medewerkers.xlsx");
      assert.match(p[0]!.detail, /xl\/worksheets\/sheet1\.xml/);
      assert.ok(process.memoryUsage().rss - rss < 200 * 1024 * 1024, "rss bounded");
    }
  });

  test("a sound file is still imported", async () => {
    const r = await upload(`${HEADER}\n${ROW}\n`, "p.csv");
    assert.ok(r.statusCode === 200 || r.statusCode === 201, r.body);
  });
});

/** Adds one deflated entry to a ZIP (a new local header before the central directory, a central record, a new end). */
function withEntry(zip: Buffer, name: string, data: Buffer, crc: number, declared: number): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(cdOffset, 42);
  const cd = Buffer.concat([zip.subarray(cdOffset, cdOffset + cdSize), central, n]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(cdOffset + local.length + n.length + data.length, 16);
  return Buffer.concat([zip.subarray(0, cdOffset), local, n, data, cd, end]);
}
