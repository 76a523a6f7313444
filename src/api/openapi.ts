import { z } from "zod";
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
