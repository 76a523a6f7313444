/**
 * The codelists (enumerations) of the iWmo and iJw 3.2 basisschema, as Kader's own data. Codes only — their meaning
 * lives in the iStandaarden documentation — except the retourcodes, whose Dutch text Kader shows to users.
 * A test cross-checks every list against the published enumerations (reference/istandaarden/codelijsten).
 */

export type Standaard = "iwmo" | "ijw";

const codes = (s: string): readonly string[] => s.split(" ");

/** Codelists that are the same in both standards. */
const shared = {
  AanduidingWoonadres: codes("AB BY TO WW"),
  AdresSoort: codes("01 02 03 04"),
  Communicatievorm: codes("1 2 3"),
  DatumGebruik: codes("1 2 3"),
  DebetCredit: codes("C D"),
  Eenheid: codes("01 04 14 16 82 83 84"),
  Frequentie: codes("1 2 4 6"),
  Geslacht: codes("0 1 2"),
  JaNee: codes("1 2"),
  JuridischeStatus: codes("01 02 03 04 05 11 12"),
  LandCode: codes(
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW",
  ),
  NaamGebruik: codes("1 2 3 4 5 6"),
  RedenAfwijzingVerzoek: codes("1 2 3 4 5 6 7 8 9"),
  RedenVerzoek: codes("1 2"),
  RedenWijziging: codes("01 02 03 04 05 06 07 08 09 10 11 12 13 14"),
  SoortRelatie: codes("03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25"),
  StatusAanlevering: codes("1 2 3 9"),
  TypeVerwijzer: codes("01 02 03 04 05 06 08"),
  VerzoekAntwoord: codes("1 2"),
  WettelijkeVertegenwoordiging: codes("06 07 08 09 10"),
} as const;

