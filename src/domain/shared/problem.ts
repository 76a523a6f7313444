import type { z } from "zod";
import type { ProblemCode } from "../codes/problem.ts";
import { explainZodIssue } from "./zod-dutch.ts";

export { httpStatusOf, type ProblemCode } from "../codes/problem.ts";

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

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems });

/** "bestand.yaml:12 products[3].unit.code: ..." — for terminals and logs. */
export function formatProblem(p: Problem): string {
  const where = [p.file ? `${p.file}${p.line ? `:${p.line}` : ""}` : null, p.path ?? null].filter(Boolean).join(" ");
  return `${where ? `${where}: ` : ""}${p.title}${p.detail && p.detail !== p.title ? ` — ${p.detail}` : ""}`;
}

// ---------------------------------------------------------------------------------------------- constructors

/**
 * The constructors every use case builds its problems with (instead of local `invalid`/`notFound`/`conflict`
 * helpers): each gives a stable code, a Dutch title and detail, and the place where one is known.
 */
export const problem = {
  /** every issue of a failed parse, each with its field path */
  fromZod(error: z.ZodError, title = "Ongeldige invoer", code: Extract<ProblemCode, "invalid-input" | "invalid-parameter"> = "invalid-input"): Problem[] {
    return error.issues.map((i) => ({ code, title, detail: explainZodIssue(i), path: i.path.map(String).join(".") }));
  },
  invalid(detail: string, path?: string, title = "Ongeldige invoer"): Problem {
    return { code: "invalid-input", title, detail, ...(path !== undefined ? { path } : {}) };
  },
  notFound(detail: string, path?: string, title = "Niet gevonden"): Problem {
    return { code: "not-found", title, detail, ...(path !== undefined ? { path } : {}) };
  },
  conflict(detail: string, path?: string, title = "Bestaat al"): Problem {
    return { code: "duplicate-key", title, detail, ...(path !== undefined ? { path } : {}) };
  },
  forbidden(detail: string, title = "Geen toegang"): Problem {
    return { code: "forbidden", title, detail };
  },
  inconsistent(detail: string, path?: string, title = "Niet mogelijk"): Problem {
    return { code: "inconsistent-data", title, detail, ...(path !== undefined ? { path } : {}) };
  },
};
