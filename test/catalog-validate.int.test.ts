import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFile, cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";

// `kader catalog validate` over a copy of the shipped catalogue with one broken file of each kind (issue 13 §1).
const bin = resolve(import.meta.dirname, "../bin/kader.mjs");
const CATALOG = resolve(import.meta.dirname, "../catalog");

const kader = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** A copy of catalog/ as `<tmp>/cat`; the test runs the CLI in `<tmp>` with `--dir ./cat` (a relative path). */
async function copyCatalogue(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "kader-validate-"));
  await cp(CATALOG, join(root, "cat"), { recursive: true });
  return root;
}

/** Replaces the first line matching `from` in a file and returns its 1-based line number. */
async function replaceLine(file: string, from: RegExp, to: string): Promise<number> {
  const lines = (await readFile(file, "utf8")).split("\n");
  const i = lines.findIndex((l) => from.test(l));
  assert.ok(i >= 0, `${from} in ${file}`);
  lines[i] = lines[i]!.replace(from, to);
  await writeFile(file, lines.join("\n"));
  return i + 1;
}

const lineCount = async (file: string) => (await readFile(file, "utf8")).replace(/\n$/, "").split("\n").length;

interface Shown {
  code: string;
  title: string;
  detail: string;
  file?: string;
  line?: number;
  path?: string;
}

test("the shipped catalogue passes: every file is read, none is unknown (exit 0)", () => {
  const r = kader(resolve(CATALOG, ".."), "catalog", "validate", "--dir", "catalog");
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Geldig: 4 productenboeken, 111 producten, 15 kwaliteitskaders, 1 conversieplannen \(29 bestanden\)/);
});

