/**
 * Reads one iWmo/iJw message as a stream of bytes and validates it while it reads: event-driven (Kader's own XML
 * tokenizer, tokenizer.ts), one frame per open element, so memory stays bounded by the depth of the message, not its
 * size. Optionally it builds the typed model, or hands over the items at one path (the Clients of a 323) one at a time
 * instead of keeping them.
 *
 * Safety: a DOCTYPE is refused outright (no DTD, no entity declarations, no external references are ever read);
 * the tokenizer knows only the five predefined entities and character references.
 *
 * File hygiene (OP192) is checked on the same pass: UTF-8 without BOM, CRLF line ends, at most 25 MB.
 */
import { type Failure, XSD_RETOURCODE } from "./failure.ts";
import { type MessageRule, RuleRunner } from "./rules/rule.ts";
import { type MessageDefinition, messageByNamespace } from "./schema/messages.ts";
import { type AnyModel, type ComplexType, isComplex, type ModelValue, type Particle } from "./schema/structure.ts";
import { SIMPLE_TYPES, type SimpleType } from "./schema/simple-types.ts";
import { checkSimpleValue } from "./schema/values.ts";
import { lineEnds, type XmlAttribute, XmlError, XmlTokenizer } from "./tokenizer.ts";

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const MAX_FAILURES = 500;

export interface ReadOptions {
  /** Build the model of the whole message (default false: validate only). */
  readonly model?: boolean;
  /** Hand over each element at this path (names without prefixes, e.g. "Bericht/Declaratie/Clienten/Client") as soon as it is read, and do not keep it in the model. */
  readonly emit?: { readonly path: string; readonly onItem: (item: AnyModel, line: number) => void };
  /** Skip the file hygiene checks (for text that did not come from a file). */
  readonly hygiene?: boolean;
  /** In-message rules (CD/CS/TR) to apply while reading; none when absent. */
  readonly rules?: readonly MessageRule[];
  /** Items at these paths are checked and then let go instead of kept (bounded memory); default: the Clients of 323/325 unless `model` is set. */
  readonly dropItems?: readonly string[];
}

/** The repeating classes of a declaratie: tens of thousands in a 25 MB file, so validation does not keep them. */
export const DECLARATIE_ITEMS = ["Bericht/Declaratie/Clienten/Client", "Bericht/DeclaratieAntwoord/Clienten/Client"];

export interface ReadResult {
  readonly definition?: MessageDefinition;
  /** BerichtCode as read from the header (also when the message is not recognised). */
  readonly berichtCode?: string;
  readonly failures: Failure[];
  readonly model?: AnyModel;
  /** Lines read, for reporting. */
  readonly lines: number;
}

interface Frame {
  readonly name: string;
  /** Position among its namesakes on a repeating element (path segment name[n]); 0 otherwise. */
  readonly index: number;
  readonly line: number;
  readonly parent: Frame | undefined;
  /** undefined: an element Kader does not know here (already reported); its content is skipped. */
  readonly particle: Particle | undefined;
  readonly complex: ComplexType | undefined;
  readonly childNs: string;
  keys: readonly string[];
  /** The particles of `keys`, in the same order. */
  particles: readonly Particle[];
  /** Of a complex element: the simple types of its children, as in its Shape. */
  simpleTypes: readonly (SimpleType | undefined)[];
  /** Of a simple element: its type. */
  readonly simple: SimpleType | undefined;
  idx: number;
  count: number;
  text: string;
  textReported: boolean;
  model: AnyModel | undefined;
  namePath: string | undefined;
}

class Abort extends Error {}

const segmentOf = (name: string, index: number) => (index ? `${name}[${index}]` : name);

