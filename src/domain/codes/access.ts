/**
 * What the policy speaks about: the resources of personal and system data and the two actions. Defined once here;
 * the policy (src/domain/auth/policy.ts) gives the grants, the contract's route table names one per route.
 * Resources of later capabilities are listed already, so the policy (and its property test) is complete.
 */
export const RESOURCES = [
  "catalogue",
  "user",
  "access-log",
  "client",
  "beschikking",
  "toewijzing",
  "declaratie",
  "provider",
  "compliance",
  "programma-van-eisen",
  "zelfevaluatie",
  "bericht",
  "conversie",
] as const;
export type Resource = (typeof RESOURCES)[number];
export const ACTIONS = ["read", "write"] as const;
export type Action = (typeof ACTIONS)[number];
