/**
 * Synthetic running toewijzingen on the old NMD products (interventieniveau 4–7 begeleiding, dagbesteding under
 * resultaatbekostiging) to take through the 004 conversion, with the answers a provider would give — one canonical
 * case per kind of outcome and flag, plus seeded random volume. Every client is marked demo; names end in "(demo)".
 */
import type { Wet } from "../domain/care/codes.ts";
import type { Antwoord } from "../domain/conversion/compute.ts";
import type { IsoDate } from "../domain/shared/date.ts";
import type { CareRepository, ToewijzingRecord } from "./care-ports.ts";
import { demoBsn, seeded } from "./demo.ts";

export const CONVERSIE_AANBIEDERS = ["98765432", "87654321", "76543210"] as const;

/** A legacy product as it was granted: the label (product id) the 004 plan recognises, and a code where 004 names one. */
const legacy = (wet: Wet, kind: "4" | "5" | "6" | "7" | "dagbesteding") => ({
  productId: kind === "dagbesteding" ? `nmd-2025.${wet}.dagbesteding` : `nmd-2025.${wet}.begeleiding-niveau-${kind}`,
  productcategorie: kind === "dagbesteding" ? (wet === "wmo" ? "07" : "45") : kind === "7" ? (wet === "wmo" ? "10" : "50") : wet === "wmo" ? "02" : "45",
  productcode: kind === "7" ? (wet === "wmo" ? "10A60" : "50A22") : null,
});

export interface ConversieCase {
  naam: string;
  wet: Wet;
  soort: "4" | "5" | "6" | "7" | "dagbesteding" | "catalogus";
  aanbieder: string;
  einddatum: IsoDate | null;
  ingangsdatum?: IsoDate;
  /** the provider's answer; null: the provider does not answer this row */
  antwoord: Partial<Antwoord> | null;
  /** another product for the same client (same beschikking) */
  samenMet?: number;
  verwacht: string;
}

