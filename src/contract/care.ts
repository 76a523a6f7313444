import { z } from "zod";
import { Eenheid, Frequentie, RedenWijziging, Verwijzer, Wet } from "../domain/codes/schemas.ts";
import { isValidBsn as elfproef } from "../domain/codes/bsn.ts";
import { TOEWIJZING_EVENTS, TOEWIJZING_STATUSES } from "../domain/codes/lifecycle.ts";
import { AgbCode, CONTROL_CHARACTER, Gemeentecode, IsoDateString } from "../domain/codes/values.ts";
import { may, type RouteSpec, route } from "./route.ts";

/**
 * The care chain's routes: clients, beschikkingen checked against the productenboek, toewijzingen and their events,
 * the work list, declaraties with their answers, and budget monitoring. Request and response schemas, each schema and
 * its type under one name. Amounts are euro cents. toegang: its own gemeente's clients, beschikkingen and toewijzingen;
 * aanbieder: its own toewijzingen and declaraties; controller: read-only. The use cases ask the policy for whose
 * record it is and write the access log.
 */

export { Eenheid, Frequentie, RedenWijziging, Verwijzer, Wet };

// ---------------------------------------------------------------------------------------------- values

export { AgbCode, Gemeentecode, IsoDateString };
/** A date as the API answers it (JJJJ-MM-DD). */
const Day = z.string();

export { TOEWIJZING_EVENTS, TOEWIJZING_STATUSES };
export const ToewijzingStatus = z.enum(TOEWIJZING_STATUSES);
export type ToewijzingStatus = z.output<typeof ToewijzingStatus>;
export const ToewijzingEvent = z.enum(TOEWIJZING_EVENTS);
export type ToewijzingEvent = z.output<typeof ToewijzingEvent>;
export const BUDGET_GROUPS = ["toewijzing", "client", "aanbieder", "product", "productenboek", "maand"] as const;
export const BudgetGroup = z.enum(BUDGET_GROUPS);
export type BudgetGroup = z.output<typeof BudgetGroup>;
export const DeadlineKind = z.enum(["start-melden", "stop-melden", "starten", "plan", "evaluatie"]);
export type DeadlineKind = z.output<typeof DeadlineKind>;

// ---------------------------------------------------------------------------------------------- requests

/** GET /clienten: a name search (a BSN-like q is refused: it belongs in POST /clienten/zoeken). */
export const ClientQuery = z.object({ q: z.string().max(100).optional(), pagina: z.coerce.number().int().min(1).max(10_000).default(1) }).strict();
export type ClientQuery = z.output<typeof ClientQuery>;
/** POST /clienten/zoeken: the search in the body, so a BSN never ends up in a URL (and so in no proxy or server log). */
export const ClientSearch = z.object({ q: z.string().max(100).optional(), pagina: z.number().int().min(1).max(10_000).default(1) }).strict();
export type ClientSearch = z.output<typeof ClientSearch>;
export const StatusQuery = z.object({ status: z.string().max(30).optional() }).strict();
export type StatusQuery = z.output<typeof StatusQuery>;
export const BudgetQuery = z
  .object({ groep: z.string().max(20).optional(), peildatum: z.string().max(10).optional(), format: z.enum(["json", "xlsx"]).default("json") })
  .strict();
export type BudgetQuery = z.output<typeof BudgetQuery>;

/** A client's number in a path; checked by the route itself, which names it "cliëntnummer". */
export const ClientIdParams = z.object({ id: z.string().meta({ pattern: "^[0-9]+$" }) });
export const ClientId = z.coerce.number().int().positive();
/** A toewijzing's key in a path; an unknown law or number answers 404 like an unknown toewijzing. */
export const ToewijzingParams = z.object({
  gemeente: z.string().meta({ pattern: "^[0-9]{4}$" }),
  wet: z.string().meta({ pattern: "^(wmo|jeugdwet)$" }),
  nummer: z.string().meta({ pattern: "^[0-9]{1,8}$" }),
});
export const DeclaratieParams = z.object({
  agb: z.string().meta({ pattern: "^[0-9]{8}$" }),
  wet: z.string().meta({ pattern: "^(wmo|jeugdwet)$" }),
  nummer: z.string(),
});

