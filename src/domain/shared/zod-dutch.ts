import type { z } from "zod";

/** A Dutch sentence for a zod issue. Custom messages written in Dutch in the schemas are passed on as they are. */
export function explainZodIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (!issue.message.startsWith("Invalid")) return issue.message; // a message the schema wrote itself (in Dutch)
      return issue.input === undefined
        ? `verplicht veld ontbreekt (verwacht ${dutchType(issue.expected)})`
        : `verwacht ${dutchType(issue.expected)}, gevonden ${describe(issue.input)}`;
    case "invalid_value":
      if (issue.input === undefined) return `verplicht veld ontbreekt; toegestaan: ${[...issue.values].map((v) => JSON.stringify(v)).sort().join(", ")}`;
      return `onbekende waarde ${describe(issue.input)}; toegestaan: ${[...issue.values].map((v) => JSON.stringify(v)).sort().join(", ")}`;
    case "unrecognized_keys":
      return `onbekend veld: ${issue.keys.join(", ")}`;
    case "invalid_union":
      return (issue as { note?: string }).note === "No matching discriminator"
        ? `onbekende soort ${describe(issue.input)}`
        : "past bij geen van de toegestane vormen";
    case "too_small":
      return issue.message.startsWith("Too small") || issue.message.startsWith("Invalid")
        ? `te klein: minimaal ${String(issue.minimum)}${issue.origin === "array" ? " elementen" : ""}`
        : issue.message;
    case "too_big":
      return issue.message.startsWith("Too big") ? `te groot: hoogstens ${String(issue.maximum)}` : issue.message;
    case "invalid_format":
      return issue.message.startsWith("Invalid") ? `ongeldig formaat (${issue.format})` : issue.message;
    default:
      return issue.message;
  }
}

function dutchType(t: string): string {
  return (
    { string: "tekst", number: "getal", boolean: "ja/nee (true/false)", array: "lijst", object: "object", null: "null" }[t] ?? t
  );
}

function describe(v: unknown): string {
  if (v === undefined) return "niets";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return "een lijst";
  if (typeof v === "object") return "een object";
  return String(v);
}
