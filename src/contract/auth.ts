import { Role } from "../domain/codes/schemas.ts";
import { z } from "zod";
import { ACTIONS, RESOURCES } from "../domain/codes/access.ts";
import { may, PUBLIC, type RouteSpec, route, SIGNED_IN } from "./route.ts";

// ---------------------------------------------------------------------------------------------- accounts

export { Role };

/** A gemeentecode (CBS, 4 digits) and an AGB code (8 digits): branded, like the domain's, so they cannot mix. */
export const Gemeentecode = z
  .string()
  .regex(/^[0-9]{4}$/, "een gemeentecode is 4 cijfers")
  .brand<"Gemeentecode">();
export const AgbCode = z
  .string()
  .regex(/^[0-9]{8}$/, "een AGB-code is 8 cijfers")
  .brand<"AgbCode">();
export type Gemeentecode = z.output<typeof Gemeentecode>;
export type AgbCode = z.output<typeof AgbCode>;

/** The organisation an account belongs to: a gemeente or an aanbieder (a beheerder belongs to none). */
export const Tenant = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("gemeente"), gemeentecode: z.string(), name: z.string() }),
  z.object({ kind: z.literal("aanbieder"), agbCode: z.string(), name: z.string() }),
]);
export type Tenant = z.output<typeof Tenant>;

/** An account as the API shows it: never a secret. */
export const Account = z.object({
  username: z.string(),
  displayName: z.string(),
  role: Role,
  tenant: Tenant.nullable(),
  disabled: z.boolean(),
});
export type Account = z.output<typeof Account>;
/** The signed-in user (the same fields as an account). */
export const User = Account;
export type User = Account;

/** The signed-in session: the user and the token every state-changing request sends as x-csrf-token. */
export const Session = z.object({ user: Account, csrfToken: z.string() });
export type Session = z.output<typeof Session>;

export const Login = z.object({ username: z.string().max(200), password: z.string().max(500) }).strict();
export type Login = z.input<typeof Login>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, "gebruikersnaam: 3 tot 64 tekens, kleine letters, cijfers, punt, streep of liggend streepje");
export const Password = z.string().min(10, "een wachtwoord heeft minstens 10 tekens").max(200, "een wachtwoord heeft hoogstens 200 tekens");

export const NewUser = z
  .object({
    username: Username,
    displayName: z.string().trim().min(1, "naam is verplicht").max(200),
    role: Role,
    gemeentecode: Gemeentecode.optional(),
    agbCode: AgbCode.optional(),
    tenantName: z.string().trim().min(1).max(200).optional(),
    password: Password,
  })
  .strict();
export type NewUser = z.input<typeof NewUser>;

export const PasswordReset = z.object({ password: Password });
export type PasswordReset = z.input<typeof PasswordReset>;

export const AccountList = z.object({ items: z.array(Account), total: z.number().int() });
export type AccountList = z.output<typeof AccountList>;

export const UsernameParams = z.object({ username: z.string() });

// ---------------------------------------------------------------------------------------------- sign-in attempts

/** What happened to one sign-in attempt (docs/decisions.md, "Sign-in limits"). */
export const AttemptOutcome = z.enum(["success", "failure", "delayed", "locked", "lock", "unlock"]);
export type AttemptOutcome = z.output<typeof AttemptOutcome>;

export const LoginAttempt = z.object({
  id: z.number().int(),
  username: z.string(),
  /** the client's address; null for an administrator's unlock */
  address: z.string().nullable(),
  at: z.string(),
  outcome: AttemptOutcome,
  /** who lifted a lock */
  by: z.string().nullable(),
  /** the outcome in Dutch */
  label: z.string(),
});
export type LoginAttempt = z.output<typeof LoginAttempt>;

export const LockedAccount = z.object({ username: z.string(), since: z.string() });
export type LockedAccount = z.output<typeof LockedAccount>;

