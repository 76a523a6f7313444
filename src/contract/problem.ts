import { z } from "zod";
import { PROBLEM_CODES } from "../domain/codes/problem.ts";

export { Finding, SEVERITIES, type Severity, severityLabel } from "../domain/codes/finding.ts";

/** One problem of an answer (or of a file, a row, a field): stable code, Dutch title and detail, and where. */
export const ProblemItem = z.object({
  code: z.enum(PROBLEM_CODES),
  title: z.string(),
  detail: z.string(),
  /** veldpad of parameter */
  path: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().optional(),
  /** iStandaarden retourcode, where one applies */
  retourcode: z.string().optional(),
});
export type ProblemItem = z.output<typeof ProblemItem>;

/**
 * RFC 9457 problem+json, with every problem in `problems` (at most 1000); `title`/`detail` repeat the first for
 * clients that read only those. `instance` is the path of the request, never its query string.
 */
export const ProblemDocument = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  /** with an internal error (500): the code under which it is in the log; report it to the beheerder */
  correlationId: z.string().optional(),
  problems: z.array(ProblemItem),
});
export type ProblemDocument = z.output<typeof ProblemDocument>;
