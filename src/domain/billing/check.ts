import type { Product } from "../catalogue/product.ts";
import type { Eenheid, Wet } from "../care/codes.ts";
import { declarable } from "../care/lifecycle.ts";
import { allowedVolume, daysIn, overlap } from "../care/period.ts";
import type { Toewijzing } from "../care/toewijzing.ts";
import type { Finding } from "../codes/finding.ts";
import { explainRetourcode } from "../codes/retourcodes.ts";
import { leavesOf } from "../rules/rule.ts";
import { type IsoDate, maxDate, minDate } from "../shared/date.ts";
import type { Declaratie, Prestatie } from "./declaratie.ts";

export { explainRetourcode };

/** What the checks need to know of a toewijzing: the toewijzing, its key, the client's BSN and the product's billing rules. */
export interface ToewijzingView extends Toewijzing {
  key: string;
  bsn: string;
  rules: ProductBillingRules;
  /** the client's record id, where the ledger was filled from a database */
  clientId?: number;
}

/** Billing rules a productenboek states for a product, read from its rule data (docs/zorgketen.md). */
export interface ProductBillingRules {
  /** unit 16: a dagdeel is 2.5–4.5 hours; more than 4.5 hours on one day counts as 2 (004 line 592) */
  dagdeel: boolean;
  /** vervoer: at most this many days a week */
  maxDaysPerWeek: number | null;
  /** vervoer: the product's distance band, inclusive */
  band: { minKm: number; maxKm: number } | null;
}

export function billingRulesFor(product: Product | undefined, eenheid: Eenheid): ProductBillingRules {
  const leaves = product ? product.requirements.flatMap((r) => leavesOf(r.rule)) : [];
  const week = leaves.find((l) => l.op === "volume" && l.unit === "dag" && l.per === "week" && l.max !== null);
  const band = leaves.find((l) => l.op === "distanceBand");
  return {
    dagdeel: eenheid === "16",
    maxDaysPerWeek: product?.kind === "vervoer" && week?.op === "volume" ? week.max : null,
    band: band?.op === "distanceBand" ? { minKm: band.minKm, maxKm: band.maxKm } : null,
  };
}

export const toewijzingKey = (gemeentecode: string, wet: Wet, nummer: string): string => `${gemeentecode}|${wet}|${nummer}`;
export const referentieKey = (agb: string, wet: Wet, ref: string): string => `${agb}|${wet}|${ref}`;

export interface StoredReferentie {
  debetCredit: "D" | "C";
  toegekend: boolean;
  /** for an approved debit: whether it has been credited since */
  gecrediteerd: boolean;
  toewijzingKey: string;
  volume: number;
  bedrag: number;
}

/**
 * The state a declaratie is checked against: toewijzingen, contract tariffs, and what was declared before. The app
 * fills it from the database (only what the declaratie touches); the benchmark fills it in memory. Checking a
 * declaratie updates it, so prestaties in one declaratie see each other (sums, references).
 */
export class BillingLedger {
  readonly toewijzingen = new Map<string, ToewijzingView>();
  /** net approved volume and amount per toewijzing */
  readonly declared = new Map<string, { volume: number; bedrag: number }>();
  readonly referenties = new Map<string, StoredReferentie>();
  readonly declaratienummers = new Set<string>();
  /** contract tariff in cents per `${agb}|${gemeente}|${productId}`, with validity; null tariff: contract without tariff */
  readonly tariffs = new Map<string, { from: IsoDate; to: IsoDate | null; cents: number | null }[]>();

  private readonly totals = new Map<string, number | null>();
  /** the volume granted over the whole toewijzing (null when open-ended), computed once per toewijzing */
  totalGranted(t: ToewijzingView): number | null {
    let v = this.totals.get(t.key);
    if (v === undefined) {
      v =
        t.omvang === null || t.frequentie === null
          ? null
          : t.frequentie === "6"
            ? t.omvang
            : t.einddatum === null
              ? null
              : allowedVolume(t.omvang, t.frequentie, t.ingangsdatum, t.einddatum);
      this.totals.set(t.key, v);
    }
    return v;
  }

  contractTariff(agb: string, gemeente: string, productId: string, date: IsoDate): number | null | undefined {
    const list = this.tariffs.get(`${agb}|${gemeente}|${productId}`);
    if (!list) return undefined;
    const hit = list.find((t) => t.from <= date && (t.to === null || t.to >= date));
    return hit ? hit.cents : undefined;
  }
}

