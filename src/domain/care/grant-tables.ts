import { z } from "zod";

/**
 * Grant rules that a productenboek states as a table rather than per product — as data, validated here, read by the
 * one grant check (grant.ts). Today: 004's "resultaatgebieden per niveau" (lines 389–398), with the contradiction
 * between its first row and the randvoorwaarden at line 410 kept as two readings.
 */
export const ResultAreaTable = z
  .object({
    productenboekId: z.string().min(1),
    /** the productenboek table it reads (catalog/<book>/productenboek.yaml `tables`) */
    table: z.string().min(1),
    /** the product attribute that names the level, and the table column per level value */
    levelAttribute: z.string().min(1),
    columns: z.record(z.string(), z.string()),
    lawColumn: z.string().min(1),
    allowedMark: z.string().min(1),
    deniedMark: z.string().min(1),
    /** a second reading of a row from elsewhere in the document: the levels it allows, with its words and line */
    readings: z
      .array(
        z
          .object({
            row: z.string().min(1),
            allowedLevels: z.array(z.string().min(1)),
            asWritten: z.string().min(1),
            line: z.number().int().positive(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type ResultAreaTable = z.output<typeof ResultAreaTable>;

export const resultAreaTables: ResultAreaTable[] = z.array(ResultAreaTable).parse([
  {
    productenboekId: "004-nmd-pve-2026",
    table: "resultaatgebieden",
    levelAttribute: "niveau",
    columns: {
      Basis: "Begeleiding Basis",
      "Basis Plus": "Begeleiding Basis Plus",
      Specialistisch: "Begeleiding Specialistisch",
    },
    lawColumn: "Wetgeving",
    allowedMark: "✓",
    deniedMark: "X",
    readings: [
      {
        row: "Veilige huiselijke relatie",
        allowedLevels: ["Basis", "Basis Plus"],
        asWritten: "Inzet mogelijk op Basis en Basis Plus niveau",
        line: 410,
      },
    ],
  },
]);
