import { z } from "zod";
import { Eenheid, Frequentie, Wet } from "../domain/codes/schemas.ts";
import { may, type RouteSpec, route, SIGNED_IN } from "./route.ts";

/**
 * The conversion routes of the API (docs/conversie.md): plans, the uitvraag workbook per aanbieder (an aanbieder
 * downloads its own and uploads its answers), answer status, dry runs (JSON or Excel), approval and execution.
 * Each schema and its type under one name.
 */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// ---------------------------------------------------------------------------------------------- requests

/** Start (or update, while nothing was executed) a conversion; a gemeente user's own gemeente is taken. */
export const StartConversion = z
  .object({
    plan: z.string().regex(/^[a-z0-9-]+$/),
    gemeente: z
      .string()
      .regex(/^[0-9]{4}$/)
      .optional(),
  })
  .strict();
export type StartConversion = z.input<typeof StartConversion>;

/** Whose uitvraag: an aanbieder always gets its own; a gemeente names the aanbieder. */
export const UitvraagQuery = z
  .object({
    aanbieder: z
      .string()
      .regex(/^[0-9]{8}$/, "een AGB-code is 8 cijfers")
      .optional(),
  })
  .strict();
export type UitvraagQuery = z.input<typeof UitvraagQuery>;

export const RunQuery = z.object({ format: z.enum(["json", "xlsx"]).default("json") }).strict();
export type RunQuery = z.input<typeof RunQuery>;

/** a conversion's or a run's number (a positive whole number; checked by the route, which names which of the two) */
export const NumberParams = z.object({ id: z.string().meta({ pattern: "^[0-9]+$" }) });
/** the number itself, once the route has it */
export const PositiveId = z.coerce.number().int().positive();

// ---------------------------------------------------------------------------------------------- the plan

const Source = z.object({ asWritten: z.string(), line: z.number().int() });
const From = z.object({ naam: z.string(), productcodes: z.array(z.string()), productIds: z.array(z.string()), wet: Wet.optional() });
const Volume = z.object({ uitvraagPer: z.enum(["week", "maand"]), frequentie: Frequentie });
const Target = z.object({
  naam: z.string(),
  product: z.string(),
  productLang: z.string().nullable().optional(),
  categorie: z.object({ wmo: z.string(), jeugdwet: z.string() }),
  eenheid: Eenheid.optional(),
});
const Band = z.object({ totKm: z.number().int(), doel: z.string() });

export const PlanRule = z.discriminatedUnion("soort", [
  z.object({ soort: z.literal("vast"), id: z.string(), van: From, doel: z.string(), volume: Volume, bron: z.array(Source) }),
  z.object({
    soort: z.literal("uren-per-niveau"),
    id: z.string(),
    van: From,
    niveaus: z.record(z.string(), z.string()),
    keuze: z.enum(["meeste-uren", "splitsen"]),
    volume: Volume,
    bron: z.array(Source),
  }),
  z.object({
    soort: z.literal("dagbesteding"),
    id: z.string(),
    van: From,
    modules: z.record(z.string(), z.string()),
    volume: Volume,
    vervoer: z.object({ regulier: z.array(Band), rolstoel: z.array(Band), frequentie: Frequentie }),
    bron: z.array(Source),
  }),
]);
export type PlanRule = z.output<typeof PlanRule>;

/** A conversion plan (catalog/conversies): which old product becomes which new one by which rule, on which date. */
export const ConversiePlan = z.object({
  id: z.string(),
  titel: z.string(),
  productenboek: z.string(),
  document: z.string(),
  wijzigingsdatum: z.string(),
  uitvraagVanaf: z.string().nullable(),
  redenWijziging: z.literal("10"),
  uitvraagMaanden: z.number().int(),
  doelen: z.record(z.string(), Target),
  regels: z.array(PlanRule),
  openPunten: z.array(z.object({ tekst: z.string(), line: z.number().int().nullable() })),
  bron: z.array(Source),
});
export type ConversiePlan = z.output<typeof ConversiePlan>;

export const PlanList = z.object({ plannen: z.array(ConversiePlan) });
export type PlanList = z.output<typeof PlanList>;

export const Conversie = z.object({
  id: z.number().int(),
  planId: z.string(),
  gemeentecode: z.string(),
  plan: ConversiePlan,
  planHash: z.string(),
  createdAt: z.string(),
});
export type Conversie = z.output<typeof Conversie>;

