import type { RouteSpec } from "./route.ts";

/** The care routes of the API: request and response schemas, each schema and its type under one name. */
export const careRoutes = {} as const satisfies Record<string, RouteSpec>;
