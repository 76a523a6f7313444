import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { test } from "node:test";

const root = resolve(import.meta.dirname, "..");
const src = join(root, "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

/** Allowed imports per layer (GUIDE §1). The composition root (cli, api server start) may pick adapters. */
const allowed: Record<string, string[]> = {
  // the domain takes the contract's schemas where it takes what crosses the boundary (a proposed beschikking), so
  // that shape exists once; the contract itself never imports the domain
  domain: ["domain", "contract"],
  // the contract: request and response schemas of the API, made of zod and the code lists only
  contract: ["contract", "domain/codes"],
  messages: ["domain", "messages"],
  app: ["domain", "messages", "app", "contract"],
  adapters: ["domain", "messages", "app", "adapters"],
  api: ["domain", "messages", "app", "api", "adapters/files", "contract"],
  cli: ["domain", "messages", "app", "api", "cli", "adapters", "contract"],
};

const importsOf = (text: string) => [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);

test("each layer imports only what the architecture allows", () => {
  const violations: string[] = [];
  for (const file of files(src)) {
    const layer = relative(src, file).split("/")[0]!;
    const rules = allowed[layer];
    assert.ok(rules, `unknown layer ${layer}`);
    for (const spec of importsOf(readFileSync(file, "utf8"))) {
      if (!spec.startsWith(".")) continue;
      const target = relative(src, resolve(file, "..", spec));
      if (!rules.some((r) => target === r || target.startsWith(`${r}/`))) violations.push(`${relative(root, file)} imports ${target}`);
    }
  }
  assert.deepEqual(violations, []);
});

test("the contract imports zod and the code lists only", () => {
  const violations: string[] = [];
  for (const file of files(join(src, "contract")))
    for (const spec of importsOf(readFileSync(file, "utf8")))
      if (!spec.startsWith(".") && spec !== "zod") violations.push(`${relative(root, file)} imports ${spec}`);
  for (const file of files(join(src, "domain", "codes")))
    for (const spec of importsOf(readFileSync(file, "utf8")))
      if (spec.startsWith(".") ? !relative(src, resolve(file, "..", spec)).startsWith("domain/codes") : spec !== "zod")
        violations.push(`${relative(root, file)} imports ${spec}`);
  assert.deepEqual(violations, []);
});

test("src/domain is pure: no node: modules, no packages but zod and decimal.js, no clock or randomness", () => {
  const violations: string[] = [];
  for (const file of files(join(src, "domain"))) {
    const text = readFileSync(file, "utf8");
    for (const spec of importsOf(text))
      if (!spec.startsWith(".") && spec !== "zod" && spec !== "decimal.js") violations.push(`${relative(root, file)} imports ${spec}`);
    if (/Date\.now\(|new Date\(\)|Math\.random\(|process\.|performance\.now/.test(text))
      violations.push(`${relative(root, file)} uses clock, randomness or process`);
  }
  assert.deepEqual(violations, []);
});

test("the architecture test itself catches a violation", () => {
  // guard against a regex that silently matches nothing
  assert.deepEqual(importsOf('import { x } from "../adapters/db/db.ts";\nexport { y } from "./y.ts";'), ["../adapters/db/db.ts", "./y.ts"]);
});

/**
 * The web application talks to the API only. From src/ it may import the contract's types (`import type`, erased in
 * the build) and the code lists' Dutch labels from the zod-free modules of src/domain/codes (values, so one label
 * table serves server and screens without putting zod in the bundle).
 */
test("the web application imports only the contract's types and the zod-free code lists from src/", () => {
  const web = join(root, "web", "src");
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((f) => {
      const p = join(d, f);
      return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(p) ? [p] : [];
    });
  const zodFree = (target: string) => {
    const file = join(root, target.endsWith(".ts") ? target : `${target}.ts`);
    return importsOf(readFileSync(file, "utf8")).every((s) => s.startsWith("."));
  };
  const statements = (text: string) =>
    [...text.matchAll(/^\s*(import|export)(\s+type)?[^'"]*?from\s+["']([^"']+)["']/gm)].map((m) => ({ typeOnly: Boolean(m[2]), spec: m[3]! }));
  const violations = walk(web).flatMap((file) =>
    statements(readFileSync(file, "utf8"))
      .filter(({ spec }) => spec.startsWith("."))
      .map(({ typeOnly, spec }) => ({ typeOnly, spec, target: relative(root, resolve(file, "..", spec)) }))
      .filter(({ target }) => target.startsWith("src"))
      .filter(({ typeOnly, target }) => !(typeOnly && target.startsWith("src/contract/")) && !(target.startsWith("src/domain/codes/") && zodFree(target)))
      .map(({ spec }) => `${relative(root, file)} imports ${spec}`),
  );
  assert.deepEqual(violations, []);
});