export const ConversieList = z.object({ conversies: z.array(Conversie) });
export type ConversieList = z.output<typeof ConversieList>;

/** Per aanbieder: how many of its toewijzingen have an answer; `herinneren` when rows are still open. */
export const AnswerStatus = z.object({
  agbCode: z.string(),
  toewijzingen: z.number().int(),
  beantwoord: z.number().int(),
  laatsteUpload: z.string().nullable(),
  herinneren: z.boolean(),
});
export type AnswerStatus = z.output<typeof AnswerStatus>;

export const AnswerStatusList = z.object({ aanbieders: z.array(AnswerStatus) });
export type AnswerStatusList = z.output<typeof AnswerStatusList>;

/** What a workbook upload stored: answered rows, and rows left empty. */
export const AnswersStored = z.object({ opgeslagen: z.number().int(), leeg: z.number().int() });
export type AnswersStored = z.output<typeof AnswersStored>;

// ---------------------------------------------------------------------------------------------- the dry run

/** What a provider answered for one toewijzing in the uitvraag (one workbook row). */
export const Answer = z.object({
  uren: z.number().nullable(),
  urenPerNiveau: z.record(z.string(), z.number()).nullable(),
  module: z.string().nullable(),
  dagdelen: z.number().int().nullable(),
  vervoer: z.enum(["geen", "regulier", "rolstoel"]).nullable(),
  vervoersdagen: z.number().int().nullable(),
  afstandKm: z.number().nullable(),
  opmerking: z.string().nullable(),
});
export type Answer = z.output<typeof Answer>;

export const FLAG_CODES = [
  "geen-antwoord",
  "uren-passen-niet",
  "gelijke-uren",
  "geen-inzet",
  "module-onbekend",
  "afstand-ontbreekt",
  "afstand-buiten-band",
  "duur-langer-dan-kort",
  "doelproduct-onbekend",
  "geen-productcode",
  "categorie-overlap",
] as const;
export const FlagCode = z.enum(FLAG_CODES);
export type FlagCode = z.output<typeof FlagCode>;

/** `beslissing`: a person decides before this toewijzing can be converted; `info`: noted, does not block */
export const Flag = z.object({ code: FlagCode, ernst: z.enum(["beslissing", "info"]), tekst: z.string() });
export type Flag = z.output<typeof Flag>;

/** One proposed new toewijzing. */
export const Proposal = z.object({
  doel: z.string(),
  productId: z.string(),
  productNaam: z.string(),
  /** what the 301 carries: the product's own categorie and code, or the plan's categorie only (aspecifiek) */
  productcategorie: z.string(),
  productcode: z.string().nullable(),
  toewijzingsvariant: z.enum(["specifiek", "aspecifiek"]),
  eenheid: Eenheid,
  frequentie: Frequentie,
  omvang: z.number(),
  ingangsdatum: z.string(),
  einddatum: z.string().nullable(),
  reden: z.string(),
  /** the budget effect per month where tariffs are known (cents) */
  tariefCents: z.number().nullable(),
});
export type Proposal = z.output<typeof Proposal>;

/** The dry run's outcome for one running toewijzing: the proposals, the reason, the source figures and the flags. */
export const Outcome = z.object({
  sleutel: z.string(),
  gemeentecode: z.string(),
  wet: Wet,
  toewijzingnummer: z.string(),
  clientId: z.number().int(),
  agbCode: z.string(),
  regelId: z.string(),
  regelSoort: z.enum(["vast", "uren-per-niveau", "dagbesteding"]),
  vanProductId: z.string(),
  vanNaam: z.string(),
  oud: z.object({
    eenheid: Eenheid,
    frequentie: Frequentie.nullable(),
    omvang: z.number().nullable(),
    ingangsdatum: z.string(),
    einddatum: z.string().nullable(),
  }),
  /** the end date of the old toewijzing: the day before the change date */
  nieuweEinddatumOud: z.string(),
  antwoord: Answer.nullable(),
  voorstellen: z.array(Proposal),
  vlaggen: z.array(Flag),
  /** true when no flag needs a decision: execution converts it */
  uitvoerbaar: z.boolean(),
  /** the old toewijzing's amount per month where its tariff is known (cents) */
  oudPerMaandCents: z.number().nullable(),
});
export type Outcome = z.output<typeof Outcome>;

