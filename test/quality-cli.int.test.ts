import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import JSZip from "jszip";

const bin = resolve(import.meta.dirname, "../bin/kader.mjs");

describe("kader kwaliteit (command line)", () => {
  let dir = "";
  const kader = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, DATABASE_URL: "", KADER_DATA: join(dir, "data") },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "kader-kwaliteit-cli-"));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  test("kaders --json prints exactly { nr, titel, jaar, wetten, segmenten, status, criteria, perElement } for the 15 frameworks", () => {
    const r = kader("kwaliteit", "kaders", "--json");
    assert.equal(r.code, 0, r.err);
    const items = JSON.parse(r.out) as Record<string, unknown>[];
    assert.equal(items.length, 15);
    for (const i of items) {
      assert.deepEqual(Object.keys(i), ["nr", "titel", "jaar", "wetten", "segmenten", "status", "criteria", "perElement"]);
      assert.deepEqual(Object.keys(i.perElement as object), ["dienstverlening", "vakmanschap", "samenwerking", "organisatie"]);
    }
    assert.equal(items.find((i) => i.nr === 2)?.status, "lapsed");
    const human = kader("kwaliteit", "kaders");
    assert.match(human.out, /Let op: Kader 2 .* vervallen/);
  });

  test("zoek with filters; a bad filter is a Dutch problem and exit 1", () => {
    const r = kader("kwaliteit", "zoek", "klachten", "--element", "organisatie", "--json");
    assert.equal(r.code, 0, r.err);
    const res = JSON.parse(r.out) as { total: number; items: { element: string }[] };
    assert.ok(res.total > 0);
    assert.ok(res.items.every((i) => i.element === "organisatie"));
    const bad = kader("kwaliteit", "zoek", "--segment", "wmo-9");
    assert.equal(bad.code, 1);
    assert.match(bad.err, /Ongeldige optie segment — onbekende waarde "wmo-9"/);
    assert.equal(kader("kwaliteit", "kader", "99").code, 1);
    assert.equal(kader("kwaliteit", "valideer").code, 0);
  });

  test("pve maak → publiceer → export .docx → status, on the embedded database", async () => {
    const file = join(dir, "pve.yaml");
    await writeFile(file, "titel: PvE via de command line\nonderdelen:\n  - soort: algemene-eisen-004\n  - soort: kader\n    kader: 8\n");
    const made = kader("kwaliteit", "pve", "maak", file, "--gemeente", "0106", "--json");
    assert.equal(made.code, 0, made.err);
    const { id, problemen } = JSON.parse(made.out) as { id: string; problemen: unknown[] };
    assert.deepEqual(problemen, []);
    const pub = kader("kwaliteit", "pve", "publiceer", id, "--json");
    assert.equal(pub.code, 0, pub.err);
    assert.equal(JSON.parse(pub.out).versie, 1);
    const out = join(dir, "pve.docx");
    const exp = kader("kwaliteit", "pve", "export", id, "--versie", "1", "--format", "docx", "--out", out);
    assert.equal(exp.code, 0, exp.err);
    const xml = await (await JSZip.loadAsync(await readFile(out))).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    assert.ok(text.includes("PvE via de command line") && text.includes("Eis 1. ") && text.includes("JIJ-kader"));
    const inv = kader("kwaliteit", "pve", "uitnodigen", id, "--versie", "1", "--aanbieder", "98765432");
    assert.equal(inv.code, 0, inv.err);
    const st = kader("kwaliteit", "pve", "status", id, "--versie", "1", "--json");
    assert.equal(st.code, 0, st.err);
    assert.deepEqual(
      (JSON.parse(st.out) as { agbCode: string }[]).map((x) => x.agbCode),
      ["98765432"],
    );
    const bad = join(dir, "bad.yaml");
    await writeFile(bad, "titel: x\nonderdelen:\n  - soort: criterium\n    kader: 3\n    criterium: bestaat-niet\n");
    const b = kader("kwaliteit", "pve", "maak", bad, "--gemeente", "0106");
    assert.equal(b.code, 1);
    assert.match(b.err, /onderdelen\.0\.criterium/);
  });
});
