import type { IsoDate } from "../shared/date.ts";
import { fail, ok, type ProblemCode, type Result } from "../shared/problem.ts";
import type { RedenWijziging } from "./codes.ts";

import { TOEWIJZING_EVENTS, TOEWIJZING_STATUSES, type ToewijzingEvent, type ToewijzingStatus, statusLabel, transitions } from "../codes/lifecycle.ts";

/** The states, events and transitions are a code list (src/domain/codes/lifecycle.ts); the rules of the lifecycle are here. */
export { statusLabel, type ToewijzingEvent, type ToewijzingStatus, transitions };
export const statuses = TOEWIJZING_STATUSES;
export const events = TOEWIJZING_EVENTS;

const eventLabel: Record<ToewijzingEvent, string> = {
  start: "starten",
  "tijdelijk-stop": "tijdelijk stoppen",
  stop: "stoppen",
  wijzigen: "wijzigen",
  intrekken: "intrekken",
  verwijderen: "verwijderen",
};

export interface LifecycleState {
  status: ToewijzingStatus;
  ingangsdatum: IsoDate;
  einddatum: IsoDate | null;
  /** the last day of an approved declared period; the toewijzing cannot end before it */
  gedeclareerdTot: IsoDate | null;
  /** date of the latest start, when started */
  startdatum: IsoDate | null;
}

export interface EventInput {
  event: ToewijzingEvent;
  /** the date the event takes effect: start/stop date, new einddatum for wijzigen/intrekken */
  datum: IsoDate;
  reden?: RedenWijziging | undefined;
}

/**
 * Applies an event to a toewijzing: the table decides whether it is allowed, and the standard's limits on
 * retroactive changes are checked here — a toewijzing never ends before what has been declared and approved (9385),
 * is shortened into the past only as an administratieve correctie, and is removed (RedenWijziging 13) only while
 * nothing has started or been declared.
 */
export function applyEvent(state: LifecycleState, input: EventInput, today: IsoDate): Result<LifecycleState> {
  const bad = (detail: string, path: string, code: ProblemCode) => fail<LifecycleState>({ code, title: "Deze gebeurtenis kan niet", detail, path });
  const next = transitions[state.status][input.event];
  if (!next) return bad(`een toewijzing met status "${statusLabel[state.status]}" kan niet ${eventLabel[input.event]}`, "event", "inconsistent-data");
  const eind = state.einddatum;
  switch (input.event) {
    case "start":
      if (input.datum < state.ingangsdatum || (eind !== null && input.datum > eind))
        return bad(`de startdatum ${input.datum} ligt niet binnen de toewijzing (${state.ingangsdatum} t/m ${eind ?? "open"})`, "datum", "invalid-input");
      if (input.datum > today) return bad("een start wordt gemeld als de zorg begonnen is, niet vooraf", "datum", "invalid-input");
      return ok({ ...state, status: next, startdatum: input.datum });
    case "tijdelijk-stop":
    case "stop":
      if (state.startdatum !== null && input.datum < state.startdatum)
        return bad(`de stopdatum ${input.datum} ligt vóór de startdatum ${state.startdatum}`, "datum", "invalid-input");
      if (input.datum > today) return bad("een stop wordt gemeld als de zorg gestopt is, niet vooraf", "datum", "invalid-input");
      return ok({ ...state, status: next });
    case "wijzigen":
    case "intrekken": {
      if (!input.reden) return bad("geef de reden van de wijziging (RedenWijziging)", "reden", "invalid-input");
      if (input.reden === "13") return bad("reden 13 (verwijderd) hoort bij verwijderen", "reden", "invalid-input");
      if (input.datum < state.ingangsdatum)
        return bad(`de nieuwe einddatum ${input.datum} ligt vóór de ingangsdatum ${state.ingangsdatum}`, "datum", "invalid-input");
      if (state.gedeclareerdTot !== null && input.datum < state.gedeclareerdTot)
        return bad(
          `er is tot en met ${state.gedeclareerdTot} goedgekeurd gedeclareerd; de toewijzing kan niet eerder eindigen (retourcode 9385)`,
          "datum",
          "inconsistent-data",
        );
      const shortens = eind === null || input.datum < eind;
      // into the past only as an administrative act: a correction (14), death (02), or the change to a new funding
      // system on a fixed date (10, e.g. 004's conversion per 1 January 2026); approved declared days stay (9385 above)
      if (shortens && input.datum < today && !RETROACTIVE_REASONS.has(input.reden))
        return bad(
          "inkorten met terugwerkende kracht mag alleen als administratieve correctie (reden 14), bij overlijden (reden 02) of bij de overgang naar een nieuwe bekostigingssystematiek (reden 10)",
          "reden",
          "invalid-input",
        );
      return ok({ ...state, status: next, einddatum: input.datum });
    }
    case "verwijderen":
      if (state.gedeclareerdTot !== null)
        return bad("deze toewijzing heeft goedgekeurde declaraties en kan niet worden verwijderd (retourcode 9385)", "event", "inconsistent-data");
      return ok({ ...state, status: next });
  }
}

const RETROACTIVE_REASONS = new Set<RedenWijziging>(["02", "10", "14"]);

/** Whether care may be declared on a toewijzing in this state: not when it was removed (9384). */
export const declarable = (s: ToewijzingStatus): boolean => s !== "verwijderd";
