/** Builders and a small world for the message-processing tests: models with defaults, built to XML by the codec. */
import type { Db } from "../src/adapters/db/db.ts";
import { buildMessage, messageByName, validateMessage } from "../src/messages/index.ts";
import type { AnyModel } from "../src/messages/schema/structure.ts";
import type { Kader } from "../src/cli/compose.ts";

export const GEMEENTE = "0106";
export const AGB = "12345678";
export const OTHER_AGB = "87654321";

/** The n-th valid test BSN (9 digits, elfproef), deterministic. */
export function bsn(n: number): string {
  for (let x = 100_000 + n * 37; ; x++) {
    const s = `999${String(x).padStart(6, "0")}`.slice(0, 9);
    const sum = [...s].reduce((acc, d, i) => acc + (i === 8 ? -1 : 9 - i) * Number(d), 0);
    if (sum % 11 === 0) return s;
  }
}

const xsd = { BasisschemaXsdVersie: "1.0.0", BerichtXsdVersie: "1.0.0" };
const header = (code: string, afzender: string, ontvanger: string, id: string, dag: string) => ({
  BerichtCode: code,
  BerichtVersie: 3,
  BerichtSubversie: 2,
  Afzender: afzender,
  Ontvanger: ontvanger,
  BerichtIdentificatie: { Identificatie: id, Dagtekening: dag },
  XsdVersie: xsd,
});
const korteClient = (b: string) => ({
  Bsn: b,
  Geboortedatum: { Datum: "1960-03-02" },
  Geslacht: "1",
  Naam: { Geslachtsnaam: { Achternaam: "Jansen" }, Voorletters: "P" },
});

export type Std = "WMO" | "JW";
const code = (std: Std, wmo: number, jw: number) => String(std === "WMO" ? wmo : jw);

export function xml(name: string, model: AnyModel): Uint8Array {
  const def = messageByName(name);
  if (!def) throw new Error(name);
  return new TextEncoder().encode(buildMessage(def, model));
}

export interface Toegewezen {
  nummer: number;
  cat?: string;
  code?: string;
  ingang?: string;
  eind?: string;
  omvang?: [number, string, string];
  budget?: number;
  ref?: string;
  reden?: string;
}

export function m301(o: { std?: Std; id: string; dag?: string; bsn: string; producten: Toegewezen[]; agb?: string; gemeente?: string }): Uint8Array {
  const std = o.std ?? "WMO";
  return xml(`${std}301`, {
    Header: header(code(std, 414, 436), o.gemeente ?? GEMEENTE, o.agb ?? AGB, o.id, o.dag ?? "2026-01-05"),
    Client: {
      Bsn: o.bsn,
      Geboortedatum: { Datum: "1960-03-02" },
      Geslacht: "1",
      Naam: { Geslachtsnaam: { Achternaam: "Jansen" }, Voorletters: "P", NaamGebruik: "1" },
      Contactgegevens: {
        Contact: [{ Soort: "01", Adres: { Huis: { Huisnummer: 12 }, Postcode: "9401AB", Straatnaam: "Brink", Plaatsnaam: "Assen", LandCode: "NL" } }],
      },
      ToegewezenProducten: {
        ToegewezenProduct: o.producten.map((p) => ({
          ToewijzingNummer: p.nummer,
          ...(p.ref ? { ReferentieAanbieder: p.ref } : {}),
          Product: { Categorie: p.cat ?? "02", Code: p.code ?? "02A05" },
          Toewijzingsdatum: "2026-01-05",
          Toewijzingstijd: "10:00:00",
          Ingangsdatum: p.ingang ?? "2026-01-01",
          Einddatum: p.eind ?? "2026-12-31",
          ...(p.reden ? { RedenWijziging: p.reden } : {}),
          ...(p.budget !== undefined
            ? { Budget: p.budget }
            : { Omvang: { Volume: p.omvang?.[0] ?? 4, Eenheid: p.omvang?.[1] ?? "04", Frequentie: p.omvang?.[2] ?? "2" } }),
        })),
      },
    },
  });
}

export function m305(o: {
  std?: Std;
  id: string;
  dag?: string;
  bsn: string;
  items: { nummer?: number; begindatum: string; status?: string }[];
  agb?: string;
  gemeente?: string;
}): Uint8Array {
  const std = o.std ?? "WMO";
  return xml(`${std}305`, {
    Header: header(code(std, 418, 438), o.agb ?? AGB, o.gemeente ?? GEMEENTE, o.id, o.dag ?? "2026-05-02"),
    Client: {
      ...korteClient(o.bsn),
      StartProducten: {
        StartProduct: o.items.map((i) => ({
          ...(i.nummer !== undefined ? { ToewijzingNummer: i.nummer } : {}),
          Begindatum: i.begindatum,
          StatusAanlevering: i.status ?? "1",
        })),
      },
    },
  });
}

