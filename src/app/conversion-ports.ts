import type { Run } from "../contract/conversion.ts";
import type { Antwoord } from "../domain/conversion/compute.ts";
import type { ConversiePlan } from "../domain/conversion/plan.ts";
import type { Wet } from "../domain/care/codes.ts";
import type { CareRepository } from "./care-ports.ts";

export interface ConversieRecord {
  id: number;
  planId: string;
  gemeentecode: string;
  plan: ConversiePlan;
  planHash: string;
  createdAt: string;
}

export interface OpgeslagenAntwoord {
  gemeentecode: string;
  wet: Wet;
  toewijzingnummer: string;
  agbCode: string;
  antwoord: Antwoord;
  receivedAt: string;
}

export interface UploadRecord {
  id: number;
  agbCode: string;
  bestandsnaam: string;
  rijen: number;
  door: string;
  receivedAt: string;
}

/** A run as stored and as the API answers it: a proefrun, an approval or an execution, with what it holds. */
export type RunRecord = Run;

export interface KoppelingRecord {
  gemeentecode: string;
  wet: Wet;
  oudToewijzingnummer: string;
  doel: string;
  nieuwToewijzingnummer: string;
  clientId: number;
  agbCode: string;
  runId: number;
  at: string;
}

/** Persistence of conversions. Write methods run inside the transaction they are given. */
export interface ConversionStore {
  /** one transaction over the conversion tables and the care chain */
  unit<R>(fn: (u: { conv: ConversionStore; care: CareRepository }) => Promise<R>): Promise<R>;
  care: CareRepository;
  upsertConversie(plan: ConversiePlan, planHash: string, gemeentecode: string, at: string): Promise<ConversieRecord>;
  conversie(planId: string, gemeentecode: string): Promise<ConversieRecord | null>;
  conversieById(id: number): Promise<ConversieRecord | null>;
  conversies(gemeentecode?: string): Promise<ConversieRecord[]>;
  insertUpload(conversieId: number, gemeentecode: string, u: Omit<UploadRecord, "id">): Promise<number>;
  upsertAntwoord(conversieId: number, a: OpgeslagenAntwoord, uploadId: number): Promise<void>;
  antwoorden(conversieId: number, agbCode?: string): Promise<OpgeslagenAntwoord[]>;
  uploads(conversieId: number): Promise<UploadRecord[]>;
  insertRun(conversieId: number, gemeentecode: string, r: Omit<RunRecord, "id" | "conversieId">): Promise<number>;
  run(id: number): Promise<RunRecord | null>;
  setRunInhoud(id: number, inhoud: RunRecord["inhoud"]): Promise<void>;
  runs(conversieId: number): Promise<RunRecord[]>;
  koppelingen(conversieId: number, key?: { gemeentecode: string; wet: Wet; oudToewijzingnummer: string }): Promise<KoppelingRecord[]>;
  insertKoppeling(conversieId: number, k: KoppelingRecord): Promise<void>;
  nextBerichtNummer(): Promise<number>;
  /** contract tariff (cents per unit) of an aanbieder for a product in a gemeente on a date */
  contractTarief(agbCode: string, gemeentecode: string, productId: string, datum: string): Promise<number | null>;
  contractTarieven(gemeentecode: string, datum: string): Promise<Map<string, number>>;
}
