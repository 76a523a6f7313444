/**
 * The shapes the Kader API answers with (/api/v1). The web application talks to the API only, so these mirror
 * the JSON, not the server's TypeScript; see docs/productenboek-format.md and /api/v1/openapi.json.
 */

export * from "./catalogue-types.ts";
export * from "./auth-types.ts";
export * from "./compliance-types.ts";
export * from "./tariff-types.ts";
