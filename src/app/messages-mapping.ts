/**
 * Mapping between iWmo/iJw 3.2 message models and the care chain: retour twins with retourcodes per message class,
 * the 323 as a Declaratie, the 325 from a check result, the 301 from a gemeente's toewijzingen and back. Pure: no I/O.
 */
import type { DeclaratieResult } from "../domain/billing/check.ts";
import type { Eenheid, Frequentie, RedenWijziging, Wet } from "../domain/care/codes.ts";
import type { IsoDate } from "../domain/shared/date.ts";
import { type MessageDefinition, type MessageName, type MessageNumber, messageByName } from "../messages/index.ts";
import type { Standaard } from "../messages/schema/codelists.ts";
import { type AnyModel, type ComplexType, isComplex, type ModelValue } from "../messages/schema/structure.ts";
import type { ClientRecord, ToewijzingRecord } from "./care-ports.ts";

export const wetOf = (std: Standaard): Wet => (std === "iwmo" ? "wmo" : "jeugdwet");
export const standaardOf = (wet: Wet): Standaard => (wet === "wmo" ? "iwmo" : "ijw");

export function definition(std: Standaard, number: MessageNumber): MessageDefinition {
  const name = `${std === "iwmo" ? "WMO" : "JW"}${number}` as MessageName;
  const def = messageByName(name);
  if (!def) throw new Error(`onbekend bericht ${name}`);
  return def;
}

/** The retour or antwoord message of a heen message (302 for 301, 325 for 323). */
export function answerDefinition(def: MessageDefinition): MessageDefinition {
  const n = String(Number(def.number) + (def.number === "323" ? 2 : 1)) as MessageNumber;
  return definition(def.standaard, n);
}

/** Messages sent by an aanbieder (the heen messages 305, 307, 315, 317, 323 and the retours 302, 320). */
export const sentByAanbieder = (n: MessageNumber): boolean => ["305", "307", "315", "317", "323", "302", "320"].includes(n);

export interface HeaderInfo {
  berichtCode: string;
  afzender: string;
  ontvanger: string;
  identificatie: string;
  dagtekening: IsoDate;
  /** the party codes, whichever is sender: gemeentecode (4 digits) and AGB code (8 digits) */
  gemeentecode: string;
  agbCode: string;
}

/** The header fields Kader needs to answer a message; null when the header is too broken to answer. */
export function headerInfo(model: AnyModel | undefined): HeaderInfo | null {
  const h = model?.Header as AnyModel | undefined;
  const id = h?.BerichtIdentificatie as AnyModel | undefined;
  const str = (v: ModelValue | undefined) => (typeof v === "string" || typeof v === "number" ? String(v) : null);
  const afzender = str(h?.Afzender);
  const ontvanger = str(h?.Ontvanger);
  const identificatie = str(id?.Identificatie);
  const dagtekening = str(id?.Dagtekening);
  const berichtCode = str(h?.BerichtCode);
  if (!afzender || !ontvanger || !identificatie || !dagtekening || !berichtCode) return null;
  if (!/^[0-9]{4}$|^[0-9]{8}$/.test(afzender) || !/^[0-9]{4}$|^[0-9]{8}$/.test(ontvanger) || afzender.length === ontvanger.length) return null;
  const gemeentecode = afzender.length === 4 ? afzender : ontvanger;
  const agbCode = afzender.length === 8 ? afzender : ontvanger;
  return { berichtCode, afzender, ontvanger, identificatie, dagtekening, gemeentecode, agbCode };
}

const XSD_VERSIE = { BasisschemaXsdVersie: "1.0.0", BerichtXsdVersie: "1.0.0" };

/** Retourcodes per message class, by path ("Bericht/Client/StartProducten/StartProduct[2]"); 0200 where none is given. */
export type CodesFor = (path: string) => string[];

