/** Redaction of texts meant for a log: no BSN, AGB code or phone number, no SQL parameters. Pure. */

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Masks every run of 8 or more digits (a BSN, an AGB code, a phone number) in a text meant for a log. */
export const maskDigits = (s: string) => s.replace(/\d{8,}/g, (m) => "•".repeat(m.length));

/**
 * The redacted form of an error for a log: its class, code and message (digit runs masked, cut to 300 characters)
 * and the code locations of its stack. Never its other fields: a pg/PGlite error carries the query's `parameters`
 * (BSN, name, birth date) and a `detail` with the offending values.
 */
export function redactError(err: unknown): { class: string; code?: string; message: string; stack?: string[] } {
  const e = err as { name?: unknown; code?: unknown; message?: unknown; stack?: unknown; constructor?: { name?: string } } | null;
  const cls =
    (typeof e?.constructor?.name === "string" && e.constructor.name !== "Object" ? e.constructor.name : typeof e?.name === "string" ? e.name : typeof err) ||
    "Error";
  const message = maskDigits(cut(typeof e?.message === "string" ? e.message : String(err), 300));
  const stack =
    typeof e?.stack === "string"
      ? e.stack
          .split("\n")
          .filter((l) => /^\s+at /.test(l))
          .slice(0, 10)
          .map((l) => maskDigits(l.trim()))
      : undefined;
  return {
    class: cls,
    ...(typeof e?.code === "string" || typeof e?.code === "number" ? { code: String(e.code) } : {}),
    message,
    ...(stack?.length ? { stack } : {}),
  };
}
