/**
 * The codelists (enumerations) of the iWmo and iJw 3.2 basisschema, as Kader's own data. Codes only — their meaning
 * lives in the iStandaarden documentation. The lists Kader also uses elsewhere (eenheid, frequentie, productcategorie,
 * reden, verwijzer, retourcode) come from src/domain/codes, the one place they are defined.
 * A test cross-checks every list against the published enumerations (reference/istandaarden/codelijsten).
 */

import { EENHEDEN } from "../../domain/codes/eenheid.ts";
import { FREQUENTIES } from "../../domain/codes/frequentie.ts";
import { JW_PRODUCTCATEGORIEEN, WMO_PRODUCTCATEGORIEEN } from "../../domain/codes/productcategorie.ts";
import { JW_REDENEN_BEEINDIGING, REDENEN_WIJZIGING, WMO_REDENEN_BEEINDIGING } from "../../domain/codes/reden.ts";
import { RETOURCODES } from "../../domain/codes/retourcodes.ts";
import { VERWIJZERS } from "../../domain/codes/verwijzer.ts";

/** The standards and the retourcodes' Dutch text are defined once, in src/domain/codes. */
export { retourcodeText } from "../../domain/codes/retourcodes.ts";
export type { Standaard } from "../../domain/codes/wet.ts";

const codes = (s: string): readonly string[] => s.split(" ");

/** Codelists that are the same in both standards. */
const shared = {
  AanduidingWoonadres: codes("AB BY TO WW"),
  AdresSoort: codes("01 02 03 04"),
  Communicatievorm: codes("1 2 3"),
  DatumGebruik: codes("1 2 3"),
  DebetCredit: codes("C D"),
  Eenheid: EENHEDEN,
  Frequentie: FREQUENTIES,
  Geslacht: codes("0 1 2"),
  JaNee: codes("1 2"),
  JuridischeStatus: codes("01 02 03 04 05 11 12"),
  LandCode: codes(
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW",
  ),
  NaamGebruik: codes("1 2 3 4 5 6"),
  RedenAfwijzingVerzoek: codes("1 2 3 4 5 6 7 8 9"),
  RedenVerzoek: codes("1 2"),
  RedenWijziging: REDENEN_WIJZIGING,
  SoortRelatie: codes("03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25"),
  StatusAanlevering: codes("1 2 3 9"),
  TypeVerwijzer: VERWIJZERS,
  VerzoekAntwoord: codes("1 2"),
  WettelijkeVertegenwoordiging: codes("06 07 08 09 10"),
} as const;

export const CODELISTS = {
  iwmo: {
    ...shared,
    ProductCategorie: WMO_PRODUCTCATEGORIEEN,
    RedenBeeindiging: WMO_REDENEN_BEEINDIGING,
    RetourCode: RETOURCODES,
  },
  ijw: {
    ...shared,
    ProductCategorie: JW_PRODUCTCATEGORIEEN,
    RedenBeeindiging: JW_REDENEN_BEEINDIGING,
    RetourCode: RETOURCODES,
  },
} as const;

export type CodelistName = keyof (typeof CODELISTS)["iwmo"];
