import type { BerichtStatus, Richting, Rol, VerzoekStatus } from "../contract/messages.ts";
import type { Wet } from "../domain/care/codes.ts";
import type { IsoDate } from "../domain/shared/date.ts";
import type { CareRepository } from "./care-ports.ts";
import type { AccessLogRepository } from "./ports.ts";

/**
 * The party Kader acts for while processing: the gemeente (receives 305/307/315/317/323) or the aanbieder (301/319/325).
 * These code lists are the contract's (src/contract/messages.ts).
 */
export type { Rol, Richting, VerzoekStatus } from "../contract/messages.ts";

/**
 * What became of a message: `verwerkt` (accepted, answered), `afgekeurd` (answered with a rejection — also a message
 * whose Identificatie the sender already used, TR056/9056: that one is answered but not stored), `herhaald` (the same
 * message again while its committed answer had not yet been written out: that answer is written now, byte for byte,
 * nothing changes), `geregistreerd` (a message Kader only records: a retour, a 325, a 301 the gemeente sent itself),
 * `verzonden` (a message Kader built). `herhaald` is an outcome only, never stored.
 */
export type { BerichtStatus } from "../contract/messages.ts";

/**
 * A note on a processed message, stored with it (`meldingen`) and answered: `retourcode`, `pad` and `tekst` as
 * always, and the same as the one Finding (src/domain/codes/finding.ts) beside them — severity ("fout", or "melding"
 * for a 0200 note or a note without a retourcode), code (the retourcode, or "melding"), path (`pad` when there is one)
 * and message (`tekst`) — built by `melding()` (src/app/messages/findings.ts). Rows stored before these fields existed
 * have only the first three.
 */
export interface Melding {
  retourcode: string;
  /** the message class it is about, e.g. "Client/StartProducten/StartProduct[2]" */
  pad: string;
  tekst: string;
  severity: "fout" | "melding";
  code: string;
  path?: string;
  message: string;
}

export interface BerichtRecord {
  id: number;
  rol: Rol;
  richting: Richting;
  gemeentecode: string;
  agbCode: string;
  wet: Wet;
  berichtNaam: string;
  berichtCode: string;
  afzender: string;
  ontvanger: string;
  identificatie: string;
  dagtekening: IsoDate | null;
  bestandsnaam: string;
  contentHash: string;
  status: BerichtStatus;
  retourcodes: string[];
  meldingen: Melding[];
  samenvatting: Record<string, unknown>;
  antwoordOp: number | null;
  antwoordBestand: string | null;
  createdAt: string;
  /**
   * For an answer or a message Kader built (richting uit): when it was handed over — written to --uit by the CLI or
   * returned by the API; null while it is committed but not yet written out. Always null for a received message.
   */
  geschrevenOp: string | null;
}

/** A message to store: `geschrevenOp` left out is the creation time for richting uit (handed over at once), else null. */
export type NewBericht = Omit<BerichtRecord, "id" | "geschrevenOp"> & { geschrevenOp?: string | null };

export interface LeveringRecord {
  rol: Rol;
  gemeentecode: string;
  wet: Wet;
  toewijzingnummer: string;
  begindatum: IsoDate;
  agbCode: string;
  verwijderd: boolean;
  stopReden: string | null;
  stopEinddatum: IsoDate | null;
}

export interface VerzoekRecord {
  id: number;
  rol: Rol;
  gemeentecode: string;
  agbCode: string;
  wet: Wet;
  soort: "315" | "317";
  referentieAanbieder: string;
  bsn: string;
  status: VerzoekStatus;
  berichtId: number;
  /** the request as the message stated it (the AangevraagdProduct or the Verzoek) */
  inhoud: Record<string, unknown>;
  antwoord: { verzoekAntwoord: string; redenAfwijzing: string | null; berichtId: number } | null;
  createdAt: string;
}

