import { authRoutes } from "./auth.ts";
import { careRoutes } from "./care.ts";
import { catalogueRoutes } from "./catalogue.ts";
import { complianceRoutes } from "./compliance.ts";
import { conversionRoutes } from "./conversion.ts";
import { messagesRoutes } from "./messages.ts";
import { qualityRoutes } from "./quality.ts";
import type { RouteSpec } from "./route.ts";
import { tariffsRoutes } from "./tariffs.ts";

/**
 * Every route of the API in one table: method, path, parameters, query, body, response, who may call it and why.
 * The server mounts these (src/api/route.ts), the OpenAPI document is generated from them (src/api/openapi.ts), and
 * the web app's client is typed by them (web/src/lib/api.ts, `import type` only).
 */
export const routes = {
  ...catalogueRoutes,
  ...tariffsRoutes,
  ...authRoutes,
  ...complianceRoutes,
  ...qualityRoutes,
  ...careRoutes,
  ...messagesRoutes,
  ...conversionRoutes,
} as const satisfies Record<string, RouteSpec>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

/** Routes by "METHOD /path" — how the web client names them (it imports types only, so the key carries the path). */
export type RoutesByKey = { [K in RouteName as `${Routes[K]["method"]} ${Routes[K]["path"]}`]: Routes[K] };
export type RouteKey = keyof RoutesByKey;

/** The contract route registered under a method and Fastify pattern, if any. */
export function routeAt(method: string, path: string): RouteSpec | undefined {
  return byKey().get(`${method} ${path}`);
}
let index: Map<string, RouteSpec> | null = null;
const byKey = () => {
  index ??= new Map(Object.values(routes as Record<string, RouteSpec>).map((r) => [`${r.method} ${r.path}`, r]));
  return index;
};
