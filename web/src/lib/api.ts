import { useEffect, useState } from "react";
import type { BodyOf, ParamsOf, QueryOf, ResponseOf } from "../../../src/contract/route.ts";
import type { RouteKey, RoutesByKey } from "../../../src/contract/routes.ts";
import type { ProblemDocument } from "./types.ts";

export const API = "/api/v1";

/** An answer from the API that is not 2xx, with its problem+json (or a stand-in when the body is not one). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDocument,
  ) {
    super(problem.title);
    this.name = "ApiError";
  }
}

let csrfToken: string | null = null;
/** The session's CSRF token: sent as x-csrf-token with every state-changing request except sign-in. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function problemOf(res: Response): Promise<ProblemDocument> {
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const body = (await res.json()) as Partial<ProblemDocument>;
      if (body && typeof body.title === "string") return { ...body, title: body.title, status: body.status ?? res.status };
    } catch {
      // not JSON after all: fall through to the generic text
    }
  }
  const generic: Record<number, string> = {
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    429: "Te veel verzoeken",
  };
  return {
    title: generic[res.status] ?? (res.status >= 500 ? "Er ging iets mis bij de server" : "Verzoek mislukt"),
    status: res.status,
    detail: res.status >= 500 ? "Probeer het later opnieuw." : `De server antwoordde met status ${res.status}.`,
  };
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** a file as the raw request body, with its content type (instead of JSON `body`) */
  raw?: { body: Blob; type: string };
  signal?: AbortSignal;
  /** sign-in has no session yet, so no CSRF token */
  csrf?: boolean;
}

/** Sends a request; resolves with a 2xx response, rejects with ApiError for 4xx/5xx or no connection. */
async function send(path: string, opts: RequestOptions, accept: string): Promise<Response> {
  const method = opts.method ?? "GET";
  const headers: Record<string, string> = { accept: `${accept}, application/problem+json` };
  if (opts.raw) headers["content-type"] = opts.raw.type;
  else if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && opts.csrf !== false && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(API + path, {
      method,
      headers,
      credentials: "same-origin",
      body: opts.raw ? opts.raw.body : opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, { title: "Geen verbinding met Kader", status: 0, detail: "Controleer de verbinding en probeer het opnieuw." });
  }
  if (!res.ok) throw new ApiError(res.status, await problemOf(res));
  return res;
}

/** Calls the API; resolves with the JSON body (undefined for 204), rejects with ApiError for 4xx/5xx. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts, "application/json");
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * Calls the API for a file (e.g. a workbook a POST computes) and hands it to the browser as a download, under the
 * name the server gives (content-disposition) or `fallbackName`. Resolves with the name; rejects like `request`.
 */
export async function download(path: string, opts: RequestOptions & { accept: string; fallbackName: string }): Promise<string> {
  const res = await send(path, opts, opts.accept);
  const name = /filename="?([^";]+)"?/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? opts.fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // the browser has taken the file once the click is handled; the object URL is freed a little later
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

// Public catalogue data changes rarely: GET answers are kept for the session (and shared while in flight).
const cache = new Map<string, Promise<unknown>>();

export function getCached<T>(path: string): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = request<T>(path);
    cache.set(path, p);
    p.catch(() => cache.delete(path));
  }
  return p;
}

/** `previous`: the last answer while the next one loads, so a result table can stay in place (marked busy). */
export type Loadable<T> = { state: "loading"; previous?: T } | { state: "error"; error: ApiError } | { state: "ok"; data: T };

/** Any failure as an ApiError (a network or script error gets a stand-in problem). */
export const toApiError = (e: unknown) =>
  e instanceof ApiError ? e : new ApiError(0, { title: "Onverwachte fout", status: 0, detail: e instanceof Error ? e.message : String(e) });

/**
 * Loads a GET path (null: nothing to load) and re-loads when it changes, or when `reload` changes (after a change
 * the page made itself; the last answer stays shown meanwhile); stale answers are ignored.
 */