export const Total = z.object({
  sleutel: z.string(),
  toewijzingen: z.number().int(),
  uitvoerbaar: z.number().int(),
  vlaggen: z.number().int(),
  /** null as soon as one tariff is unknown: a partial sum would mislead */
  nieuwPerMaandCents: z.number().nullable(),
  oudPerMaandCents: z.number().nullable(),
});
export type Total = z.output<typeof Total>;

export const Totals = z.object({ perAanbieder: z.array(Total), perProduct: z.array(Total), perVlag: z.record(z.string(), z.number()) });
export type Totals = z.output<typeof Totals>;

export const DryRun = z.object({ runId: z.number().int(), uitkomsten: z.array(Outcome), totalen: Totals });
export type DryRun = z.output<typeof DryRun>;

// ---------------------------------------------------------------------------------------------- execution and runs

/** What an execution did: converted (old → new), skipped, failed per client (rolled back), and the 301s it built. */
export const ExecutionReport = z.object({
  runId: z.number().int(),
  proefrunId: z.number().int(),
  omgezet: z.array(
    z.object({
      sleutel: z.string(),
      clientId: z.number().int(),
      agbCode: z.string(),
      nieuw: z.array(z.object({ toewijzingnummer: z.string(), productId: z.string(), omvang: z.number(), eenheid: z.string(), frequentie: z.string() })),
    }),
  ),
  overgeslagen: z.array(z.object({ sleutel: z.string(), reden: z.string() })),
  mislukt: z.array(z.object({ clientId: z.number().int(), sleutels: z.array(z.string()), reden: z.string() })),
  berichten: z.array(z.object({ bestandsnaam: z.string(), xml: z.string(), clientId: z.number().int(), agbCode: z.string(), wet: Wet })),
});
export type ExecutionReport = z.output<typeof ExecutionReport>;

export const RUN_KINDS = ["proefrun", "goedkeuring", "uitvoering"] as const;
export const RunKind = z.enum(RUN_KINDS);
export type RunKind = z.output<typeof RunKind>;

/**
 * A run and what it holds: a proefrun its outcomes and totals (the list of runs leaves them out), an approval the
 * counts, an execution its approval and report (the 301s by file name).
 */
export const Run = z.object({
  id: z.number().int(),
  conversieId: z.number().int(),
  soort: RunKind,
  proefrunId: z.number().int().nullable(),
  inhoud: z.looseObject({
    uitkomsten: z.array(Outcome).optional(),
    totalen: Totals.optional(),
    planHash: z.string().optional(),
    uitvoerbaar: z.number().int().optional(),
    totaal: z.number().int().optional(),
    goedkeuring: z.number().int().optional(),
    rapport: ExecutionReport.omit({ berichten: true })
      .extend({ berichten: z.array(z.string()) })
      .optional(),
  }),
  door: z.string(),
  at: z.string(),
});
export type Run = z.output<typeof Run>;

export const RunList = z.object({ runs: z.array(Run) });
export type RunList = z.output<typeof RunList>;

export const Approval = z.object({ runId: z.number().int() });
export type Approval = z.output<typeof Approval>;

/** An old ToewijzingNummer and the new one a conversion gave it. */
export const Link = z.object({
  gemeentecode: z.string(),
  wet: Wet,
  oudToewijzingnummer: z.string(),
  doel: z.string(),
  nieuwToewijzingnummer: z.string(),
  clientId: z.number().int(),
  agbCode: z.string(),
  runId: z.number().int(),
  at: z.string(),
});
export type Link = z.output<typeof Link>;

export const LinkList = z.object({ koppelingen: z.array(Link) });
export type LinkList = z.output<typeof LinkList>;

// ---------------------------------------------------------------------------------------------- routes

const read = may("conversie", "read");
const write = may("conversie", "write");

