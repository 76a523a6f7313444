import { ACTIONS, RESOURCES, type Action, type Resource } from "../codes/access.ts";
import type { AgbCode, Gemeentecode, Principal, Role } from "./principal.ts";

/**
 * Who may do what, as data. A grant gives a role an action on a resource within a scope:
 * - public: anyone, signed in or not;
 * - all: every record (system resources of the beheerder);
 * - own-gemeente: records of the principal's gemeente; own-aanbieder: records of the principal's aanbieder.
 */
export type { Action, Resource };
export const resources = RESOURCES;
export const actions = ACTIONS;
export type Scope = "public" | "all" | "own-gemeente" | "own-aanbieder";
export interface Grant {
  role: Role | "anyone";
  scope: Scope;
}

const g = (role: Role, scope: Scope): Grant => ({ role, scope });

export const policy = {
  catalogue: { read: [{ role: "anyone", scope: "public" }], write: [g("beheerder", "all")] },
  user: { read: [g("beheerder", "all")], write: [g("beheerder", "all")] },
  "access-log": { read: [g("beheerder", "all"), g("controller", "own-gemeente")], write: [] },
  client: {
    read: [g("toegang", "own-gemeente"), g("controller", "own-gemeente"), g("aanbieder", "own-aanbieder")],
    write: [g("toegang", "own-gemeente")],
  },
  beschikking: {
    read: [g("toegang", "own-gemeente"), g("controller", "own-gemeente"), g("aanbieder", "own-aanbieder")],
    write: [g("toegang", "own-gemeente")],
  },
  toewijzing: {
    read: [g("toegang", "own-gemeente"), g("controller", "own-gemeente"), g("aanbieder", "own-aanbieder")],
    // the aanbieder reports start and stop of its own toewijzingen; which events each role may report is eventRoles (app/care.ts)
    write: [g("toegang", "own-gemeente"), g("aanbieder", "own-aanbieder")],
  },
  declaratie: {
    read: [g("aanbieder", "own-aanbieder"), g("toegang", "own-gemeente"), g("controller", "own-gemeente")],
    write: [g("aanbieder", "own-aanbieder")],
  },
  provider: {
    read: [g("contractmanager", "own-gemeente"), g("controller", "own-gemeente"), g("aanbieder", "own-aanbieder")],
    write: [g("contractmanager", "own-gemeente"), g("aanbieder", "own-aanbieder")],
  },
  compliance: {
    read: [g("contractmanager", "own-gemeente"), g("controller", "own-gemeente"), g("aanbieder", "own-aanbieder")],
    write: [g("contractmanager", "own-gemeente"), g("aanbieder", "own-aanbieder")],
  },
  // a gemeente's programmes of requirements: drafts are its own; an invited aanbieder reads the published version
  "programma-van-eisen": {
    read: [g("contractmanager", "own-gemeente"), g("controller", "own-gemeente"), g("aanbieder", "own-aanbieder")],
    write: [g("contractmanager", "own-gemeente")],
  },
  // self-assessments: the aanbieder answers its own (target: its AGB code), the gemeente reviews (target: its gemeentecode)
  zelfevaluatie: {
    read: [g("contractmanager", "own-gemeente"), g("controller", "own-gemeente"), g("aanbieder", "own-aanbieder")],
    write: [g("contractmanager", "own-gemeente"), g("aanbieder", "own-aanbieder")],
  },
  // iWmo/iJw messages (they carry BSNs): the gemeente sees and sends its own, the aanbieder its own
  bericht: {
    read: [g("toegang", "own-gemeente"), g("controller", "own-gemeente"), g("aanbieder", "own-aanbieder")],
    write: [g("toegang", "own-gemeente"), g("aanbieder", "own-aanbieder")],
  },
  // conversion of running toewijzingen (docs/conversie.md): the gemeente plans, previews, approves and executes; an
  // aanbieder downloads its own uitvraag and uploads its answers (the service keeps it to those two)
  conversie: {
    read: [g("contractmanager", "own-gemeente"), g("toegang", "own-gemeente"), g("controller", "own-gemeente"), g("aanbieder", "own-aanbieder")],
    write: [g("contractmanager", "own-gemeente"), g("toegang", "own-gemeente"), g("aanbieder", "own-aanbieder")],
  },
} satisfies Record<Resource, Record<Action, Grant[]>>;

/** The tenant attributes of the record being accessed (a client of gemeente 0106, served by aanbieder 12345678). */
export interface Target {
  gemeentecode?: Gemeentecode | string | null;
  agbCode?: AgbCode | string | null;
}

export type Decision = { allowed: true; grant: Grant } | { allowed: false; status: 401 | 403; reason: string };

/** One place that decides, from the policy table, whether a principal may act on a record. */
export function authorize(principal: Principal | null, resource: Resource, action: Action, target: Target = {}): Decision {
  const grants: Grant[] = policy[resource][action];
  const open = grants.find((x) => x.scope === "public");
  if (open) return { allowed: true, grant: open };
  if (!principal) return { allowed: false, status: 401, reason: "aanmelden is nodig" };
  if (principal.disabled) return { allowed: false, status: 401, reason: "dit account is uitgeschakeld" };
  for (const grant of grants) {
    if (grant.role !== principal.role) continue;
    if (grant.scope === "all") return { allowed: true, grant };
    const t = principal.tenant;
    if (grant.scope === "own-gemeente" && t?.kind === "gemeente" && target.gemeentecode && target.gemeentecode === t.gemeentecode)
      return { allowed: true, grant };
    if (grant.scope === "own-aanbieder" && t?.kind === "aanbieder" && target.agbCode && target.agbCode === t.agbCode) return { allowed: true, grant };
  }
  const roleHasAny = grants.some((x) => x.role === principal.role);
  return {
    allowed: false,
    status: 403,
    reason: roleHasAny
      ? `geen toegang: dit gegeven hoort niet bij uw ${principal.tenant?.kind === "aanbieder" ? "organisatie" : "gemeente"}`
      : `geen toegang: rol ${principal.role} mag ${resource} niet ${action === "read" ? "inzien" : "wijzigen"}`,
  };
}

/**
 * Resources whose every access is written to the access log: personal data (accounts, clients, staff) and a
 * gemeente's contracts with providers (commercial data, and the act that gives a gemeente sight of a provider).
 */
export const logged: Record<Resource, boolean> = {
  catalogue: false,
  user: true,
  "access-log": true,
  client: true,
  beschikking: true,
  toewijzing: true,
  declaratie: true,
  provider: true,
  compliance: true,
  "programma-van-eisen": false,
  zelfevaluatie: true,
  bericht: true,
  conversie: true,
};
