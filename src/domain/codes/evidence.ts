/** Organisation-level evidence of an aanbieder (the rules' `providerEvidence`, the compliance check's bewijsstukken). */
export const EVIDENCE_KINDS = [
  "kwaliteitscertificaat",
  "kwaliteitshandboek-audit",
  "klanttevredenheidsonderzoek",
  "gedragsverklaring-aanbesteden",
  "verklaring-belastingdienst",
  "kvk-uittreksel",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const evidenceKindLabel: Record<EvidenceKind, string> = {
  kwaliteitscertificaat: "Kwaliteitscertificaat",
  "kwaliteitshandboek-audit": "Kwaliteitshandboek met auditrapport",
  klanttevredenheidsonderzoek: "Klanttevredenheidsonderzoek",
  "gedragsverklaring-aanbesteden": "Gedragsverklaring aanbesteden",
  "verklaring-belastingdienst": "Verklaring betalingsgedrag Belastingdienst",
  "kvk-uittreksel": "KvK-uittreksel",
};
