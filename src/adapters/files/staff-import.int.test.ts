import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { StaffMemberRecord } from "../../domain/compliance/staff.ts";
import type { Problem, Result } from "../../domain/shared/problem.ts";
import { parseStaffFile, STAFF_COLUMNS, STAFF_FILE_MAX_ROWS } from "./staff-import.ts";

const fixtures = resolve(import.meta.dirname, "../../../test/fixtures/staff");
const fixture = async (name: string) => parseStaffFile(new Uint8Array(await readFile(join(fixtures, name))), name);
const csv = (text: string, name = "personeel.csv") => parseStaffFile(new TextEncoder().encode(text), name);
const HEADER = STAFF_COLUMNS.join(";");

function records(r: Result<StaffMemberRecord[]>): StaffMemberRecord[] {
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems, null, 2));
  return r.value;
}
function problems(r: Result<StaffMemberRecord[]>): Problem[] {
  assert.equal(r.ok, false, "expected problems");
  return r.ok ? [] : r.problems;
}
/** "line path" for each problem, to compare where problems are reported */
const where = (ps: Problem[]) => ps.map((p) => `${p.line ?? "-"} ${p.path ?? "-"}`);
const find = (ps: Problem[], line: number, path: string) => {
  const p = ps.find((x) => x.line === line && x.path === path);
  assert.ok(p, `no problem at row ${line} column ${path}; got ${JSON.stringify(where(ps))}`);
  return p;
};

// -- valid files ---------------------------------------------------------------------------------------------------

test("a valid CSV with ; BOM, CRLF, quoted fields and mixed case maps every column", async () => {
  const rs = records(await fixture("geldig-puntkomma.csv"));
  assert.equal(rs.length, 3);
  assert.deepEqual(rs[0], {
    name: "Anna de Vries",
    level: "hbo",
    careRelated: true,
    workingLevel: null,
    kind: "werknemer",
    role: "Gedragswetenschapper",
    registration: { register: "SKJ", number: "110012345", validUntil: "2026-12-31" },
    vogDate: "2024-01-15",
    employmentStart: "2020-02-01",
    hoursPerWeek: 32.5,
    products: ["02A05", "45A48"],
  });
  assert.equal(rs[1]!.name, 'Bas "Bassie" Jansen');
  assert.equal(rs[1]!.level, "mbo4");
  assert.equal(rs[1]!.careRelated, true);
  assert.equal(rs[1]!.kind, "zzp");
  assert.equal(rs[1]!.registration, null);
  assert.equal(rs[1]!.vogDate, "2024-03-15");
  assert.equal(rs[1]!.employmentStart, null);
  assert.equal(rs[1]!.hoursPerWeek, 24);
  assert.deepEqual(
    [rs[2]!.level, rs[2]!.careRelated, rs[2]!.workingLevel, rs[2]!.role, rs[2]!.vogDate, rs[2]!.employmentStart],
    ["mbo3", false, "mbo4", "Begeleider; groep", "2025-03-01", "2025-03-01"],
  );
  assert.deepEqual(rs[2]!.products, ["test-boek.wmo.08A03.dagbesteding"]);
});

test("a valid CSV with , in another column order, trimmed headers and optional columns left out", async () => {
  const rs = records(await fixture("geldig-komma.csv"));
  assert.deepEqual(
    rs.map((r) => [r.name, r.level, r.careRelated, r.kind, r.role, r.products, r.hoursPerWeek, r.registration, r.vogDate]),
    [
      ["Dirk Smit", "wo", true, "werknemer", "Orthopedagoog", ["02A05", "45A48"], 32.5, null, null],
      ["Smit, Eva", "mbo2", false, "vrijwilliger", "Maatje", ["02A05"], null, null, null],
    ],
  );
});

