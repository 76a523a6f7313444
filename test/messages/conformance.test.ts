/**
 * Conformance against the reference material: every example message parses, validates and round-trips; the built
 * XML validates against the official XSD (xmllint); the two known-invalid iJw examples are rejected at the right element.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { buildMessage } from "../../src/messages/build.ts";
import { validateMessage } from "../../src/messages/index.ts";
import { readMessage } from "../../src/messages/reader.ts";
import { CODELISTS } from "../../src/messages/schema/codelists.ts";
import { MESSAGES } from "../../src/messages/schema/messages.ts";
import { SIMPLE_TYPES } from "../../src/messages/schema/simple-types.ts";
import { examples, hasReference, hasXmllint, NO_REFERENCE, NO_XMLLINT, REFERENCE, scratch, xmllintVerdicts, xsdFor } from "./support.ts";

/** Examples upstream stored with LF line ends: schema-valid, but OP192 (CRLF) rightly fails them as files. */
const LF_EXAMPLES = new Set(["WMO315", "JW302", "JW306", "JW308", "JW316"]);
/** Two examples break an in-message rule (their content, not their structure): Kader reports exactly that. */
const RULE_FAILURES: Record<string, [string, string][]> = {
  JW316: [["TR383", "Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]"]], // ReferentieAanbieder 42420001 twice
  JW317: [["CS003", "Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[1]"]], // Einddatum 2024-02-28 before GewensteIngangsdatum 2026-11-01
};

describe("reference examples", { skip: hasReference ? false : NO_REFERENCE }, () => {
  const all = examples();

  test("there are 26 valid examples covering all 28 messages but JW315 and JW318 (kept as invalid vectors)", () => {
    assert.equal(all.length, 26);
  });

  for (const ex of all) {
    test(`${ex.name}: parses and validates without schema failures`, () => {
      const r = validateMessage(ex.bytes, { model: true });
      assert.equal(r.definition?.name, ex.name);
      assert.equal(r.berichtCode, r.definition?.berichtCode);
      assert.deepEqual(
        r.failures.filter((f) => f.rule === "XSD"),
        [],
      );
      assert.deepEqual(
        r.failures.filter((f) => f.rule !== "XSD" && f.rule !== "OP192").map((f) => [f.rule, f.path]),
        RULE_FAILURES[ex.name] ?? [],
      );
      const op192 = r.failures.filter((f) => f.rule === "OP192").map((f) => f.message);
      if (LF_EXAMPLES.has(ex.name)) assert.equal(op192.length, 1, "LF-regeleinden horen OP192 te geven");
      else assert.deepEqual(op192, []);
    });

    test(`${ex.name}: parse → build → parse gives the same model, and the built file is clean`, () => {
      const first = readMessage(ex.bytes, { model: true });
      const xml = buildMessage(first.definition!, first.model!);
      const second = readMessage(Buffer.from(xml, "utf8"), { model: true });
      assert.deepEqual(second.failures, []);
      assert.deepEqual(second.model, first.model);
    });
  }

  test("the built XML of every example validates against the official XSD (xmllint)", { skip: hasXmllint ? false : NO_XMLLINT }, () => {
    const dir = scratch();
    const byXsd = new Map<string, string[]>();
    for (const ex of all) {
      const r = readMessage(ex.bytes, { model: true });
      const file = join(dir, `${ex.name}.xml`);
      writeFileSync(file, buildMessage(r.definition!, r.model!));
      const xsd = xsdFor(r.definition!);
      byXsd.set(xsd, [...(byXsd.get(xsd) ?? []), file]);
    }
    const invalid: string[] = [];
    for (const [xsd, files] of byXsd) for (const [f, v] of xmllintVerdicts(xsd, files)) if (!v.valid) invalid.push(f);
    assert.deepEqual(invalid, []);
  });

  for (const [name, element, line] of [
    ["JW315", "Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum", 44],
    ["JW318", "Bericht/Client/Verzoek/RetourCode", 33],
  ] as const) {
    test(`xsd-invalid/${name} is rejected with 0001 at ${element}`, () => {
      const file = join(REFERENCE, "ijw-3.2", "voorbeeldberichten", "xsd-invalid", `${name}.xml`);
      const r = readMessage(readFileSync(file));
      const first = r.failures.find((f) => f.rule === "XSD");
      assert.ok(first, "verwacht een XSD-fout");
      assert.equal(first.retourcode, "0001");
      assert.equal(first.path, element);
      assert.equal(first.line, line);
      if (hasXmllint) {
        const v = xmllintVerdicts(xsdFor(r.definition!), [file]).get(file)!;
        assert.equal(v.valid, false);
        assert.equal(v.firstLine, line);
      }
    });
  }
});