export interface BerichtFilter {
  rol?: Rol | undefined;
  gemeentecode?: string | undefined;
  agbCode?: string | undefined;
  richting?: Richting | undefined;
  limit: number;
  offset: number;
}

/** Persistence of the message log, the start/stop registrations and the verzoeken. */
export interface MessageRepository {
  /** serialises the processing of messages with the same key (sender, kind, Identificatie) until the transaction ends */
  lockKey(key: string): Promise<void>;
  /** earlier messages with this key (TR056: BerichtIdentificatie per sender per message kind), committed ones only */
  byKey(rol: Rol, richting: Richting, afzender: string, berichtCode: string, identificatie: string): Promise<BerichtRecord[]>;
  insert(m: NewBericht, xml: string): Promise<BerichtRecord>;
  /** marks answers as handed over (written to --uit); an answer already marked keeps its time */
  markeerGeschreven(ids: number[], at: string): Promise<void>;
  update(id: number, patch: Partial<Pick<BerichtRecord, "status" | "retourcodes" | "meldingen" | "samenvatting" | "antwoordBestand">>): Promise<void>;
  /** the messages that answer this one (richting uit, antwoord_op = id) */
  answersOf(id: number): Promise<BerichtRecord[]>;
  get(id: number): Promise<BerichtRecord | null>;
  xml(id: number): Promise<string | null>;
  list(filter: BerichtFilter): Promise<{ total: number; items: BerichtRecord[] }>;
  /** a fresh BerichtIdentificatie for a message Kader builds */
  nextIdentificatie(): Promise<string>;
  leveringen(rol: Rol, gemeentecode: string, wet: Wet, toewijzingnummer: string): Promise<LeveringRecord[]>;
  saveLevering(l: LeveringRecord, at: string): Promise<void>;
  verzoek(rol: Rol, agbCode: string, wet: Wet, referentie: string): Promise<VerzoekRecord | null>;
  verzoekById(id: number): Promise<VerzoekRecord | null>;
  verzoeken(filter: {
    rol?: Rol | undefined;
    gemeentecode?: string | undefined;
    agbCode?: string | undefined;
    bsn?: string | undefined;
    wet?: Wet | undefined;
    status?: VerzoekStatus[] | undefined;
  }): Promise<VerzoekRecord[]>;
  insertVerzoek(v: Omit<VerzoekRecord, "id">, at: string): Promise<VerzoekRecord>;
  updateVerzoek(id: number, patch: Pick<VerzoekRecord, "status" | "antwoord">, at: string): Promise<void>;
  /** product ids the aanbieder has a contract for with this gemeente (to resolve a 301's product code to a catalogue product) */
  contractProducts(agbCode: string, gemeentecode: string): Promise<string[]>;
  /** keeps the gemeente's ToewijzingNummer counter past an imported number, so Kader never hands it out again */
  bumpToewijzingTeller(gemeentecode: string, wet: Wet, nummer: number): Promise<void>;
  /** as aanbieder: a toewijzing received in a 301 */
  ontvangenToewijzing(
    gemeentecode: string,
    wet: Wet,
    agbCode: string,
    nummer: string,
  ): Promise<{ bsn: string; berichtId: number; product: Record<string, unknown> } | null>;
  saveOntvangenToewijzing(
    t: { gemeentecode: string; wet: Wet; agbCode: string; nummer: string; bsn: string; berichtId: number; product: Record<string, unknown> },
    at: string,
  ): Promise<void>;
}

/** The repositories one message is processed with, all in one transaction. */
export interface MessageUnit {
  messages: MessageRepository;
  care: CareRepository;
  accessLog: AccessLogRepository;
}

export interface MessageStore {
  /** runs fn in one transaction: the message, its effects and its answer are written together, or not at all */
  transaction<R>(fn: (unit: MessageUnit) => Promise<R>): Promise<R>;
  /** outside a transaction, for reading */
  readonly messages: MessageRepository;
  readonly care: CareRepository;
}
