import type { Signal } from "../../lib/types.ts";
import { Expiry } from "../Compliance.tsx";

/** The expiry signal (if any) about one piece of evidence of a subject (a staff member's name or the provider's). */
export const signalFor = (signalen: Signal[], subject: string, evidence: string) => signalen.find((s) => s.subject === subject && s.evidence === evidence);

/** "verloopt over … dagen" under a date, when there is a signal. */
export function ExpiryNote({ signal }: { signal: Signal | undefined }) {
  return signal ? (
    <>
      <br />
      <Expiry days={signal.daysLeft} />
    </>
  ) : null;
}