export const Naamdelen = z
  .object({
    voorletters: z
      .string()
      .regex(/^[a-zA-Z\u00C0-\u1EF3]{1,6}$/u, "voorletters: 1 tot 6 letters, zonder punten")
      .optional(),
    voornamen: z.string().trim().min(1).max(200).optional(),
    voorvoegsel: z.string().trim().min(1).max(10).optional(),
    achternaam: z.string().trim().min(1).max(200),
    /** LDT_Geslacht: 0 onbekend, 1 man, 2 vrouw */
    geslacht: z.enum(["0", "1", "2"]).optional(),
  })
  .strict();
export type Naamdelen = z.output<typeof Naamdelen>;

export const Adres = z
  .object({
    straat: z.string().max(200).optional(),
    huisnummer: z.string().max(20).optional(),
    postcode: z
      .string()
      .regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, "een postcode is 4 cijfers en 2 hoofdletters")
      .optional(),
    plaats: z.string().max(100).optional(),
  })
  .strict();
export type Adres = z.output<typeof Adres>;

export const ClientInput = z
  .object({
    gemeente: Gemeentecode,
    bsn: z.string().refine(elfproef, { message: "ongeldig BSN (9 cijfers en de elfproef)" }),
    geboortedatum: IsoDateString,
    /** the display name; made from `naamdelen` when left out */
    naam: z.string().trim().min(1).max(200).optional(),
    naamdelen: Naamdelen.optional(),
    adres: Adres.default({}),
  })
  .strict()
  .refine((c) => c.naam !== undefined || c.naamdelen !== undefined, { message: "geef een naam of de naamdelen", path: ["naam"] });
export type ClientInput = z.output<typeof ClientInput>;

/** One product in a proposed beschikking (the input of `kader beschikkingen toets`, docs/zorgketen.md). */
export const ProposedProduct = z
  .object({
    productId: z
      .string()
      .min(1)
      .max(200)
      .refine((v) => !CONTROL_CHARACTER.test(v), { message: "bevat een stuurteken (zoals U+0000); alleen gewone tekens zijn toegestaan" }),
    ingangsdatum: IsoDateString,
    einddatum: IsoDateString,
    /** Omvang: the granted volume in `eenheid` per `frequentie`; null with a budget */
    volume: z.number().nonnegative().nullable().default(null),
    eenheid: Eenheid.nullable().default(null),
    frequentie: Frequentie.nullable().default(null),
    /** a budget in euro cents (eenheid 83) instead of a volume */
    budget: z.number().int().nonnegative().nullable().default(null),
    resultaatgebieden: z.array(z.string().min(1)).default([]),
    /** the goals agreed for this product, in the toegang's words */
    doelen: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
    /** how many extensions this grant includes (M1/M2: 6 months + one extension of 6) */
    verlengingen: z.number().int().nonnegative().default(0),
    /** single-trip distance for vervoer */
    afstandKm: z.number().nonnegative().nullable().default(null),
  })
  .strict()
  .refine((p) => p.einddatum >= p.ingangsdatum, { message: "de einddatum ligt vóór de ingangsdatum", path: ["einddatum"] });
export type ProposedProduct = z.output<typeof ProposedProduct>;

export const RunningProduct = z.object({ productId: z.string().min(1), ingangsdatum: IsoDateString, einddatum: IsoDateString.nullable() }).strict();

