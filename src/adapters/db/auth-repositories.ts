import type {
  AccessLogRepository,
  AccessRecord,
  SessionRepository,
  StoredSession,
  StoredUser,
  UserRepository,
} from "../../app/ports.ts";
import type { AgbCode, Gemeentecode, Role, Tenant } from "../../domain/auth/principal.ts";
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
  constructor(private readonly db: Db) {}
  async create(s: StoredSession) {
    await this.db.query(
      "insert into app_session (id_hash, username, csrf_token, created_at, expires_at, absolute_expires_at) values ($1, $2, $3, $4, $5, $6)",
      [s.idHash, s.username, s.csrfToken, s.createdAt, s.expiresAt, s.absoluteExpiresAt],
    );
  }
  async get(idHash: string) {
    const rows = await this.db.query<{ id_hash: string; username: string; csrf_token: string; created_at: Date | string; expires_at: Date | string; absolute_expires_at: Date | string }>(
      "select * from app_session where id_hash = $1",
      [idHash],
    );
    const r = rows[0];
    if (!r) return null;
    const iso = (v: Date | string) => new Date(v).toISOString();
    return { idHash: r.id_hash, username: r.username, csrfToken: r.csrf_token, createdAt: iso(r.created_at), expiresAt: iso(r.expires_at), absoluteExpiresAt: iso(r.absolute_expires_at) };
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
    await this.db.query(
      `insert into access_log (at, username, role, tenant_kind, tenant_code, resource, action, gemeentecode, agb_code, endpoint, purpose, allowed, reason)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [r.at, r.username, r.role, r.tenantKind, r.tenantCode, r.resource, r.action, r.gemeentecode, r.agbCode, r.endpoint, r.purpose, r.allowed, r.reason],
    );
  }
  async list(filter: { gemeentecode?: string; limit: number }) {
    const rows = await this.db.query<Record<string, unknown>>(
      `select * from access_log where ($1::text is null or gemeentecode = $1 or tenant_code = $1) order by id desc limit $2`,
      [filter.gemeentecode ?? null, filter.limit],
    );
    return rows.map((r) => ({
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
      subject: null,
    }));
  }
}