export const LoginAttemptList = z.object({
  items: z.array(LoginAttempt),
  geblokkeerd: z.array(LockedAccount),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type LoginAttemptList = z.output<typeof LoginAttemptList>;

export const LoginAttemptQuery = z
  .object({
    gebruiker: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const Unlocked = z.object({ username: z.string(), wasLocked: z.boolean() });
export type Unlocked = z.output<typeof Unlocked>;

// ---------------------------------------------------------------------------------------------- the access log

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "een datum is JJJJ-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "geen bestaande datum");

/** The access log's filters, in Dutch like the other routes: cliënt, gebruiker, periode (van t/m tot), wat, toegestaan. */
export const AccessLogQuery = z
  .object({
    client: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    gebruiker: z.string().trim().min(1).max(64).optional(),
    van: IsoDate.optional(),
    tot: IsoDate.optional(),
    resource: z.enum(RESOURCES).optional(),
    toegestaan: z.enum(["ja", "nee"]).optional(),
    gemeente: z
      .string()
      .regex(/^[0-9]{4}$/, "een gemeentecode is 4 cijfers")
      .optional(),
    limit: z.coerce.number().int().min(1).max(10_000).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    format: z.enum(["json", "csv", "xlsx"]).default("json"),
  })
  .strict();
export type AccessLogParams = z.input<typeof AccessLogQuery>;

/** Whose data an access touched: clients by Kader's id (never a BSN), records by key, or a list's filter and count. */
export const AccessSubject = z.object({
  clientIds: z.array(z.number().int()),
  records: z.array(z.string()),
  filter: z.string().optional(),
  count: z.number().int().optional(),
});
export type AccessSubject = z.output<typeof AccessSubject>;

/** One row of the access log: who (role, tenant), what, when, why, allowed or not, and whose data. */
export const AccessLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  role: Role.nullable(),
  tenantKind: z.enum(["gemeente", "aanbieder"]).nullable(),
  tenantCode: z.string().nullable(),
  resource: z.enum(RESOURCES),
  action: z.enum(ACTIONS),
  /** the tenant of the record accessed */
  gemeentecode: z.string().nullable(),
  agbCode: z.string().nullable(),
  endpoint: z.string(),
  purpose: z.string(),
  allowed: z.boolean(),
  reason: z.string().nullable(),
  subject: AccessSubject.nullable(),
});
export type AccessLogEntry = z.output<typeof AccessLogEntry>;

export const AccessLogPage = z.object({ items: z.array(AccessLogEntry), limit: z.number().int(), offset: z.number().int() });
export type AccessLogPage = z.output<typeof AccessLogPage>;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The auth routes of the API: request and response schemas, each schema and its type under one name. */
export const authRoutes = {
  login: route({
    method: "POST",
    path: "/api/v1/auth/login",
    summary: "Aanmelden (zet de sessiecookie)",
    body: Login,
    // the route answers a wrong shape with its own short problem, never repeating the input
    bodyParsedBy: "use-case",
    response: Session,
    errors: [400, 401, 413, 429],
    access: PUBLIC,
  }),
  currentSession: route({
    method: "GET",
    path: "/api/v1/auth/me",
    summary: "De aangemelde gebruiker en het CSRF-token",
    response: Session,
    errors: [401],
    access: SIGNED_IN,
  }),
  logout: route({
    method: "POST",
    path: "/api/v1/auth/logout",
    summary: "Afmelden",
    status: 204,
    response: null,
    errors: [401, 403],
    access: SIGNED_IN,
  }),
  listUsers: route({
    method: "GET",
    path: "/api/v1/users",
    summary: "Accounts",
    response: AccountList,
    errors: [401, 403],
    access: may("user", "read"),
    purpose: "accountbeheer: lijst van accounts",
  }),
  createUser: route({
    method: "POST",
    path: "/api/v1/users",
    summary: "Account aanmaken",
    body: NewUser,
    bodyParsedBy: "use-case",
    status: 201,
    response: Account,
    errors: [400, 401, 403, 409, 413],
    access: may("user", "write"),
    purpose: "accountbeheer: account aanmaken",
  }),
  disableUser: route({
    method: "POST",
    path: "/api/v1/users/:username/disable",
    summary: "Account uitschakelen (beëindigt zijn sessies)",
    params: UsernameParams,
    response: Account,
    errors: [401, 403, 404],
    access: may("user", "write"),
    purpose: "accountbeheer: account uitschakelen",
  }),
  resetPassword: route({
    method: "POST",
    path: "/api/v1/users/:username/reset-password",
    summary: "Wachtwoord opnieuw instellen (beëindigt de sessies)",
    params: UsernameParams,
    body: PasswordReset,
    bodyParsedBy: "use-case",
    response: Account,
    errors: [400, 401, 403, 404, 413],
    access: may("user", "write"),
    purpose: "accountbeheer: wachtwoord opnieuw instellen",
  }),
  unlockUser: route({
    method: "POST",
    path: "/api/v1/users/:username/unlock",
    summary: "Blokkade na mislukte aanmeldingen opheffen",
    params: UsernameParams,
    response: Unlocked,
    errors: [401, 403, 404],
    access: may("user", "write"),
    purpose: "accountbeheer: blokkade na mislukte aanmeldingen opheffen",
  }),
  listLoginAttempts: route({
    method: "GET",
    path: "/api/v1/aanmeldpogingen",
    summary: "Aanmeldpogingen (nieuwste eerst) en de geblokkeerde accounts",
    query: LoginAttemptQuery,
    response: LoginAttemptList,
    errors: [400, 401, 403],
    access: may("user", "read"),
    purpose: "accountbeheer: aanmeldpogingen inzien",
  }),
  listAccessLog: route({
    method: "GET",
    path: "/api/v1/access-log",
    summary: "Toegangslog (JSON, CSV of XLSX)",
    query: AccessLogQuery,
    response: AccessLogPage,
    files: ["text/csv", XLSX],
    errors: [400, 401, 403],
    access: may("access-log", "read"),
    // the purpose depends on the format: the handler names it (inzage or export)
    purpose: "toezicht: inzage toegangslog",
  }),
} as const satisfies Record<string, RouteSpec>;
