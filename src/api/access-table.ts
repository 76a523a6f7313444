import { authorize, type Decision, type Target } from "../domain/auth/policy.ts";
import type { Principal } from "../domain/auth/principal.ts";
import { routes } from "../contract/routes.ts";
import { type RouteAccess, type RouteSpec, SIGNED_IN } from "../contract/route.ts";

export type { RouteAccess };

export const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Who may call a state-changing route at all, known from the route alone (the contract's `access`, src/contract) — checked before a byte of the body is read
 * (src/api/auth.ts). `public`: anyone (sign-in, tariff calculations on public catalogue data); `signed-in`: any
 * account; otherwise the resource and action the route's use case asks the policy for. The tenant scope (whose
 * record) is checked later by the services, once the record is known; this table only refuses a role that can never
 * do the route. test/abuse/auth-before-body.int.test.ts keeps it complete: every state-changing operation of the
 * OpenAPI document has an entry, and the public ones are exactly the operations without `security`.
 */

export const accessTable: Readonly<Record<string, RouteAccess>> = Object.fromEntries(
  Object.values(routes as Record<string, RouteSpec>)
    .filter((r) => STATE_CHANGING.has(r.method))
    .map((r) => [`${r.method} ${r.path}`, r.access]),
);

/** The entry of a route; a state-changing route missing from the table needs an account (the safe default). */
export function routeAccess(method: string, pattern: string): RouteAccess {
  return accessTable[`${method} ${pattern}`] ?? SIGNED_IN;
}

/** The principal's own tenant as a target: the policy then answers "may this role ever do this?" */
export function ownTenant(principal: Principal | null): Target {
  const t = principal?.tenant;
  return t?.kind === "gemeente" ? { gemeentecode: t.gemeentecode } : t?.kind === "aanbieder" ? { agbCode: t.agbCode } : {};
}

/** The role-level decision for a route, before its body is read: allowed, or 401/403 with the reason. */
export function decideRoute(principal: Principal | null, access: RouteAccess): Decision | { allowed: true } {
  if (access.kind === "public") return { allowed: true };
  if (access.kind === "signed-in")
    return !principal
      ? { allowed: false, status: 401, reason: "aanmelden is nodig" }
      : principal.disabled
        ? { allowed: false, status: 401, reason: "dit account is uitgeschakeld" }
        : { allowed: true };
  return authorize(principal, access.resource, access.action, ownTenant(principal));
}