/** A finding of the declaratie check: the one Finding, always with a retourcode (0200 for a warning). */
export interface CheckFinding extends Finding {
  /** the standard's retourcode, or a productenboek rule code (PB-…) */
  code: string;
  retourcode: string;
  severity: "afwijzing" | "waarschuwing";
}
export interface PrestatieResult {
  referentienummer: string;
  debetCredit: "D" | "C";
  toegekend: boolean;
  retourcodes: string[];
  bevindingen: CheckFinding[];
  ingediendBedrag: number;
  toegekendBedrag: number;
  toewijzingKey: string | null;
}
export interface DeclaratieResult {
  declaratienummer: string;
  /** a whole-declaratie rejection (9333) */
  afgewezen: CheckFinding | null;
  prestaties: PrestatieResult[];
  /** net cents (debit − credit) */
  ingediend: number;
  toegekend: number;
}

const NOTHING_DECLARED = Object.freeze({ volume: 0, bedrag: 0 });
const euro = (cents: number) => `€ ${(cents / 100).toFixed(2).replace(".", ",")}`;

/** ISO week key of a date ("2026-W05"), for "at most 5 days a week". */
function isoWeek(d: IsoDate): string {
  const date = new Date(`${d}T00:00:00Z`);
  const day = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((date.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Dagdelen in a day of `uren` hours: under 2.5 h none, 2.5–4.5 h one, over 4.5 h two (004). */
export const dagdelen = (uren: number): number => (uren < 2.5 ? 0 : uren <= 4.5 ? 1 : 2);

/**
 * Checks one declaratie against the ledger and records what was approved in it. Every prestatie gets every
 * retourcode that applies (not only the first), each explained in Dutch. Pure: no I/O, no clock.
 */
export function checkDeclaratie(d: Declaratie, ledger: BillingLedger): DeclaratieResult {
  const nrKey = referentieKey(d.aanbieder, d.wet, d.declaratienummer);
  const ingediend = d.prestaties.reduce((s, p) => s + (p.debetCredit === "D" ? p.bedrag : -p.bedrag), 0);
  if (ledger.declaratienummers.has(nrKey)) {
    const afgewezen: CheckFinding = {
      code: "9333",
      retourcode: "9333",
      severity: "afwijzing",
      message: `declaratienummer ${d.declaratienummer} is al eerder ingediend met een andere inhoud`,
    };
    return {
      declaratienummer: d.declaratienummer,
      afgewezen,
      prestaties: d.prestaties.map((p) => ({
        referentienummer: p.referentienummer,
        debetCredit: p.debetCredit,
        toegekend: false,
        retourcodes: ["9333"],
        bevindingen: [afgewezen],
        ingediendBedrag: p.bedrag,
        toegekendBedrag: 0,
        toewijzingKey: null,
      })),
      ingediend,
      toegekend: 0,
    };
  }
  ledger.declaratienummers.add(nrKey);
  const prestaties = d.prestaties.map((p) => checkPrestatie(d, p, ledger));
  const toegekend = prestaties.reduce((s, r) => s + (r.debetCredit === "D" ? r.toegekendBedrag : -r.toegekendBedrag), 0);
  return { declaratienummer: d.declaratienummer, afgewezen: null, prestaties, ingediend, toegekend };
}

function checkPrestatie(d: Declaratie, p: Prestatie, ledger: BillingLedger): PrestatieResult {
  const findings: CheckFinding[] = [];
  const reject = (retourcode: string, message: string, code = retourcode) => findings.push({ code, retourcode, severity: "afwijzing", message });
  const warn = (code: string, message: string) => findings.push({ code, retourcode: "0200", severity: "waarschuwing", message });
  const tKey = toewijzingKey(d.gemeente, d.wet, p.toewijzingnummer);
  const t = ledger.toewijzingen.get(tKey);
  const refKey = referentieKey(d.aanbieder, d.wet, p.referentienummer);
  const result = (tk: string | null): PrestatieResult => {
    const toegekend = !findings.some((f) => f.severity === "afwijzing");
    return {
      referentienummer: p.referentienummer,
      debetCredit: p.debetCredit,
      toegekend,
      retourcodes: toegekend ? ["0200"] : [...new Set(findings.filter((f) => f.severity === "afwijzing").map((f) => f.retourcode))],
      bevindingen: findings,
      ingediendBedrag: p.bedrag,
      toegekendBedrag: toegekend ? p.bedrag : 0,
      toewijzingKey: tk,
    };
  };

  // references: a debit's number is new (8021); a credit names an approved debit (8017) not credited yet (9390)
  const prior = ledger.referenties.get(refKey);
  if (p.debetCredit === "D") {
    if (prior) reject("8021", `referentienummer ${p.referentienummer} is al aangeleverd`);
    if (p.vorigReferentienummer !== null) {
      const prev = ledger.referenties.get(referentieKey(d.aanbieder, d.wet, p.vorigReferentienummer));
      if (prev?.debetCredit === "D" && prev.toegekend && !prev.gecrediteerd)
        reject("9389", `de vorige prestatie ${p.vorigReferentienummer} is nog niet gecrediteerd; crediteer die eerst`);
    }
  } else {
    if (prior?.debetCredit !== "D" || !prior.toegekend) reject("8017", `er is geen toegekende debetprestatie met referentienummer ${p.referentienummer}`);
    else if (prior.gecrediteerd) reject("9390", `prestatie ${p.referentienummer} is al gecrediteerd`);
  }

  if (!t || t.agbCode !== d.aanbieder) {
    reject("9338", `toewijzing ${p.toewijzingnummer} van gemeente ${d.gemeente} (${d.wet}) is niet aan deze aanbieder toegewezen`);
    return finish(result(null), p, ledger, refKey, null);
  }
  if (t.bsn !== p.bsn) reject("8187", `toewijzing ${p.toewijzingnummer} hoort bij een andere cliënt`);
  if (!declarable(t.status)) reject("9384", `toewijzing ${p.toewijzingnummer} is verwijderd`);
  if (t.productcategorie !== null && t.productcategorie !== p.productcategorie)
    reject("9339", `productcategorie ${p.productcategorie}, toegewezen is ${t.productcategorie}`);
  if (t.productcode !== null && t.productcode !== p.productcode) reject("9340", `productcode ${p.productcode ?? "(leeg)"}, toegewezen is ${t.productcode}`);
  if (t.eenheid !== p.eenheid) reject("9341", `eenheid ${p.eenheid}, toegewezen is ${t.eenheid}`);
  if (p.begindatum < d.periode.begindatum || p.einddatum > d.periode.einddatum)
    reject(
      "9319",
      `productperiode ${p.begindatum} t/m ${p.einddatum} valt niet binnen de declaratieperiode ${d.periode.begindatum} t/m ${d.periode.einddatum}`,
    );
  if (p.begindatum < t.ingangsdatum || (t.einddatum !== null && p.begindatum > t.einddatum))
    reject("9307", `begindatum ${p.begindatum} ligt buiten de toewijzing (${t.ingangsdatum} t/m ${t.einddatum ?? "open"})`);
  if (p.einddatum < t.ingangsdatum || (t.einddatum !== null && p.einddatum > t.einddatum))
    reject("9308", `einddatum ${p.einddatum} ligt buiten de toewijzing (${t.ingangsdatum} t/m ${t.einddatum ?? "open"})`);

  if (p.eenheid !== "83" && p.bedrag !== p.geleverdVolume * p.productTarief)
    reject("9346", `bedrag ${euro(p.bedrag)} is niet ${p.geleverdVolume} × ${euro(p.productTarief)} = ${euro(p.geleverdVolume * p.productTarief)}`);
  const contract = ledger.contractTariff(d.aanbieder, d.gemeente, t.productId, p.begindatum);
  if (p.eenheid !== "83") {
    if (contract === undefined) reject("0611", `er is geen contract met een tarief voor dit product op ${p.begindatum}`);
    else if (contract !== null && contract !== p.productTarief) reject("0611", `tarief ${euro(p.productTarief)}, contracttarief is ${euro(contract)}`);
  }

  if (p.debetCredit === "D") {
    // volume per frequency within the product period (9321)
    const from = maxDate(p.begindatum, t.ingangsdatum);
    const to = t.einddatum === null ? p.einddatum : minDate(p.einddatum, t.einddatum);
    if (t.omvang !== null && t.frequentie !== null && t.frequentie !== "6" && from <= to) {
      const allowed = allowedVolume(t.omvang, t.frequentie, from, to);
      if (p.geleverdVolume > allowed) reject("9321", `${p.geleverdVolume} geleverd, hoogstens ${allowed} toegewezen in deze periode`);
    }
    const sums = ledger.declared.get(t.key) ?? NOTHING_DECLARED;
    if (t.omvang !== null && t.frequentie !== null) {
      const total = ledger.totalGranted(t);
      if (total !== null && sums.volume + p.geleverdVolume > total)
        reject("9322", `samen ${sums.volume + p.geleverdVolume} gedeclareerd, in totaal ${total} toegewezen`);
    }
    if (t.budgetCents !== null && sums.bedrag + p.bedrag > t.budgetCents)
      reject("9369", `samen ${euro(sums.bedrag + p.bedrag)} gedeclareerd, het budget is ${euro(t.budgetCents)}`);
    productRules(t, p, reject, warn);
  }
  return finish(result(t.key), p, ledger, refKey, t);
}

/** The productenboeken's own billing rules: dagdelen, vervoer days and distance bands, etmalen only for realised days. */
function productRules(t: ToewijzingView, p: Prestatie, reject: (r: string, m: string, c?: string) => void, warn: (c: string, m: string) => void) {
  if (t.rules.dagdeel && p.dagen) {
    const counted = p.dagen.reduce((s, dag) => s + dagdelen(dag.uren), 0);
    if (p.geleverdVolume > counted)
      reject(
        "9321",
        `${p.geleverdVolume} dagdelen gedeclareerd, de uren per dag geven er ${counted} (een dagdeel is 2,5 tot 4,5 uur; meer dan 4,5 uur op een dag telt als 2)`,
        "PB-DAGDEEL",
      );
  }
  if (t.rules.maxDaysPerWeek !== null) {
    const max = t.rules.maxDaysPerWeek;
    if (p.dagen) {
      const perWeek = new Map<string, number>();
      for (const dag of p.dagen) perWeek.set(isoWeek(dag.datum), (perWeek.get(isoWeek(dag.datum)) ?? 0) + 1);
      const over = [...perWeek].filter(([, n]) => n > max);
      if (over.length) reject("9321", `vervoer op meer dan ${max} dagen in week ${over.map(([w]) => w).join(", ")}`, "PB-VERVOER-DAGEN");
    } else {
      const cap = Math.ceil((daysIn(p.begindatum, p.einddatum) * max) / 7);
      if (p.geleverdVolume > cap) reject("9321", `${p.geleverdVolume} dagen vervoer, hoogstens ${max} per week (${cap} in deze periode)`, "PB-VERVOER-DAGEN");
    }
  }
  if (t.rules.band && p.km !== undefined) {
    // decision (docs/zorgketen.md): kilometres are rounded up to whole km; above the highest band no product applies
    const km = Math.ceil(p.km - 1e-9);
    if (km > 30) warn("PB-KM-BOVEN-30", `${p.km} km: boven 30 km noemt het productenboek geen band; beoordeel de rit handmatig`);
    else if (km < t.rules.band.minKm || km > t.rules.band.maxKm)
      reject("9340", `${p.km} km hoort niet bij de band ${t.rules.band.minKm}–${t.rules.band.maxKm} km van dit product`, "PB-KMBAND");
  }
  if (p.eenheid === "14") {
    const realised = t.geleverd.reduce((s, g) => {
      const o = overlap(g, { begin: p.begindatum, end: p.einddatum });
      return o ? s + daysIn(o.begin, o.end ?? p.einddatum) : s;
    }, 0);
    if (p.geleverdVolume > realised)
      reject("9321", `${p.geleverdVolume} etmalen gedeclareerd, de zorg liep ${realised} dagen in deze periode (start/stop)`, "PB-ETMAAL");
  }
}

function finish(r: PrestatieResult, p: Prestatie, ledger: BillingLedger, refKey: string, t: ToewijzingView | null): PrestatieResult {
  if (p.debetCredit === "D") {
    if (!ledger.referenties.has(refKey))
      ledger.referenties.set(refKey, {
        debetCredit: "D",
        toegekend: r.toegekend,
        gecrediteerd: false,
        toewijzingKey: t?.key ?? "",
        volume: p.geleverdVolume,
        bedrag: p.bedrag,
      });
    if (r.toegekend && t) {
      const s = ledger.declared.get(t.key);
      if (s) {
        s.volume += p.geleverdVolume;
        s.bedrag += p.bedrag;
      } else ledger.declared.set(t.key, { volume: p.geleverdVolume, bedrag: p.bedrag });
    }
  } else if (r.toegekend) {
    const debit = ledger.referenties.get(refKey)!;
    debit.gecrediteerd = true;
    const s = ledger.declared.get(debit.toewijzingKey) ?? { volume: 0, bedrag: 0 };
    ledger.declared.set(debit.toewijzingKey, { volume: s.volume - debit.volume, bedrag: s.bedrag - debit.bedrag });
  }
  return r;
}
