import type { AttemptOutcome, LoginAttempt, LoginAttemptRepository, LockedAccount } from "../../app/auth.ts";
import type { AccessLogFilter, AccessLogRepository, AccessRecord, SessionRepository, StoredSession, StoredUser, UserRepository } from "../../app/ports.ts";
import type { AgbCode, Gemeentecode, Role, Tenant } from "../../domain/auth/principal.ts";
import type { AttemptState } from "../../domain/auth/sign-in-limits.ts";
import type { Db } from "./db.ts";

interface UserRow {
  username: string;
  display_name: string;
  role: Role;
  tenant_kind: Tenant["kind"] | null;
  gemeentecode: string | null;
  agb_code: string | null;
  tenant_name: string | null;
  password_hash: string;
  disabled: boolean;
}

function toUser(r: UserRow): StoredUser {
  const tenant: Tenant | null =
    r.tenant_kind === "gemeente"
      ? { kind: "gemeente", gemeentecode: r.gemeentecode as Gemeentecode, name: r.tenant_name ?? "" }
      : r.tenant_kind === "aanbieder"
        ? { kind: "aanbieder", agbCode: r.agb_code as AgbCode, name: r.tenant_name ?? "" }
        : null;
  return { username: r.username, displayName: r.display_name, role: r.role, tenant, passwordHash: r.password_hash, disabled: r.disabled };
}

