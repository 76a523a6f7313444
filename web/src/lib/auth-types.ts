import type { Tenant as AccountTenant } from "../../../src/contract/auth.ts";
import type { ProblemDocument as ServerProblem } from "../../../src/contract/problem.ts";

export type {
  AccessLogEntry,
  AccessLogPage,
  AccessLogParams,
  AccessSubject,
  Account,
  AccountList,
  AttemptOutcome,
  LockedAccount,
  LoginAttempt,
  LoginAttemptList,
  NewUser,
  Role,
  Session,
  User,
} from "../../../src/contract/auth.ts";

/** The organisation of an account; null for a beheerder (who belongs to none). */
export type Tenant = AccountTenant | null;

/**
 * The contract's problem+json, as the client holds it: the server's answer, or the client's stand-in when the answer
 * was not one (a proxy error, no network), which has no `type` and may have no `detail` or `problems`.
 */
export type ProblemDocument = Omit<ServerProblem, "type" | "detail" | "problems"> & Partial<Pick<ServerProblem, "type" | "detail" | "problems">>;