test("values are read leniently where that is unambiguous", async () => {
  const rs = records(
    await csv(
      [
        "naam,opleidingsniveau,zorggerelateerd,werk en denkniveau,soort,rol,producten,uren_per_week,registratie,registratienummer",
        "A,MBO niveau 4,JA,Hbo,ZZP'er,Begeleider, 02A05 ; 45A48 ;02A05 ,32,bIg,19012345601",
        "B,W.O.,nee,,Stagiaire,Stagiair,02A05,0,,",
      ].join("\n"),
    ),
  );
  assert.deepEqual(
    rs.map((r) => [r.level, r.careRelated, r.workingLevel, r.kind, r.products, r.hoursPerWeek, r.registration?.register ?? null]),
    [
      ["mbo4", true, "hbo", "zzp", ["02A05", "45A48"], 32, "BIG"],
      ["wo", false, null, "stagiair", ["02A05"], 0, null],
    ],
  );
});

test("a valid XLSX: first worksheet, real date cells (no time-zone shift), number, text and formula cells", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Personeel");
  ws.addRow([
    "Naam",
    "opleidingsniveau",
    "zorggerelateerd",
    "soort",
    "rol",
    "producten",
    "vog_datum",
    "in_dienst_sinds",
    "registratie",
    "registratienummer",
    "registratie_geldig_tot",
    "uren_per_week",
  ]);
  ws.addRow([
    "Anna de Vries",
    "HBO",
    "ja",
    "werknemer",
    "Gedragswetenschapper",
    "02A05;45A48",
    new Date(Date.UTC(2025, 2, 1)),
    new Date(Date.UTC(2019, 11, 31, 23, 30)),
    "SKJ",
    110012345,
    "31-12-2026",
    32.5,
  ]);
  ws.getRow(4).values = [
    "Bas Jansen",
    { richText: [{ text: "mbo" }, { text: "4" }] },
    true,
    "zzp",
    "Begeleider",
    "02A05",
    "1-3-2025",
    null,
    null,
    null,
    null,
    { formula: "16*2", result: 32 },
  ];
  ws.getCell("G2").numFmt = "d-m-yyyy";
  const other = wb.addWorksheet("Toelichting");
  other.addRow(["dit werkblad wordt niet gelezen"]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

  const before = process.env.TZ;
  try {
    for (const tz of ["Europe/Amsterdam", "America/Los_Angeles", "Pacific/Kiritimati"]) {
      process.env.TZ = tz;
      const rs = records(await parseStaffFile(bytes, "Personeel.XLSX"));
      assert.equal(rs.length, 2, tz);
      assert.equal(rs[0]!.vogDate, "2025-03-01", tz);
      assert.equal(rs[0]!.employmentStart, "2019-12-31", tz);
      assert.deepEqual(rs[0]!.registration, { register: "SKJ", number: "110012345", validUntil: "2026-12-31" });
      assert.equal(rs[0]!.hoursPerWeek, 32.5);
      assert.deepEqual(
        [rs[1]!.name, rs[1]!.level, rs[1]!.careRelated, rs[1]!.vogDate, rs[1]!.employmentStart, rs[1]!.hoursPerWeek],
        ["Bas Jansen", "mbo4", true, "2025-03-01", null, 32],
      );
    }
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
});

// -- row problems --------------------------------------------------------------------------------------------------

test("every error kind is reported with its row, its column and a Dutch explanation", async () => {
  const ps = problems(await fixture("fouten.csv"));
  for (const p of ps) {
    assert.equal(p.code, "invalid-input");
    assert.equal(p.title, "Ongeldige rij");
    assert.equal(p.file, "fouten.csv");
  }
  assert.deepEqual(where(ps), [
    "3 naam",
    "3 opleidingsniveau",
    "3 zorggerelateerd",
    "3 werk_en_denkniveau",
    "3 soort",
    "3 rol",
    "3 registratie",
    "3 producten",
    "4 registratienummer",
    "4 registratie_geldig_tot",
    "4 vog_datum",
    "4 in_dienst_sinds",
    "4 uren_per_week",
    "4 producten",
    "6 registratie",
    "6 registratie_geldig_tot",
    "6 uren_per_week",
    "7 kolom 14",
  ]);
  assert.match(find(ps, 3, "naam").detail, /naam is verplicht/);
  assert.match(find(ps, 3, "opleidingsniveau").detail, /onbekend opleidingsniveau "mbo5"; toegestaan: mbo2, mbo3, mbo4, hbo, wo$/);
  assert.match(find(ps, 3, "zorggerelateerd").detail, /"misschien" is geen geldige waarde; vul ja of nee in/);
  assert.match(find(ps, 3, "werk_en_denkniveau").detail, /onbekend werk- en denkniveau "mbo9"; toegestaan: .*, of leeg/);
  assert.match(
    find(ps, 3, "soort").detail,
    /onbekende soort "freelancer"; toegestaan: werknemer, zzp, uitzendkracht, bbl, stagiair, vrijwilliger, ervaringsdeskundige/,
  );
  assert.match(find(ps, 3, "rol").detail, /rol is verplicht/);
  assert.match(find(ps, 3, "registratie").detail, /onbekend register "BIGG"; toegestaan: BIG, SKJ, Registerplein, NIP, vaktherapie, of leeg/);
  assert.match(find(ps, 3, "producten").detail, /noem minstens één product/);
  assert.match(find(ps, 4, "registratienummer").detail, /registratienummer ontbreekt bij registratie SKJ/);
  assert.match(find(ps, 4, "registratie_geldig_tot").detail, /"30-02-2025" is geen bestaande datum/);
  assert.match(find(ps, 4, "vog_datum").detail, /"2025-02-30" is geen bestaande datum; schrijf de datum als 2025-03-01 of 1-3-2025/);
  assert.match(find(ps, 4, "in_dienst_sinds").detail, /"1 maart 2025" is geen datum/);
  assert.match(find(ps, 4, "uren_per_week").detail, /"32 uur" is geen getal; .*32 of 32,5/);
  assert.match(find(ps, 4, "producten").detail, /scheid producten met ;/);
  assert.match(find(ps, 6, "registratie").detail, /registratie is leeg maar registratienummer is ingevuld/);
  assert.match(find(ps, 6, "registratie_geldig_tot").detail, /registratie is leeg/);
  assert.match(find(ps, 6, "uren_per_week").detail, /90 is te groot: hoogstens 80 uur per week/);
  assert.match(find(ps, 7, "kolom 14").detail, /kolom 14 \(N\) heeft geen kop .*"iets"/);
});

test("a file with 3 bad rows reports all 3, and nothing is imported", async () => {
  const r = await fixture("drie-foute-rijen.csv");
  const ps = problems(r);
  assert.deepEqual(where(ps), ["3 opleidingsniveau", "5 vog_datum", "6 soort"]);
  assert.match(ps[1]!.detail, /"31-4-2025" is geen bestaande datum/);
});

test("schema limits are reported under the column name", async () => {
  const long = "x".repeat(201);
  const ps = problems(await csv(`${HEADER}\n${long};hbo;ja;;werknemer;Begeleider;;;;;;-1;02A05\n`));
  assert.deepEqual(where(ps), ["2 naam", "2 uren_per_week"]);
  assert.match(ps[0]!.detail, /te lang: hoogstens 200 tekens/);
  assert.match(ps[1]!.detail, /-1 is te klein: minimaal 0/);
});

test("XLSX rows are reported with the row number Excel shows; error and number cells in date columns", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Personeel");
  ws.addRow(["naam", "opleidingsniveau", "zorggerelateerd", "soort", "rol", "producten", "vog_datum"]);
  ws.addRow(["Goed", "hbo", "ja", "werknemer", "Begeleider", "02A05", new Date(Date.UTC(2024, 0, 1))]);
  ws.getRow(5).values = ["Fout", "hbo", { error: "#N/A" }, "werknemer", "Begeleider", "02A05", 45717];
  const ps = problems(await parseStaffFile(new Uint8Array(await wb.xlsx.writeBuffer()), "p.xlsx"));
  assert.deepEqual(where(ps), ["5 zorggerelateerd", "5 vog_datum"]);
  assert.match(ps[0]!.detail, /Excel-foutwaarde #N\/A/);
  assert.match(ps[1]!.detail, /het getal 45717 is geen datum; maak er een datumcel van/);
});

// -- header problems -----------------------------------------------------------------------------------------------

test("unknown columns are named in one problem; each missing required column is one problem; rows still checked", async () => {
  const ps = problems(await fixture("kolommen-fout.csv"));
  assert.deepEqual(where(ps), ["1 afdeling, Opmerking", "1 zorggerelateerd"]);
  assert.equal(ps[0]!.title, "Ongeldige kopregel");
  assert.match(ps[0]!.detail, /onbekende kolommen: "afdeling", "Opmerking"; toegestaan: naam, opleidingsniveau/);
  assert.match(ps[1]!.detail, /verplichte kolom zorggerelateerd ontbreekt/);

  const dup = problems(await csv(`${HEADER};naam\nA;mbo4;ja;;werknemer;Begeleider;;;;;;;02A05;A\nB;mbo7;ja;;werknemer;Begeleider;;;;;;;02A05;B\n`));
  assert.deepEqual(where(dup), ["1 naam", "3 opleidingsniveau"]);
  assert.match(dup[0]!.detail, /meer dan één keer/);
});

test("a header-only file, an empty file and a file without header are one problem each", async () => {
  const headerOnly = problems(await fixture("alleen-kopregel.csv"));
  assert.equal(headerOnly.length, 1);
  assert.equal(headerOnly[0]!.title, "Geen gegevens");
  assert.equal(headerOnly[0]!.file, "alleen-kopregel.csv");

  const blankRows = problems(await csv(`${HEADER}\n\n;;;;\n  \n`));
  assert.deepEqual(
    blankRows.map((p) => p.title),
    ["Geen gegevens"],
  );

  assert.deepEqual(
    problems(await csv("")).map((p) => p.title),
    ["Leeg bestand"],
  );
  assert.deepEqual(
    problems(await csv("\uFEFF\r\n")).map((p) => p.title),
    ["Leeg bestand"],
  );

  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Leeg");
  assert.deepEqual(
    problems(await parseStaffFile(new Uint8Array(await wb.xlsx.writeBuffer()), "leeg.xlsx")).map((p) => p.title),
    ["Leeg bestand"],
  );
  const onlyHeader = new ExcelJS.Workbook();
  onlyHeader.addWorksheet("P").addRow([...STAFF_COLUMNS]);
  assert.deepEqual(
    problems(await parseStaffFile(new Uint8Array(await onlyHeader.xlsx.writeBuffer()), "kop.xlsx")).map((p) => p.title),
    ["Geen gegevens"],
  );

  const noHeader = problems(await csv(`\nA;hbo;ja\n`));
  assert.deepEqual(where(noHeader), ["1 -"]);
  assert.match(noHeader[0]!.detail, /rij 1 moet de kolomkoppen bevatten/);
});

// -- files that cannot be read ---------------------------------------------------------------------------------------

test("an unsupported extension is one problem with code unsupported", async () => {
  for (const name of ["personeel.xls", "personeel.pdf", "personeel", "csv"]) {
    const ps = problems(await parseStaffFile(new Uint8Array([1, 2, 3]), name));
    assert.equal(ps.length, 1, name);
    assert.equal(ps[0]!.code, "unsupported");
    assert.equal(ps[0]!.file, name);
    assert.match(ps[0]!.detail, /\.csv .*\.xlsx/);
  }
});

test("corrupt XLSX bytes are a problem, not an exception", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("P").addRow(["naam"]);
  const good = new Uint8Array(await wb.xlsx.writeBuffer());
  const flipped = good.slice();
  for (let i = 100; i < 400; i++) flipped[i]! ^= 0x55;
  const cases: [string, Uint8Array][] = [
    ["garbage", new TextEncoder().encode("dit is geen werkmap")],
    ["empty", new Uint8Array()],
    ["truncated", good.subarray(0, Math.floor(good.length / 2))],
    ["flipped bytes", flipped],
    ["zip without workbook", zip([["hallo.txt", "hallo"]])],
    [
      "broken sheet xml",
      zip([
        ["[Content_Types].xml", "<Types"],
        ["xl/workbook.xml", "<workbook><sheets><sheet"],
      ]),
    ],
  ];
  for (const [label, bytes] of cases) {
    const r = await parseStaffFile(bytes, "p.xlsx");
    const ps = problems(r);
    assert.equal(ps.length, 1, label);
    assert.equal(ps[0]!.code, "invalid-input", label);
    assert.equal(ps[0]!.title, "Bestand onleesbaar", label);
  }
});

