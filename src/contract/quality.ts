import { z } from "zod";
import { Addressee, FrameworkStatus, Nature, QualityElement, QuestionStatus, ReviewVerdict, SegmentId, Wet } from "../domain/codes/schemas.ts";
import { CalendarDate, EvidenceKind } from "./compliance.ts";
import { ProblemItem } from "./problem.ts";
import { may, PUBLIC, type RouteSpec, route } from "./route.ts";

/**
 * The quality routes of the API: the library of quality frameworks (document 003, public), the programmes of
 * requirements ("programma's van eisen") a gemeente composes and publishes, and the self-assessments its invited
 * aanbieders answer, with evidence files and the gemeente's review. Request and response schemas, each schema and
 * its type under one name.
 */

// ------------------------------------------------------------------------------------------------ code lists

/** The code lists are src/domain/codes/quality.ts's (with their Dutch labels); the laws are the one list of laws. */
export { Addressee, FrameworkStatus, Nature, QualityElement, QuestionStatus, ReviewVerdict as Verdict, SegmentId };
export const QualityLaw = Wet;
export type QualityLaw = Wet;
export const ALLOWED_FILE_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;

const agbCode = z.string().regex(/^[0-9]{8}$/, "een AGB-code is 8 cijfers");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0);

// ------------------------------------------------------------------------------------------------ the library

const Frequency = z.object({ asWritten: z.string(), maanden: z.number().int().nullable() });

export const QualityNote = z.object({
  kind: z.enum(["contradiction", "incomplete", "ambiguity", "remark"]),
  text: z.string(),
  regel: z.number().int().nullable(),
  readings: z.array(z.object({ citaat: z.string(), regel: z.number().int() })),
});
export type QualityNote = z.output<typeof QualityNote>;

export const Criterion = z.object({
  id: z.string(),
  element: QualityElement,
  kop: z.array(z.string()),
  nummer: z.string().nullable(),
  tekst: z.string(),
  citaat: z.string(),
  regel: z.number().int(),
  adressaat: Addressee,
  aard: Nature,
  frequentie: Frequency.nullable(),
  begrippen: z.array(z.string()),
  notes: z.array(QualityNote),
});
export type Criterion = z.output<typeof Criterion>;

/** One framework with all its criteria, as `GET /kwaliteitskaders/:nr` answers it. */
export const Framework = z.object({
  nr: z.number().int(),
  titel: z.string(),
  uitgever: z.string(),
  jaar: z.number().int().nullable(),
  wetten: z.array(QualityLaw),
  segmenten: z.object({ asWritten: z.string(), ids: z.array(SegmentId), overig: z.array(z.string()) }),
  regelOverzicht: z.number().int(),
  regelHoofdstuk: z.number().int(),
  status: z.object({
    value: FrameworkStatus,
    since: isoDate.nullable(),
    text: z.string(),
    citaat: z.string().nullable(),
    regel: z.number().int().nullable(),
  }),
  doel: z.string(),
  gebruik: z.string(),
  totstandkoming: z.string(),
  opbouw: z.object({ tekst: z.string(), delen: z.array(z.string()) }),
  zonderCriteria: z.array(z.object({ element: QualityElement, citaat: z.string(), regel: z.number().int() })),
  criteria: z.array(Criterion),
  notes: z.array(QualityNote),
  /** the appendix segments it applies to (a whole law: every segment of that law) */
  segmentenUitgebreid: z.array(SegmentId),
  waarschuwing: z.string().nullable(),
  vervallen: z.boolean(),
});
export type Framework = z.output<typeof Framework>;

/** A framework in the list: its summary, issuer, status and the warning for a lapsed one. */
export const FrameworkItem = z.object({
  nr: z.number().int(),
  titel: z.string(),
  jaar: z.number().int().nullable(),
  wetten: z.array(QualityLaw),
  segmenten: z.array(z.string()),
  status: FrameworkStatus,
  criteria: count,
  perElement: z.object({ dienstverlening: count, vakmanschap: count, samenwerking: count, organisatie: count }),
  uitgever: z.string(),
  statusTekst: z.string(),
  statusSinds: isoDate.nullable(),
  waarschuwing: z.string().nullable(),
});
export type FrameworkItem = z.output<typeof FrameworkItem>;

