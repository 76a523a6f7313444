/**
 * The dry run of a conversion plan: per affected toewijzing the proposed new toewijzing(s) with the reason and the
 * source figures, and flags for what a person must decide. Pure: the catalogue and the answers come in.
 */
import { z } from "zod";
import type { Eenheid, Frequentie, Wet } from "../care/codes.ts";
import type { Toewijzing } from "../care/toewijzing.ts";
import { addDays, addMonths, type IsoDate } from "../shared/date.ts";
import type { ConversiePlan, Doel, Regel, Volume } from "./plan.ts";

/** The fields of a running toewijzing the conversion reads: the toewijzing (src/domain/care/toewijzing.ts) of a client. */
export type LopendeToewijzing = Omit<Toewijzing, "budgetCents" | "geleverd"> & { clientId: number };

export const toewijzingSleutel = (t: { gemeentecode: string; wet: string; toewijzingnummer: string }) => `${t.gemeentecode}/${t.wet}/${t.toewijzingnummer}`;

/** What a provider answered for one toewijzing in the uitvraag (one workbook row). */
export const Antwoord = z
  .object({
    /** hours per uitvraag period (week or maand, as the rule says) */
    uren: z.number().min(0).nullable().default(null),
    /** hours per old interventieniveau, same period */
    urenPerNiveau: z.record(z.string(), z.number().min(0)).nullable().default(null),
    module: z.string().nullable().default(null),
    dagdelen: z.number().int().min(0).nullable().default(null),
    vervoer: z.enum(["geen", "regulier", "rolstoel"]).nullable().default(null),
    vervoersdagen: z.number().int().min(0).max(7).nullable().default(null),
    afstandKm: z.number().min(0).nullable().default(null),
    opmerking: z.string().max(500).nullable().default(null),
  })
  .strict();
export type Antwoord = z.infer<typeof Antwoord>;

export type VlagCode =
  | "geen-antwoord"
  | "uren-passen-niet"
  | "gelijke-uren"
  | "geen-inzet"
  | "module-onbekend"
  | "afstand-ontbreekt"
  | "afstand-buiten-band"
  | "duur-langer-dan-kort"
  | "doelproduct-onbekend"
  | "geen-productcode"
  | "categorie-overlap";

export interface Vlag {
  code: VlagCode;
  /** beslissing: a person decides before this toewijzing can be converted; info: noted, does not block */
  ernst: "beslissing" | "info";
  tekst: string;
}

export const vlagLabel: Record<VlagCode, string> = {
  "geen-antwoord": "antwoord ontbreekt",
  "uren-passen-niet": "uren passen bij geen niveau",
  "gelijke-uren": "gelijke uren op meer niveaus",
  "geen-inzet": "geen inzet gemeld",
  "module-onbekend": "module ontbreekt of onbekend",
  "afstand-ontbreekt": "vervoersafstand ontbreekt",
  "afstand-buiten-band": "afstand buiten de kilometerbanden",
  "duur-langer-dan-kort": "looptijd langer dan kortdurend",
  "doelproduct-onbekend": "doelproduct niet in de catalogus",
  "geen-productcode": "doelproduct heeft nog geen productcode",
  "categorie-overlap": "twee aspecifieke toewijzingen in dezelfde categorie",
};

/** What the conversion needs to know of a catalogue product. */
export interface DoelProductInfo {
  naam: string;
  productcategorie: string | null;
  productcode: string | null;
  eenheid: Eenheid | null;
}

export interface Voorstel {
  doel: string;
  productId: string;
  productNaam: string;
  /** what the 301 carries: the product's own categorie and code, or the plan's categorie only (aspecifiek) */
  productcategorie: string;
  productcode: string | null;
  toewijzingsvariant: "specifiek" | "aspecifiek";
  eenheid: Eenheid;
  frequentie: Frequentie;
  omvang: number;
  ingangsdatum: IsoDate;
  einddatum: IsoDate | null;
  reden: string;
  /** the budget effect per month where tariffs are known (cents) */
  tariefCents: number | null;
}