/** POST /beschikkingen/toets and `kader beschikkingen toets`: a proposed beschikking, checked and not stored. */
export const GrantProposal = z
  .object({
    gemeente: Gemeentecode,
    peildatum: IsoDateString,
    client: z.object({ geboortedatum: IsoDateString }).strict(),
    verwijzer: Verwijzer.optional(),
    producten: z.array(ProposedProduct).min(1, "een beschikking kent minstens één product"),
    /** the client's running toewijzingen (the app fills these from the database) */
    lopend: z.array(RunningProduct).default([]),
  })
  .strict();
export type GrantProposal = z.output<typeof GrantProposal>;

/** POST /clienten/:id/toets: the proposal for a known client; age and running toewijzingen come from the database. */
export const ClientGrantProposal = z.object({
  /** default: today */
  peildatum: IsoDateString.optional(),
  producten: z.array(ProposedProduct),
  verwijzer: Verwijzer.optional(),
});
export type ClientGrantProposal = z.input<typeof ClientGrantProposal>;

export const GrantInput = z
  .object({
    clientId: z.number().int().positive(),
    wet: Wet,
    beschikkingnummer: z.string().trim().min(1).max(30),
    afgiftedatum: IsoDateString,
    verwijzer: Verwijzer.nullable().default(null),
    producten: z.array(ProposedProduct.and(z.object({ aanbieder: AgbCode }))).min(1, "een beschikking kent minstens één product"),
    /** an explicit override of findings of kind "oordeel", with the professional's motivation */
    override: z
      .object({ motivering: z.string().trim().min(10, "motiveer de afwijking in minstens 10 tekens").max(2000) })
      .strict()
      .optional(),
  })
  .strict();
export type GrantInput = z.output<typeof GrantInput>;

export const EventInput = z.object({ event: ToewijzingEvent, datum: IsoDateString, reden: RedenWijziging.optional() }).strict();
export type EventInput = z.output<typeof EventInput>;

/** POST /declaraties as JSON: one declaratie or a list (checked by the use case, every problem with its place). */
export const DeclaratieSubmission = z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown()))]);
export type DeclaratieSubmission = z.input<typeof DeclaratieSubmission>;

// ---------------------------------------------------------------------------------------------- answers

export const Client = z.object({
  id: z.number().int(),
  gemeentecode: z.string(),
  bsn: z.string(),
  geboortedatum: Day,
  naam: z.string(),
  /** the name in parts as the iStandaarden carry it; null when only a display name is known */
  naamdelen: z
    .object({
      voorletters: z.string().optional(),
      voornamen: z.string().optional(),
      voorvoegsel: z.string().optional(),
      achternaam: z.string(),
      geslacht: z.enum(["0", "1", "2"]).optional(),
    })
    .nullable(),
  adres: z.object({ straat: z.string().optional(), huisnummer: z.string().optional(), postcode: z.string().optional(), plaats: z.string().optional() }),
  demo: z.boolean(),
});
export type Client = z.output<typeof Client>;

export const ClientList = z.object({ total: z.number().int(), items: z.array(Client) });
export type ClientList = z.output<typeof ClientList>;

/** A product as stored in a beschikking: the proposal's fields with their defaults, and the aanbieder. */
export const GrantedProduct = z.object({
  productId: z.string(),
  ingangsdatum: Day,
  einddatum: Day,
  volume: z.number().nullable(),
  eenheid: Eenheid.nullable(),
  frequentie: Frequentie.nullable(),
  /** euro cents, instead of a volume */
  budget: z.number().nullable(),
  resultaatgebieden: z.array(z.string()),
  doelen: z.array(z.string()),
  verlengingen: z.number(),
  afstandKm: z.number().nullable(),
  aanbieder: z.string(),
});
export type GrantedProduct = z.output<typeof GrantedProduct>;

export const GrantSeverity = z.enum(["fout", "waarschuwing", "oordeel"]);
export type GrantSeverity = z.output<typeof GrantSeverity>;

