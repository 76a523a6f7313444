import type { RouteSpec } from "./route.ts";

/** The tariffs routes of the API: request and response schemas, each schema and its type under one name. */
export const tariffsRoutes = {} as const satisfies Record<string, RouteSpec>;
