import { type Action, authorize, logged, type Resource, type Target } from "../domain/auth/policy.ts";
import type { Principal } from "../domain/auth/principal.ts";
import type { Problem, Result } from "../domain/shared/problem.ts";
import type { AccessLogRepository, Clock } from "./ports.ts";

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
  async runTrusted<T>(actor: string, resource: Resource, action: Action, target: Target, ctx: AccessContext, work: () => Promise<T>): Promise<Result<T>> {
    if (logged[resource])
      await this.log.append({
        at: this.clock.now(),
        username: actor,
        role: null,
        tenantKind: null,
        tenantCode: null,
        resource,
        action,
        gemeentecode: target.gemeentecode ?? null,
        agbCode: target.agbCode ?? null,
        endpoint: ctx.endpoint,
        purpose: ctx.purpose,
        allowed: true,
        reason: null,
      });
    return { ok: true, value: await work() };
  }

  async run<T>(
    principal: Principal | null,
    resource: Resource,
    action: Action,
    target: Target,
    ctx: AccessContext,
    work: () => Promise<T>,
  ): Promise<Result<T>> {
    const d = authorize(principal, resource, action, target);
    if (logged[resource]) {
      const t = principal?.tenant ?? null;
      await this.log.append({
        at: this.clock.now(),
        username: principal?.username ?? null,
        role: principal?.role ?? null,
        tenantKind: t?.kind ?? null,
        tenantCode: t ? (t.kind === "gemeente" ? t.gemeentecode : t.agbCode) : null,
        resource,
        action,
        gemeentecode: target.gemeentecode ?? null,
        agbCode: target.agbCode ?? null,
        endpoint: ctx.endpoint,
        purpose: ctx.purpose,
        allowed: d.allowed,
        reason: d.allowed ? null : d.reason,
      });
    }
    if (!d.allowed) {
      const p: Problem =
        d.status === 401
          ? { code: "unauthorized", title: "Aanmelden nodig", detail: d.reason }
          : { code: "forbidden", title: "Geen toegang", detail: d.reason };
      return { ok: false, problems: [p] };
    }
    return { ok: true, value: await work() };
  }
}
