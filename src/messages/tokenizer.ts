/**
 * A streaming XML tokenizer for exactly what iStandaarden messages are: an XML declaration, elements with namespace
 * prefixes, xmlns attributes, text, CDATA, comments and processing instructions (skipped), the five predefined
 * entities and character references. It replaces saxes in the message reader (see docs/decisions.md): the same
 * well-formedness verdicts and messages (`line:column: message`, saxes's wording), at a fraction of the cost.
 *
 * No DTD at all: a DOCTYPE is only skipped to its end (as saxes does, for the same line) and handed to `doctype()`,
 * which refuses the message; nothing in it is interpreted, no entity declared, nothing fetched. Works on chunks
 * of text; an unfinished construct at the end of a chunk is kept until the next one (memory bounded by the largest
 * single tag, comment or reference; long text is handed over in pieces). Lines count LF, CRLF and a lone CR once, as XML does; text has its
 * line ends normalised to LF, attribute values their whitespace to spaces.
 */

export interface XmlAttribute {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
  readonly value: string;
}

export interface XmlHandler {
  xmldecl(encoding: string | undefined): void;
  /** A DOCTYPE was seen; the handler is expected to stop reading (throw). */
  doctype(): void;
  /** An element opens; `attributes` is undefined when it has none. `line` is the line of its closing `>`. */
  open(local: string, uri: string, attributes: Record<string, XmlAttribute> | undefined, line: number): void;
  close(): void;
  /** Text: s[from, to); `cr`: it has CR or CRLF line ends still, each of which reads as one LF (see `lineEnds`). */
  text(s: string, from: number, to: number, cr: boolean): void;
}

/**
 * A well-formedness error. `reason` is in saxes's words (the verdicts are saxes's); `message` is Dutch for the person
 * who has to fix the file, with line and column: "regel 3, kolom 5: het element <Client> wordt niet gesloten".
 */
export class XmlError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`regel ${line}, kolom ${column}: ${dutchReason(reason)}`);
  }
}

/** A name or value from the input, as an excerpt of at most 60 characters. */
const excerpt = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** saxes's reasons in Dutch; names from the input are cut to an excerpt. */
const DUTCH: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^document must contain a root element\.$/, () => "het bestand bevat geen element (geen <Bericht>)"],
  [/^unclosed tag: (.*)$/s, (m) => `het element <${excerpt(m[1]!)}> wordt niet gesloten (het bestand houdt op voor zijn eindtag)`],
  [/^unexpected end\.$/, () => "het bestand houdt onverwacht op"],
  [/^the string "\]\]>" is disallowed in char data\.$/, () => 'de tekenreeks "]]>" mag niet in tekst staan'],
  [/^text data outside of root node\.$/, () => "er staat tekst buiten het element <Bericht>"],
  [/^disallowed character\.$/, () => "dit teken is in XML niet toegestaan"],
  [/^empty entity name\.$/, () => "een & zonder naam; schrijf een & in tekst als &amp;"],
  [/^undefined entity\.$/, () => "onbekende entiteit; alleen &amp; &lt; &gt; &quot; &apos; en tekenverwijzingen (&#...;) zijn toegestaan"],
  [/^disallowed character in entity name\.$/, () => "teken niet toegestaan in de naam van een entiteit; schrijf een & in tekst als &amp;"],
  [/^malformed character entity\.$/, () => "ongeldige tekenverwijzing (&#...;)"],
  [/^disallowed character in tag name\.?$/, () => "teken niet toegestaan in de naam van een element"],
  [/^documents may contain only one root\.$/, () => "na het element <Bericht> begint nog een element; een bericht heeft één hoofdelement"],
  [/^forward-slash in opening tag not followed by >\.$/, () => "na een / in een begintag moet > volgen"],
  [/^disallowed character in attribute name\.$/, () => "teken niet toegestaan in de naam van een attribuut"],
  [/^attribute without value\.$/, () => "een attribuut zonder waarde"],
  [/^unquoted attribute value\.$/, () => "een attribuutwaarde staat niet tussen aanhalingstekens"],
  [/^invalid attempt to undefine prefix in XML 1\.0$/, () => "een namespace-prefix mag in XML 1.0 niet leeg worden gemaakt"],
  [/^no whitespace between attributes\.$/, () => "tussen twee attributen ontbreekt een spatie"],
  [/^tags may not have "xmlns" as prefix\.$/, () => 'een element mag niet het prefix "xmlns" hebben'],
  [/^unbound namespace prefix: "(.*)"\.$/s, (m) => `het namespace-prefix "${excerpt(m[1]!)}" is niet gedeclareerd (xmlns:${excerpt(m[1]!)}="..." ontbreekt)`],
  [/^duplicate attribute: (.*)\.$/s, (m) => `het attribuut ${excerpt(m[1]!)} staat er twee keer`],
  [/^xml prefix must be bound to (.*)\.$/s, (m) => `het prefix xml hoort bij ${m[1]}`],
  [/^xmlns prefix must be bound to (.*)\.$/s, (m) => `het prefix xmlns hoort bij ${m[1]}`],
  [/^the default namespace may not be set to (.*)\.$/s, (m) => `de standaard-namespace mag niet ${excerpt(m[1]!)} zijn`],
  [/^may not assign the xml namespace to another prefix\.$/, () => "de xml-namespace mag niet aan een ander prefix worden gebonden"],
  [/^malformed name: (.*)\.$/s, (m) => `ongeldige naam: ${excerpt(m[1]!)}`],
  [/^disallowed character in closing tag\.$/, () => "teken niet toegestaan in een eindtag"],
  [/^weird empty close tag\.$/, () => "een lege eindtag (</>)"],
  [/^unmatched closing tag: (.*)\.$/s, (m) => `de eindtag </${excerpt(m[1]!)}> hoort bij geen enkel open element`],
  [/^unexpected close tag: (.*) \| (.*)$/s, (m) => `de eindtag </${excerpt(m[2]!)}> past niet bij het open element <${excerpt(m[1]!)}>`],
  [/^unexpected close tag\.$/, () => "de eindtag past niet bij het open element"],
  [/^inappropriately located doctype declaration\.$/, () => "een DOCTYPE-declaratie op een verkeerde plaats"],
  [/^incorrect syntax\.$/, () => "ongeldige opbouw (na <! volgt geen commentaar, CDATA of DOCTYPE)"],
  [/^malformed comment\.$/, () => "ongeldig commentaar: -- mag niet in commentaar staan"],
  [/^processing instruction without a target\.$/, () => "een verwerkingsinstructie (<?...?>) zonder naam"],
  [/^disallowed character in processing instruction name\.$/, () => "teken niet toegestaan in de naam van een verwerkingsinstructie"],
  [
    /^(an|the) XML declaration must (be|appear) at the start of the document\.$/,
    () => "de XML-declaratie (<?xml ...?>) moet helemaal aan het begin van het bestand staan",
  ],
  [/^XML declaration is incomplete\.$/, () => "de XML-declaratie is onvolledig"],
  [/^did not expect any more name\/value pairs\.$/, () => "de XML-declaratie heeft te veel onderdelen"],
  [/^expected the name (.*)\.$/, (m) => `in de XML-declaratie wordt ${m[1]} verwacht`],
  [/^expected one of (.*)$/, (m) => `in de XML-declaratie wordt een van ${m[1]} verwacht`],
  [/^value required\.$/, () => "in de XML-declaratie ontbreekt een waarde (=)"],
  [/^value must be quoted\.$/, () => "een waarde in de XML-declaratie moet tussen aanhalingstekens staan"],
  [/^version number must match/, () => 'het versienummer in de XML-declaratie moet de vorm "1.0" hebben'],
  [/^encoding value must match/, () => "de naam van de tekenset (encoding) in de XML-declaratie is ongeldig"],
  [/^standalone value must match/, () => 'standalone in de XML-declaratie is "yes" of "no"'],
  [/^whitespace required\.$/, () => "in de XML-declaratie ontbreekt een spatie"],
  [/^The character \? is disallowed anywhere in XML declarations\.$/, () => "het teken ? mag niet in de XML-declaratie staan"],
  [/^XML declaration must contain a version\.$/, () => "de XML-declaratie mist version"],
];

