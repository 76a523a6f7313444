import type { RouteSpec } from "./route.ts";

/** The conversion routes of the API: request and response schemas, each schema and its type under one name. */
export const conversionRoutes = {} as const satisfies Record<string, RouteSpec>;
