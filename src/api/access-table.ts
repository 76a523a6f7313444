import { type Action, authorize, type Decision, type Resource, type Target } from "../domain/auth/policy.ts";
import type { Principal } from "../domain/auth/principal.ts";
import { routes } from "../contract/routes.ts";
import { may, PUBLIC, type RouteAccess, type RouteSpec, SIGNED_IN } from "../contract/route.ts";

export type { RouteAccess };

/**
 * Who may call a state-changing route at all, known from the route alone — checked before a byte of the body is read
 * (src/api/auth.ts). `public`: anyone (sign-in, tariff calculations on public catalogue data); `signed-in`: any
 * account; otherwise the resource and action the route's use case asks the policy for. The tenant scope (whose
 * record) is checked later by the services, once the record is known; this table only refuses a role that can never
 * do the route. test/abuse/auth-before-body.int.test.ts keeps it complete: every state-changing operation of the
 * OpenAPI document has an entry, and the public ones are exactly the operations without `security`.
 */


const V1 = "/api/v1";
const ZE = `${V1}/programmas-van-eisen/:id/versies/:v/zelfevaluaties/:agb`;

/** Routes not yet described in the contract (src/contract), keyed by "METHOD pattern" as Fastify registers it. */
const legacyTable: Readonly<Record<string, RouteAccess>> = {
  // sign-in and accounts
  [`POST ${V1}/auth/login`]: PUBLIC,
  [`POST ${V1}/auth/logout`]: SIGNED_IN,
  [`POST ${V1}/users`]: may("user", "write"),
  [`POST ${V1}/users/:username/disable`]: may("user", "write"),
  [`POST ${V1}/users/:username/reset-password`]: may("user", "write"),
  [`POST ${V1}/users/:username/unlock`]: may("user", "write"),
  // providers and compliance
  [`POST ${V1}/aanbieders/:agb/medewerkers`]: may("compliance", "write"),
  [`PUT ${V1}/aanbieders/:agb/bewijs`]: may("provider", "write"),
  [`PUT ${V1}/aanbieders/:agb/contracten`]: may("provider", "write"),
  // tariffs: public calculations on catalogue data; contract tariffs are a gemeente's
  [`POST ${V1}/tarieven/bereken`]: PUBLIC,
  [`POST ${V1}/tarieven/productenboeken/:id`]: PUBLIC,
  [`POST ${V1}/tarieven/productenboeken/:id/scenario`]: PUBLIC,
  [`POST ${V1}/tarieven/productenboeken/:id/gevoeligheid`]: PUBLIC,
  [`POST ${V1}/tarieven/contracten`]: may("provider", "read"),
  // the care chain
  // a search by BSN travels in a POST body, never in a URL; it reads
  [`POST ${V1}/clienten/zoeken`]: may("client", "read"),
  [`POST ${V1}/clienten`]: may("client", "write"),
  [`POST ${V1}/clienten/:id/toets`]: may("beschikking", "write"),
  [`POST ${V1}/beschikkingen/toets`]: may("beschikking", "write"),
  [`POST ${V1}/beschikkingen`]: may("beschikking", "write"),
  [`POST ${V1}/toewijzingen/:gemeente/:wet/:nummer/gebeurtenissen`]: may("toewijzing", "write"),
  [`POST ${V1}/declaraties`]: may("declaratie", "write"),
  // messages
  [`POST ${V1}/berichten`]: may("bericht", "write"),
  [`POST ${V1}/berichten/toewijzingen`]: may("bericht", "write"),
  [`POST ${V1}/verzoeken/:id/antwoord`]: may("bericht", "write"),
  // programmes of requirements and self-assessments
  [`POST ${V1}/programmas-van-eisen`]: may("programma-van-eisen", "write"),
  [`PUT ${V1}/programmas-van-eisen/:id`]: may("programma-van-eisen", "write"),
  [`POST ${V1}/programmas-van-eisen/:id/versies`]: may("programma-van-eisen", "write"),
  [`POST ${V1}/programmas-van-eisen/:id/versies/:v/uitnodigingen`]: may("programma-van-eisen", "write"),
  [`PUT ${ZE}/vragen/:vraag`]: may("zelfevaluatie", "write"),
  [`POST ${ZE}/vragen/:vraag/beoordeling`]: may("zelfevaluatie", "write"),
  [`POST ${ZE}/vragen/:vraag/bestanden`]: may("zelfevaluatie", "write"),
  // conversion
  [`POST ${V1}/conversies`]: may("conversie", "write"),
  [`POST ${V1}/conversies/:id/antwoorden`]: may("conversie", "write"),
  [`POST ${V1}/conversies/:id/proefruns`]: may("conversie", "write"),
  [`POST ${V1}/conversie-runs/:id/goedkeuring`]: may("conversie", "write"),
  [`POST ${V1}/conversies/:id/uitvoering`]: may("conversie", "write"),
};

export const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Every state-changing route's entry: the contract's `access` of each route, and the routes not yet in the contract. */
export const accessTable: Readonly<Record<string, RouteAccess>> = {
  ...legacyTable,
  ...Object.fromEntries(
    Object.values(routes as Record<string, RouteSpec>)
      .filter((r) => STATE_CHANGING.has(r.method))
      .map((r) => [`${r.method} ${r.path}`, r.access]),
  ),
};

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
