/** Shapes of the conversion API (docs/conversie.md); web/ does not import from src/. */
export type Role = "beheerder" | "contractmanager" | "toegang" | "aanbieder" | "controller";

export const conversieRoles: Role[] = ["contractmanager", "toegang", "controller", "aanbieder"];
export const conversieGemeenteRoles: Role[] = ["contractmanager", "toegang"];

export interface ConversiePlanSummary {
  id: string;
  titel: string;
  wijzigingsdatum: string;
  uitvraagVanaf: string | null;
  openPunten: { tekst: string; line: number | null }[];
  regels: { id: string; soort: string; van: { naam: string } }[];
}

export interface Conversie {
  id: number;
  planId: string;
  gemeentecode: string;
  plan: ConversiePlanSummary;
  createdAt: string;
}

export interface AntwoordStatus {
  agbCode: string;
  toewijzingen: number;
  beantwoord: number;
  laatsteUpload: string | null;
  herinneren: boolean;
}

export type VlagCode =
  | "geen-antwoord"
  | "uren-passen-niet"
  | "gelijke-uren"
  | "geen-inzet"
  | "module-onbekend"
  | "afstand-ontbreekt"
  | "afstand-buiten-band"
  | "duur-langer-dan-kort"
  | "doelproduct-onbekend"
  | "geen-productcode"
  | "categorie-overlap";

export const vlagLabel: Record<VlagCode, string> = {
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

export interface Voorstel {
  doel: string;
  productId: string;
  productNaam: string;
  productcategorie: string;
  productcode: string | null;
  toewijzingsvariant: "specifiek" | "aspecifiek";
  eenheid: string;
  frequentie: string;
  omvang: number;
  ingangsdatum: string;
  einddatum: string | null;
  reden: string;
}

export interface Uitkomst {
  sleutel: string;
  gemeentecode: string;
  wet: string;
  toewijzingnummer: string;
  clientId: number;
  agbCode: string;
  regelId: string;
  vanNaam: string;
  voorstellen: Voorstel[];
  vlaggen: { code: VlagCode; ernst: "beslissing" | "info"; tekst: string }[];
  uitvoerbaar: boolean;
}

export interface Run {
  id: number;
  soort: "proefrun" | "goedkeuring" | "uitvoering";
  proefrunId: number | null;
  door: string;
  at: string;
  inhoud: { uitkomsten?: Uitkomst[]; rapport?: { omgezet: unknown[]; overgeslagen: unknown[]; mislukt: unknown[]; berichten: string[] }; [k: string]: unknown };
}

export interface Uitvoering {
  runId: number;
  omgezet: { sleutel: string; nieuw: { toewijzingnummer: string; productId: string; omvang: number }[] }[];
  overgeslagen: { sleutel: string; reden: string }[];
  mislukt: { clientId: number; reden: string }[];
  berichten: { bestandsnaam: string }[];
}
