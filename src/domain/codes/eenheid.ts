/**
 * WJ756 / LDT_Eenheid: the unit of a product, a toewijzing's omvang and a prestatie. Labels in the words of the
 * standard's codelist. Zod-free (the enum is in ./schemas.ts), so the web app imports the labels as values.
 */
export const EENHEDEN = ["01", "04", "14", "16", "82", "83", "84"] as const;
export type Eenheid = (typeof EENHEDEN)[number];
export const eenheidLabel: Record<Eenheid, string> = {
  "01": "minuut",
  "04": "uur",
  "14": "etmaal",
  "16": "dagdeel (4 uur)",
  "82": "stuks (output)",
  "83": "euro's",
  "84": "stuks (inspanning)",
};
export const isEenheid = (code: string): code is Eenheid => (EENHEDEN as readonly string[]).includes(code);

/** The units the standard tariff model calculates with (src/domain/tariffs): minuut, uur and dagdeel. */
export const TARIFF_EENHEDEN = ["01", "04", "16"] as const satisfies readonly Eenheid[];
export type TariffEenheid = (typeof TARIFF_EENHEDEN)[number];
export const isTariffEenheid = (code: string | null): code is TariffEenheid => code !== null && (TARIFF_EENHEDEN as readonly string[]).includes(code);
