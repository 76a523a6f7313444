import type { RouteSpec } from "./route.ts";

/** The compliance routes of the API: request and response schemas, each schema and its type under one name. */
export const complianceRoutes = {} as const satisfies Record<string, RouteSpec>;
