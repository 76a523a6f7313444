import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { test } from "node:test";
import { aProduct, aProductenboek, writeCatalogue } from "./support/builders.ts";

const bin = resolve(import.meta.dirname, "../bin/kader.mjs");
const kader = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DATABASE_URL: "" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

test("kader catalog validate: the shipped catalogue is valid (exit 0)", () => {
  const r = kader("catalog", "validate", "--json");
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), { ok: true, productenboeken: 4, products: 111 });
});

test("kader catalog validate --dir: problems with file:line and field path, exit 1", async () => {
  const dir = await writeCatalogue({ b: { book: aProductenboek(), files: { "p.yaml": [aProduct({ unit: { code: "05", status: "given" } })] } } });
  const r = kader("catalog", "validate", "--dir", dir);
  assert.equal(r.code, 1);
  assert.match(r.err, /b\/products\/p\.yaml:\d+ \[0\]\.unit\.code: Ongeldig veld — onbekende waarde "05"/);
});

test("kader catalog export --format json prints kader.productenboek/v1 with every product", () => {
  const r = kader("catalog", "export", "--format", "json");
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.format, "kader.productenboek/v1");
  const all = doc.productenboeken.flatMap((b: { products: { id: string; source: { file: string } }[] }) => b.products);
  assert.equal(all.length, 111);
  assert.equal(new Set(all.map((p: { id: string }) => p.id)).size, 111);
  const p = all.find((x: { id: string }) => x.id === "000-begeleiding-dagbesteding.jeugdwet.41A24");
  assert.deepEqual(
    [p.productcode, p.productcategorie, p.law, p.groupSize, p.source.file],
    ["41A24", "41", "jeugdwet", { clientsPerStaff: 5, meaning: "average" }, "000_a8fe782033fdd29b.txt"],
  );
});

test("kader catalog show / compare / list, and exit 1 for an unknown product or bad option", () => {
  const show = kader("catalog", "show", "002-wmo-2026.wmo.02A05");
  assert.equal(show.code, 0, show.err);
  assert.match(show.out, /ter plaatse \(aanrijtijd\) binnen 30 minuten/);
  const cmp = kader("catalog", "compare", "02A03", "--json");
  assert.equal(JSON.parse(cmp.out).products.length, 2);
  const list = kader("catalog", "list", "--law", "jeugdwet", "--unit", "14", "--json");
  assert.ok(JSON.parse(list.out).items.every((p: { law: string; unit: string }) => p.law === "jeugdwet" && p.unit === "14"));
  assert.equal(kader("catalog", "show", "bestaat-niet").code, 1);
  const bad = kader("catalog", "list", "--law", "zvw");
  assert.equal(bad.code, 1);
  assert.match(bad.err, /Ongeldige parameter law/);
  assert.equal(kader("catalog", "export", "--format", "pdf").code, 1);
});

test("kader db migrate and catalog load on an embedded database: a second load changes nothing", async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const data = await mkdtemp(`${tmpdir()}/kader-data-`);
  const env = { ...process.env, DATABASE_URL: "", KADER_DATA: data };
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env });
  const m = run("db", "migrate");
  assert.equal(m.status, 0, m.stderr);
  assert.match(m.stdout, /Migraties toegepast: 1/);
  const first = JSON.parse(run("catalog", "load", "--json").stdout);
  assert.equal(first.products.created.length, 111);
  const second = JSON.parse(run("catalog", "load", "--json").stdout);
  assert.deepEqual([second.products.created.length, second.products.changed.length, second.products.unchanged.length], [0, 0, 111]);
  assert.match(run("db", "migrate").stdout, /geen migraties nodig/);
});

