import { type AttemptOutcome, type LockedAccount, NewUser, Password } from "../contract/auth.ts";
import { type Principal, type Role, type Tenant, tenantProblem } from "../domain/auth/principal.ts";
import { type AttemptState, decideSignIn, defaultSignInLimits, reachesLimit, type SignInLimits } from "../domain/auth/sign-in-limits.ts";
import { type Problem, problem, type Result } from "../domain/shared/problem.ts";
import type { Clock, Secrets, SessionRepository, StoredUser, UserRepository } from "./ports.ts";

const GENERIC_LOGIN_FAILURE = "Onjuiste gebruikersnaam of wachtwoord";

export interface AuthOptions {
  /** a session ends after this many minutes without requests */
  idleMinutes: number;
  /** and at the latest this many hours after sign-in */
  absoluteHours: number;
  /** the progressive delay per account + address and the per-account limit (domain/auth/sign-in-limits.ts) */
  limits: SignInLimits;
}
export const defaultAuthOptions: AuthOptions = { idleMinutes: 30, absoluteHours: 8, limits: defaultSignInLimits };

export { NewUser, Password };
export type { AttemptOutcome, LockedAccount };

/** What happened to one sign-in attempt, in Dutch (docs/decisions.md, "Sign-in limits"). */
export const attemptOutcomeLabel: Record<AttemptOutcome, string> = {
  success: "aangemeld",
  failure: "mislukt",
  delayed: "geweigerd: wachttijd",
  locked: "geweigerd: account geblokkeerd",
  lock: "account geblokkeerd",
  unlock: "blokkade opgeheven",
};

/** One sign-in attempt as stored (the API adds its Dutch label). */
export interface LoginAttempt {
  id: number;
  username: string;
  /** the client's address; null for an administrator's unlock */
  address: string | null;
  at: string;
  outcome: AttemptOutcome;
  /** who lifted a lock */
  by: string | null;
}

/** Storage of sign-in attempts; the decision and the attempt it records are one atomic step per account. */
export interface LoginAttemptRepository {
  /**
   * Reads the account's state (failures since `since`), lets `fn` decide, and records the attempt with the outcome
   * `fn` names ("failure" until the password is proven right), with no other attempt of that account in between.
   */
  decide<D extends { record: AttemptOutcome }>(
    username: string,
    address: string,
    at: string,
    since: string,
    fn: (s: AttemptState) => D,
  ): Promise<D & { id: number; state: AttemptState }>;
  markSuccess(id: number): Promise<void>;
  lock(username: string, address: string, at: string): Promise<void>;
  unlock(username: string, by: string, at: string): Promise<void>;
  locked(): Promise<LockedAccount[]>;
  list(filter: { username?: string | undefined; limit: number; offset?: number | undefined }): Promise<LoginAttempt[]>;
}

/** A refused sign-in may say when to try again (the Retry-After header). */
export type LoginResult = { ok: true; value: SignedIn } | { ok: false; problems: Problem[]; retryAfterSeconds?: number };

const seconds = (n: number) => (n === 1 ? "1 seconde" : `${n} seconden`);

/** A view of a user without secrets. */
function publicUser(u: StoredUser): Principal {
  return { username: u.username, displayName: u.displayName, role: u.role, tenant: u.tenant, disabled: u.disabled };
}

export interface SignedIn {
  principal: Principal;
  /** the session token for the cookie; only its digest is stored */
  token: string;
  csrfToken: string;
}

/**
 * Sign-in, sessions and accounts. Passwords are hashed by a memory-hard function (scrypt); sessions live on the
 * server (only a digest of the cookie token is stored); failed sign-ins are rate limited; a wrong username and a
 * wrong password get the same answer.
 */