/** Adds a RetourCodes class wherever the retour structure has one, walking the heen model along the retour type. */
function decorate(type: ComplexType, model: AnyModel, path: string, codesFor: CodesFor): AnyModel {
  const out: AnyModel = {};
  for (const [name, particle] of Object.entries(type.children)) {
    if (name === "RetourCodes") continue;
    const v = model[name];
    if (v === undefined) continue;
    const t = particle.type;
    if (isComplex(t) && typeof v === "object") {
      if (Array.isArray(v))
        out[name] = v.map((item, i) => decorate(t, item as AnyModel, `${path}/${name}${particle.max === "n" ? `[${i + 1}]` : ""}`, codesFor));
      else out[name] = decorate(t, v, `${path}/${name}`, codesFor);
    } else out[name] = v;
  }
  if ("RetourCodes" in type.children) {
    const codes = codesFor(path);
    out.RetourCodes = { RetourCode: codes.length ? codes : ["0200"] };
  }
  return out;
}

export interface RetourMeta {
  identificatie: string;
  dagtekening: IsoDate;
}

/**
 * The retour message (302, 306, 308, 316, 318, 320) of a heen message: the heen header plus the retour header, and —
 * unless the header is rejected (0001, 9056, 8848: header only, as the standard's examples do) — the heen body with
 * RetourCodes at every class.
 */
export function buildRetourModel(retourDef: MessageDefinition, heen: AnyModel, meta: RetourMeta, headerCodes: string[], codesFor: CodesFor | null): AnyModel {
  const h = heen.Header as AnyModel;
  const header: AnyModel = {
    BerichtCode: retourDef.berichtCode,
    BerichtVersie: h.BerichtVersie ?? 3,
    BerichtSubversie: h.BerichtSubversie ?? 2,
    Afzender: h.Afzender!,
    Ontvanger: h.Ontvanger!,
    BerichtIdentificatie: h.BerichtIdentificatie!,
    XsdVersie: h.XsdVersie ?? XSD_VERSIE,
    IdentificatieRetour: meta.identificatie,
    DagtekeningRetour: meta.dagtekening,
    XsdVersieRetour: XSD_VERSIE,
    RetourCodes: { RetourCode: headerCodes.length ? headerCodes : ["0200"] },
  };
  const out: AnyModel = { Header: header };
  if (codesFor) {
    const [bodyName, particle] = Object.entries(retourDef.root.children).find(([n]) => n !== "Header")!;
    const body = heen[bodyName];
    if (body && typeof body === "object" && !Array.isArray(body) && isComplex(particle.type))
      out[bodyName] = decorate(particle.type, body, `Bericht/${bodyName}`, codesFor);
  }
  return out;
}

// ---- 323 → Declaratie, result → 325 ----

type M = AnyModel;
const arr = (v: ModelValue | undefined): M[] => (Array.isArray(v) ? (v as M[]) : v && typeof v === "object" ? [v as M] : []);
const obj = (v: ModelValue | undefined): M => (v && typeof v === "object" && !Array.isArray(v) ? (v as M) : {});
const str = (v: ModelValue | undefined): string | null => (typeof v === "string" || typeof v === "number" ? String(v) : null);
const num = (v: ModelValue | undefined): number => (typeof v === "number" ? v : Number(v ?? 0));

/** The prestaties of a 323 in message order, each with its client's BSN and its path. */
export function prestatiesOf(model: AnyModel): { bsn: string; prestatie: M; path: string; clientIndex: number }[] {
  const out: { bsn: string; prestatie: M; path: string; clientIndex: number }[] = [];
  for (const [ci, c] of arr(obj(obj(model.Declaratie).Clienten).Client).entries())
    for (const [pi, p] of arr(obj(c.Prestaties).Prestatie).entries())
      out.push({ bsn: str(c.Bsn) ?? "", prestatie: p, path: `Bericht/Declaratie/Clienten/Client[${ci + 1}]/Prestaties/Prestatie[${pi + 1}]`, clientIndex: ci });
  return out;
}

