import { z } from "zod";
import { isIsoDate } from "../shared/date.ts";

/** Education levels as the staff file writes them (the catalogue's finer levels hbo5/mbo1 are not asked for). */
export const StaffLevel = z.enum(["mbo2", "mbo3", "mbo4", "hbo", "wo"]);
export type StaffLevel = z.infer<typeof StaffLevel>;

export const StaffKind = z.enum(["werknemer", "zzp", "uitzendkracht", "bbl", "stagiair", "vrijwilliger", "ervaringsdeskundige"]);
export type StaffKind = z.infer<typeof StaffKind>;

export const StaffRegister = z.enum(["BIG", "SKJ", "Registerplein", "NIP", "vaktherapie"]);
export type StaffRegister = z.infer<typeof StaffRegister>;

const isoDate = z.string().refine(isIsoDate, "geen geldige datum (JJJJ-MM-DD)");

/**
 * One staff member of an aanbieder, as imported from the staff file (docs/formats.md). Dates are ISO calendar dates.
 * `products` names the products the person works in: product ids, or product codes / stand-ins.
 */
export const StaffMemberRecord = z
  .object({
    name: z.string().trim().min(1, "naam is verplicht").max(200),
    level: StaffLevel,
    careRelated: z.boolean(),
    /** "aantoonbaar werk- en denkniveau": the level the provider has shown, when it differs from the diploma */
    workingLevel: StaffLevel.nullable(),
    kind: StaffKind,
    role: z.string().trim().min(1, "rol is verplicht").max(100),
    registration: z.object({ register: StaffRegister, number: z.string().trim().min(1).max(50), validUntil: isoDate.nullable() }).nullable(),
    vogDate: isoDate.nullable(),
    employmentStart: isoDate.nullable(),
    hoursPerWeek: z.number().min(0).max(80).nullable(),
    products: z.array(z.string().trim().min(1)).min(1, "noem minstens één product"),
  })
  .strict();
export type StaffMemberRecord = z.infer<typeof StaffMemberRecord>;
