/**
 * In-message rules of the iStandaarden (condities CD, constraints CS, XSLT-level technische regels TR) as data, and
 * the one interpreter that applies them while a message is read.
 *
 * A rule names the message class it applies to (`scope`: the element name of the class, e.g. "ToegewezenProduct",
 * or a short path "Contact/Adres"), the messages it applies to, and a check:
 *  - `condition`: a closed set of typed leaves combined with all/any/not/implies, evaluated on each class instance;
 *  - `unique`, `noOverlap`, `sum`: rules across the instances of one message, kept as small accumulators so a
 *    25 MB declaratie is still checked in one streaming pass.
 * Fields are paths inside the class ("Product/Code"); an absent field makes a comparison hold (the XSD decides
 * whether it is required). No code in strings: formats are named, not regular expressions.
 */
import { z } from "zod";
import type { Failure } from "../failure.ts";
import type { MessageNumber } from "../schema/messages.ts";
import type { AnyModel, ModelValue } from "../schema/structure.ts";

const Field = z.string().regex(/^[A-Za-z0-9]+(\/[A-Za-z0-9]+)*$/, "veldpad: elementnamen gescheiden door /");
const Format = z.enum(["postcodeNL"]);

export type Condition =
  | { op: "all" | "any"; of: Condition[] }
  | { op: "not"; of: Condition }
  | { op: "implies"; premise: Condition; conclusion: Condition }
  | { op: "present"; field: string }
  | { op: "in"; field: string; values: string[] }
  | { op: "elfproef"; field: string }
  | { op: "dateOrder"; first: string; second: string }
  | { op: "sameMonth"; first: string; second: string }
  | { op: "wholeMonth"; begin: string; end: string }
  | { op: "dateFrom"; field: string; from: string }
  | { op: "equal"; a: string; b: string }
  | { op: "format"; field: string; format: z.infer<typeof Format> };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("op", [
    z.object({ op: z.enum(["all", "any"]), of: z.array(Condition) }),
    z.object({ op: z.literal("not"), of: Condition }),
    z.object({ op: z.literal("implies"), premise: Condition, conclusion: Condition }),
    z.object({ op: z.literal("present"), field: Field }),
    z.object({ op: z.literal("in"), field: Field, values: z.array(z.string()).min(1) }),
    z.object({ op: z.literal("elfproef"), field: Field }),
    z.object({ op: z.literal("dateOrder"), first: Field, second: Field }),
    z.object({ op: z.literal("sameMonth"), first: Field, second: Field }),
    z.object({ op: z.literal("wholeMonth"), begin: Field, end: Field }),
    z.object({ op: z.literal("dateFrom"), field: Field, from: z.iso.date() }),
    z.object({ op: z.literal("equal"), a: Field, b: Field }),
    z.object({ op: z.literal("format"), field: Field, format: Format }),
  ]),
);

const Check = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("condition"), condition: Condition }),
  /** No two instances with the same key (instances without every key field are skipped). */
  z.object({ kind: z.literal("unique"), key: z.array(Field).min(1) }),
  /** Instances with the same key must not have overlapping periods (Einddatum inclusive; open end = forever). */
  z.object({ kind: z.literal("noOverlap"), key: z.array(Field).min(1), begin: Field, end: Field }),
  /** The total in the `total` class equals the sum of the items' amounts, debet minus credit. */
  z.object({
    kind: z.literal("sum"),
    total: z.object({ scope: z.string(), amount: Field, dc: Field }),
    amount: Field,
    dc: Field,
  }),
]);

export const MessageRule = z.object({
  /** The standard's rule code: CD007, CS002, TR358 … */
  code: z.string().regex(/^(CD|CS|TR)[0-9]{3}$/),
  retourcode: z.string().regex(/^[0-9S][0-9]{3}$/),
  messages: z.array(z.enum(["301", "302", "305", "306", "307", "308", "315", "316", "317", "318", "319", "320", "323", "325"])).min(1),
  /** Only for one standard (iJw-only classes such as Woonplaatsbeginsel); both when absent. */
  standaard: z.enum(["iwmo", "ijw"]).optional(),
  scope: z.string(),
  check: Check,
  /** The rule in the standard's Dutch words: the failure message. */
  text: z.string().min(1),
});
export type MessageRule = z.infer<typeof MessageRule>;

