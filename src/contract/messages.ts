import { z } from "zod";
import { Finding } from "../domain/codes/finding.ts";
import { Wet } from "../domain/codes/schemas.ts";
import { may, type RouteSpec, route } from "./route.ts";

/**
 * The messages routes of the API: iWmo/iJw messages uploaded (XML, or a ZIP batch of at most 30) and processed at
 * once; the message log per gemeente or aanbieder and its downloads; the verzoeken for the toegang and their 319
 * answers; the 301s of the gemeente's toewijzingen. Each schema and its type under one name.
 */

// ---------------------------------------------------------------------------------------------- code lists

/** the party Kader acts for while processing */
export const Rol = z.enum(["gemeente", "aanbieder"]);
export type Rol = z.output<typeof Rol>;
export const Richting = z.enum(["in", "uit"]);
export type Richting = z.output<typeof Richting>;
/** what became of a message in the log (src/app/messages-ports.ts explains each) */
export const BerichtStatus = z.enum(["verwerkt", "afgekeurd", "herhaald", "geregistreerd", "verzonden"]);
export type BerichtStatus = z.output<typeof BerichtStatus>;
/** the outcome of processing one message: a status of the log, or `onleesbaar`, `geweigerd`, `fout` (nothing stored) */
export const Outcome = z.enum([...BerichtStatus.options, "onleesbaar", "geweigerd", "fout"]);
export type Outcome = z.output<typeof Outcome>;
export const VerzoekStatus = z.enum(["open", "in-onderzoek", "afgewezen", "toegewezen"]);
export type VerzoekStatus = z.output<typeof VerzoekStatus>;
/** a finding about a processed message rejects ("fout") or is a note ("melding": 0200, an aandachtspunt for the toegang) */
export const MessageSeverity = Finding.shape.severity.extract(["fout", "melding"]);
export type MessageSeverity = z.output<typeof MessageSeverity>;

// ---------------------------------------------------------------------------------------------- shapes

/**
 * A note on a processed message: retourcode, pad (the message class) and tekst, and the one Finding's fields beside
 * them (severity, code, path, message); messages stored before those fields existed have only the first three.
 */
export const Melding = z.object({
  retourcode: z.string(),
  pad: z.string(),
  tekst: z.string(),
  severity: MessageSeverity.optional(),
  code: z.string().optional(),
  path: z.string().optional(),
  message: z.string().optional(),
});
export type Melding = z.output<typeof Melding>;

/** A finding of a processed message: the one Finding, with "melding" for a note. */
export const MessageFinding = Finding.omit({ severity: true, source: true }).extend({ severity: MessageSeverity });
export type MessageFinding = z.output<typeof MessageFinding>;

/** Every retourcode of an answer with its meaning in Dutch (the standard's own words). */
export const Explanations = z.record(z.string(), z.string());
export type Explanations = z.output<typeof Explanations>;

/** An answer Kader built: downloaded by its berichtId; a 9056 retour (TR056) is not stored and comes with its XML. */
export const AnswerFile = z.object({
  bestandsnaam: z.string(),
  berichtNaam: z.string(),
  berichtId: z.number().int().optional(),
  /** the retourcodes in the answer other than 0200 */
  retourcodes: z.array(z.string()).optional(),
  xml: z.string().optional(),
});
export type AnswerFile = z.output<typeof AnswerFile>;

/** One uploaded message as processed: status, retourcodes with their meaning, every finding, the answers. */
export const ProcessedMessage = z.object({
  bestandsnaam: z.string(),
  berichtNaam: z.string().nullable(),
  identificatie: z.string().nullable(),
  dagtekening: z.string().nullable(),
  status: Outcome,
  /** the retourcodes Kader answered with (0200 left out) */
  retourcodes: z.array(z.string()),
  meldingen: z.array(Melding),
  antwoorden: z.array(AnswerFile),
  berichtId: z.number().int().nullable(),
  /** a message rejected with 9056 (TR056): the earlier message with this Identificatie */
  eerder: z.object({ berichtId: z.number().int(), ontvangen: z.string() }).optional(),
  prestaties: z.number().int(),
  /** every finding: element path, line, rule, retourcode and Dutch explanation */
  bevindingen: z.array(MessageFinding),
  uitleg: Explanations,
});
export type ProcessedMessage = z.output<typeof ProcessedMessage>;

