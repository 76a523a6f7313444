import { z } from "zod";
import { AgbCode, Gemeentecode } from "../auth/principal.ts";
import { ProviderEvidenceKind } from "../rules/rule.ts";
import { isIsoDate } from "../shared/date.ts";

const isoDate = z.string().refine(isIsoDate, "geen geldige datum (JJJJ-MM-DD)");

/** Organisation-level evidence of an aanbieder: a certificate, an audit, a survey, a statement. */
export const ProviderEvidence = z
  .object({
    kind: ProviderEvidenceKind,
    /** issue date, audit date or survey date */
    date: isoDate,
    /** end of validity where the evidence states one (certificates) */
    validUntil: isoDate.nullable().default(null),
    /** product ids, codes or stand-ins the evidence covers (certificate scope); ["*"] for the whole organisation */
    scope: z.array(z.string().min(1)).min(1, "noem minstens één product, of * voor alles").default(["*"]),
    description: z.string().max(500).nullable().default(null),
  })
  .strict()
  .refine((e) => e.validUntil === null || e.validUntil >= e.date, { message: "geldig tot ligt vóór de datum", path: ["validUntil"] });
export type ProviderEvidence = z.output<typeof ProviderEvidence>;

/** A gemeente contracts an aanbieder for a product from a date, at an agreed tariff (cents per unit) where known. */
export const ProviderContract = z
  .object({
    productId: z.string().min(1),
    gemeentecode: Gemeentecode,
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
    tariffCents: z.number().int().nonnegative().nullable().default(null),
  })
  .strict()
  .refine((c) => c.validTo === null || c.validTo >= c.validFrom, { message: "einddatum ligt vóór de begindatum", path: ["validTo"] });
export type ProviderContract = z.output<typeof ProviderContract>;

/** An aanbieder as Kader keeps it: identity, the gemeenten that contract it, and its evidence. */
export const ProviderRecord = z
  .object({
    agbCode: AgbCode,
    name: z.string().trim().min(1).max(200),
    kvk: z
      .string()
      .regex(/^[0-9]{8}$/, "een KvK-nummer is 8 cijfers")
      .nullable()
      .default(null),
    gemeentecodes: z.array(Gemeentecode).default([]),
    evidence: z.array(ProviderEvidence).default([]),
    contracts: z.array(ProviderContract).default([]),
  })
  .strict();
export type ProviderRecord = z.output<typeof ProviderRecord>;

/**
 * How long evidence stays valid, as data. A certificate is valid until its own end date; the others count from
 * their date. Sources: 004 lines 172–175 (audit at least every two years), 290 (survey at least every two years),
 * 113 (VOG not older than three years); the procurement terms of issue 4 for the statements.
 */
export const evidenceValidityMonths: Record<ProviderEvidenceKind, number | null> = {
  kwaliteitscertificaat: null,
  "kwaliteitshandboek-audit": 24,
  klanttevredenheidsonderzoek: 24,
  "gedragsverklaring-aanbesteden": 24,
  "verklaring-belastingdienst": 6,
  "kvk-uittreksel": 6,
};
export const VOG_VALID_MONTHS = 36;
