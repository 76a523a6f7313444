/** LDT_RedenWijziging and LDT_RedenBeeindiging: why a toewijzing was changed, why delivery stopped. Zod-free. */
export const REDENEN_WIJZIGING = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"] as const;
export type RedenWijziging = (typeof REDENEN_WIJZIGING)[number];
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

/** LDT_RedenBeeindiging of iWmo (the list the care chain's stop accepts) and of iJw (the message codelist). */
export const WMO_REDENEN_BEEINDIGING = ["02", "19", "20", "21", "22", "23", "31", "36", "37", "38", "39"] as const;
export const JW_REDENEN_BEEINDIGING = ["02", "20", "31", "32", "33", "34", "35", "36", "37", "38", "39"] as const;
export type RedenBeeindiging = (typeof WMO_REDENEN_BEEINDIGING)[number];
