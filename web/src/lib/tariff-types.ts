// Tariffs (/tarieven; docs/tariefmodel.md): money in whole cents, shares as fractions, exact figures as decimal strings

export type TariffLevel = "mbo2" | "mbo3" | "mbo4" | "hbo" | "wo";
/** the units of the default model: 01 minuut, 04 uur, 16 dagdeel */
export type TariffUnit = "01" | "04" | "16";

export interface TariffParameters {
  peiljaar: number;
  naam?: string;
  salarissen: Partial<Record<TariffLevel, { maandsalaris: number }>>;
  vakantiegeld: number;
  eindejaarsuitkering: number;
  werkgeverslasten: number;
  ort: number;
  contracturenPerJaar: number;
  nietProductief: Record<string, number>;
  overhead: number;
  kapitaallasten: number;
  leegstand: number;
  risico: number;
  indexatie: number;
  dagdeelUren: number;
  eenheden: Record<string, TariffUnit>;
  mix: Record<string, Partial<Record<TariffLevel, number>>>;
}

export interface TariffStep {
  naam: string;
  /** exact, as a decimal string with a point */
  waarde: string;
  formule: string;
  kostenpost: string;
}

export type TariffResult =
  | {
      ok: true;
      productId: string;
      eenheid: TariffUnit;
      /** rounded half up to whole cents, once, at the end */
      tariefPerEenheid: number;
      uurtarief: string;
      mix: Partial<Record<TariffLevel, number>>;
      mixSource: string;
      stappen: TariffStep[];
    }
  | { ok: false; productId: string; onbekend: string[] };

export interface TariffBook {
  productenboek: string;
  results: TariffResult[];
}

/** b − a in cents; null where a product has no tariff */
export interface TariffDifference {
  productId: string;
  a: number | null;
  b: number | null;
  verschil: number | null;
}

export interface TariffSensitivity {
  variants: { variant: string; rows: TariffDifference[] }[];
}
