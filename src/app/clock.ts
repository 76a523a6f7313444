import type { Clock } from "./ports.ts";

/** One formatter for the process: making an Intl.DateTimeFormat costs tens of microseconds, using one almost nothing. */
const amsterdamDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });

/** Today's calendar date in the Netherlands (Europe/Amsterdam), whatever the server's time zone. */
export const dutchClock: Clock = {
  today: () => amsterdamDate.format(new Date()),
  now: () => new Date().toISOString(),
};

/** A clock for tests: a fixed day, and an instant that tests can move forward. */
export function fixedClock(date: string): Clock & { advanceMinutes(m: number): void } {
  let t = Date.parse(`${date}T09:00:00.000Z`);
  return {
    today: () => date,
    now: () => new Date(t).toISOString(),
    advanceMinutes(m: number) {
      t += m * 60_000;
    },
  };
}
