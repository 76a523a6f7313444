/** Shapes of the conversion API (docs/conversie.md): the contract's types (src/contract/conversion.ts), under the names the pages use. */
import type { FlagCode } from "../../../src/contract/conversion.ts";
import type { Role } from "../../../src/domain/codes/role.ts";

export type {
  AnswerStatus as AntwoordStatus,
  Conversie,
  ConversiePlan as ConversiePlanSummary,
  ExecutionReport as Uitvoering,
  FlagCode as VlagCode,
  Outcome as Uitkomst,
  Proposal as Voorstel,
  Run,
} from "../../../src/contract/conversion.ts";

export type { Role };

export const conversieRoles: Role[] = ["contractmanager", "toegang", "controller", "aanbieder"];
export const conversieGemeenteRoles: Role[] = ["contractmanager", "toegang"];

export const vlagLabel: Record<FlagCode, string> = {
  "geen-antwoord": "antwoord ontbreekt",
  "uren-passen-niet": "uren passen bij geen niveau",
  "gelijke-uren": "gelijke uren op meer niveaus",
  "geen-inzet": "geen inzet gemeld",
  "module-onbekend": "module ontbreekt of onbekend",
  "afstand-ontbreekt": "vervoersafstand ontbreekt",
  "afstand-buiten-band": "afstand buiten de kilometerbanden",
  "duur-langer-dan-kort": "looptijd langer dan kortdurend",
  "doelproduct-onbekend": "doelproduct niet in de catalogus",
  "geen-productcode": "nog geen productcode",
  "categorie-overlap": "twee aspecifieke toewijzingen in één categorie",
};
