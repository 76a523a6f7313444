/**
 * WJ757 / LDT_Frequentie: the period an omvang is granted for. Labels in the words of the standard's codelist.
 * Zod-free (the enum is in ./schemas.ts).
 */
export const FREQUENTIES = ["1", "2", "4", "6"] as const;
export type Frequentie = (typeof FREQUENTIES)[number];
export const frequentieLabel: Record<Frequentie, string> = {
  "1": "per dag",
  "2": "per week",
  "4": "per maand",
  "6": "totaal binnen geldigheidsduur toewijzing",
};
