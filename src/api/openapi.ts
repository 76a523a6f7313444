import { z } from "zod";
import { NewUser } from "../app/auth.ts";
import { ProductSearchParams } from "../app/catalogue.ts";
import { carePaths } from "./routes/care.ts";
import { conversionPaths } from "./routes/conversion.ts";
import { messagePaths } from "./routes/messages.ts";
import { qualityPaths } from "./routes/quality.ts";
import { ProblemDocument } from "../contract/problem.ts";
import type { RouteSpec } from "../contract/route.ts";
import { routes } from "../contract/routes.ts";

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
          instance: { type: "string", description: "het pad van het verzoek (nooit de query string)" },
          correlationId: { type: "string", description: "bij een interne fout (500): de code waarmee de fout in het log staat; meld die aan de beheerder" },
          problems: {
            type: "array",
            description: "elke fout met haar plaats; hoogstens 1000",
            items: {
              type: "object",
              properties: {
                code: { type: "string" },
                title: { type: "string" },
                detail: { type: "string" },
                path: { type: "string", description: "veldpad of parameter" },
                file: { type: "string" },
                line: { type: "integer" },
                retourcode: { type: "string" },
              },
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
const agb = { name: "agb", in: "path", required: true, schema: { type: "string", pattern: "^[0-9]{8}$" } };
const json = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });

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

/** The hand-written operations of routes not yet in the contract, with the contract's operations laid over them. */
function merge(legacy: Record<string, Record<string, object>>, contract: Record<string, Record<string, object>>) {
  const out: Record<string, Record<string, object>> = { ...legacy };
  for (const [p, ops] of Object.entries(contract)) out[p] = { ...(out[p] ?? {}), ...ops };
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
    paths: merge(legacyPaths(), contractPaths()),
  };
  return cached;
}