export interface Uitkomst {
  sleutel: string;
  gemeentecode: string;
  wet: Wet;
  toewijzingnummer: string;
  clientId: number;
  agbCode: string;
  regelId: string;
  regelSoort: Regel["soort"];
  vanProductId: string;
  vanNaam: string;
  oud: { eenheid: Eenheid; frequentie: Frequentie | null; omvang: number | null; ingangsdatum: IsoDate; einddatum: IsoDate | null };
  /** the end date of the old toewijzing: the day before the change date */
  nieuweEinddatumOud: IsoDate;
  antwoord: Antwoord | null;
  voorstellen: Voorstel[];
  vlaggen: Vlag[];
  /** true when no flag needs a decision: execution converts it */
  uitvoerbaar: boolean;
  /** the old toewijzing's amount per month where its tariff is known (cents) */
  oudPerMaandCents: number | null;
}

export interface ProefrunInput {
  plan: ConversiePlan;
  toewijzingen: LopendeToewijzing[];
  antwoorden: ReadonlyMap<string, Antwoord>;
  product: (productId: string) => DoelProductInfo | null;
  /** contract tariff of an aanbieder for a product on a date, cents per unit; null where unknown */
  tarief?: (agbCode: string, gemeentecode: string, productId: string, datum: IsoDate) => number | null;
}

const RUNNING = new Set(["toegewezen", "gestart", "tijdelijk-gestopt"]);
const WEKEN_PER_MAAND = 52 / 12;

/** The rule that takes a toewijzing, or null (the first rule that matches, in plan order). */
export function regelVoor(plan: ConversiePlan, t: Pick<LopendeToewijzing, "productId" | "productcode" | "wet">): Regel | null {
  return (
    plan.regels.find(
      (r) =>
        (!r.van.wet || r.van.wet === t.wet) &&
        (r.van.productIds.includes(t.productId) || (t.productcode !== null && r.van.productcodes.includes(t.productcode))),
    ) ?? null
  );
}

/** Running toewijzingen the plan touches: running on the day before the change date and still after it. */
export function geraakt(plan: ConversiePlan, t: LopendeToewijzing): boolean {
  return (
    RUNNING.has(t.status) &&
    t.ingangsdatum < plan.wijzigingsdatum &&
    (t.einddatum === null || t.einddatum >= plan.wijzigingsdatum) &&
    regelVoor(plan, t) !== null
  );
}

/**
 * A reported figure per uitvraag period as a volume per the new frequentie, rounded up to a whole unit (a volume in
 * iWmo/iJw is a whole number, and the conversion must not give less than was delivered): per week → per maand ×52/12,
 * per maand → per week ×12/52.
 */
export function herreken(waarde: number, volume: Volume): number {
  const per = volume.frequentie === "2" ? "week" : "maand";
  const x = per === volume.uitvraagPer ? waarde : per === "maand" ? waarde * WEKEN_PER_MAAND : waarde / WEKEN_PER_MAAND;
  // guard against binary noise (3 × 52 / 12 = 13.000000000000002)
  return Math.ceil(Math.round(x * 1e6) / 1e6);
}

/** Whole kilometres, rounded up (docs/zorgketen.md): 10.3 km belongs to 11–20. */
export const heleKm = (km: number): number => Math.ceil(Math.round(km * 1e6) / 1e6);

export function proefrun(input: ProefrunInput): Uitkomst[] {
  const { plan } = input;
  const out = input.toewijzingen.filter((t) => geraakt(plan, t)).map((t) => uitkomstVoor(input, t, regelVoor(plan, t)!));
  markeerOverlap(out);
  for (const u of out) u.uitvoerbaar = u.voorstellen.length > 0 && !u.vlaggen.some((v) => v.ernst === "beslissing");
  return out.sort((a, b) => a.agbCode.localeCompare(b.agbCode) || a.clientId - b.clientId || Number(a.toewijzingnummer) - Number(b.toewijzingnummer));
}

