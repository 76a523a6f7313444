/**
 * Repeat detection (TR056), inside the message's transaction: a message whose key (sender, message kind,
 * Identificatie) is used already. The same bytes whose answers were committed but never written out get those
 * answers now (`herhaald`); any other gets a retour with 9056 on the header, and nothing is stored.
 */
import type { MessageUnit } from "../messages-ports.ts";
import type { Clock } from "../ports.ts";
import { retour9056 } from "./answers.ts";
import { melding } from "./findings.ts";
import type { Admitted } from "./intake.ts";
import type { AnswerFile, PlainOutcome, ProcessOptions } from "./types.ts";

/** The outcome of a message whose key is used, or null for a message seen for the first time. */
export async function repeated(u: MessageUnit, clock: Clock, m: Admitted, bestandsnaam: string, opts: ProcessOptions): Promise<PlainOutcome | null> {
  const { def, rol, richting, keyAfzender, keyId, dagtekening, blank } = m;
  // two processes with the same message (or the same Identificatie) wait for each other: one decides, the other sees it
  await u.messages.lockKey(`${rol}|${richting}|${keyAfzender}|${def.berichtCode}|${keyId}`);
  const earlier = await u.messages.byKey(rol, richting, keyAfzender, def.berichtCode, keyId);
  if (!earlier.length) return null;
  // the same bytes whose answers were committed but never written out (the CLI stopped between its commit and
  // writing the files): those answers now, byte for byte under their own names — not recomputed, nothing changes
  const same = earlier.find((e) => e.contentHash === m.hash);
  const pending = same ? (await u.messages.answersOf(same.id)).filter((a) => a.geschrevenOp === null) : [];
  if (same && pending.length) {
    const antwoorden: AnswerFile[] = [];
    for (const a of pending)
      antwoorden.push({
        bestandsnaam: a.bestandsnaam,
        berichtNaam: a.berichtNaam,
        xml: (await u.messages.xml(a.id)) ?? "",
        berichtId: a.id,
        retourcodes: a.retourcodes,
      });
    if (!opts.antwoordenLater)
      await u.messages.markeerGeschreven(
        pending.map((a) => a.id),
        clock.now(),
      );
    const text = `dit bericht is al verwerkt (${same.createdAt}), maar het antwoord was nog niet weggeschreven; dat antwoord is nu geschreven, er is niets veranderd`;
    return {
      ...blank,
      identificatie: keyId,
      dagtekening,
      status: "herhaald",
      retourcodes: same.retourcodes,
      meldingen: [melding("", "Bericht", text)],
      antwoorden,
      berichtId: same.id,
    };
  }
  // TR056: the Identificatie is used — whether these are the same bytes or another message. A retour with 9056
  // on the header (for a message Kader only registers: no answer), nothing stored, the earlier answer untouched.
  const first = earlier[0]!;
  const text = `Identificatie ${keyId} is al gebruikt voor een ${def.name} van deze afzender (${same ? "hetzelfde bericht" : "een ander bericht"}, ontvangen ${first.createdAt}, bericht ${first.id}); dit bericht is niet verwerkt en niet opgeslagen, het eerdere antwoord blijft zoals het was`;
  const antwoorden = m.how === "answer" ? [await retour9056(u, clock, m, bestandsnaam, keyId)] : [];
  return {
    ...blank,
    identificatie: keyId,
    dagtekening,
    status: "afgekeurd",
    retourcodes: ["9056"],
    meldingen: [melding("9056", "Bericht/Header/BerichtIdentificatie", text)],
    antwoorden,
    berichtId: null,
    eerder: { berichtId: first.id, ontvangen: first.createdAt },
  };
}
