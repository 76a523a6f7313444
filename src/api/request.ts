import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Actor } from "../app/compliance.ts";
import type { Problem } from "../domain/shared/problem.ts";
import { excerpt, explainZodIssue, listCapped } from "../domain/shared/zod-dutch.ts";
import { jsonSyntaxProblem } from "./problem.ts";

/** What the routes share: who asks, the access-log context of a request, and Dutch problems for bad query parameters. */
export const actorOf = (req: FastifyRequest): Actor => ({ kind: "user", principal: req.principal });
export const ctx = (req: FastifyRequest, purpose: string) => ({ endpoint: `${req.method} ${req.routeOptions.url ?? req.url}`, purpose });

/** How many unknown parameters a problem list names one by one; the rest are counted. */
const MAX_NAMED_KEYS = 10;

/**
 * Problems for bad query parameters, each naming its parameter. An unknown parameter (zod's unrecognized_keys: the
 * names are in `keys`, the path is empty) gets its own problem, for the first ten; the rest are counted in one more.
 */
export const badQuery = (e: z.ZodError): Problem[] =>
  e.issues.flatMap((i): Problem[] => {
    if (i.code === "unrecognized_keys") {
      const named = i.keys.slice(0, MAX_NAMED_KEYS).map(
        (k): Problem => ({
          code: "invalid-parameter",
          title: `Onbekende parameter ${excerpt(k)}`,
          detail: `onbekende parameter: ${excerpt(k)}`,
          path: excerpt(k),
        }),
      );
      const rest = i.keys.length - named.length;
      return rest > 0
        ? [...named, { code: "invalid-parameter", title: "Onbekende parameters", detail: `onbekende parameters: ${listCapped(i.keys, MAX_NAMED_KEYS)}` }]
        : named;
    }
    const name = excerpt(String(i.path[0] ?? ""));
    return [{ code: "invalid-parameter", title: name ? `Ongeldige parameter ${name}` : "Ongeldige parameter", detail: explainZodIssue(i), path: name }];
  });

// ---------------------------------------------------------------------------------------------- text at the boundary

/** The characters no text field takes: NUL and the other C0 controls except tab, LF and CR. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the check for control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** Forbidden everywhere (query strings and path parameters too): every C0 control except tab, LF and CR. */
export const badCharacter = (s: string): string | null => {
  const m = CONTROL.exec(s);
  if (!m) return null;
  const c = m[0].charCodeAt(0);
  const u = `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  return c === 0 ? `bevat een NUL-teken (${u})` : `bevat een stuurteken (${u})`;
};

/** A key as it is shown in a field path: control characters written as \u…, at most 60 characters. */
const showKey = (k: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are made visible here
  excerpt(k.replace(/[\u0000-\u001F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
const join = (base: string, key: string | number) =>
  typeof key === "number" ? `${base}[${key}]` : /^[A-Za-z_$][\w$-]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(showKey(key))}]`;

const MAX_CHARACTER_PROBLEMS = 20;

/**
 * Every string and every object key of a parsed JSON body (at any depth) checked for control characters, iteratively
 * (a deeply nested body cannot exhaust the stack). Also refuses the keys that poison prototypes (__proto__,
 * constructor.prototype). At most 20 problems, each naming the field path.
 */
export function bodyCharacterProblems(body: unknown, where = "veld"): Problem[] {
  const out: Problem[] = [];
  const stack: [unknown, string][] = [[body, ""]];
  while (stack.length && out.length < MAX_CHARACTER_PROBLEMS) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      const bad = badCharacter(v);
      if (bad) out.push({ code: "invalid-input", title: "Ongeldig teken", detail: `${where} ${path || "(inhoud)"}: ${bad}`, path: path || "body" });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], join(path, i)]);
    } else if (v !== null && typeof v === "object" && !Buffer.isBuffer(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        const p = join(path, k);
        const bad = badCharacter(k);
        if (bad) out.push({ code: "invalid-input", title: "Ongeldig teken", detail: `${where} ${p}: de veldnaam ${bad}`, path: p });
        else if (
          k === "__proto__" ||
          (k === "constructor" &&
            typeof (v as Record<string, unknown>)[k] === "object" &&
            (v as Record<string, unknown>)[k] !== null &&
            Object.hasOwn((v as Record<string, object>)[k]!, "prototype"))
        )
          out.push({ code: "invalid-input", title: "Ongeldig veld", detail: `${where} ${p}: deze veldnaam is niet toegestaan`, path: p });
        stack.push([(v as Record<string, unknown>)[k], p]);
      }
    }
  }
  return out;
}

/** Query parameters and path parameters: names and values, one level (arrays for repeated parameters). */
export function parameterCharacterProblems(values: unknown, where: "parameter" | "padparameter"): Problem[] {
  if (!values || typeof values !== "object") return [];
  const out: Problem[] = [];
  for (const [k, raw] of Object.entries(values as Record<string, unknown>)) {
    const badKey = badCharacter(k);
    if (badKey) out.push({ code: "invalid-parameter", title: "Ongeldig teken", detail: `${where} ${showKey(k)}: de naam ${badKey}`, path: showKey(k) });
    for (const v of Array.isArray(raw) ? raw : [raw]) {
      const bad = typeof v === "string" ? badCharacter(v) : null;
      if (bad) {
        out.push({ code: "invalid-parameter", title: "Ongeldig teken", detail: `${where} ${showKey(k)}: ${bad}`, path: showKey(k) });
        break;
      }
    }
    if (out.length >= MAX_CHARACTER_PROBLEMS) break;
  }
  return out;
}

/** Thrown by the JSON parser: a Dutch problem with the place of the error, answered 400 by the error handler. */
export class BodyProblem extends Error {
  readonly statusCode = 400;
  constructor(readonly problems: Problem[]) {
    super(problems[0]?.detail ?? "ongeldige inhoud");
  }
}

/**
 * The JSON body parser (replacing Fastify's): an empty body is `undefined` only when no content is declared, a syntax
 * error names its line, column and position, and prototype-poisoning keys are refused.
 */
export function parseJsonBody(text: string): unknown {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.trim() === "")
    throw new BodyProblem([
      {
        code: "invalid-input",
        title: "Lege inhoud",
        detail: "de inhoud van het verzoek is leeg, maar het content-type zegt JSON; stuur een JSON-object of laat het content-type weg",
        path: "body",
      },
    ]);
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch (e) {
    throw new BodyProblem([jsonSyntaxProblem(t, e)]);
  }
  if (/"(?:__proto__|constructor)"/.test(t)) {
    const poisoned = bodyCharacterProblems(value).filter((p) => p.title === "Ongeldig veld");
    if (poisoned.length) throw new BodyProblem(poisoned);
  }
  return value;
}