function uitkomstVoor(input: ProefrunInput, t: LopendeToewijzing, regel: Regel): Uitkomst {
  const { plan } = input;
  const sleutel = toewijzingSleutel(t);
  const antwoord = input.antwoorden.get(sleutel) ?? null;
  const vlaggen: Vlag[] = [];
  const voorstellen: Voorstel[] = [];
  const flag = (code: VlagCode, tekst: string, ernst: Vlag["ernst"] = "beslissing") => vlaggen.push({ code, ernst, tekst });

  const maak = (doelId: string, omvang: number, volume: { frequentie: Frequentie }, reden: string) => {
    const doel = plan.doelen[doelId]!;
    const gekozen = kiesVariant(plan, doel, t);
    if (gekozen.vlag) flag("duur-langer-dan-kort", gekozen.vlag);
    const productId = gekozen.product.replace("{wet}", t.wet);
    const info = input.product(productId);
    if (!info) {
      flag("doelproduct-onbekend", `${productId} staat niet in de catalogus`);
      return;
    }
    const eenheid = info.eenheid ?? doel.eenheid;
    if (!eenheid) {
      flag("doelproduct-onbekend", `${productId} heeft geen eenheid in de catalogus en het plan noemt er geen`);
      return;
    }
    const specifiek = info.productcategorie !== null && info.productcode !== null;
    if (!specifiek && !vlaggen.some((v) => v.code === "geen-productcode"))
      flag(
        "geen-productcode",
        `${info.naam} heeft nog geen productcode: de 301 wijst aspecifiek toe (alleen ProductCategorie ${doel.categorie[t.wet]}, zonder omvang); Kader bewaart de omvang`,
        "info",
      );
    voorstellen.push({
      doel: doelId,
      productId,
      productNaam: info.naam,
      productcategorie: specifiek ? info.productcategorie! : doel.categorie[t.wet],
      productcode: specifiek ? info.productcode : null,
      toewijzingsvariant: specifiek ? "specifiek" : "aspecifiek",
      eenheid,
      frequentie: volume.frequentie,
      omvang,
      ingangsdatum: plan.wijzigingsdatum,
      einddatum: t.einddatum,
      reden,
      tariefCents: input.tarief?.(t.agbCode, t.gemeentecode, productId, plan.wijzigingsdatum) ?? null,
    });
  };

  const per = (v: Volume) => (v.uitvraagPer === "week" ? "per week" : "per maand");
  const freq = (v: Volume) => (v.frequentie === "2" ? "per week" : "per maand");
  if (!antwoord) flag("geen-antwoord", `de aanbieder heeft voor toewijzing ${t.toewijzingnummer} (nog) geen inzet opgegeven`);
  else if (regel.soort === "vast") {
    if (antwoord.uren === null) flag("geen-antwoord", "het aantal uren ontbreekt");
    else if (antwoord.uren === 0) flag("geen-inzet", "de aanbieder meldt 0 uur inzet: loopt de ondersteuning nog?");
    else {
      const omvang = herreken(antwoord.uren, regel.volume);
      maak(
        regel.doel,
        omvang,
        regel.volume,
        `${regel.van.naam} wordt ${plan.doelen[regel.doel]!.naam}; ${antwoord.uren} uur ${per(regel.volume)} gemeld → ${omvang} uur ${freq(regel.volume)}`,
      );
    }
  } else if (regel.soort === "uren-per-niveau") {
    const perNiveau = antwoord.urenPerNiveau ?? {};
    const som = Object.values(perNiveau).reduce((a, b) => a + b, 0);
    const onbekend = Object.entries(perNiveau).filter(([n, u]) => u > 0 && !regel.niveaus[n]);
    if (antwoord.uren === null && som === 0) flag("geen-antwoord", "de uren en de verdeling over de interventieniveaus ontbreken");
    else if (onbekend.length) flag("uren-passen-niet", `uren op niveau ${onbekend.map(([n]) => n).join(", ")}, waarvoor het plan geen doel kent`);
    else if (som === 0)
      flag(
        antwoord.uren === 0 ? "geen-inzet" : "uren-passen-niet",
        antwoord.uren === 0 ? "de aanbieder meldt 0 uur inzet" : `${antwoord.uren} uur gemeld, maar niet verdeeld over de interventieniveaus`,
      );
    else if (antwoord.uren !== null && Math.abs(antwoord.uren - som) > 1e-9)
      flag("uren-passen-niet", `de uren per niveau (samen ${som}) passen niet bij het totaal (${antwoord.uren})`);
    else {
      // hours per target (levels that map to the same target add up)
      const perDoel = new Map<string, number>();
      for (const [n, u] of Object.entries(perNiveau)) if (u > 0) perDoel.set(regel.niveaus[n]!, (perDoel.get(regel.niveaus[n]!) ?? 0) + u);
      const verdeling = Object.entries(perNiveau)
        .filter(([, u]) => u > 0)
        .map(([n, u]) => `niveau ${n}: ${u}`)
        .join(", ");
      if (regel.keuze === "splitsen") {
        for (const [d, u] of perDoel)
          maak(
            d,
            herreken(u, regel.volume),
            regel.volume,
            `${regel.van.naam} (${verdeling} uur ${per(regel.volume)}) — gesplitst: ${u} uur naar ${plan.doelen[d]!.naam}`,
          );
      } else {
        const ranked = [...perDoel].sort((a, b) => b[1] - a[1]);
        const [top, second] = ranked;
        if (second && Math.abs(second[1] - top![1]) < 1e-9)
          flag(
            "gelijke-uren",
            `gelijke uren voor ${ranked
              .filter(([, u]) => Math.abs(u - top![1]) < 1e-9)
              .map(([d]) => plan.doelen[d]!.naam)
              .join(" en ")} (${verdeling}): kies de vorm`,
          );
        else {
          const omvang = herreken(som, regel.volume);
          maak(
            top![0],
            omvang,
            regel.volume,
            `${regel.van.naam}: meeste uren naar ${plan.doelen[top![0]]!.naam} (${verdeling} uur ${per(regel.volume)}); alle ${som} uur → ${omvang} uur ${freq(regel.volume)}`,
          );
        }
      }
    }
  } else {
    const doelId = antwoord.module ? regel.modules[antwoord.module] : undefined;
    if (antwoord.dagdelen === null) flag("geen-antwoord", "het aantal dagdelen ontbreekt");
    else if (antwoord.dagdelen === 0) flag("geen-inzet", "de aanbieder meldt 0 dagdelen: loopt de dagbesteding nog?");
    else if (!doelId) flag("module-onbekend", `module ${antwoord.module ?? "(leeg)"} — kies ${Object.keys(regel.modules).join(", ")}`);
    else {
      const omvang = herreken(antwoord.dagdelen, regel.volume);
      maak(
        doelId,
        omvang,
        regel.volume,
        `${regel.van.naam} wordt ${plan.doelen[doelId]!.naam}; ${antwoord.dagdelen} dagdelen ${per(regel.volume)} → ${omvang} dagdelen ${freq(regel.volume)}`,
      );
    }
    if (antwoord.vervoer === "regulier" || antwoord.vervoer === "rolstoel") {
      const bands = regel.vervoer[antwoord.vervoer];
      if (antwoord.afstandKm === null) flag("afstand-ontbreekt", "vervoer is gemeld zonder afstand (enkele reis, ANWB-routeplanner, kortste route)");
      else {
        const km = heleKm(antwoord.afstandKm);
        const band = bands.find((b) => km <= b.totKm);
        if (!band)
          flag(
            "afstand-buiten-band",
            `${antwoord.afstandKm} km (afgerond ${km} km) ligt boven de hoogste band (t/m ${bands.at(-1)!.totKm} km); het document noemt geen tarief`,
          );
        else if (antwoord.vervoersdagen === null || antwoord.vervoersdagen === 0) flag("geen-antwoord", "het aantal vervoersdagen per week ontbreekt");
        else {
          const dagen = Math.min(antwoord.vervoersdagen, 5);
          if (antwoord.vervoersdagen > 5)
            flag("uren-passen-niet", `${antwoord.vervoersdagen} vervoersdagen gemeld; vervoer is maximaal 5 dagen per week — 5 voorgesteld`, "info");
          const vol: Volume = { uitvraagPer: regel.volume.uitvraagPer, frequentie: regel.vervoer.frequentie as Volume["frequentie"] };
          const omvang = herreken(dagen, vol);
          maak(
            band.doel,
            omvang,
            vol,
            `vervoer ${antwoord.vervoer}, ${antwoord.afstandKm} km enkele reis (afgerond ${km} km) → ${plan.doelen[band.doel]!.naam}; ${dagen} dagen ${per(vol)} → ${omvang} ${freq(vol)}`,
          );
        }
      }
    }
  }
  return {
    sleutel,
    gemeentecode: t.gemeentecode,
    wet: t.wet,
    toewijzingnummer: t.toewijzingnummer,
    clientId: t.clientId,
    agbCode: t.agbCode,
    regelId: regel.id,
    regelSoort: regel.soort,
    vanProductId: t.productId,
    vanNaam: regel.van.naam,
    oud: { eenheid: t.eenheid, frequentie: t.frequentie, omvang: t.omvang, ingangsdatum: t.ingangsdatum, einddatum: t.einddatum },
    nieuweEinddatumOud: addDays(plan.wijzigingsdatum, -1),
    antwoord,
    voorstellen,
    vlaggen,
    uitvoerbaar: false,
    oudPerMaandCents: oudPerMaand(input, t),
  };
}

