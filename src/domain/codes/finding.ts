import { z } from "zod";

/**
 * One finding: something a check found in a message, a declaratie, a proposed beschikking, a provider's staff or a
 * product's rules. The five checks of Kader (message rules, declaratie checks, grant checks, compliance rules, the
 * rule interpreter) all answer in this shape; a check may add its own fields (the product a grant finding is about),
 * never rename these.
 *
 * severity, in the words the users of each check know:
 * - fout: the thing is wrong and is refused (a message rule, a grant check that refuses);
 * - afwijzing: a declared prestatie is refused (the declaratie check; iStandaarden "afgewezen");
 * - waarschuwing: it passes, but someone should look;
 * - oordeel: a point of professional judgement (the toegang decides, with a motivation);
 * - onbekend: a fact needed for the check is missing, so it could not be decided.
 */
export const SEVERITIES = ["fout", "afwijzing", "waarschuwing", "oordeel", "onbekend"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severityLabel: Record<Severity, string> = {
  fout: "fout",
  afwijzing: "afwijzing",
  waarschuwing: "waarschuwing",
  oordeel: "oordeel nodig",
  onbekend: "onbekend",
};

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
