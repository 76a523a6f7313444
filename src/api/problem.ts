import { randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { httpStatusOf, type Problem } from "../domain/shared/problem.ts";
import { maskDigits, redactError } from "../domain/shared/redact.ts";

export { maskDigits, redactError };

/** An answer never grows without bound: at most this many problems, each title/detail/path cut to a readable length. */
export const MAX_PROBLEMS = 1000;
const MAX_DETAILS_JOINED = 50;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const dutchCount = (n: number) => n.toLocaleString("nl-NL");

/** The path of a URL without its query string: a query (which may hold a search term or worse) is never echoed. */
export const pathOf = (url: string) => url.split("?")[0] ?? "";

/**
 * RFC 9457 problem+json. One response can carry several problems (`problems`), so a client fixes every bad
 * parameter in one round; `title`/`detail` repeat the first for clients that read only those. `instance` is the path
 * only, never the query string. `extra` adds members (the `correlationId` of an internal error).
 */
export function sendProblems(reply: FastifyReply, problems: Problem[], instance?: string, extra: Record<string, unknown> = {}) {
  const all = problems.length ? problems : [{ code: "internal" as const, title: "Onbekende fout", detail: "" }];
  const kept = all.slice(0, MAX_PROBLEMS).map((p) => ({
    ...p,
    title: cut(p.title, 200),
    detail: cut(p.detail, 1000),
    ...(p.path !== undefined ? { path: cut(p.path, 200) } : {}),
    ...(p.file !== undefined ? { file: cut(p.file, 200) } : {}),
  }));
  if (all.length > MAX_PROBLEMS) {
    const rest = all.length - MAX_PROBLEMS;
    kept.push({
      code: kept[0]!.code,
      title: "Meer fouten",
      detail: `en ${dutchCount(rest)} andere fouten (alleen de eerste ${dutchCount(MAX_PROBLEMS)} staan hier)`,
    });
  }
  const first = kept[0]!;
  const status = Math.max(...all.map((p) => httpStatusOf[p.code]));
  const details = kept.slice(0, MAX_DETAILS_JOINED).map((p) => p.detail);
  if (kept.length > MAX_DETAILS_JOINED) details.push(`en ${dutchCount(all.length - MAX_DETAILS_JOINED)} andere`);
  return reply
    .code(status)
    .type("application/problem+json; charset=utf-8")
    .send({
      type: `urn:kader:problem:${first.code}`,
      title: first.title,
      status,
      detail: details.join("; "),
      ...(instance ? { instance: cut(pathOf(instance), 200) } : {}),
      ...extra,
      problems: kept,
    });
}

// ---------------------------------------------------------------------------------------------- internal errors

/** Where the line of an internal error goes: stderr by default, whatever KADER_LOG says. */
export type ErrorLog = (line: string) => void;
export const stderrLog: ErrorLog = (line) => {
  process.stderr.write(`${line}\n`);
};

/**
 * An internal error: logged as one JSON line (correlation id, method, route pattern — never the URL, its query or the
 * body — and the redacted error), and answered with the same correlation id, so a user can report "code …".
 */
export function sendInternalError(req: FastifyRequest, reply: FastifyReply, err: unknown, log: ErrorLog = stderrLog) {
  const correlationId = randomUUID();
  const line = {
    level: "error",
    time: new Date().toISOString(),
    msg: "interne fout",
    correlationId,
    method: req.method,
    route: req.routeOptions?.url ?? null,
    status: 500,
    error: redactError(err),
  };
  try {
    log(JSON.stringify(line));
  } catch {
    // a broken log never hides the answer
  }
  return sendProblems(
    reply,
    [
      {
        code: "internal",
        title: "Interne fout",
        detail: `er ging iets mis aan onze kant; probeer het later opnieuw, of meld code ${correlationId} aan de beheerder`,
      },
    ],
    req.url,
    { correlationId },
  );
}

// ---------------------------------------------------------------------------------------------- framework errors

const JSON_REASONS: [RegExp, string][] = [
  [/Unexpected end of JSON input/i, "de JSON houdt onverwacht op"],
  [/Unterminated string/i, "een tekst wordt niet afgesloten met een dubbel aanhalingsteken"],
  [/Bad control character/i, "een stuurteken in een tekst (schrijf \\n of \\t)"],
  [/Bad (escaped character|Unicode escape)/i, "een ongeldige escape (\\…) in een tekst"],
  [/Expected property name/i, "verwacht een veldnaam tussen dubbele aanhalingstekens"],
  [/Expected ',' or '}'/i, "verwacht , of }"],
  [/Expected ',' or ']'/i, "verwacht , of ]"],
  [/Expected ':'/i, "verwacht :"],
  [/Expected double-quoted property name/i, "verwacht een veldnaam tussen dubbele aanhalingstekens"],
  [/non-whitespace character after JSON/i, "er staat nog iets na het einde van de JSON"],
  [/Unexpected (token|number|string|identifier|character)/i, "onverwacht teken"],
  [/No number after minus sign|Exponent part is missing|Unterminated fractional number/i, "een onvolledig getal"],
];

/** line and column (1-based) of a character position in a text */
export function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(position, text.length)));
  const nl = before.lastIndexOf("\n");
  return { line: (before.match(/\n/g)?.length ?? 0) + 1, column: before.length - nl };
}

