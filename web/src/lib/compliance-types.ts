import type { Law } from "./catalogue-types.ts";

// Provider compliance (/aanbieders, /compliance)

export type Verdict = "voldoet" | "voldoet-niet" | "onbekend";
export type RequirementStatus = Verdict | "te-beoordelen" | "per-client";
export type VerdictCounts = Record<Verdict, number>;
export type EvidenceKind =
  | "kwaliteitscertificaat"
  | "kwaliteitshandboek-audit"
  | "klanttevredenheidsonderzoek"
  | "gedragsverklaring-aanbesteden"
  | "verklaring-belastingdienst"
  | "kvk-uittreksel";

export interface Evidence {
  kind: EvidenceKind;
  date: string;
  validUntil: string | null;
  /** product ids or codes; ["*"] = the whole organisation */
  scope: string[];
  description: string | null;
}

export interface Provider {
  agbCode: string;
  name: string;
  kvk: string | null;
  gemeentecodes: string[];
  evidence: Evidence[];
}

export interface StaffMember {
  name: string;
  level: string;
  careRelated: boolean;
  workingLevel: string | null;
  kind: string;
  role: string;
  registration: { register: string; number: string; validUntil: string | null } | null;
  vogDate: string | null;
  employmentStart: string | null;
  hoursPerWeek: number | null;
  products: string[];
}

/** Evidence that lapses soon; `daysLeft` below 0: lapsed already. */
export interface Signal {
  subject: string;
  evidence: string;
  expires: string;
  daysLeft: number;
}

export interface ProviderDetail {
  provider: Provider;
  staff: StaffMember[];
  signalen: Signal[];
}

export interface Reason {
  rule: string;
  message: string;
}

export interface ComplianceReport {
  aanbieder: { agbCode: string; name: string };
  peildatum: string;
  summary: VerdictCounts;
  signalen: Signal[];
  producten: {
    productId: string;
    productenboek: string;
    productcode: string | null;
    name: string;
    law: Law;
    verdict: Verdict;
    staffCount: number;
    reasons: Reason[];
    requirements: { topic: string; line: number; text: string; status: RequirementStatus; reasons: Reason[]; missing: string[]; info: string[] }[];
  }[];
}

export interface ProviderListItem extends Provider {
  staffCount: number;
  /** verdict counts at today's date */
  summary: VerdictCounts;
}

export interface StaffImportResult {
  created: boolean;
  staff: number;
  aanbieder: Provider;
}

export interface SignalItem extends Signal {
  agbCode: string;
  aanbieder: string;
}
