import type { Role } from "./role.ts";

/** The states of a toewijzing and the events that move it (docs/zorgketen.md, "Levenscyclus"). */
export const TOEWIJZING_STATUSES = ["toegewezen", "gestart", "tijdelijk-gestopt", "gestopt", "ingetrokken", "verwijderd"] as const;
export type ToewijzingStatus = (typeof TOEWIJZING_STATUSES)[number];
export const TOEWIJZING_EVENTS = ["start", "tijdelijk-stop", "stop", "wijzigen", "intrekken", "verwijderen"] as const;
export type ToewijzingEvent = (typeof TOEWIJZING_EVENTS)[number];

/** Which event is allowed in which state, and where it leads — the whole lifecycle as one table. */
export const transitions: Record<ToewijzingStatus, Partial<Record<ToewijzingEvent, ToewijzingStatus>>> = {
  toegewezen: { start: "gestart", wijzigen: "toegewezen", intrekken: "ingetrokken", verwijderen: "verwijderd" },
  gestart: { "tijdelijk-stop": "tijdelijk-gestopt", stop: "gestopt", wijzigen: "gestart", intrekken: "ingetrokken" },
  "tijdelijk-gestopt": { start: "gestart", stop: "gestopt", wijzigen: "tijdelijk-gestopt", intrekken: "ingetrokken" },
  gestopt: { intrekken: "ingetrokken" },
  ingetrokken: {},
  verwijderd: {},
};

export const statusLabel: Record<ToewijzingStatus, string> = {
  toegewezen: "toegewezen",
  gestart: "gestart",
  "tijdelijk-gestopt": "tijdelijk gestopt",
  gestopt: "gestopt",
  ingetrokken: "ingetrokken",
  verwijderd: "verwijderd",
};

/** Who may report which lifecycle event: the aanbieder reports start and stop, the gemeente changes the toewijzing. */
export const eventRoles: Record<ToewijzingEvent, Role[]> = {
  start: ["aanbieder", "toegang"],
  "tijdelijk-stop": ["aanbieder", "toegang"],
  stop: ["aanbieder", "toegang"],
  wijzigen: ["toegang"],
  intrekken: ["toegang"],
  verwijderen: ["toegang"],
};