/** The Dutch for a saxes reason (a reason without translation is a bug in this table: it is shown as it is). */
export function dutchReason(reason: string): string {
  for (const [re, text] of DUTCH) {
    const m = reason.match(re);
    if (m) return text(m);
  }
  return reason;
}

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
const NAME_START =
  ":A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
const NAME_CHAR = `-${NAME_START}.0-9\u00B7\u0300-\u036F\u203F-\u2040`;
const NAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, "u");
const NAME_START_CP = new RegExp(`^[${NAME_START}]$`, "u");
const NAME_CHAR_CP = new RegExp(`^[${NAME_CHAR}]$`, "u");
/** ASCII name characters: 1 may start a name, 2 may continue one. */
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_NAME[c] = (NAME_START_CP.test(ch) ? 1 : 0) | (NAME_CHAR_CP.test(ch) ? 2 : 0);
}
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const MAX_NAMES = 10_000;
const DECL_NAME_START = 0;
const DECL_NAME = 1;
const DECL_EQ = 2;
const DECL_VALUE_START = 3;
const DECL_VALUE = 4;
const DECL_SEPARATOR = 5;
const DECL_ENDING = 6;
const DECL_AFTER_TARGET = 7;
const DT_DOCTYPE = 0;
const DT_QUOTED = 1;
const DT_SUBSET = 2;
const DT_SUBSET_QUOTED = 3;
const DT_WAKA = 4;
const DT_BANG = 5;
const DT_BANG_DASH = 6;
const DT_COMMENT = 7;
const DT_COMMENT_DASH = 8;
const DT_COMMENT_END = 9;
const DT_PI = 10;
const DT_PI_END = 11;

interface QName {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  /** The namespace scope `uri` was resolved in last. */
  scope?: Record<string, string>;
  uri?: string;
  /** The element that came first inside this one last time, and the one that came after it. */
  firstChild?: QName;
  next?: QName;
}

/** XML's line-end normalisation: CRLF and a lone CR become LF. */
export const lineEnds = (s: string, cr: boolean) => (cr ? s.replace(/\r\n?/g, "\n") : s);

const isS = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Does s have `name` at index i? (A plain loop, no substring.) */
function sameAt(s: string, i: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (s.charCodeAt(i + k) !== name.charCodeAt(k)) return false;
  return true;
}

