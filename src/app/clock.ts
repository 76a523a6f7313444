import type { Clock } from "./ports.ts";

/** Today's calendar date in the Netherlands (Europe/Amsterdam), whatever the server's time zone. */
export const dutchClock: Clock = {
  today: () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date()),
};

export const fixedClock = (date: string): Clock => ({ today: () => date });
