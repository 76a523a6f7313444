import type { z } from "zod";
import type { Action, Resource } from "../domain/codes/access.ts";

/**
 * Who may call a route at all, known from the route alone and checked before a byte of the body is read
 * (src/api/auth.ts). `public`: anyone; `signed-in`: any account; `policy`: the resource and action the route's use case
 * asks the policy for. The tenant scope (whose record) is checked by the use case once the record is known.
 */
export type RouteAccess = { kind: "public" } | { kind: "signed-in" } | { kind: "policy"; resource: Resource; action: Action };

export const PUBLIC = { kind: "public" } as const satisfies RouteAccess;
export const SIGNED_IN = { kind: "signed-in" } as const satisfies RouteAccess;
export const may = <R extends Resource, A extends Action>(resource: R, action: A) => ({ kind: "policy", resource, action }) as const;

export type Method = "GET" | "POST" | "PUT" | "DELETE";

/**
 * One route of the API, the single description that the server (src/api/route.ts), the OpenAPI document
 * (src/api/openapi.ts) and the web app's typed client (web/src/lib/api.ts) are made from.
 */
export interface RouteSpec {
  method: Method;
  /** the full path as Fastify registers it, with `:param` */
  path: string;
  /** one line, Dutch, for the OpenAPI document */
  summary: string;
  description?: string;
  /** path parameters (strings in, coerced by the schema) */
  params?: z.ZodObject;
  /** query parameters (strict: an unknown parameter is a problem); parsed by the wrapper unless `queryParsedBy: "use-case"` */
  query?: z.ZodObject;
  /** "use-case": the use case parses the query itself, with its own problem texts (the schema still types the client) */
  queryParsedBy?: "wrapper" | "use-case";
  /** a JSON body; parsed by the wrapper unless `bodyParsedBy: "use-case"` (the use case authorises before it parses) */
  body?: z.ZodType;
  bodyParsedBy?: "wrapper" | "use-case";
  /** a raw body instead of JSON: its content types (text/csv, application/xml, an XLSX) */
  rawBody?: readonly string[];
  /** the status of a successful answer (default 200) */
  status?: 200 | 201 | 202 | 204;
  /** the JSON answer; null when there is none (204) or only a file */
  response: z.ZodType | null;
  /** other representations of the answer (a CSV or XLSX export, an XML message), by content type */
  files?: readonly string[];
  /** problem statuses the route can answer, for the OpenAPI document */
  errors: readonly number[];
  access: RouteAccess;
  /** why the data is read or written, as the access log says it */
  purpose?: string;
}

/** Keeps a route's literal types (path, method, schemas) so clients can be typed from it. */
export const route = <const S extends RouteSpec>(spec: S): S => spec;

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
type In<T> = T extends z.ZodType ? z.input<T> : undefined;

/** What a client sends and receives for a route: the types of the contract, nothing copied by hand. */
export type ResponseOf<S extends RouteSpec> = S["response"] extends z.ZodType ? z.output<S["response"]> : undefined;
export type BodyOf<S extends RouteSpec> = In<S["body"]>;
export type QueryOf<S extends RouteSpec> = In<S["query"]>;
export type ParamsOf<S extends RouteSpec> = In<S["params"]>;
/** What the server's handler receives: parsed and coerced. */
export type ParsedQuery<S extends RouteSpec> = S["queryParsedBy"] extends "use-case" ? unknown : Out<S["query"]>;
export type ParsedParams<S extends RouteSpec> = Out<S["params"]>;
export type ParsedBody<S extends RouteSpec> = S["bodyParsedBy"] extends "use-case" ? unknown : Out<S["body"]>;
