import { z } from "zod";
import { ContractInput, EvidenceInput } from "../../contract/compliance.ts";
import { AgbCode, Gemeentecode } from "../auth/principal.ts";
import type { ProviderEvidenceKind } from "../rules/rule.ts";

/**
 * Organisation-level evidence of an aanbieder (a certificate, an audit, a survey, a statement), and a gemeente's
 * contract with it (a product from a date, at an agreed tariff where known): the request bodies of the API, defined
 * once in the contract with their rules and Dutch messages.
 */
export { ContractInput as ProviderContract, EvidenceInput as ProviderEvidence } from "../../contract/compliance.ts";

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
    evidence: z.array(EvidenceInput).default([]),
    contracts: z.array(ContractInput).default([]),
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
