import { z } from "zod";
import { EvidenceKind, Wet } from "../domain/codes/schemas.ts";
import { Gemeentecode } from "./auth.ts";
import { may, type RouteSpec, route } from "./route.ts";

// ---------------------------------------------------------------------------------------------- providers

/** Organisation-level evidence of an aanbieder (the rules' `providerEvidence`). */
export { EvidenceKind };

/** A certificate, an audit, a survey or a statement of an aanbieder. */
export const Evidence = z.object({
  kind: EvidenceKind,
  /** issue date, audit date or survey date */
  date: z.string(),
  /** end of validity where the evidence states one (certificates) */
  validUntil: z.string().nullable(),
  /** product ids, codes or stand-ins the evidence covers; ["*"] for the whole organisation */
  scope: z.array(z.string()),
  description: z.string().nullable(),
});
export type Evidence = z.output<typeof Evidence>;

/** A gemeente contracts an aanbieder for a product from a date, at an agreed tariff (cents per unit) where known. */
export const ProviderContract = z.object({
  productId: z.string(),
  gemeentecode: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  tariffCents: z.number().int().nullable(),
});
export type ProviderContract = z.output<typeof ProviderContract>;

/** An aanbieder: identity, the gemeenten that contract it, its evidence and (the caller's gemeente's) contracts. */
export const Provider = z.object({
  agbCode: z.string(),
  name: z.string(),
  kvk: z.string().nullable(),
  gemeentecodes: z.array(z.string()),
  evidence: z.array(Evidence),
  contracts: z.array(ProviderContract),
});
export type Provider = z.output<typeof Provider>;

/** One staff member as imported from the staff file (docs/formats.md). */
export const StaffMember = z.object({
  name: z.string(),
  level: z.string(),
  careRelated: z.boolean(),
  workingLevel: z.string().nullable(),
  kind: z.string(),
  role: z.string(),
  registration: z.object({ register: z.string(), number: z.string(), validUntil: z.string().nullable() }).nullable(),
  vogDate: z.string().nullable(),
  employmentStart: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  products: z.array(z.string()),
});
export type StaffMember = z.output<typeof StaffMember>;

/** Evidence that lapses soon; `daysLeft` below 0: lapsed already. */
export const Signal = z.object({ subject: z.string(), evidence: z.string(), expires: z.string(), daysLeft: z.number().int() });
export type Signal = z.output<typeof Signal>;

export const ProviderDetail = z.object({ provider: Provider, staff: z.array(StaffMember), signalen: z.array(Signal) });
export type ProviderDetail = z.output<typeof ProviderDetail>;

// ---------------------------------------------------------------------------------------------- the check

export const Verdict = z.enum(["voldoet", "voldoet-niet", "onbekend"]);
export type Verdict = z.output<typeof Verdict>;
export const RequirementStatus = z.enum(["voldoet", "voldoet-niet", "onbekend", "te-beoordelen", "per-client"]);
export type RequirementStatus = z.output<typeof RequirementStatus>;
export const VerdictCounts = z.object({ voldoet: z.number().int(), "voldoet-niet": z.number().int(), onbekend: z.number().int() });
export type VerdictCounts = z.output<typeof VerdictCounts>;

export const Reason = z.object({ rule: z.string(), message: z.string() });
export type Reason = z.output<typeof Reason>;

export const RequirementResult = z.object({
  topic: z.string(),
  line: z.number().int(),
  text: z.string(),
  status: RequirementStatus,
  reasons: z.array(Reason),
  /** the facts that were not known */
  missing: z.array(z.string()),
  /** extra figures, e.g. a share counted by hours next to the share counted by head */
  info: z.array(z.string()),
});
export type RequirementResult = z.output<typeof RequirementResult>;

export const ProductCompliance = z.object({
  productId: z.string(),
  productenboek: z.string(),
  productcode: z.string().nullable(),
  name: z.string(),
  law: Wet,
  verdict: Verdict,
  /** every failing or unknown condition of the provider-level requirements, in Dutch */
  reasons: z.array(Reason),
  requirements: z.array(RequirementResult),
  staffCount: z.number().int(),
});
export type ProductCompliance = z.output<typeof ProductCompliance>;

/** One aanbieder checked against the productenboek and programma van eisen at a peildatum. */
export const ComplianceReport = z.object({
  aanbieder: z.object({ agbCode: z.string(), name: z.string() }),
  peildatum: z.string(),
  producten: z.array(ProductCompliance),
  summary: VerdictCounts,
  signalen: z.array(Signal),
});
export type ComplianceReport = z.output<typeof ComplianceReport>;

