import type { RouteSpec } from "./route.ts";

/** The quality routes of the API: request and response schemas, each schema and its type under one name. */
export const qualityRoutes = {} as const satisfies Record<string, RouteSpec>;
