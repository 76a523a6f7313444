/**
 * Mutation tests: from every reference example, generate broken variants (drop an element, wrong code, bad date,
 * too-long value, duplicate, swapped order, unknown element, wrong BerichtCode) and check that Kader's verdict agrees
 * with xmllint's on every one of them — all of these are decided by the XSD. File hygiene (BOM, LF) is Kader's alone.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { readMessage } from "../../src/messages/reader.ts";
import { examples, hasReference, hasXmllint, NO_REFERENCE, NO_XMLLINT, scratch, xmllintVerdicts, xsdFor } from "./support.ts";

interface Mutation {
  readonly kind: string;
  readonly text: string;
}

const LEAF = /^(\t*)<(\w+):(\w+)>([^<]*)<\/\2:\3>$/;
const OPEN = /^(\t*)<(\w+):(\w+)>$/;

/** Every mutation of one message, in a fixed order. */
export function mutations(xml: string): Mutation[] {
  const lines = xml.split("\r\n");
  const out: Mutation[] = [];
  const at = (kind: string, i: number, replace: string[], count = 1) =>
    out.push({ kind, text: [...lines.slice(0, i), ...replace, ...lines.slice(i + count)].join("\r\n") });
  lines.forEach((line, i) => {
    const leaf = LEAF.exec(line);
    if (leaf) {
      const [, indent, p, name] = leaf;
      const el = (v: string) => `${indent}<${p}:${name}>${v}</${p}:${name}>`;
      at("drop", i, []);
      at("code", i, [el("XX")]);
      at("date", i, [el("2023-02-30")]);
      at("long", i, [el("A".repeat(250))]);
      at("empty", i, [el("")]);
      at("negative", i, [el("-1")]);
      at("duplicate", i, [line, line]);
      at("unknown", i, [line, `${indent}<${p}:Onbekend>1</${p}:Onbekend>`]);
      const next = lines[i + 1];
      if (next && LEAF.exec(next)?.[1] === indent) at("swap", i, [next, line], 2);
      if (name === "BerichtCode") at("berichtcode", i, [el("999")]);
      return;
    }
    const open = OPEN.exec(line);
    if (open && i > 1) {
      const [, indent, p, name] = open;
      const end = lines.indexOf(`${indent}</${p}:${name}>`, i);
      if (end > i) {
        at("drop-block", i, [], end - i + 1);
        at("attribute", i, [`${indent}<${p}:${name} extra="1">`]);
        at("text", i, [line, `${indent}\ttekst`]);
      }
    }
  });
  return out;
}

/** A deterministic sample (every k-th mutation) so the suite stays quick on a busy machine. */
const sample = <T>(xs: T[], max: number) => (xs.length <= max ? xs : xs.filter((_, i) => i % Math.ceil(xs.length / max) === 0));

describe("mutations: Kader agrees with xmllint", { skip: !hasReference ? NO_REFERENCE : !hasXmllint ? NO_XMLLINT : false }, () => {
  let total = 0;
  let sameLine = 0;
  let bothInvalid = 0;
  for (const ex of examples()) {
    test(`${ex.name}`, () => {
      const xml = ex.bytes.toString("utf8").replace(/\r?\n/g, "\r\n");
      const def = readMessage(xml).definition!;
      const dir = scratch();
      const ms = sample(mutations(xml), 160);
      const files = ms.map((m, i) => {
        const f = join(dir, `${i}-${m.kind}.xml`);
        writeFileSync(f, m.text);
        return f;
      });
      const oracle = xmllintVerdicts(xsdFor(def), files);
      const disagreements: string[] = [];
      ms.forEach((m, i) => {
        const r = readMessage(m.text, { hygiene: false });
        const schema = r.failures.filter((f) => f.rule === "XSD");
        const o = oracle.get(files[i]!)!;
        total++;
        if ((schema.length === 0) !== o.valid)
          disagreements.push(`${files[i]}: xmllint ${o.valid ? "geldig" : "ongeldig"}, Kader ${schema.length ? schema[0]!.message : "geldig"}`);
        if (!o.valid && schema.length) {
          bothInvalid++;
          if (schema[0]!.line === o.firstLine) sameLine++;
          else if (process.env.KADER_DEBUG) process.stdout.write(`# regel ${m.kind} ${files[i]} kader ${schema[0]!.line} xmllint ${o.firstLine}\n`);
        }
        for (const f of schema) assert.equal(f.retourcode, "0001");
      });
      assert.deepEqual(disagreements, []);
      assert.ok(
        ms.some((_, i) => !oracle.get(files[i]!)!.valid),
        "some mutations must be invalid",
      );
    });
  }
  test("summary: the first failure is on the same line as xmllint's", () => {
    process.stdout.write(`# mutaties: ${total}, beide ongeldig: ${bothInvalid}, zelfde eerste regel: ${sameLine}\n`);
    assert.equal(sameLine, bothInvalid);
  });
});

describe("file hygiene (OP192) mutations", { skip: hasReference ? false : NO_REFERENCE }, () => {
  for (const ex of examples().slice(0, 28)) {
    test(`${ex.name}: BOM and LF line ends are OP192`, () => {
      const crlf = ex.bytes.toString("utf8").replace(/\r?\n/g, "\r\n");
      assert.deepEqual(readMessage(Buffer.from(crlf)).failures, []);
      const bom = readMessage(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)])).failures;
      assert.deepEqual(
        bom.map((f) => f.rule),
        ["OP192"],
      );
      const lf = readMessage(Buffer.from(crlf.replace(/\r\n/g, "\n"))).failures;
      assert.deepEqual(
        lf.map((f) => [f.rule, f.line]),
        [["OP192", 1]],
      );
    });
  }
});