/** A 323 as the Declaratie input of the care chain (docs/zorgketen.md): amounts in cents, as in the message. */
export function declaratieFrom323(model: AnyModel, std: Standaard, h: HeaderInfo): Record<string, unknown> {
  const d = obj(model.Declaratie);
  const totaal = obj(d.TotaalIngediendBedrag);
  const periode = obj(d.DeclaratiePeriode);
  return {
    declaratienummer: str(d.DeclaratieNummer),
    aanbieder: h.agbCode,
    gemeente: h.gemeentecode,
    wet: wetOf(std),
    periode: { begindatum: str(periode.Begindatum), einddatum: str(periode.Einddatum) },
    dagtekening: str(d.DeclaratieDagtekening),
    totaalBedrag: (str(totaal.DebetCredit) === "C" ? -1 : 1) * num(totaal.TotaalBedrag),
    prestaties: prestatiesOf(model).map(({ bsn, prestatie: p }) => {
      const ref = obj(p.ProductReferentie);
      const pp = obj(p.ProductPeriode);
      const bedrag = obj(p.IngediendBedrag);
      return {
        referentienummer: str(ref.ReferentieNummer),
        vorigReferentienummer: str(ref.VorigReferentieNummer),
        bsn,
        toewijzingnummer: str(p.ToewijzingNummer),
        productcategorie: str(p.ProductCategorie),
        productcode: str(p.ProductCode),
        begindatum: str(pp.Begindatum),
        einddatum: str(pp.Einddatum),
        geleverdVolume: num(p.GeleverdVolume),
        eenheid: str(p.Eenheid),
        // ProductTarief is absent for eenheid 83 (euro): the amount is the volume
        productTarief: p.ProductTarief === undefined ? 0 : num(p.ProductTarief),
        bedrag: num(bedrag.Bedrag),
        debetCredit: str(bedrag.DebetCredit),
      };
    }),
  };
}

const signed = (cents: number): M => ({ TotaalBedrag: Math.abs(cents), DebetCredit: cents < 0 ? "C" : "D" });

export interface Antwoord325Input {
  heen: AnyModel;
  meta: RetourMeta;
  /** header-level rejection (0001, 9056, 8848): the answer carries the header only */
  headerCodes: string[];
  result: DeclaratieResult | null;
  /** gemeente and aanbieder of the declaratie */
  h: HeaderInfo;
}

/**
 * The 325 declaratie-antwoord. Only rejected prestaties are listed (with every retourcode that applies); a declaratie
 * approved in full carries 8001 and no Clienten — as the standard describes the answer.
 */
export function build325Model(def325: MessageDefinition, x: Antwoord325Input): AnyModel {
  const h = x.heen.Header as M;
  const d = obj(x.heen.Declaratie);
  const header: M = {
    BerichtCode: def325.berichtCode,
    BerichtVersie: 3,
    BerichtSubversie: 2,
    Afzender: x.h.gemeentecode,
    Ontvanger: x.h.agbCode,
    BerichtIdentificatie: { Identificatie: x.meta.identificatie, Dagtekening: x.meta.dagtekening },
    XsdVersie: XSD_VERSIE,
    DeclaratieIdentificatie: h.BerichtIdentificatie!,
    XsdVersieDeclaratie: h.XsdVersie ?? XSD_VERSIE,
    RetourCodes: { RetourCode: x.headerCodes.length ? x.headerCodes : ["0200"] },
  };
  if (!x.result) return { Header: header };
  const r = x.result;
  const all = prestatiesOf(x.heen);
  const clients = new Map<number, { Bsn: string; Prestaties: { Prestatie: M[] }; RetourCodes: M }>();
  all.forEach((p, i) => {
    const res = r.prestaties[i];
    if (!res || res.toegekend) return;
    const c = clients.get(p.clientIndex) ?? { Bsn: p.bsn, Prestaties: { Prestatie: [] }, RetourCodes: { RetourCode: ["0200"] } };
    c.Prestaties.Prestatie.push({ ...p.prestatie, RetourCodes: { RetourCode: res.retourcodes.length ? res.retourcodes : ["0001"] } });
    clients.set(p.clientIndex, c);
  });
  const antwoord: M = {
    DeclaratieNummer: d.DeclaratieNummer!,
    TotaalIngediendBedrag: obj(d.TotaalIngediendBedrag),
    TotaalToegekendBedrag: signed(r.toegekend),
    ...(clients.size ? { Clienten: { Client: [...clients.values()] as unknown as M[] } } : {}),
    RetourCodes: { RetourCode: r.afgewezen ? [r.afgewezen.retourcode] : clients.size ? ["0200"] : ["8001"] },
  };
  return { Header: header, DeclaratieAntwoord: antwoord };
}

// ---- toewijzingen ↔ 301 ----

