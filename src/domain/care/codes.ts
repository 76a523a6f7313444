/**
 * The care chain's code lists come from src/domain/codes (the one place each list exists); re-exported here under
 * the names the care chain has always used.
 */
export { eenheidLabel } from "../codes/eenheid.ts";
export { frequentieLabel } from "../codes/frequentie.ts";
export { redenWijzigingLabel } from "../codes/reden.ts";
export { Eenheid, Frequentie, RedenBeeindiging, RedenWijziging, Verwijzer, Wet } from "../codes/schemas.ts";
export { verwijzerLabel } from "../codes/verwijzer.ts";

export { AgbCode, CONTROL_CHARACTER, Gemeentecode, IsoDateString } from "../codes/values.ts";