export const ProviderListItem = Provider.extend({
  /** verdict counts at today's date */
  summary: VerdictCounts,
  staffCount: z.number().int(),
});
export type ProviderListItem = z.output<typeof ProviderListItem>;
export const ProviderList = z.object({ items: z.array(ProviderListItem) });
export type ProviderList = z.output<typeof ProviderList>;

export const StaffImportResult = z.object({ created: z.boolean(), staff: z.number().int(), aanbieder: Provider });
export type StaffImportResult = z.output<typeof StaffImportResult>;

export const SignalItem = Signal.extend({ agbCode: z.string(), aanbieder: z.string() });
export type SignalItem = z.output<typeof SignalItem>;
export const SignalList = z.object({ items: z.array(SignalItem) });
export type SignalList = z.output<typeof SignalList>;

/** An agreed contract tariff next to the tariff model's figure for the same product (cents). */
export const ContractComparison = z.object({
  agbCode: z.string(),
  aanbieder: z.string(),
  gemeentecode: z.string(),
  productId: z.string(),
  contractTariff: z.number(),
  computedTariff: z.number().nullable(),
  /** contract − computed, in cents; null when the model cannot compute the product */
  verschil: z.number().nullable(),
  onbekend: z.array(z.string()),
});
export type ContractComparison = z.output<typeof ContractComparison>;
export const ContractComparisonList = z.object({ items: z.array(ContractComparison) });
export type ContractComparisonList = z.output<typeof ContractComparisonList>;

// ---------------------------------------------------------------------------------------------- requests

export const AgbParams = z.object({ agb: z.string() });

/** The file name says the format (.csv or .xlsx); `naam` names a new aanbieder. */
export const StaffImportQuery = z.object({ bestand: z.string().min(1).max(200), naam: z.string().max(200).optional() }).strict();
export const ComplianceQuery = z
  .object({ peildatum: z.string().optional(), productenboek: z.string().optional(), format: z.enum(["json", "xlsx"]).default("json") })
  .strict();
export type ComplianceQuery = z.input<typeof ComplianceQuery>;
export const SignalQuery = z.object({ dagen: z.coerce.number().int().min(0).max(3650).default(60) }).strict();
export type SignalQuery = z.input<typeof SignalQuery>;

/** A real calendar date (not 2026-02-30), as JJJJ-MM-DD. */
const isCalendarDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
/** A date a request sends: a real calendar date as JJJJ-MM-DD, refused in Dutch otherwise. */
export const CalendarDate = z.string().refine(isCalendarDate, "geen geldige datum (JJJJ-MM-DD)");

/**
 * Evidence as sent and as kept (the domain's ProviderEvidence): the dates JJJJ-MM-DD; `validUntil`, `scope` (["*"])
 * and `description` may be left out.
 */
export const EvidenceInput = z
  .object({
    kind: EvidenceKind,
    /** issue date, audit date or survey date */
    date: CalendarDate,
    /** end of validity where the evidence states one (certificates) */
    validUntil: CalendarDate.nullable().default(null),
    /** product ids, codes or stand-ins the evidence covers (certificate scope); ["*"] for the whole organisation */
    scope: z.array(z.string().min(1)).min(1, "noem minstens één product, of * voor alles").default(["*"]),
    description: z.string().max(500).nullable().default(null),
  })
  .strict()
  .refine((e) => e.validUntil === null || e.validUntil >= e.date, { message: "geldig tot ligt vóór de datum", path: ["validUntil"] });
export type EvidenceInput = z.output<typeof EvidenceInput>;
export const EvidenceUpdate = z.object({ items: z.array(EvidenceInput).max(100) });
export type EvidenceUpdate = z.input<typeof EvidenceUpdate>;

/**
 * A contract as sent and as kept (the domain's ProviderContract): a gemeente contracts an aanbieder for a product
 * from a date, at an agreed tariff (cents per unit) where known; `validTo` and `tariffCents` may be left out
 * (open-ended, tariff unknown).
 */
export const ContractInput = z
  .object({
    productId: z.string().min(1),
    gemeentecode: Gemeentecode,
    validFrom: CalendarDate,
    validTo: CalendarDate.nullable().default(null),
    tariffCents: z.number().int().nonnegative().nullable().default(null),
  })
  .strict()
  .refine((c) => c.validTo === null || c.validTo >= c.validFrom, { message: "einddatum ligt vóór de begindatum", path: ["validTo"] });