/** The fields of a ToegewezenProduct in a 301, as the care chain stores them. */
export interface ToegewezenProductFields {
  toewijzingnummer: string;
  referentieAanbieder: string | null;
  productcategorie: string | null;
  productcode: string | null;
  toewijzingsdatum: IsoDate;
  ingangsdatum: IsoDate;
  einddatum: IsoDate | null;
  redenWijziging: RedenWijziging | null;
  omvang: { volume: number; eenheid: Eenheid; frequentie: Frequentie } | null;
  budgetCents: number | null;
}

export function toegewezenProducten(model: AnyModel): ToegewezenProductFields[] {
  return arr(obj(obj(model.Client).ToegewezenProducten).ToegewezenProduct).map((p) => {
    const product = obj(p.Product);
    const omvang = p.Omvang ? obj(p.Omvang) : null;
    return {
      toewijzingnummer: str(p.ToewijzingNummer) ?? "",
      referentieAanbieder: str(p.ReferentieAanbieder),
      productcategorie: str(product.Categorie),
      productcode: str(product.Code),
      toewijzingsdatum: str(p.Toewijzingsdatum) ?? "",
      ingangsdatum: str(p.Ingangsdatum) ?? "",
      einddatum: str(p.Einddatum),
      redenWijziging: str(p.RedenWijziging) as RedenWijziging | null,
      omvang: omvang ? { volume: num(omvang.Volume), eenheid: str(omvang.Eenheid) as Eenheid, frequentie: str(omvang.Frequentie) as Frequentie } : null,
      budgetCents: p.Budget === undefined ? null : num(p.Budget),
    };
  });
}

/** The client of a 301 as the care chain keeps it: name as one string, the BRP address (Contact Soort 01) if given. */
export function clientFrom301(model: AnyModel): {
  bsn: string;
  geboortedatum: IsoDate;
  naam: string;
  naamdelen: ClientRecord["naamdelen"];
  adres: ClientRecord["adres"];
} {
  const c = obj(model.Client);
  const naam = obj(c.Naam);
  const gn = obj(naam.Geslachtsnaam);
  const parts = [str(naam.Voorletters), str(gn.Voorvoegsel), str(gn.Achternaam)].filter(Boolean);
  const contacts = arr(obj(c.Contactgegevens).Contact);
  const brp = contacts.find((x) => str(x.Soort) === "01") ?? contacts[0];
  const a = obj(brp?.Adres);
  const huis = obj(a.Huis);
  const huisnummer = [str(huis.Huisnummer), str(huis.Huisletter), str(huis.HuisnummerToevoeging)].filter(Boolean).join("");
  const postcode = str(a.Postcode);
  const adres: ClientRecord["adres"] = {
    ...(str(a.Straatnaam) ? { straat: str(a.Straatnaam)! } : {}),
    ...(huisnummer ? { huisnummer } : {}),
    ...(postcode ? { postcode: postcode.replace(/^([0-9]{4}) ?([A-Z]{2})$/, "$1 $2") } : {}),
    ...(str(a.Plaatsnaam) ? { plaats: str(a.Plaatsnaam)! } : {}),
  };
  const achternaam = str(gn.Achternaam);
  const geslacht = str(c.Geslacht);
  const naamdelen: ClientRecord["naamdelen"] = achternaam
    ? {
        achternaam,
        ...(str(gn.Voorvoegsel) ? { voorvoegsel: str(gn.Voorvoegsel)! } : {}),
        ...(str(naam.Voornamen) ? { voornamen: str(naam.Voornamen)! } : {}),
        ...(str(naam.Voorletters) ? { voorletters: str(naam.Voorletters)! } : {}),
        ...(geslacht === "0" || geslacht === "1" || geslacht === "2" ? { geslacht } : {}),
      }
    : null;
  return { bsn: str(c.Bsn) ?? "", geboortedatum: str(obj(c.Geboortedatum).Datum) ?? "", naam: parts.join(" ") || "onbekend", naamdelen, adres };
}

/**
 * The client's name as the standard carries it: from the name's parts when Kader has them (registered in parts, or
 * read from an earlier 301); otherwise the display name goes in Achternaam.
 */