export const conversionRoutes = {
  listConversionPlans: route({
    method: "GET",
    path: "/api/v1/conversieplannen",
    summary: "Conversieplannen (catalog/conversies)",
    response: PlanList,
    errors: [400, 401],
    access: SIGNED_IN,
  }),
  listConversions: route({
    method: "GET",
    path: "/api/v1/conversies",
    summary: "Conversies: de eigen gemeente, of voor een aanbieder alle (alleen plan en gemeente)",
    response: ConversieList,
    errors: [401, 403],
    access: read,
    purpose: "conversies inzien",
  }),
  startConversion: route({
    method: "POST",
    path: "/api/v1/conversies",
    summary: "Een conversie starten of bijwerken voor de eigen gemeente (contractmanager, toegang)",
    body: StartConversion,
    bodyParsedBy: "use-case",
    status: 201,
    response: Conversie,
    errors: [400, 401, 403, 404, 422],
    access: write,
    purpose: "conversie starten",
  }),
  getConversion: route({
    method: "GET",
    path: "/api/v1/conversies/:id",
    summary: "Eén conversie met haar plan",
    params: NumberParams,
    response: Conversie,
    errors: [400, 401, 403, 404],
    access: read,
    purpose: "conversie inzien",
  }),
  getAnswerStatus: route({
    method: "GET",
    path: "/api/v1/conversies/:id/status",
    summary: "Antwoordstatus per aanbieder, met herinneringen",
    params: NumberParams,
    response: AnswerStatusList,
    errors: [400, 401, 403, 404],
    access: read,
    purpose: "antwoordstatus inzien",
  }),
  downloadUitvraag: route({
    method: "GET",
    path: "/api/v1/conversies/:id/uitvraag",
    summary: "De uitvraag-werkmap van een aanbieder (een aanbieder: de eigen)",
    params: NumberParams,
    query: UitvraagQuery,
    queryParsedBy: "use-case",
    response: null,
    files: [XLSX],
    errors: [400, 401, 403, 404],
    access: read,
    purpose: "uitvraag ophalen",
  }),
  uploadAnswers: route({
    method: "POST",
    path: "/api/v1/conversies/:id/antwoorden",
    summary: "Een ingevulde uitvraag-werkmap aanleveren; een werkmap met een fout verandert niets",
    params: NumberParams,
    rawBody: [XLSX],
    response: AnswersStored,
    errors: [400, 401, 403, 404, 413],
    access: write,
    purpose: "antwoorden uitvraag",
  }),
  startDryRun: route({
    method: "POST",
    path: "/api/v1/conversies/:id/proefruns",
    summary: "Proefrun: per toewijzing het voorstel, de reden en de signalen (bewaard)",
    params: NumberParams,
    status: 201,
    response: DryRun,
    errors: [400, 401, 403, 404],
    access: write,
    purpose: "proefrun",
  }),
  listRuns: route({
    method: "GET",
    path: "/api/v1/conversies/:id/runs",
    summary: "Proefruns, goedkeuringen en uitvoeringen",
    params: NumberParams,
    response: RunList,
    errors: [400, 401, 403, 404],
    access: read,
    purpose: "runs inzien",
  }),
  getRun: route({
    method: "GET",
    path: "/api/v1/conversie-runs/:id",
    summary: "Eén run; een proefrun ook als Excel (format=xlsx)",
    params: NumberParams,
    query: RunQuery,
    queryParsedBy: "use-case",
    response: Run,
    files: [XLSX],
    errors: [400, 401, 403, 404],
    access: read,
    purpose: "run inzien",
  }),
  approveDryRun: route({
    method: "POST",
    path: "/api/v1/conversie-runs/:id/goedkeuring",
    summary: "Een proefrun goedkeuren (contractmanager, toegang)",
    params: NumberParams,
    status: 201,
    response: Approval,
    errors: [400, 401, 403, 404, 422],
    access: write,
    purpose: "proefrun goedkeuren",
  }),
  executeConversion: route({
    method: "POST",
    path: "/api/v1/conversies/:id/uitvoering",
    summary:
      "De goedgekeurde proefrun uitvoeren: oude toewijzingen beëindigd (reden 10), nieuwe toegewezen, 301-berichten; per cliënt één transactie, herhaalbaar",
    params: NumberParams,
    response: ExecutionReport,
    errors: [400, 401, 403, 404, 422],
    access: write,
    purpose: "conversie uitvoeren",
  }),
  listLinks: route({
    method: "GET",
    path: "/api/v1/conversies/:id/koppelingen",
    summary: "Oude → nieuwe ToewijzingNummers",
    params: NumberParams,
    response: LinkList,
    errors: [400, 401, 403, 404],
    access: read,
    purpose: "koppelingen inzien",
  }),
} as const satisfies Record<string, RouteSpec>;