export class SqlUserRepository implements UserRepository {
  constructor(private readonly db: Db) {}
  async get(username: string) {
    const rows = await this.db.query<UserRow>("select * from app_user where username = $1", [username]);
    return rows[0] ? toUser(rows[0]) : null;
  }
  async list() {
    return (await this.db.query<UserRow>("select * from app_user order by username")).map(toUser);
  }
  async count() {
    const r = await this.db.query<{ n: string | number }>("select count(*) as n from app_user");
    return Number(r[0]?.n ?? 0);
  }
  async insert(u: StoredUser, at: string) {
    const t = u.tenant;
    await this.db.query(
      `insert into app_user (username, display_name, role, tenant_kind, gemeentecode, agb_code, tenant_name, password_hash, disabled, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
      [
        u.username,
        u.displayName,
        u.role,
        t?.kind ?? null,
        t?.kind === "gemeente" ? t.gemeentecode : null,
        t?.kind === "aanbieder" ? t.agbCode : null,
        t?.name ?? null,
        u.passwordHash,
        u.disabled,
        at,
      ],
    );
  }
  async update(username: string, patch: Partial<Pick<StoredUser, "passwordHash" | "disabled" | "displayName">>, at: string) {
    await this.db.query(
      `update app_user set password_hash = coalesce($2, password_hash), disabled = coalesce($3, disabled),
              display_name = coalesce($4, display_name), updated_at = $5 where username = $1`,
      [username, patch.passwordHash ?? null, patch.disabled ?? null, patch.displayName ?? null, at],
    );
  }
}

export class SqlSessionRepository implements SessionRepository {
  /** the sign-in attempts live next to the sessions: the store of sign-in state */
  readonly attempts: SqlLoginAttemptRepository;
  constructor(private readonly db: Db) {
    this.attempts = new SqlLoginAttemptRepository(db);
  }
  async create(s: StoredSession) {
    await this.db.query(
      "insert into app_session (id_hash, username, csrf_token, created_at, expires_at, absolute_expires_at) values ($1, $2, $3, $4, $5, $6)",
      [s.idHash, s.username, s.csrfToken, s.createdAt, s.expiresAt, s.absoluteExpiresAt],
    );
  }
  async get(idHash: string) {
    const rows = await this.db.query<{
      id_hash: string;
      username: string;
      csrf_token: string;
      created_at: Date | string;
      expires_at: Date | string;
      absolute_expires_at: Date | string;
    }>("select * from app_session where id_hash = $1", [idHash]);
    const r = rows[0];
    if (!r) return null;
    const iso = (v: Date | string) => new Date(v).toISOString();
    return {
      idHash: r.id_hash,
      username: r.username,
      csrfToken: r.csrf_token,
      createdAt: iso(r.created_at),
      expiresAt: iso(r.expires_at),
      absoluteExpiresAt: iso(r.absolute_expires_at),
    };
  }
  async touch(idHash: string, expiresAt: string) {
    await this.db.query("update app_session set expires_at = $2 where id_hash = $1", [idHash, expiresAt]);
  }
  async delete(idHash: string) {
    await this.db.query("delete from app_session where id_hash = $1", [idHash]);
  }
  async deleteForUser(username: string) {
    await this.db.query("delete from app_session where username = $1", [username]);
  }
}

export class SqlAccessLogRepository implements AccessLogRepository {
  constructor(private readonly db: Db) {}
  async append(r: AccessRecord) {
    const sub = r.subject;
    await this.db.query(
      `insert into access_log (at, username, role, tenant_kind, tenant_code, resource, action, gemeentecode, agb_code, endpoint, purpose, allowed, reason,
                               subject_client_ids, record_ids, subject_filter, subject_count)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::bigint[], $15::text[], $16, $17)`,
      [
        r.at,
        r.username,
        r.role,
        r.tenantKind,
        r.tenantCode,
        r.resource,
        r.action,
        r.gemeentecode,
        r.agbCode,
        r.endpoint,
        r.purpose,
        r.allowed,
        r.reason,
        sub?.clientIds ?? [],
        sub?.records ?? [],
        sub?.filter ?? null,
        sub?.count ?? null,
      ],
    );
  }
  async list(f: AccessLogFilter) {
    const rows = await this.db.query<Record<string, unknown>>(
      `select * from access_log
        where ($1::text is null or gemeentecode = $1 or tenant_code = $1)
          and ($2::bigint is null or subject_client_ids @> array[$2::bigint])
          and ($3::text is null or username = $3)
          and ($4::timestamptz is null or at >= $4)
          and ($5::timestamptz is null or at < $5)
          and ($6::text is null or resource = $6)
          and ($7::boolean is null or allowed = $7)
        order by at desc, id desc limit $8 offset $9`,
      [
        f.gemeentecode ?? null,
        f.clientId ?? null,
        f.username ?? null,
        f.from ?? null,
        f.to ?? null,
        f.resource ?? null,
        f.allowed ?? null,
        f.limit,
        f.offset ?? 0,
      ],
    );
    return rows.map((r): AccessRecord & { id: number } => {
      const clientIds = ((r.subject_client_ids as (string | number)[] | null) ?? []).map(Number);
      const records = (r.record_ids as string[] | null) ?? [];
      const filter = r.subject_filter as string | null;
      const count = r.subject_count as number | null;
      const none = !clientIds.length && !records.length && filter === null && count === null;
      return {
        id: Number(r.id),
        at: new Date(r.at as string).toISOString(),
        username: r.username as string | null,
        role: r.role as AccessRecord["role"],
        tenantKind: r.tenant_kind as AccessRecord["tenantKind"],
        tenantCode: r.tenant_code as string | null,
        resource: r.resource as string,
        action: r.action as string,
        gemeentecode: r.gemeentecode as string | null,
        agbCode: r.agb_code as string | null,
        endpoint: r.endpoint as string,
        purpose: r.purpose as string,
        allowed: r.allowed as boolean,
        reason: r.reason as string | null,
        subject: none ? null : { clientIds, records, ...(filter !== null ? { filter } : {}), ...(count !== null ? { count } : {}) },
      };
    });
  }
}

/**
 * The sign-in attempts (table login_attempt). The decision and the attempt it records happen under a per-account
 * transaction lock, so parallel attempts (in one process or several) cannot slip past the limits.
 */
export class SqlLoginAttemptRepository implements LoginAttemptRepository {
  constructor(private readonly db: Db) {}

  async decide<D extends { record: AttemptOutcome }>(
    username: string,
    address: string,
    at: string,
    since: string,
    fn: (s: AttemptState) => D,
  ): Promise<D & { id: number; state: AttemptState }> {
    return this.db.transaction(async (tx) => {
      await tx.query("select pg_advisory_xact_lock(hashtext($1))", [`kader-login:${username}`]);
      const rows = await tx.query<{
        address_failures: string | number;
        last_address_failure: Date | string | null;
        account_failures: string | number;
        locked: boolean;
      }>(
        `with marks as (
           select max(at) filter (where outcome = 'unlock') as unlocked,
                  max(at) filter (where outcome = 'lock') as locked_at,
                  max(at) filter (where outcome = 'success') as ok_any,
                  max(at) filter (where outcome = 'success' and address = $2) as ok_here
             from login_attempt where username = $1
         )
         select count(*) filter (where a.address = $2 and a.at > greatest($3::timestamptz, m.ok_here, m.unlocked)) as address_failures,
                max(a.at) filter (where a.address = $2 and a.at > greatest($3::timestamptz, m.ok_here, m.unlocked)) as last_address_failure,
                count(*) filter (where a.at > greatest($3::timestamptz, m.ok_any, m.unlocked)) as account_failures,
                (m.locked_at is not null and (m.unlocked is null or m.locked_at > m.unlocked)) as locked
           from marks m left join login_attempt a on a.username = $1 and a.outcome = 'failure' and a.at >= $3::timestamptz
          group by m.unlocked, m.locked_at, m.ok_any, m.ok_here`,
        [username, address, since],
      );
      const r = rows[0];
      const state: AttemptState = {
        addressFailures: Number(r?.address_failures ?? 0),
        lastAddressFailureAt: r?.last_address_failure ? new Date(r.last_address_failure).toISOString() : null,
        accountFailures: Number(r?.account_failures ?? 0),
        locked: Boolean(r?.locked),
      };
      const d = fn(state);
      const ins = await tx.query<{ id: string | number }>(
        "insert into login_attempt (username, address, at, outcome, success) values ($1, $2, $3, $4, false) returning id",
        [username, address, at, d.record],
      );
      return { ...d, id: Number(ins[0]?.id), state };
    });
  }

  async markSuccess(id: number) {
    await this.db.query("update login_attempt set outcome = 'success', success = true where id = $1", [id]);
  }

  async lock(username: string, address: string, at: string) {
    await this.db.query("insert into login_attempt (username, address, at, outcome, success) values ($1, $2, $3, 'lock', false)", [username, address, at]);
  }

  async unlock(username: string, by: string, at: string) {
    await this.db.query("insert into login_attempt (username, address, at, outcome, success, by_user) values ($1, null, $2, 'unlock', false, $3)", [
      username,
      at,
      by,
    ]);
  }

  async locked(): Promise<LockedAccount[]> {
    const rows = await this.db.query<{ username: string; since: Date | string }>(
      `select username, max(at) filter (where outcome = 'lock') as since from login_attempt where outcome in ('lock', 'unlock')
        group by username
       having max(at) filter (where outcome = 'lock') > coalesce(max(at) filter (where outcome = 'unlock'), '-infinity'::timestamptz)
        order by username`,
    );
    return rows.map((r) => ({ username: r.username, since: new Date(r.since).toISOString() }));
  }

  async list(f: { username?: string | undefined; limit: number; offset?: number | undefined }): Promise<LoginAttempt[]> {
    const rows = await this.db.query<{
      id: string | number;
      username: string;
      address: string | null;
      at: Date | string;
      outcome: AttemptOutcome;
      by_user: string | null;
    }>("select * from login_attempt where ($1::text is null or username = $1) order by at desc, id desc limit $2 offset $3", [
      f.username ?? null,
      f.limit,
      f.offset ?? 0,
    ]);
    return rows.map((r) => ({
      id: Number(r.id),
      username: r.username,
      address: r.address,
      at: new Date(r.at).toISOString(),
      outcome: r.outcome,
      by: r.by_user,
    }));
  }
}
