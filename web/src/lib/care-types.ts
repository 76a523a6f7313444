/**
 * The care chain as the API answers it (/api/v1/clienten, /beschikkingen, /toewijzingen, /werklijst, /declaraties,
 * /budget). The web application talks to the API only, so these mirror the JSON (src/app/care.ts, care-ports.ts,
 * src/domain/care/grant.ts, src/domain/billing/*), not the server's TypeScript. Amounts are euro cents.
 */

export type Wet = "wmo" | "jeugdwet";
/** WJ756 */
export type Eenheid = "01" | "04" | "14" | "16" | "82" | "83" | "84";
/** WMO757: per dag, per week, per maand, totaal binnen de geldigheidsduur */
export type Frequentie = "1" | "2" | "4" | "6";
/** COD327 */
export type Verwijzer = "01" | "02" | "03" | "04" | "05" | "06" | "08";
/** LDT_RedenWijziging */
export type RedenWijziging = "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12" | "13" | "14";

export type ToewijzingStatus = "toegewezen" | "gestart" | "tijdelijk-gestopt" | "gestopt" | "ingetrokken" | "verwijderd";
export type ToewijzingEvent = "start" | "tijdelijk-stop" | "stop" | "wijzigen" | "intrekken" | "verwijderen";

export interface Adres {
  straat?: string;
  huisnummer?: string;
  postcode?: string;
  plaats?: string;
}

export interface Client {
  id: number;
  gemeentecode: string;
  bsn: string;
  geboortedatum: string;
  naam: string;
  /** the name in parts as the iStandaarden carry it; null when only a display name is known */
  naamdelen: { voorletters?: string; voornamen?: string; voorvoegsel?: string; achternaam: string; geslacht?: "0" | "1" | "2" } | null;
  adres: Adres;
  demo: boolean;
}

export interface ClientList {
  total: number;
  items: Client[];
}

/** One product as proposed in a beschikking (ProposedProduct), with the aanbieder it is assigned to. */
export interface ProposedProduct {
  productId: string;
  ingangsdatum: string;
  einddatum: string;
  volume: number | null;
  eenheid: Eenheid | null;
  frequentie: Frequentie | null;
  /** euro cents, instead of a volume */
  budget: number | null;
  resultaatgebieden: string[];
  /** the goals agreed for this product */
  doelen: string[];
  verlengingen: number;
  afstandKm: number | null;
}

export type Severity = "fout" | "waarschuwing" | "oordeel";

export interface GrantFinding {
  productId: string;
  rule: string;
  severity: Severity;
  message: string;
  asWritten?: string;
  line?: number;
}

export interface GrantVerdict {
  toegestaan: boolean;
  /** true when the only obstacles are points of professional judgement: an override can grant */
  overrideMogelijk: boolean;
  bevindingen: GrantFinding[];
}

export interface Beschikking {
  id: number;
  gemeentecode: string;
  clientId: number;
  wet: Wet;
  beschikkingnummer: string;
  afgiftedatum: string;
  ingangsdatum: string;
  einddatum: string;
  verwijzer: Verwijzer | null;
  producten: (ProposedProduct & { aanbieder: string })[];
  bevindingen: GrantFinding[];
  override: { motivering: string; door: string; op: string } | null;
  createdBy: string;
  createdAt: string;
}

export interface Period {
  begin: string;
  end: string | null;
}

export interface Toewijzing {
  gemeentecode: string;
  wet: Wet;
  toewijzingnummer: string;
  beschikkingId: number;
  clientId: number;
  agbCode: string;
  productId: string;
  productcategorie: string | null;
  productcode: string | null;
  eenheid: Eenheid;
  frequentie: Frequentie | null;
  omvang: number | null;
  budgetCents: number | null;
  toewijzingsdatum: string;
  ingangsdatum: string;
  einddatum: string | null;
  status: ToewijzingStatus;
  redenWijziging: RedenWijziging | null;
  startdatum: string | null;
  gedeclareerdTot: string | null;
  geleverd: Period[];
  productNaam?: string | null;
}

export interface ClientOverview {
  client: Client;
  beschikkingen: Beschikking[];
  toewijzingen: (Toewijzing & { productNaam: string | null })[];
}

export interface ToewijzingEventRecord {
  event: ToewijzingEvent;
  datum: string;
  reden: string | null;
  byUser: string;
  recordedAt: string;
}

export interface ToewijzingHistory {
  toewijzing: Toewijzing;
  events: ToewijzingEventRecord[];
}

export interface GrantAnswer {
  beschikking: Beschikking;
  toewijzingen: Toewijzing[];
  verdict: GrantVerdict;
}

export type DeadlineKind = "start-melden" | "stop-melden" | "starten" | "plan" | "evaluatie";

export interface WorkItem {
  kind: DeadlineKind;
  due: string;
  text: string;
  source: { asWritten: string; line: number | null };
  toewijzingnummer: string;
  gemeentecode: string;
  wet: Wet;
  agbCode: string;
  clientId: number;
  productNaam: string;
  overdue: boolean;
}

export interface StoredDeclaratie {
  agbCode: string;
  wet: Wet;
  declaratienummer: string;
  gemeentecode: string;
  periodeBegin: string;
  periodeEind: string;
  dagtekening: string;
  ingediend: number;
  toegekend: number;
  receivedAt: string;
  demo: boolean;
}

export interface CheckFinding {
  code: string;
  retourcode: string;
  severity: "afwijzing" | "waarschuwing";
  message: string;
}

export interface PrestatieResult {
  referentienummer: string;
  debetCredit: "D" | "C";
  toegekend: boolean;
  retourcodes: string[];
  bevindingen: CheckFinding[];
  ingediendBedrag: number;
  toegekendBedrag: number;
  toewijzingKey: string | null;
}

export interface DeclaratieResult {
  declaratienummer: string;
  /** a whole-declaratie rejection (9333) */
  afgewezen: CheckFinding | null;
  prestaties: PrestatieResult[];
  ingediend: number;
  toegekend: number;
}

/** The answer to one declaratie in POST /declaraties. */
export interface DeclaratieAnswer {
  declaratie: StoredDeclaratie;
  herhaald: boolean;
  result: DeclaratieResult;
}

export interface StoredPrestatie {
  referentienummer: string;
  vorigReferentienummer: string | null;
  toewijzingnummer: string;
  begindatum: string;
  einddatum: string;
  volume: number;
  eenheid: string;
  tariefCents: number;
  bedragCents: number;
  debetCredit: "D" | "C";
  toegekend: boolean;
  retourcodes: string[];
  bevindingen: CheckFinding[];
}

export interface DeclaratieDetail {
  declaratie: StoredDeclaratie;
  prestaties: StoredPrestatie[];
}

export type BudgetGroup = "toewijzing" | "client" | "aanbieder" | "product" | "productenboek";

export interface BudgetRow {
  key: string;
  label: string;
  toegekendBudget: number | null;
  ingediend: number;
  betaald: number;
  verbruik: number | null;
  uitputting: string | null;
}

export interface BudgetSignal {
  kind: "verbruik-90" | "na-einddatum";
  toewijzingnummer: string;
  gemeentecode: string;
  agbCode: string;
  message: string;
}

export interface BudgetReport {
  peildatum: string;
  groep: BudgetGroup | "maand";
  rows: BudgetRow[];
  maanden: { maand: string; ingediend: number; toegekend: number }[];
  signalen: BudgetSignal[];
}
