import type { Product, Productenboek } from "../../domain/catalogue/product.ts";
import type { MessageFinding, Outcome } from "../../contract/messages.ts";
import type { MessageDefinition } from "../../messages/index.ts";
import type { AnyModel } from "../../messages/schema/structure.ts";
import type { Wet } from "../../domain/care/codes.ts";
import type { HeaderInfo, RetourMeta } from "../messages-mapping.ts";
import type { BerichtRecord, BerichtStatus, Melding, MessageUnit, Rol } from "../messages-ports.ts";
import type { Clock } from "../ports.ts";

export interface BerichtInput {
  /** file name (for a ZIP entry: "batch.zip:entry.xml") */
  bestandsnaam: string;
  bytes: Uint8Array;
}

/** An answer Kader built (a retour, a 325, a 319, a 301): its file name, message name and XML. */
export interface AnswerFile {
  bestandsnaam: string;
  berichtNaam: string;
  xml: string;
  /** the answer in the message log */
  berichtId?: number;
  /** the retourcodes in the answer other than 0200 */
  retourcodes?: string[];
}

/**
 * Outcome — a status of the message log, or `onleesbaar`: no message Kader can answer (not XML, unknown message,
 * header unusable); `geweigerd`: not for this party or role — nothing stored; `fout`: an internal error — the
 * message's transaction was undone, reprocessing completes it.
 *
 * MessageFinding — one finding about a processed message, in the shape every screen renders (FindingList): the one
 * Finding (src/domain/codes/finding.ts) — `code` is the rule (XSD, OP192, CS340, TR416…) or, for a processing finding,
 * the retourcode; `severity` "fout" rejects, "melding" is a note (0200: nothing wrong, an aandachtspunt for the toegang).
 */
export type { MessageFinding, Outcome } from "../../contract/messages.ts";

export interface ProcessOutcome {
  bestandsnaam: string;
  berichtNaam: string | null;
  identificatie: string | null;
  dagtekening: string | null;
  status: Outcome;
  /** the retourcodes Kader answered with (0200 left out) */
  retourcodes: string[];
  meldingen: Melding[];
  antwoorden: AnswerFile[];
  berichtId: number | null;
  /** a message rejected with 9056 (TR056): the earlier message with this Identificatie, in the message log */
  eerder?: { berichtId: number; ontvangen: string };
  prestaties: number;
  /** every finding: the element path, line, rule, retourcode and Dutch explanation (all of a rejected message's failures) */
  bevindingen: MessageFinding[];
}

/** An outcome before its findings are added (processOne adds them from the reader's failures and the meldingen). */
export type PlainOutcome = Omit<ProcessOutcome, "bevindingen">;

export interface ProcessOptions {
  /** the party Kader acts for; "auto": gemeente for messages an aanbieder sends, aanbieder for the others */
  rol: Rol | "auto";
  /** only messages of this gemeente (CBS code) */
  gemeente?: string | undefined;
  /** only messages of this aanbieder (AGB code) */
  aanbieder?: string | undefined;
  /** as gemeente: answer every accepted verzoek (315/317) at once with a 319 "aanvraag in onderzoek" */
  inOnderzoek?: boolean | undefined;
  /**
   * The caller writes the answers out itself after the message's transaction (`berichten verwerk --uit`): they are
   * committed as not yet written, and the caller marks them with `markWritten` once written. Should it crash in
   * between, the same message again gets those answers (`herhaald`) instead of a 9056. Without it (the API: the
   * response carries the answers) an answer counts as handed over when it is committed.
   */
  antwoordenLater?: boolean | undefined;
}

/** An answer to build once its own Identificatie is known. */
export interface PendingAnswer {
  def: MessageDefinition;
  build: (meta: RetourMeta) => AnyModel;
}

/** What a message kind's handler did: the message's status and meldingen, its summary, the answers to build. */
export interface Handled {
  status: BerichtStatus;
  meldingen: Melding[];
  /** stored as the message's `samenvatting` */
  summary: Record<string, unknown>;
  answers: PendingAnswer[];
}

/** The catalogue on one date, as the declaratie check and the 301 import read it. */
export interface CatalogueSnapshot {
  products: Product[];
  productenboeken: Productenboek[];
}

/** A received message being handled, inside its transaction: what every message kind's handler works on. */
export interface Incoming {
  def: MessageDefinition;
  model: AnyModel;
  h: HeaderInfo;
  wet: Wet;
  /** the message as stored */
  rec: BerichtRecord;
  u: MessageUnit;
  clock: Clock;
}
