/**
 * The shapes the Kader API answers with (/api/v1). The web application talks to the API only, so these mirror
 * the JSON, not the server's TypeScript; see docs/productenboek-format.md and /api/v1/openapi.json.
 */

export type Law = "wmo" | "jeugdwet";
export type UnitCode = "01" | "04" | "14" | "16" | "82" | "83" | "84";
export type SectionStatus = "given" | "volgt-nog" | "niet-van-toepassing" | "niet-vermeld";
export type NoteKind = "contradiction" | "incomplete" | "ambiguity" | "remark";

export interface Reading {
  asWritten: string;
  line: number;
  value: string | null;
}

export interface Note {
  kind: NoteKind;
  text: string;
  line: number | null;
  readings: Reading[];
}

export interface Productenboek {
  id: string;
  title: string;
  source: string;
  documentType: "productenboek" | "programma-van-eisen" | string;
  issuer: { region: string | null; gemeenten: { name: string; gemeentecode: string }[]; asWritten: string | null; line: number | null };
  version: { label: string | null; date: string | null; status: "concept" | "definitief" | "onbekend" | string; line: number | null };
  validFrom: string;
  laws: Law[];
  uitvoeringsvariant: string | null;
  description: string;
  notes: Note[];
  productCount: number;
}

export interface ProductSummary {
  id: string;
  productenboekId: string;
  name: string;
  kind: string;
  law: Law;
  productcategorie: string | null;
  productcode: string | null;
  codeStatus: "given" | "pending";
  codeAsWritten: string;
  variant: string | null;
  unit: UnitCode | null;
  unitStatus: SectionStatus;
  unitAsWritten: string | null;
  sectionsPending: string[];
  contestedTopics: string[];
  notes: number;
  requirementCount: number;
  topics: string[];
  description: string;
  source: { file: string; line: number };
}

export interface SearchPage {
  items: ProductSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface Section {
  status: SectionStatus;
  line: number | null;
  asWritten: string | null;
}

export interface Product {
  id: string;
  productenboekId: string;
  name: string;
  kind: string;
  law: Law;
  productcategorie: string | null;
  productcode: string | null;
  codeStatus: "given" | "pending";
  codeAsWritten: string;
  variant: string | null;
  unit: {
    code: UnitCode | null;
    status: SectionStatus;
    asWritten: string | null;
    line: number | null;
    definition: { text: string } | null;
  };
  description: string;
  source: { file: string; line: number; endLine: number | null };
  sections: Record<string, Section>;
  notes: Note[];
  attributes: Record<string, string | number | boolean>;
  siblings: string[];
}

export interface ProductDetail {
  product: Product;
  summary: ProductSummary;
  version: number;
  validFrom: string;
  validTo: string | null;
  requirements: { topic: string; text: string; asWritten: string; line: number }[];
  siblings: { id: string; law: Law; productcode: string | null }[];
}

export interface Comparison {
  products: { id: string; productenboekId: string; name: string; productcode: string | null; law: Law; variant: string | null }[];
  rows: { aspect: string; label: string; values: (string | null)[]; differs: boolean }[];
}

export type Role = "beheerder" | "contractmanager" | "toegang" | "aanbieder" | "controller";

export type Tenant = { kind: "gemeente"; gemeentecode: string; name: string } | { kind: "aanbieder"; agbCode: string; name: string } | null;

export interface User {
  username: string;
  displayName: string;
  role: Role;
  tenant: Tenant;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Account extends User {
  disabled: boolean;
}

/** RFC 9457 problem+json as Kader sends it: `problems` lists every issue, with the parameter or field in `path`. */
export interface ProblemDocument {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /** an internal error's code, to report to the beheerder (also in the server's error log) */
  correlationId?: string;
  problems?: { code?: string; title?: string; detail: string; path?: string; file?: string; line?: number; column?: string }[];
}

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

// Tariffs (/tarieven; docs/tariefmodel.md): money in whole cents, shares as fractions, exact figures as decimal strings

export type TariffLevel = "mbo2" | "mbo3" | "mbo4" | "hbo" | "wo";
/** the units of the default model: 01 minuut, 04 uur, 16 dagdeel */
export type TariffUnit = "01" | "04" | "16";

export interface TariffParameters {
  peiljaar: number;
  naam?: string;
  salarissen: Partial<Record<TariffLevel, { maandsalaris: number }>>;
  vakantiegeld: number;
  eindejaarsuitkering: number;
  werkgeverslasten: number;
  ort: number;
  contracturenPerJaar: number;
  nietProductief: Record<string, number>;
  overhead: number;
  kapitaallasten: number;
  leegstand: number;
  risico: number;
  indexatie: number;
  dagdeelUren: number;
  eenheden: Record<string, TariffUnit>;
  mix: Record<string, Partial<Record<TariffLevel, number>>>;
}

export interface TariffStep {
  naam: string;
  /** exact, as a decimal string with a point */
  waarde: string;
  formule: string;
  kostenpost: string;
}

export type TariffResult =
  | {
      ok: true;
      productId: string;
      eenheid: TariffUnit;
      /** rounded half up to whole cents, once, at the end */
      tariefPerEenheid: number;
      uurtarief: string;
      mix: Partial<Record<TariffLevel, number>>;
      mixSource: string;
      stappen: TariffStep[];
    }
  | { ok: false; productId: string; onbekend: string[] };

export interface TariffBook {
  productenboek: string;
  results: TariffResult[];
}

/** b − a in cents; null where a product has no tariff */
export interface TariffDifference {
  productId: string;
  a: number | null;
  b: number | null;
  verschil: number | null;
}

export interface TariffSensitivity {
  variants: { variant: string; rows: TariffDifference[] }[];
}
