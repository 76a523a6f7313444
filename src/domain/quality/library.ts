import type { z } from "zod";
import { frameworkStatusLabel } from "../codes/quality.ts";
import type { Problem } from "../shared/problem.ts";
import type { Concept, Criterion, Framework, QualityElement, Segment, SegmentId } from "./framework-source.ts";

export type SegmentRecord = z.output<typeof Segment>;
export type ConceptRecord = z.output<typeof Concept>;

/** The whole quality-framework library of document 003: the frameworks, the segment appendix and the concept layer. */
export interface QualityLibrary {
  frameworks: Framework[];
  segments: SegmentRecord[];
  concepts: ConceptRecord[];
}

/** The elements in the document's order and the Dutch labels: the code lists' (src/domain/codes/quality.ts). */
export { frameworkStatusLabel as statusLabel, QUALITY_ELEMENTS as elements, qualityElementLabel as elementLabel } from "../codes/quality.ts";

/** A framework that nobody should reference unknowingly: lapsed or superseded. */
export const isLapsed = (f: Pick<Framework, "status">) => f.status.value === "lapsed" || f.status.value === "superseded";

/** The one-line Dutch warning shown wherever a lapsed framework is referenced. */
export function lapsedWarning(f: Pick<Framework, "nr" | "titel" | "status">): string | null {
  if (!isLapsed(f)) return null;
  return `Kader ${f.nr} (${f.titel}) is ${frameworkStatusLabel[f.status.value]}${f.status.since ? ` per ${f.status.since}` : ""}: ${f.status.text}`;
}

/** The CLI's and API's summary of a framework: `kader kwaliteit kaders --json`. */
export interface FrameworkSummary {
  nr: number;
  titel: string;
  jaar: number | null;
  wetten: Framework["wetten"];
  segmenten: string[];
  status: Framework["status"]["value"];
  criteria: number;
  perElement: Record<QualityElement, number>;
}

export function frameworkSummary(f: Framework): FrameworkSummary {
  const perElement = { dienstverlening: 0, vakmanschap: 0, samenwerking: 0, organisatie: 0 };
  for (const c of f.criteria) perElement[c.element]++;
  return {
    nr: f.nr,
    titel: f.titel,
    jaar: f.jaar,
    wetten: f.wetten,
    segmenten: [...f.segmenten.ids, ...f.segmenten.overig],
    status: f.status.value,
    criteria: f.criteria.length,
    perElement,
  };
}

/**
 * The appendix segments a framework applies to: those its overview row names, or — when it names a whole law only
 * ("Jeugdhulp", "Jeugdhulp en Wmo") — every segment of its law(s).
 */
export function segmentsOf(f: Pick<Framework, "segmenten" | "wetten">, segments: SegmentRecord[]): SegmentId[] {
  if (f.segmenten.ids.length) return [...f.segmenten.ids];
  return segments.filter((s) => f.wetten.includes(s.wet)).map((s) => s.id);
}

/** Cross-file checks the schema cannot do: unique numbers and ids, known concepts. Problems name file and path. */
export function checkLibrary(lib: QualityLibrary, fileOf: (nr: number) => string, conceptFile: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<number, string>();
  const known = new Set(lib.concepts.map((c) => c.id));
  const conceptIds = new Set<string>();
  lib.concepts.forEach((c, i) => {
    if (conceptIds.has(c.id))
      problems.push({
        code: "duplicate-key",
        title: "Dubbel begrip-id",
        detail: `begrip ${c.id} staat er twee keer in`,
        file: conceptFile,
        path: `begrippen[${i}].id`,
      });
    conceptIds.add(c.id);
  });
  for (const f of lib.frameworks) {
    const file = fileOf(f.nr);
    const prior = seen.get(f.nr);
    if (prior) problems.push({ code: "duplicate-key", title: "Dubbel kadernummer", detail: `kader ${f.nr} staat ook in ${prior}`, file, path: "nr" });
    seen.set(f.nr, file);
    const ids = new Set<string>();
    f.criteria.forEach((c, i) => {
      if (ids.has(c.id))
        problems.push({
          code: "duplicate-key",
          title: "Dubbel criterium-id",
          detail: `criterium ${c.id} staat er twee keer in`,
          file,
          path: `criteria[${i}].id`,
          line: c.regel,
        });
      ids.add(c.id);
      if (c.id[0] !== c.element[0])
        problems.push({
          code: "inconsistent-data",
          title: "Id past niet bij element",
          detail: `criterium ${c.id} begint niet met de letter van element ${c.element}`,
          file,
          path: `criteria[${i}].id`,
        });
      c.begrippen.forEach((b, j) => {
        if (lib.concepts.length && !known.has(b))
          problems.push({
            code: "invalid-input",
            title: "Onbekend begrip",
            detail: `begrip ${b} staat niet in ${conceptFile}`,
            file,
            path: `criteria[${i}].begrippen[${j}]`,
          });
      });
    });
  }
  const segIds = new Set<string>();
  for (const s of lib.segments) {
    if (segIds.has(s.id))
      problems.push({
        code: "duplicate-key",
        title: "Dubbel segment",
        detail: `segment ${s.id} staat er twee keer in`,
        file: "segmenten.yaml",
        path: "segmenten",
      });
    segIds.add(s.id);
  }
  return problems;
}