export class AuthService {
  private readonly attempts: LoginAttemptRepository;

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository & { readonly attempts: LoginAttemptRepository },
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly opts: AuthOptions = defaultAuthOptions,
  ) {
    this.attempts = sessions.attempts;
  }

  /**
   * Signs in. Failures slow down the next attempt from the same address for the same account (never another
   * address's), and too many for one account lock it until an administrator lifts the lock. The attempt is recorded
   * before the (slow) password check, so parallel attempts cannot slip past the limits.
   */
  async login(usernameRaw: unknown, password: unknown, address: string): Promise<LoginResult> {
    const now = this.clock.now();
    const nowMs = Date.parse(now);
    const l = this.opts.limits;
    const username = typeof usernameRaw === "string" ? usernameRaw.trim().toLowerCase().slice(0, 200) : "";
    const since = new Date(nowMs - l.windowHours * 3_600_000).toISOString();
    const d = await this.attempts.decide(username, address, now, since, (st: AttemptState) => {
      const x = decideSignIn(st, now, l);
      return { decision: x, record: x.kind === "check" ? ("failure" as const) : x.kind };
    });
    if (d.decision.kind === "delayed")
      return {
        ok: false,
        retryAfterSeconds: d.decision.retryAfterSeconds,
        problems: [
          {
            code: "too-many-requests",
            title: "Te veel pogingen",
            detail: `te veel mislukte pogingen vanaf dit adres; probeer het over ${seconds(d.decision.retryAfterSeconds)} opnieuw`,
          },
        ],
      };
    if (d.decision.kind === "locked")
      return {
        ok: false,
        problems: [
          {
            code: "too-many-requests",
            title: "Account geblokkeerd",
            detail: "dit account is geblokkeerd na te veel mislukte aanmeldpogingen; vraag de beheerder de blokkade op te heffen",
          },
        ],
      };
    const user = username ? await this.users.get(username) : null;
    // verify against a dummy hash when the user does not exist, so timing does not reveal which usernames exist
    const ok = await this.secrets.verifyPassword(typeof password === "string" ? password : "", user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      if (reachesLimit(d.state, l)) await this.attempts.lock(username, address, now);
      return { ok: false, problems: [{ code: "unauthorized", title: "Aanmelden mislukt", detail: GENERIC_LOGIN_FAILURE }] };
    }
    await this.attempts.markSuccess(d.id);
    const token = this.secrets.token();
    const csrfToken = this.secrets.token();
    await this.sessions.create({
      idHash: this.secrets.digest(token),
      username: user.username,
      csrfToken,
      createdAt: new Date(nowMs).toISOString(),
      expiresAt: new Date(nowMs + this.opts.idleMinutes * 60_000).toISOString(),
      absoluteExpiresAt: new Date(nowMs + this.opts.absoluteHours * 3_600_000).toISOString(),
    });
    return { ok: true, value: { principal: publicUser(user), token, csrfToken } };
  }

  /** Lifts the lock of an account that reached its limit of failed sign-ins (an administrator's act; logged). */
  async unlock(usernameRaw: string, by: string): Promise<Result<{ username: string; wasLocked: boolean }>> {
    const username = usernameRaw.trim().toLowerCase();
    const locked = (await this.attempts.locked()).some((x) => x.username === username);
    if (!locked && !(await this.users.get(username)))
      return {
        ok: false,
        problems: [problem.notFound(`geen gebruiker ${username.slice(0, 60)}`, "username", "Gebruiker niet gevonden")],
      };
    if (locked) await this.attempts.unlock(username, by, this.clock.now());
    return { ok: true, value: { username, wasLocked: locked } };
  }

  /** The sign-in attempts, newest first, and the accounts locked now (for the beheerder). */
  async loginAttempts(filter: {
    username?: string | undefined;
    limit: number;
    offset?: number | undefined;
  }): Promise<{ items: LoginAttempt[]; locked: LockedAccount[] }> {
    const username = filter.username?.trim().toLowerCase();
    return { items: await this.attempts.list({ ...filter, username: username || undefined }), locked: await this.attempts.locked() };
  }

  /** The session behind a cookie token, or null when unknown, expired or its user disabled. Extends the idle timeout. */
  async session(token: string | undefined): Promise<{ principal: Principal; csrfToken: string } | null> {
    if (!token || token.length > 200) return null;
    const idHash = this.secrets.digest(token);
    const s = await this.sessions.get(idHash);
    if (!s) return null;
    const now = this.clock.now();
    if (s.expiresAt <= now || s.absoluteExpiresAt <= now) {
      await this.sessions.delete(idHash);
      return null;
    }
    const user = await this.users.get(s.username);
    if (!user || user.disabled) {
      await this.sessions.delete(idHash);
      return null;
    }
    // the idle deadline moves with each request (written at most once a minute), never past the absolute one
    const nextMs = Math.min(Date.parse(now) + this.opts.idleMinutes * 60_000, Date.parse(s.absoluteExpiresAt));
    if (nextMs - Date.parse(s.expiresAt) > 60_000) await this.sessions.touch(idHash, new Date(nextMs).toISOString());
    return { principal: publicUser(user), csrfToken: s.csrfToken };
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.sessions.delete(this.secrets.digest(token));
  }

  async addUser(input: unknown): Promise<Result<Principal>> {
    const parsed = NewUser.safeParse(input);
    if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => problem.invalid(i.message, i.path.join(".") || undefined)) };
    const u = parsed.data;
    let tenant: Tenant | null = null;
    if (u.gemeentecode && u.agbCode) return { ok: false, problems: [problem.invalid("geef een gemeentecode óf een AGB-code, niet beide")] };
    if (u.gemeentecode) tenant = { kind: "gemeente", gemeentecode: u.gemeentecode, name: u.tenantName ?? `Gemeente ${u.gemeentecode}` };
    if (u.agbCode) tenant = { kind: "aanbieder", agbCode: u.agbCode, name: u.tenantName ?? `Aanbieder ${u.agbCode}` };
    const tp = tenantProblem(u.role, tenant);
    if (tp) return { ok: false, problems: [problem.invalid(tp, tenant ? "role" : u.role === "aanbieder" ? "agbCode" : "gemeentecode")] };
    if (await this.users.get(u.username))
      return {
        ok: false,
        problems: [problem.conflict(`gebruikersnaam ${u.username} is al in gebruik`, "username", "Gebruiker bestaat al")],
      };
    const stored: StoredUser = {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      tenant,
      passwordHash: await this.secrets.hashPassword(u.password),
      disabled: false,
    };
    await this.users.insert(stored, this.clock.now());
    return { ok: true, value: publicUser(stored) };
  }

  async listUsers(): Promise<Principal[]> {
    return (await this.users.list()).map(publicUser);
  }

  async disable(username: string): Promise<Result<Principal>> {
    const u = await this.users.get(username.toLowerCase());
    if (!u) return { ok: false, problems: [problem.notFound(`geen gebruiker ${username}`, "username", "Gebruiker niet gevonden")] };
    await this.users.update(u.username, { disabled: true }, this.clock.now());
    await this.sessions.deleteForUser(u.username);
    return { ok: true, value: { ...publicUser(u), disabled: true } };
  }

  async resetPassword(username: string, password: unknown): Promise<Result<Principal>> {
    const pw = Password.safeParse(password);
    if (!pw.success) return { ok: false, problems: pw.error.issues.map((i) => problem.invalid(i.message, "password")) };
    const u = await this.users.get(username.toLowerCase());
    if (!u) return { ok: false, problems: [problem.notFound(`geen gebruiker ${username}`, "username", "Gebruiker niet gevonden")] };
    await this.users.update(u.username, { passwordHash: await this.secrets.hashPassword(pw.data) }, this.clock.now());
    await this.sessions.deleteForUser(u.username);
    return { ok: true, value: publicUser(u) };
  }

  /** Demo accounts for the embedded default (never in production): one per role, created only on an empty user table. */
  async ensureDemoUsers(): Promise<{ username: string; role: Role; password: string }[]> {
    if ((await this.users.count()) > 0) return [];
    const created: { username: string; role: Role; password: string }[] = [];
    for (const d of DEMO_USERS) {
      const r = await this.addUser({ ...d, password: DEMO_PASSWORD });
      if (r.ok) created.push({ username: d.username, role: d.role, password: DEMO_PASSWORD });
    }
    return created;
  }
}

/** The password of every demo account (README); demo accounts exist only on the embedded default. */
export const DEMO_PASSWORD = "kader-demo";
const DEMO_USERS: (Omit<NewUser, "password"> & { role: Role })[] = [
  { username: "beheerder", displayName: "Bea Beheerder", role: "beheerder" },
  { username: "contractmanager", displayName: "Carla Contractmanager", role: "contractmanager", gemeentecode: "0106", tenantName: "Gemeente Assen" },
  { username: "toegang", displayName: "Tom Toegang", role: "toegang", gemeentecode: "0106", tenantName: "Gemeente Assen" },
  { username: "aanbieder", displayName: "Anne Aanbieder", role: "aanbieder", agbCode: "98765432", tenantName: "Zorg Voorbeeld B.V." },
  { username: "controller", displayName: "Chris Controller", role: "controller", gemeentecode: "1730", tenantName: "Gemeente Tynaarlo" },
];

/** A valid scrypt hash of a random password nobody knows, used to spend the same time on unknown usernames. */
export const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