/** Retourcodes (WJ001) with their Dutch meaning; iJw words four of them differently (see retourcodeText). */
export const RETOURCODES: Readonly<Record<string, string>> = {
  "0001": "Bericht is afgekeurd om technische redenen.",
  "0200": "Geen opmerking over deze berichtklasse.",
  "0233": "Berichtklasse is niet beoordeeld.",
  "0611": "Het ingediende tarief komt niet overeen met het contractuele tarief",
  "8001": "Declaratie is volledig toegewezen.",
  "8017": "Van deze credit prestatie is geen debet prestatie bekend.",
  "8021": "Referentienummer prestatie is reeds aangeleverd.",
  "8187": "De prestatie hoort niet bij deze client.",
  "8214": "DeclaratiePeriode is niet de kalendermaand die volgt op voorgaande DeclaratiePeriode terwijl iedere declaratieperiode zorg geleverd is.",
  "8848": "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.",
  "9019": "Het regie bericht kan niet gekoppeld worden aan een toewijzing.",
  "9056": "Identificatie moet per berichtsoort uniek zijn voor de verzendende partij.",
  "9063": "Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is.",
  "9069": "Er is geen actueel startbericht met dezelfde sleutel.",
  "9071": "Het eerdere start bericht kan niet verwijderd worden omdat de zorg al beeindigd is",
  "9074": "Er is al een eerder bericht ontvangen met dezelfde sleutel.",
  "9307": "Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing",
  "9308": "Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing",
  "9319": "De ProductPeriode valt niet geheel binnen een DeclaratiePeriode.",
  "9321": "Het ingediende volume overschrijdt het toegewezen volume.",
  "9322": "De som van de ingediende volumes overschrijdt het toegewezen volume",
  "9326": "De actuele levering is nog niet gestopt met een Stopbericht.",
  "9332": "Toewijzing heeft geen uniek nummer binnen wettelijk domein.",
  "9333": "Declaratienummer is niet uniek",
  "9338": "Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen product op basis van het toewijzingnummer",
  "9339": "ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct.",
  "9340": "ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct.",
  "9341": "Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct",
  "9346":
    "Eenheid is ongelijk is aan waarde 83 (Euro's), maar IngediendBedrag is niet gelijk aan GeleverdVolume vermenigvuldigd met (het onafgeronde) ProductTarief.",
  "9347": "ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein",
  "9349": "Het VOW bericht bevat niet alle actuele toegewezen producten van de client, hetzij in OngewijzigdProduct, hetzij in TeWijzigenProduct",
  "9350": "OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product op basis van het toewijzingnummer.",
  "9351": "TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer.",
  "9355": "ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder verzoek om toewijzing of verzoek om wijziging",
  "9357": "GewensteIngangsdatum is kleiner dan of gelijk aan de dagtekening, maar niet gelijk aan de ingangsdatum van het originele ToegewezenProduct.",
  "9359": "Er is al een toewijzing gestuurd met deze ReferentieAanbieder.",
  "9360": "Er is al een antwoordbericht met deze ReferentieAanbieder, terwijl antwoordbericht in VerzoekAntwoord waarde 2 (aanvraag in onderzoek) heeft.",
  "9361": "Het product komt vaker voor met overlappende zorgperiodes.",
  "9365": "Er is al een antwoordbericht met dezelfde ReferentieAanbieder waar VerzoekAntwoord niet de waarde 'Aanvraag in onderzoek' heeft.",
  "9366": "ProductReferentie komt niet voor in een Declaratiebericht",
  "9367": "De waarde komt niet overeen met de waarde uit heenbericht met gelijke ProductReferentie",
  "9369": "Budget is meegegeven, maar de som van GeleverdVolume in alle ingediende Prestaties passen niet binnen het toegewezen Budget.",
  "9373": "Budget is gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die in de actuele toewijzing",
  "9374": "Er is al een verzoek onderhanden.",
  "9375": "Omvang is gevuld, terwijl Product in toewijzing met ToewijzingNummer leeg is en Einddatum groter dan 31-12-2020 of leeg is",
  "9379": "ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om wijziging, is onterecht gevuld",
  "9384": 'Declaratie op toewijzing met RedenWijziging "13" (Verwijderd)',
  "9385": "Toewijzing heeft goedgekeurde declaratieregels",
  "9387":
    "Begindatum van de ProductPeriode is niet eerste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Ingangsdatum van de toewijzing ligt niet later in deze betreffende maand",
  "9388":
    "Einddatum van de ProductPeriode is niet laatste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Einddatum van de toewijzing ligt niet eerder in deze betreffende maand.",
  "9389": "Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie",
  "9390": "Er is al een Prestatie met gelijk ProductReferentie met waarde Credit",
  "9411": "Omvang is leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer gevuld is.",
  "9412": "Omvang is niet leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer leeg is en einddatum groter dan 31-12-2020 of leeg is",
  "9413":
    "StatusAanlevering is waarde 1 of 2 en RedenBeeindiging heeft waarde 20, terwijl er al een ander StopProduct met hetzelfde Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging waarde 20 is.",
  "9414": "Einddatum is niet >= aan Einddatum uit actuele StopProduct met gelijk Bsn, ToewijzingNummer en Begindatum",
  "9415": "Er is al een StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20 en StatusAanlevering heeft waarde 1 of 2.",
  S300: "Gemeentecode komt niet voor in de lijst van CBS.",
  S329: "ProductCode hoort niet bij de ProductCategorie.",
};

const IJW_RETOURCODE_TEXT: Readonly<Record<string, string>> = {
  "9360": "Er is al een antwoordbericht met deze ReferentieAanbieder",
  "9365": "Er komt al een antwoordbericht met dezelfde ReferentieAanbieder voor waar VerzoekAntwoord de waarde Nee heeft.",
  "9413":
    "RedenBeeindiging heeft waarde 20, terwijl er al een ander StopProduct met hetzelfde Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging waarde 20 is.",
  "9415": "Er is StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20",
};

/** The Dutch text of a retourcode in the given standard, or undefined for an unknown code. */
export function retourcodeText(standaard: Standaard, code: string): string | undefined {
  return (standaard === "ijw" ? IJW_RETOURCODE_TEXT[code] : undefined) ?? RETOURCODES[code];
}

export const CODELISTS = {
  iwmo: {
    ...shared,
    ProductCategorie: codes("01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18"),
    RedenBeeindiging: codes("02 19 20 21 22 23 31 36 37 38 39"),
    RetourCode: Object.keys(RETOURCODES),
  },
  ijw: {
    ...shared,
    ProductCategorie: codes("31 32 33 34 35 36 37 38 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55"),
    RedenBeeindiging: codes("02 20 31 32 33 34 35 36 37 38 39"),
    RetourCode: Object.keys(RETOURCODES),
  },
} as const;

export type CodelistName = keyof (typeof CODELISTS)["iwmo"];