export interface CriterionRef {
  kader: number;
  kaderTitel: string;
  criterium: string;
  element: QualityElement;
  tekst: string;
  regel: number;
  vervallen: boolean;
}

export const criterionRef = (f: Framework, c: Criterion): CriterionRef => ({
  kader: f.nr,
  kaderTitel: f.titel,
  criterium: c.id,
  element: c.element,
  tekst: c.tekst,
  regel: c.regel,
  vervallen: isLapsed(f),
});

/** The concept layer: every concept with the criteria (across all frameworks) that ask for it. */
export function conceptGroups(lib: QualityLibrary): (ConceptRecord & { criteria: CriterionRef[] })[] {
  return lib.concepts.map((b) => ({
    ...b,
    criteria: lib.frameworks.flatMap((f) => f.criteria.filter((c) => c.begrippen.includes(b.id)).map((c) => criterionRef(f, c))),
  }));
}

/** Filters of a criterion search (API, CLI, screens). */
export interface CriterionQuery {
  q?: string | undefined;
  element?: QualityElement | undefined;
  segment?: SegmentId | undefined;
  wet?: Framework["wetten"][number] | undefined;
  adressaat?: Criterion["adressaat"] | undefined;
  aard?: Criterion["aard"] | undefined;
  kader?: number | undefined;
  begrip?: string | undefined;
  limit: number;
  offset: number;
}

export interface CriterionHit extends CriterionRef {
  kop: string[];
  nummer: string | null;
  citaat: string;
  adressaat: Criterion["adressaat"];
  aard: Criterion["aard"];
  frequentie: Criterion["frequentie"];
  begrippen: string[];
  status: Framework["status"]["value"];
}

export const criterionHit = (f: Framework, c: Criterion): CriterionHit => ({
  ...criterionRef(f, c),
  kop: c.kop,
  nummer: c.nummer,
  citaat: c.citaat,
  adressaat: c.adressaat,
  aard: c.aard,
  frequentie: c.frequentie,
  begrippen: c.begrippen,
  status: f.status.value,
});

/** Text that a search matches on: our words and the document's words, with the framework's headings. */
export function criterionSearchText(f: Framework, c: Criterion): { a: string; b: string } {
  return { a: [c.tekst, ...c.kop].join(" "), b: [c.citaat, f.titel, ...c.begrippen].join(" ") };
}

/** Lower case, without diacritics: "Cliënt" and "client" match. */
const norm = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * Search without a database (the CLI on the files): every word of the query must occur (as a word start) in the
 * criterion's text, headings, quote or framework title. The database uses PostgreSQL's Dutch full-text search.
 */
export function searchCriteriaInMemory(lib: QualityLibrary, q: CriterionQuery): { items: CriterionHit[]; total: number } {
  const words = q.q
    ? norm(q.q)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length > 1)
    : [];
  const hits: CriterionHit[] = [];
  for (const f of lib.frameworks) {
    if (q.kader !== undefined && f.nr !== q.kader) continue;
    if (q.wet && !f.wetten.includes(q.wet)) continue;
    if (q.segment && !segmentsOf(f, lib.segments).includes(q.segment)) continue;
    for (const c of f.criteria) {
      if (q.element && c.element !== q.element) continue;
      if (q.adressaat && c.adressaat !== q.adressaat) continue;
      if (q.aard && c.aard !== q.aard) continue;
      if (q.begrip && !c.begrippen.includes(q.begrip)) continue;
      if (words.length) {
        const t = criterionSearchText(f, c);
        const text = ` ${norm(`${t.a} ${t.b}`).replace(/[^a-z0-9]+/g, " ")}`;
        if (!words.every((w) => text.includes(` ${w}`))) continue;
      }
      hits.push(criterionHit(f, c));
    }
  }
  return { items: hits.slice(q.offset, q.offset + q.limit), total: hits.length };
}