/** Code points in s[from, to). */
function codePoints(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= to) n++;
    else {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      n++;
    }
  }
  return n;
}

/** Returned when a construct is cut off by the end of the text so far: it is read again with the next chunk. */
const INCOMPLETE = -1;

export class XmlTokenizer {
  private buf = "";
  private pos = 0;
  private final = false;
  /** Line at `pos` (or at the scanning position while inside a construct). */
  line = 1;
  /** Index in buf where the current line starts; -1: before buf, with `colBefore` code points of it already gone. */
  private lineStart = 0;
  private colBefore = 0;
  /** Open elements: qualified names and namespace scopes. */
  private readonly stack: QName[] = [];
  /** The last element opened or closed: messages repeat their structure, so the next name is usually known. */
  private lastQ: QName | undefined;
  private lastWasOpen = false;
  private readonly scopes: Record<string, string>[] = [];
  private sawRoot = false;
  private closedRoot = false;
  private xmlDeclPossible = true;
  private textOutsideReported = false;
  private readonly rootNs: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
    xml: XML_NAMESPACE,
    xmlns: XMLNS_NAMESPACE,
  });
  private readonly names = new Map<string, QName>();
  /** Where the last attribute value ended (its closing quote). */
  private valueEnd = 0;

  constructor(private readonly h: XmlHandler) {}

  write(chunk: string): void {
    if (this.pos > 0) this.trim();
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    this.run();
  }

  end(): void {
    this.final = true;
    this.run();
    const atEnd = this.buf.length;
    // an unfinished construct: lines are counted up to the end, as a character-by-character parser would
    for (let i = this.pos; i < atEnd; i++) {
      const c = this.buf.charCodeAt(i);
      if (c === 10) this.newline(i + 1);
      else if (c === 13) {
        if (this.buf.charCodeAt(i + 1) === 10) i++;
        this.newline(i + 1);
      }
    }
    if (!this.sawRoot) this.fail("document must contain a root element.", atEnd);
    if (this.stack.length) this.fail(`unclosed tag: ${this.stack[this.stack.length - 1]!.name}`, atEnd);
    if (this.pos < this.buf.length) this.fail("unexpected end.", atEnd);
  }

  private trim() {
    const pos = this.pos;
    if (this.lineStart >= pos) this.lineStart -= pos;
    else {
      this.colBefore = this.lineStart < 0 ? this.colBefore + codePoints(this.buf, 0, pos) : codePoints(this.buf, this.lineStart, pos);
      this.lineStart = -1;
    }
    this.buf = this.buf.slice(pos);
    this.pos = 0;
  }

  /** Throws the error at index `at` (just after the character where it was found). */
  private fail(reason: string, at: number): never {
    const column = this.lineStart < 0 ? this.colBefore + codePoints(this.buf, 0, at) : codePoints(this.buf, this.lineStart, at);
    throw new XmlError(this.line, column, reason);
  }

  /** Fails for the character at i: a character XML does not allow at all comes first. */
  private failAt(reason: string, i: number): never {
    const c = this.buf.charCodeAt(i);
    if (c < 32 ? c !== 9 && c !== 10 && c !== 13 : c >= 0xd800) this.checkChar(c, i);
    return this.fail(reason, i + 1);
  }

  /** The index after the white space at i (space, tab, line ends), counting lines; CRLF is one line end. */
  private skipSpace(at: number): number {
    const buf = this.buf;
    let i = at;
    let c = buf.charCodeAt(i);
    while (isS(c)) {
      if (c === 10) this.newline(i + 1);
      else if (c === 13) {
        if (buf.charCodeAt(i + 1) === 10) i++;
        this.newline(i + 1);
      }
      c = buf.charCodeAt(++i);
    }
    return i;
  }

  private newline(next: number) {
    this.line++;
    this.lineStart = next;
  }

  private run() {
    const buf = this.buf;
    const len = buf.length;
    while (this.pos < len) {
      const at = this.pos;
      if (buf.charCodeAt(at) === 60) {
        const line = this.line;
        const lineStart = this.lineStart;
        const next = this.markup(at);
        if (next === INCOMPLETE) {
          this.line = line;
          this.lineStart = lineStart;
          return;
        }
        this.pos = next;
      } else {
        const next = this.stack.length ? this.text(at) : this.outside(at);
        if (next === at) return;
        this.pos = next;
      }
    }
  }

  // ---- text ----

  /** Text inside the root, up to the next `<`; hands it over and returns where it stopped. */
  private text(from: number): number {
    const buf = this.buf;
    const len = buf.length;
    let out: string | undefined;
    let cr = false;
    let start = from;
    let i = from;
    for (; i < len; i++) {
      const c = buf.charCodeAt(i);
      if (c > 93 ? c < 0xd800 : c >= 32 ? c !== 60 && c !== 38 && c !== 93 : c === 9) continue;
      if (c === 60) break;
      if (c === 10) this.newline(i + 1);
      else if (c === 13) {
        if (i + 1 >= len && !this.final) break;
        cr = true;
        if (buf.charCodeAt(i + 1) === 10) i++;
        this.newline(i + 1);
      } else if (c === 38) {
        const semi = buf.indexOf(";", i + 1);
        if (semi < 0) break;
        out = (out ?? "") + lineEnds(buf.slice(start, i), cr) + this.entity(i, semi);
        cr = false;
        i = semi;
        start = i + 1;
      } else if (c === 93) {
        if (buf.charCodeAt(i + 1) === 93 && buf.charCodeAt(i + 2) === 62) this.fail('the string "]]>" is disallowed in char data.', i + 3);
        if (i + 2 >= len && !this.final) break;
      } else {
        const j = this.checkChar(c, i);
        if (j === INCOMPLETE) break;
        i = j;
      }
    }
    if (out !== undefined) {
      const t = out + lineEnds(buf.slice(start, i), cr);
      if (t.length) this.h.text(t, 0, t.length, false);
    } else if (i > start) this.h.text(buf, start, i, cr);
    return i;
  }

  /** Whitespace (only) outside the root element. */
  private outside(from: number): number {
    const buf = this.buf;
    const len = buf.length;
    let i = from;
    let nonSpace = false;
    for (; i < len; i++) {
      const c = buf.charCodeAt(i);
      if (c === 60) break;
      if (c === 10) this.newline(i + 1);
      else if (c === 13) {
        if (i + 1 >= len && !this.final) break;
        if (buf.charCodeAt(i + 1) === 10) i++;
        this.newline(i + 1);
      } else if (c !== 32 && c !== 9) {
        nonSpace = true;
        if (c === 38 && !this.textOutsideReported) {
          this.textOutsideReported = true;
          this.fail("text data outside of root node.", i + 1);
        }
        if (c < 32 || c >= 0xd800) {
          const j = this.checkChar(c, i);
          if (j === INCOMPLETE) break;
          i = j;
        }
      }
    }
    if (i > from) this.xmlDeclPossible = false;
    if (nonSpace && !this.textOutsideReported) {
      this.textOutsideReported = true;
      this.fail("text data outside of root node.", i < len ? i + 1 : len);
    }
    return i;
  }

  /** Checks one unusual character at i; returns the index of its last code unit, or INCOMPLETE. */
  private checkChar(c: number, i: number): number {
    if (c < 32) {
      if (c !== 9 && c !== 10 && c !== 13) this.fail("disallowed character.", i + 1);
      return i;
    }
    if (c < 0xd800) return i;
    if (c <= 0xdbff) {
      if (i + 1 >= this.buf.length) {
        if (!this.final) return INCOMPLETE;
        return i;
      }
      const d = this.buf.charCodeAt(i + 1);
      if (d < 0xdc00 || d > 0xdfff) this.fail("disallowed character.", i + 1);
      return i + 1;
    }
    if (c <= 0xdfff || c === 0xfffe || c === 0xffff) this.fail("disallowed character.", i + 1);
    return i;
  }

  /** Resolves the reference from `amp` up to the next `;` at `semi` (as saxes: whatever lies between is the name). */
  private entity(amp: number, semi: number): string {
    const buf = this.buf;
    if (semi < 0) this.fail("unexpected end.", buf.length);
    let name = buf.slice(amp + 1, semi);
    for (let k = amp + 1; k < semi; k++) {
      const c = buf.charCodeAt(k);
      if (c === 10) this.newline(k + 1);
      else if (c === 13) {
        if (buf.charCodeAt(k + 1) === 10) k++;
        this.newline(k + 1);
      } else if (c < 32 || c >= 0xd800) k = this.checkChar(c, k);
    }
    if (name.includes("\r")) name = name.replace(/\r\n?/g, "\n");
    if (name.length === 0) this.fail("empty entity name.", semi + 1);
    if (name.charCodeAt(0) !== 35) {
      const v = ENTITIES[name];
      if (v !== undefined) return v;
      this.fail(NAME.test(name) && !name.includes(":") ? "undefined entity." : "disallowed character in entity name.", semi + 1);
    }
    let num = Number.NaN;
    if (name[1] === "x" && /^#x[0-9a-f]+$/i.test(name)) num = Number.parseInt(name.slice(2), 16);
    else if (/^#[0-9]+$/.test(name)) num = Number.parseInt(name.slice(1), 10);
    if (!(num === 9 || num === 10 || num === 13 || (num >= 0x20 && num <= 0xd7ff) || (num >= 0xe000 && num <= 0xfffd) || (num >= 0x10000 && num <= 0x10ffff)))
      this.fail("malformed character entity.", semi + 1);
    return String.fromCodePoint(num);
  }

  // ---- markup ----

  /** Everything that starts with `<` at `at`; returns the index after it, or INCOMPLETE. */
  private markup(at: number): number {
    const buf = this.buf;
    const len = buf.length;
    if (at + 1 >= len) return INCOMPLETE;
    const c = buf.charCodeAt(at + 1);
    if (c === 47) {
      this.xmlDeclPossible = false;
      return this.closeTag(at);
    }
    if (c === 33) {
      this.xmlDeclPossible = false;
      return this.bang(at);
    }
    if (c === 63) return this.pi(at);
    this.xmlDeclPossible = false;
    return this.openTag(at);
  }

  private openTag(at: number): number {
    const buf = this.buf;
    const len = buf.length;
    let i = at + 1;
    const last = this.lastQ;
    const guess = last === undefined ? undefined : this.lastWasOpen ? last.firstChild : last.next;
    let known: QName | undefined;
    let name: string;
    if (guess !== undefined && sameAt(buf, i, guess.name) && this.nameEnd(i + guess.name.length) === i + guess.name.length) {
      i += guess.name.length;
      if (i >= len) return INCOMPLETE;
      known = guess;
      name = guess.name;
    } else {
      if (!this.nameStartAt(i)) {
        const c = buf.charCodeAt(i);
        if (c === 10) this.newline(i + 1);
        else if (c === 13) {
          if (buf.charCodeAt(i + 1) === 10) i++;
          this.newline(i + 1);
        } else this.failAt("disallowed character in tag name", i);
        this.fail("disallowed character in tag name", i + 1);
      }
      i = this.nameEnd(i);
      if (i >= len) return INCOMPLETE;
      name = buf.slice(at + 1, i);
      known = this.names.get(name);
    }
    this.sawRoot = true;
    if (this.closedRoot && this.stack.length === 0) this.fail("documents may contain only one root.", i + 1);
    const after = buf.charCodeAt(i);
    if (after !== 62 && after !== 47 && !isS(after)) this.failAt("disallowed character in tag name.", i);
    let attrs: { name: string; value: string }[] | undefined;
    let selfClosing = false;
    const inherited = this.scopes.length ? this.scopes[this.scopes.length - 1]! : this.rootNs;
    let ns = inherited;
    // attributes
    for (;;) {
      let c = buf.charCodeAt(i);
      i = this.skipSpace(i);
      c = buf.charCodeAt(i);
      if (i >= len) return INCOMPLETE;
      if (c === 62) {
        i++;
        break;
      }
      if (c === 47) {
        if (i + 1 >= len) return INCOMPLETE;
        if (buf.charCodeAt(i + 1) !== 62) this.failAt("forward-slash in opening tag not followed by >.", i + 1);
        selfClosing = true;
        i += 2;
        break;
      }
      // name
      const nameStart = i;
      if (!this.nameStartAt(i)) this.failAt("disallowed character in attribute name.", i);
      i = this.nameEnd(i);
      if (i >= len) return INCOMPLETE;
      const aname = buf.slice(nameStart, i);
      c = buf.charCodeAt(i);
      if (c === 62) this.fail("attribute without value.", i + 1);
      if (c !== 61 && !isS(c)) this.failAt("disallowed character in attribute name.", i);
      i = this.skipSpace(i);
      c = buf.charCodeAt(i);
      if (i >= len) return INCOMPLETE;
      if (c !== 61) this.failAt("attribute without value.", i);
      c = buf.charCodeAt(++i);
      i = this.skipSpace(i);
      c = buf.charCodeAt(i);
      if (i >= len) return INCOMPLETE;
      if (c !== 34 && c !== 39) this.failAt("unquoted attribute value.", i);
      const value = this.attributeValue(i + 1, c);
      if (value === undefined) return INCOMPLETE;
      i = this.valueEnd + 1;
      if (!attrs) attrs = [];
      attrs.push({ name: aname, value });
      // namespace declarations take effect for this element already
      const aq = this.qname(aname, i);
      if (aq.prefix === "xmlns" || aname === "xmlns") {
        const nsUri = value.trim();
        if (aq.prefix === "xmlns" && nsUri === "") this.fail("invalid attempt to undefine prefix in XML 1.0", i);
        if (ns === inherited) ns = Object.create(ns) as Record<string, string>;
        const declared = aq.prefix === "xmlns" ? aq.local : "";
        ns[declared] = nsUri;
        this.nsPairCheck(declared, nsUri, i);
      }
      c = buf.charCodeAt(i);
      if (i < len && !isS(c) && c !== 62 && c !== 47)
        this.failAt(this.nameStartAt(i) ? "no whitespace between attributes." : "disallowed character in attribute name.", i);
    }
    const q = known ?? this.qname(name, i);
    let uri: string;
    if (q.scope === ns) uri = q.uri!;
    else {
      uri = ns[q.prefix] ?? "";
      if (q.prefix !== "") {
        if (q.prefix === "xmlns") this.fail('tags may not have "xmlns" as prefix.', i);
        if (uri === "") this.fail(`unbound namespace prefix: ${JSON.stringify(q.prefix)}.`, i);
      }
      q.scope = ns;
      q.uri = uri;
    }
    if (last !== undefined && guess !== q && this.names.get(q.name) === q) {
      if (this.lastWasOpen) last.firstChild = q;
      else last.next = q;
    }
    let attributes: Record<string, XmlAttribute> | undefined;
    if (attrs) {
      attributes = Object.create(null) as Record<string, XmlAttribute>;
      const seen = new Set<string>();
      for (const a of attrs) {
        const aq = this.qname(a.name, i);
        let auri: string;
        let eqname: string;
        if (aq.prefix === "") {
          auri = a.name === "xmlns" ? XMLNS_NAMESPACE : "";
          eqname = a.name;
        } else {
          const r = ns[aq.prefix];
          if (r === undefined) this.fail(`unbound namespace prefix: ${JSON.stringify(aq.prefix)}.`, i);
          auri = r;
          eqname = `{${auri}}${aq.local}`;
        }
        if (seen.has(eqname)) this.fail(`duplicate attribute: ${eqname}.`, i);
        seen.add(eqname);
        attributes[a.name] = { name: a.name, prefix: aq.prefix, local: aq.local, uri: auri, value: a.value };
      }
    }
    this.stack.push(q);
    this.scopes.push(ns);
    this.lastQ = q;
    this.lastWasOpen = !selfClosing;
    this.h.open(q.local, uri, attributes, this.line);
    if (selfClosing) {
      this.stack.pop();
      this.scopes.pop();
      this.h.close();
      if (this.stack.length === 0) this.closedRoot = true;
    }
    return i;
  }

  private nameStartAt(i: number): boolean {
    const c = this.buf.charCodeAt(i);
    if (c < 128) return (ASCII_NAME[c]! & 1) === 1;
    return NAME_START_CP.test(String.fromCodePoint(this.buf.codePointAt(i)!));
  }

  /** The index after the name characters from i. */
  private nameEnd(i: number): number {
    const buf = this.buf;
    const len = buf.length;
    while (i < len) {
      const c = buf.charCodeAt(i);
      if (c < 128) {
        if (ASCII_NAME[c] === 0) return i;
        i++;
      } else {
        const cp = buf.codePointAt(i)!;
        if (!NAME_CHAR_CP.test(String.fromCodePoint(cp))) return i;
        i += cp > 0xffff ? 2 : 1;
      }
    }
    return i;
  }

  private nsPairCheck(prefix: string, uri: string, at: number) {
    if (prefix === "xml") {
      if (uri !== XML_NAMESPACE) this.fail(`xml prefix must be bound to ${XML_NAMESPACE}.`, at);
    } else if (prefix === "xmlns") {
      if (uri !== XMLNS_NAMESPACE) this.fail(`xmlns prefix must be bound to ${XMLNS_NAMESPACE}.`, at);
    } else if (uri === XMLNS_NAMESPACE || uri === XML_NAMESPACE) {
      if (prefix === "") this.fail(`the default namespace may not be set to ${uri}.`, at);
      this.fail("may not assign the xml namespace to another prefix.", at);
    }
  }

  /** Splits a name into prefix and local part, once per distinct name. */
  private qname(name: string, at: number): QName {
    let q = this.names.get(name);
    if (q) return q;
    // a copy, not a slice: a kept name must not keep the whole chunk it was read from alive
    name = Array.from(name).join("");
    const colon = name.indexOf(":");
    if (colon < 0) q = { name, prefix: "", local: name };
    else {
      const local = name.slice(colon + 1);
      const prefix = name.slice(0, colon);
      if (prefix === "" || local === "" || local.includes(":")) this.fail(`malformed name: ${name}.`, at);
      q = { name, prefix, local };
    }
    if (this.names.size < MAX_NAMES) this.names.set(name, q);
    return q;
  }

  /** An attribute value from `from` up to its closing quote (then `valueEnd`): references resolved, whitespace normalised, characters checked; undefined when cut off. */
  private attributeValue(from: number, quote: number): string | undefined {
    const buf = this.buf;
    const len = buf.length;
    let out = "";
    let start = from;
    for (let i = from; i < len; i++) {
      const c = buf.charCodeAt(i);
      if (c === quote) {
        this.valueEnd = i;
        return out + buf.slice(start, i);
      }
      if (c > 38 ? c !== 60 && c < 0xd800 : c >= 32 ? c !== 38 : false) continue;
      if (c === 60) this.fail("disallowed character.", i + 1);
      if (c === 38) {
        const semi = buf.indexOf(";", i + 1);
        if (semi < 0) return undefined;
        out += buf.slice(start, i) + this.entity(i, semi);
        i = semi;
        start = i + 1;
      } else if (c === 9 || c === 10 || c === 13) {
        if (c === 13 && i + 1 >= len && !this.final) return undefined;
        out += `${buf.slice(start, i)} `;
        if (c === 13 && buf.charCodeAt(i + 1) === 10) i++;
        if (c !== 9) this.newline(i + 1);
        start = i + 1;
      } else {
        const j = this.checkChar(c, i);
        if (j === INCOMPLETE) return undefined;
        i = j;
      }
    }
    return undefined;
  }

  private closeTag(at: number): number {
    const buf = this.buf;
    const len = buf.length;
    const open = this.stack[this.stack.length - 1];
    if (open !== undefined && buf.charCodeAt(at + 2 + open.name.length) === 62 && sameAt(buf, at + 2, open.name)) {
      // the usual case: `</name>` of the element that is open
      this.stack.pop();
      this.scopes.pop();
      this.lastQ = open;
      this.lastWasOpen = false;
      this.h.close();
      if (this.stack.length === 0) this.closedRoot = true;
      return at + 3 + open.name.length;
    }
    let i = this.nameEnd(at + 2);
    if (i >= len) return INCOMPLETE;
    const name = buf.slice(at + 2, i);
    let c = buf.charCodeAt(i);
    if (c !== 62 && !isS(c)) this.failAt("disallowed character in closing tag.", i);
    i = this.skipSpace(i);
    c = buf.charCodeAt(i);
    if (i >= len) return INCOMPLETE;
    if (c !== 62) this.failAt("disallowed character in closing tag.", i);
    i++;
    if (name === "") this.fail("weird empty close tag.", i);
    const top = this.stack.pop();
    if (top === undefined) this.fail(`unmatched closing tag: ${name}.`, i);
    this.scopes.pop();
    this.lastQ = top;
    this.lastWasOpen = false;
    this.h.close();
    if (top.name !== name) this.fail(`unexpected close tag: ${top.name} | ${name}`, i);
    if (this.stack.length === 0) this.closedRoot = true;
    return i;
  }

  /** `<!`: comment, CDATA section or (refused) DOCTYPE. */
  private bang(at: number): number {
    const buf = this.buf;
    const len = buf.length;
    if (buf.startsWith("<!--", at)) return this.comment(at);
    if (len - at < 9) return INCOMPLETE;
    if (buf.startsWith("<![CDATA[", at)) return this.cdata(at);
    if (buf.startsWith("<!DOCTYPE", at)) {
      if (this.sawRoot) this.fail("inappropriately located doctype declaration.", at + 9);
      return this.doctype(at + 9);
    }
    return this.fail("incorrect syntax.", at + 9);
  }

  /**
   * Finds the end of a DOCTYPE (quotes, internal subset, its comments and PIs skipped as saxes does) and hands it to
   * the handler, which stops reading. Nothing in it is interpreted: no entity is declared, nothing is fetched.
   */
  private doctype(from: number): number {
    const buf = this.buf;
    const len = buf.length;
    let state = DT_DOCTYPE;
    let quote = 0;
    for (let i = from; i < len; i++) {
      const c = buf.charCodeAt(i);
      if (c === 10) this.newline(i + 1);
      else if (c === 13) {
        if (i + 1 >= len && !this.final) return INCOMPLETE;
        if (buf.charCodeAt(i + 1) === 10) i++;
        this.newline(i + 1);
      } else if (c < 32 || c >= 0xd800) {
        const j = this.checkChar(c, i);
        if (j === INCOMPLETE) return INCOMPLETE;
        i = j;
      }
      switch (state) {
        case DT_DOCTYPE:
          if (c === 62) {
            this.h.doctype();
            return i + 1;
          }
          if (c === 91) state = DT_SUBSET;
          else if (c === 34 || c === 39) {
            quote = c;
            state = DT_QUOTED;
          }
          break;
        case DT_QUOTED:
          if (c === quote) state = DT_DOCTYPE;
          break;
        case DT_SUBSET:
          if (c === 93) state = DT_DOCTYPE;
          else if (c === 60) state = DT_WAKA;
          else if (c === 34 || c === 39) {
            quote = c;
            state = DT_SUBSET_QUOTED;
          }
          break;
        case DT_SUBSET_QUOTED:
          if (c === quote) state = DT_SUBSET;
          break;
        case DT_WAKA:
          state = c === 33 ? DT_BANG : c === 63 ? DT_PI : DT_SUBSET;
          break;
        case DT_BANG:
          state = c === 45 ? DT_BANG_DASH : DT_SUBSET;
          break;
        case DT_BANG_DASH:
          state = c === 45 ? DT_COMMENT : DT_SUBSET;
          break;
        case DT_COMMENT:
          if (c === 45) state = DT_COMMENT_DASH;
          break;
        case DT_COMMENT_DASH:
          state = c === 45 ? DT_COMMENT_END : DT_COMMENT;
          break;
        case DT_COMMENT_END:
          if (c !== 62) this.fail("malformed comment.", i + 1);
          state = DT_SUBSET;
          break;
        case DT_PI:
          if (c === 63) state = DT_PI_END;
          break;
        default:
          // DT_PI_END: saxes waits for the > right after a ?, and keeps waiting
          if (c === 62) state = DT_SUBSET;
      }
    }
    return INCOMPLETE;
  }

  private comment(at: number): number {
    const buf = this.buf;
    const len = buf.length;
    let i = at + 4;
    for (; i < len; i++) {
      const c = buf.charCodeAt(i);
      if (c === 45 && buf.charCodeAt(i + 1) === 45) {
        if (i + 2 >= len) return INCOMPLETE;
        if (buf.charCodeAt(i + 2) !== 62) this.fail("malformed comment.", i + 3);
        return i + 3;
      }
      if (c === 10) this.newline(i + 1);
      else if (c === 13) {
        if (buf.charCodeAt(i + 1) === 10) i++;
        this.newline(i + 1);
      } else if (c < 32 || c >= 0xd800) {
        const j = this.checkChar(c, i);
        if (j === INCOMPLETE) return INCOMPLETE;
        i = j;
      }
    }
    return INCOMPLETE;
  }

  private cdata(at: number): number {
    if ((!this.sawRoot || this.closedRoot) && !this.textOutsideReported) {
      this.textOutsideReported = true;
      this.fail("text data outside of root node.", at + 9);
    }
    const buf = this.buf;
    const end = buf.indexOf("]]>", at + 9);
    if (end < 0) return INCOMPLETE;
    let out = "";
    let start = at + 9;
    for (let i = start; i < end; i++) {
      const c = buf.charCodeAt(i);
      if (c >= 32 && c < 0xd800) continue;
      if (c === 10) this.newline(i + 1);
      else if (c === 13) {
        out += `${buf.slice(start, i)}\n`;
        if (buf.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
        this.newline(i + 1);
      } else i = this.checkChar(c, i);
    }
    out += buf.slice(start, end);
    if (out.length) this.h.text(out, 0, out.length, false);
    return end + 3;
  }

  /** `<?`: the XML declaration at the very start, or a processing instruction (skipped). */
  private pi(at: number): number {
    const buf = this.buf;
    const len = buf.length;
    const first = at + 2;
    if (first >= len) return INCOMPLETE;
    if (!this.nameStartAt(first) || buf.charCodeAt(first) === 58) {
      const c = buf.charCodeAt(first);
      if (c === 63 || isS(c)) this.fail("processing instruction without a target.", first + 1);
      this.failAt("disallowed character in processing instruction name.", first);
    }
    const t = this.nameEnd(first);
    // with namespaces, a target is an NCName: no colon
    const colon = buf.indexOf(":", first);
    if (colon >= 0 && colon < t) this.fail("disallowed character in processing instruction name.", colon + 1);
    if (t >= len) return INCOMPLETE;
    const target = buf.slice(first, t);
    const after = buf.charCodeAt(t);
    if (after !== 63 && !isS(after)) this.failAt("disallowed character in processing instruction name.", t);
    if (target === "xml") {
      if (!this.xmlDeclPossible) this.fail("an XML declaration must be at the start of the document.", t + 1);
      return this.xmlDecl(t);
    }
    this.xmlDeclPossible = false;
    const end = buf.indexOf("?>", t);
    for (let i = t; i < (end < 0 ? len : end); i++) {
      const c = buf.charCodeAt(i);
      if (c === 10) this.newline(i + 1);
      else if (c === 13) {
        if (buf.charCodeAt(i + 1) === 10) i++;
        this.newline(i + 1);
      } else if (c < 32 || c >= 0xd800) {
        const j = this.checkChar(c, i);
        if (j === INCOMPLETE) return INCOMPLETE;
        i = j;
      }
    }
    if (end < 0) return INCOMPLETE;
    if (target.toLowerCase() === "xml") this.fail("the XML declaration must appear at the start of the document.", end + 2);
    return end + 2;
  }

  /** The XML declaration's pseudo-attributes from `t` (just after "xml") to the "?>" at `end`, as saxes reads them. */
  private xmlDecl(t: number): number {
    const buf = this.buf;
    const len = buf.length;
    let expects = ["version"];
    let state = DECL_AFTER_TARGET;
    let name = "";
    let value = "";
    let quote = 0;
    let encoding: string | undefined;
    for (let i = t; i < len; i++) {
      const c = buf.charCodeAt(i);
      if (c === 10) this.newline(i + 1);
      else if (c === 13) {
        if (i + 1 >= len && !this.final) return INCOMPLETE;
        if (buf.charCodeAt(i + 1) === 10) i++;
        this.newline(i + 1);
      } else if (c < 32 || c >= 0xd800) {
        const j = this.checkChar(c, i);
        if (j === INCOMPLETE) return INCOMPLETE;
        i = j;
      }
      const at = i + 1;
      switch (state) {
        case DECL_AFTER_TARGET:
          state = c === 63 ? DECL_ENDING : DECL_NAME_START;
          break;
        case DECL_NAME_START:
          if (c === 63) state = DECL_ENDING;
          else if (!isS(c)) {
            state = DECL_NAME;
            name = String.fromCharCode(c);
          }
          break;
        case DECL_NAME:
          if (c === 63) this.fail("XML declaration is incomplete.", at);
          if (isS(c) || c === 61) {
            if (!expects.includes(name)) {
              if (name.length === 0) this.fail("did not expect any more name/value pairs.", at);
              if (name.length === 1) this.fail(`expected the name ${expects[0]}.`, at);
              this.fail(`expected one of ${expects.join(", ")}`, at);
            }
            state = c === 61 ? DECL_VALUE_START : DECL_EQ;
          } else name += buf[i];
          break;
        case DECL_EQ:
          if (c === 63) this.fail("XML declaration is incomplete.", at);
          if (isS(c)) break;
          if (c !== 61) this.fail("value required.", at);
          state = DECL_VALUE_START;
          break;
        case DECL_VALUE_START:
          if (c === 63) this.fail("XML declaration is incomplete.", at);
          if (isS(c)) break;
          if (c !== 34 && c !== 39) this.fail("value must be quoted.", at);
          quote = c;
          value = "";
          state = DECL_VALUE;
          break;
        case DECL_VALUE:
          if (c === 63) this.fail("XML declaration is incomplete.", at);
          if (c !== quote) {
            value += buf[i];
            break;
          }
          if (name === "version") {
            expects = ["encoding", "standalone"];
            if (!/^1\.[0-9]+$/.test(value)) this.fail("version number must match /^1\\.[0-9]+$/.", at);
          } else if (name === "encoding") {
            if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(value)) this.fail("encoding value must match /^[A-Za-z0-9][A-Za-z0-9._-]*$/.", at);
            expects = ["standalone"];
            encoding = value;
          } else if (name === "standalone") {
            if (value !== "yes" && value !== "no") this.fail('standalone value must match "yes" or "no".', at);
            expects = [];
          }
          name = "";
          state = DECL_SEPARATOR;
          break;
        case DECL_SEPARATOR:
          if (c === 63) state = DECL_ENDING;
          else if (!isS(c)) this.fail("whitespace required.", at);
          else state = DECL_NAME_START;
          break;
        default:
          if (c !== 62) this.fail("The character ? is disallowed anywhere in XML declarations.", at);
          if (expects.includes("version")) this.fail("XML declaration must contain a version.", at);
          this.xmlDeclPossible = false;
          this.h.xmldecl(encoding);
          return at;
      }
    }
    return INCOMPLETE;
  }
}
