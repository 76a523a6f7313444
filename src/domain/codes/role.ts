/** The five roles of Kader (sign-in, roles, tenants). */
export const ROLES = ["beheerder", "contractmanager", "toegang", "aanbieder", "controller"] as const;
export type Role = (typeof ROLES)[number];

/** The role's name, as lists, exports and the command line show it. */
export const roleLabel: Record<Role, string> = {
  beheerder: "Beheerder",
  contractmanager: "Contractmanager",
  toegang: "Toegang",
  aanbieder: "Aanbieder",
  controller: "Controller",
};

/** The role's name with what it is, where a person meets it first (the signed-in user, the account form). */
export const roleTitle: Record<Role, string> = { ...roleLabel, toegang: "Toegang (consulent)" };
