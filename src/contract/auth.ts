import type { RouteSpec } from "./route.ts";

/** The auth routes of the API: request and response schemas, each schema and its type under one name. */
export const authRoutes = {} as const satisfies Record<string, RouteSpec>;
