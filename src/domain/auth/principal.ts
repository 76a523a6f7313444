import type { AgbCode, Gemeentecode } from "../../contract/auth.ts";
import { roleLabel } from "../codes/role.ts";
import { Role } from "../codes/schemas.ts";

export { Role, roleLabel };

/** A gemeentecode (CBS, 4 digits) and an AGB code (8 digits) are different things: branded so they cannot mix (src/contract/auth.ts). */
export { AgbCode, Gemeentecode } from "../../contract/auth.ts";

export type Tenant = { kind: "gemeente"; gemeentecode: Gemeentecode; name: string } | { kind: "aanbieder"; agbCode: AgbCode; name: string };

/** Which tenant kind each role belongs to; beheerder belongs to none (it manages the system). */
export const tenantKindOf: Record<Role, Tenant["kind"] | null> = {
  beheerder: null,
  contractmanager: "gemeente",
  toegang: "gemeente",
  controller: "gemeente",
  aanbieder: "aanbieder",
};

export interface Principal {
  username: string;
  displayName: string;
  role: Role;
  tenant: Tenant | null;
  disabled: boolean;
}

/** Checks the pairing of role and tenant; returns a Dutch problem or null. */
export function tenantProblem(role: Role, tenant: Tenant | null): string | null {
  const need = tenantKindOf[role];
  if (need === null) return tenant ? "een beheerder hoort niet bij een gemeente of aanbieder" : null;
  if (!tenant) return `rol ${role} hoort bij een ${need === "gemeente" ? "gemeente (gemeentecode)" : "aanbieder (AGB-code)"}`;
  if (tenant.kind !== need) return `rol ${role} hoort bij een ${need}, niet bij een ${tenant.kind}`;
  return null;
}
