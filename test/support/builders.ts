import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";

/** Builders for authoring data: defaults that validate, overrides for what a test is about. */
export function aProductenboek(over: Record<string, unknown> = {}) {
  return {
    id: "test-boek",
    title: "Testproductenboek",
    source: "000_a8fe782033fdd29b.txt",
    documentType: "productenboek",
    issuer: { region: null, gemeenten: [], asWritten: null, line: null },
    version: { label: null, date: null, status: "concept", line: null },
    validFrom: "2026-01-01",
    laws: ["wmo", "jeugdwet"],
    uitvoeringsvariant: null,
    description: "Een productenboek voor tests.",
    ...over,
  };
}

export function aProduct(over: Record<string, unknown> = {}) {
  return {
    name: "Begeleiding",
    kind: "begeleiding-individueel",
    codes: [
      { status: "given", law: "wmo", productcode: "02A03", asWritten: "02A03" },
      { status: "given", law: "jeugdwet", productcode: "45A48", asWritten: "45A48" },
    ],
    unit: { code: "04", status: "given", asWritten: "per uur", line: 3 },
    description: "Individuele begeleiding.",
    line: 1,
    requirements: [
      {
        topic: "opleiding",
        asWritten: "Minimaal 80% van de bij de begeleiding betrokken medewerkers",
        line: 34,
        rule: { op: "staffShare", minShare: 0.8, atOrAbove: "mbo4", restAtLeast: "mbo3" },
      },
    ],
    ...over,
  };
}

/** Writes a catalogue folder: { bookId: { book, files: { name: products[] | raw text } } }. */
export async function writeCatalogue(books: Record<string, { book: unknown; files: Record<string, unknown[] | string> }>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kader-cat-"));
  for (const [name, { book, files }] of Object.entries(books)) {
    await mkdir(join(dir, name, "products"), { recursive: true });
    await writeFile(join(dir, name, "productenboek.yaml"), typeof book === "string" ? book : stringify(book));
    for (const [f, content] of Object.entries(files))
      await writeFile(join(dir, name, "products", f), typeof content === "string" ? content : stringify(content));
  }
  return dir;
}