test("kader users add | list | disable | reset-password on an embedded database", async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const data = await mkdtemp(`${tmpdir()}/kader-users-`);
  const env = { ...process.env, DATABASE_URL: "", KADER_DATA: data };
  const run = (input: string | undefined, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env, input });
  const add = run(
    "een-sterk-wachtwoord\n",
    "users",
    "add",
    "j.jansen",
    "--role",
    "toegang",
    "--name",
    "Jan Jansen",
    "--gemeente",
    "0106",
    "--organisatie",
    "Gemeente Assen",
    "--password-stdin",
  );
  assert.equal(add.status, 0, add.stderr);
  assert.match(add.stdout, /Account j\.jansen aangemaakt \(Toegang, Gemeente Assen\)/);
  const gen = run(undefined, "users", "add", "zorg.bv", "--role", "aanbieder", "--name", "Zorg BV", "--agb", "12345678");
  assert.match(gen.stdout, /Wachtwoord \(eenmalig getoond\): \S{20}/);
  const bad = run(undefined, "users", "add", "x.y", "--role", "toegang", "--name", "X", "--agb", "12345678");
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /hoort bij een gemeente/);
  assert.equal(run(undefined, "users", "add", "q.q", "--role", "koning", "--name", "Q").status, 1);
  assert.equal(run(undefined, "users", "disable", "j.jansen").status, 0);
  const list = JSON.parse(run(undefined, "users", "list", "--json").stdout);
  assert.deepEqual(
    list.map((u: { username: string; disabled: boolean }) => [u.username, u.disabled]),
    [
      ["j.jansen", true],
      ["zorg.bv", false],
    ],
  );
  assert.equal(run("nog-een-sterk-wachtwoord", "users", "reset-password", "zorg.bv", "--password-stdin").status, 0);
  assert.equal(run(undefined, "users", "disable", "bestaat-niet").status, 1);
});

test("kader aanbieders import, compliance check --json and compliance signalen", async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const data = await mkdtemp(`${tmpdir()}/kader-compliance-`);
  const env = { ...process.env, DATABASE_URL: "", KADER_DATA: data };
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
  const fixtures = resolve(import.meta.dirname, "fixtures/staff");
  const bad = run("aanbieders", "import", `${fixtures}/drie-foute-rijen.csv`, "--aanbieder", "12345678");
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /3 probleem\/problemen; er is niets geïmporteerd/);
  assert.match(bad.stderr, /drie-foute-rijen\.csv:5 vog_datum/);
  const ok = run("aanbieders", "import", `${fixtures}/zorg-voorbeeld.csv`, "--aanbieder", "12345678", "--naam", "Zorg Voorbeeld BV", "--gemeente", "0106");
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /Aanbieder aangemaakt: Zorg Voorbeeld BV \(12345678\); 10 medewerkers ingelezen/);
  const check = run("compliance", "check", "--aanbieder", "12345678", "--peildatum", "2026-06-01", "--productenboek", "000-begeleiding-dagbesteding", "--json");
  assert.equal(check.status, 0, check.stderr);
  const report = JSON.parse(check.stdout);
  assert.deepEqual([report.aanbieder, report.peildatum], ["12345678", "2026-06-01"]);
  assert.deepEqual(
    report.producten.map((p: { productId: string; verdict: string }) => [p.productId, p.verdict]),
    [["000-begeleiding-dagbesteding.wmo.02A03", "voldoet"]],
  );
  assert.equal(run("compliance", "check", "--aanbieder", "87654321").status, 1);
  const sig = JSON.parse(run("compliance", "signalen", "--dagen", "3650", "--json").stdout);
  assert.ok(sig.length >= 10 && sig.every((s: { agbCode: string }) => s.agbCode === "12345678"));
  assert.equal(run("compliance", "signalen", "--dagen", "veel").status, 1);
});

test("kader tarieven bereken --json and tarieven productenboek --xlsx", async () => {
  const params = resolve(import.meta.dirname, "../tarieven/voorbeeld-2026.yaml");
  const r = kader("tarieven", "bereken", "--product", "002-wmo-2026.wmo.02A04.ontwikkelgericht", "--parameters", params, "--json");
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.deepEqual([j.productId, j.eenheid, j.tariefPerEenheid, j.uurtarief], ["002-wmo-2026.wmo.02A04.ontwikkelgericht", "01", 85, "50.991604"]);
  assert.ok(j.stappen.every((s: { naam: string; waarde: string; formule: string }) => s.naam && s.waarde && s.formule));
  const missing = kader("tarieven", "bereken", "--product", "000-begeleiding-dagbesteding.wmo.02A03", "--parameters", params);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /eenheden\.000-begeleiding-dagbesteding\.wmo\.02A03/);
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const out = `${await mkdtemp(`${tmpdir()}/kader-tarief-`)}/tarieven.xlsx`;
  const book = kader("tarieven", "productenboek", "--productenboek", "002-wmo-2026", "--parameters", params, "--xlsx", out);
  assert.equal(book.code, 0, book.err);
  assert.match(book.out, /9 van 11 producten berekend/);
  const { statSync } = await import("node:fs");
  assert.ok(statSync(out).size > 5000);
  assert.equal(kader("tarieven", "bereken", "--product", "x", "--parameters", "/bestaat/niet.yaml").code, 1);
});