export const ProcessedMessages = z.object({ berichten: z.array(ProcessedMessage) });
export type ProcessedMessages = z.output<typeof ProcessedMessages>;

/** A message in the log: received, or built and sent by Kader. */
export const Bericht = z.object({
  id: z.number().int(),
  rol: Rol,
  richting: Richting,
  gemeentecode: z.string(),
  agbCode: z.string(),
  wet: Wet,
  berichtNaam: z.string(),
  berichtCode: z.string(),
  afzender: z.string(),
  ontvanger: z.string(),
  identificatie: z.string(),
  dagtekening: z.string().nullable(),
  bestandsnaam: z.string(),
  contentHash: z.string(),
  status: BerichtStatus,
  retourcodes: z.array(z.string()),
  meldingen: z.array(Melding),
  samenvatting: z.record(z.string(), z.unknown()),
  antwoordOp: z.number().int().nullable(),
  antwoordBestand: z.string().nullable(),
  createdAt: z.string(),
  /** an answer or a message Kader built: when it was handed over; null while not yet written out, or received */
  geschrevenOp: z.string().nullable(),
});
export type Bericht = z.output<typeof Bericht>;

export const MessageLog = z.object({ total: z.number().int(), items: z.array(Bericht.extend({ uitleg: Explanations })) });
export type MessageLog = z.output<typeof MessageLog>;

export const MessageDetail = z.object({ bericht: Bericht, antwoorden: z.array(Bericht), antwoordOp: Bericht.nullable() });
export type MessageDetail = z.output<typeof MessageDetail>;

/** A verzoek om toewijzing (315) or om wijziging (317), without the client's BSN. */
export const Verzoek = z.object({
  id: z.number().int(),
  rol: Rol,
  gemeentecode: z.string(),
  agbCode: z.string(),
  wet: Wet,
  soort: z.enum(["315", "317"]),
  referentieAanbieder: z.string(),
  status: VerzoekStatus,
  berichtId: z.number().int(),
  /** the request as the message stated it (the AangevraagdProduct or the Verzoek) */
  inhoud: z.record(z.string(), z.unknown()),
  antwoord: z.object({ verzoekAntwoord: z.string(), redenAfwijzing: z.string().nullable(), berichtId: z.number().int() }).nullable(),
  createdAt: z.string(),
});
export type Verzoek = z.output<typeof Verzoek>;

export const SentMessage = z.object({ bestandsnaam: z.string(), berichtNaam: z.string(), berichtId: z.number().int() });
export type SentMessage = z.output<typeof SentMessage>;

export const SentMessages = z.object({ berichten: z.array(AnswerFile.omit({ xml: true })) });
export type SentMessages = z.output<typeof SentMessages>;

// ---------------------------------------------------------------------------------------------- requests

export const UploadQuery = z
  .object({
    rol: z.enum(["gemeente", "aanbieder", "auto"]).optional(),
    bestandsnaam: z.string().max(200).optional(),
    inOnderzoek: z.enum(["ja", "nee"]).optional(),
  })
  .strict();
export type UploadQuery = z.output<typeof UploadQuery>;

export const MessageLogQuery = z.object({ richting: Richting.optional(), pagina: z.coerce.number().int().min(1).max(10_000).default(1) }).strict();
export type MessageLogQuery = z.output<typeof MessageLogQuery>;

/**
 * A berichtnummer or verzoeknummer in the path: taken as text by the route wrapper and checked by the route
 * (`PositiveId`), so a wrong one is named as today ("Ongeldig berichtnummer", "Ongeldig verzoeknummer").
 */
export const IdParams = z.object({ id: z.string().describe("een positief geheel getal") });
export type IdParams = z.output<typeof IdParams>;
export const PositiveId = z.coerce.number().int().positive();

export const VerzoekAnswer = z
  .object({
    antwoord: z.enum(["afgewezen", "in-onderzoek"]),
    reden: z
      .string()
      .regex(/^[1-9]$/, "een RedenAfwijzingVerzoek is 1 tot en met 9")
      .optional(),
  })
  .strict();
export type VerzoekAnswer = z.output<typeof VerzoekAnswer>;