/** The old toewijzing per month: omvang per week ×52/12, per maand as is; per dag ×365/12; otherwise unknown. */
function oudPerMaand(input: ProefrunInput, t: LopendeToewijzing): number | null {
  const tarief = input.tarief?.(t.agbCode, t.gemeentecode, t.productId, addDays(input.plan.wijzigingsdatum, -1)) ?? null;
  if (tarief === null || t.omvang === null) return null;
  const factor = t.frequentie === "4" ? 1 : t.frequentie === "2" ? WEKEN_PER_MAAND : t.frequentie === "1" ? 365 / 12 : null;
  return factor === null ? null : Math.round(t.omvang * factor * tarief);
}

/** Short (≤ 12 months left after the change date) or long variant of a target. */
function kiesVariant(plan: ConversiePlan, doel: Doel, t: LopendeToewijzing): { product: string; vlag?: string } {
  if (doel.productLang === undefined) return { product: doel.product };
  const kort = t.einddatum !== null && t.einddatum < addMonths(plan.wijzigingsdatum, 12);
  if (kort) return { product: doel.product };
  if (doel.productLang === null)
    return {
      product: doel.product,
      vlag: `${doel.naam} bestaat alleen kortdurend (maximaal 12 maanden) en de toewijzing loopt ${t.einddatum ? `tot ${t.einddatum}` : "zonder einddatum"}`,
    };
  return { product: doel.productLang };
}