// ---- the interpreter ----

const fieldParts = new Map<string, readonly string[]>();
function get(obj: AnyModel, field: string): ModelValue | undefined {
  let parts = fieldParts.get(field);
  if (!parts) {
    parts = field.split("/");
    fieldParts.set(field, parts);
  }
  if (parts.length === 1) return obj[field];
  let v: ModelValue | undefined = obj;
  for (const part of parts) {
    if (v === undefined || typeof v !== "object" || Array.isArray(v)) return undefined;
    v = v[part];
  }
  return v;
}
const str = (v: ModelValue | undefined) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);

function elfproef(bsn: string): boolean {
  if (!/^[0-9]{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

const FORMATS: Record<z.infer<typeof Format>, (s: string) => boolean> = {
  postcodeNL: (s) => /^[1-9][0-9]{3}[A-Z]{2}$/.test(s),
};

const lastDayOfMonth = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

export function holds(c: Condition, o: AnyModel): boolean {
  switch (c.op) {
    case "all":
      return c.of.every((x) => holds(x, o));
    case "any":
      return c.of.some((x) => holds(x, o));
    case "not":
      return !holds(c.of, o);
    case "implies":
      return !holds(c.premise, o) || holds(c.conclusion, o);
    case "present":
      return get(o, c.field) !== undefined;
    case "in": {
      const v = str(get(o, c.field));
      return v !== undefined && c.values.includes(v);
    }
    case "elfproef": {
      const v = str(get(o, c.field));
      return v === undefined || elfproef(v);
    }
    case "dateOrder": {
      const a = str(get(o, c.first));
      const b = str(get(o, c.second));
      return a === undefined || b === undefined || b >= a;
    }
    case "sameMonth": {
      const a = str(get(o, c.first));
      const b = str(get(o, c.second));
      return a === undefined || b === undefined || a.slice(0, 7) === b.slice(0, 7);
    }
    case "wholeMonth": {
      const a = str(get(o, c.begin));
      const b = str(get(o, c.end));
      if (a === undefined || b === undefined) return true;
      const [y, m] = [Number(a.slice(0, 4)), Number(a.slice(5, 7))];
      return a.endsWith("-01") && b.slice(0, 7) === a.slice(0, 7) && Number(b.slice(8, 10)) === lastDayOfMonth(y, m);
    }
    case "dateFrom": {
      const v = str(get(o, c.field));
      return v === undefined || v >= c.from;
    }
    case "equal": {
      const a = str(get(o, c.a));
      const b = str(get(o, c.b));
      return a === undefined || b === undefined || a === b;
    }
    case "format": {
      const v = str(get(o, c.field));
      return v === undefined || FORMATS[c.format](v);
    }
    default: {
      const never: never = c;
      throw new Error(`onbekende regel ${JSON.stringify(never)}`);
    }
  }
}

interface Instance {
  readonly obj: AnyModel;
  /** Computed only when a rule fails: building paths for every class of a 25 MB file is the slow part. */
  readonly path: () => string;
  readonly line: number;
}

/** Applies the rules of one message while it is read; `visit` is called for every message class as it closes. */
export class RuleRunner {
  private readonly byScope = new Map<string, MessageRule[]>();
  private readonly seen = new Map<MessageRule, Set<string>>();
  private readonly periods = new Map<MessageRule, Map<string, [string, string][]>>();
  private readonly sums = new Map<MessageRule, { items: bigint; total?: bigint; at?: Instance }>();
  readonly failures: Failure[] = [];

  constructor(rules: readonly MessageRule[], number: MessageNumber, standaard: "iwmo" | "ijw") {
    for (const r of rules) {
      if (!r.messages.includes(number) || (r.standaard && r.standaard !== standaard)) continue;
      const scopes = r.check.kind === "sum" ? [r.scope, r.check.total.scope] : [r.scope];
      for (const s of scopes) this.byScope.set(s, [...(this.byScope.get(s) ?? []), r]);
    }
  }

  private readonly forPath = new Map<string, MessageRule[]>();

  private rulesFor(namePath: string): MessageRule[] {
    let rules = this.forPath.get(namePath);
    if (!rules) {
      const parts = namePath.split("/");
      const name = parts[parts.length - 1]!;
      rules = [...(this.byScope.get(name) ?? []), ...(parts.length > 1 ? (this.byScope.get(`${parts[parts.length - 2]}/${name}`) ?? []) : [])];
      this.forPath.set(namePath, rules);
    }
    return rules;
  }

  /** Whether any rule applies to the class at this element-name path (so `visit` can be skipped). */
  hasRules(namePath: string): boolean {
    return this.rulesFor(namePath).length > 0;
  }

  /** Called with the element-name path (no indices) of each closed message class. */
  visit(namePath: string, obj: AnyModel, path: () => string, line: number) {
    const rules = this.rulesFor(namePath);
    if (rules.length === 0) return;
    const at: Instance = { obj, path, line };
    for (const r of rules) this.apply(r, at, namePath.endsWith(r.scope));
  }

  private fail(r: MessageRule, at: Instance, extra = "") {
    this.failures.push({ rule: r.code, retourcode: r.retourcode, path: at.path(), line: at.line, message: `${r.text}${extra}` });
  }

  private apply(r: MessageRule, at: Instance, isScope: boolean) {
    const c = r.check;
    switch (c.kind) {
      case "condition":
        if (!holds(c.condition, at.obj)) this.fail(r, at);
        return;
      case "unique": {
        const parts: string[] = [];
        for (const k of c.key) {
          const part = str(get(at.obj, k));
          if (part === undefined) return;
          parts.push(part);
        }
        // join: a flat string, so the kept key holds no pieces of the text it was read from
        const key = parts.join("\u0000");
        let set = this.seen.get(r);
        if (!set) {
          set = new Set();
          this.seen.set(r, set);
        }
        if (set.has(key)) this.fail(r, at, ` (dubbel: ${parts.join(", ")})`);
        else set.add(key);
        return;
      }
      case "noOverlap": {
        const begin = str(get(at.obj, c.begin));
        if (begin === undefined) return;
        const end = str(get(at.obj, c.end)) ?? "9999-12-31";
        const key = c.key.map((k) => str(get(at.obj, k)) ?? "").join("\u0000");
        let byKey = this.periods.get(r);
        if (!byKey) {
          byKey = new Map();
          this.periods.set(r, byKey);
        }
        const list = byKey.get(key) ?? [];
        if (list.some(([b, e]) => begin <= e && b <= end)) this.fail(r, at);
        list.push([begin, end]);
        byKey.set(key, list);
        return;
      }
      case "sum": {
        let s = this.sums.get(r);
        if (!s) {
          s = { items: 0n };
          this.sums.set(r, s);
        }
        const signed = (amount: string | undefined, dc: string | undefined) => (amount === undefined ? 0n : (dc === "C" ? -1n : 1n) * BigInt(amount));
        if (isScope) s.items += signed(str(get(at.obj, c.amount)), str(get(at.obj, c.dc)));
        else {
          s.total = signed(str(get(at.obj, c.total.amount)), str(get(at.obj, c.total.dc)));
          s.at = at;
        }
        return;
      }
    }
  }

  /** Failures of the rules across the whole message, once it has been read. */
  finish(): Failure[] {
    for (const [r, s] of this.sums)
      if (s.at && s.total !== undefined && s.total !== s.items) this.fail(r, s.at, ` (totaal ${s.total}, som van de prestaties ${s.items})`);
    return this.failures;
  }
}