export const ToewijzingBerichtenRequest = z
  .object({
    aanbieder: z
      .string()
      .regex(/^[0-9]{8}$/, "een AGB-code is 8 cijfers")
      .optional(),
    toewijzingnummers: z
      .array(z.string().regex(/^[0-9]{1,9}$/))
      .max(1000)
      .optional(),
  })
  .strict();
export type ToewijzingBerichtenRequest = z.output<typeof ToewijzingBerichtenRequest>;

// ---------------------------------------------------------------------------------------------- routes

const bericht = { read: may("bericht", "read"), write: may("bericht", "write") };

export const messagesRoutes = {
  uploadMessages: route({
    method: "POST",
    path: "/api/v1/berichten",
    summary: "Berichten aanleveren (XML, of ZIP met hoogstens 30 berichten) en meteen verwerken",
    description:
      "Per bericht status, retourcodes met uitleg, elke bevinding (pad, regel, regelcode, retourcode, uitleg) en de antwoorden (op te halen via hun berichtId). Een bericht waarvan de afzender de Identificatie al gebruikte voor deze berichtsoort (TR056), ook hetzelfde bericht nog eens, krijgt een retour met 9056 in de header (status afgekeurd, `eerder`: het eerdere bericht); dat wordt niet opgeslagen en komt daarom met zijn XML in het antwoord mee, het eerdere antwoord blijft ongewijzigd. Een ZIP die leeg is, te veel of te grote berichten bevat of liegt over zijn groottes wordt geheel geweigerd (400, OP192); er wordt dan niets opgeslagen.",
    query: UploadQuery,
    rawBody: ["application/xml", "text/xml", "application/zip", "application/x-zip-compressed"],
    response: ProcessedMessages,
    errors: [400, 401, 403, 413],
    access: bericht.write,
    purpose: "berichten verwerken",
  }),
  listMessages: route({
    method: "GET",
    path: "/api/v1/berichten",
    summary: "Berichtenlog: ontvangen (richting=in) of verzonden berichten van de eigen gemeente of aanbieder",
    query: MessageLogQuery,
    response: MessageLog,
    errors: [400, 401, 403],
    access: bericht.read,
    purpose: "berichten inzien",
  }),
  getMessage: route({
    method: "GET",
    path: "/api/v1/berichten/:id",
    summary: "Eén bericht met zijn antwoorden",
    params: IdParams,
    response: MessageDetail,
    errors: [400, 401, 403, 404],
    access: bericht.read,
    purpose: "bericht inzien",
  }),
  getMessageXml: route({
    method: "GET",
    path: "/api/v1/berichten/:id/xml",
    summary: "Het bericht als XML (download)",
    params: IdParams,
    response: null,
    files: ["application/xml"],
    errors: [400, 401, 403, 404],
    access: bericht.read,
    purpose: "bericht downloaden",
  }),
  listVerzoeken: route({
    method: "GET",
    path: "/api/v1/verzoeken",
    summary: "Verzoeken om toewijzing (315) en om wijziging (317), open eerst",
    response: z.array(Verzoek),
    errors: [401, 403],
    access: bericht.read,
    purpose: "verzoeken om toewijzing inzien",
  }),
  answerVerzoek: route({
    method: "POST",
    path: "/api/v1/verzoeken/:id/antwoord",
    summary: "Een verzoek beantwoorden met een 319: afgewezen (met reden 1–9) of in onderzoek (toegang)",
    params: IdParams,
    body: VerzoekAnswer,
    // parsed by the route, so that its problems keep their title ("Ongeldig antwoord") and come after the path's
    bodyParsedBy: "use-case",
    status: 201,
    response: SentMessage,
    errors: [400, 401, 403, 404, 422],
    access: bericht.write,
    purpose: "toegang: verzoek beantwoorden",
  }),
  makeToewijzingBerichten: route({
    method: "POST",
    path: "/api/v1/berichten/toewijzingen",
    summary: "WMO301/JW301 maken van de actuele toewijzingen van de eigen gemeente",
    body: ToewijzingBerichtenRequest,
    // parsed by the route, so that its problems keep their title ("Ongeldige vraag")
    bodyParsedBy: "use-case",
    status: 201,
    response: SentMessages,
    errors: [400, 401, 403, 422],
    access: bericht.write,
    purpose: "toegang: toewijzingsberichten maken",
  }),
} as const satisfies Record<string, RouteSpec>;
