import { z } from "zod";
import { NewUser } from "../app/auth.ts";
import { ProductSearchParams } from "../app/catalogue.ts";

const problem = {
  description: "Fout (application/problem+json)",
  content: {
    "application/problem+json": {
      schema: {
        type: "object",
        properties: {
          type: { type: "string" },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
          problems: {
            type: "array",
            items: {
              type: "object",
              properties: { code: { type: "string" }, title: { type: "string" }, detail: { type: "string" }, path: { type: "string" } },
            },
          },
        },
      },
    },
  },
};

function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties: Record<string, object>; required?: string[] };
  return Object.entries(json.properties).map(([name, s]) => ({ name, in: "query", required: json.required?.includes(name) ?? false, schema: s }));
}

const asOf = { name: "asOf", in: "query", required: false, schema: { type: "string", format: "date" }, description: "peildatum (standaard vandaag)" };
const id = { name: "id", in: "path", required: true, schema: { type: "string" } };
const username = { name: "username", in: "path", required: true, schema: { type: "string" } };
const json = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });

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
    paths: {
      "/api/v1/productenboeken": {
        get: { summary: "Productenboeken", parameters: [asOf], responses: { 200: json("Lijst van productenboeken"), 400: problem } },
      },
      "/api/v1/productenboeken/{id}": {
        get: { summary: "Eén productenboek met zijn producten", parameters: [id, asOf], responses: { 200: json("Productenboek"), 404: problem } },
      },
      "/api/v1/products": {
        get: {
          summary: "Producten zoeken (Nederlandse full-text q, filters, sortering, paginering)",
          parameters: queryParameters(ProductSearchParams),
          responses: { 200: json("{ items, total, limit, offset }"), 400: problem },
        },
      },
      "/api/v1/products/{id}": {
        get: { summary: "Productdetail met de eisen in het Nederlands", parameters: [id, asOf], responses: { 200: json("Product"), 404: problem } },
      },
      "/api/v1/products/{id}/versions": {
        get: { summary: "Alle versies van een product", parameters: [id], responses: { 200: json("Versies"), 404: problem } },
      },
      "/api/v1/compare": {
        get: {
          summary: "Producten naast elkaar, met de verschillen gemarkeerd",
          parameters: [
            { name: "ids", in: "query", schema: { type: "string" }, description: "2–10 product-id's, kommagescheiden" },
            { name: "code", in: "query", schema: { type: "string" }, description: "productcode, bv. 02A05" },
            { name: "kind", in: "query", schema: { type: "string" }, description: "soort product, bv. dagbesteding" },
            asOf,
          ],
          responses: { 200: json("{ products, rows: [{ aspect, label, values, differs }] }"), 400: problem, 404: problem },
        },
      },
      "/api/v1/auth/login": {
        post: {
          summary: "Aanmelden (zet een HttpOnly sessiecookie; geeft het CSRF-token)",
          requestBody: { content: { "application/json": { schema: { type: "object", required: ["username", "password"], properties: { username: { type: "string" }, password: { type: "string" } } } } } },
          responses: { 200: json("{ user, csrfToken }"), 401: problem, 413: problem, 429: problem },
        },
      },
      "/api/v1/auth/me": { get: { summary: "De aangemelde gebruiker en het CSRF-token", security: [{ session: [] }], responses: { 200: json("{ user, csrfToken }"), 401: problem } } },
      "/api/v1/auth/logout": { post: { summary: "Afmelden (header x-csrf-token)", security: [{ session: [] }], responses: { 204: { description: "afgemeld" }, 403: problem } } },
      "/api/v1/users": {
        get: { summary: "Accounts (beheerder)", security: [{ session: [] }], responses: { 200: json("{ items }"), 401: problem, 403: problem } },
        post: {
          summary: "Account aanmaken (beheerder; header x-csrf-token)",
          security: [{ session: [] }],
          requestBody: { content: { "application/json": { schema: z.toJSONSchema(NewUser, { io: "input", unrepresentable: "any" }) } } },
          responses: { 201: json("account"), 400: problem, 401: problem, 403: problem, 409: problem },
        },
      },
      "/api/v1/users/{username}/disable": {
        post: { summary: "Account uitschakelen (beheerder)", security: [{ session: [] }], parameters: [username], responses: { 200: json("account"), 401: problem, 403: problem, 404: problem } },
      },
      "/api/v1/users/{username}/reset-password": {
        post: { summary: "Nieuw wachtwoord (beheerder)", security: [{ session: [] }], parameters: [username], responses: { 200: json("account"), 400: problem, 401: problem, 403: problem, 404: problem } },
      },
      "/api/v1/access-log": {
        get: {
          summary: "Toegangslog persoonsgegevens (beheerder: alles; controller: eigen gemeente)",
          security: [{ session: [] }],
          parameters: [{ name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000 } }],
          responses: { 200: json("{ items }"), 401: problem, 403: problem },
        },
      },
      "/api/v1/export": {
        get: {
          summary: "Export (kader.productenboek/v1 als JSON, of CSV/XLSX met één rij per product)",
          parameters: [{ name: "format", in: "query", schema: { type: "string", enum: ["json", "csv", "xlsx"] } }, asOf],
          responses: { 200: json("Export"), 400: problem },
        },
      },
    },
  };
  return cached;
}