/** A JSON syntax error in Dutch with its place: "ongeldige JSON op regel 2, kolom 7 (positie 13): onverwacht teken". */
export function jsonSyntaxProblem(text: string, err: unknown): Problem {
  const message = err instanceof Error ? err.message : String(err);
  const pos = /at position (\d+)/.exec(message);
  const at = pos ? Number(pos[1]) : /end of JSON input/i.test(message) ? text.length : null;
  const reason = JSON_REASONS.find(([re]) => re.test(message))?.[1] ?? "geen geldige JSON";
  const where = at === null ? "" : (({ line, column }) => ` op regel ${line}, kolom ${column} (positie ${at})`)(lineColumn(text, at));
  return {
    code: "invalid-input",
    title: "Ongeldige JSON",
    detail: `ongeldige JSON${where}: ${reason}`,
    path: "body",
    ...(at !== null ? { line: lineColumn(text, at).line } : {}),
  };
}

/** Fastify's own errors (parsing, limits, media types, URLs, multipart), in Dutch; null for an unknown error. */
export function frameworkProblem(err: { code?: string; statusCode?: number; message?: string }, req?: FastifyRequest): Problem | null {
  const type = req?.headers["content-type"]?.split(";")[0]?.trim();
  switch (err.code) {
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return {
        code: "invalid-input",
        title: "Lege inhoud",
        detail: "de inhoud van het verzoek is leeg, maar het content-type zegt JSON; stuur een JSON-object of laat het content-type weg",
        path: "body",
      };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { code: "invalid-input", title: "Ongeldige JSON", detail: "de inhoud van het verzoek is geen geldige JSON", path: "body" };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { code: "payload-too-large", title: "Verzoek te groot", detail: "de inhoud van het verzoek is groter dan deze route toestaat" };
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { code: "invalid-input", title: "Onvolledig verzoek", detail: "de inhoud van het verzoek is niet even lang als de header content-length zegt" };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return {
        code: "unsupported",
        title: "Niet-ondersteund formaat",
        detail: `${type ? `content-type ${cut(type, 60)} wordt hier niet aangenomen` : "het content-type van het verzoek ontbreekt of is ongeldig"}; zie /api/v1/docs voor wat deze route aanneemt (meestal application/json)`,
        path: "content-type",
      };
    case "FST_ERR_BAD_URL":
    case "FST_ERR_INVALID_URL":
      return {
        code: "invalid-input",
        title: "Ongeldige URL",
        detail: "de URL bevat een ongeldige codering (%-teken zonder twee hexadecimale cijfers, of geen UTF-8)",
      };
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return { code: "unsupported", title: "Geen formulier", detail: "stuur het bestand als multipart/form-data", path: "content-type" };
    case "FST_PARTS_LIMIT":
    case "FST_FILES_LIMIT":
    case "FST_FIELDS_LIMIT":
      return { code: "payload-too-large", title: "Te veel onderdelen", detail: "het formulier bevat meer bestanden of velden dan toegestaan (één bestand)" };
    case "FST_REQ_FILE_TOO_LARGE":
      return { code: "payload-too-large", title: "Bestand te groot", detail: "het bestand is groter dan toegestaan", path: "bestand" };
    case "FST_PROTO_VIOLATION":
      return { code: "invalid-input", title: "Ongeldig veld", detail: "een veld met de naam __proto__ is niet toegestaan" };
    case "FST_MP_PREMATURE_CLOSE":
      return { code: "invalid-input", title: "Onvolledig formulier", detail: "het verzoek hield op voordat het formulier compleet was" };
    case "FST_ERR_VALIDATION":
      return { code: "invalid-input", title: "Ongeldig verzoek", detail: "het verzoek voldoet niet aan het schema van deze route" };
    default:
      break;
  }
  const status = err.statusCode ?? 500;
  if (status === 413) return { code: "payload-too-large", title: "Verzoek te groot", detail: "de inhoud van het verzoek is groter dan toegestaan" };
  if (status === 415) return { code: "unsupported", title: "Niet-ondersteund formaat", detail: "dit formaat wordt hier niet aangenomen; zie /api/v1/docs" };
  if (status === 406) return { code: "unsupported", title: "Niet-ondersteund formaat", detail: "dit formaat wordt hier niet aangenomen; zie /api/v1/docs" };
  if (status === 429) return { code: "too-many-requests", title: "Te veel verzoeken", detail: "probeer het over enige tijd opnieuw" };
  if (status >= 400 && status < 500)
    return {
      code: status === 401 ? "unauthorized" : status === 403 ? "forbidden" : status === 404 ? "not-found" : "invalid-input",
      title: "Ongeldig verzoek",
      detail: "het verzoek kon niet worden verwerkt",
    };
  return null;
}
