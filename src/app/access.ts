import { type Action, authorize, logged, policy, type Resource, type Target } from "../domain/auth/policy.ts";
import type { Principal } from "../domain/auth/principal.ts";
import type { Problem, Result } from "../domain/shared/problem.ts";
import type { AccessLogRepository, AccessSubject, Clock } from "./ports.ts";

/** A list longer than this is logged by its filter and count instead of every id. */
export const MAX_LOGGED_IDS = 200;

/** What a use case tells the gate about the subjects of an access: known up front, or derived from the result. */
export type SubjectsOf<T> = Partial<AccessSubject> | ((value: T) => Partial<AccessSubject>);

/** Normalises a subject: unique ids, and filter + count instead of ids for a large list. */
export function subjectOf(s: Partial<AccessSubject> | undefined): AccessSubject | null {
  if (!s) return null;
  const clientIds = [...new Set(s.clientIds ?? [])];
  const records = [...new Set(s.records ?? [])];
  const large = clientIds.length > MAX_LOGGED_IDS || records.length > MAX_LOGGED_IDS;
  const out: AccessSubject = {
    clientIds: large ? [] : clientIds,
    records: large ? [] : records,
    ...(s.filter !== undefined ? { filter: s.filter } : {}),
    ...(s.count !== undefined || large ? { count: s.count ?? Math.max(clientIds.length, records.length) } : {}),
  };
  if (!out.clientIds.length && !out.records.length && out.filter === undefined && out.count === undefined) return null;
  return out;
}

/** Who asks: a signed-in (or anonymous) user of the API or web app, or the local command line (trusted, still logged). */
export type Actor = { kind: "user"; principal: Principal | null } | { kind: "cli" };

/** A refusal, as a use case returns it. */
export type Refusal = { ok: false; problems: Problem[] };

export interface AccessContext {
  /** the endpoint or command, e.g. "GET /api/v1/users" */
  endpoint: string;
  /** why the data is accessed, in words the log reader understands */
  purpose: string;
}

/**
 * The one place through which personal data is read or written: it asks the policy, writes an access-log record
 * (who, role, tenant, what, when, why, allowed or not) for every personal-data resource, and only then runs the work.
 */
export class AccessGate {
  constructor(
    private readonly log: AccessLogRepository,
    private readonly clock: Clock,
  ) {}

  /** The local command line: trusted (no policy check) but logged like any other access to personal data. */
  async runTrusted<T>(
    actor: string,
    resource: Resource,
    action: Action,
    target: Target,
    ctx: AccessContext,
    work: () => Promise<T>,
    subjects?: SubjectsOf<T>,
  ): Promise<Result<T>> {
    const value = await work();
    if (logged[resource])
      await this.append(null, resource, action, target, ctx, { allowed: true }, subjectOf(typeof subjects === "function" ? subjects(value) : subjects), actor);
    return { ok: true, value };
  }

  async run<T>(
    principal: Principal | null,
    resource: Resource,
    action: Action,
    target: Target,
    ctx: AccessContext,
    work: () => Promise<T>,
    subjects?: SubjectsOf<T>,
  ): Promise<Result<T>> {
    const d = authorize(principal, resource, action, target);
    // an allowed access is logged after the work, so the row names whose data was actually returned; a refusal at once
    const value = d.allowed ? await work() : undefined;
    if (logged[resource]) {
      const subject = d.allowed ? (typeof subjects === "function" ? subjects(value as T) : subjects) : typeof subjects === "function" ? undefined : subjects;
      await this.append(principal, resource, action, target, ctx, d.allowed ? { allowed: true } : { allowed: false, reason: d.reason }, subjectOf(subject));
    }
    if (!d.allowed) {
      const p: Problem =
        d.status === 401
          ? { code: "unauthorized", title: "Aanmelden nodig", detail: d.reason }
          : { code: "forbidden", title: "Geen toegang", detail: d.reason };
      return { ok: false, problems: [p] };
    }
    return { ok: true, value: value as T };
  }

  /** One record of the access log: who (a principal, or the command line's name), what, whose, why, and the decision. */
  private append(
    principal: Principal | null,
    resource: Resource,
    action: Action,
    target: Target,
    ctx: AccessContext,
    decision: { allowed: true } | { allowed: false; reason: string },
    subject: AccessSubject | null,
    trustedActor?: string,
  ) {
    const t = principal?.tenant ?? null;
    return this.log.append({
      at: this.clock.now(),
      username: trustedActor ?? principal?.username ?? null,
      role: principal?.role ?? null,
      tenantKind: t?.kind ?? null,
      tenantCode: t ? (t.kind === "gemeente" ? t.gemeentecode : t.agbCode) : null,
      resource,
      action,
      gemeentecode: target.gemeentecode ?? null,
      agbCode: target.agbCode ?? null,
      endpoint: ctx.endpoint,
      purpose: ctx.purpose,
      allowed: decision.allowed,
      reason: decision.allowed ? null : decision.reason,
      subject,
    });
  }

  // ------------------------------------------------------------------------------------- for use cases with an Actor

  /** The one guard of every use case: the command line runs trusted (logged), a user is asked the policy (logged). */
  guard<T>(actor: Actor, resource: Resource, action: Action, target: Target, ctx: AccessContext, work: () => Promise<T>, subjects?: SubjectsOf<T>) {
    return actor.kind === "cli"
      ? this.runTrusted("kader-cli", resource, action, target, ctx, work, subjects)
      : this.run(actor.principal, resource, action, target, ctx, work, subjects);
  }

  /**
   * Asks the policy only, before anything is read or parsed: null when allowed (the later `guard` logs the access),
   * otherwise the refusal, logged at once. The command line is always allowed.
   */
  async precheck(
    actor: Actor,
    resource: Resource,
    action: Action,
    target: Target,
    ctx: AccessContext,
    subjects?: Partial<AccessSubject>,
  ): Promise<Refusal | null> {
    if (actor.kind === "cli") return null;
    if (authorize(actor.principal, resource, action, target).allowed) return null;
    const r = await this.run(actor.principal, resource, action, target, ctx, async () => null, subjects);
    return r.ok ? null : r;
  }

  /**
   * For one record asked by its key: a record outside the caller's gemeente or aanbieder gets the same answer as one
   * that does not exist (`missing`: 404, the same body), so nobody learns that another tenant's record exists; the
   * refusal is still logged as refused. A role that may never do this gets 403 whatever the key (that tells nothing).
   */
  async hidden(
    actor: Actor,
    resource: Resource,
    action: Action,
    target: Target,
    ctx: AccessContext,
    missing: Problem[],
    subjects?: Partial<AccessSubject>,
  ): Promise<Refusal | null> {
    const denied = await this.precheck(actor, resource, action, target, ctx, subjects);
    if (!denied || actor.kind === "cli") return denied;
    const role = actor.principal?.role;
    const scoped = denied.problems.every((p) => p.code === "forbidden") && (policy[resource][action] as { role: string }[]).some((g) => g.role === role);
    return scoped ? { ok: false, problems: missing } : denied;
  }
}
