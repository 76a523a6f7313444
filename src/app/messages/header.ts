/**
 * Header checks of a message that is new (its Identificatie unused, see repeat.ts): a technical failure anywhere in
 * it (0001, with every failure up to 100 as a melding) or a Dagtekening after today (8848, not for a retour). Such a
 * message is stored as afgekeurd and answered with a header-only retour (a 323 with a 325 header).
 */
import type { validateMessage } from "../../messages/index.ts";
import type { Melding } from "../messages-ports.ts";
import { melding } from "./findings.ts";
import type { Admitted } from "./intake.ts";

export function headerRejection(read: ReturnType<typeof validateMessage>, m: Admitted, today: string): { codes: string[]; meldingen: Melding[] } | null {
  if (read.failures.length)
    return {
      codes: ["0001"],
      meldingen: read.failures.slice(0, 100).map((f) => melding(f.retourcode, f.path, `${f.rule}${f.line !== null ? ` (regel ${f.line})` : ""}: ${f.message}`)),
    };
  if (!m.isRetour && m.h.dagtekening > today)
    return {
      codes: ["8848"],
      meldingen: [melding("8848", "Bericht/Header/BerichtIdentificatie/Dagtekening", `de dagtekening ${m.h.dagtekening} ligt na vandaag (${today})`)],
    };
  return null;
}