test("a broken conversion plan, quality framework and product files are each reported with file as given, line and field path (exit 1)", async () => {
  const root = await copyCatalogue();
  const cat = join(root, "cat");
  const plan = join(cat, "conversies/004-nmd-2026.yaml");
  const planLine = await replaceLine(plan, /^redenWijziging: "10"$/, 'redenWijziging: "11"');
  const fw = join(cat, "kwaliteitskaders/05-ggz-dagbesteding-participatie.yaml");
  const fwLine = await replaceLine(fw, /^ {2}value: in-force$/, "  value: ingetrokken-misschien");
  // a syntax error on the last line of one product file ...
  const partD = join(cat, "001-concept-inkoop-2025/products/part-d.yaml");
  await appendFile(partD, '  extra: "niet gesloten\n');
  const partDLast = await lineCount(partD);
  // ... and a schema error on line N of another
  const wmo = join(cat, "002-wmo-2026/products/products.yaml");
  const kindLine = await replaceLine(wmo, /^ {2}kind: begeleiding-individueel$/, "  kind: begeleiding-op-maat");

  const r = kader(root, "catalog", "validate", "--dir", "./cat", "--json");
  assert.equal(r.code, 1, r.out + r.err);
  const problems = (JSON.parse(r.out) as { problems: Shown[] }).problems;
  const find = (file: string) => problems.filter((p) => p.file === file);

  const inPlan = find("./cat/conversies/004-nmd-2026.yaml");
  assert.equal(inPlan.length, 1, JSON.stringify(problems));
  assert.deepEqual([inPlan[0]!.line, inPlan[0]!.path], [planLine, "redenWijziging"]);
  assert.match(inPlan[0]!.detail, /"11"/);

  const inFw = find("./cat/kwaliteitskaders/05-ggz-dagbesteding-participatie.yaml");
  assert.equal(inFw.length, 1, JSON.stringify(problems));
  assert.deepEqual([inFw[0]!.line, inFw[0]!.path], [fwLine, "status.value"]);
  assert.match(inFw[0]!.detail, /onbekende waarde "ingetrokken-misschien"/);

  const inD = find("./cat/001-concept-inkoop-2025/products/part-d.yaml");
  assert.ok(inD.length >= 1, JSON.stringify(problems));
  assert.equal(inD[0]!.title, "Ongeldige YAML");
  assert.equal(inD[0]!.line, partDLast, "the syntax error is on the last line, not line 1");
  assert.match(inD[0]!.detail, /aanhalingsteken/);

  const inWmo = find("./cat/002-wmo-2026/products/products.yaml");
  assert.equal(inWmo.length, 1, JSON.stringify(problems));
  assert.deepEqual([inWmo[0]!.line, inWmo[0]!.path], [kindLine, "[0].kind"]);
  assert.match(inWmo[0]!.detail, /onbekende waarde "begeleiding-op-maat"/);

  assert.ok(
    problems.every((p) => p.file?.startsWith("./cat/")),
    "paths as given, never absolute",
  );

  // the human output names file:line and field path the same way
  const human = kader(root, "catalog", "validate", "--dir", "./cat");
  assert.equal(human.code, 1);
  assert.ok(human.err.includes(`./cat/conversies/004-nmd-2026.yaml:${planLine} redenWijziging: Ongeldig veld`), human.err);
  assert.ok(human.err.includes(`./cat/001-concept-inkoop-2025/products/part-d.yaml:${partDLast}: Ongeldige YAML`), human.err);
  assert.ok(human.err.includes(`./cat/002-wmo-2026/products/products.yaml:${kindLine} [0].kind: Ongeldig veld`), human.err);
  assert.doesNotMatch(human.err, new RegExp(root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
});

test("a file no schema covers is reported, not skipped; a plan naming an unknown target product is reported at its line", async () => {
  const root = await copyCatalogue();
  const cat = join(root, "cat");
  await writeFile(join(cat, "notities.txt"), "los bestand\n");
  await writeFile(join(cat, "conversies/LEESMIJ.md"), "# uitleg\n");
  await writeFile(join(cat, "kwaliteitskaders/extra.yaml"), "nr: 16\n");
  await writeFile(join(cat, "002-wmo-2026/products/oud.json"), "[]\n");
  await writeFile(join(cat, "002-wmo-2026/losse-producten.yaml"), "[]\n");
  const plan = join(cat, "conversies/004-nmd-2026.yaml");
  const text = await readFile(plan, "utf8");
  const m = /^( {4}product: )"?004-nmd-pve-2026\.\{wet\}\.([a-z-]+)"?$/m.exec(text);
  assert.ok(m, "a target product in the plan");
  await writeFile(plan, text.replace(m[0], `${m[1]}004-nmd-pve-2026.{wet}.bestaat-niet`));
  const line = text.slice(0, m.index).split("\n").length;

  const r = kader(root, "catalog", "validate", "--dir", "cat", "--json");
  assert.equal(r.code, 1, r.err);
  const problems = (JSON.parse(r.out) as { problems: Shown[] }).problems;
  const unknown = problems
    .filter((p) => p.title === "Onbekend bestand")
    .map((p) => p.file)
    .sort();
  assert.deepEqual(unknown, [
    "cat/002-wmo-2026/losse-producten.yaml",
    "cat/002-wmo-2026/products/oud.json",
    "cat/conversies/LEESMIJ.md",
    "cat/kwaliteitskaders/extra.yaml",
    "cat/notities.txt",
  ]);
  assert.ok(problems.filter((p) => p.title === "Onbekend bestand").every((p) => /horen alleen/.test(p.detail)));
  const target = problems.find((p) => p.title === "Onbekend doelproduct");
  assert.ok(target, JSON.stringify(problems));
  assert.equal(target.file, "cat/conversies/004-nmd-2026.yaml");
  assert.equal(target.line, line);
  assert.match(target.path ?? "", /^doelen\.[^.]+\.product$/);
  assert.match(target.detail, /004-nmd-pve-2026\.wmo\.bestaat-niet/);
});

test("an absolute --dir is shown as given; a missing folder is exit 1 with a Dutch message", async () => {
  const root = await copyCatalogue();
  const file = join(root, "cat/kwaliteitskaders/segmenten.yaml");
  await writeFile(file, "segmenten:\n  - [niet gesloten\n");
  const r = kader(tmpdir(), "catalog", "validate", "--dir", join(root, "cat"), "--json");
  assert.equal(r.code, 1, r.err);
  const p = (JSON.parse(r.out) as { problems: Shown[] }).problems;
  assert.deepEqual(
    p.map((x) => [x.file, x.line, x.title]),
    [[file, 2, "Ongeldige YAML"]],
  );
  const none = kader(root, "catalog", "validate", "--dir", "bestaat-niet");
  assert.equal(none.code, 1);
  assert.match(none.err, /bestaat-niet: Map niet gevonden — kan bestaat-niet niet lezen/);
});
