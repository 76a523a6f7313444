import { z } from "zod";
import { SEVERITIES } from "./severity.ts";

export { SEVERITIES, type Severity, severityLabel } from "./severity.ts";

/**
 * One finding: something a check found in a message, a declaratie, a proposed beschikking, a provider's staff or a
 * product's rules. The five checks of Kader (message rules, declaratie checks, grant checks, compliance rules, the
 * rule interpreter) all answer in this shape; a check may add its own fields (the product a grant finding is about),
 * never rename these. Severity: see ./severity.ts.
 */
export const Finding = z.object({
  severity: z.enum(SEVERITIES),
  /** the rule: a rule code of the standard (CS340, TR416, CD060), "XSD", a productenboek rule code (PB-…), or an op of the rule language */
  code: z.string(),
  /** iStandaarden retourcode, where one applies */
  retourcode: z.string().optional(),
  /** where: an element path (Bericht/Client/…), a field path, a rule path (rules[1].readings[0]) */
  path: z.string().optional(),
  /** line (1-based) in the file or document */
  line: z.number().int().optional(),
  /** Dutch, for the person who has to act on it */
  message: z.string(),
  /** where the requirement comes from: the document's words, a source document, a message */
  source: z.string().optional(),
});
export type Finding = z.output<typeof Finding>;
