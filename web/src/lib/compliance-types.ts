// Provider compliance (/aanbieders, /compliance): the contract's types (src/contract/compliance.ts)

export type {
  ComplianceReport,
  ContractComparison,
  Evidence,
  EvidenceKind,
  ProductCompliance,
  Provider,
  ProviderContract,
  ProviderDetail,
  ProviderListItem,
  Reason,
  RequirementResult,
  RequirementStatus,
  Signal,
  SignalItem,
  StaffImportResult,
  StaffMember,
  Verdict,
  VerdictCounts,
} from "../../../src/contract/compliance.ts";
