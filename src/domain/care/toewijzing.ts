import type { Eenheid, Frequentie, RedenWijziging, Wet } from "../codes/schemas.ts";
import type { IsoDate } from "../shared/date.ts";
import type { ToewijzingStatus } from "./lifecycle.ts";
import type { Period } from "./period.ts";

/**
 * A toewijzing: one product of a beschikking assigned to one aanbieder, known by gemeente, wet and toewijzingnummer.
 * The one shape of it; the stored record (src/app/care-ports.ts), the declaratie check's view
 * (src/domain/billing/check.ts) and the conversion's running toewijzing (src/domain/conversion/compute.ts) are built
 * from it.
 */
export interface Toewijzing {
  gemeentecode: string;
  wet: Wet;
  toewijzingnummer: string;
  agbCode: string;
  productId: string;
  productcategorie: string | null;
  productcode: string | null;
  eenheid: Eenheid;
  frequentie: Frequentie | null;
  omvang: number | null;
  /** euro cents, for a toewijzing with a budget instead of an omvang */
  budgetCents: number | null;
  ingangsdatum: IsoDate;
  einddatum: IsoDate | null;
  status: ToewijzingStatus;
  /** the periods care actually ran (start → stop or tijdelijke stop), for etmalen */
  geleverd: Period[];
}

/** A toewijzing as the care chain stores it. */
export interface ToewijzingRecord extends Toewijzing {
  beschikkingId: number;
  clientId: number;
  toewijzingsdatum: IsoDate;
  redenWijziging: RedenWijziging | null;
  startdatum: IsoDate | null;
  gedeclareerdTot: IsoDate | null;
}
