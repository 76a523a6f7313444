import type { Finding } from "../domain/codes/finding.ts";

/**
 * One failure found in a message or a file: what `kader berichten valideer --json` prints (exactly these five fields,
 * test/messages/cli.test.ts), and what a retour message is made of. It is the one Finding
 * (src/domain/codes/finding.ts) as the reader produces it — always severity "fout", `rule` is its `code` — with the
 * line as null (not absent) when it is about the file as a whole; `findingOf` gives it as a Finding. The reader adds
 * no fields per failure: building these is the hot path of validation (bench/messages.mjs).
 *
 * `rule` is "XSD" for a schema failure (retourcode 0001), "OP192" for file hygiene, or the standard's own rule code
 * (CS340, TR416, CD060…) for an in-message rule; `path` the element path without namespace prefixes, 1-based index on
 * repeating elements (Bericht/Client/Contactgegevens/Contact[2]/Soort), "" for the file; `message` Dutch, for the
 * person who has to fix it.
 */
export type Failure = Readonly<
  Required<Pick<Finding, "retourcode" | "path">> &
    Pick<Finding, "message"> & {
      rule: string;
      /** Line in the file (1-based) where the element starts; null when the failure is about the file as a whole. */
      line: number | null;
    }
>;

/** A failure as the one Finding: severity "fout", the rule as its code, the place where one is known. */
export const findingOf = (f: Failure): Finding & { severity: "fout"; retourcode: string } => ({
  severity: "fout",
  code: f.rule,
  retourcode: f.retourcode,
  ...(f.path ? { path: f.path } : {}),
  ...(f.line !== null ? { line: f.line } : {}),
  message: f.message,
});

export const XSD_RETOURCODE = "0001";