function naamOf(c: ClientRecord): M {
  const n = c.naamdelen;
  if (!n) return { Geslachtsnaam: { Achternaam: c.naam.slice(0, 200) }, NaamGebruik: "1" };
  return {
    Geslachtsnaam: { Achternaam: n.achternaam.slice(0, 200), ...(n.voorvoegsel ? { Voorvoegsel: n.voorvoegsel.slice(0, 10) } : {}) },
    ...(n.voornamen ? { Voornamen: n.voornamen.slice(0, 200) } : {}),
    ...(n.voorletters ? { Voorletters: n.voorletters.slice(0, 6) } : {}),
    NaamGebruik: "1",
  };
}

/**
 * A 301 for one client and one aanbieder: all the client's current toewijzingen at that aanbieder, as the standard
 * asks. The name comes in parts where Kader has them; Geslacht is 0 (onbekend) unless it is known.
 */
export function build301Model(
  def: MessageDefinition,
  x: {
    client: ClientRecord;
    toewijzingen: (ToewijzingRecord & { referentieAanbieder?: string | null })[];
    identificatie: string;
    dagtekening: IsoDate;
    tijd: string;
  },
): AnyModel {
  const c = x.client;
  const t0 = x.toewijzingen[0]!;
  const postcode = c.adres.postcode?.replace(" ", "");
  const huisnummer = c.adres.huisnummer?.match(/^[0-9]{1,5}/)?.[0];
  const adres: M = {
    ...(huisnummer ? { Huis: { Huisnummer: Number(huisnummer) } } : {}),
    ...(postcode && /^[1-9][0-9]{3}[A-Z]{2}$/.test(postcode) ? { Postcode: postcode } : {}),
    ...(c.adres.straat ? { Straatnaam: c.adres.straat.slice(0, 24) } : {}),
    ...(c.adres.plaats ? { Plaatsnaam: c.adres.plaats.slice(0, 80) } : {}),
  };
  // CD005: a Postcode goes with a LandCode
  if (adres.Postcode) adres.LandCode = "NL";
  return {
    Header: {
      BerichtCode: def.berichtCode,
      BerichtVersie: 3,
      BerichtSubversie: 2,
      Afzender: t0.gemeentecode,
      Ontvanger: t0.agbCode,
      BerichtIdentificatie: { Identificatie: x.identificatie, Dagtekening: x.dagtekening },
      XsdVersie: XSD_VERSIE,
    },
    Client: {
      Bsn: c.bsn,
      Geboortedatum: { Datum: c.geboortedatum },
      Geslacht: c.naamdelen?.geslacht ?? "0",
      Naam: naamOf(c),
      Contactgegevens: { Contact: [{ Soort: "01", ...(Object.keys(adres).length ? { Adres: adres } : {}) }] },
      ToegewezenProducten: {
        ToegewezenProduct: x.toewijzingen.map((t) => ({
          ToewijzingNummer: Number(t.toewijzingnummer),
          ...(t.referentieAanbieder ? { ReferentieAanbieder: t.referentieAanbieder } : {}),
          ...(t.productcategorie ? { Product: { Categorie: t.productcategorie, ...(t.productcode ? { Code: t.productcode } : {}) } } : {}),
          Toewijzingsdatum: t.toewijzingsdatum,
          Toewijzingstijd: x.tijd,
          Ingangsdatum: t.ingangsdatum,
          ...(t.einddatum ? { Einddatum: t.einddatum } : {}),
          ...(t.redenWijziging ? { RedenWijziging: t.redenWijziging } : {}),
          ...(t.budgetCents !== null
            ? { Budget: t.budgetCents }
            : t.omvang !== null && t.frequentie !== null
              ? { Omvang: { Volume: Math.round(t.omvang), Eenheid: t.eenheid, Frequentie: t.frequentie } }
              : {}),
        })),
      },
    },
  };
}

/** Every RetourCode in a (retour) message other than 0200, for the log. */
export function retourcodesIn(model: AnyModel | undefined): string[] {
  const out = new Set<string>();
  const walk = (v: ModelValue | undefined) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "RetourCodes") {
          const rc = obj(x as ModelValue).RetourCode;
          for (const c of Array.isArray(rc) ? rc : [rc]) if (c !== undefined && String(c) !== "0200") out.add(String(c));
        } else walk(x as ModelValue);
      }
    }
  };
  walk(model);
  return [...out].sort();
}
