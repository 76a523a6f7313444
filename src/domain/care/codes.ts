import { z } from "zod";

/** WMO757 / LDT_Frequentie: the period an Omvang is granted for. */
export const Frequentie = z.enum(["1", "2", "4", "6"]);
export type Frequentie = z.infer<typeof Frequentie>;
export const frequentieLabel: Record<Frequentie, string> = {
  "1": "per dag",
  "2": "per week",
  "4": "per maand",
  "6": "totaal binnen de geldigheidsduur",
};

/** COD327 / LDT_TypeVerwijzer. */
export const Verwijzer = z.enum(["01", "02", "03", "04", "05", "06", "08"]);
export type Verwijzer = z.infer<typeof Verwijzer>;
export const verwijzerLabel: Record<Verwijzer, string> = {
  "01": "gemeente",
  "02": "huisarts",
  "03": "jeugdarts",
  "04": "gecertificeerde instelling",
  "05": "medisch specialist",
  "06": "zelfverwijzer of geen verwijzer",
  "08": "rechter, officier van justitie of justitiële jeugdinrichting",
};

/** LDT_RedenWijziging: why a toewijzing was changed. */
export const RedenWijziging = z.enum(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"]);
export type RedenWijziging = z.infer<typeof RedenWijziging>;
export const redenWijzigingLabel: Record<RedenWijziging, string> = {
  "01": "administratieve correctie (vervallen code)",
  "02": "cliënt overleden",
  "03": "contractwijziging",
  "04": "herbeoordeling: verlenging",
  "05": "herbeoordeling: verkorting",
  "06": "uitstroom naar ander domein",
  "07": "verhuizing naar een andere gemeente",
  "08": "wijziging leveringsvorm",
  "09": "overstap naar andere aanbieder",
  "10": "overgang naar nieuwe bekostigingssystematiek",
  "11": "gemeentelijke herindeling",
  "12": "geïnitieerd door de aanbieder",
  "13": "verwijderd",
  "14": "administratieve correctie",
};

/** LDT_RedenBeeindiging: why delivery stopped (stop message). */
export const RedenBeeindiging = z.enum(["02", "19", "20", "21", "22", "23", "31", "36", "37", "38", "39"]);
export type RedenBeeindiging = z.infer<typeof RedenBeeindiging>;

/** WJ756 / LDT_Eenheid. */
export const Eenheid = z.enum(["01", "04", "14", "16", "82", "83", "84"]);
export type Eenheid = z.infer<typeof Eenheid>;
export const eenheidLabel: Record<Eenheid, string> = {
  "01": "minuut",
  "04": "uur",
  "14": "etmaal",
  "16": "dagdeel",
  "82": "stuks (output)",
  "83": "euro",
  "84": "stuks (inspanning)",
};

export const Wet = z.enum(["wmo", "jeugdwet"]);
export type Wet = z.infer<typeof Wet>;

export const Gemeentecode = z.string().regex(/^[0-9]{4}$/, "een gemeentecode (CBS) is 4 cijfers");
export const AgbCode = z.string().regex(/^[0-9]{8}$/, "een AGB-code is 8 cijfers");
export const IsoDateString = z.iso.date({ error: "een datum als JJJJ-MM-DD" });

/** Control characters (U+0000–U+001F, U+007F) never belong in the care chain's text: they break storage and screens. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