/** Two aspecifieke proposals of one client, aanbieder and law in the same categorie would overlap in one 301 (noOverlap). */
function markeerOverlap(out: Uitkomst[]) {
  const seen = new Map<string, Uitkomst[]>();
  for (const u of out)
    for (const v of u.voorstellen)
      if (v.toewijzingsvariant === "aspecifiek") {
        const k = `${u.clientId}|${u.agbCode}|${u.wet}|${v.productcategorie}`;
        const list = seen.get(k) ?? [];
        if (!list.includes(u)) list.push(u);
        seen.set(k, list);
      }
  for (const [k, list] of seen) {
    const n = out.flatMap((u) =>
      u.voorstellen.filter((v) => v.toewijzingsvariant === "aspecifiek" && `${u.clientId}|${u.agbCode}|${u.wet}|${v.productcategorie}` === k),
    ).length;
    if (n > 1)
      for (const u of list)
        if (!u.vlaggen.some((v) => v.code === "categorie-overlap"))
          u.vlaggen.push({
            code: "categorie-overlap",
            ernst: "beslissing",
            tekst: `meer nieuwe toewijzingen zonder productcode in categorie ${k.split("|")[3]} voor deze cliënt bij deze aanbieder; een 301 staat dat niet toe — wacht op de productcodes of kies één`,
          });
  }
}

