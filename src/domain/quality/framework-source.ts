import { z } from "zod";
import { Line } from "../catalogue/source-schema.ts";
import { Addressee, FrameworkStatus as FrameworkStatusCode, Nature, QualityElement, SegmentId, Wet } from "../codes/schemas.ts";

/**
 * The authoring format of the quality-framework library (document 003): one file per framework,
 * `catalog/kwaliteitskaders/NN-<slug>.yaml`, plus `segmenten.yaml` (the appendix) and `begrippen.yaml` (the concept
 * layer). Facts (titles, issuers, years, numbers, statuses) carry over exactly; `tekst` fields are in our own words;
 * `citaat` fields hold the document's words exactly and are checked against the document by a test (within 3 lines of
 * `regel`). Documented in docs/kwaliteitskaders.md.
 */

/**
 * The code lists (element, addressee, nature, segment, framework status) and the laws are src/domain/codes's, with
 * their Dutch labels; re-exported under the names the library has always used.
 */
export { Addressee, Nature, QualityElement, SegmentId };
/** Law scope of a framework: the one list of laws (src/domain/codes). */
export const QualityLaw = Wet;
export type QualityLaw = Wet;

/** Concept ids of the shared concept layer (begrippen.yaml) — requirements that recur across frameworks. */
export const ConceptId = z.string().regex(/^[a-z][a-z0-9-]*$/, "een begrip-id is kleine letters, cijfers en streepjes");

export const QualityNote = z
  .object({
    kind: z.enum(["contradiction", "incomplete", "ambiguity", "remark"]),
    /** in own words */
    text: z.string().min(1),
    regel: Line.nullable().default(null),
    /** for a contradiction: each reading exactly as written, with its line */
    readings: z.array(z.object({ citaat: z.string().min(1), regel: Line }).strict()).default([]),
  })
  .strict()
  .refine((n) => n.kind !== "contradiction" || n.readings.length >= 2, {
    message: "een tegenstrijdigheid noemt minstens twee lezingen (readings)",
    path: ["readings"],
  });

export const Criterion = z
  .object({
    /** stable id inside the framework: `<element letter><nn>`, e.g. `d01`, `v03`, `s01`, `o12` */
    id: z.string().regex(/^[dvso][0-9]{2,3}[a-z]?$/, "een criterium-id is d/v/s/o gevolgd door een nummer, bv. d01"),
    element: QualityElement,
    /** the framework's own sub-heading path under the element, exactly as written, e.g. ["Client centraal", "Basis kwaliteitseisen"] */
    kop: z.array(z.string().min(1)).default([]),
    /** the document's own number or letter for this requirement, when it has one ("1", "4", "a") */
    nummer: z.string().min(1).nullable().default(null),
    /** the requirement in our own words */
    tekst: z.string().min(1),
    /** the opening words of the requirement exactly as written (at least 4 words; checked against the document) */
    citaat: z.string().min(8),
    regel: Line,
    adressaat: Addressee,
    aard: Nature,
    /** a frequency where the text gives one, as written ("jaarlijks", "tweejaarlijks") and in months when it is one */
    frequentie: z
      .object({ asWritten: z.string().min(1), maanden: z.number().int().positive().nullable().default(null) })
      .strict()
      .nullable()
      .default(null),
    /** concepts of the shared layer this criterion asks for (begrippen.yaml ids) */
    begrippen: z.array(ConceptId).default([]),
    notes: z.array(QualityNote).default([]),
  })
  .strict();
export type Criterion = z.output<typeof Criterion>;

export const FrameworkStatus = z
  .object({
    value: FrameworkStatusCode,
    /** the date the status took effect where the document gives one (ISO) */
    since: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .default(null),
    /** in own words: why this status */
    text: z.string().min(1),
    citaat: z.string().min(8).nullable().default(null),
    regel: Line.nullable().default(null),
  })
  .strict();

export const Framework = z
  .object({
    nr: z.number().int().min(1).max(15),
    /** exactly as in the document's chapter heading */
    titel: z.string().min(1),
    /** issuer(s), exactly as in the overview table */
    uitgever: z.string().min(1),
    /** year as in the overview table; null when the table leaves it empty (a note says so) */
    jaar: z.number().int().min(1990).max(2030).nullable(),
    wetten: z.array(QualityLaw).min(1),
    segmenten: z
      .object({
        /** the overview table's segment column, exactly as written */
        asWritten: z.string().min(1),
        /** the appendix segments it names; empty when it names a whole law only */
        ids: z.array(SegmentId).default([]),
        /** other sectors named that are not appendix segments, e.g. "Sociaal Werk" */
        overig: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    /** line of the framework's row in the overview table and of its chapter heading */
    regelOverzicht: Line,
    regelHoofdstuk: Line,
    status: FrameworkStatus,
    /** own words: what the framework is for */
    doel: z.string().min(1),
    /** own words: how a municipality can use it in procurement */
    gebruik: z.string().min(1),
    /** own words: how it was made */
    totstandkoming: z.string().min(1),
    /** own words: how the document is structured; `delen` lists its parts as written */
    opbouw: z.object({ tekst: z.string().min(1), delen: z.array(z.string().min(1)).default([]) }).strict(),
    /** elements under which the document explicitly lists no criteria */
    zonderCriteria: z.array(z.object({ element: QualityElement, citaat: z.string().min(8), regel: Line }).strict()).default([]),
    criteria: z.array(Criterion).min(1),
    notes: z.array(QualityNote).default([]),
  })
  .strict();
export type Framework = z.output<typeof Framework>;

export const Segment = z
  .object({
    id: SegmentId,
    wet: QualityLaw,
    /** the segment's label exactly as in the appendix ("1", "1a Multi-probleem") */
    label: z.string().min(1),
    naam: z.string().min(1),
    /** own words */
    omschrijving: z.string().min(1),
    /** the usual offer, as written, split into items */
    gebruikelijkAanbod: z.array(z.string().min(1)).min(1),
    regel: Line,
  })
  .strict();

export const SegmentFile = z.object({ segmenten: z.array(Segment).length(11), notes: z.array(QualityNote).default([]) }).strict();

export const Concept = z
  .object({
    id: ConceptId,
    /** Dutch label */
    naam: z.string().min(1),
    /** own words */
    omschrijving: z.string().min(1),
    /** search words that identify the concept in criterion texts */
    trefwoorden: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const ConceptFile = z.object({ begrippen: z.array(Concept).min(1) }).strict();