/** The canonical cases (docs/conversie.md lists the outcomes); the tests pin each. */
export const CONVERSIE_CASES: ConversieCase[] = [
  {
    naam: "niveau 4 → Basis kort",
    wet: "wmo",
    soort: "4",
    aanbieder: "98765432",
    einddatum: "2026-06-30",
    antwoord: { uren: 6 },
    verwacht: "begeleiding-basis-kort 6 uur/maand",
  },
  {
    naam: "niveau 5 → Basis lang",
    wet: "wmo",
    soort: "5",
    aanbieder: "98765432",
    einddatum: "2027-12-31",
    antwoord: { uren: 10.5 },
    verwacht: "begeleiding-basis-lang 11 uur/maand",
  },
  {
    naam: "niveau 6 → Basis Plus (Jeugd)",
    wet: "jeugdwet",
    soort: "6",
    aanbieder: "76543210",
    einddatum: "2026-08-31",
    antwoord: { uren: 8 },
    verwacht: "begeleiding-basisplus-kort 8 uur/maand",
  },
  {
    naam: "niveau 7 → Specialistisch (meeste uren)",
    wet: "wmo",
    soort: "7",
    aanbieder: "98765432",
    einddatum: "2026-09-30",
    antwoord: { uren: 20, urenPerNiveau: { "4": 2, "6": 4, "7": 14 } },
    verwacht: "begeleiding-specialistisch-kort 20 uur/maand",
  },
  {
    naam: "niveau 7 → Basis (Jeugd, meeste uren op 4 en 5)",
    wet: "jeugdwet",
    soort: "7",
    aanbieder: "76543210",
    einddatum: "2026-12-31",
    antwoord: { uren: 12, urenPerNiveau: { "4": 3, "5": 5, "7": 4 } },
    verwacht: "begeleiding-basis-kort 12 uur/maand",
  },
  {
    naam: "niveau 7 gelijke uren",
    wet: "wmo",
    soort: "7",
    aanbieder: "98765432",
    einddatum: "2026-10-31",
    antwoord: { uren: 10, urenPerNiveau: { "6": 5, "7": 5 } },
    verwacht: "vlag gelijke-uren",
  },
  {
    naam: "niveau 7 uren passen niet",
    wet: "wmo",
    soort: "7",
    aanbieder: "98765432",
    einddatum: "2026-10-31",
    antwoord: { uren: 16, urenPerNiveau: { "6": 5, "7": 5 } },
    verwacht: "vlag uren-passen-niet",
  },
  {
    naam: "niveau 7 zonder einddatum",
    wet: "wmo",
    soort: "7",
    aanbieder: "98765432",
    einddatum: null,
    antwoord: { uren: 9, urenPerNiveau: { "7": 9 } },
    verwacht: "vlag duur-langer-dan-kort",
  },
  { naam: "niveau 5 geen inzet", wet: "wmo", soort: "5", aanbieder: "98765432", einddatum: "2026-06-30", antwoord: { uren: 0 }, verwacht: "vlag geen-inzet" },
  {
    naam: "dagbesteding M3 + vervoer 10,3 km",
    wet: "wmo",
    soort: "dagbesteding",
    aanbieder: "87654321",
    einddatum: "2026-12-31",
    antwoord: { module: "M3", dagdelen: 3, vervoer: "regulier", vervoersdagen: 3, afstandKm: 10.3 },
    verwacht: "dagbesteding-m3 13/maand + vervoer-regulier-11-20 13/maand",
  },
  {
    naam: "dagbesteding rolstoel boven 30 km",
    wet: "wmo",
    soort: "dagbesteding",
    aanbieder: "87654321",
    einddatum: "2026-12-31",
    antwoord: { module: "M1", dagdelen: 4, vervoer: "rolstoel", vervoersdagen: 4, afstandKm: 34 },
    verwacht: "vlag afstand-buiten-band",
  },
  {
    naam: "dagbesteding vervoer zonder afstand",
    wet: "wmo",
    soort: "dagbesteding",
    aanbieder: "87654321",
    einddatum: "2026-12-31",
    antwoord: { module: "M2", dagdelen: 2, vervoer: "regulier", vervoersdagen: 2 },
    verwacht: "vlag afstand-ontbreekt",
  },
  {
    naam: "dagbesteding zonder module",
    wet: "wmo",
    soort: "dagbesteding",
    aanbieder: "87654321",
    einddatum: "2026-12-31",
    antwoord: { dagdelen: 2 },
    verwacht: "vlag module-onbekend",
  },
  {
    naam: "dagbesteding zonder vervoer",
    wet: "wmo",
    soort: "dagbesteding",
    aanbieder: "87654321",
    einddatum: "2026-12-31",
    antwoord: { module: "M3", dagdelen: 5, vervoer: "geen" },
    verwacht: "dagbesteding-m3 22/maand",
  },
  { naam: "niveau 4 zonder antwoord", wet: "wmo", soort: "4", aanbieder: "76543210", einddatum: "2026-06-30", antwoord: null, verwacht: "vlag geen-antwoord" },
  {
    naam: "Jeugd dagbesteding (samen met begeleiding)",
    wet: "jeugdwet",
    soort: "dagbesteding",
    aanbieder: "76543210",
    einddatum: "2026-12-31",
    antwoord: { module: "M2", dagdelen: 4, vervoer: "geen" },
    verwacht: "vlag categorie-overlap",
  },
  {
    naam: "Jeugd niveau 4 (samen met dagbesteding)",
    wet: "jeugdwet",
    soort: "4",
    aanbieder: "76543210",
    einddatum: "2026-12-31",
    antwoord: { uren: 4 },
    samenMet: 15,
    verwacht: "vlag categorie-overlap",
  },
  { naam: "eindigt vóór de wijzigingsdatum", wet: "wmo", soort: "4", aanbieder: "98765432", einddatum: "2025-11-30", antwoord: null, verwacht: "niet geraakt" },
  {
    naam: "product uit de catalogus",
    wet: "wmo",
    soort: "catalogus",
    aanbieder: "98765432",
    einddatum: "2026-12-31",
    antwoord: null,
    verwacht: "niet geraakt",
  },
];

export interface ConversieDemo {
  /** the created toewijzingen in the order of the cases, then the random extra ones */
  toewijzingen: ToewijzingRecord[];
  /** the provider's answers by toewijzing key (gemeente/wet/nummer); absent: not answered */
  antwoorden: Map<string, Antwoord>;
  cases: { case: ConversieCase; toewijzing: ToewijzingRecord }[];
}

const fullAnswer = (a: Partial<Antwoord>): Antwoord => ({
  uren: null,
  urenPerNiveau: null,
  module: null,
  dagdelen: null,
  vervoer: null,
  vervoersdagen: null,
  afstandKm: null,
  opmerking: null,
  ...a,
});

/**
 * Writes the cases (and `extra` seeded random niveau 4–6 and dagbesteding toewijzingen with answers) to the care
 * chain of a gemeente, in one transaction. Legacy products are not in the catalogue, so this writes through the
 * repository, not the grant check.
 */