export const CriterionRef = z.object({
  kader: z.number().int(),
  kaderTitel: z.string(),
  criterium: z.string(),
  element: QualityElement,
  tekst: z.string(),
  regel: z.number().int(),
  vervallen: z.boolean(),
});
export type CriterionRef = z.output<typeof CriterionRef>;

export const CriterionHit = CriterionRef.extend({
  kop: z.array(z.string()),
  nummer: z.string().nullable(),
  citaat: z.string(),
  adressaat: Addressee,
  aard: Nature,
  frequentie: Frequency.nullable(),
  begrippen: z.array(z.string()),
  status: FrameworkStatus,
});
export type CriterionHit = z.output<typeof CriterionHit>;

export const CriterionSearchResult = z.object({ items: z.array(CriterionHit), total: count, limit: z.number().int(), offset: z.number().int() });
export type CriterionSearchResult = z.output<typeof CriterionSearchResult>;

/** Query parameters of a criterion search, as strings from the API or the CLI. */
export const CriterionSearchParams = z
  .object({
    q: z.string().trim().min(1, "zoekterm is leeg").max(200, "zoekterm is langer dan 200 tekens").optional(),
    element: QualityElement.optional(),
    segment: SegmentId.optional(),
    wet: QualityLaw.optional(),
    adressaat: Addressee.optional(),
    aard: Nature.optional(),
    kader: z.coerce.number().int("kader is een geheel getal").min(1, "kadernummers lopen van 1 tot 15").max(15, "kadernummers lopen van 1 tot 15").optional(),
    begrip: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, "onbekend begrip")
      .optional(),
    limit: z.coerce.number().int("limit is een geheel getal").min(1, "limit is minimaal 1").max(500, "limit is hoogstens 500").default(50),
    offset: z.coerce.number().int("offset is een geheel getal").min(0, "offset is minimaal 0").default(0),
  })
  .strict();

/** A purchasing segment of the appendix of document 003. */
export const Segment = z.object({
  id: SegmentId,
  wet: QualityLaw,
  label: z.string(),
  naam: z.string(),
  omschrijving: z.string(),
  gebruikelijkAanbod: z.array(z.string()),
  regel: z.number().int(),
});
export type Segment = z.output<typeof Segment>;

/** A concept of the shared layer (VOG, meldcode, …) with the criteria of every framework that ask for it. */
export const ConceptGroup = z.object({
  id: z.string(),
  naam: z.string(),
  omschrijving: z.string(),
  trefwoorden: z.array(z.string()),
  criteria: z.array(CriterionRef),
});
export type ConceptGroup = z.output<typeof ConceptGroup>;

/**
 * How a requirement can be checked against what Kader already knows (src/domain/compliance): organisation evidence
 * of a kind (certificate, audit, survey…, any of the kinds listed fulfils it), or a fact about the staff file (every
 * staff member's VOG within its validity window; every hbo/wo professional registered). A requirement without a link
 * is narrative: a person judges the answer. Part of a draft's own requirement, and of the domain's (one schema).
 */
export const Checkable = z.discriminatedUnion("bron", [
  z
    .object({ bron: z.literal("bewijs"), soorten: z.array(EvidenceKind).min(1), maxLeeftijdMaanden: z.number().int().positive().nullable().default(null) })
    .strict(),
  z.object({ bron: z.literal("personeel"), eis: z.enum(["vog", "registratie"]) }).strict(),
]);
export type Checkable = z.output<typeof Checkable>;

