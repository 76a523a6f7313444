import type { AnswerBody, FileMeta, HistoryEvent, PveConcept, PveRecord, PveVersionInfo, ReviewBody } from "../contract/quality.ts";
import type { AntwoordRecord } from "../domain/quality/assessment.ts";
import type { Framework } from "../domain/quality/framework-source.ts";
import type { CriterionHit, CriterionQuery, QualityLibrary } from "../domain/quality/library.ts";
import type { PveDocument } from "../domain/quality/pve.ts";

export type { FileMeta, HistoryEvent, PveRecord } from "../contract/quality.ts";

/** A published version as stored: its immutable content. */
export interface PveVersionRecord extends PveVersionInfo {
  inhoud: PveDocument;
}

/** Where one assessment lives: a published version, answered by one aanbieder, for one gemeente. */
export interface AssessmentKey {
  pveId: string;
  versie: number;
  agbCode: string;
}

/** Storage of the quality library, the programmes of requirements and the self-assessments. */
export interface QualityRepository {
  libraryHash(): Promise<string | null>;
  /** replaces the whole library in one transaction */
  replaceLibrary(lib: QualityLibrary, hash: string, at: string): Promise<void>;
  library(): Promise<QualityLibrary>;
  searchCriteria(q: CriterionQuery): Promise<{ items: CriterionHit[]; total: number }>;
  framework(nr: number): Promise<Framework | null>;

  createPve(p: PveRecord): Promise<void>;
  getPve(id: string): Promise<PveRecord | null>;
  listPves(gemeentecode: string): Promise<(PveRecord & { versies: number })[]>;
  updateConcept(id: string, concept: PveConcept, at: string): Promise<void>;
  /** stores the next version number in one transaction; returns it */
  publish(id: string, gemeentecode: string, inhoud: PveDocument, at: string, by: string): Promise<number>;
  versions(id: string): Promise<Omit<PveVersionRecord, "inhoud">[]>;
  version(id: string, versie: number): Promise<PveVersionRecord | null>;

  invite(id: string, versie: number, gemeentecode: string, agbCodes: string[], at: string, by: string): Promise<void>;
  invitations(id: string, versie: number): Promise<{ agbCode: string; invitedAt: string }[]>;
  isInvited(k: AssessmentKey): Promise<boolean>;
  /** the published versions an aanbieder is invited to */
  invitedVersions(agbCode: string): Promise<(Omit<PveVersionRecord, "inhoud"> & { titel: string })[]>;

  answers(k: AssessmentKey): Promise<AntwoordRecord[]>;
  /** upserts the answer (status back to "ingediend") and appends an event, in one transaction */
  saveAnswer(k: AssessmentKey & { gemeentecode: string; vraag: string }, a: AnswerBody, at: string, by: string): Promise<void>;
  /** sets the review on an existing answer and appends an event; false when there is no answer */
  review(k: AssessmentKey & { vraag: string }, b: ReviewBody, at: string, by: string): Promise<boolean>;
  addFile(k: AssessmentKey & { gemeentecode: string; vraag: string }, meta: FileMeta, content: Uint8Array): Promise<void>;
  files(k: AssessmentKey): Promise<FileMeta[]>;
  file(k: AssessmentKey, id: string): Promise<{ meta: FileMeta; content: Uint8Array } | null>;
  history(k: AssessmentKey): Promise<HistoryEvent[]>;
  /** every invited aanbieder's answers of a version (review overview) */
  allAnswers(id: string, versie: number): Promise<(AntwoordRecord & { agbCode: string })[]>;
}
