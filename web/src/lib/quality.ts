import type { Checkable, FileMeta, PveDetail, Segment, PveRecord as StoredPve, QuestionStatus as VraagStatus } from "../../../src/contract/quality.ts";
import { evidenceKindWord } from "../../../src/domain/codes/quality.ts";
import { request } from "./api.ts";

/**
 * Types and Dutch labels of the quality-framework API (/api/v1/kwaliteitskaders, /programmas-van-eisen). The types
 * are the contract's (src/contract/quality.ts), under the names the pages use.
 */
export type {
  Addressee,
  Answer as Antwoord,
  AssessmentView,
  Checkable,
  Criterion,
  CriterionHit,
  Deviation as Afwijking,
  FileMeta,
  Framework,
  FrameworkItem,
  FrameworkStatus,
  GeneralRequirement,
  HistoryEvent,
  Nature,
  OverviewRow,
  PveConcept,
  PveDocument,
  PvePart as PveOnderdeel,
  PveQuestion as PveVraag,
  PveRequirement as PveEis,
  PveVersionInfo,
  QualityElement,
  QuestionStatus as VraagStatus,
  QuestionView as VraagView,
  Segment,
} from "../../../src/contract/quality.ts";

/** A draft as the list and the detail answer it; the pages add `versies` (a count in the list, the versions in the detail). */
export type PveRecord = StoredPve & Partial<Pick<PveDetail, "voorbeeld" | "problemen">>;

/** The code lists and their Dutch labels: src/domain/codes/quality.ts's, under the names the pages use. */
export {
  addresseeLabel,
  frameworkStatusLabel as statusLabel,
  natureLabel,
  QUALITY_ELEMENTS as elements,
  QUESTION_STATUSES as vraagStatuses,
  qualityElementLabel as elementLabel,
  questionStatusLabel as vraagStatusLabel,
} from "../../../src/domain/codes/quality.ts";

export const vraagStatusBadge: Record<VraagStatus, string> = {
  open: "neutral",
  ingediend: "warning",
  akkoord: "success",
  aanvullen: "warning",
  "niet-akkoord": "danger",
};

/** How a requirement is checked, in words. */
export function checkableText(t: Checkable | null): string {
  if (!t) return "beschrijvend";
  if (t.bron === "bewijs") return `toetsbaar: ${t.soorten.map((s) => evidenceKindWord[s]).join(" of ")}`;
  return t.eis === "vog" ? "toetsbaar: VOG's uit het personeelsbestand" : "toetsbaar: beroepsregistraties uit het personeelsbestand";
}

export const pvePath = (id: string) => `/programmas-van-eisen/${encodeURIComponent(id)}`;
export const assessmentPath = (id: string, v: number, agb: string) => `${pvePath(id)}/versies/${v}/zelfevaluaties/${agb}`;

/** Uploads one evidence file as multipart/form-data (built by hand so the shared request helper can send it). */
export function uploadEvidence(id: string, v: number, agb: string, question: string, file: File): Promise<FileMeta> {
  const boundary = `----kader${Math.random().toString(16).slice(2)}`;
  const safeName = file.name.replace(/["\r\n]/g, "_");
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="${safeName}"\r\nContent-Type: ${file.type || "application/octet-stream"}\r\n\r\n`;
  const body = new Blob([head, file, `\r\n--${boundary}--\r\n`]);
  return request<FileMeta>(`${assessmentPath(id, v, agb)}/vragen/${encodeURIComponent(question)}/bestanden`, {
    method: "POST",
    raw: { body, type: `multipart/form-data; boundary=${boundary}` },
  });
}

/** A purchasing segment in words, as the library and the composer show it. */
export const segmentText = (s: Segment) => `${s.wet === "wmo" ? "Wmo" : "Jeugdhulp"} ${s.label}${s.wet === "wmo" ? "" : ` ${s.naam}`}`;

/** The same value with object keys sorted, as JSON: to compare a draft with the stored one (jsonb reorders keys). */
export function canonicalJson(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sort)
      : x && typeof x === "object"
        ? Object.fromEntries(
            Object.entries(x as Record<string, unknown>)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, y]) => [k, sort(y)]),
          )
        : x;
  return JSON.stringify(sort(v));
}