/** A finding of the grant check, about one product. */
export const GrantFinding = z.object({
  productId: z.string(),
  /** the rule's kind: an op of the rule language, or a grant check (product, eenheid, omvang, resultaatgebied) */
  rule: z.string(),
  severity: GrantSeverity,
  message: z.string(),
  /** the document's words and line, where the finding comes from the productenboek */
  asWritten: z.string().optional(),
  line: z.number().int().optional(),
});
export type GrantFinding = z.output<typeof GrantFinding>;

export const GrantVerdict = z.object({
  toegestaan: z.boolean(),
  /** true when the only obstacles are points of professional judgement: an override can grant */
  overrideMogelijk: z.boolean(),
  bevindingen: z.array(GrantFinding),
});
export type GrantVerdict = z.output<typeof GrantVerdict>;

export const Beschikking = z.object({
  id: z.number().int(),
  gemeentecode: z.string(),
  clientId: z.number().int(),
  wet: Wet,
  beschikkingnummer: z.string(),
  afgiftedatum: Day,
  ingangsdatum: Day,
  einddatum: Day,
  verwijzer: Verwijzer.nullable(),
  producten: z.array(GrantedProduct),
  bevindingen: z.array(GrantFinding),
  override: z.object({ motivering: z.string(), door: z.string(), op: z.string() }).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Beschikking = z.output<typeof Beschikking>;

export const Period = z.object({ begin: Day, end: Day.nullable() });
export type Period = z.output<typeof Period>;

export const Toewijzing = z.object({
  gemeentecode: z.string(),
  wet: Wet,
  toewijzingnummer: z.string(),
  beschikkingId: z.number().int(),
  clientId: z.number().int(),
  agbCode: z.string(),
  productId: z.string(),
  productcategorie: z.string().nullable(),
  productcode: z.string().nullable(),
  eenheid: Eenheid,
  frequentie: Frequentie.nullable(),
  omvang: z.number().nullable(),
  budgetCents: z.number().nullable(),
  toewijzingsdatum: Day,
  ingangsdatum: Day,
  einddatum: Day.nullable(),
  status: ToewijzingStatus,
  redenWijziging: RedenWijziging.nullable(),
  startdatum: Day.nullable(),
  gedeclareerdTot: Day.nullable(),
  /** the periods care ran */
  geleverd: z.array(Period),
});
export type Toewijzing = z.output<typeof Toewijzing>;

/** A toewijzing in a list, with its product's name (null when the product is not in the catalogue). */
export const NamedToewijzing = Toewijzing.extend({ productNaam: z.string().nullable() });
export type NamedToewijzing = z.output<typeof NamedToewijzing>;
export const ToewijzingList = z.object({ items: z.array(NamedToewijzing) });
export type ToewijzingList = z.output<typeof ToewijzingList>;

export const ClientOverview = z.object({ client: Client, beschikkingen: z.array(Beschikking), toewijzingen: z.array(NamedToewijzing) });
export type ClientOverview = z.output<typeof ClientOverview>;

export const ToewijzingEventRecord = z.object({
  event: ToewijzingEvent,
  datum: Day,
  reden: z.string().nullable(),
  byUser: z.string(),
  recordedAt: z.string(),
});
export type ToewijzingEventRecord = z.output<typeof ToewijzingEventRecord>;

export const ToewijzingHistory = z.object({ toewijzing: Toewijzing, events: z.array(ToewijzingEventRecord) });
export type ToewijzingHistory = z.output<typeof ToewijzingHistory>;

export const GrantAnswer = z.object({ beschikking: Beschikking, toewijzingen: z.array(Toewijzing), verdict: GrantVerdict });
export type GrantAnswer = z.output<typeof GrantAnswer>;

export const WorkItem = z.object({
  kind: DeadlineKind,
  due: Day,
  /** Dutch: what must happen */
  text: z.string(),
  /** the productenboek's words and line, or the standard's rule */
  source: z.object({ asWritten: z.string(), line: z.number().int().nullable() }),
  toewijzingnummer: z.string(),
  gemeentecode: z.string(),
  wet: Wet,
  agbCode: z.string(),
  clientId: z.number().int(),
  productNaam: z.string(),
  overdue: z.boolean(),
});
export type WorkItem = z.output<typeof WorkItem>;
export const WorkList = z.object({ items: z.array(WorkItem) });
export type WorkList = z.output<typeof WorkList>;

export const StoredDeclaratie = z.object({
  agbCode: z.string(),
  wet: Wet,
  declaratienummer: z.string(),
  gemeentecode: z.string(),
  periodeBegin: Day,
  periodeEind: Day,
  dagtekening: Day,
  ingediend: z.number(),
  toegekend: z.number(),
  receivedAt: z.string(),
  demo: z.boolean(),
});
export type StoredDeclaratie = z.output<typeof StoredDeclaratie>;
export const DeclaratieList = z.object({ items: z.array(StoredDeclaratie) });
export type DeclaratieList = z.output<typeof DeclaratieList>;

/** A finding of the declaratie check, with the standard's retourcode. */
export const CheckFinding = z.object({
  /** the standard's retourcode, or a productenboek rule code (PB-…) */
  code: z.string(),
  retourcode: z.string(),
  severity: z.enum(["afwijzing", "waarschuwing"]),
  message: z.string(),
});
export type CheckFinding = z.output<typeof CheckFinding>;

export const PrestatieResult = z.object({
  referentienummer: z.string(),
  debetCredit: z.enum(["D", "C"]),
  toegekend: z.boolean(),
  retourcodes: z.array(z.string()),
  bevindingen: z.array(CheckFinding),
  ingediendBedrag: z.number(),
  toegekendBedrag: z.number(),
  toewijzingKey: z.string().nullable(),
});
export type PrestatieResult = z.output<typeof PrestatieResult>;

export const DeclaratieResult = z.object({
  declaratienummer: z.string(),
  /** a whole-declaratie rejection (9333) */
  afgewezen: CheckFinding.nullable(),
  prestaties: z.array(PrestatieResult),
  /** net cents (debit − credit) */
  ingediend: z.number(),
  toegekend: z.number(),
});
export type DeclaratieResult = z.output<typeof DeclaratieResult>;

/** The answer to one declaratie in POST /declaraties. */
export const DeclaratieAnswer = z.object({
  declaratie: StoredDeclaratie,
  /** true when this exact declaratie had been received before: nothing changed */
  herhaald: z.boolean(),
  result: DeclaratieResult,
});
export type DeclaratieAnswer = z.output<typeof DeclaratieAnswer>;
export const DeclaratieAnswers = z.object({ antwoorden: z.array(DeclaratieAnswer) });
export type DeclaratieAnswers = z.output<typeof DeclaratieAnswers>;

export const StoredPrestatie = z.object({
  referentienummer: z.string(),
  vorigReferentienummer: z.string().nullable(),
  toewijzingnummer: z.string(),
  begindatum: Day,
  einddatum: Day,
  volume: z.number(),
  eenheid: z.string(),
  tariefCents: z.number(),
  bedragCents: z.number(),
  debetCredit: z.enum(["D", "C"]),
  toegekend: z.boolean(),
  retourcodes: z.array(z.string()),
  bevindingen: z.array(CheckFinding),
});
export type StoredPrestatie = z.output<typeof StoredPrestatie>;

export const DeclaratieDetail = z.object({ declaratie: StoredDeclaratie, prestaties: z.array(StoredPrestatie) });
export type DeclaratieDetail = z.output<typeof DeclaratieDetail>;

export const BudgetRow = z.object({
  key: z.string(),
  label: z.string(),
  toegekendBudget: z.number().nullable(),
  ingediend: z.number(),
  betaald: z.number(),
  /** share of the granted amount used (betaald / toegekendBudget) */
  verbruik: z.number().nullable(),
  /** the month the granted amount runs out at the current run rate; null when not before the last einddatum */
  uitputting: z.string().nullable(),
});
export type BudgetRow = z.output<typeof BudgetRow>;

export const BudgetSignal = z.object({
  kind: z.enum(["verbruik-90", "na-einddatum"]),
  toewijzingnummer: z.string(),
  gemeentecode: z.string(),
  agbCode: z.string(),
  message: z.string(),
});
export type BudgetSignal = z.output<typeof BudgetSignal>;

export const BudgetReport = z.object({
  peildatum: Day,
  groep: BudgetGroup,
  rows: z.array(BudgetRow),
  maanden: z.array(z.object({ maand: z.string(), ingediend: z.number(), toegekend: z.number() })),
  signalen: z.array(BudgetSignal),
});
export type BudgetReport = z.output<typeof BudgetReport>;

// ---------------------------------------------------------------------------------------------- routes

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const careRoutes = {
  listClients: route({
    method: "GET",
    path: "/api/v1/clienten",
    summary: "Cliënten van de eigen gemeente, of met een toewijzing bij de eigen aanbieder (een BSN hoort niet in de URL: POST /clienten/zoeken)",
    query: ClientQuery,
    response: ClientList,
    errors: [400, 401, 403],
    access: may("client", "read"),
    purpose: "zorgketen: cliënten zoeken",
  }),
  searchClients: route({
    method: "POST",
    path: "/api/v1/clienten/zoeken",
    summary:
      "Cliënten zoeken op naam of BSN, met de zoekopdracht in de body ({ q, pagina }): een BSN hoort niet in een URL (GET /clienten weigert een q met 8 of meer cijfers)",
    body: ClientSearch,
    // parsed by the route, with the problems of a query (it is one, in a body)
    bodyParsedBy: "use-case",
    response: ClientList,
    errors: [400, 401, 403],
    access: may("client", "read"),
    purpose: "zorgketen: cliënten zoeken",
  }),
  createClient: route({
    method: "POST",
    path: "/api/v1/clienten",
    summary: "Cliënt registreren (toegang; BSN met elfproef)",
    body: ClientInput,
    bodyParsedBy: "use-case",
    status: 201,
    response: Client,
    errors: [400, 401, 403, 422],
    access: may("client", "write"),
    purpose: "toegang: cliënt registreren",
  }),
  getClient: route({
    method: "GET",
    path: "/api/v1/clienten/:id",
    summary: "Cliënt met beschikkingen en toewijzingen (een cliënt van een andere gemeente of aanbieder: 404, als een onbekende)",
    params: ClientIdParams,
    response: ClientOverview,
    errors: [400, 401, 403, 404],
    access: may("client", "read"),
    purpose: "zorgketen: cliëntoverzicht",
  }),
  checkGrantForClient: route({
    method: "POST",
    path: "/api/v1/clienten/:id/toets",
    summary: "Toets een voorgestelde beschikking voor deze cliënt (leeftijd, lopende toewijzingen); slaat niets op",
    params: ClientIdParams,
    body: ClientGrantProposal,
    bodyParsedBy: "use-case",
    response: GrantVerdict,
    errors: [400, 401, 403, 404],
    access: may("beschikking", "write"),
    purpose: "toegang: beschikking toetsen",
  }),
  checkGrant: route({
    method: "POST",
    path: "/api/v1/beschikkingen/toets",
    summary: "Toets een voorgestelde beschikking aan de regels van het productenboek; slaat niets op",
    body: GrantProposal,
    bodyParsedBy: "use-case",
    response: GrantVerdict,
    errors: [400, 401, 403],
    access: may("beschikking", "write"),
    purpose: "toegang: beschikking toetsen",
  }),
  grant: route({
    method: "POST",
    path: "/api/v1/beschikkingen",
    summary: "Beschikking afgeven (toegang): één toewijzing per product; fout weigert, oordeel alleen met onderbouwde afwijking",
    body: GrantInput,
    bodyParsedBy: "use-case",
    status: 201,
    response: GrantAnswer,
    errors: [400, 401, 403, 404, 422],
    access: may("beschikking", "write"),
    purpose: "toegang: beschikking afgeven",
  }),
  listToewijzingen: route({
    method: "GET",
    path: "/api/v1/toewijzingen",
    summary: "Toewijzingen (eigen gemeente of eigen aanbieder)",
    query: StatusQuery,
    response: ToewijzingList,
    errors: [400, 401, 403],
    access: may("toewijzing", "read"),
    purpose: "zorgketen: toewijzingen",
  }),
  getToewijzing: route({
    method: "GET",
    path: "/api/v1/toewijzingen/:gemeente/:wet/:nummer",
    summary: "Eén toewijzing met haar gebeurtenissen",
    params: ToewijzingParams,
    response: ToewijzingHistory,
    errors: [401, 403, 404],
    access: may("toewijzing", "read"),
    purpose: "zorgketen: toewijzing en historie",
  }),
  reportToewijzingEvent: route({
    method: "POST",
    path: "/api/v1/toewijzingen/:gemeente/:wet/:nummer/gebeurtenissen",
    summary: "Start, tijdelijke stop, stop (aanbieder, toegang); wijzigen, intrekken, verwijderen (toegang): { event, datum, reden }",
    params: ToewijzingParams,
    body: EventInput,
    bodyParsedBy: "use-case",
    response: Toewijzing,
    errors: [400, 401, 403, 404, 422],
    access: may("toewijzing", "write"),
    purpose: "zorgketen: start, stop of wijziging",
  }),
  getWorklist: route({
    method: "GET",
    path: "/api/v1/werklijst",
    summary: "Termijnen: start binnen 24 uur, plan, evaluatie, start/stop melden binnen 5 werkdagen",
    response: WorkList,
    errors: [401, 403],
    access: may("toewijzing", "read"),
    purpose: "zorgketen: werklijst termijnen",
  }),
  listDeclaraties: route({
    method: "GET",
    path: "/api/v1/declaraties",
    summary: "Declaraties (eigen aanbieder of eigen gemeente)",
    response: DeclaratieList,
    errors: [401, 403],
    access: may("declaratie", "read"),
    purpose: "declaraties: overzicht",
  }),
  submitDeclaraties: route({
    method: "POST",
    path: "/api/v1/declaraties",
    summary:
      "Declaraties indienen (aanbieder): JSON (één declaratie of een lijst) of text/csv; alles of niets: één fout (ongeldige waarde, declaratie van een andere aanbieder) en niets wordt opgeslagen, met elke fout met rij en kolom; antwoord per prestatie met retourcodes; dezelfde declaratie opnieuw verandert niets (200 in plaats van 201)",
    body: DeclaratieSubmission,
    bodyParsedBy: "use-case",
    rawBody: ["text/csv"],
    status: 201,
    response: DeclaratieAnswers,
    errors: [400, 401, 403, 413, 415],
    access: may("declaratie", "write"),
    purpose: "declaraties: indienen en controleren",
  }),
  getDeclaratie: route({
    method: "GET",
    path: "/api/v1/declaraties/:agb/:wet/:nummer",
    summary: "Eén declaratie met het antwoord per prestatie",
    params: DeclaratieParams,
    response: DeclaratieDetail,
    errors: [401, 403, 404],
    access: may("declaratie", "read"),
    purpose: "declaraties: antwoord per prestatie",
  }),
  getBudget: route({
    method: "GET",
    path: "/api/v1/budget",
    summary: "Budgetbewaking: toegekend, ingediend en betaald per groep en maand, prognose en signalen; ?format=xlsx",
    query: BudgetQuery,
    response: BudgetReport,
    files: [XLSX],
    errors: [400, 401, 403],
    access: may("toewijzing", "read"),
    purpose: "budgetbewaking",
  }),
} as const satisfies Record<string, RouteSpec>;