export function m307(o: {
  std?: Std;
  id: string;
  dag?: string;
  bsn: string;
  items: { nummer: number; begindatum: string; einddatum: string; reden?: string; status?: string }[];
}): Uint8Array {
  const std = o.std ?? "WMO";
  return xml(`${std}307`, {
    Header: header(code(std, 420, 440), AGB, GEMEENTE, o.id, o.dag ?? "2026-05-20"),
    Client: {
      ...korteClient(o.bsn),
      StopProducten: {
        StopProduct: o.items.map((i) => ({
          ToewijzingNummer: i.nummer,
          Begindatum: i.begindatum,
          RedenBeeindiging: i.reden ?? "02",
          Einddatum: i.einddatum,
          StatusAanlevering: i.status ?? "1",
        })),
      },
    },
  });
}

export function m315(o: { std?: Std; id: string; dag?: string; bsn: string; refs: string[]; agb?: string; gemeente?: string }): Uint8Array {
  const std = o.std ?? "WMO";
  return xml(`${std}315`, {
    Header: header(code(std, 444, 446), o.agb ?? AGB, o.gemeente ?? GEMEENTE, o.id, o.dag ?? "2026-05-03"),
    Client: {
      ...korteClient(o.bsn),
      AangevraagdeProducten: {
        AangevraagdProduct: o.refs.map((ref, i) => ({
          ReferentieAanbieder: ref,
          Product:
            std === "JW"
              ? { Categorie: "45", Code: `45A${String(48 + i)}` }
              : { Categorie: "02", Code: i === 0 ? "02A05" : `02A${String(10 + i).padStart(2, "0")}` },
          ToewijzingIngangsdatum: "2026-06-01",
          ToewijzingEinddatum: "2026-12-31",
          Omvang: { Volume: 4, Eenheid: "04", Frequentie: "2" },
          Verwijzer: { Type: "01" },
        })),
      },
    },
  });
}

export function m317(o: { id: string; dag?: string; bsn: string; ref: string; ongewijzigd?: number[]; tewijzigen?: number[] }): Uint8Array {
  return xml("WMO317", {
    Header: header("480", AGB, GEMEENTE, o.id, o.dag ?? "2026-05-04"),
    Client: {
      Bsn: o.bsn,
      Verzoek: {
        ReferentieAanbieder: o.ref,
        RedenVerzoek: "1",
        ...(o.ongewijzigd?.length ? { OngewijzigdeProducten: { OngewijzigdProduct: o.ongewijzigd.map((n) => ({ ToewijzingNummer: n })) } } : {}),
        ...(o.tewijzigen?.length
          ? {
              TeWijzigenProducten: {
                TeWijzigenProduct: o.tewijzigen.map((n) => ({
                  ToewijzingNummer: n,
                  GewensteIngangsdatum: "2026-06-01",
                  Einddatum: "2026-12-31",
                  Omvang: { Volume: 6, Eenheid: "04", Frequentie: "2" },
                })),
              },
            }
          : {}),
      },
    },
  });
}

export function m319(o: { std?: Std; id: string; dag?: string; ref: string; antwoord?: string; reden?: string; agb?: string; gemeente?: string }): Uint8Array {
  const std = o.std ?? "WMO";
  return xml(`${std}319`, {
    Header: header(code(std, 482, 488), o.gemeente ?? GEMEENTE, o.agb ?? AGB, o.id, o.dag ?? "2026-05-10"),
    Antwoord: { ReferentieAanbieder: o.ref, VerzoekAntwoord: o.antwoord ?? "1", ...(o.reden ? { RedenAfwijzingVerzoek: o.reden } : {}) },
  });
}

export interface Prest {
  ref: string;
  nummer: number;
  cat?: string;
  code?: string;
  begin?: string;
  eind?: string;
  volume?: number;
  eenheid?: string;
  tarief?: number;
  bedrag?: number;
  dc?: "D" | "C";
}

