/** Small builders for message models: defaults that validate, overrides for the case under test. */
import type { Jw319, Wmo301, Wmo323 } from "../../src/messages/schema/messages.ts";

const header = (code: string, afzender: string, ontvanger: string) => ({
  BerichtCode: code,
  BerichtVersie: 3,
  BerichtSubversie: 2,
  Afzender: afzender,
  Ontvanger: ontvanger,
  BerichtIdentificatie: { Identificatie: "KADER0001", Dagtekening: "2026-02-03" },
  XsdVersie: { BasisschemaXsdVersie: "1.0.0", BerichtXsdVersie: "1.0.0" },
});

export type Prestatie = Wmo323["Declaratie"]["Clienten"]["Client"][number]["Prestaties"]["Prestatie"][number];

export const aPrestatie = (n: number, over: Partial<Prestatie> = {}): Prestatie => ({
  ProductReferentie: { ReferentieNummer: `P${n}` },
  ToewijzingNummer: 1000 + n,
  ProductCategorie: "02",
  ProductCode: "02A05",
  ProductPeriode: { Begindatum: "2026-01-01", Einddatum: "2026-01-31" },
  GeleverdVolume: 4,
  Eenheid: "04",
  ProductTarief: 2500,
  IngediendBedrag: { Bedrag: 10000, DebetCredit: "D" },
  ...over,
});

/** A WMO323 declaratie; TotaalIngediendBedrag is the sum of the prestaties unless given. */
export function aWmo323(prestaties: Prestatie[] = [aPrestatie(1), aPrestatie(2)], totaal?: number): Wmo323 {
  const sum = prestaties.reduce((s, p) => s + (p.IngediendBedrag.DebetCredit === "C" ? -1 : 1) * p.IngediendBedrag.Bedrag, 0);
  return {
    Header: header("484", "12345678", "0106"),
    Declaratie: {
      DeclaratieNummer: "DECL202601",
      DeclaratiePeriode: { Begindatum: "2026-01-01", Einddatum: "2026-01-31" },
      DeclaratieDagtekening: "2026-02-03",
      TotaalIngediendBedrag: { TotaalBedrag: Math.abs(totaal ?? sum), DebetCredit: (totaal ?? sum) < 0 ? "C" : "D" },
      Clienten: { Client: [{ Bsn: "999993653", Prestaties: { Prestatie: prestaties } }] },
    },
  };
}

export const aWmo301 = (over: Partial<Wmo301["Client"]> = {}): Wmo301 => ({
  Header: header("414", "0106", "12345678"),
  Client: {
    Bsn: "999993653",
    Geboortedatum: { Datum: "1950-05-17" },
    Geslacht: "2",
    Naam: { Geslachtsnaam: { Achternaam: "Jansen" }, Voorletters: "A", NaamGebruik: "1" },
    Communicatie: { Vorm: "1", Taal: "Pools" },
    Contactgegevens: {
      Contact: [{ Soort: "01", Adres: { Huis: { Huisnummer: 12 }, Postcode: "9401AB", Straatnaam: "Brink", Plaatsnaam: "Assen", LandCode: "NL" } }],
    },
    ToegewezenProducten: {
      ToegewezenProduct: [
        {
          ToewijzingNummer: 1001,
          Product: { Categorie: "02", Code: "02A05" },
          Toewijzingsdatum: "2026-01-05",
          Toewijzingstijd: "10:15:00",
          Ingangsdatum: "2026-01-01",
          Einddatum: "2026-12-31",
          Omvang: { Volume: 4, Eenheid: "04", Frequentie: "2" },
          Commentaar: "Begeleiding thuis,\nop dinsdag & donderdag <ochtend>.",
        },
      ],
    },
    ...over,
  },
});

export const aJw319 = (over: Partial<Jw319["Antwoord"]> = {}): Jw319 => ({
  Header: header("488", "1730", "12345678"),
  Antwoord: { ReferentieAanbieder: "VERZOEK-17", VerzoekAntwoord: "1", RedenAfwijzingVerzoek: "8", Woonplaatsbeginsel: { Gemeente: "0106" }, ...over },
});
