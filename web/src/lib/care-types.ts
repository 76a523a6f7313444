/**
 * The care chain as the API answers it (/api/v1/clienten, /beschikkingen, /toewijzingen, /werklijst, /declaraties,
 * /budget): the contract's types (src/contract/care.ts), under the names the pages use. Amounts are euro cents.
 */
import type { BudgetGroup as AnyBudgetGroup } from "../../../src/contract/care.ts";

export type {
  Adres,
  Beschikking,
  BudgetReport,
  BudgetRow,
  BudgetSignal,
  CheckFinding,
  Client,
  ClientList,
  ClientOverview,
  DeadlineKind,
  DeclaratieAnswer,
  DeclaratieDetail,
  DeclaratieResult,
  Eenheid,
  Frequentie,
  GrantAnswer,
  GrantFinding,
  GrantSeverity as Severity,
  GrantVerdict,
  Period,
  PrestatieResult,
  ProposedProduct,
  RedenWijziging,
  StoredDeclaratie,
  StoredPrestatie,
  Toewijzing,
  ToewijzingEvent,
  ToewijzingEventRecord,
  ToewijzingHistory,
  ToewijzingStatus,
  Verwijzer,
  Wet,
  WorkItem,
} from "../../../src/contract/care.ts";

/** The groupings a user picks on the budget page ("maand" is the report's own month view, not a choice). */
export type BudgetGroup = Exclude<AnyBudgetGroup, "maand">;
