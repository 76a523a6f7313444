import type { RouteSpec } from "./route.ts";

/** The catalogue routes of the API: request and response schemas, each schema and its type under one name. */
export const catalogueRoutes = {} as const satisfies Record<string, RouteSpec>;
