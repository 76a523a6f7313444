/**
 * How serious a finding is (see ./finding.ts), in the words the users of each check know:
 * - fout: the thing is wrong and is refused (a message rule, a grant check that refuses);
 * - afwijzing: a declared prestatie is refused (the declaratie check; iStandaarden "afgewezen");
 * - waarschuwing: it passes, but someone should look;
 * - oordeel: a point of professional judgement (the toegang decides, with a motivation);
 * - onbekend: a fact needed for the check is missing, so it could not be decided;
 * - melding: a note that changes nothing (a processed message's aandachtspunt, retourcode 0200).
 * Zod-free, so the web app imports the labels as values.
 */
export const SEVERITIES = ["fout", "afwijzing", "waarschuwing", "oordeel", "onbekend", "melding"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severityLabel: Record<Severity, string> = {
  fout: "fout",
  afwijzing: "afwijzing",
  waarschuwing: "waarschuwing",
  oordeel: "oordeel nodig",
  onbekend: "onbekend",
  melding: "melding",
};