export interface Totaal {
  sleutel: string;
  toewijzingen: number;
  uitvoerbaar: number;
  vlaggen: number;
  /** null as soon as one tariff is unknown: a partial sum would mislead */
  nieuwPerMaandCents: number | null;
  oudPerMaandCents: number | null;
}

/** Totals per aanbieder and per target product, with the monthly amount where tariffs are known. */
export function totalen(uitkomsten: Uitkomst[]): { perAanbieder: Totaal[]; perProduct: Totaal[]; perVlag: Record<string, number> } {
  const add = (m: Map<string, Totaal>, k: string, u: Uitkomst, v: Voorstel | null) => {
    const t = m.get(k) ?? { sleutel: k, toewijzingen: 0, uitvoerbaar: 0, vlaggen: 0, nieuwPerMaandCents: 0, oudPerMaandCents: 0 };
    if (!v) t.oudPerMaandCents = t.oudPerMaandCents === null || u.oudPerMaandCents === null ? null : t.oudPerMaandCents + u.oudPerMaandCents;
    t.toewijzingen += 1;
    if (u.uitvoerbaar) t.uitvoerbaar += 1;
    if (u.vlaggen.some((f) => f.ernst === "beslissing")) t.vlaggen += 1;
    const vs = v ? [v] : u.voorstellen;
    for (const x of vs) {
      const maand = x.frequentie === "2" ? x.omvang * WEKEN_PER_MAAND : x.omvang;
      t.nieuwPerMaandCents = x.tariefCents === null || t.nieuwPerMaandCents === null ? null : t.nieuwPerMaandCents + Math.round(maand * x.tariefCents);
    }
    m.set(k, t);
  };
  const a = new Map<string, Totaal>();
  const p = new Map<string, Totaal>();
  const perVlag: Record<string, number> = {};
  for (const u of uitkomsten) {
    add(a, u.agbCode, u, null);
    for (const v of u.voorstellen) add(p, v.productId, u, v);
    for (const f of u.vlaggen) perVlag[f.code] = (perVlag[f.code] ?? 0) + 1;
  }
  return { perAanbieder: [...a.values()], perProduct: [...p.values()].sort((x, y) => x.sleutel.localeCompare(y.sleutel)), perVlag };
}

/** The uitvraag columns a rule needs (docs/conversie.md): which figures a provider is asked for. */
export function uitvraagKolommen(regel: Regel): ("uren" | `niveau-${string}` | "module" | "dagdelen" | "vervoer" | "vervoersdagen" | "afstandKm")[] {
  if (regel.soort === "vast") return ["uren"];
  if (regel.soort === "uren-per-niveau")
    return [
      "uren",
      ...Object.keys(regel.niveaus)
        .sort((a, b) => Number(a) - Number(b))
        .map((n) => `niveau-${n}` as const),
    ];
  return ["module", "dagdelen", "vervoer", "vervoersdagen", "afstandKm"];
}
