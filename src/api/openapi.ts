import { z } from "zod";
import { ProblemDocument } from "../contract/problem.ts";
import type { RouteSpec } from "../contract/route.ts";
import { routes } from "../contract/routes.ts";

function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties: Record<string, object>; required?: string[] };
  return Object.entries(json.properties).map(([name, s]) => ({ name, in: "query", required: json.required?.includes(name) ?? false, schema: s }));
}

const jsonSchema = (schema: z.ZodType, io: "input" | "output") => z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;

/** The OpenAPI operations of the contract's routes (src/contract/routes.ts): parameters, body and answers from the schemas. */
export function contractPaths(all: Record<string, RouteSpec> = routes): Record<string, Record<string, object>> {
  const problemResponse = {
    description: "Fout (application/problem+json)",
    content: { "application/problem+json": { schema: jsonSchema(ProblemDocument, "output") } },
  };
  const out: Record<string, Record<string, object>> = {};
  for (const [name, r] of Object.entries(all)) {
    const path = r.path.replace(/:([A-Za-z_]\w*)/g, "{$1}");
    const pathParams = r.params
      ? Object.entries((jsonSchema(r.params, "input") as { properties: Record<string, object> }).properties).map(([n, schema]) => ({
          name: n,
          in: "path",
          required: true,
          schema,
        }))
      : [...r.path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const parameters = [...pathParams, ...(r.query ? queryParameters(r.query) : [])];
    const ok: Record<string, unknown> = {};
    if (r.response) ok["application/json"] = { schema: jsonSchema(r.response, "output") };
    for (const type of r.files ?? []) ok[type] = { schema: { type: "string", format: "binary" } };
    const status = r.status ?? 200;
    const responses: Record<string, object> = {
      [status]: status === 204 || Object.keys(ok).length === 0 ? { description: r.summary } : { description: r.summary, content: ok },
    };
    for (const e of r.errors) responses[e] = problemResponse;
    const requestBody = r.rawBody
      ? { required: true, content: Object.fromEntries(r.rawBody.map((t) => [t, { schema: { type: "string", format: "binary" } }])) }
      : r.body
        ? { required: true, content: { "application/json": { schema: jsonSchema(r.body, "input") } } }
        : undefined;
    out[path] ??= {};
    out[path]![r.method.toLowerCase()] = {
      operationId: name,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      ...(r.access.kind === "public" ? {} : { security: [{ session: [] }] }),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
      "x-kader-access": r.access,
    };
  }
  return out;
}

let cached: object | null = null;

/** OpenAPI 3.1 description of the API, served at /api/v1/openapi.json. */
export function openApiDocument(): object {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Kader API",
      version: "1.0.0",
      description: "Productenboeken (Wmo 2015, Jeugdwet) als controleerbare data. Catalogusgegevens zijn openbaar.",
    },
    servers: [{ url: "/" }],
    components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "kader_session" } } },
    paths: contractPaths(),
  };
  return cached;
}
