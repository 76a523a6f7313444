/** `kader berichten valideer`: the JSON shape, exit codes, directories and ZIPs (in-process, no spawn). */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { berichtenValideer } from "../../src/cli/messages.ts";
import type { Output } from "../../src/cli/output.ts";
import { FIXTURES } from "./support.ts";

function capture() {
  const lines: string[] = [];
  const errs: string[] = [];
  let json: unknown;
  const out: Output = { line: (s) => lines.push(s), err: (s) => errs.push(s), json: (v) => (json = v), raw: () => {} };
  return {
    out,
    lines,
    errs,
    json: () => json as { files: { file: string; berichtCode: string | null; valid: boolean; failures: Record<string, unknown>[] }[] },
  };
}

test("--json prints exactly files[] with file, berichtCode, valid, failures", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kader-cli-"));
  writeFileSync(join(dir, "fout.xml"), '<?xml version="1.0" encoding="UTF-8"?>\n<x/>\n');
  const c = capture();
  assert.equal(await berichtenValideer(c.out, [FIXTURES, dir], { json: true }), 0);
  const { files } = c.json();
  assert.equal(files.length, 4);
  for (const f of files) assert.deepEqual(Object.keys(f), ["file", "berichtCode", "valid", "failures"]);
  const bad = files.find((f) => f.file.endsWith("fout.xml"))!;
  assert.equal(bad.valid, false);
  assert.deepEqual(Object.keys(bad.failures[0]!).sort(), ["line", "message", "path", "retourcode", "rule"]);
  assert.deepEqual(
    bad.failures.map((f) => f.rule),
    ["OP192", "XSD"],
  );
});

test("an unreadable input gives exit 1 and still reports the rest", async () => {
  const c = capture();
  assert.equal(await berichtenValideer(c.out, [join(FIXTURES, "WMO323.xml"), "/bestaat/niet.xml"], {}), 1);
  assert.match(c.lines.join("\n"), /1 bestand: 1 geldig, 0 ongeldig, 1 niet te lezen/);
  assert.match(c.errs[0]!, /niet lezen/);
});
