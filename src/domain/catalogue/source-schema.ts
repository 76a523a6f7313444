import { z } from "zod";
import { Eenheid, Wet } from "../codes/schemas.ts";
import { Rule } from "../rules/rule.ts";
import { ProductKind, SectionStatus } from "../../contract/catalogue.ts";

/**
 * The authoring format of the catalogue (`catalog/<id>/productenboek.yaml` and `catalog/<id>/products/*.yaml`).
 * Facts carry over from the source document exactly; `asWritten` keeps the document's own words next to every
 * interpreted value, so a reviewer can check the interpretation. Documented in docs/catalogue-authoring.md.
 */

/** The law and the WJ756 unit come from the one code list (src/domain/codes), under the catalogue's names. */
export const Law = Wet;
export type Law = Wet;
export const UnitCode = Eenheid;
export type UnitCode = Eenheid;

/** Whether a section of a product description is there. */
/** The code lists of a productenboek cross the boundary as they are: defined once, in the contract. */
export { SectionStatus };

export const Line = z.number().int().positive();

export const Note = z
  .object({
    kind: z.enum(["contradiction", "incomplete", "ambiguity", "remark"]),
    /** in own words */
    text: z.string().min(1),
    line: Line.nullable().default(null),
    /** for a contradiction: each reading as written, with its line */
    readings: z.array(z.object({ asWritten: z.string().min(1), line: Line, value: z.string().nullable().default(null) }).strict()).default([]),
  })
  .strict()
  .refine((n) => n.kind !== "contradiction" || n.readings.length >= 2, {
    message: "een tegenstrijdigheid noemt minstens twee lezingen (readings)",
    path: ["readings"],
  });
export type Note = z.output<typeof Note>;

export const ProductCode = z.string().regex(/^[0-9]{2}[0-9A-Z]{3}$/, "een productcode is 5 tekens: 2 cijfers en 3 cijfers of hoofdletters");

export const CodeEntry = z.discriminatedUnion("status", [
  z
    .object({
      status: z.literal("given"),
      law: Law,
      productcode: ProductCode,
      /** productcategorie (iStandaarden, 2 digits); defaults to the first two characters of the productcode */
      productcategorie: z
        .string()
        .regex(/^[0-9]{2}$/)
        .optional(),
      variant: z.string().min(1).nullable().default(null),
      asWritten: z.string().min(1),
    })
    .strict(),
  z
    .object({
      status: z.literal("pending"),
      law: Law,
      productcategorie: z
        .string()
        .regex(/^[0-9]{2}$/)
        .nullable()
        .default(null),
      /** stable stand-in used in ids until the municipality assigns a code, e.g. "nieuw-1" */
      standIn: z.string().regex(/^[a-z0-9-]+$/, "alleen kleine letters, cijfers en -"),
      variant: z.string().min(1).nullable().default(null),
      asWritten: z.string().min(1),
    })
    .strict(),
]);
export type CodeEntry = z.output<typeof CodeEntry>;

export { ProductKind };

export const Unit = z
  .object({
    code: UnitCode.nullable(),
    status: SectionStatus,
    asWritten: z.string().nullable().default(null),
    line: Line.nullable().default(null),
    /** extra semantics a document defines for the unit (e.g. 004: a dagdeel is 2.5 to 4.5 hours) */
    definition: z
      .object({
        minHours: z.number().positive().nullable().default(null),
        maxHours: z.number().positive().nullable().default(null),
        /** a continuous stretch longer than maxHours counts as this many units */
        overMaxCountsAs: z.number().int().positive().nullable().default(null),
        text: z.string().min(1),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict()
  .refine((u) => (u.status === "given") === (u.code !== null), {
    message: "een eenheid met status 'given' heeft een code; anders is code null",
    path: ["code"],
  });
export type Unit = z.output<typeof Unit>;

export const Requirement = z
  .object({
    /** short topic, e.g. "opleiding", "groepsgrootte", "bereikbaarheid" */
    topic: z.string().min(1),
    /** the document's words, verbatim (a distinctive part of the sentence is enough) */
    asWritten: z.string().min(1),
    line: Line,
    rule: Rule,
    /** a requirement the document states for one law only (e.g. "Betrokkenheid geregistreerde medewerkers (Jeugd)") */
    law: Law.optional(),
  })
  .strict();
export type Requirement = z.output<typeof Requirement>;

export const Section = z.object({ status: SectionStatus, line: Line.nullable().default(null), asWritten: z.string().nullable().default(null) }).strict();

export const SourceProduct = z
  .object({
    name: z.string().min(1),
    kind: ProductKind,
    codes: z.array(CodeEntry).min(1, "een product heeft minstens één code (of een pending code)"),
    unit: Unit,
    /** own words */
    description: z.string().min(1),
    /** line of the product heading in the source document, and optionally its last line */
    line: Line,
    endLine: Line.nullable().default(null),
    sections: z.record(z.string(), Section).default({}),
    requirements: z.array(Requirement).default([]),
    notes: z.array(Note).default([]),
    /** named attributes specific to a document (004: level, form, distance band); values as written */
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  })
  .strict();
export type SourceProduct = z.output<typeof SourceProduct>;

export const ProductFile = z.array(SourceProduct);

export const Uitvoeringsvariant = z.enum(["inspanningsgericht", "outputgericht", "taakgericht"]);

export const TableSchema = z
  .object({
    title: z.string().min(1),
    line: Line,
    columns: z.array(z.string().min(1)).min(1),
    rows: z.array(z.array(z.string())).min(1),
    notes: z.array(Note).default([]),
  })
  .strict()
  .refine((t) => t.rows.every((r) => r.length === t.columns.length), {
    message: "elke rij heeft evenveel cellen als er kolommen zijn",
    path: ["rows"],
  });
export type Table = z.output<typeof TableSchema>;

export const SourceProductenboek = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "alleen kleine letters, cijfers en -"),
    title: z.string().min(1),
    /** seed file name, e.g. 000_a8fe782033fdd29b.txt */
    source: z.string().regex(/^[0-9]{3}_[0-9a-f]{16}\.txt$/, "bronbestand als 000_<hash>.txt"),
    documentType: z.enum(["productenboek", "programma-van-eisen"]),
    issuer: z
      .object({
        region: z.string().nullable().default(null),
        gemeenten: z
          .array(
            z.object({
              name: z.string(),
              gemeentecode: z
                .string()
                .regex(/^[0-9]{4}$/)
                .nullable(),
            }),
          )
          .default([]),
        asWritten: z.string().nullable().default(null),
        line: Line.nullable().default(null),
      })
      .strict(),
    version: z
      .object({
        label: z.string().nullable().default(null),
        date: z.iso.date().nullable().default(null),
        status: z.enum(["concept", "definitief", "onbekend"]),
        line: Line.nullable().default(null),
      })
      .strict(),
    /** the date from which this productenboek applies (ISO date) */
    validFrom: z.iso.date(),
    laws: z.array(Law).min(1),
    uitvoeringsvariant: Uitvoeringsvariant.nullable().default(null),
    description: z.string().min(1),
    notes: z.array(Note).default([]),
    /** tables a document defines beside its products (004: resultaatgebieden × niveau, conversie) */
    tables: z.record(z.string().regex(/^[a-z0-9-]+$/), TableSchema).default({}),
  })
  .strict();
export type SourceProductenboek = z.output<typeof SourceProductenboek>;
