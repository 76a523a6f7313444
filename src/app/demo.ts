import { allowedVolume, firstOfMonth, lastOfMonth, monthsOf } from "../domain/care/period.ts";
import type { Eenheid, Frequentie, Wet } from "../domain/care/codes.ts";
import type { Product } from "../domain/catalogue/product.ts";
import type { ProviderRecord } from "../domain/compliance/provider.ts";
import { addDays, addMonths, type IsoDate } from "../domain/shared/date.ts";
import type { CareService } from "./care.ts";
import type { CatalogueService } from "./catalogue.ts";
import type { ProviderRepository } from "./ports.ts";

/** A seeded generator (LCG): the same seed gives the same demo data. */
export function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  return { next, int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

/** A test BSN that passes the elfproef, starting with `prefix` (the 999… range is not issued to people). */
export function demoBsn(r: ReturnType<typeof seeded>, prefix: "9999" | "9998" = "9999"): string {
  for (;;) {
    const d = [...prefix].map(Number).concat([r.int(0, 9), r.int(0, 9), r.int(0, 9), r.int(0, 9)]);
    const last = d.reduce((s, x, i) => s + (9 - i) * x, 0) % 11;
    if (last < 10) return [...d, last].join("");
  }
}

export const DEMO_GEMEENTE = "0106";
/** the demo controller's gemeente (Tynaarlo) gets a third of the clients, so both tenants see data and none the other's */
export const DEMO_GEMEENTEN = ["0106", "1730"] as const;
export const DEMO_AANBIEDERS = [
  { agbCode: "98765432", name: "Zorg Voorbeeld B.V. (demo)" },
  { agbCode: "87654321", name: "Dagbesteding De Brink (demo)" },
  { agbCode: "76543210", name: "Jeugdhulp Noord (demo)" },
];

const UNIT_PLAN: Partial<Record<Eenheid, { volume: number; frequentie: Frequentie; tariff: [number, number] }>> = {
  "04": { volume: 4, frequentie: "2", tariff: [6000, 7800] },
  "01": { volume: 240, frequentie: "2", tariff: [100, 130] },
  "16": { volume: 3, frequentie: "2", tariff: [4500, 5600] },
  "14": { volume: 7, frequentie: "2", tariff: [14000, 24000] },
  "82": { volume: 1, frequentie: "4", tariff: [20000, 60000] },
  "84": { volume: 2, frequentie: "4", tariff: [8000, 15000] },
};

export interface DemoReport {
  clients: number;
  toewijzingen: number;
  declaraties: number;
  prestaties: number;
  afgewezen: number;
}

/**
 * Loads a clearly marked synthetic demo data set (every row has demo = true, names say "(demo)"): three aanbieders
 * with contracts, clients over the productenboeken, beschikkingen checked by the grant rules, toewijzingen that
 * started, and a year of monthly declaraties with a realistic share of errors (wrong tariff, too much volume,
 * outside the toewijzing, a repeated reference, an unknown toewijzing). Never in production (the caller decides).
 */
export async function loadDemo(
  deps: { care: CareService; catalogue: CatalogueService; providers: ProviderRepository },
  today: IsoDate,
  opts: { seed?: number; clients?: number } = {},
): Promise<DemoReport> {
  const r = seeded(opts.seed ?? 20261129);
  const cli = { kind: "cli" as const };
  const ctx = { endpoint: "kader demo", purpose: "synthetische demodata laden" };
  const { products } = await deps.catalogue.all(today);
  // every productenboek contributes: a product without a unit in its document is granted in hours (dagbesteding in
  // dagdelen); vervoer needs a dagbesteding beside it and is left out of this simple generator
  const unitOf = (p: Product): Eenheid => (p.unit.code as Eenheid | null) ?? (p.kind.startsWith("dagbesteding") ? "16" : "04");
  const candidates = products.filter((p) => p.kind !== "vervoer" && UNIT_PLAN[unitOf(p)]);
  const byBook = new Map<string, Product[]>();
  for (const p of candidates) byBook.set(p.productenboekId, [...(byBook.get(p.productenboekId) ?? []), p]);
  const pool = [...byBook.values()].flatMap((ps) => ps.slice(0, 8));
  const tariffs = new Map(
    pool.map((p) => {
      const plan = UNIT_PLAN[unitOf(p)]!;
      return [p.id, r.int(plan.tariff[0] / 10, plan.tariff[1] / 10) * 10] as const;
    }),
  );
  const start = firstOfMonth(addMonths(today, -12));
  const lastMonthEnd = addDays(firstOfMonth(today), -1);
  for (const a of DEMO_AANBIEDERS) {
    const existing = await deps.providers.get(a.agbCode);
    const contracts: ProviderRecord["contracts"] = DEMO_GEMEENTEN.flatMap((g) =>
      pool.map((p) => ({
        productId: p.id,
        gemeentecode: g as ProviderRecord["gemeentecodes"][number],
        validFrom: addMonths(start, -1),
        validTo: null,
        tariffCents: tariffs.get(p.id)!,
      })),
    );
    const gemeenten = [...DEMO_GEMEENTEN] as ProviderRecord["gemeentecodes"];
    const record: ProviderRecord = existing
      ? {
          ...existing,
          gemeentecodes: [...new Set([...existing.gemeentecodes, ...gemeenten])],
          contracts: [...existing.contracts.filter((c) => !gemeenten.includes(c.gemeentecode)), ...contracts],
        }
      : { agbCode: a.agbCode as ProviderRecord["agbCode"], name: a.name, kvk: null, gemeentecodes: gemeenten, evidence: [], contracts };
    await deps.providers.save(record, `${today}T00:00:00.000Z`);
  }

  const report: DemoReport = { clients: 0, toewijzingen: 0, declaraties: 0, prestaties: 0, afgewezen: 0 };
  const n = opts.clients ?? 60;
  const voornamen = ["Anna", "Bram", "Chantal", "Daan", "Eva", "Finn", "Gert", "Hanna", "Ismail", "Julia", "Kees", "Lotte", "Mo", "Noor", "Okke", "Pien"];
  const achternamen = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Hoekstra", "Dijkstra", "Kramer"];
  let beschikking = 1;
  const bsnOf = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const product = r.pick(pool);
    const jeugd = product.law === "jeugdwet";
    const birth = jeugd
      ? `${r.int(2009, 2016)}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`
      : `${r.int(1945, 2000)}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;
    const gemeente = i % 3 === 2 ? DEMO_GEMEENTEN[1] : DEMO_GEMEENTEN[0];
    const voornaam = r.pick(voornamen);
    const familienaam = r.pick(achternamen);
    const [voorvoegsel, achternaam] = familienaam.includes(" ")
      ? [familienaam.split(" ")[0]!, familienaam.split(" ").slice(1).join(" ")]
      : [undefined, familienaam];
    const c = await deps.care.createClient(
      cli,
      {
        gemeente,
        bsn: demoBsn(r),
        geboortedatum: birth,
        naam: `${voornaam} ${familienaam} (demo)`,
        naamdelen: { voornamen: voornaam, voorletters: voornaam[0]!, ...(voorvoegsel ? { voorvoegsel } : {}), achternaam: `${achternaam} (demo)` },
        adres:
          gemeente === "0106"
            ? { straat: "Demostraat", huisnummer: String(r.int(1, 150)), postcode: "9401 AA", plaats: "Assen" }
            : { straat: "Demolaan", huisnummer: String(r.int(1, 150)), postcode: "9761 AA", plaats: "Eelde" },
      },
      ctx,
      true,
    );
    if (!c.ok) continue;
    report.clients++;
    bsnOf.set(c.value.id, c.value.bsn);
    const ingang = addMonths(start, r.int(0, 5));
    const eind = addDays(addMonths(ingang, r.pick([6, 12, 12, 18])), -1);
    const plan = UNIT_PLAN[unitOf(product)]!;
    const g = await deps.care.grant(
      cli,
      {
        clientId: c.value.id,
        wet: product.law,
        beschikkingnummer: `DEMO-${String(beschikking++).padStart(5, "0")}`,
        afgiftedatum: addDays(ingang, -7),
        verwijzer: "01",
        producten: [
          {
            productId: product.id,
            ingangsdatum: ingang,
            einddatum: eind,
            volume: plan.volume,
            eenheid: unitOf(product),
            frequentie: plan.frequentie,
            aanbieder: r.pick(DEMO_AANBIEDERS).agbCode,
          },
        ],
      },
      ctx,
    );
    if (!g.ok) continue;
    for (const t of g.value.toewijzingen) {
      report.toewijzingen++;
      if (r.next() < 0.9) await deps.care.event(cli, t, { event: "start", datum: addDays(t.ingangsdatum, r.int(0, 5)) }, ctx);
    }
  }

  // a year of declaraties: per aanbieder and month one declaratie with a prestatie per running toewijzing
  const all = await deps.care.toewijzingen(cli, {}, ctx);
  if (!all.ok) return report;
  let ref = 1;
  for (const a of DEMO_AANBIEDERS) {
    for (const gemeente of DEMO_GEMEENTEN)
      for (const month of monthsOf(start, lastMonthEnd)) {
        const mine = all.value.filter((t) => t.agbCode === a.agbCode && t.gemeentecode === gemeente && t.startdatum);
        const begin = `${month}-01`;
        const end = lastOfMonth(begin);
        const buckets: Record<Wet, Record<string, unknown>[]> = { wmo: [], jeugdwet: [] };
        for (const t of mine) {
          const from = t.startdatum! > begin ? t.startdatum! : begin;
          const to = t.einddatum !== null && t.einddatum < end ? t.einddatum : end;
          if (from > to) continue;
          const bsn = bsnOf.get(t.clientId);
          if (!bsn) continue;
          const max = t.omvang !== null && t.frequentie ? allowedVolume(t.omvang, t.frequentie, from, to) : 1;
          let volume = Math.max(1, Math.round(max * (0.6 + r.next() * 0.4)));
          let tarief = tariffs.get(t.productId) ?? 5000;
          let pBegin = from;
          let bedrag: number | null = null;
          const roll = r.next();
          // the realistic share of errors: about 8% of prestaties
          if (roll < 0.02)
            tarief += 250; // 0611
          else if (roll < 0.04)
            volume = max + r.int(1, 3); // 9321
          else if (roll < 0.055)
            bedrag = volume * tarief + 100; // 9346
          else if (roll < 0.065 && t.ingangsdatum > begin) pBegin = begin; // 9307
          const referentienummer = roll > 0.065 && roll < 0.075 && ref > 1 ? `D${ref - 1}` : `D${ref++}`; // 8021
          buckets[t.wet].push({
            referentienummer,
            bsn,
            toewijzingnummer: roll > 0.075 && roll < 0.08 ? "99999999" : t.toewijzingnummer, // 9338
            productcategorie: t.productcategorie ?? t.productcode?.slice(0, 2) ?? "00",
            productcode: t.productcode,
            begindatum: pBegin,
            einddatum: to,
            geleverdVolume: volume,
            eenheid: t.eenheid,
            productTarief: tarief,
            bedrag: bedrag ?? volume * tarief,
            debetCredit: "D",
          });
        }
        for (const wet of ["wmo", "jeugdwet"] as Wet[]) {
          const ps = buckets[wet];
          if (!ps.length) continue;
          const d = await deps.care.submitDeclaratie(
            cli,
            {
              declaratienummer: `${month.replace("-", "")}${wet === "wmo" ? "W" : "J"}${gemeente}`,
              aanbieder: a.agbCode,
              gemeente,
              wet,
              periode: { begindatum: begin, einddatum: end },
              dagtekening: addDays(end, 5) < today ? addDays(end, 5) : today,
              prestaties: ps,
            },
            ctx,
            { demo: true },
          );
          if (!d.ok) continue;
          report.declaraties++;
          report.prestaties += d.value.result.prestaties.length;
          report.afgewezen += d.value.result.prestaties.filter((p) => !p.toegekend).length;
        }
      }
  }
  return report;
}
