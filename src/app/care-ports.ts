import type { DeclaratieResult, ToewijzingView } from "../domain/billing/check.ts";
import type { BudgetLine } from "../domain/billing/budget.ts";
import type { Declaratie } from "../domain/billing/declaratie.ts";
import type { Verwijzer, Wet } from "../domain/care/codes.ts";
import type { GrantFinding, ProposedProduct } from "../domain/care/grant.ts";
import type { ToewijzingEvent, ToewijzingStatus } from "../domain/care/lifecycle.ts";
import type { ToewijzingRecord } from "../domain/care/toewijzing.ts";
import type { IsoDate } from "../domain/shared/date.ts";

export interface ClientRecord {
  id: number;
  gemeentecode: string;
  bsn: string;
  geboortedatum: IsoDate;
  naam: string;
  /** the name in parts as the iStandaarden carry it; null when only a display name is known */
  naamdelen: Naamdelen | null;
  adres: { straat?: string; huisnummer?: string; postcode?: string; plaats?: string };
  demo: boolean;
}

export interface Naamdelen {
  voorletters?: string;
  voornamen?: string;
  voorvoegsel?: string;
  achternaam: string;
  /** LDT_Geslacht: 0 onbekend, 1 man, 2 vrouw */
  geslacht?: "0" | "1" | "2";
}

export interface BeschikkingRecord {
  id: number;
  gemeentecode: string;
  clientId: number;
  wet: Wet;
  beschikkingnummer: string;
  afgiftedatum: IsoDate;
  ingangsdatum: IsoDate;
  einddatum: IsoDate;
  verwijzer: Verwijzer | null;
  producten: (ProposedProduct & { aanbieder: string })[];
  bevindingen: GrantFinding[];
  override: { motivering: string; door: string; op: string } | null;
  createdBy: string;
  createdAt: string;
}

export type { ToewijzingRecord } from "../domain/care/toewijzing.ts";

export interface ToewijzingEventRecord {
  event: ToewijzingEvent;
  datum: IsoDate;
  reden: string | null;
  byUser: string;
  recordedAt: string;
}

export interface StoredDeclaratie {
  agbCode: string;
  wet: Wet;
  declaratienummer: string;
  gemeentecode: string;
  periodeBegin: IsoDate;
  periodeEind: IsoDate;
  dagtekening: IsoDate;
  contentHash: string;
  ingediend: number;
  toegekend: number;
  receivedAt: string;
  demo: boolean;
}

export interface ToewijzingFilter {
  gemeentecode?: string | undefined;
  agbCode?: string | undefined;
  clientId?: number | undefined;
  status?: ToewijzingStatus | undefined;
  limit?: number | undefined;
}

/** Persistence of the care chain. Every write method runs inside the transaction it is given. */
export interface CareRepository {
  transaction<R>(fn: (tx: CareRepository) => Promise<R>): Promise<R>;
  insertClient(c: Omit<ClientRecord, "id">, at: string): Promise<ClientRecord>;
  client(id: number): Promise<ClientRecord | null>;
  clientByBsn(gemeentecode: string, bsn: string): Promise<ClientRecord | null>;
  clients(filter: {
    gemeentecode?: string | undefined;
    agbCode?: string | undefined;
    q?: string | undefined;
    limit: number;
    offset: number;
  }): Promise<{ total: number; items: ClientRecord[] }>;
  insertBeschikking(b: Omit<BeschikkingRecord, "id">): Promise<BeschikkingRecord>;
  beschikkingen(clientId: number): Promise<BeschikkingRecord[]>;
  beschikkingnummerExists(gemeentecode: string, nummer: string): Promise<boolean>;
  nextToewijzingnummer(gemeentecode: string, wet: Wet): Promise<string>;
  insertToewijzing(t: ToewijzingRecord, at: string): Promise<void>;
  toewijzing(gemeentecode: string, wet: Wet, nummer: string): Promise<ToewijzingRecord | null>;
  toewijzingen(filter: ToewijzingFilter): Promise<ToewijzingRecord[]>;
  updateToewijzing(t: ToewijzingRecord, at: string): Promise<void>;
  appendEvent(key: { gemeentecode: string; wet: Wet; toewijzingnummer: string }, e: ToewijzingEventRecord): Promise<void>;
  events(key: { gemeentecode: string; wet: Wet; toewijzingnummer: string }): Promise<ToewijzingEventRecord[]>;
  /** serialises declaraties of one aanbieder and law (advisory lock until the transaction ends) */
  lockAanbieder(agbCode: string, wet: Wet): Promise<void>;
  declaratie(agbCode: string, wet: Wet, nummer: string): Promise<StoredDeclaratie | null>;
  declaraties(filter: { gemeentecode?: string | undefined; agbCode?: string | undefined; limit: number }): Promise<StoredDeclaratie[]>;
  /** the state to check a declaratie against: the toewijzingen, references and sums it touches */
  ledgerFor(d: Declaratie, views: (t: ToewijzingRecord, bsn: string) => ToewijzingView): Promise<import("../domain/billing/check.ts").BillingLedger>;
  storeDeclaratie(
    d: Declaratie,
    result: DeclaratieResult,
    meta: { contentHash: string; receivedAt: string; demo: boolean; clientIds: Map<string, number> },
  ): Promise<void>;
  prestaties(agbCode: string, wet: Wet, nummer: string): Promise<StoredPrestatie[]>;
  /** the clients (by id) whose prestaties these declaraties hold, for the access log */
  clientIdsOfDeclaraties(keys: { agbCode: string; wet: Wet; declaratienummer: string }[]): Promise<number[]>;
  budgetLines(filter: { gemeentecode?: string | undefined; agbCode?: string | undefined }): Promise<Omit<BudgetLine, "productenboekId">[]>;
  hasDemo(): Promise<boolean>;
}

export interface StoredPrestatie {
  referentienummer: string;
  vorigReferentienummer: string | null;
  toewijzingnummer: string;
  begindatum: IsoDate;
  einddatum: IsoDate;
  volume: number;
  eenheid: string;
  tariefCents: number;
  bedragCents: number;
  debetCredit: "D" | "C";
  toegekend: boolean;
  retourcodes: string[];
  bevindingen: DeclaratieResult["prestaties"][number]["bevindingen"];
}