interface Shape {
  readonly keys: readonly string[];
  readonly particles: readonly Particle[];
  /** The simple type of each particle that has one. */
  readonly simple: readonly (SimpleType | undefined)[];
}
const NO_SHAPE: Shape = { keys: [], particles: [], simple: [] };
const SHAPES = new WeakMap<ComplexType, Shape>();
/** The child names and particles of a complex type in order, computed once per type. */
function shapeOf(c: ComplexType): Shape {
  let k = SHAPES.get(c);
  if (!k) {
    const keys = Object.keys(c.children);
    const particles = keys.map((key) => c.children[key]!);
    k = { keys, particles, simple: particles.map((p) => (isComplex(p.type) ? undefined : SIMPLE_TYPES[p.type as keyof typeof SIMPLE_TYPES])) };
    SHAPES.set(c, k);
  }
  return k;
}

/** Only XML whitespace (space, tab, CR, LF)? */
function isWhitespace(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

/** A push reader: write chunks of bytes (or text), then end(). */
export class MessageReader {
  private readonly failures: Failure[] = [];
  private readonly parser: XmlTokenizer;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private definition: MessageDefinition | undefined;
  private berichtCode: string | undefined;
  private stack: Frame[] = [];
  private root: AnyModel | undefined;
  private aborted = false;
  private sawRoot = false;
  private bytes = 0;
  private first = true;
  private lastChar = "";
  private line = 1;
  private hygieneSeen = new Set<string>();
  private runner: RuleRunner | undefined;
  private readonly drop: ReadonlySet<string>;

  constructor(private readonly options: ReadOptions = {}) {
    this.drop = new Set(options.dropItems ?? (options.model ? [] : DECLARATIE_ITEMS));
    const p: XmlTokenizer = new XmlTokenizer({
      xmldecl: (encoding) => {
        if (encoding && encoding.toUpperCase() !== "UTF-8")
          this.op192("encoding", 1, `De XML-declaratie noemt encoding "${encoding}"; berichten moeten UTF-8 zijn.`);
      },
      doctype: () => {
        this.fail("XSD", "", p.line, "Een DOCTYPE is niet toegestaan: DTD's, entiteiten en externe verwijzingen worden geweigerd.");
        throw new Abort();
      },
      open: (local, uri, attributes, line) => this.open(local, uri, attributes, line),
      close: () => this.close(),
      text: (t, from, to, cr) => this.text(t, from, to, cr),
    });
    this.parser = p;
  }

  /** A well-formedness error ends reading; it is reported at the element that was open. */
  private malformed(e: unknown) {
    if (e instanceof XmlError) this.fail("XSD", this.path(), e.line, `De XML is niet welgevormd, ${e.message}.`);
    else if (!(e instanceof Abort)) throw e;
  }

  /** Feed the next chunk. Returns false once reading has stopped (a DOCTYPE or malformed XML). */
  write(chunk: Uint8Array | string): boolean {
    if (this.aborted) return false;
    let text: string;
    if (typeof chunk === "string") text = chunk;
    else {
      this.bytes += chunk.length;
      if (this.first && chunk.length > 0) {
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
          this.op192("bom", 1, "Het bestand begint met een byte order mark (BOM); berichten zijn UTF-8 zonder BOM.");
          chunk = chunk.subarray(3);
        } else if ((chunk[0] === 0xfe && chunk[1] === 0xff) || (chunk[0] === 0xff && chunk[1] === 0xfe)) {
          this.op192("encoding", 1, "Het bestand is UTF-16; berichten zijn UTF-8 zonder BOM.");
          this.aborted = true;
          return false;
        }
      }
      try {
        text = this.decoder.decode(chunk, { stream: true });
      } catch {
        this.op192("encoding", this.line, "Het bestand bevat bytes die geen geldige UTF-8 zijn.");
        this.aborted = true;
        return false;
      }
    }
    if (this.first && text.length > 0) {
      this.first = false;
      if (typeof chunk === "string" && text.charCodeAt(0) === 0xfeff) {
        this.op192("bom", 1, "De tekst begint met een byte order mark (BOM); berichten zijn UTF-8 zonder BOM.");
        text = text.slice(1);
      }
    }
    if (this.options.hygiene !== false) this.lineEnds(text);
    try {
      this.parser.write(text);
    } catch (e) {
      this.malformed(e);
      this.aborted = true;
    }
    return !this.aborted;
  }

  end(): ReadResult {
    if (!this.aborted) {
      try {
        if (this.lastChar === "\r") this.op192("cr", this.line, "Een regel eindigt op CR zonder LF; gebruik CRLF.");
        this.parser.end();
      } catch (e) {
        this.malformed(e);
      }
      if (!this.sawRoot && !this.aborted) this.fail("XSD", "", null, "Het bestand bevat geen bericht (geen root-element).");
    }
    if (this.runner) for (const f of this.runner.finish()) if (this.failures.length < MAX_FAILURES) this.failures.push(f);
    if (this.options.hygiene !== false && this.bytes > MAX_FILE_BYTES)
      this.op192("size", null, `Het bestand is ${(this.bytes / 1024 / 1024).toFixed(1)} MB; maximaal 25 MB per bestand.`);
    return {
      ...(this.definition ? { definition: this.definition } : {}),
      ...(this.berichtCode !== undefined ? { berichtCode: this.berichtCode } : {}),
      failures: this.failures,
      ...(this.root ? { model: this.root } : {}),
      lines: this.line,
    };
  }

  // ---- hygiene ----

  private lineEnds(text: string) {
    let from = 0;
    if (this.lastChar === "\r" && text[0] !== "\n") this.op192("cr", this.line, "Een regel eindigt op CR zonder LF; gebruik CRLF.");
    for (;;) {
      const i = text.indexOf("\n", from);
      if (i < 0) break;
      const before = i > 0 ? text.charCodeAt(i - 1) : this.lastChar.charCodeAt(0);
      if (before !== 13) this.op192("lf", this.line, "Regels eindigen op LF; het bestand moet CRLF-regeleinden hebben.");
      this.line++;
      from = i + 1;
    }
    if (!this.hygieneSeen.has("cr")) {
      const cr = /\r(?!\n)/.exec(text);
      if (cr && cr.index < text.length - 1) this.op192("cr", this.line, "Een regel eindigt op CR zonder LF; gebruik CRLF.");
    }
    if (text.length > 0) this.lastChar = text[text.length - 1]!;
  }

  private op192(kind: string, line: number | null, message: string) {
    if (this.hygieneSeen.has(kind)) return;
    this.hygieneSeen.add(kind);
    this.failures.push({ rule: "OP192", retourcode: XSD_RETOURCODE, path: "", line, message });
  }

  // ---- schema ----

  private fail(rule: string, path: string, line: number | null, message: string) {
    if (this.failures.length === MAX_FAILURES)
      this.failures.push({ rule, retourcode: XSD_RETOURCODE, path, line, message: `Meer dan ${MAX_FAILURES} fouten; de rest wordt niet gemeld.` });
    if (this.failures.length > MAX_FAILURES) return;
    this.failures.push({ rule, retourcode: XSD_RETOURCODE, path, line, message });
  }

  private path(frame: Frame | undefined = this.stack[this.stack.length - 1]): string {
    const parts: string[] = [];
    for (let f = frame; f; f = f.parent) parts.push(segmentOf(f.name, f.index));
    return parts.reverse().join("/");
  }

  private open(local: string, uri: string, attributes: Record<string, XmlAttribute> | undefined, line: number) {
    const parent = this.stack[this.stack.length - 1];
    let particle: Particle | undefined;
    let index = 0;
    if (!parent) {
      this.sawRoot = true;
      const def = messageByNamespace(uri);
      if (!def || local !== "Bericht") {
        this.fail(
          "XSD",
          local,
          line,
          def ? `Het root-element moet Bericht zijn, niet ${cut(local)}.` : `Onbekend bericht: namespace "${cut(uri)}" is geen iWmo- of iJw-3.2-bericht.`,
        );
        this.push(local, 0, line, undefined, undefined);
        return;
      }
      this.definition = def;
      if (this.options.rules) this.runner = new RuleRunner(this.options.rules, def.number, def.standaard);
      particle = { type: def.root, min: 1, max: 1 };
    } else if (parent.particle === undefined) {
      // inside an element that was already reported: skip silently
    } else if (!parent.complex) {
      this.fail("XSD", `${this.path(parent)}/${local}`, line, `Element ${parent.name} heeft een enkelvoudige waarde en mag geen element ${local} bevatten.`);
    } else {
      particle = this.match(parent, local, uri, line);
      if (particle) {
        // the schema's own (internalised) name string: cheaper as a property key in the model
        local = parent.keys[parent.idx]!;
        if (particle.max === "n") index = parent.count;
      }
    }
    if (particle && attributes) this.checkAttributes(local, attributes, parent, segmentOf(local, index), line);
    this.push(local, index, line, parent, particle);
  }

  private push(local: string, index: number, line: number, parent: Frame | undefined, particle: Particle | undefined) {
    const complex = particle && isComplex(particle.type) ? particle.type : undefined;
    const def = this.definition;
    const childNs = complex && def ? (complex.home === "basis" ? def.basisNamespace : def.namespace) : "";
    const shape = complex ? shapeOf(complex) : NO_SHAPE;
    const tracked = this.options.emit !== undefined || this.runner !== undefined;
    const wantModel = particle !== undefined && (this.options.model || tracked);
    const namePath = tracked ? (parent?.namePath !== undefined ? this.childPath(parent.namePath, local) : local) : undefined;
    this.stack.push({
      name: local,
      index,
      line,
      parent,
      particle,
      complex,
      childNs,
      keys: shape.keys,
      particles: shape.particles,
      simpleTypes: shape.simple,
      simple: particle && !complex && parent ? parent.simpleTypes[parent.idx] : undefined,
      idx: 0,
      count: 0,
      text: "",
      textReported: false,
      model: wantModel && complex ? {} : undefined,
      namePath,
    });
  }

  /** Interned element-name paths: one string per distinct path, so rule and drop lookups hash it once. */
  private readonly paths = new Map<string, Map<string, string>>();
  private childPath(parent: string, local: string): string {
    let m = this.paths.get(parent);
    if (!m) {
      m = new Map();
      this.paths.set(parent, m);
    }
    let p = m.get(local);
    if (p === undefined) {
      p = `${parent}/${local}`;
      m.set(local, p);
    }
    return p;
  }

  /** Finds the particle for a child element in the parent's sequence, reporting order and cardinality failures. */
  private match(parent: Frame, local: string, uri: string, line: number): Particle | undefined {
    const children = parent.complex!.children;
    const keys = parent.keys;
    const particles = parent.particles;
    const sameNs = uri === parent.childNs;
    let idx = parent.idx;
    let count = parent.count;
    while (idx < keys.length) {
      const key = keys[idx]!;
      const p = particles[idx]!;
      if (key === local && sameNs) {
        if (p.max === "n" || count < 1) {
          parent.idx = idx;
          parent.count = count + 1;
          return p;
        }
      } else if (count < p.min) break;
      idx++;
      count = 0;
    }
    const here = `${this.path(parent)}/${local}`;
    const expected = this.expected(parent);
    const inKeys = keys.indexOf(local);
    if (inKeys >= 0 && !sameNs) this.fail("XSD", here, line, `Element ${local} staat in de verkeerde namespace ("${uri}"); verwacht "${parent.childNs}".`);
    else
      this.fail(
        "XSD",
        here,
        line,
        `Element ${local} is hier niet toegestaan${inKeys >= 0 && inKeys < parent.idx ? " (verkeerde volgorde of te vaak)" : ""}; ${expected ? `verwacht: ${expected}.` : `${parent.name} mag hier geen elementen meer bevatten.`}`,
      );
    // resynchronise on a later element of the same name, so the rest is still checked
    if (sameNs && inKeys > parent.idx) {
      parent.idx = inKeys;
      parent.count = 1;
      return children[local];
    }
    return undefined;
  }

  /** The elements that may come next: from the current position up to and including the first required one. */
  private expected(frame: Frame): string {
    const names: string[] = [];
    for (let i = frame.idx; i < frame.keys.length; i++) {
      const key = frame.keys[i]!;
      const p = frame.particles[i]!;
      const count = i === frame.idx ? frame.count : 0;
      if (p.max === 1 && count >= 1) continue;
      names.push(key);
      if (count < p.min) break;
    }
    return names.join(", ");
  }

  private checkAttributes(local: string, attributes: Record<string, XmlAttribute>, parent: Frame | undefined, segment: string, line: number) {
    for (const k in attributes) {
      const a = attributes[k]!;
      if (a.prefix === "xmlns" || a.name === "xmlns") continue;
      if (a.uri === XSI && (a.local === "schemaLocation" || a.local === "noNamespaceSchemaLocation")) continue;
      const path = parent ? `${this.path(parent)}/${segment}` : segment;
      this.fail("XSD", path, line, `Attribuut ${a.name} is niet toegestaan op element ${local}.`);
    }
  }

  private text(t: string, from: number, to: number, cr: boolean) {
    const frame = this.stack[this.stack.length - 1];
    if (!frame || frame.particle === undefined) return;
    if (frame.complex) {
      if (!frame.textReported && !isWhitespace(t, from, to)) {
        frame.textReported = true;
        this.fail("XSD", this.path(frame), frame.line, `Element ${frame.name} bevat alleen elementen, geen tekst.`);
      }
    } else frame.text += lineEnds(t.slice(from, to), cr);
  }

  private close() {
    const frame = this.stack.pop()!;
    const p = frame.particle;
    if (!p) return;
    const parent = frame.parent;
    let value: ModelValue | undefined;
    if (frame.complex) {
      // required elements that never came
      for (let i = frame.idx; i < frame.keys.length; i++) {
        if ((i === frame.idx ? frame.count : 0) < frame.particles[i]!.min) {
          if (i !== frame.idx) frame.count = 0;
          frame.idx = i;
          this.fail("XSD", this.path(frame), frame.line, `Element ${frame.name} mist een verplicht element; verwacht: ${this.expected(frame)}.`);
          break;
        }
      }
      value = frame.model;
      if (this.runner && value && frame.namePath && this.runner.hasRules(frame.namePath))
        this.runner.visit(frame.namePath, value, () => this.path(frame), frame.line);
      if (this.options.emit && value && frame.namePath === this.options.emit.path) {
        this.options.emit.onItem(value, frame.line);
        return;
      }
      if (frame.namePath && this.drop.has(frame.namePath)) return;
    } else {
      const type = frame.simple ?? SIMPLE_TYPES[p.type as keyof typeof SIMPLE_TYPES];
      const checked = checkSimpleValue(type, frame.text, this.definition!.standaard, p.pattern);
      if (checked.error) this.fail("XSD", this.path(frame), frame.line, `${frame.name}: ${checked.error}`);
      if (frame.name === "BerichtCode" && parent?.name === "Header" && parent.parent && !parent.parent.parent) this.berichtCode = String(checked.value);
      value = checked.value;
    }
    if (!parent) {
      if (value !== undefined && typeof value === "object" && !Array.isArray(value) && this.options.model) this.root = value;
      return;
    }
    const target = parent.model;
    if (!target || value === undefined) return;
    if (p.max === "n") {
      const list = target[frame.name];
      if (Array.isArray(list)) list.push(value);
      else target[frame.name] = [value];
    } else target[frame.name] = value;
  }
}

/** Input echoed in a message: at most 60 characters. */
const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** Reads and validates a whole message that is already in memory. */
export function readMessage(input: Uint8Array | string, options: ReadOptions = {}): ReadResult {
  const reader = new MessageReader(options);
  const size = 1 << 20;
  if (typeof input === "string") reader.write(input);
  else for (let i = 0; i < input.length && reader.write(input.subarray(i, i + size)); i += size);
  return reader.end();
}
