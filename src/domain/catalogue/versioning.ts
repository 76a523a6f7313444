import { addDays, type IsoDate, maxDate } from "../shared/date.ts";

/**
 * Versioning follows the iStandaarden product-code discipline: a change takes effect from a date and never
 * retroactively. A running toewijzing keeps the version it was granted with (it refers to product id + version).
 */
export interface LatestVersion {
  id: string;
  version: number;
  validFrom: IsoDate;
  /** inclusive; null while in force */
  validTo: IsoDate | null;
  hash: string;
}

export interface Incoming {
  id: string;
  hash: string;
  /** the date the document itself applies from */
  validFrom: IsoDate;
}

export interface VersionInsert {
  id: string;
  version: number;
  validFrom: IsoDate;
}
export interface VersionClose {
  id: string;
  version: number;
  validTo: IsoDate;
}

export interface VersionPlan {
  inserts: VersionInsert[];
  closes: VersionClose[];
  created: string[];
  changed: string[];
  withdrawn: string[];
  unchanged: string[];
}

/**
 * Plans new versions for one kind of item (productenboeken or products).
 * - new item: version 1 from the document's own validFrom when nothing of its productenboek existed before
 *   (`firstLoad`), otherwise from max(validFrom, today);
 * - changed item: the running version ends the day before the change takes effect; a version that had not yet
 *   taken effect (or took effect today) is superseded: it ends the day before it started, so it is never in force;
 * - an item no longer delivered is withdrawn the same way; unchanged items are left alone.
 */
export function planVersions(
  latest: LatestVersion[],
  incoming: Incoming[],
  today: IsoDate,
  firstLoad: (id: string) => boolean,
  /** the effective date for withdrawing an item that is no longer delivered */
  withdrawFrom: (id: string) => IsoDate,
): VersionPlan {
  const plan: VersionPlan = { inserts: [], closes: [], created: [], changed: [], withdrawn: [], unchanged: [] };
  const byId = new Map(latest.map((l) => [l.id, l]));
  const seen = new Set<string>();
  const closeAt = (l: LatestVersion, effective: IsoDate) => {
    const validTo = l.validFrom >= effective ? addDays(l.validFrom, -1) : addDays(effective, -1);
    plan.closes.push({ id: l.id, version: l.version, validTo });
  };
  for (const item of incoming) {
    seen.add(item.id);
    const l = byId.get(item.id);
    if (!l) {
      plan.created.push(item.id);
      plan.inserts.push({ id: item.id, version: 1, validFrom: firstLoad(item.id) ? item.validFrom : maxDate(item.validFrom, today) });
      continue;
    }
    const inForce = l.validTo === null;
    if (inForce && l.hash === item.hash) {
      plan.unchanged.push(item.id);
      continue;
    }
    // a withdrawn item that returns starts after its withdrawal took effect, so versions never overlap
    const effective = inForce ? maxDate(item.validFrom, today) : maxDate(maxDate(item.validFrom, today), addDays(l.validTo!, 1));
    if (inForce) closeAt(l, effective);
    plan.changed.push(item.id);
    plan.inserts.push({ id: item.id, version: l.version + 1, validFrom: inForce ? maxDate(effective, l.validFrom) : effective });
  }
  for (const l of latest) {
    if (seen.has(l.id) || l.validTo !== null) continue;
    closeAt(l, maxDate(withdrawFrom(l.id), today));
    plan.withdrawn.push(l.id);
  }
  return plan;
}
