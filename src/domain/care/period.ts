import { daysBetween, type IsoDate, maxDate, minDate } from "../shared/date.ts";
import type { Frequentie } from "./codes.ts";

/** A period as the iStandaarden define it: both ends inclusive; an open end is null. */
export interface Period {
  begin: IsoDate;
  end: IsoDate | null;
}

/** Days in [begin, end], both inclusive. */
export const daysIn = (begin: IsoDate, end: IsoDate): number => daysBetween(begin, end) + 1;

export function overlap(a: Period, b: Period): Period | null {
  const begin = maxDate(a.begin, b.begin);
  const ends = [a.end, b.end].filter((e): e is IsoDate => e !== null);
  const end = ends.length ? ends.reduce(minDate) : null;
  return end !== null && end < begin ? null : { begin, end };
}

export const within = (inner: Period, outer: Period): boolean =>
  inner.begin >= outer.begin && (outer.end === null || (inner.end !== null && inner.end <= outer.end));

export const firstOfMonth = (d: IsoDate): IsoDate => `${d.slice(0, 7)}-01`;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function lastOfMonth(d: IsoDate): IsoDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return `${d.slice(0, 7)}-${leap ? 29 : MONTH_DAYS[m - 1]}`;
}
export const isWholeMonth = (p: { begin: IsoDate; end: IsoDate }): boolean => p.begin === firstOfMonth(p.begin) && p.end === lastOfMonth(p.begin);

/** Calendar months touched by [begin, end]: "2026-01", "2026-02", … */
export function monthsOf(begin: IsoDate, end: IsoDate): string[] {
  const out: string[] = [];
  let m = begin.slice(0, 7);
  const last = end.slice(0, 7);
  while (m <= last) {
    out.push(m);
    const [y, mm] = m.split("-").map(Number) as [number, number];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, "0")}`;
  }
  return out;
}

/**
 * The most that may be delivered in a period for an Omvang with a frequency (docs/zorgketen.md, "Volume"):
 * per dag: omvang × days; per week: omvang × days / 7, rounded up to a whole unit (a partial week is a share of a
 * week, as the standard's "gemiddeld per week" reading); per maand: omvang for every calendar month the period
 * touches, in part or whole; totaal: the omvang itself (checked over the whole toewijzing).
 */
export function allowedVolume(omvang: number, frequentie: Frequentie, begin: IsoDate, end: IsoDate): number {
  const days = daysIn(begin, end);
  switch (frequentie) {
    case "1":
      return omvang * days;
    case "2":
      return Math.ceil((omvang * days) / 7 - 1e-9);
    case "4":
      return omvang * monthsOf(begin, end).length;
    case "6":
      return omvang;
  }
}