describe("Kader's codelists and types against the published schema", { skip: hasReference ? false : NO_REFERENCE }, () => {
  for (const std of ["iwmo", "ijw"] as const) {
    test(`${std}: every enumeration equals the basisschema's`, () => {
      const tsv = readFileSync(join(REFERENCE, "codelijsten", `${std}-3.2-enumeraties-uit-basisschema.tsv`), "utf8");
      const published = new Map<string, Set<string>>();
      for (const row of tsv.split(/\r?\n/).slice(1)) {
        const [ldt, code] = row.split("\t");
        if (!ldt || code === undefined) continue;
        published.set(ldt, (published.get(ldt) ?? new Set()).add(code));
      }
      const ours = new Map<string, Set<string>>();
      for (const [name, t] of Object.entries(SIMPLE_TYPES)) if ("codelist" in t && t.codelist) ours.set(name, new Set(CODELISTS[std][t.codelist]));
      assert.deepEqual([...ours.keys()].sort(), [...published.keys()].sort());
      for (const [ldt, codes] of published) assert.deepEqual([...ours.get(ldt)!].sort(), [...codes].sort(), ldt);
    });

    test(`${std}: every simple type of the basisschema is known, with the same facets`, () => {
      const xsd = readFileSync(join(REFERENCE, `${std}-3.2`, "xsd", "basisschema.xsd"), "utf8");
      const names = [...xsd.matchAll(/<xs:simpleType name="(LDT_[A-Za-z]+)"/g)].map((m) => m[1]!);
      assert.deepEqual(names.sort(), Object.keys(SIMPLE_TYPES).sort());
      for (const block of xsd.split("<xs:simpleType ").slice(1)) {
        const name = /name="([^"]+)"/.exec(block)![1] as keyof typeof SIMPLE_TYPES;
        const t = SIMPLE_TYPES[name] as { maxLength?: number; minLength?: number; max?: number; patterns?: { xsd: string }[] };
        const facet = (f: string) => /<xs:(\w+) value\s*=\s*"([^"]*)"/.exec(block.slice(block.indexOf(`<xs:${f} `)))?.[2];
        if (block.includes("<xs:maxLength ")) assert.equal(t.maxLength, Number(facet("maxLength")), name);
        if (block.includes("<xs:minLength ")) assert.equal(t.minLength, Number(facet("minLength")), name);
        if (block.includes("<xs:maxInclusive ")) assert.equal(t.max, Number(facet("maxInclusive")), name);
        if (block.includes("<xs:pattern ")) assert.equal(t.patterns?.[0]?.xsd, facet("pattern"), name);
      }
    });
  }

  test("28 messages, with the BerichtCode of each XSD", () => {
    assert.equal(MESSAGES.length, 28);
    for (const def of MESSAGES.filter((d) => !d.derived)) {
      const xsd = readFileSync(join(REFERENCE, `${def.standaard}-3.2`, "xsd", `${def.name}.xsd`), "utf8");
      assert.ok(xsd.includes(`targetNamespace="${def.namespace}"`), def.name);
      assert.match(xsd, new RegExp(`<xs:element name="BerichtCode">[\\s\\S]*?<xs:pattern value="${def.berichtCode}"/>`), def.name);
    }
  });
});
