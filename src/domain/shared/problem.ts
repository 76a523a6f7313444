/**
 * One error shape for the whole application: API, CLI and screens render the same object.
 * `code` is stable and machine-readable; `title` and `detail` are Dutch for users; `path` says where.
 */
export interface Problem {
  code: ProblemCode;
  title: string;
  detail: string;
  /** where: a file and line, a field path, a query parameter */
  file?: string;
  line?: number;
  path?: string;
  /** iStandaarden retourcode, where one applies */
  retourcode?: string;
}

export type ProblemCode =
  | "invalid-input"
  | "invalid-parameter"
  | "not-found"
  | "duplicate-key"
  | "inconsistent-data"
  | "unsupported"
  | "unauthorized"
  | "forbidden"
  | "too-many-requests"
  /** a limit on attempts or requests was reached (sign-in attempts, uploads per minute): 429, try again later */
  | "rate-limited"
  | "payload-too-large"
  | "internal";

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems });

/** The one place a problem code maps to an HTTP status. */
export const httpStatusOf: Record<ProblemCode, number> = {
  "invalid-input": 400,
  "invalid-parameter": 400,
  "not-found": 404,
  "duplicate-key": 409,
  "inconsistent-data": 422,
  unsupported: 415,
  unauthorized: 401,
  forbidden: 403,
  "too-many-requests": 429,
  "rate-limited": 429,
  "payload-too-large": 413,
  internal: 500,
};

/** "bestand.yaml:12 products[3].unit.code: ..." — for terminals and logs. */
export function formatProblem(p: Problem): string {
  const where = [p.file ? `${p.file}${p.line ? `:${p.line}` : ""}` : null, p.path ?? null].filter(Boolean).join(" ");
  return `${where ? `${where}: ` : ""}${p.title}${p.detail && p.detail !== p.title ? ` — ${p.detail}` : ""}`;
}
