import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { stringify } from "yaml";
import { aProduct, aProductenboek, writeCatalogue } from "../../../test/support/builders.ts";
import { listCatalogueFiles, readCatalogueDir, shownJoin } from "./catalogue-files.ts";

test("a valid catalogue expands one product per code", async () => {
  const dir = await writeCatalogue({ b: { book: aProductenboek(), files: { "p.yaml": [aProduct()] } } });
  const r = await readCatalogueDir(dir);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  assert.deepEqual(
    r.value.products.map((p) => [p.id, p.law, p.productcategorie]),
    [
      ["test-boek.wmo.02A03", "wmo", "02"],
      ["test-boek.jeugdwet.45A48", "jeugdwet", "45"],
    ],
  );
  assert.deepEqual(r.value.products[0]!.siblings, ["test-boek.jeugdwet.45A48"]);
});

test("every problem is reported with file, line, field path and a Dutch message", async () => {
  const bad = [
    aProduct({ unit: { code: "99", status: "given" } }),
    aProduct({
      codes: [{ status: "given", law: "wmo", productcode: "02A99", asWritten: "02A99" }],
      requirements: [{ topic: "x", asWritten: "y", line: 5, rule: { op: "staffShare", minShare: 1.5, atOrAbove: "mbo9", restAtLeast: null } }],
    }),
  ];
  const dir = await writeCatalogue({ b: { book: aProductenboek(), files: { "bad.yaml": bad } } });
  const r = await readCatalogueDir(dir);
  assert.equal(r.ok, false);
  if (r.ok) return;
  const byPath = new Map(r.problems.map((p) => [p.path, p]));
  const unit = byPath.get("[0].unit.code");
  assert.ok(unit, JSON.stringify(r.problems));
  assert.match(unit.detail, /onbekende waarde "99"; toegestaan: "01", "04"/);
  assert.match(unit.file ?? "", /bad\.yaml$/);
  assert.ok((unit.line ?? 0) > 1, "line points into the file");
  assert.match(byPath.get("[1].requirements[0].rule.minShare")?.detail ?? "", /hoogstens 1 \(100%\)/);
  assert.match(byPath.get("[1].requirements[0].rule.atOrAbove")?.detail ?? "", /onbekende waarde "mbo9"/);
});

test("duplicate keys are rejected; a variant makes them unique", async () => {
  const one = aProduct({ codes: [{ status: "given", law: "wmo", productcode: "08A03", asWritten: "08A03" }] });
  const dup = await readCatalogueDir(await writeCatalogue({ b: { book: aProductenboek(), files: { "a.yaml": [one], "b.yaml": [one] } } }));
  assert.equal(dup.ok, false);
  if (!dup.ok) {
    assert.equal(dup.problems[0]!.code, "duplicate-key");
    assert.match(dup.problems[0]!.detail, /test-boek\.wmo\.08A03 staat ook in .*a\.yaml:\d+/);
  }
  const v = (variant: string) => aProduct({ codes: [{ status: "given", law: "wmo", productcode: "08A03", asWritten: "08A03", variant }] });
  const ok = await readCatalogueDir(await writeCatalogue({ b: { book: aProductenboek(), files: { "a.yaml": [v("dagbehandeling"), v("Dagbesteding Wmo")] } } }));
  assert.ok(ok.ok);
  assert.deepEqual(
    ok.value.products.map((p) => p.id),
    ["test-boek.wmo.08A03.dagbehandeling", "test-boek.wmo.08A03.dagbesteding-wmo"],
  );
});

test("a pending code keeps its stand-in; a code's category must match its prefix", async () => {
  const pending = aProduct({ codes: [{ status: "pending", law: "jeugdwet", standIn: "nieuw-1", asWritten: "NIEUW" }] });
  const wrongCat = aProduct({ codes: [{ status: "given", law: "wmo", productcode: "41O23", productcategorie: "42", asWritten: "41O23" }] });
  const r = await readCatalogueDir(await writeCatalogue({ b: { book: aProductenboek(), files: { "a.yaml": [pending, wrongCat] } } }));
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(
    r.problems.map((p) => p.code),
    ["inconsistent-data"],
  );
  assert.match(r.problems[0]!.detail, /42 wijkt af .* 41O23/);
});

test("broken YAML and a missing folder are reported, not thrown", async () => {
  const r = await readCatalogueDir(await writeCatalogue({ b: { book: aProductenboek(), files: { "a.yaml": "- name: [unclosed\n" } } }));
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.problems[0]!.title, "Ongeldige YAML");
  const none = await readCatalogueDir("/nonexistent/kader");
  assert.equal(none.ok, false);
});

test("a law outside the productenboek's laws is rejected", async () => {
  const r = await readCatalogueDir(await writeCatalogue({ b: { book: aProductenboek({ laws: ["wmo"] }), files: { "a.yaml": [aProduct()] } } }));
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.problems.map((p) => p.title).join(), /Wet hoort niet bij dit productenboek/);
});

