import type { EvidenceKind } from "./evidence.ts";

/**
 * The code lists of the quality-framework library (document 003) and of the self-assessment, with their Dutch labels.
 * Zod-free: the web app imports these as values; the zod enums are in ./schemas.ts.
 */

/** The four recurring elements under which document 003 groups every criterion. */
export const QUALITY_ELEMENTS = ["dienstverlening", "vakmanschap", "samenwerking", "organisatie"] as const;
export type QualityElement = (typeof QUALITY_ELEMENTS)[number];

export const qualityElementLabel: Record<QualityElement, string> = {
  dienstverlening: "Dienstverlening",
  vakmanschap: "Vakmanschap",
  samenwerking: "Samenwerking",
  organisatie: "Organisatie",
};

/**
 * Who a criterion addresses: the provider as an organisation (zorgaanbieder, opvangorganisatie,
 * sociaal-werkorganisatie), the individual professional, the municipality as commissioner, the board / management
 * (bestuur, Raad van Bestuur), a local (wijk)team as a whole.
 */
export const ADDRESSEES = ["organisatie", "professional", "gemeente", "bestuur", "team"] as const;
export type Addressee = (typeof ADDRESSEES)[number];

export const addresseeLabel: Record<Addressee, string> = {
  organisatie: "organisatie",
  professional: "professional",
  gemeente: "gemeente",
  bestuur: "bestuur",
  team: "(wijk)team",
};

/**
 * What kind of answer would show the criterion is met: a number or share (a ratio, a percentage, a count), a yes/no
 * fact ("heeft een klachtenregeling"), a document to hand in (policy, plan, certificate, agreement), a narrative
 * description of how the provider works.
 */
export const NATURES = ["getal", "ja-nee", "document", "verhaal"] as const;
export type Nature = (typeof NATURES)[number];

export const natureLabel: Record<Nature, string> = { getal: "getal", "ja-nee": "ja/nee", document: "document", verhaal: "beschrijving" };

/** Segment ids from the appendix of document 003: `jeugd-1` … `jeugd-7`, `wmo-1a`, `wmo-1b`, `wmo-2`, `wmo-3`. */
export const SEGMENT_IDS = ["jeugd-1", "jeugd-2", "jeugd-3", "jeugd-4", "jeugd-5", "jeugd-6", "jeugd-7", "wmo-1a", "wmo-1b", "wmo-2", "wmo-3"] as const;
export type SegmentId = (typeof SEGMENT_IDS)[number];

/** Whether a framework is still in force. */
export const FRAMEWORK_STATUSES = ["in-force", "lapsed", "superseded", "unknown"] as const;
export type FrameworkStatus = (typeof FRAMEWORK_STATUSES)[number];

export const frameworkStatusLabel: Record<FrameworkStatus, string> = {
  "in-force": "geldig",
  lapsed: "vervallen",
  superseded: "vervangen",
  unknown: "status onbekend",
};

/** The gemeente's verdict ("oordeel") on an answer of the self-assessment. */
export const REVIEW_VERDICTS = ["akkoord", "aanvullen", "niet-akkoord"] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export const reviewVerdictLabel: Record<ReviewVerdict, string> = { akkoord: "akkoord", aanvullen: "aanvullen", "niet-akkoord": "niet akkoord" };

/** open: not answered; ingediend: answered (or changed) since the last review; otherwise the last review's verdict. */
export const QUESTION_STATUSES = ["open", "ingediend", ...REVIEW_VERDICTS] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const questionStatusLabel: Record<QuestionStatus, string> = {
  open: "nog niet beantwoord",
  ingediend: "wacht op beoordeling",
  ...reviewVerdictLabel,
};

/** An evidence kind in the words of a requirement's text ("toetsbaar: kwaliteitscertificaat of …", the pre-filled answer). */
export const evidenceKindWord: Record<EvidenceKind, string> = {
  kwaliteitscertificaat: "kwaliteitscertificaat",
  "kwaliteitshandboek-audit": "kwaliteitshandboek met audit",
  klanttevredenheidsonderzoek: "klanttevredenheidsonderzoek",
  "gedragsverklaring-aanbesteden": "gedragsverklaring aanbesteden",
  "verklaring-belastingdienst": "verklaring Belastingdienst",
  "kvk-uittreksel": "KvK-uittreksel",
};
