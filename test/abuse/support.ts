/**
 * Shared helpers of the standing abuse suite (issue 13 §5): a row count of every table, to show that a refused request
 * changed nothing; a session for each demo role; and the checks every refusal must pass (status, a Dutch problem).
 */
import assert from "node:assert/strict";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Db } from "../../src/adapters/db/db.ts";
import { DEMO_PASSWORD } from "../../src/app/auth.ts";

/** Row count per table, by table name. */
export type Snapshot = Record<string, number>;

/**
 * Tables that record the attempt itself and so may grow on a refused request: the NEN 7513 access log (a refused
 * access is logged too) and the sign-in attempts. Everything else must stay as it was.
 */
export const AUDIT_TABLES = ["access_log", "login_attempt"] as const;

/**
 * Counts the rows of every table of the current schema. The table list is read from the catalog
 * (information_schema), so a table a new migration adds is counted without changing this file.
 */
export async function snapshot(db: Db): Promise<Snapshot> {
  const tables = await db.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name",
  );
  assert.ok(tables.length > 10, `tables found: ${tables.map((t) => t.name).join(", ")}`);
  const sql = tables.map((t, i) => `select ${i} as i, count(*)::int as n from "${t.name.replaceAll('"', '""')}"`).join(" union all ");
  const rows = await db.query<{ i: number; n: number }>(sql);
  const out: Snapshot = {};
  for (const r of rows) out[tables[Number(r.i)]!.name] = Number(r.n);
  return out;
}

/** The tables whose row count differs between two snapshots (audit tables left out unless `strict`), as "table: a → b". */
export function changes(before: Snapshot, after: Snapshot, opts: { strict?: boolean } = {}): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: string[] = [];
  for (const t of [...names].sort()) {
    if (!opts.strict && (AUDIT_TABLES as readonly string[]).includes(t)) continue;
    if (before[t] !== after[t]) out.push(`${t}: ${before[t] ?? "—"} → ${after[t] ?? "—"}`);
  }
  return out;
}

/** Runs `fn` and asserts that no table (other than the audit trail) gained or lost a row. */
export async function unchanged<T>(db: Db, what: string, fn: () => Promise<T>): Promise<T> {
  const before = await snapshot(db);
  const r = await fn();
  assert.deepEqual(changes(before, await snapshot(db)), [], `${what}: the database changed`);
  return r;
}

export const ROLES = ["beheerder", "contractmanager", "toegang", "aanbieder", "controller"] as const;
export type DemoRole = (typeof ROLES)[number];

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
  /** cookie and CSRF header, for app.inject */
  headers: Record<string, string>;
}

/** Signs in as `username` and returns the session cookie and CSRF token. */
export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const r = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password }, remoteAddress: "10.13.0.1" });
  assert.equal(r.statusCode, 200, `sign in as ${username}: ${r.body}`);
  const cookie = String(r.headers["set-cookie"] ?? "").split(";")[0] ?? "";
  const csrf = String(r.json().csrfToken ?? "");
  assert.ok(cookie && csrf, `session and CSRF token for ${username}`);
  return { username, cookie, csrf, headers: { cookie, "x-csrf-token": csrf } };
}

/** A session for each demo role (the app needs `testApp({ demoUsers: true })`); the demo usernames are the role names. */
export async function signInAll(app: FastifyInstance): Promise<Record<DemoRole, Session>> {
  const out = {} as Record<DemoRole, Session>;
  for (const role of ROLES) out[role] = await signIn(app, role);
  return out;
}

/** English words that give away an untranslated message (a Dutch text has none of them). */
export const ENGLISH =
  /\b(invalid|error|unexpected|must|required|expected|failed|not found|unsupported|exceeded|too large|malformed|missing|bad request|internal|cannot|unable)\b/i;

/**
 * Asserts a refusal: the status (one value or a list), application/problem+json, and a Dutch title and detail on the
 * answer and on every problem in it. Returns the parsed body.
 */
export function assertDutchProblem(
  r: LightMyRequestResponse,
  status: number | number[],
  what: string,
): { title: string; detail?: string; problems?: { title: string; detail: string }[] } {
  const allowed = Array.isArray(status) ? status : [status];
  assert.ok(allowed.includes(r.statusCode), `${what}: status ${r.statusCode}, expected ${allowed.join(" or ")}: ${r.body.slice(0, 300)}`);
  assert.match(String(r.headers["content-type"]), /application\/problem\+json/, `${what}: content-type`);
  const body = r.json() as { title: string; detail?: string; problems?: { title: string; detail: string }[] };
  assertDutch(body.title, `${what}: title`);
  if (body.detail !== undefined) assertDutch(body.detail, `${what}: detail`);
  for (const p of body.problems ?? []) {
    assertDutch(p.title, `${what}: problem title`);
    assertDutch(p.detail, `${what}: problem detail`);
  }
  return body;
}

export function assertDutch(text: unknown, what: string): void {
  assert.equal(typeof text, "string", `${what}: a text`);
  assert.ok(String(text).trim().length > 0, `${what}: not empty`);
  assert.doesNotMatch(String(text), ENGLISH, `${what}: Dutch, not English ("${String(text).slice(0, 120)}")`);
}

/** Asserts that a response is not a server error (any status below 500), with the body in the message. */
export function assertNo5xx(r: LightMyRequestResponse, what: string): void {
  assert.ok(r.statusCode < 500, `${what}: ${r.statusCode} ${r.body.slice(0, 300)}`);
}
