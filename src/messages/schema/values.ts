/**
 * Checks a simple value against its LDT type and facets, the way XML Schema 1.0 defines it: whitespace collapsed for
 * integer, date and time (not for strings), lexical form, value range, length in characters, patterns, enumeration.
 * Returns a Dutch reason, or undefined when the value is valid.
 */
import { CODELISTS, type CodelistName, type Standaard } from "./codelists.ts";
import { SIMPLE_TYPES, type SimpleType, type SimpleTypeName } from "./simple-types.ts";
import type { ExtraPattern } from "./structure.ts";

const INTEGER = /^[+-]?[0-9]+$/;
const DATE = /^(-?)([0-9]{4,})-([0-9]{2})-([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?$/;
const TIME = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;

/** XML Schema's whitespace collapse (space, tab, CR, LF only). */
export function collapse(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) return s.replace(/[ \t\r\n]+/g, " ").trim();
  }
  return s;
}

/** Number of characters (Unicode code points), as XML Schema counts length. */
export function charLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

const lastDay = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100_000;
};

export function validDate(s: string): boolean {
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    // the usual JJJJ-MM-DD, without the regular expression
    const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
    const month = digit(s, 5) * 10 + digit(s, 6);
    const day = digit(s, 8) * 10 + digit(s, 9);
    if (year >= 0 && month >= 0 && day >= 0) return year !== 0 && month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month);
  }
  const m = DATE.exec(s);
  if (!m) return false;
  const year = Number(m[2]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  if (m[2]!.length > 4 && m[2]!.startsWith("0")) return false;
  if (year === 0) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  // proleptic Gregorian: a negative year -0001 is 2 BCE, leap when (1 - year) % 4 … keep it simple and strict
  const y = m[1] ? 1 - year : year;
  if (day > lastDay(y, month)) return false;
  return m[5] === undefined || validZone(m[5]);
}

function validZone(z: string): boolean {
  if (z === "Z") return true;
  const h = Number(z.slice(1, 3));
  const mi = Number(z.slice(4, 6));
  return mi <= 59 && (h < 14 || (h === 14 && mi === 0));
}

export function validTime(s: string): boolean {
  const m = TIME.exec(s);
  if (!m) return false;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const sec = Number(m[3]);
  if (mi > 59 || sec > 59) return false;
  if (h > 23 && !(h === 24 && mi === 0 && sec === 0 && !/[1-9]/.test(m[4] ?? ""))) return false;
  return m[5] === undefined || validZone(m[5]);
}

export interface CheckedValue {
  /** The value for the model: a number for integers, the (collapsed) text otherwise. */
  readonly value: string | number;
  readonly error?: string;
}

const sets: Record<Standaard, Map<CodelistName, ReadonlySet<string>>> = { iwmo: new Map(), ijw: new Map() };
function codeSet(std: Standaard, name: CodelistName): ReadonlySet<string> {
  const byName = sets[std];
  let set = byName.get(name);
  if (!set) {
    set = new Set<string>(CODELISTS[std][name]);
    byName.set(name, set);
  }
  return set;
}

const failed = (value: string, error: string): CheckedValue => ({ value, error });

const show = (s: string) => (s.length > 60 ? `"${s.slice(0, 57)}…"` : `"${s}"`);

export function checkValue(typeName: SimpleTypeName, raw: string, std: Standaard, extra?: ExtraPattern): CheckedValue {
  return checkSimpleValue(SIMPLE_TYPES[typeName], raw, std, extra);
}

/** `checkValue` for a type already looked up (the reader keeps it per element of a sequence). */
export function checkSimpleValue(type: SimpleType, raw: string, std: Standaard, extra?: ExtraPattern): CheckedValue {
  const text = type.base === "string" ? raw : collapse(raw);
  let value: string | number = text;
  switch (type.base) {
    case "integer": {
      if (!INTEGER.test(text)) return failed(text, `${show(text)} is geen geheel getal.`);
      value = Number(text);
      break;
    }
    case "date":
      if (!validDate(text)) return failed(text, `${show(text)} is geen geldige datum (JJJJ-MM-DD).`);
      break;
    case "time":
      if (!validTime(text)) return failed(text, `${show(text)} is geen geldige tijd (uu:mm:ss).`);
      break;
    case "string":
      break;
  }
  if (type.min !== undefined && (value as number) < type.min) return failed(text, `${text} is kleiner dan de minimale waarde ${type.min}.`);
  if (type.max !== undefined && (value as number) > type.max) return failed(text, `${text} is groter dan de maximale waarde ${type.max}.`);
  if (type.minLength !== undefined || type.maxLength !== undefined) {
    const n = text.length <= (type.maxLength ?? Number.POSITIVE_INFINITY) && text.length >= (type.minLength ?? 0) ? text.length : charLength(text);
    if (type.minLength !== undefined && n < type.minLength)
      return failed(text, type.minLength === 1 ? "Het element is leeg; vul het of laat het weg." : `${show(text)} is korter dan ${type.minLength} tekens.`);
    if (type.maxLength !== undefined && n > type.maxLength) return failed(text, `${show(text)} is ${n} tekens lang; maximaal ${type.maxLength} toegestaan.`);
  }
  for (const p of type.patterns ?? []) if (!p.re.test(text)) return failed(text, `${show(text)} voldoet niet aan het patroon ${p.xsd}.`);
  if (extra && !extra.re.test(text)) return failed(text, `${show(text)} voldoet niet aan het patroon ${extra.xsd}.`);
  if (type.codelist) {
    if (!codeSet(std, type.codelist).has(text)) return failed(text, `${show(text)} is geen code uit de codelijst ${type.codelist}.`);
  }
  return { value };
}