/** One requirement of the module "algemene eisen" of document 004. */
export const GeneralRequirement = z.object({
  id: z.string(),
  paragraaf: z.string(),
  kop: z.string(),
  tekst: z.string(),
  citaat: z.string(),
  regel: z.number().int(),
  adressaat: Addressee,
  aard: Nature,
  wetten: z.array(QualityLaw),
  begrippen: z.array(z.string()),
  toetsbaar: Checkable.nullable(),
  frequentieMaanden: z.number().int().nullable(),
  feiten: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type GeneralRequirement = z.output<typeof GeneralRequirement>;

// ------------------------------------------------------------------------------------------------ programmes of requirements

const kaderNr = z.number().int("een kadernummer is een geheel getal").min(1, "kadernummers lopen van 1 tot 15").max(15, "kadernummers lopen van 1 tot 15");
const criteriumId = z.string().regex(/^[dvso][0-9]{2,3}[a-z]?$/, "een criterium-id is d/v/s/o gevolgd door een nummer, bv. d01");

/** A deviation ("afwijking") from a framework referenced as a whole. */
export const Deviation = z
  .object({
    /** the criterion of the framework the deviation is about; null for the framework as a whole */
    criterium: criteriumId.nullable().default(null),
    tekst: z.string().trim().min(1, "beschrijf de afwijking").max(2000),
  })
  .strict();
export type Deviation = z.output<typeof Deviation>;

/** One part of a draft: a whole framework, one criterion, 004's general requirements (or one of them), an own requirement. */
export const PvePart = z.discriminatedUnion("soort", [
  z.object({ soort: z.literal("kader"), kader: kaderNr, afwijkingen: z.array(Deviation).max(100).default([]) }).strict(),
  z.object({ soort: z.literal("criterium"), kader: kaderNr, criterium: criteriumId }).strict(),
  z.object({ soort: z.literal("algemene-eisen-004"), zonder: z.array(z.string().min(1)).max(100).default([]) }).strict(),
  z.object({ soort: z.literal("algemeen"), eis: z.string().min(1).max(100) }).strict(),
  z
    .object({
      soort: z.literal("eigen"),
      titel: z.string().trim().min(1, "geef de eis een titel").max(200),
      tekst: z.string().trim().min(1, "beschrijf de eis").max(5000),
      toetsbaar: Checkable.nullable().default(null),
      frequentieMaanden: z.number().int().positive().max(120).nullable().default(null),
    })
    .strict(),
]);
export type PvePart = z.output<typeof PvePart>;

/** A draft programme of requirements (the body of POST and PUT /programmas-van-eisen; the use case parses it once authorised). */
export const PveConcept = z
  .object({
    titel: z.string().trim().min(1, "geef het programma van eisen een titel").max(200),
    toelichting: z.string().trim().max(5000).nullable().default(null),
    segmenten: z.array(SegmentId).max(11).default([]),
    /** product ids of the catalogue */
    producten: z.array(z.string().min(1).max(200)).max(500).default([]),
    onderdelen: z.array(PvePart).max(1000).default([]),
  })
  .strict();
export type PveConcept = z.output<typeof PveConcept>;
export type PveConceptInput = z.input<typeof PveConcept>;

/** One numbered requirement of a resolved programme. */
export const PveRequirement = z.object({
  nr: z.number().int(),
  /** stable across versions: "004.vog", "kader.3", "kader.3.d01", "eigen.1" */
  key: z.string(),
  hoofdstuk: z.enum(["algemeen", "kaders", "criteria", "eigen"]),
  titel: z.string(),
  tekst: z.string(),
  bron: z.object({ document: z.enum(["003", "004"]).nullable(), label: z.string(), regel: z.number().int().nullable(), citaat: z.string().nullable() }),
  toetsbaar: Checkable.nullable(),
  begrippen: z.array(z.string()),
  frequentieMaanden: z.number().int().nullable(),
  afwijkingen: z.array(Deviation),
  waarschuwing: z.string().nullable(),
});
export type PveRequirement = z.output<typeof PveRequirement>;

/** A question of the self-assessment: requirements that ask for the same concept are asked once. */
export const PveQuestion = z.object({
  key: z.string(),
  titel: z.string(),
  eisen: z.array(z.number().int()),
  begrip: z.string().nullable(),
  toetsbaar: Checkable.nullable(),
  frequentieMaanden: z.number().nullable(),
});
export type PveQuestion = z.output<typeof PveQuestion>;

/** The numbered, self-contained document a draft resolves into (the preview; the content of a version). */
export const PveDocument = z.object({
  titel: z.string(),
  toelichting: z.string().nullable(),
  gemeentecode: z.string(),
  segmenten: z.array(z.object({ id: z.string(), naam: z.string() })),
  producten: z.array(z.object({ id: z.string(), naam: z.string(), productcode: z.string().nullable(), wet: z.string() })),
  eisen: z.array(PveRequirement),
  vragen: z.array(PveQuestion),
  waarschuwingen: z.array(z.string()),
});
export type PveDocument = z.output<typeof PveDocument>;

/** A draft as stored: the gemeente's own. */
export const PveRecord = z.object({
  id: z.string(),
  gemeentecode: z.string(),
  concept: PveConcept,
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type PveRecord = z.output<typeof PveRecord>;

/** A published version without its content. */
export const PveVersionInfo = z.object({
  pveId: z.string(),
  versie: z.number().int(),
  gemeentecode: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
});
export type PveVersionInfo = z.output<typeof PveVersionInfo>;

export const Invitation = z.object({ agbCode: z.string(), invitedAt: z.string() });
export type Invitation = z.output<typeof Invitation>;

/** The gemeente's drafts (with their number of versions), or the versions an aanbieder is invited to. */
export const PveList = z.object({
  concepten: z.array(PveRecord.extend({ versies: count })),
  uitnodigingen: z.array(PveVersionInfo.extend({ titel: z.string() })),
});
export type PveList = z.output<typeof PveList>;

/** A draft with its versions and its preview, or the problems that block publishing. */
export const PveDetail = PveRecord.extend({ versies: z.array(PveVersionInfo), voorbeeld: PveDocument.nullable(), problemen: z.array(ProblemItem) });
export type PveDetail = z.output<typeof PveDetail>;

/** A published version: immutable content, and (for the gemeente) who is invited. */
export const PveVersion = PveVersionInfo.extend({ inhoud: PveDocument, uitnodigingen: z.array(Invitation) });
export type PveVersion = z.output<typeof PveVersion>;

export const Published = z.object({ versie: z.number().int(), document: PveDocument });
export type Published = z.output<typeof Published>;

export const InviteBody = z
  .object({
    agbCodes: z.array(agbCode).max(1000).default([]),
    /** also invite every aanbieder the gemeente contracts */
    gecontracteerd: z.boolean().default(false),
  })
  .strict();
export type InviteBody = z.output<typeof InviteBody>;

/** A document as JSON, printable HTML or Word. */
export const DocumentFormat = z.object({ format: z.enum(["json", "html", "docx"]).default("json") }).strict();
/** The review overview as JSON, CSV or Excel. */
export const OverviewFormat = z.object({ format: z.enum(["json", "csv", "xlsx"]).default("json") }).strict();
export const ReminderParams = z.object({ dagen: z.coerce.number().int().min(0).max(3650).default(60) }).strict();

// ------------------------------------------------------------------------------------------------ self-assessment

const StatusCounts = z.object({ open: count, ingediend: count, akkoord: count, aanvullen: count, "niet-akkoord": count });

/** The body of an answer (parsed by the use case once authorised). */
export const AnswerBody = z
  .object({
    toelichting: z.string().trim().max(10_000, "hoogstens 10.000 tekens").default(""),
    geldigVan: CalendarDate.nullable().default(null),
    geldigTot: CalendarDate.nullable().default(null),
  })
  .strict()
  .refine((a) => a.geldigTot === null || a.geldigVan === null || a.geldigTot >= a.geldigVan, {
    message: "geldig tot ligt vóór geldig van",
    path: ["geldigTot"],
  });
export type AnswerBody = z.output<typeof AnswerBody>;

/** The body of a review (parsed by the use case once authorised): a verdict other than akkoord says what is missing. */
export const ReviewBody = z
  .object({ oordeel: ReviewVerdict, opmerking: z.string().trim().max(5000, "hoogstens 5.000 tekens").default("") })
  .strict()
  .refine((b) => b.oordeel === "akkoord" || b.opmerking.length > 0, { message: "licht toe wat er ontbreekt of niet klopt", path: ["opmerking"] });
export type ReviewBody = z.output<typeof ReviewBody>;

/** One answer as stored, with its review status. */
export const Answer = z.object({
  vraag: z.string(),
  toelichting: z.string(),
  geldigVan: z.string().nullable(),
  geldigTot: z.string().nullable(),
  status: QuestionStatus,
  beantwoordOp: z.string().nullable(),
  beoordeeldOp: z.string().nullable(),
  opmerking: z.string().nullable(),
});
export type Answer = z.output<typeof Answer>;

/** An evidence file's metadata (the content is served by the download route). */
export const FileMeta = z.object({
  id: z.string(),
  vraag: z.string(),
  naam: z.string(),
  mime: z.enum(ALLOWED_FILE_TYPES),
  grootte: count,
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});
export type FileMeta = z.output<typeof FileMeta>;

export const HistoryEvent = z.object({
  vraag: z.string(),
  at: z.string(),
  username: z.string(),
  soort: z.enum(["antwoord", "bestand", "beoordeling"]),
  data: z.record(z.string(), z.unknown()),
});
export type HistoryEvent = z.output<typeof HistoryEvent>;

/** What Kader already knows for a checkable question: a suggested answer and dates, from the compliance data. */
export const Prefill = z.object({
  toelichting: z.string(),
  geldigVan: z.string().nullable(),
  geldigTot: z.string().nullable(),
  voldoet: z.boolean().nullable(),
});
export type Prefill = z.output<typeof Prefill>;

export const AssessmentReminder = z.object({
  vraag: z.string(),
  titel: z.string(),
  soort: z.enum(["bewijs-verloopt", "bewijs-verlopen", "periodiek"]),
  /** the date it lapses or is due */
  datum: isoDate,
  dagen: z.number().int(),
  tekst: z.string(),
});
export type AssessmentReminder = z.output<typeof AssessmentReminder>;

export const QuestionView = PveQuestion.extend({
  status: QuestionStatus,
  antwoord: Answer.nullable(),
  bestanden: z.array(FileMeta),
  geschiedenis: z.array(HistoryEvent),
  voorinvulling: Prefill.nullable(),
});
export type QuestionView = z.output<typeof QuestionView>;

/** One aanbieder's self-assessment of a version: questions, answers, files, history, counts and reminders. */
export const AssessmentView = z.object({
  pve: z.object({ id: z.string(), versie: z.number().int(), titel: z.string(), gemeentecode: z.string() }),
  aanbieder: z.object({ agbCode: z.string(), naam: z.string().nullable() }),
  document: PveDocument,
  vragen: z.array(QuestionView),
  telling: StatusCounts,
  herinneringen: z.array(AssessmentReminder),
});
export type AssessmentView = z.output<typeof AssessmentView>;

/** The review status of one invited aanbieder (a row of the overview and of its CSV/Excel export). */
export const OverviewRow = z.object({ agbCode: z.string(), naam: z.string().nullable(), uitgenodigdOp: z.string(), telling: StatusCounts, vragen: count });
export type OverviewRow = z.output<typeof OverviewRow>;

/** A reminder of the work list, with the version and aanbieder it is about. */
export const Reminder = AssessmentReminder.extend({ pveId: z.string(), versie: z.number().int(), pveTitel: z.string(), agbCode: z.string() });
export type Reminder = z.output<typeof Reminder>;

// ------------------------------------------------------------------------------------------------ routes

const V1 = "/api/v1";
const PVE = `${V1}/programmas-van-eisen/:id`;
const ASSESSMENT = `${PVE}/versies/:v/zelfevaluaties/:agb`;
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

const Id = z.object({ id: z.string() });
const Version = z.object({ id: z.string(), v: z.string() });
const Assessment = Version.extend({ agb: z.string() });
const Question = Assessment.extend({ vraag: z.string() });

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const readPve = may("programma-van-eisen", "read");
const writePve = may("programma-van-eisen", "write");
const readAssessment = may("zelfevaluatie", "read");
const writeAssessment = may("zelfevaluatie", "write");

export const qualityRoutes = {
  listFrameworks: route({
    method: "GET",
    path: `${V1}/kwaliteitskaders`,
    summary: "De 15 kwaliteitskaders van document 003 (openbaar); vervallen kaders met waarschuwing",
    response: items(FrameworkItem),
    errors: [],
    access: PUBLIC,
  }),
  searchCriteria: route({
    method: "GET",
    path: `${V1}/kwaliteitskaders/criteria`,
    summary: "Criteria zoeken (Nederlandse full-text search) met filters",
    query: CriterionSearchParams,
    queryParsedBy: "use-case",
    response: CriterionSearchResult,
    errors: [400],
    access: PUBLIC,
  }),
  listSegments: route({
    method: "GET",
    path: `${V1}/kwaliteitskaders/segmenten`,
    summary: "De inkoopsegmenten (bijlage van document 003)",
    response: items(Segment),
    errors: [],
    access: PUBLIC,
  }),
  listConcepts: route({
    method: "GET",
    path: `${V1}/kwaliteitskaders/begrippen`,
    summary: "Begrippenlaag: criteria per gedeeld begrip (VOG, meldcode, …)",
    response: items(ConceptGroup),
    errors: [],
    access: PUBLIC,
  }),
  listGeneralRequirements: route({
    method: "GET",
    path: `${V1}/kwaliteitskaders/algemene-eisen`,
    summary: "Module algemene eisen uit het programma van eisen van document 004",
    response: items(GeneralRequirement),
    errors: [],
    access: PUBLIC,
  }),
  getFramework: route({
    method: "GET",
    path: `${V1}/kwaliteitskaders/:nr`,
    summary: "Eén kwaliteitskader met al zijn criteria",
    params: z.object({ nr: z.string() }),
    response: Framework,
    errors: [404],
    access: PUBLIC,
  }),
  listPves: route({
    method: "GET",
    path: `${V1}/programmas-van-eisen`,
    summary: "Eigen programma's van eisen (gemeente) of uitnodigingen (aanbieder)",
    purpose: "inkoop: programma's van eisen",
    response: PveList,
    errors: [401, 403],
    access: readPve,
  }),
  createPve: route({
    method: "POST",
    path: `${V1}/programmas-van-eisen`,
    summary: "Nieuw concept (contractmanager)",
    purpose: "inkoop: programma van eisen opstellen",
    body: PveConcept,
    bodyParsedBy: "use-case",
    status: 201,
    response: PveRecord,
    errors: [400, 401, 403],
    access: writePve,
  }),
  getPve: route({
    method: "GET",
    path: PVE,
    summary: "Concept met voorbeeld en versies",
    purpose: "inkoop: programma van eisen",
    params: Id,
    response: PveDetail,
    errors: [401, 403, 404],
    access: readPve,
  }),
  updatePve: route({
    method: "PUT",
    path: PVE,
    summary: "Concept vervangen",
    purpose: "inkoop: programma van eisen bewerken",
    params: Id,
    body: PveConcept,
    bodyParsedBy: "use-case",
    response: PveRecord,
    errors: [400, 401, 403, 404],
    access: writePve,
  }),
  previewPve: route({
    method: "GET",
    path: `${PVE}/concept`,
    summary: "Voorbeeld van het concept als JSON, HTML of Word",
    purpose: "inkoop: voorbeeld programma van eisen",
    params: Id,
    query: DocumentFormat,
    response: z.object({ document: PveDocument }),
    files: ["text/html", DOCX],
    errors: [400, 401, 403, 404],
    access: readPve,
  }),
  publishPve: route({
    method: "POST",
    path: `${PVE}/versies`,
    summary: "Publiceren: nieuwe, onveranderlijke versie",
    purpose: "inkoop: programma van eisen publiceren",
    params: Id,
    status: 201,
    response: Published,
    errors: [400, 401, 403, 404],
    access: writePve,
  }),
  getPveVersion: route({
    method: "GET",
    path: `${PVE}/versies/:v`,
    summary: "Gepubliceerde versie (gemeente, of uitgenodigde aanbieder) als JSON, HTML of Word",
    purpose: "inkoop: gepubliceerd programma van eisen",
    params: Version,
    query: DocumentFormat,
    response: PveVersion,
    files: ["text/html", DOCX],
    errors: [400, 401, 403, 404],
    access: readPve,
  }),
  inviteProviders: route({
    method: "POST",
    path: `${PVE}/versies/:v/uitnodigingen`,
    summary: "Aanbieders uitnodigen: { agbCodes, gecontracteerd }",
    purpose: "inkoop: aanbieders uitnodigen",
    params: Version,
    body: InviteBody,
    bodyParsedBy: "use-case",
    response: items(Invitation),
    errors: [400, 401, 403, 404],
    access: writePve,
  }),
  listAssessments: route({
    method: "GET",
    path: `${PVE}/versies/:v/zelfevaluaties`,
    summary: "Beoordelingsstatus per aanbieder; ?format=csv of xlsx",
    purpose: "inkoop: beoordelingsstatus per aanbieder",
    params: Version,
    query: OverviewFormat,
    response: z.object({ items: z.array(OverviewRow), vragen: count }),
    files: ["text/csv", XLSX],
    errors: [400, 401, 403, 404],
    access: readAssessment,
  }),
  getAssessment: route({
    method: "GET",
    path: ASSESSMENT,
    summary: "Zelfevaluatie van één aanbieder: vragen, antwoorden, bestanden, geschiedenis",
    purpose: "inkoop: zelfevaluatie",
    params: Assessment,
    response: AssessmentView,
    errors: [401, 403, 404],
    access: readAssessment,
  }),
  answerQuestion: route({
    method: "PUT",
    path: `${ASSESSMENT}/vragen/:vraag`,
    summary: "Antwoord (aanbieder): { toelichting, geldigVan, geldigTot }",
    purpose: "inkoop: zelfevaluatie beantwoorden",
    params: Question,
    body: AnswerBody,
    bodyParsedBy: "use-case",
    response: Answer,
    errors: [400, 401, 403, 404],
    access: writeAssessment,
  }),
  reviewAnswer: route({
    method: "POST",
    path: `${ASSESSMENT}/vragen/:vraag/beoordeling`,
    summary: "Beoordeling (gemeente): { oordeel: akkoord|aanvullen|niet-akkoord, opmerking }",
    purpose: "inkoop: zelfevaluatie beoordelen",
    params: Question,
    body: ReviewBody,
    bodyParsedBy: "use-case",
    response: Answer,
    errors: [400, 401, 403, 404],
    access: writeAssessment,
  }),
  uploadAssessmentEvidence: route({
    method: "POST",
    path: `${ASSESSMENT}/vragen/:vraag/bestanden`,
    summary: "Bewijsstuk uploaden (multipart/form-data; PDF, PNG of JPEG, hoogstens 5 MB)",
    purpose: "inkoop: bewijsstuk uploaden",
    params: Question,
    rawBody: ["multipart/form-data"],
    status: 201,
    response: FileMeta,
    errors: [400, 401, 403, 404, 413, 415],
    access: writeAssessment,
  }),
  downloadAssessmentEvidence: route({
    method: "GET",
    path: `${ASSESSMENT}/bestanden/:bestand`,
    summary: "Bewijsstuk downloaden",
    purpose: "inkoop: bewijsstuk inzien",
    params: Assessment.extend({ bestand: z.string() }),
    response: null,
    files: ALLOWED_FILE_TYPES,
    errors: [401, 403, 404],
    access: readAssessment,
  }),
  listAssessmentReminders: route({
    method: "GET",
    path: `${V1}/kwaliteit/herinneringen`,
    summary: "Werklijst: verlopend bewijs en periodieke eisen",
    purpose: "inkoop: herinneringen zelfevaluatie",
    query: ReminderParams,
    response: items(Reminder),
    errors: [400, 401],
    access: readAssessment,
  }),
} as const satisfies Record<string, RouteSpec>;
