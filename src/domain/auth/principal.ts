import { z } from "zod";

/** The five roles of Kader (issue: sign-in, roles, tenants). */
export const Role = z.enum(["beheerder", "contractmanager", "toegang", "aanbieder", "controller"]);
export type Role = z.infer<typeof Role>;

export const roleLabel: Record<Role, string> = {
  beheerder: "Beheerder",
  contractmanager: "Contractmanager",
  toegang: "Toegang",
  aanbieder: "Aanbieder",
  controller: "Controller",
};

/** A gemeentecode (CBS, 4 digits) and an AGB code (8 digits) are different things: branded so they cannot mix. */
export const Gemeentecode = z
  .string()
  .regex(/^[0-9]{4}$/, "een gemeentecode is 4 cijfers")
  .brand<"Gemeentecode">();
export type Gemeentecode = z.infer<typeof Gemeentecode>;
export const AgbCode = z
  .string()
  .regex(/^[0-9]{8}$/, "een AGB-code is 8 cijfers")
  .brand<"AgbCode">();
export type AgbCode = z.infer<typeof AgbCode>;

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