export async function loadConversieDemo(
  repo: CareRepository,
  opts: { gemeentecode?: string; today: IsoDate; seed?: number; extra?: number },
): Promise<ConversieDemo> {
  const gemeente = opts.gemeentecode ?? "0106";
  const r = seeded(opts.seed ?? 2025);
  const at = `${opts.today}T08:00:00.000Z`;
  const extra: ConversieCase[] = [];
  for (let i = 0; i < (opts.extra ?? 0); i++) {
    const soort = r.pick(["4", "5", "6", "dagbesteding"] as const);
    const wet = r.pick(["wmo", "jeugdwet"] as const);
    const einddatum = r.pick(["2026-03-31", "2026-12-31", "2027-06-30"]);
    const antwoord: Partial<Antwoord> | null =
      r.next() < 0.1
        ? null
        : soort === "dagbesteding"
          ? { module: r.pick(["M1", "M2", "M3"]), dagdelen: r.int(1, 8), vervoer: "geen" }
          : { uren: r.int(2, 30) };
    extra.push({ naam: `willekeurig ${i + 1}`, wet, soort, aanbieder: r.pick(CONVERSIE_AANBIEDERS), einddatum, antwoord, verwacht: "" });
  }
  return repo.transaction(async (tx) => {
    const out: ConversieDemo = { toewijzingen: [], antwoorden: new Map(), cases: [] };
    const clientOf = new Map<number, { clientId: number; beschikkingId: number }>();
    const all = [...CONVERSIE_CASES, ...extra];
    for (const [i, c] of all.entries()) {
      let ids = c.samenMet !== undefined ? clientOf.get(c.samenMet) : undefined;
      const ingang = c.ingangsdatum ?? "2025-03-01";
      const eind = c.einddatum ?? "2027-12-31";
      if (!ids) {
        const client = await tx.insertClient(
          {
            gemeentecode: gemeente,
            bsn: demoBsn(r, "9998"),
            geboortedatum:
              c.wet === "jeugdwet" ? `20${String(r.int(10, 15))}-0${r.int(1, 9)}-1${r.int(0, 9)}` : `19${r.int(50, 99)}-0${r.int(1, 9)}-2${r.int(0, 8)}`,
            naam: `Conversie ${c.naam} (demo)`,
            naamdelen: { achternaam: `Conversie ${c.naam} (demo)`.slice(0, 200) },
            adres: { plaats: "Assen", postcode: "9401 AA", huisnummer: String(r.int(1, 200)), straat: "Demostraat" },
            demo: true,
          },
          at,
        );
        const b = await tx.insertBeschikking({
          gemeentecode: gemeente,
          clientId: client.id,
          wet: c.wet,
          beschikkingnummer: `CONV-${gemeente}-${String(i + 1).padStart(4, "0")}-${client.id}`,
          afgiftedatum: "2025-02-15",
          ingangsdatum: ingang,
          einddatum: eind,
          verwijzer: "01",
          producten: [],
          bevindingen: [],
          override: null,
          createdBy: "conversie-demo",
          createdAt: at,
        });
        ids = { clientId: client.id, beschikkingId: b.id };
      }
      clientOf.set(i, ids);
      const p =
        c.soort === "catalogus"
          ? { productId: `004-nmd-pve-2026.${c.wet}.begeleiding-basis-kort`, productcategorie: null, productcode: null }
          : legacy(c.wet, c.soort);
      const t: ToewijzingRecord = {
        gemeentecode: gemeente,
        wet: c.wet,
        toewijzingnummer: await tx.nextToewijzingnummer(gemeente, c.wet),
        beschikkingId: ids.beschikkingId,
        clientId: ids.clientId,
        agbCode: c.aanbieder,
        productId: p.productId,
        productcategorie: p.productcategorie,
        productcode: p.productcode,
        // result-based: one result per month
        eenheid: c.soort === "catalogus" ? "04" : "82",
        frequentie: "4",
        omvang: c.soort === "catalogus" ? 4 : 1,
        budgetCents: null,
        toewijzingsdatum: "2025-02-15",
        ingangsdatum: ingang,
        einddatum: c.einddatum,
        status: "gestart",
        redenWijziging: null,
        startdatum: ingang,
        gedeclareerdTot: null,
        geleverd: [{ begin: ingang, end: null }],
      };
      await tx.insertToewijzing(t, at);
      out.toewijzingen.push(t);
      if (i < CONVERSIE_CASES.length) out.cases.push({ case: c, toewijzing: t });
      if (c.antwoord) out.antwoorden.set(`${t.gemeentecode}/${t.wet}/${t.toewijzingnummer}`, fullAnswer(c.antwoord));
    }
    return out;
  });
}