test("a requirement scoped to one law is attached only to that law's product", async () => {
  const p = aProduct({
    requirements: [
      { topic: "opleiding", asWritten: "Minimaal 80%", line: 34, rule: { op: "staffShare", minShare: 0.8, atOrAbove: "mbo4", restAtLeast: "mbo3" } },
      {
        topic: "geregistreerde medewerkers (Jeugd)",
        asWritten: "Een BIG of SKJ-geregistreerde professional",
        line: 52,
        law: "jeugdwet",
        rule: { op: "roleAvailable", role: "big-of-skj-geregistreerde", purpose: "overleg" },
      },
    ],
  });
  const r = await readCatalogueDir(await writeCatalogue({ b: { book: aProductenboek(), files: { "p.yaml": [p] } } }));
  assert.ok(r.ok);
  const topics = (law: string) => r.value.products.find((x) => x.law === law)!.requirements.map((q) => q.topic);
  assert.deepEqual(topics("wmo"), ["opleiding"]);
  assert.deepEqual(topics("jeugdwet"), ["opleiding", "geregistreerde medewerkers (Jeugd)"]);
});

test("a YAML syntax error is reported on the line where it is, also at the end of a file", async () => {
  const valid = stringify([aProduct()]);
  const lines = valid.trimEnd().split("\n").length;
  const dir = await writeCatalogue({
    b: { book: aProductenboek(), files: { "a.yaml": `${valid}- name: [niet gesloten\n`, "b.yaml": `${valid}- name: "niet gesloten\n` } },
  });
  const r = await readCatalogueDir(dir);
  assert.equal(r.ok, false);
  if (r.ok) return;
  const of = (f: string) => r.problems.find((p) => p.file?.endsWith(f));
  assert.deepEqual([of("a.yaml")?.title, of("a.yaml")?.line], ["Ongeldige YAML", lines + 1], JSON.stringify(r.problems));
  assert.match(of("a.yaml")!.detail, /^kolom \d+: lijst \[ \] of object \{ \} niet gesloten/);
  assert.deepEqual([of("b.yaml")?.line, of("b.yaml")?.detail], [lines + 1, 'kolom 23: het afsluitende dubbele aanhalingsteken (") ontbreekt']);
});

test("an unknown field is reported on the line of that field", async () => {
  const text = stringify([{ ...aProduct(), kleur: "rood" }]);
  const line = text.split("\n").findIndex((l) => l.startsWith("  kleur:")) + 1;
  const r = await readCatalogueDir(await writeCatalogue({ b: { book: aProductenboek(), files: { "a.yaml": text } } }));
  assert.equal(r.ok, false);
  if (!r.ok)
    assert.deepEqual(
      r.problems.map((p) => [p.path, p.line, p.detail]),
      [["[0]", line, "onbekend veld: kleur"]],
    );
});

test("file paths are shown as given: relative stays relative, nothing is resolved", () => {
  assert.equal(shownJoin("catalog", "a", "b.yaml"), "catalog/a/b.yaml");
  assert.equal(shownJoin("./catalog/", "a.yaml"), "./catalog/a.yaml");
  assert.equal(shownJoin("../x", "a.yaml"), "../x/a.yaml");
  assert.equal(shownJoin("/abs/cat", "a.yaml"), "/abs/cat/a.yaml");
  assert.equal(shownJoin("/", "a.yaml"), "/a.yaml");
});

test("every file under the catalogue directory gets a kind; a file no schema covers is listed as unknown", async () => {
  const dir = await writeCatalogue({ b: { book: aProductenboek(), files: { "p.yaml": [aProduct()], "q.yml": [aProduct()] } } });
  await mkdir(join(dir, "kwaliteitskaders", "oud"), { recursive: true });
  await mkdir(join(dir, "conversies"));
  await mkdir(join(dir, "b", "extra"));
  for (const [f, text] of Object.entries({
    "kwaliteitskaders/01-een-kader.yaml": "nr: 1\n",
    "kwaliteitskaders/segmenten.yaml": "segmenten: []\n",
    "kwaliteitskaders/begrippen.yaml": "begrippen: []\n",
    "kwaliteitskaders/1-te-kort.yaml": "",
    "kwaliteitskaders/oud/02-x.yaml": "",
    "conversies/plan.yaml": "",
    "conversies/plan.yml": "",
    "b/products/notities.txt": "",
    "b/extra/c.yaml": "",
    "LEESMIJ.md": "",
  }))
    await writeFile(join(dir, f), text);
  const r = await listCatalogueFiles(dir);
  assert.ok(r.ok);
  const rel = (f: string) => f.slice(dir.length + 1);
  assert.deepEqual(
    r.value.map((f) => [rel(f.file), f.kind]),
    [
      ["LEESMIJ.md", null],
      ["b/extra/c.yaml", null],
      ["b/productenboek.yaml", "productenboek"],
      ["b/products/notities.txt", null],
      ["b/products/p.yaml", "product"],
      ["b/products/q.yml", "product"],
      ["conversies/plan.yaml", "conversieplan"],
      ["conversies/plan.yml", null],
      ["kwaliteitskaders/01-een-kader.yaml", "kwaliteitskader"],
      ["kwaliteitskaders/1-te-kort.yaml", null],
      ["kwaliteitskaders/begrippen.yaml", "begrippen"],
      ["kwaliteitskaders/oud/02-x.yaml", null],
      ["kwaliteitskaders/segmenten.yaml", "segmenten"],
    ],
  );
  assert.ok(r.value.filter((f) => f.kind === null).every((f) => /horen alleen/.test(f.expected ?? "")));
  assert.equal((await listCatalogueFiles(join(dir, "bestaat-niet"))).ok, false);
});
