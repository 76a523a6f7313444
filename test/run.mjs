#!/usr/bin/env node
// Finds the test files (Node 20's --test takes no globs) and runs them with node's own test runner through tsx,
// at most two files at a time (an embedded PGlite takes ~750 MB). `--int` runs only *.int.test.ts (database tests).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const onlyInt = process.argv.includes("--int");
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === "node_modules" || f.startsWith(".")) return [];
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
const files = ["src", "test"]
  .flatMap((d) => walk(join(root, d)))
  .filter((f) => (onlyInt ? f.endsWith(".int.test.ts") : f.endsWith(".test.ts")))
  .map((f) => relative(root, f))
  .sort();
const extra = process.argv.slice(2).filter((a) => a !== "--int");
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...extra, ...files], {
  cwd: root,
  stdio: "inherit",
  // every JSON answer of a contract route is checked against its response schema (src/api/route.ts)
  env: { ...process.env, KADER_CHECK_RESPONSES: process.env.KADER_CHECK_RESPONSES ?? "1" },
});
process.exit(r.status ?? 1);