function legacyPaths(): Record<string, Record<string, object>> {
  return {
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
        requestBody: {
          content: {
            "application/json": {
              schema: { type: "object", required: ["username", "password"], properties: { username: { type: "string" }, password: { type: "string" } } },
            },
          },
        },
        responses: { 200: json("{ user, csrfToken }"), 401: problem, 413: problem, 429: problem },
      },
    },
    "/api/v1/auth/me": {
      get: {
        summary: "De aangemelde gebruiker en het CSRF-token",
        security: [{ session: [] }],
        responses: { 200: json("{ user, csrfToken }"), 401: problem },
      },
    },
    "/api/v1/auth/logout": {
      post: { summary: "Afmelden (header x-csrf-token)", security: [{ session: [] }], responses: { 204: { description: "afgemeld" }, 403: problem } },
    },
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
      post: {
        summary: "Account uitschakelen (beheerder)",
        security: [{ session: [] }],
        parameters: [username],
        responses: { 200: json("account"), 401: problem, 403: problem, 404: problem },
      },
    },
    "/api/v1/users/{username}/reset-password": {
      post: {
        summary: "Nieuw wachtwoord (beheerder)",
        security: [{ session: [] }],
        parameters: [username],
        responses: { 200: json("account"), 400: problem, 401: problem, 403: problem, 404: problem },
      },
    },
    "/api/v1/access-log": {
      get: {
        summary:
          "Toegangslog persoonsgegevens (NEN 7513; beheerder: alles; controller: eigen gemeente): wie, rol, wat, wiens gegevens (cliëntnummers, records, of selectie en aantal), wanneer, waarom; filters client, gebruiker, van/tot, resource, toegestaan; &format=csv of xlsx voor een export. Het inzien wordt zelf gelogd.",
        security: [{ session: [] }],
        parameters: [
          {
            name: "client",
            in: "query",
            schema: { type: "integer", minimum: 1 },
            description: "alleen toegang tot deze cliënt (Kaders cliëntnummer, nooit een BSN)",
          },
          { name: "gebruiker", in: "query", schema: { type: "string", maxLength: 64 }, description: "alleen toegang door deze gebruikersnaam" },
          { name: "van", in: "query", schema: { type: "string", format: "date" }, description: "vanaf deze datum (Nederlandse tijd)" },
          { name: "tot", in: "query", schema: { type: "string", format: "date" }, description: "tot en met deze datum" },
          {
            name: "resource",
            in: "query",
            schema: { type: "string" },
            description:
              "soort gegeven, zoals in het beleid (src/domain/auth/policy.ts): client, beschikking, toewijzing, declaratie, bericht, conversie, provider, compliance, zelfevaluatie, user, access-log",
          },
          { name: "toegestaan", in: "query", schema: { type: "string", enum: ["ja", "nee"] } },
          {
            name: "gemeente",
            in: "query",
            schema: { type: "string", pattern: "^[0-9]{4}$" },
            description: "beheerder: één gemeente (een controller ziet altijd de eigen)",
          },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 10000 }, description: "standaard 100 (JSON) of 10000 (export)" },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0 } },
          { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv", "xlsx"] } },
        ],
        responses: {
          200: json(
            "{ items: [{ id, at, username, role, tenantKind, tenantCode, resource, action, gemeentecode, agbCode, endpoint, purpose, allowed, reason, subject: { clientIds, records, filter?, count? } | null }], limit, offset }",
          ),
          400: problem,
          401: problem,
          403: problem,
        },
      },
    },
    "/api/v1/aanmeldpogingen": {
      get: {
        summary:
          "Aanmeldpogingen (beheerder): wie, vanaf welk adres, wanneer, uitkomst; en de accounts die nu geblokkeerd zijn (docs/decisions.md, Sign-in limits)",
        security: [{ session: [] }],
        parameters: [
          { name: "gebruiker", in: "query", schema: { type: "string", maxLength: 200 } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000 } },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0 } },
        ],
        responses: {
          200: json("{ items: [{ id, username, address, at, outcome, by, label }], geblokkeerd: [{ username, since }], limit, offset }"),
          400: problem,
          401: problem,
          403: problem,
        },
      },
    },
    "/api/v1/users/{username}/unlock": {
      post: {
        summary: "Blokkade na te veel mislukte aanmeldingen opheffen (beheerder)",
        security: [{ session: [] }],
        parameters: [username],
        responses: { 200: json("{ username, wasLocked }"), 401: problem, 403: problem, 404: problem },
      },
    },
    "/api/v1/aanbieders": {
      get: {
        summary: "Aanbieders met hun oordelen (contractmanager: eigen gemeente; aanbieder: eigen organisatie)",
        security: [{ session: [] }],
        responses: { 200: json("{ items }"), 401: problem, 403: problem },
      },
    },
    "/api/v1/aanbieders/{agb}": {
      get: {
        summary: "Aanbieder, medewerkers en signalen",
        security: [{ session: [] }],
        parameters: [agb],
        responses: { 200: json("{ provider, staff, signalen }"), 401: problem, 403: problem, 404: problem },
      },
    },
    "/api/v1/aanbieders/{agb}/medewerkers": {
      post: {
        summary: "Personeelsbestand importeren (body: CSV of XLSX; ?bestand=naam; een bestand met fouten importeert niets)",
        security: [{ session: [] }],
        parameters: [
          agb,
          { name: "bestand", in: "query", required: true, schema: { type: "string" } },
          { name: "naam", in: "query", schema: { type: "string" } },
        ],
        requestBody: {
          content: {
            "text/csv": { schema: { type: "string" } },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
          },
        },
        responses: { 200: json("bijgewerkt"), 201: json("aangemaakt"), 400: problem, 401: problem, 403: problem },
      },
    },
    "/api/v1/aanbieders/{agb}/bewijs": {
      put: {
        summary: "Bewijsstukken van de organisatie",
        security: [{ session: [] }],
        parameters: [agb],
        responses: { 200: json("aanbieder"), 400: problem, 403: problem },
      },
    },
    "/api/v1/aanbieders/{agb}/contracten": {
      put: {
        summary: "Contracten van de eigen gemeente",
        security: [{ session: [] }],
        parameters: [agb],
        responses: { 200: json("aanbieder"), 400: problem, 403: problem },
      },
    },
    "/api/v1/aanbieders/{agb}/compliance": {
      get: {
        summary: "Toets per product: voldoet / voldoet-niet / onbekend met redenen (docs/formats.md); &format=xlsx voor Excel",
        security: [{ session: [] }],
        parameters: [
          agb,
          { name: "peildatum", in: "query", schema: { type: "string", format: "date" } },
          { name: "productenboek", in: "query", schema: { type: "string" } },
          { name: "format", in: "query", schema: { type: "string", enum: ["json", "xlsx"] } },
        ],
        responses: { 200: json("rapport"), 400: problem, 401: problem, 403: problem, 404: problem },
      },
    },
    "/api/v1/compliance/signalen": {
      get: {
        summary: "Bewijs dat binnen N dagen verloopt",
        security: [{ session: [] }],
        parameters: [{ name: "dagen", in: "query", schema: { type: "integer" } }],
        responses: { 200: json("{ items }"), 400: problem, 401: problem, 403: problem },
      },
    },
    "/api/v1/tarieven/bereken": {
      post: { summary: "Tarief van één product met elke stap (docs/tariefmodel.md)", responses: { 200: json("resultaat"), 400: problem, 404: problem } },
    },
    "/api/v1/tarieven/productenboeken/{id}": {
      post: {
        summary: "Tarieven van een productenboek; ?format=xlsx voor de rekenende werkmap",
        parameters: [id],
        responses: { 200: json("{ results }"), 400: problem, 404: problem },
      },
    },
    "/api/v1/tarieven/productenboeken/{id}/scenario": {
      post: { summary: "Twee parametersets vergeleken", parameters: [id], responses: { 200: json("{ rows }"), 400: problem } },
    },
    "/api/v1/tarieven/productenboeken/{id}/gevoeligheid": {
      post: { summary: "Effect van +1 punt ziekte, overhead en HBO-aandeel", parameters: [id], responses: { 200: json("{ variants }"), 400: problem } },
    },
    "/api/v1/tarieven/contracten": {
      post: {
        summary: "Contracttarieven naast de modeltarieven (contractmanager)",
        security: [{ session: [] }],
        responses: { 200: json("{ items }"), 400: problem, 401: problem, 403: problem },
      },
    },
    ...qualityPaths(problem, json, queryParameters),
    ...carePaths(problem, json, queryParameters),
    ...messagePaths(problem, json, queryParameters),
    ...conversionPaths(problem, json, queryParameters),
    "/api/v1/export": {
      get: {
        summary: "Export (kader.productenboek/v1 als JSON, of CSV/XLSX met één rij per product)",
        parameters: [{ name: "format", in: "query", schema: { type: "string", enum: ["json", "csv", "xlsx"] } }, asOf],
        responses: { 200: json("Export"), 400: problem },
      },
    },
  };
}
