/**
 * The stable, machine-readable codes of a problem (RFC 9457 problem+json `type` urn:kader:problem:<code>) and the one
 * place each maps to an HTTP status. The Problem shape itself is in src/domain/shared/problem.ts and, as a schema, in
 * src/contract/problem.ts.
 */
export const PROBLEM_CODES = [
  "invalid-input",
  "invalid-parameter",
  "not-found",
  "duplicate-key",
  "inconsistent-data",
  "unsupported",
  "unauthorized",
  "forbidden",
  "too-many-requests",
  /** a limit on attempts or requests was reached (sign-in attempts, uploads per minute): 429, try again later */
  "rate-limited",
  "payload-too-large",
  "internal",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

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
