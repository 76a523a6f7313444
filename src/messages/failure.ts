/**
 * One failure found in a message or a file: what `kader berichten valideer --json` prints, and what a retour message
 * is made of. `rule` is "XSD" for a schema failure (retourcode 0001), "OP192" for file hygiene, or the standard's own
 * rule code (CS340, TR416, CD060…) for an in-message rule.
 */
export interface Failure {
  readonly rule: string;
  readonly retourcode: string;
  /** Element path without namespace prefixes, 1-based index on repeating elements: Bericht/Client/Contactgegevens/Contact[2]/Soort */
  readonly path: string;
  /** Line in the file (1-based) where the element starts; null when the failure is about the file as a whole. */
  readonly line: number | null;
  /** Dutch, for the person who has to fix it. */
  readonly message: string;
}

export const XSD_RETOURCODE = "0001";