export function useApi<T>(path: string | null, opts: { cached?: boolean; reload?: number } = {}): Loadable<T> {
  const [result, setResult] = useState<{ path: string | null; value: Loadable<T> }>({ path: null, value: { state: "loading" } });
  const cached = opts.cached ?? true;
  const reload = opts.reload ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` only triggers loading again
  useEffect(() => {
    if (path === null) return;
    let live = true;
    const ctrl = new AbortController();
    (cached ? getCached<T>(path) : request<T>(path, { signal: ctrl.signal })).then(
      (data) => live && setResult({ path, value: { state: "ok", data } }),
      (e: unknown) => {
        if (live && (e as Error).name !== "AbortError") setResult({ path, value: { state: "error", error: toApiError(e) } });
      },
    );
    return () => {
      live = false;
      ctrl.abort();
    };
  }, [path, cached, reload]);
  if (result.path === path) return result.value;
  return result.value.state === "ok" ? { state: "loading", previous: result.value.data } : { state: "loading" };
}

/** Builds a query string from the parameters that are set. */
export function qs(params: Record<string, string | number | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}

/** The access log's filters (GET /access-log, src/contract/auth.ts), as a URL carries them: text. */
type AccessLogFilter = Exclude<keyof QueryOf<RoutesByKey["GET /api/v1/access-log"]>, "limit" | "offset" | "format" | "gemeente">;
export type AccessLogParams = Partial<Record<AccessLogFilter, string>>;

/** The path of the access log with its filters, as JSON or as an export (csv, xlsx). */
export function accessLogPath(p: AccessLogParams, format: "json" | "csv" | "xlsx" = "json", limit?: number): string {
  return `/access-log${qs({ client: p.client, gebruiker: p.gebruiker, van: p.van, tot: p.tot, resource: p.resource, toegestaan: p.toegestaan, format: format === "json" ? null : format, limit })}`;
}

/** Lifts the lock of an account after too many failed sign-ins (beheerder). */
export function unlockAccount(username: string): Promise<Answer<"POST /api/v1/users/:username/unlock">> {
  return call("POST /api/v1/users/:username/unlock", { params: { username } });
}

// ---------------------------------------------------------------------------------------------- the typed client

/**
 * The typed client over the contract (src/contract/routes.ts, types only): a route is named "METHOD /path" as in the
 * table, its parameters, query, body and answer are the contract's types. Nothing here is copied by hand.
 */
export type { RouteKey } from "../../../src/contract/routes.ts";
type Spec<K extends RouteKey> = RoutesByKey[K];
export type Answer<K extends RouteKey> = ResponseOf<Spec<K>>;
export interface CallArgs<K extends RouteKey> {
  params?: ParamsOf<Spec<K>>;
  query?: QueryOf<Spec<K>>;
  body?: BodyOf<Spec<K>>;
  raw?: { body: Blob; type: string };
  signal?: AbortSignal;
}

/** The request path of a route (without /api/v1): its `:params` filled in (encoded), its query appended. */
export function routePath<K extends RouteKey>(key: K, params?: ParamsOf<Spec<K>>, query?: QueryOf<Spec<K>>): string {
  const k = String(key);
  const pattern = k.slice(k.indexOf(" ") + 1).replace(/^\/api\/v1/, "");
  const filled = pattern.replace(/:([A-Za-z_]\w*)/g, (_: string, name: string) => {
    const v = (params as Record<string, unknown> | undefined)?.[name];
    if (v === undefined || v === null) throw new Error(`parameter ${name} ontbreekt voor ${k}`);
    return encodeURIComponent(String(v));
  });
  return filled + (query ? qs(query as Record<string, string | number | null | undefined>) : "");
}

/** Calls a route of the contract; resolves with its typed answer, rejects with ApiError. */
export function call<K extends RouteKey>(key: K, args: CallArgs<K> = {}): Promise<Answer<K>> {
  const method = String(key).slice(0, String(key).indexOf(" ")) as NonNullable<RequestOptions["method"]>;
  return request<Answer<K>>(routePath(key, args.params, args.query), {
    method,
    ...(args.body !== undefined ? { body: args.body } : {}),
    ...(args.raw ? { raw: args.raw } : {}),
    ...(args.signal ? { signal: args.signal } : {}),
  });
}

/** Loads a GET route of the contract (null: nothing to load yet), typed by the contract; see useApi. */
export function useRoute<K extends RouteKey>(
  key: K,
  args: { params?: ParamsOf<Spec<K>>; query?: QueryOf<Spec<K>> } | null,
  opts: { cached?: boolean; reload?: number } = {},
): Loadable<Answer<K>> {
  return useApi<Answer<K>>(args === null ? null : routePath(key, args.params, args.query), opts);
}
