/**
 * The simple data types (LDT_*) of the iWmo/iJw 3.2 basisschema, written as Kader's own data: base type plus facets.
 * Patterns are JavaScript regular expressions with XML Schema's meaning spelled out: XSD `\s` is only
 * space, tab, CR and LF; XSD `.` is any character but CR and LF; an XSD pattern always matches the whole value.
 */
import type { CodelistName } from "./codelists.ts";

export type BaseType = "string" | "integer" | "date" | "time";

export interface SimpleType {
  readonly base: BaseType;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Whole-value patterns (all must match), each with the XSD notation for messages. */
  readonly patterns?: readonly { readonly re: RegExp; readonly xsd: string }[];
  readonly min?: number;
  readonly max?: number;
  readonly codelist?: CodelistName;
}

/** `.*[^\s].*` — one line with at least one character that is not XSD whitespace. */
const filled = { re: /^[^\n\r]*[^ \t\n\r][^\n\r]*$/u, xsd: ".*[^\\s].*" };
const p = (re: RegExp, xsd: string) => ({ re, xsd });
const str = (minLength: number | undefined, maxLength: number | undefined, ...patterns: { re: RegExp; xsd: string }[]): SimpleType => ({
  base: "string",
  ...(minLength !== undefined ? { minLength } : {}),
  ...(maxLength !== undefined ? { maxLength } : {}),
  ...(patterns.length ? { patterns } : {}),
});
const int = (min: number, max: number) => ({ base: "integer" as const, min, max });
const code = (maxLength: number, codelist: CodelistName): SimpleType => ({ base: "string", maxLength, codelist });

export const SIMPLE_TYPES = {
  LDT_AanduidingWoonadres: code(2, "AanduidingWoonadres"),
  LDT_AdresSoort: code(2, "AdresSoort"),
  LDT_AgbCode: str(1, 8, p(/^[0-9]{8}$/, "[0-9]{8}")),
  LDT_Bedrag: int(0, 99_999_999),
  LDT_BerichtCode: str(1, 3),
  LDT_BerichtSubversie: int(0, 99),
  LDT_BerichtVersie: int(0, 99),
  LDT_Budget: int(0, 99_999_999),
  LDT_BurgerServicenummer: str(1, 9, p(/^[0-9]{9}$/, "[0-9]{9}")),
  /** `([.\s]*\S+[.\s]*)+`: any text with at least one non-whitespace character, over several lines if need be. */
  LDT_Commentaar: str(1, undefined, p(/[^ \t\n\r]/, "([.\\s]*\\S+[.\\s]*)+")),
  LDT_Communicatievorm: code(1, "Communicatievorm"),
  LDT_Datum: { base: "date", patterns: [p(/^[^:Z]*$/, "[^:Z]*")] },
  LDT_DatumGebruik: code(1, "DatumGebruik"),
  LDT_DebetCredit: code(1, "DebetCredit"),
  LDT_Eenheid: code(2, "Eenheid"),
  LDT_Emailadres: str(1, 80, filled),
  LDT_Frequentie: code(1, "Frequentie"),
  LDT_Gemeente: str(1, undefined, p(/^[0-9]{4}$/, "[0-9]{4}")),
  LDT_Geslacht: code(1, "Geslacht"),
  LDT_Huisletter: str(1, 1, filled),
  LDT_Huisnummer: int(0, 99_999),
  LDT_HuisnummerToevoeging: str(1, 4, filled),
  LDT_IdentificatieBericht: str(1, 12, filled),
  LDT_IdentificatieDeclaratie: str(1, 12),
  LDT_JaNee: code(1, "JaNee"),
  LDT_JuridischeStatus: code(2, "JuridischeStatus"),
  LDT_LandCode: code(2, "LandCode"),
  LDT_Landnummer: str(1, 4, filled),
  LDT_Naam: str(1, 200, filled),
  LDT_NaamGebruik: code(1, "NaamGebruik"),
  LDT_NaamVerwijzer: str(1, 64, filled),
  LDT_Nummer: int(0, 999_999_999),
  LDT_Organisatienaam: str(1, 35, filled),
  LDT_Persoonsid: str(1, 20, filled),
  LDT_Plaatsnaam: str(1, 80, filled),
  LDT_Postcode: str(1, 8, filled),
  LDT_ProductCategorie: code(2, "ProductCategorie"),
  LDT_ProductCode: str(1, 5, filled),
  LDT_RedenAfwijzingVerzoek: code(2, "RedenAfwijzingVerzoek"),
  LDT_RedenBeeindiging: code(2, "RedenBeeindiging"),
  LDT_RedenVerzoek: code(1, "RedenVerzoek"),
  LDT_RedenWijziging: code(2, "RedenWijziging"),
  LDT_Referentie: str(1, 36, filled),
  LDT_ReferentieNummer: str(1, 20),
  LDT_RelatieVolgorde: int(0, 99),
  LDT_RetourCode: code(4, "RetourCode"),
  LDT_SoortRelatie: code(2, "SoortRelatie"),
  LDT_StatusAanlevering: code(1, "StatusAanlevering"),
  LDT_Straatnaam: str(1, 24, filled),
  LDT_Taal: str(1, 25, filled),
  LDT_Telefoonnummer: str(1, 15, p(/^[0-9]*$/, "[0-9]*")),
  LDT_Tijd: { base: "time", patterns: [p(/^[^Z+-]+$/, "[^Z+-]+")] },
  LDT_TotaalBedrag: int(0, 999_999_999_999),
  LDT_TypeVerwijzer: code(2, "TypeVerwijzer"),
  LDT_Versie: str(1, undefined, p(/^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/, "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)")),
  LDT_VerzoekAntwoord: code(1, "VerzoekAntwoord"),
  LDT_Volume: int(0, 99_999_999),
  LDT_Voorletters: str(1, 6, p(/^[a-zA-Z\u00C0-\u1EF3]+$/u, "([a-zA-ZÀ-ỳ])+")),
  LDT_Voorvoegsel: str(1, 10, filled),
  LDT_WettelijkeVertegenwoordiging: code(2, "WettelijkeVertegenwoordiging"),
} as const satisfies Record<string, SimpleType>;

export type SimpleTypeName = keyof typeof SIMPLE_TYPES;

/** Simple types whose value in a Kader model is a number (xs:integer); all others are strings. */
export type IntegerTypeName = {
  [K in SimpleTypeName]: (typeof SIMPLE_TYPES)[K] extends { base: "integer" } ? K : never;
}[SimpleTypeName];
