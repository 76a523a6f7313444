/**
 * Hostile and broken input: DOCTYPE/XXE/billion laughs are refused, malformed XML and bad files are reported and never
 * crash, ZIP batches are checked before anything is unpacked, and a 25 MB declaratie is validated in bounded memory.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import JSZip from "jszip";
import { buildMessage, messageByName, messageValidator, validateBatch, validateMessage } from "../../src/messages/index.ts";
import { readMessage } from "../../src/messages/reader.ts";
import { aPrestatie, aWmo323 } from "./builders.ts";
import { FIXTURES } from "./support.ts";

const fixture = (name: string) => readFileSync(join(FIXTURES, `${name}.xml`), "utf8");
const withDoctype = (doctype: string, body = "&xxe;") =>
  fixture("WMO301").replace('<?xml version="1.0" encoding="UTF-8"?>\r\n', `<?xml version="1.0" encoding="UTF-8"?>\r\n${doctype}\r\n`).replace("Jansen", body);

describe("XML attacks", () => {
  test("XXE: an external entity is refused and never read", () => {
    const r = validateMessage(withDoctype('<!DOCTYPE Bericht [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'));
    assert.equal(r.failures[0]?.rule, "XSD");
    assert.match(r.failures[0]!.message, /DOCTYPE is niet toegestaan/);
    assert.ok(!JSON.stringify(r).includes("root:"));
  });

  test("billion laughs: entity declarations are refused before anything is expanded", () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ""};`.repeat(10)}">`)].join("");
    const before = process.memoryUsage().heapUsed;
    const r = validateMessage(withDoctype(`<!DOCTYPE Bericht [${lol}]>`, "&lol9;"));
    assert.ok(process.memoryUsage().heapUsed - before < 50 * 1024 * 1024);
    assert.match(r.failures[0]!.message, /DOCTYPE/);
    assert.equal(r.failures.filter((f) => f.rule === "XSD").length, 1);
  });

  test("an undeclared entity without DOCTYPE is a well-formedness error, not an expansion", () => {
    const r = validateMessage(fixture("WMO301").replace("Jansen", "&xxe;"));
    assert.match(r.failures[0]!.message, /niet welgevormd/);
  });

  test("well-formedness errors are Dutch, with line and column (issue 13)", () => {
    const decl = '<?xml version="1.0" encoding="UTF-8"?>\r\n';
    const cases: [string, RegExp][] = [
      [`${decl}<Bericht><Client>\r\n`, /regel 3, kolom 0: het element <Client> wordt niet gesloten/],
      [`${decl}<Bericht><Client></Clint></Bericht>\r\n`, /regel 2, kolom \d+: de eindtag <\/Clint> past niet bij het open element <Client>/],
      [`${decl}<q:Bericht></q:Bericht>\r\n`, /regel 2, kolom \d+: het namespace-prefix "q" is niet gedeclareerd/],
      [`${decl}<Bericht></Bericht></Bericht>\r\n`, /de eindtag <\/Bericht> hoort bij geen enkel open element/],
      [`${decl}<Bericht a="1" a="2"/>\r\n`, /het attribuut a staat er twee keer/],
      [`${decl}<Bericht>&foo;</Bericht>\r\n`, /onbekende entiteit/],
      [`${decl}<Bericht/>\r\ntekst\r\n`, /er staat tekst buiten het element <Bericht>/],
      [`${decl}`, /het bestand bevat geen element/],
      [`${decl}<Bericht><!-- a -- b --></Bericht>\r\n`, /ongeldig commentaar/],
      [`\r\n${decl}<Bericht/>\r\n`, /de XML-declaratie \(<\?xml \.\.\.\?>\) moet helemaal aan het begin/],
    ];
    for (const [xml, expected] of cases) {
      const m = validateMessage(Buffer.from(xml)).failures.find((f) => /welgevormd/.test(f.message));
      assert.ok(m, `${JSON.stringify(xml)}: a well-formedness failure`);
      assert.match(m.message, expected, JSON.stringify(xml));
      assert.match(m.message, /^De XML is niet welgevormd, regel \d+, kolom \d+: /);
      assert.doesNotMatch(
        m.message,
        /unclosed|unexpected|unbound|disallowed|undefined entity|outside of root|malformed|duplicate attribute/,
        JSON.stringify(xml),
      );
      // the line agrees with the line the failure is reported on (xmllint's, see mutations.test.ts)
      assert.equal(m.line, Number(/regel (\d+)/.exec(m.message)![1]), JSON.stringify(xml));
    }
    // a long element name is cut to an excerpt
    const long = validateMessage(Buffer.from(`${decl}<Bericht><${"X".repeat(500)}>\r\n`)).failures.find((f) => /welgevormd/.test(f.message))!;
    assert.ok(long.message.length < 250, long.message);
  });

  test("external DTD by PUBLIC/SYSTEM id is refused too", () => {
    assert.match(validateMessage(withDoctype('<!DOCTYPE Bericht SYSTEM "http://example.invalid/x.dtd">', "Jansen")).failures[0]!.message, /DOCTYPE/);
  });

  for (const [title, text] of [
    ["empty file", ""],
    ["not XML", "hallo"],
    ["truncated", fixture("WMO323").slice(0, 700)],
    ["unknown namespace", '<?xml version="1.0" encoding="UTF-8"?>\r\n<x:Bericht xmlns:x="urn:x"/>\r\n'],
    ["wrong root", fixture("WMO323").replaceAll("wmo323:Bericht", "wmo323:Berichten")],
  ] as const)
    test(`${title}: reported, not thrown`, () => {
      const r = validateMessage(Buffer.from(text));
      assert.ok(r.failures.length > 0);
      assert.ok(r.failures.every((f) => f.retourcode === "0001" && typeof f.message === "string"));
    });
});

describe("file hygiene (OP192)", () => {
  test("BOM, LF, other encodings and bad UTF-8 are OP192", () => {
    const xml = fixture("WMO323");
    const rules = (b: Buffer) => validateMessage(b).failures.map((f) => f.rule);
    assert.deepEqual(rules(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)])), ["OP192"]);
    assert.deepEqual(rules(Buffer.from(xml.replaceAll("\r\n", "\n"))), ["OP192"]);
    assert.deepEqual(rules(Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'))), ["OP192"]);
    assert.deepEqual(rules(Buffer.concat([Buffer.from(xml.slice(0, 400)), Buffer.from([0xc3, 0x28]), Buffer.from(xml.slice(400))])), ["OP192"]);
    assert.deepEqual(rules(Buffer.from(`\ufeff${xml}`, "utf16le")), ["OP192"]);
  });
});

describe("ZIP batches", () => {
  const zipOf = async (files: Record<string, string | Uint8Array>) => {
    const z = new JSZip();
    for (const [n, c] of Object.entries(files)) z.file(n, c);
    return z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  };
  test("each message of a batch gets a verdict", async () => {
    const v = await validateBatch(
      "b.zip",
      await zipOf({ "a.xml": fixture("WMO323"), "b.xml": fixture("WMO301").replace("<wmo301:Geslacht>2", "<wmo301:Geslacht>7") }),
    );
    assert.deepEqual(
      v.map((x) => [x.file, x.valid, x.berichtCode]),
      [
        ["b.zip:a.xml", true, "484"],
        ["b.zip:b.xml", false, "414"],
      ],
    );
  });
  test("more than 30 messages, or other files, are OP192 for the batch", async () => {
    const files = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`m${i}.xml`, fixture("JW319")]));
    const v = await validateBatch("b.zip", await zipOf({ ...files, "lees.txt": "x" }));
    assert.deepEqual(
      v[0]!.failures.map((f) => f.rule),
      ["OP192", "OP192"],
    );
    assert.equal(v.length, 32);
  });
  test("an entry that unpacks beyond 25 MB is not unpacked", async () => {
    const v = await validateBatch("bom.zip", await zipOf({ "groot.xml": new Uint8Array(26 * 1024 * 1024) }));
    assert.match(v[0]!.failures[0]!.message, /groter dan 25 MB/);
  });
  test("an empty ZIP, a lying size field and an unsafe entry name are OP192 for the batch, never an exception (issue 13)", async () => {
    const empty = await validateBatch("leeg.zip", await new JSZip().generateAsync({ type: "uint8array" }));
    assert.deepEqual(
      empty.map((v) => [v.valid, v.unreadable, v.failures[0]!.rule]),
      [[false, true, "OP192"]],
    );
    assert.match(empty[0]!.failures[0]!.message, /het ZIP-bestand is leeg/);
    const b = Buffer.from(await zipOf({ "a.xml": fixture("WMO323") }));
    b.writeUInt32LE(10, b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    const lying = await validateBatch("b.zip", b);
    assert.match(lying.map((v) => v.failures.map((f) => f.message).join()).join(), /pakt uit tot meer dan de 1 kB die de kop noemt/);
    const traversal = await validateBatch("c.zip", await zipOf({ "../../x.xml": fixture("WMO323") }));
    assert.match(traversal[0]!.failures[0]!.message, /verwijst met \.\. naar een map buiten het archief/);
  });

  test("a file that is not a ZIP is reported", async () => {
    assert.equal((await validateBatch("x.zip", new Uint8Array([1, 2, 3])))[0]!.valid, false);
  });
});

describe("streaming", () => {
  test("a 25 MB WMO323 is validated chunk by chunk in bounded memory, with every rule", () => {
    const def = messageByName("WMO323")!;
    // a declaratie of one client and N prestaties, written as a stream: head, repeated prestaties, tail
    const one = buildMessage(def, aWmo323([aPrestatie(0)]) as never);
    const start = one.indexOf("\t\t\t\t\t<wmo323:Prestatie>");
    const end = one.indexOf("</wmo323:Prestaties>");
    const prestatie = one.slice(start, end);
    const n = Math.floor((25 * 1024 * 1024 - one.length) / (prestatie.length + 5));
    const head = one.slice(0, start).replace("<iwmo:TotaalBedrag>10000<", `<iwmo:TotaalBedrag>${10000 * n}<`);
    const v = messageValidator();
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    v.write(Buffer.from(head));
    for (let i = 0; i < n; i += 1000) {
      const block = Array.from({ length: Math.min(1000, n - i) }, (_, j) => prestatie.replace(">P0<", `>P${i + j}<`)).join("");
      v.write(Buffer.from(block));
      peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    v.write(Buffer.from(one.slice(end)));
    const r = v.end();
    assert.deepEqual(r.failures, []);
    assert.ok(n > 25_000, `${n} prestaties`);
    // the unique-key sets of TR101/TR315 grow with the prestaties (tens of bytes each); the tree does not
    assert.ok(peak < 120 * 1024 * 1024, `piek ${Math.round(peak / 1024 / 1024)} MB`);
  });

  test("emit hands over the clients one by one", () => {
    const seen: unknown[] = [];
    const xml = buildMessage(messageByName("WMO323")!, aWmo323() as never);
    const r = readMessage(xml, { emit: { path: "Bericht/Declaratie/Clienten/Client", onItem: (c) => seen.push(c) } });
    assert.equal(seen.length, 1);
    assert.deepEqual(r.failures, []);
  });
});
