import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { before, describe, test } from "node:test";
import { qualityDirOf, readQualityDir } from "../src/adapters/files/quality-files.ts";
import type { ProviderRecord } from "../src/domain/compliance/provider.ts";
import type { StaffMemberRecord } from "../src/domain/compliance/staff.ts";
import { type AntwoordRecord, prefill, reminders, safeFileName } from "../src/domain/quality/assessment.ts";
import { GENERAL_SOURCE, generalRequirements004 } from "../src/domain/quality/general-requirements.ts";
import { frameworkSummary, type QualityLibrary, searchCriteriaInMemory, segmentsOf } from "../src/domain/quality/library.ts";
import { PveConcept, type PveVraag, resolvePve } from "../src/domain/quality/pve.ts";
import { CATALOG_DIR } from "./support/app.ts";

/**
 * The quality-framework library pinned to document 003, the 004 module to document 004, and the pure parts of the
 * composer and the self-assessment. Quotes are checked against the documents when ../shared/seeds is present.
 */
let lib: QualityLibrary;
before(async () => {
  const r = await readQualityDir(qualityDirOf(CATALOG_DIR));
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems.slice(0, 5)));
  lib = r.value;
});

describe("the library of document 003", () => {
  test("exactly 15 frameworks, numbered 1 to 15, each with criteria", () => {
    assert.deepEqual(
      lib.frameworks.map((f) => f.nr),
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    assert.ok(lib.frameworks.every((f) => f.criteria.length > 0));
  });

  test("the segment appendix: 11 segments, Jeugdhulp 1–7 and Wmo 1a, 1b, 2, 3", () => {
    assert.deepEqual(
      lib.segments.map((s) => s.id),
      ["jeugd-1", "jeugd-2", "jeugd-3", "jeugd-4", "jeugd-5", "jeugd-6", "jeugd-7", "wmo-1a", "wmo-1b", "wmo-2", "wmo-3"],
    );
  });

  test("framework 2 lapsed at the end of 2021 (document line 447); no other framework is lapsed", () => {
    const two = lib.frameworks.find((f) => f.nr === 2)!;
    assert.equal(two.status.value, "lapsed");
    assert.ok(two.status.regel !== null && Math.abs(two.status.regel - 447) <= 3, `status line ${two.status.regel}`);
    assert.ok(two.status.since === "2022-01-01" || two.status.since === "2021-12-31", `since ${two.status.since}`);
    assert.deepEqual(
      lib.frameworks.filter((f) => f.status.value !== "in-force").map((f) => f.nr),
      [2],
    );
  });

  test("years and laws of the overview table (lines 64–100)", () => {
    const years = Object.fromEntries(lib.frameworks.map((f) => [f.nr, f.jaar]));
    assert.deepEqual(years, {
      1: 2016,
      2: 2019,
      3: 2019,
      4: 2013,
      5: 2017,
      6: 2014,
      7: 2013,
      8: 2021,
      9: 2019,
      10: 2017,
      11: 2018,
      12: 2017,
      13: 2020,
      14: 2018,
      15: 2016,
    });
    const f = (nr: number) => lib.frameworks.find((x) => x.nr === nr)!;
    assert.deepEqual(f(1).segmenten.ids, ["wmo-1a"]);
    assert.deepEqual(f(3).segmenten.ids, ["jeugd-1"]);
    assert.deepEqual([...f(5).segmenten.ids].sort(), ["wmo-1a", "wmo-1b", "wmo-2"]);
    assert.deepEqual(f(3).wetten, ["jeugdwet"]);
    assert.deepEqual(f(1).wetten, ["wmo"]);
    // a framework for a whole law applies to every segment of that law
    assert.deepEqual(segmentsOf(f(4), lib.segments), ["jeugd-1", "jeugd-2", "jeugd-3", "jeugd-4", "jeugd-5", "jeugd-6", "jeugd-7"]);
  });

  test("criteria counts per framework are pinned (a change in the data must be deliberate)", () => {
    const counts = Object.fromEntries(lib.frameworks.map((f) => [f.nr, f.criteria.length]));
    assert.deepEqual(counts, PINNED_COUNTS);
  });

  test("the summary of `kader kwaliteit kaders --json` has exactly the documented keys", () => {
    const s = frameworkSummary(lib.frameworks[0]!);
    assert.deepEqual(Object.keys(s), ["nr", "titel", "jaar", "wetten", "segmenten", "status", "criteria", "perElement"]);
    assert.deepEqual(Object.keys(s.perElement), ["dienstverlening", "vakmanschap", "samenwerking", "organisatie"]);
    for (const f of lib.frameworks) {
      const p = frameworkSummary(f).perElement;
      assert.equal(p.dienstverlening + p.vakmanschap + p.samenwerking + p.organisatie, f.criteria.length);
    }
  });

  test("every concept is used by some criterion, and criterion ids are unique per framework", () => {
    const used = new Set(lib.frameworks.flatMap((f) => f.criteria.flatMap((c) => c.begrippen)));
    assert.deepEqual(
      lib.concepts.filter((c) => !used.has(c.id)).map((c) => c.id),
      [],
    );
    for (const f of lib.frameworks) assert.equal(new Set(f.criteria.map((c) => c.id)).size, f.criteria.length, `framework ${f.nr}`);
  });

  test("search without a database: words match word starts, filters hold", () => {
    const r = searchCriteriaInMemory(lib, { q: "klacht", element: "organisatie", limit: 500, offset: 0 });
    assert.ok(r.total > 0);
    assert.ok(r.items.every((h) => h.element === "organisatie"));
    const none = searchCriteriaInMemory(lib, { q: "xyzzyonbestaand", limit: 10, offset: 0 });
    assert.equal(none.total, 0);
    const seg = searchCriteriaInMemory(lib, { segment: "wmo-1a", limit: 1000, offset: 0 });
    assert.ok(seg.items.some((h) => h.kader === 1) && !seg.items.some((h) => h.kader === 3));
  });
});

describe("invalid library files are reported with file, line and field path, in Dutch", () => {
  test("a wrong element and a missing field", async () => {
    const { mkdtemp, writeFile, copyFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(resolve(tmpdir(), "kader-kk-"));
    await copyFile(resolve(qualityDirOf(CATALOG_DIR), "begrippen.yaml"), resolve(dir, "begrippen.yaml"));
    const src = readFileSync(resolve(qualityDirOf(CATALOG_DIR), "15-wat-werkt-clientenparticipatie.yaml"), "utf8");
    await writeFile(resolve(dir, "15-kapot.yaml"), src.replace(/element: organisatie/, "element: bestuur").replace(/^uitgever:.*$/m, ""));
    const r = await readQualityDir(dir);
    assert.equal(r.ok, false);
    const ps = !r.ok ? r.problems : [];
    const el = ps.find((p) => p.path?.endsWith(".element"));
    assert.ok(el, JSON.stringify(ps));
    assert.match(el.file ?? "", /15-kapot\.yaml$/);
    assert.ok((el.line ?? 0) > 1);
    assert.match(el.detail, /onbekende waarde "bestuur"/);
    assert.ok(ps.some((p) => p.path === "uitgever" && /verplicht veld ontbreekt/.test(p.detail)));
  });
});

const seeds = resolve(import.meta.dirname, "../../shared/seeds");
const skip = existsSync(seeds) ? false : "../shared/seeds ontbreekt (verse clone): de controle tegen de brondocumenten wordt overgeslagen";
const fold = (s: string) => s.replace(/\s+/g, " ").trim();
/** Document 003 is Markdown: emphasis (**…**, *…*), escapes and link targets are markup, not words. */
const unmark = (s: string) =>
  s
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*+/g, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!'"])/g, "$1");
/** The fragment stands in the document, starting within `tolerance` lines of `line` (as for the productenboeken). */
function found(lines: string[], needle: string, line: number, tolerance = 3): boolean {
  const n = fold(needle);
  for (let start = Math.max(1, line - tolerance); start <= Math.min(lines.length, line + tolerance); start++) {
    const window = fold(lines.slice(start - 1, start + 39).join(" "));
    if (window.startsWith(n) || (fold(lines[start - 1] ?? "").includes(n.slice(0, 40)) && window.includes(n))) return true;
  }
  return false;
}

describe("against the source documents", { skip }, () => {
  test("every citaat of the library stands in document 003 within 3 lines of its regel", () => {
    const lines = readFileSync(resolve(seeds, "003_cca1450adfb388d9.txt"), "utf8").split("\n").map(unmark);
    const quotes: [string, string, number][] = [];
    for (const f of lib.frameworks) {
      f.criteria.forEach((c, i) => {
        quotes.push([`kader ${f.nr} criteria[${i}] ${c.id}`, c.citaat, c.regel]);
      });
      if (f.status.citaat && f.status.regel) quotes.push([`kader ${f.nr} status`, f.status.citaat, f.status.regel]);
      f.zonderCriteria.forEach((z, i) => {
        quotes.push([`kader ${f.nr} zonderCriteria[${i}]`, z.citaat, z.regel]);
      });
      for (const n of [...f.notes, ...f.criteria.flatMap((c) => c.notes)]) for (const r of n.readings) quotes.push([`kader ${f.nr} note`, r.citaat, r.regel]);
    }
    const missing = quotes.filter(([, q, l]) => !found(lines, q, l)).map(([w, q, l]) => `${w} (regel ${l}): ${q}`);
    assert.ok(quotes.length > 500, `only ${quotes.length} quotes`);
    assert.deepEqual(missing, []);
  });

  test("every segment's line is in the appendix, and every 004 requirement's citaat stands in document 004", () => {
    const l003 = readFileSync(resolve(seeds, "003_cca1450adfb388d9.txt"), "utf8").split("\n");
    for (const s of lib.segments) assert.ok(s.regel > 2300 && s.regel <= l003.length, `${s.id} regel ${s.regel}`);
    const l004 = readFileSync(resolve(seeds, GENERAL_SOURCE), "utf8").split("\n").map(unmark);
    const missing = generalRequirements004.filter((g) => !found(l004, g.citaat, g.regel)).map((g) => `${g.id} (regel ${g.regel}): ${g.citaat}`);
    assert.deepEqual(missing, []);
  });
});

describe("the ready-made module: algemene eisen of document 004", () => {
  test("the general requirements a procurement needs, with exact facts", () => {
    const by = new Map(generalRequirements004.map((g) => [g.id, g]));
    for (const id of ["vog", "beroepsregistratie", "certificaat-of-audit", "klanttevredenheidsonderzoek", "social-return", "meldcode", "klachtenregeling"])
      assert.ok(by.has(id), id);
    assert.equal(by.get("vog")!.feiten.maxLeeftijdMaanden, 36);
    assert.deepEqual(by.get("social-return")!.feiten, { percentageAanneemsom: 5, omzetDrempelEuro: 200000 });
    assert.equal(by.get("bbl-begeleiding")!.feiten.maxBblPerPraktijkbegeleider, 4);
    assert.equal(by.get("klanttevredenheidsonderzoek")!.frequentieMaanden, 24);
    assert.equal(new Set(generalRequirements004.map((g) => g.id)).size, generalRequirements004.length);
  });

  test("checkable requirements link to evidence kinds or staff facts that compliance knows", () => {
    const checkable = generalRequirements004.filter((g) => g.toetsbaar).map((g) => [g.id, g.toetsbaar]);
    assert.deepEqual(checkable, [
      ["vog", { bron: "personeel", eis: "vog" }],
      ["beroepsregistratie", { bron: "personeel", eis: "registratie" }],
      ["certificaat-of-audit", { bron: "bewijs", soorten: ["kwaliteitscertificaat", "kwaliteitshandboek-audit"], maxLeeftijdMaanden: 24 }],
      ["klanttevredenheidsonderzoek", { bron: "bewijs", soorten: ["klanttevredenheidsonderzoek"], maxLeeftijdMaanden: 24 }],
    ]);
  });

  test("every concept the module names exists in begrippen.yaml", () => {
    const known = new Set(lib.concepts.map((c) => c.id));
    assert.deepEqual(
      generalRequirements004.flatMap((g) => g.begrippen).filter((b) => !known.has(b)),
      [],
    );
  });
});

describe("composing a programma van eisen", () => {
  const products = [{ id: "p1", name: "Begeleiding", productcode: "02A03", law: "wmo" }];
  const draft = (over: Record<string, unknown> = {}) => PveConcept.parse({ titel: "Test", onderdelen: [{ soort: "algemene-eisen-004" }], ...over });
  const vogCrit = () => {
    for (const f of lib.frameworks) for (const c of f.criteria) if (c.begrippen[0] === "vog") return { kader: f.nr, criterium: c.id };
    throw new Error("no criterion with concept vog first");
  };

  test("chapters in a fixed order, numbered 1..n; duplicates kept once; a shared concept is asked once", () => {
    const r = resolvePve(
      draft({
        onderdelen: [
          { soort: "eigen", titel: "Eigen", tekst: "Eigen eis" },
          { soort: "criterium", ...vogCrit() },
          { soort: "algemene-eisen-004" },
          { soort: "algemeen", eis: "vog" },
          { soort: "kader", kader: 6 },
        ],
      }),
      "0106",
      lib,
      generalRequirements004,
      products,
    );
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    const e = r.value.eisen;
    assert.deepEqual([...new Set(e.map((x) => x.hoofdstuk))], ["algemeen", "kaders", "criteria", "eigen"]);
    assert.deepEqual(
      e.map((x) => x.nr),
      e.map((_, i) => i + 1),
    );
    assert.equal(e.filter((x) => x.key === "004.vog").length, 1);
    assert.equal(e.length, generalRequirements004.length + 3);
    const vog = r.value.vragen.filter((v) => v.begrip === "vog");
    assert.equal(vog.length, 1);
    assert.equal(vog[0]!.eisen.length, 2);
    assert.equal(
      r.value.vragen.reduce((n, v) => n + v.eisen.length, 0),
      e.length,
      "every requirement is in exactly one question",
    );
  });

  test("a module without some requirements, and every bad reference reported with its path", () => {
    const r = resolvePve(
      draft({
        onderdelen: [
          { soort: "algemene-eisen-004", zonder: ["social-return", "onzin"] },
          { soort: "criterium", kader: 1, criterium: "d999" },
          { soort: "kader", kader: 6, afwijkingen: [{ criterium: "o99", tekst: "x" }] },
        ],
        segmenten: ["wmo-2"],
        producten: ["p1", "p2"],
      }),
      "0106",
      lib,
      generalRequirements004,
      products,
    );
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.problems.map((p) => p.path), [
      "onderdelen[0].zonder[1]",
      "onderdelen[1].criterium",
      "onderdelen[2].afwijkingen[0].criterium",
      "producten[1]",
    ]);
    const ok = resolvePve(draft({ onderdelen: [{ soort: "algemene-eisen-004", zonder: ["social-return"] }] }), "0106", lib, generalRequirements004, products);
    assert.ok(ok.ok && !ok.value.eisen.some((e) => e.key === "004.social-return"));
  });

  test("referencing the lapsed framework 2 (whole or one criterion) carries a warning", () => {
    const c = lib.frameworks.find((f) => f.nr === 2)!.criteria[0]!;
    const r = resolvePve(
      draft({
        onderdelen: [
          { soort: "kader", kader: 2 },
          { soort: "criterium", kader: 2, criterium: c.id },
        ],
      }),
      "0106",
      lib,
      generalRequirements004,
      products,
    );
    assert.ok(r.ok);
    assert.equal(r.value.waarschuwingen.length, 1);
    assert.ok(r.value.eisen.every((e) => /vervallen/.test(e.waarschuwing ?? "")));
    const fine = resolvePve(draft({ onderdelen: [{ soort: "kader", kader: 6 }] }), "0106", lib, generalRequirements004, products);
    assert.ok(fine.ok && fine.value.waarschuwingen.length === 0);
  });

  test("the draft schema refuses unknown parts and fields", () => {
    const r = PveConcept.safeParse({
      titel: "x",
      onderdelen: [
        { soort: "kader", kader: 16 },
        { soort: "eigen", titel: "", tekst: "t" },
      ],
      extra: 1,
    });
    assert.equal(r.success, false);
    assert.deepEqual(r.error?.issues.map((i) => i.path.join(".")).sort(), ["", "onderdelen.0.kader", "onderdelen.1.titel"]);
  });
});

describe("self-assessment rules", () => {
  test("file names: paths and control characters refused; the extension follows the detected type", () => {
    const ok = (raw: string, t: "application/pdf" | "image/png" | "image/jpeg" = "application/pdf") => {
      const r = safeFileName(raw, t);
      return r.ok ? r.value : null;
    };
    assert.equal(ok("VOG overzicht 2026.pdf"), "VOG overzicht 2026.pdf");
    assert.equal(ok("scan.PDF", "image/png"), "scan.png");
    assert.equal(ok("rapport<script>.pdf"), "rapport_script_.pdf");
    assert.equal(ok("cliënttevredenheid.jpeg", "image/jpeg"), "cliënttevredenheid.jpg");
    assert.equal(ok(".pdf"), "bestand.pdf");
    for (const bad of ["../../x.pdf", "..\\x.pdf", "/etc/passwd", "a/b.pdf", "x\u0000.pdf", "a\nb.pdf", "", "x".repeat(300)])
      assert.equal(ok(bad), null, JSON.stringify(bad));
  });

  const vraag = (over: Partial<PveVraag> = {}): PveVraag => ({
    key: "v",
    titel: "V",
    eisen: [1],
    begrip: null,
    toetsbaar: null,
    frequentieMaanden: null,
    ...over,
  });
  const answer = (over: Partial<AntwoordRecord> = {}): AntwoordRecord => ({
    vraag: "v",
    toelichting: "",
    geldigVan: null,
    geldigTot: null,
    status: "ingediend",
    beantwoordOp: "2026-01-01T10:00:00.000Z",
    beoordeeldOp: null,
    opmerking: null,
    ...over,
  });

  test("reminders: evidence lapsing within the window or lapsed, and periodic requirements due", () => {
    assert.deepEqual(
      reminders([vraag()], [answer({ geldigTot: "2026-07-01" })], "2026-06-01", 60).map((h) => [h.soort, h.dagen]),
      [["bewijs-verloopt", 30]],
    );
    assert.deepEqual(reminders([vraag()], [answer({ geldigTot: "2026-09-01" })], "2026-06-01", 60), []);
    assert.equal(reminders([vraag()], [answer({ geldigTot: "2026-05-01" })], "2026-06-01", 60)[0]?.soort, "bewijs-verlopen");
    const periodic = reminders([vraag({ frequentieMaanden: 24 })], [answer({ status: "akkoord", beoordeeldOp: "2024-07-15T10:00:00.000Z" })], "2026-06-01", 60);
    assert.deepEqual(
      periodic.map((h) => [h.soort, h.datum]),
      [["periodiek", "2026-07-15"]],
    );
    assert.deepEqual(
      reminders([vraag({ frequentieMaanden: 24 })], [answer({ status: "aanvullen", beoordeeldOp: "2024-07-15T10:00:00.000Z" })], "2026-06-01", 60),
      [],
      "only approved answers recur",
    );
  });

  test("pre-filling from compliance data: newest evidence of the kinds asked; staff counts without names", () => {
    const provider = {
      agbCode: "98765432",
      name: "Test",
      kvk: null,
      gemeentecodes: [],
      contracts: [],
      evidence: [
        { kind: "kwaliteitscertificaat", date: "2022-01-01", validUntil: "2025-01-01", scope: ["*"], description: null },
        { kind: "kwaliteitshandboek-audit", date: "2025-10-01", validUntil: null, scope: ["*"], description: null },
      ],
    } as unknown as ProviderRecord;
    const p = prefill({ bron: "bewijs", soorten: ["kwaliteitscertificaat", "kwaliteitshandboek-audit"], maxLeeftijdMaanden: 24 }, provider, [], "2026-06-01");
    assert.deepEqual([p.voldoet, p.geldigVan, p.geldigTot], [true, "2025-10-01", "2027-10-01"]);
    assert.equal(prefill({ bron: "bewijs", soorten: ["klanttevredenheidsonderzoek"], maxLeeftijdMaanden: 24 }, provider, [], "2026-06-01").voldoet, false);
    const staff = [
      { name: "A. de Vries", level: "hbo", vogDate: "2025-01-01", registration: { register: "SKJ", number: "1", validUntil: "2027-01-01" }, kind: "werknemer" },
      { name: "B. Jansen", level: "mbo4", vogDate: "2020-01-01", registration: null, kind: "werknemer" },
    ] as unknown as StaffMemberRecord[];
    const vog = prefill({ bron: "personeel", eis: "vog" }, provider, staff, "2026-06-01");
    assert.equal(vog.voldoet, false);
    assert.match(vog.toelichting, /^1 van 2 medewerkers/);
    assert.ok(!/Vries|Jansen/.test(vog.toelichting), "no names");
    const reg = prefill({ bron: "personeel", eis: "registratie" }, provider, staff, "2026-06-01");
    assert.deepEqual([reg.voldoet, reg.geldigTot], [true, "2027-01-01"]);
  });
});

/** Criteria per framework as authored from document 003 (see docs/kwaliteitskaders.md); update deliberately. */
const PINNED_COUNTS: Record<number, number> = { 1: 44, 2: 10, 3: 54, 4: 39, 5: 19, 6: 17, 7: 73, 8: 14, 9: 49, 10: 35, 11: 148, 12: 88, 13: 29, 14: 30, 15: 5 };