export type ContractInput = z.output<typeof ContractInput>;
export const ContractsUpdate = z.object({ items: z.array(ContractInput).max(1000) });
export type ContractsUpdate = z.input<typeof ContractsUpdate>;

/** The tariff parameters of the model (src/domain/tariffs/parameters.ts), checked by the use case. */
export const ContractTariffRequest = z.object({ parameters: z.record(z.string(), z.unknown()) });
export type ContractTariffRequest = z.input<typeof ContractTariffRequest>;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The compliance routes of the API: request and response schemas, each schema and its type under one name. */
export const complianceRoutes = {
  listProviders: route({
    method: "GET",
    path: "/api/v1/aanbieders",
    summary: "Aanbieders die de gebruiker mag zien, met hun toetsuitkomst van vandaag",
    response: ProviderList,
    errors: [401, 403],
    access: may("provider", "read"),
    purpose: "contractbeheer: overzicht aanbieders",
  }),
  getProvider: route({
    method: "GET",
    path: "/api/v1/aanbieders/:agb",
    summary: "Eén aanbieder met zijn medewerkers en verlopend bewijs",
    params: AgbParams,
    response: ProviderDetail,
    errors: [401, 403, 404],
    access: may("compliance", "read"),
    purpose: "contractbeheer: aanbieder en medewerkers",
  }),
  importStaff: route({
    method: "POST",
    path: "/api/v1/aanbieders/:agb/medewerkers",
    summary: "Personeelsbestand importeren (CSV of XLSX; vervangt de lijst; 201 bij een nieuwe aanbieder)",
    params: AgbParams,
    query: StaffImportQuery,
    rawBody: ["text/csv", XLSX, "application/octet-stream"],
    response: StaffImportResult,
    errors: [400, 401, 403, 413, 415],
    access: may("compliance", "write"),
    purpose: "contractbeheer: personeelsbestand importeren",
  }),
  setEvidence: route({
    method: "PUT",
    path: "/api/v1/aanbieders/:agb/bewijs",
    summary: "Bewijsstukken van een aanbieder vastleggen (vervangt de lijst)",
    params: AgbParams,
    body: EvidenceUpdate,
    // the use case decides who may write (and whether the aanbieder exists) before it reads the items
    bodyParsedBy: "use-case",
    response: Provider,
    errors: [400, 401, 403, 404, 413],
    access: may("provider", "write"),
    purpose: "contractbeheer: bewijsstukken bijwerken",
  }),
  setContracts: route({
    method: "PUT",
    path: "/api/v1/aanbieders/:agb/contracten",
    summary: "Contracten van de eigen gemeente met een aanbieder vastleggen",
    params: AgbParams,
    body: ContractsUpdate,
    bodyParsedBy: "use-case",
    response: Provider,
    errors: [400, 401, 403, 404, 413],
    access: may("provider", "write"),
    purpose: "contractbeheer: contracten vastleggen",
  }),
  checkProvider: route({
    method: "GET",
    path: "/api/v1/aanbieders/:agb/compliance",
    summary: "Toets van een aanbieder aan productenboek en programma van eisen (JSON of XLSX)",
    params: AgbParams,
    query: ComplianceQuery,
    response: ComplianceReport,
    files: [XLSX],
    errors: [400, 401, 403, 404],
    access: may("compliance", "read"),
    purpose: "contractbeheer: toets aan productenboek en programma van eisen",
  }),
  compareContractTariffs: route({
    method: "POST",
    path: "/api/v1/tarieven/contracten",
    summary: "Contracttarieven naast de tarieven van het model",
    body: ContractTariffRequest,
    bodyParsedBy: "use-case",
    response: ContractComparisonList,
    errors: [400, 401, 403, 413],
    access: may("provider", "read"),
    purpose: "contractbeheer: contracttarieven vergelijken",
  }),
  listSignals: route({
    method: "GET",
    path: "/api/v1/compliance/signalen",
    summary: "Bewijs dat binnen een aantal dagen verloopt (of al verlopen is)",
    query: SignalQuery,
    response: SignalList,
    errors: [400, 401, 403],
    access: may("compliance", "read"),
    purpose: "contractbeheer: verlopend bewijs",
  }),
} as const satisfies Record<string, RouteSpec>;
