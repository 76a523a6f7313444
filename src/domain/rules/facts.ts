import { z } from "zod";
import { Eenheid, Frequentie } from "../codes/schemas.ts";
import { Level, ProviderEvidenceKind, Register, Role } from "./rule.ts";

/**
 * The closed list of facts a rule can be evaluated against. Every key is optional: a missing fact makes the
 * verdict `unknown` for the rules that need it, never a guess.
 */
export const StaffMember = z
  .object({
    level: Level,
    /** contract hours per week; used when a share is counted by hours */
    hoursPerWeek: z.number().nonnegative().nullable().default(null),
    /** students, BBL-leerlingen and volunteers do not count towards staffing shares */
    kind: z.enum(["medewerker", "bbl-leerling", "stagiair", "vrijwilliger"]).default("medewerker"),
    registers: z.array(Register).default([]),
    /** months since the VOG was issued, at the evaluation date */
    vogAgeMonths: z.number().nonnegative().nullable().default(null),
    /** months between VOG issue and start of work */
    vogIssuedBeforeStartMonths: z.number().nonnegative().nullable().default(null),
  })
  .strict();
export type StaffMember = z.output<typeof StaffMember>;

export const Facts = z
  .object({
    staff: z.array(StaffMember).optional(),
    rolesAvailable: z.array(z.object({ role: Role, purpose: z.string().nullable().default(null), level: Level.nullable().default(null) })).optional(),
    clientsPerStaff: z.number().positive().optional(),
    clientsPerGroup: z.number().positive().optional(),
    hoursPerWeek: z.number().nonnegative().optional(),
    sessionHours: z.number().positive().optional(),
    presence24x7: z.boolean().optional(),
    reachable24x7: z.boolean().optional(),
    responseMinutes: z.partialRecord(z.enum(["start", "on-site", "contact", "placement"]), z.number().nonnegative()).optional(),
    durationMonths: z.number().nonnegative().optional(),
    durationWeeks: z.number().nonnegative().optional(),
    extensions: z.number().int().nonnegative().optional(),
    clientAge: z.number().nonnegative().optional(),
    /** product codes (or names) the client also receives */
    otherProducts: z.array(z.string()).optional(),
    evaluationEveryMonths: z.number().positive().optional(),
    planWithinDays: z.number().nonnegative().optional(),
    volumePer: z.number().nonnegative().optional(),
    /**
     * a granted volume (omvang in a WJ756 unit per WMO757 frequency, over a period of `days`): a volume rule expresses
     * it in its own unit and period, so each reading of a contested rule is judged on its own terms
     */
    grantedVolume: z
      .object({
        amount: z.number().nonnegative(),
        eenheid: Eenheid,
        frequentie: Frequentie,
        days: z.number().positive(),
      })
      .optional(),
    distanceKm: z.number().nonnegative().optional(),
    /** the date the facts describe (ISO) */
    peildatum: z.string().optional(),
    /** keys of the product being checked (id, code, stand-in) and of every product the provider is contracted for */
    productKeys: z.array(z.string()).optional(),
    contractedProducts: z.array(z.string()).optional(),
    /** the provider's organisation-level evidence */
    providerEvidence: z
      .array(
        z.object({
          kind: ProviderEvidenceKind,
          date: z.string(),
          validUntil: z.string().nullable(),
          /** product keys the evidence covers; ["*"] for everything */
          scope: z.array(z.string()),
        }),
      )
      .optional(),
    /** BBL-leerlingen per praktijkbegeleider (the highest, or the average when not assigned) */
    traineesPerSupervisor: z.number().nonnegative().optional(),
    /** portfolio duties and judgements a reviewer confirmed, by their text */
    confirmed: z.array(z.string()).optional(),
  })
  .strict();
export type Facts = z.output<typeof Facts>;
export type FactKey = keyof Facts;
