import type { RouteSpec } from "./route.ts";

/** The messages routes of the API: request and response schemas, each schema and its type under one name. */
export const messagesRoutes = {} as const satisfies Record<string, RouteSpec>;