test("a CSV that is not UTF-8, an XLSX named .csv and a broken quote are problems", async () => {
  const latin1 = new Uint8Array([...new TextEncoder().encode(`${HEADER}\nJos`), 0xe9, ...new TextEncoder().encode(";hbo\n")]);
  assert.match(problems(await parseStaffFile(latin1, "p.csv"))[0]!.detail, /geen UTF-8/);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("P").addRow(["naam"]);
  assert.match(problems(await parseStaffFile(new Uint8Array(await wb.xlsx.writeBuffer()), "p.csv"))[0]!.detail, /\.xlsx/);
  const quote = problems(await csv(`${HEADER}\nA;hbo;ja;;werknemer;Begeleider;;;;;;;02A05\n\n"Anna;hbo;ja\nB;hbo\n`));
  assert.equal(quote.length, 1);
  assert.equal(quote[0]!.line, 4);
  assert.match(quote[0]!.detail, /^rij 4: een aanhalingsteken/);
});

test("limits: more than 10 MB, more than 20,000 rows and an XLSX that unpacks too large are problems", async () => {
  const big = problems(await parseStaffFile(new Uint8Array(10 * 1024 * 1024 + 1), "p.csv"));
  assert.deepEqual(
    big.map((p) => p.code),
    ["payload-too-large"],
  );

  const row = "A;hbo;ja;;werknemer;Begeleider;;;;;;;02A05\n";
  const atLimit = await csv(HEADER + "\n" + row.repeat(STAFF_FILE_MAX_ROWS));
  assert.equal(records(atLimit).length, STAFF_FILE_MAX_ROWS);
  const over = problems(await csv(HEADER + "\n" + row.repeat(STAFF_FILE_MAX_ROWS + 1)));
  assert.deepEqual(
    over.map((p) => [p.code, p.title]),
    [["payload-too-large", "Te veel rijen"]],
  );

  const sheet = "<c/>".repeat(8 * 1024 * 1024); // 32 MB that deflates to a few kB
  for (const declared of [undefined, 1000]) {
    const bomb = problems(await parseStaffFile(zip([["xl/worksheets/sheet1.xml", sheet]], true, declared), "p.xlsx"));
    assert.deepEqual(
      bomb.map((p) => [p.code, p.title]),
      [["payload-too-large", "Bestand te groot"]],
      `declared ${declared}`,
    );
  }
});

/** A minimal ZIP (no CRC: the reader does not check it) to build damaged or oversized XLSX containers. */
function zip(entries: [string, string][], deflate = false, declaredSize?: number): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const raw = Buffer.from(content);
    const data = deflate ? deflateRawSync(raw) : raw;
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declaredSize ?? raw.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declaredSize ?? raw.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += local.length + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}
