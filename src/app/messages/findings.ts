import { findingOf } from "../../messages/failure.ts";
import type { validateMessage } from "../../messages/index.ts";
import type { Melding } from "../messages-ports.ts";
import type { MessageFinding, PlainOutcome } from "./types.ts";

/** A melding: retourcode, pad and tekst as stored and answered, with the one Finding's fields beside them. */
export function melding(retourcode: string, path: string, text: string): Melding {
  return {
    retourcode,
    pad: path,
    tekst: text,
    severity: retourcode === "0200" || retourcode === "" ? "melding" : "fout",
    code: retourcode || "melding",
    ...(path ? { path } : {}),
    message: text,
  };
}

/** A melding as a finding of the outcome. */
const findingOfMelding = (m: Melding): MessageFinding => ({
  severity: m.severity,
  code: m.code,
  ...(m.retourcode ? { retourcode: m.retourcode } : {}),
  ...(m.pad ? { path: m.pad } : {}),
  message: m.tekst,
});

/**
 * The findings of an outcome: a message rejected for its content (or unreadable) is explained by every failure the
 * reader found, not only the first; a 9056 by its melding and those failures; otherwise the meldingen (and, for a
 * message whose answer is handed over again, the failures as well).
 */
export function findingsOf(read: ReturnType<typeof validateMessage>, r: PlainOutcome): MessageFinding[] {
  const failures = read.failures.map(findingOf);
  if (r.eerder) return [...r.meldingen.map(findingOfMelding), ...failures];
  if (failures.length && (r.status === "afgekeurd" || r.status === "onleesbaar")) return failures;
  return [...r.meldingen.map(findingOfMelding), ...(r.status === "herhaald" ? failures : [])];
}