export function m323(o: {
  std?: Std;
  id: string;
  dag?: string;
  nummer: string;
  begin?: string;
  eind?: string;
  clients: { bsn: string; prestaties: Prest[] }[];
  agb?: string;
}): Uint8Array {
  const std = o.std ?? "WMO";
  const begin = o.begin ?? "2026-05-01";
  const eind = o.eind ?? "2026-05-31";
  const ps = o.clients.flatMap((c) => c.prestaties);
  const bedrag = (p: Prest) => p.bedrag ?? (p.volume ?? 4) * (p.tarief ?? 6000);
  const total = ps.reduce((s, p) => s + (p.dc === "C" ? -1 : 1) * bedrag(p), 0);
  return xml(`${std}323`, {
    Header: header(code(std, 484, 490), o.agb ?? AGB, GEMEENTE, o.id, o.dag ?? "2026-06-01"),
    Declaratie: {
      DeclaratieNummer: o.nummer,
      DeclaratiePeriode: { Begindatum: begin, Einddatum: eind },
      DeclaratieDagtekening: o.dag ?? "2026-06-01",
      TotaalIngediendBedrag: { TotaalBedrag: Math.abs(total), DebetCredit: total < 0 ? "C" : "D" },
      Clienten: {
        Client: o.clients.map((c) => ({
          Bsn: c.bsn,
          Prestaties: {
            Prestatie: c.prestaties.map((p) => ({
              ProductReferentie: { ReferentieNummer: p.ref },
              ToewijzingNummer: p.nummer,
              ProductCategorie: p.cat ?? "02",
              ProductCode: p.code ?? "02A05",
              ProductPeriode: { Begindatum: p.begin ?? begin, Einddatum: p.eind ?? eind },
              GeleverdVolume: p.volume ?? 4,
              Eenheid: p.eenheid ?? "04",
              ProductTarief: p.tarief ?? 6000,
              IngediendBedrag: { Bedrag: bedrag(p), DebetCredit: p.dc ?? "D" },
            })),
          },
        })),
      },
    },
  });
}

/** The catalogue product Kader resolves a Wmo code to, with a contract for it at a tariff (cents). */
export async function contract(
  k: Kader,
  db: Db,
  o: { agb?: string; productcode: string; law?: "wmo" | "jeugdwet"; cents: number; from?: string },
): Promise<string> {
  const all = await k.catalogue.all();
  const p = all.products.filter((x) => x.productcode === o.productcode && x.law === (o.law ?? "wmo")).sort((a, b) => a.id.localeCompare(b.id))[0];
  if (!p) throw new Error(`geen product ${o.productcode}`);
  const agb = o.agb ?? AGB;
  await db.query("insert into aanbieder (agb_code, name, gemeentecodes, created_at, updated_at) values ($1, $2, $3, now(), now()) on conflict do nothing", [
    agb,
    `Aanbieder ${agb}`,
    [GEMEENTE],
  ]);
  await db.query("insert into aanbieder_contract (agb_code, gemeentecode, product_id, valid_from, valid_to, tariff_cents) values ($1, $2, $3, $4, null, $5)", [
    agb,
    GEMEENTE,
    p.id,
    o.from ?? "2025-01-01",
    o.cents,
  ]);
  return p.id;
}

export const input = (bestandsnaam: string, bytes: Uint8Array) => ({ bestandsnaam, bytes });

/** The model of an answer Kader wrote, read back by the codec (which must find no failure). */
export function readAnswer(xmlText: string): AnyModel {
  const r = validateMessage(xmlText, { model: true });
  if (r.failures.length) throw new Error(`ongeldig antwoord: ${JSON.stringify(r.failures.slice(0, 3))}`);
  return r.model!;
}

type M = AnyModel;
const list = (v: unknown): M[] => (Array.isArray(v) ? (v as M[]) : v ? [v as M] : []);
const codes = (m: M | undefined): string[] => list((m?.RetourCodes as M | undefined)?.RetourCode as unknown).map(String);

/** Header RetourCodes of an answer. */
export const headerCodes = (m: M): string[] => codes(m.Header as M);

/** 325: retourcodes per ReferentieNummer of the prestaties listed (the rejected ones). */
export function prestatieCodes(m: M): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const a = m.DeclaratieAntwoord as M | undefined;
  for (const c of list((a?.Clienten as M | undefined)?.Client))
    for (const p of list((c.Prestaties as M).Prestatie)) out.set(String((p.ProductReferentie as M).ReferentieNummer), codes(p));
  return out;
}

export const antwoordCodes = (m: M): string[] => codes(m.DeclaratieAntwoord as M | undefined);

/** 306/308: retourcodes per Start/StopProduct, in order. */
export function productCodes(m: M, list_: "StartProducten" | "StopProducten"): string[][] {
  const c = m.Client as M | undefined;
  const items = list((c?.[list_] as M | undefined)?.[list_ === "StartProducten" ? "StartProduct" : "StopProduct"]);
  return items.map(codes);
}

export const classCodes = codes;
