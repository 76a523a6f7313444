import { z } from "zod";

/** At most this many characters of input are echoed in a message. */
export const MAX_ECHO = 60;

/** A short excerpt of input for a message: at most 60 characters, cut with an ellipsis. */
export function excerpt(s: string, max = MAX_ECHO): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** "a, b, c" for a short list; "a, …, j en 199.990 andere" for a long one (each name an excerpt). */
export function listCapped(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).map((k) => excerpt(k));
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} en ${rest.toLocaleString("nl-NL")} andere` : shown.join(", ");
}

/** zod's own (English) default messages; a message that is not one of these was written in the schema (in Dutch). */
const englishDefault = /^(Invalid|Too (small|big)|Unrecognized key|Expected|Required|Number must|String must|Array must)/;

/** A Dutch sentence for a zod issue. Custom messages written in Dutch in the schemas are passed on as they are. */
export function explainZodIssue(issue: z.core.$ZodIssue): string {
  if (issue.message && !englishDefault.test(issue.message) && issue.code !== "unrecognized_keys") return issue.message;
  return dutchIssue(issue as unknown as RawIssue);
}

/** The fields of a zod issue (raw, as zod's error map sees it, or final) that the Dutch text uses. */
interface RawIssue {
  code: string;
  input?: unknown;
  expected?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  origin?: string;
  format?: string;
  divisor?: unknown;
  note?: string;
  message?: string;
}

function dutchIssue(issue: RawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `verplicht veld ontbreekt (verwacht ${dutchType(issue.expected ?? "")})`
        : `verwacht ${dutchType(issue.expected ?? "")}, gevonden ${describe(issue.input)}`;
    case "invalid_value": {
      const allowed = [...(issue.values ?? [])].map((v) => JSON.stringify(v)).sort();
      const list = allowed.length > 20 ? `${allowed.slice(0, 20).join(", ")} en ${allowed.length - 20} andere` : allowed.join(", ");
      if (issue.input === undefined) return `verplicht veld ontbreekt; toegestaan: ${list}`;
      return `onbekende waarde ${describe(issue.input)}; toegestaan: ${list}`;
    }
    case "unrecognized_keys": {
      const keys = issue.keys ?? [];
      return `onbekend${keys.length > 1 ? "e velden" : " veld"}: ${listCapped(keys)}`;
    }
    case "invalid_union":
      return issue.note === "No matching discriminator" ? `onbekende soort ${describe(issue.input)}` : "past bij geen van de toegestane vormen";
    case "too_small":
      return issue.origin === "string"
        ? `te kort: minimaal ${String(issue.minimum)} teken${issue.minimum === 1 ? "" : "s"}`
        : `te klein: minimaal ${String(issue.minimum)}${issue.origin === "array" || issue.origin === "set" ? " elementen" : ""}`;
    case "too_big":
      return issue.origin === "string"
        ? `te lang: hoogstens ${String(issue.maximum)} tekens`
        : `te groot: hoogstens ${String(issue.maximum)}${issue.origin === "array" || issue.origin === "set" ? " elementen" : ""}`;
    case "invalid_format":
      return `ongeldig formaat (${issue.format ?? "onbekend"})`;
    case "not_multiple_of":
      return `moet een veelvoud zijn van ${String(issue.divisor)}`;
    case "invalid_key":
      return "ongeldige sleutel";
    case "invalid_element":
      return "ongeldig element";
    default:
      return "ongeldige waarde";
  }
}

/**
 * zod's error map in Dutch, for every schema that writes no message of its own: installed once by the composition
 * roots (the HTTP server), so code that reads `issue.message` directly gets Dutch too. It sees the input, so "a value
 * that is present but invalid" is said as such, never "verplicht veld ontbreekt".
 */
export function dutchZodError(issue: unknown): string {
  return dutchIssue(issue as RawIssue);
}

let installed = false;
export function installDutchZodMessages(): void {
  if (installed) return;
  z.config({ customError: (issue) => dutchZodError(issue) });
  installed = true;
}

function dutchType(t: string): string {
  return (
    {
      string: "tekst",
      number: "getal",
      int: "geheel getal",
      boolean: "ja/nee (true/false)",
      array: "lijst",
      object: "object",
      null: "null",
      date: "datum",
      bigint: "geheel getal",
    }[t] ?? t
  );
}

function describe(v: unknown): string {
  if (v === undefined) return "niets";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(excerpt(v));
  if (Array.isArray(v)) return "een lijst";
  if (typeof v === "object") return "een object";
  return excerpt(String(v));
}
