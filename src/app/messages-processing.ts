/**
 * Processing iWmo/iJw 3.2 messages against the care chain (docs/berichten.md, "Verwerken"), as gemeente or as
 * aanbieder. Every message is one transaction: the message is logged with its raw XML, its effects on the care chain
 * are applied, its retour/antwoord is built, checked with the codec and logged — all of it or nothing. A message whose
 * Identificatie the sender already used for this message kind (TR056) — the same bytes again or not — is answered
 * with a retour with 9056 on the header and not stored; the earlier answer stays as it was. Only when the earlier
 * message's answer was committed but not yet written out (the CLI writes its files after the transaction) does the
 * same message again get that answer, byte for byte, instead (status `herhaald`).
 */
import { createHash, randomUUID } from "node:crypto";
import type { Target } from "../domain/auth/policy.ts";
import type { Wet } from "../domain/care/codes.ts";
import type { Product, Productenboek } from "../domain/catalogue/product.ts";
import type { Problem, Result } from "../domain/shared/problem.ts";
import { redactError } from "../domain/shared/redact.ts";
import { buildMessage, type Failure, type MessageDefinition, type MessageNumber, validateMessage } from "../messages/index.ts";
import type { AnyModel, ModelValue } from "../messages/schema/structure.ts";
import { AccessGate, type AccessContext } from "./access.ts";
import type { BeschikkingRecord, ToewijzingRecord } from "./care-ports.ts";
import { CareService } from "./care.ts";
import type { CatalogueService } from "./catalogue.ts";
import type { Actor } from "./compliance.ts";
import { importToewijzing } from "./messages-import.ts";
import {
  answerDefinition,
  build301Model,
  build325Model,
  buildRetourModel,
  clientFrom301,
  type CodesFor,
  declaratieFrom323,
  definition,
  type HeaderInfo,
  headerInfo,
  prestatiesOf,
  type RetourMeta,
  retourcodesIn,
  sentByAanbieder,
  standaardOf,
  toegewezenProducten,
  wetOf,
} from "./messages-mapping.ts";
import type { BerichtRecord, BerichtStatus, Melding, MessageStore, MessageUnit, NieuwBericht, Richting, Rol, VerzoekRecord } from "./messages-ports.ts";
import type { AccessSubject, Clock } from "./ports.ts";

export interface BerichtInput {
  /** file name (for a ZIP entry: "batch.zip:entry.xml") */
  bestandsnaam: string;
  bytes: Uint8Array;
}

export interface Antwoordbestand {
  bestandsnaam: string;
  berichtNaam: string;
  xml: string;
  /** the answer in the message log */
  berichtId?: number;
  /** the retourcodes in the answer other than 0200 */
  retourcodes?: string[];
}

/**
 * `onleesbaar`: no message Kader can answer (not XML, unknown message, header unusable); `geweigerd`: not for this
 * party or role — nothing stored; `fout`: an internal error — the message's transaction was undone, reprocessing
 * completes it.
 */
export type Uitkomst = BerichtStatus | "onleesbaar" | "geweigerd" | "fout";

export interface VerwerkUitkomst {
  bestandsnaam: string;
  berichtNaam: string | null;
  identificatie: string | null;
  dagtekening: string | null;
  status: Uitkomst;
  /** the retourcodes Kader answered with (0200 left out) */
  retourcodes: string[];
  meldingen: Melding[];
  antwoorden: Antwoordbestand[];
  berichtId: number | null;
  /** a message rejected with 9056 (TR056): the earlier message with this Identificatie, in the message log */
  eerder?: { berichtId: number; ontvangen: string };
  prestaties: number;
  /** every finding: the element path, line, rule, retourcode and Dutch explanation (all of a rejected message's failures) */
  bevindingen: Bevinding[];
}

export interface VerwerkOpties {
  /** the party Kader acts for; "auto": gemeente for messages an aanbieder sends, aanbieder for the others */
  rol: Rol | "auto";
  /** only messages of this gemeente (CBS code) */
  gemeente?: string | undefined;
  /** only messages of this aanbieder (AGB code) */
  aanbieder?: string | undefined;
  /** as gemeente: answer every accepted verzoek (315/317) at once with a 319 "aanvraag in onderzoek" */
  inOnderzoek?: boolean | undefined;
  /**
   * The caller writes the answers out itself after the message's transaction (`berichten verwerk --uit`): they are
   * committed as not yet written, and the caller marks them with `markeerGeschreven` once written. Should it crash
   * in between, the same message again gets those answers (`herhaald`) instead of a 9056. Without it (the API: the
   * response carries the answers) an answer counts as handed over when it is committed.
   */
  antwoordenLater?: boolean | undefined;
}

const CLI: Actor = { kind: "cli" };
const RETOUR_NUMBERS: MessageNumber[] = ["302", "306", "308", "316", "318", "320"];

/** What Kader does with a message, per role: answer it, or only register it. */
function handling(rol: Rol, n: MessageNumber): "answer" | "register" | null {
  if (rol === "gemeente") return ["305", "307", "315", "317", "323"].includes(n) ? "answer" : ["301", "302", "320"].includes(n) ? "register" : null;
  return ["301", "319"].includes(n) ? "answer" : ["325", "315", "317", "306", "308", "316", "318"].includes(n) ? "register" : null;
}

const DAGTEKENING = /<(?:[A-Za-z0-9_]+:)?Dagtekening>\s*([0-9]{4}-[0-9]{2}-[0-9]{2})\s*</;

/** Processing order: by Dagtekening (read from the header), then file name. */
export function orderInputs<T extends BerichtInput>(inputs: T[]): T[] {
  const key = (i: T) => DAGTEKENING.exec(new TextDecoder().decode(i.bytes.subarray(0, 8192)))?.[1] ?? "9999-99-99";
  return inputs
    .map((i) => ({ i, k: key(i) }))
    .sort((a, b) => a.k.localeCompare(b.k) || a.i.bestandsnaam.localeCompare(b.i.bestandsnaam))
    .map((x) => x.i);
}

/**
 * The file name of an answer: the answered message's file name without .xml (for a ZIP entry the ZIP's name, then the
 * entry's path: "in/batch.zip:a/stop.xml" → "batch-a-stop"), then "_" and the answered message's Identificatie, then
 * the answer's message name — so two messages with the same file name in different folders get different answers'
 * names, and the same message always gets the same name. A 9056 retour (TR056) is named after its own Identificatie
 * too: `stop_Q1.9056-KDR000000042.WMO308.xml`. Only letters, digits, ".", "_" and "-" remain.
 */
export function answerFileName(bestandsnaam: string, def: MessageDefinition, n = 1, identificatie?: string | null, retour9056?: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_");
  const zip = /\.zip:/i.exec(bestandsnaam);
  const stem = zip
    ? `${bestandsnaam.slice(0, zip.index).split(/[\\/]/).pop()!}-${bestandsnaam
        .slice(zip.index + zip[0].length)
        .split(/[\\/]+/)
        .filter(Boolean)
        .join("-")}`
    : bestandsnaam.split(/[\\/]/).pop()!;
  const id = identificatie ? `_${safe(identificatie)}` : "";
  // a 9056 retour carries its own Identificatie as well: it never takes the name of the answer to the first receipt
  const dup = retour9056 ? `.9056-${safe(retour9056)}` : "";
  return `${safe(stem.replace(/\.xml$/i, ""))}${id}${dup}.${def.name}${n > 1 ? `-${n}` : ""}.xml`;
}

/**
 * One finding about a processed message, in the shape every screen renders (FindingList): `code` is the rule
 * (XSD, OP192, CS340, TR416…) or, for a processing finding, the retourcode; `severity` "fout" rejects, "melding" is a
 * note (0200: nothing wrong, an aandachtspunt for the toegang).
 */
export interface Bevinding {
  severity: "fout" | "melding";
  code: string;
  retourcode?: string;
  path?: string;
  line?: number;
  message: string;
}

const bevindingOf = (f: Failure): Bevinding => ({
  severity: "fout",
  code: f.rule,
  retourcode: f.retourcode,
  ...(f.path ? { path: f.path } : {}),
  ...(f.line !== null ? { line: f.line } : {}),
  message: f.message,
});
const bevindingOfMelding = (m: Melding): Bevinding => ({
  severity: m.retourcode === "0200" || m.retourcode === "" ? "melding" : "fout",
  code: m.retourcode || "melding",
  ...(m.retourcode ? { retourcode: m.retourcode } : {}),
  ...(m.pad ? { path: m.pad } : {}),
  message: m.tekst,
});

interface Handled {
  status: BerichtStatus;
  meldingen: Melding[];
  samenvatting: Record<string, unknown>;
  /** answers to build once the answer's Identificatie is known */
  answers: { def: MessageDefinition; build: (meta: RetourMeta) => AnyModel }[];
}

type M = AnyModel;
const obj = (v: ModelValue | undefined): M => (v && typeof v === "object" && !Array.isArray(v) ? (v as M) : {});
const arr = (v: ModelValue | undefined): M[] => (Array.isArray(v) ? (v as M[]) : v && typeof v === "object" ? [v as M] : []);
const str = (v: ModelValue | undefined): string | null => (typeof v === "string" || typeof v === "number" ? String(v) : null);
const ACTUEEL = new Set(["toegewezen", "gestart", "tijdelijk-gestopt"]);

/** Retourcodes collected per message-class path. */
class Codes {
  private readonly m = new Map<string, string[]>();
  readonly meldingen: Melding[] = [];
  add(path: string, retourcode: string, tekst: string) {
    this.m.set(path, [...new Set([...(this.m.get(path) ?? []), retourcode])]);
    this.meldingen.push({ retourcode, pad: path, tekst });
  }
  note(path: string, tekst: string) {
    this.meldingen.push({ retourcode: "0200", pad: path, tekst });
  }
  get any() {
    return this.m.size > 0;
  }
  has(path: string) {
    return this.m.has(path);
  }
  readonly codesFor: CodesFor = (path) => this.m.get(path) ?? [];
}

export class MessageService {
  private snapshots = new Map<string, Promise<{ products: Product[]; productenboeken: Productenboek[] }>>();

  constructor(
    private readonly store: MessageStore,
    private readonly catalogue: CatalogueService,
    private readonly gate: AccessGate,
    private readonly clock: Clock,
  ) {}

  /** The catalogue on a date, read once per date (outside the message's transaction: PGlite runs one at a time). */
  private snapshot(asOf: string) {
    let s = this.snapshots.get(asOf);
    if (!s) {
      if (this.snapshots.size > 50) this.snapshots.clear();
      s = this.catalogue.all(asOf).then((a) => ({ products: a.products, productenboeken: a.productenboeken }));
      this.snapshots.set(asOf, s);
    }
    return s;
  }

  /** Drops the catalogue snapshots (after a catalogue load). */
  invalidate() {
    this.snapshots.clear();
  }

  /** A care service on the message's transaction; the catalogue comes from the snapshots. */
  private careIn(u: MessageUnit, snaps: Map<string, { products: Product[]; productenboeken: Productenboek[] }>): CareService {
    const today = this.clock.today();
    const catalogue = {
      all: async (asOf?: string) => {
        const d = asOf ?? today;
        const s = snaps.get(d) ?? (await this.snapshot(d));
        return { asOf: d, ...s };
      },
    } as unknown as CatalogueService; // CareService reads the catalogue through all() only
    return new CareService(u.care, catalogue, new AccessGate(u.accessLog, this.clock), this.clock);
  }

  /**
   * Processes messages in order (Dagtekening, then file name), each in its own transaction. `onProgress` is awaited
   * after each message's commit and before the next message: `berichten verwerk` writes that message's answers there,
   * so a later copy of it in the same run finds them written (and is answered with 9056). An error it throws stops
   * the run (the messages before stand).
   */
  async verwerk(
    actor: Actor,
    inputs: BerichtInput[],
    opts: VerwerkOpties,
    ctx: AccessContext,
    onProgress?: (done: number, uitkomst: VerwerkUitkomst) => void | Promise<void>,
  ): Promise<VerwerkUitkomst[]> {
    const out: VerwerkUitkomst[] = [];
    for (const input of orderInputs(inputs)) {
      try {
        out.push(await this.verwerkEen(actor, input, opts, ctx));
      } catch (e) {
        // a bug, not input: the user gets a code to report, the log (stderr, always) the redacted error — never its
        // SQL parameters or the message's contents
        const correlationId = randomUUID();
        process.stderr.write(
          `${JSON.stringify({ level: "error", time: this.clock.now(), correlationId, where: "berichten verwerken", error: redactError(e) })}\n`,
        );
        const tekst = `interne fout, niets opgeslagen (meld code ${correlationId})`;
        out.push({
          bestandsnaam: input.bestandsnaam,
          berichtNaam: null,
          identificatie: null,
          dagtekening: null,
          status: "fout",
          retourcodes: [],
          meldingen: [{ retourcode: "", pad: "", tekst }],
          antwoorden: [],
          berichtId: null,
          prestaties: 0,
          bevindingen: [{ severity: "fout", code: "intern", message: tekst }],
        });
      }
      await onProgress?.(out.length, out.at(-1)!);
    }
    return out;
  }

  /** Processes one message (in its own transaction); the outcome lists every finding with path, line, rule and retourcode. */
  async verwerkEen(actor: Actor, input: BerichtInput, opts: VerwerkOpties, ctx: AccessContext): Promise<VerwerkUitkomst> {
    const read = validateMessage(input.bytes, { model: true });
    const r = await this.verwerkGelezen(actor, input, read, opts, ctx);
    // a message rejected for its content (or unreadable) is explained by every failure the reader found, not only the first
    const failures = read.failures.map(bevindingOf);
    const bevindingen = r.eerder
      ? [...r.meldingen.map(bevindingOfMelding), ...failures]
      : failures.length && (r.status === "afgekeurd" || r.status === "onleesbaar")
        ? failures
        : [...r.meldingen.map(bevindingOfMelding), ...(r.status === "herhaald" ? failures : [])];
    return { ...r, bevindingen };
  }

  private async verwerkGelezen(
    actor: Actor,
    input: BerichtInput,
    read: ReturnType<typeof validateMessage>,
    opts: VerwerkOpties,
    ctx: AccessContext,
  ): Promise<Omit<VerwerkUitkomst, "bevindingen">> {
    const def = read.definition;
    const model = read.model;
    const h = headerInfo(model);
    const blank = {
      bestandsnaam: input.bestandsnaam,
      berichtNaam: def?.name ?? null,
      identificatie: h?.identificatie ?? null,
      dagtekening: h?.dagtekening ?? null,
      retourcodes: [],
      antwoorden: [],
      berichtId: null,
      prestaties: 0,
    };
    if (!def || !model || !h) {
      const why = read.failures.slice(0, 5).map((f) => ({ retourcode: f.retourcode, pad: f.path, tekst: f.message }));
      return {
        ...blank,
        status: "onleesbaar",
        meldingen: why.length
          ? why
          : [{ retourcode: "0001", pad: "Bericht/Header", tekst: "de header mist afzender, ontvanger, identificatie of dagtekening" }],
      };
    }
    const refuse = (tekst: string): Omit<VerwerkUitkomst, "bevindingen"> => ({
      ...blank,
      status: "geweigerd",
      meldingen: [{ retourcode: "", pad: "Bericht/Header", tekst }],
    });
    const auto: Rol = sentByAanbieder(def.number) ? "gemeente" : "aanbieder";
    const rol: Rol = opts.rol === "auto" ? auto : opts.rol;
    if (opts.gemeente && h.gemeentecode !== opts.gemeente) return refuse(`dit bericht hoort bij gemeente ${h.gemeentecode}, niet bij ${opts.gemeente}`);
    if (opts.aanbieder && h.agbCode !== opts.aanbieder) return refuse(`dit bericht hoort bij aanbieder ${h.agbCode}, niet bij ${opts.aanbieder}`);
    const how = handling(rol, def.number);
    if (!how) return refuse(`als ${rol} verwerkt Kader geen ${def.name} (zie docs/berichten.md, "Verwerken")`);
    if (actor.kind === "user") {
      const t = actor.principal?.tenant;
      if (t?.kind === "aanbieder" && rol !== auto) return refuse(`een aanbieder levert ${def.name} aan als ${auto}`);
      if (t?.kind === "gemeente" && rol !== "gemeente") return refuse("een gemeente verwerkt berichten als gemeente");
      // the access log names the message by its natural key (sender, kind, Identificatie): known before it is stored
      const allowed = await this.gate.run(actor.principal, "bericht", "write", { gemeentecode: h.gemeentecode, agbCode: h.agbCode }, ctx, async () => true, {
        records: [`bericht:${def.name}:${h.afzender}:${h.identificatie}`],
      });
      if (!allowed.ok) return refuse(allowed.problems.map((p) => p.detail).join("; "));
    }
    const own = (rol === "gemeente" && def.number === "301") || (rol === "aanbieder" && (def.number === "315" || def.number === "317"));
    const richting: Richting = own ? "uit" : "in";
    const isRetour = RETOUR_NUMBERS.includes(def.number);
    const header = obj(model.Header);
    // a retour is sent by the receiver of its heen message, under an Identificatie of its own
    const keyAfzender = isRetour ? h.ontvanger : h.afzender;
    const keyId = isRetour ? (str(header.IdentificatieRetour) ?? h.identificatie) : h.identificatie;
    const dagtekening = isRetour ? (str(header.DagtekeningRetour) ?? h.dagtekening) : h.dagtekening;
    const hash = createHash("sha256").update(input.bytes).digest("hex");
    const wet = wetOf(def.standaard);
    const today = this.clock.today();
    const snaps = new Map<string, { products: Product[]; productenboeken: Productenboek[] }>();
    snaps.set(today, await this.snapshot(today));
    if (def.number === "323") {
      const begin = str(obj(obj(model.Declaratie).DeclaratiePeriode).Begindatum);
      if (begin && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(begin)) snaps.set(begin, await this.snapshot(begin));
    }
    const ctxMsg: AccessContext = { endpoint: ctx.endpoint, purpose: `${ctx.purpose}: ${def.name} ${keyId}` };

    return this.store.transaction(async (u) => {
      // two processes with the same message (or the same Identificatie) wait for each other: one decides, the other sees it
      await u.messages.lockKey(`${rol}|${richting}|${keyAfzender}|${def.berichtCode}|${keyId}`);
      const earlier = await u.messages.byKey(rol, richting, keyAfzender, def.berichtCode, keyId);
      if (earlier.length) {
        // the same bytes whose answers were committed but never written out (the CLI stopped between its commit and
        // writing the files): those answers now, byte for byte under their own names — not recomputed, nothing changes
        const same = earlier.find((e) => e.contentHash === hash);
        const pending = same ? (await u.messages.answersOf(same.id)).filter((a) => a.geschrevenOp === null) : [];
        if (same && pending.length) {
          const antwoorden: Antwoordbestand[] = [];
          for (const a of pending)
            antwoorden.push({
              bestandsnaam: a.bestandsnaam,
              berichtNaam: a.berichtNaam,
              xml: (await u.messages.xml(a.id)) ?? "",
              berichtId: a.id,
              retourcodes: a.retourcodes,
            });
          if (!opts.antwoordenLater)
            await u.messages.markeerGeschreven(
              pending.map((a) => a.id),
              this.clock.now(),
            );
          const tekst = `dit bericht is al verwerkt (${same.createdAt}), maar het antwoord was nog niet weggeschreven; dat antwoord is nu geschreven, er is niets veranderd`;
          return {
            ...blank,
            identificatie: keyId,
            dagtekening,
            status: "herhaald",
            retourcodes: same.retourcodes,
            meldingen: [{ retourcode: "", pad: "Bericht", tekst }],
            antwoorden,
            berichtId: same.id,
          };
        }
        // TR056: the Identificatie is used — whether these are the same bytes or another message. A retour with 9056
        // on the header (for a message Kader only registers: no answer), nothing stored, the earlier answer untouched.
        const first = earlier[0]!;
        const tekst = `Identificatie ${keyId} is al gebruikt voor een ${def.name} van deze afzender (${same ? "hetzelfde bericht" : "een ander bericht"}, ontvangen ${first.createdAt}, bericht ${first.id}); dit bericht is niet verwerkt en niet opgeslagen, het eerdere antwoord blijft zoals het was`;
        const meldingen: Melding[] = [{ retourcode: "9056", pad: "Bericht/Header/BerichtIdentificatie", tekst }];
        const antwoorden = how === "answer" ? [await this.retour9056(u, def, model, h, input.bestandsnaam, keyId)] : [];
        return {
          ...blank,
          identificatie: keyId,
          dagtekening,
          status: "afgekeurd",
          retourcodes: ["9056"],
          meldingen,
          antwoorden,
          berichtId: null,
          eerder: { berichtId: first.id, ontvangen: first.createdAt },
        };
      }
      const base: NieuwBericht = {
        rol,
        richting,
        gemeentecode: h.gemeentecode,
        agbCode: h.agbCode,
        wet,
        berichtNaam: def.name,
        berichtCode: def.berichtCode,
        afzender: keyAfzender,
        ontvanger: keyAfzender === h.afzender ? h.ontvanger : h.afzender,
        identificatie: keyId,
        dagtekening: /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(dagtekening) ? dagtekening : null,
        bestandsnaam: input.bestandsnaam,
        contentHash: hash,
        status: "verwerkt",
        retourcodes: [],
        meldingen: [],
        samenvatting: {},
        antwoordOp: null,
        antwoordBestand: null,
        createdAt: this.clock.now(),
      };
      const xml = new TextDecoder().decode(input.bytes);
      // header-level rejections: technical (0001), a Dagtekening in the future (8848); a used Identificatie (9056) is above
      const headerCodes: string[] = [];
      const meldingen: Melding[] = [];
      if (read.failures.length) {
        headerCodes.push("0001");
        for (const f of read.failures.slice(0, 100))
          meldingen.push({ retourcode: f.retourcode, pad: f.path, tekst: `${f.rule}${f.line !== null ? ` (regel ${f.line})` : ""}: ${f.message}` });
      } else if (!isRetour && h.dagtekening > today) {
        headerCodes.push("8848");
        meldingen.push({
          retourcode: "8848",
          pad: "Bericht/Header/BerichtIdentificatie/Dagtekening",
          tekst: `de dagtekening ${h.dagtekening} ligt na vandaag (${today})`,
        });
      }
      const prestaties = def.number === "323" ? prestatiesOf(model).length : 0;
      if (headerCodes.length) {
        const rec = await u.messages.insert({ ...base, status: "afgekeurd", retourcodes: headerCodes, meldingen }, xml);
        const answers = how === "answer" ? [{ def: answerDefinition(def), build: (meta: RetourMeta) => this.rejection(def, model, h, meta, headerCodes) }] : [];
        const antwoorden = await this.writeAnswers(u, rec, answers, opts);
        return {
          ...blank,
          identificatie: keyId,
          dagtekening,
          status: "afgekeurd",
          retourcodes: headerCodes,
          meldingen,
          antwoorden,
          berichtId: rec.id,
          prestaties,
        };
      }
      const rec = await u.messages.insert(base, xml);
      const care = this.careIn(u, snaps);
      const handled = await this.dispatch(rol, def, model, h, wet, rec, u, care, snaps.get(today)!, ctxMsg, opts);
      const antwoorden = await this.writeAnswers(u, rec, handled.answers, opts);
      const codes = [...new Set(antwoorden.flatMap((a) => a.retourcodes ?? []))].sort();
      const retourcodes = how === "register" ? retourcodesIn(model) : codes;
      await u.messages.update(rec.id, {
        status: handled.status,
        retourcodes,
        meldingen: handled.meldingen,
        samenvatting: handled.samenvatting,
        ...(antwoorden[0] ? { antwoordBestand: antwoorden[0].bestandsnaam } : {}),
      });
      return {
        ...blank,
        identificatie: keyId,
        dagtekening,
        status: handled.status,
        retourcodes,
        meldingen: handled.meldingen,
        antwoorden,
        berichtId: rec.id,
        prestaties,
      };
    });
  }

  /** The answer to a message rejected in its header: header only (323: a 325 header). */
  private rejection(def: MessageDefinition, model: AnyModel, h: HeaderInfo, meta: RetourMeta, codes: string[]): AnyModel {
    const ans = answerDefinition(def);
    return def.number === "323"
      ? build325Model(ans, { heen: model, meta, headerCodes: codes, result: null, h })
      : buildRetourModel(ans, model, meta, codes, null);
  }

  /**
   * The retour to a message whose Identificatie is used (TR056): the header with 9056 (a 323: a 325 header), under an
   * Identificatie of its own; checked with the codec like every answer, and not stored.
   */
  private async retour9056(
    u: MessageUnit,
    def: MessageDefinition,
    model: AnyModel,
    h: HeaderInfo,
    bestandsnaam: string,
    keyId: string,
  ): Promise<Antwoordbestand> {
    const ans = answerDefinition(def);
    const meta = { identificatie: await u.messages.nextIdentificatie(), dagtekening: this.clock.today() };
    const retour = this.rejection(def, model, h, meta, ["9056"]);
    const xml = buildMessage(ans, retour);
    const check = validateMessage(xml);
    if (check.failures.length)
      throw new Error(
        `Kader bouwde een ongeldig ${ans.name}: ${check.failures
          .slice(0, 3)
          .map((f) => `${f.path}: ${f.message}`)
          .join("; ")}`,
      );
    return { bestandsnaam: answerFileName(bestandsnaam, ans, 1, keyId, meta.identificatie), berichtNaam: ans.name, xml, retourcodes: retourcodesIn(retour) };
  }

  /** Marks answers as written out (`berichten verwerk --uit`, after writing the files; see VerwerkOpties.antwoordenLater). */
  async markeerGeschreven(berichtIds: number[]): Promise<void> {
    await this.store.messages.markeerGeschreven(berichtIds, this.clock.now());
  }

  /** Builds, checks (the codec must accept it, or the transaction is undone) and logs each answer. */
  private async writeAnswers(u: MessageUnit, rec: BerichtRecord, answers: Handled["answers"], opts: VerwerkOpties): Promise<Antwoordbestand[]> {
    const out: Antwoordbestand[] = [];
    const seen = new Map<string, number>();
    for (const a of answers) {
      const meta = { identificatie: await u.messages.nextIdentificatie(), dagtekening: this.clock.today() };
      const model = a.build(meta);
      const xml = buildMessage(a.def, model);
      const check = validateMessage(xml);
      if (check.failures.length)
        throw new Error(
          `Kader bouwde een ongeldig ${a.def.name}: ${check.failures
            .slice(0, 3)
            .map((f) => `${f.path}: ${f.message}`)
            .join("; ")}`,
        );
      const n = (seen.get(a.def.name) ?? 0) + 1;
      seen.set(a.def.name, n);
      const bestandsnaam = answerFileName(rec.bestandsnaam, a.def, n, rec.identificatie);
      const retourcodes = retourcodesIn(model);
      const saved = await u.messages.insert(
        {
          rol: rec.rol,
          richting: "uit",
          gemeentecode: rec.gemeentecode,
          agbCode: rec.agbCode,
          wet: rec.wet,
          berichtNaam: a.def.name,
          berichtCode: a.def.berichtCode,
          afzender: rec.ontvanger,
          ontvanger: rec.afzender,
          identificatie: meta.identificatie,
          dagtekening: meta.dagtekening,
          bestandsnaam,
          contentHash: createHash("sha256").update(xml).digest("hex"),
          status: "verzonden",
          retourcodes,
          meldingen: [],
          samenvatting: { antwoordOp: rec.berichtNaam, identificatie: rec.identificatie },
          antwoordOp: rec.id,
          antwoordBestand: null,
          createdAt: this.clock.now(),
          geschrevenOp: opts.antwoordenLater ? null : this.clock.now(),
        },
        xml,
      );
      out.push({ bestandsnaam, berichtNaam: a.def.name, xml, berichtId: saved.id, retourcodes });
    }
    return out;
  }

  /** Whether this user may upload messages at all (asked before the upload is read; logged). */
  async mayUpload(actor: Actor, ctx: AccessContext): Promise<{ ok: false; problems: Problem[] } | null> {
    return this.allow(actor, "write", this.tenant(actor), ctx);
  }

  private async dispatch(
    rol: Rol,
    def: MessageDefinition,
    model: AnyModel,
    h: HeaderInfo,
    wet: Wet,
    rec: BerichtRecord,
    u: MessageUnit,
    care: CareService,
    cat: { products: Product[]; productenboeken: Productenboek[] },
    ctx: AccessContext,
    opts: VerwerkOpties,
  ): Promise<Handled> {
    const retour = (codes: Codes, extra: Partial<Handled> = {}): Handled => ({
      status: "verwerkt",
      meldingen: codes.meldingen,
      samenvatting: {},
      answers: [{ def: answerDefinition(def), build: (meta) => buildRetourModel(answerDefinition(def), model, meta, [], codes.codesFor) }],
      ...extra,
    });
    const register = (samenvatting: Record<string, unknown> = {}, meldingen: Melding[] = []): Handled => ({
      status: "geregistreerd",
      meldingen,
      samenvatting,
      answers: [],
    });
    if (rol === "gemeente")
      switch (def.number) {
        case "301":
          return this.import301(model, def, h, wet, rec, u, cat);
        case "305":
          return retour(await this.start(model, h, wet, u, care, ctx));
        case "307":
          return retour(await this.stop(model, h, wet, u, care, ctx));
        case "315": {
          const { codes, verzoeken } = await this.verzoek315(model, h, wet, rec, u);
          return retour(codes, {
            answers: [...retour(codes).answers, ...(opts.inOnderzoek ? await this.inOnderzoek(u, verzoeken, model) : [])],
            samenvatting: { verzoeken: verzoeken.length },
          });
        }
        case "317": {
          const { codes, verzoeken } = await this.verzoek317(model, h, wet, rec, u);
          return retour(codes, {
            answers: [...retour(codes).answers, ...(opts.inOnderzoek ? await this.inOnderzoek(u, verzoeken, model) : [])],
            samenvatting: { verzoeken: verzoeken.length },
          });
        }
        case "323":
          return this.declaratie(def, model, h, care, ctx);
        default:
          return register({ heen: await this.heenOf(u, rec, def) });
      }
    switch (def.number) {
      case "301":
        return retour(await this.ontvang301(model, h, wet, rec, u));
      case "319":
        return retour(await this.ontvang319(model, h, wet, u));
      case "325": {
        const a = obj(model.DeclaratieAntwoord);
        const totaal = (v: ModelValue | undefined) => (str(obj(v).DebetCredit) === "C" ? -1 : 1) * Number(str(obj(v).TotaalBedrag) ?? 0);
        return register({
          declaratienummer: str(a.DeclaratieNummer),
          ingediend: totaal(a.TotaalIngediendBedrag),
          toegekend: totaal(a.TotaalToegekendBedrag),
          afgewezenPrestaties: arr(obj(a.Clienten).Client).reduce((s, c) => s + arr(obj(c.Prestaties).Prestatie).length, 0),
        });
      }
      case "315":
      case "317":
        return register({ verzoeken: (await this.eigenVerzoek(model, def, h, wet, rec, u)).length });
      default:
        return register({ heen: await this.heenOf(u, rec, def) });
    }
  }

  /** For a retour received: the id of the message of ours it answers. */
  private async heenOf(u: MessageUnit, rec: BerichtRecord, def: MessageDefinition): Promise<number | null> {
    const heenCode = String(Number(def.berichtCode) - 1);
    const model = await u.messages.xml(rec.id);
    const id = model ? headerInfo(validateMessage(model, { model: true, hygiene: false }).model)?.identificatie : null;
    if (!id) return null;
    const found = await u.messages.byKey(rec.rol, "uit", rec.ontvanger, heenCode, id);
    return found[0]?.id ?? null;
  }

  // ---- gemeente ----

  private async toewijzingFor(u: MessageUnit, h: HeaderInfo, wet: Wet, bsn: string, p: M): Promise<ToewijzingRecord | null> {
    const nummer = str(p.ToewijzingNummer);
    const client = await u.care.clientByBsn(h.gemeentecode, bsn);
    if (!client) return null;
    if (nummer !== null) {
      const t = await u.care.toewijzing(h.gemeentecode, wet, nummer);
      return t && t.agbCode === h.agbCode && t.clientId === client.id ? t : null;
    }
    // without a ToewijzingNummer (allowed before 2021 products): the product and ToewijzingIngangsdatum identify it
    const product = obj(p.Product);
    const ingang = str(p.ToewijzingIngangsdatum);
    const all = await u.care.toewijzingen({ gemeentecode: h.gemeentecode, agbCode: h.agbCode, clientId: client.id });
    return (
      all.find(
        (t) =>
          t.wet === wet &&
          t.productcategorie === str(product.Categorie) &&
          (str(product.Code) === null || t.productcode === str(product.Code)) &&
          (ingang === null || t.ingangsdatum === ingang),
      ) ?? null
    );
  }

  private async lifecycle(
    care: CareService,
    t: ToewijzingRecord,
    event: "start" | "stop" | "tijdelijk-stop",
    datum: string,
    codes: Codes,
    path: string,
    ctx: AccessContext,
  ) {
    const r = await care.event(CLI, { gemeentecode: t.gemeentecode, wet: t.wet, toewijzingnummer: t.toewijzingnummer }, { event, datum }, ctx);
    if (!r.ok)
      codes.note(
        path,
        `aandachtspunt voor de toegang: de toewijzing ${t.toewijzingnummer} is niet bijgewerkt (${event} ${datum}): ${r.problems.map((p) => p.detail).join("; ")}`,
      );
  }

  /** 305: start of care — 9019 (no toewijzing), 9074 (key known), 9326 (a current start not stopped), 9069 (correction or removal of an unknown start), 9071. */
  private async start(model: M, h: HeaderInfo, wet: Wet, u: MessageUnit, care: CareService, ctx: AccessContext): Promise<Codes> {
    const codes = new Codes();
    const client = obj(model.Client);
    const bsn = str(client.Bsn) ?? "";
    const items = arr(obj(client.StartProducten).StartProduct);
    for (const [i, p] of items.entries()) {
      const path = `Bericht/Client/StartProducten/StartProduct${items.length ? `[${i + 1}]` : ""}`;
      const t = await this.toewijzingFor(u, h, wet, bsn, p);
      if (!t) {
        codes.add(path, "9019", `geen toewijzing ${str(p.ToewijzingNummer) ?? "(zonder nummer)"} van deze gemeente aan deze aanbieder voor deze cliënt`);
        continue;
      }
      const begindatum = str(p.Begindatum)!;
      const status = str(p.StatusAanlevering);
      const lev = await u.messages.leveringen("gemeente", t.gemeentecode, wet, t.toewijzingnummer);
      const same = lev.find((l) => l.begindatum === begindatum && !l.verwijderd);
      const record = {
        rol: "gemeente" as const,
        gemeentecode: t.gemeentecode,
        wet,
        toewijzingnummer: t.toewijzingnummer,
        begindatum,
        agbCode: h.agbCode,
        verwijderd: false,
        stopReden: null,
        stopEinddatum: null,
      };
      if (status === "1") {
        if (same) codes.add(path, "9074", `er is al een start gemeld voor toewijzing ${t.toewijzingnummer} met begindatum ${begindatum}`);
        else if (lev.some((l) => !l.verwijderd && l.stopEinddatum === null))
          codes.add(path, "9326", `toewijzing ${t.toewijzingnummer} heeft een actuele start die nog niet gestopt is`);
        else {
          await u.messages.saveLevering(record, this.clock.now());
          await this.lifecycle(care, t, "start", begindatum, codes, path, ctx);
        }
      } else if (status === "2") {
        if (!same) codes.add(path, "9069", `geen actuele start van toewijzing ${t.toewijzingnummer} met begindatum ${begindatum} om te corrigeren`);
      } else if (status === "3") {
        if (!same) codes.add(path, "9069", `geen actuele start van toewijzing ${t.toewijzingnummer} met begindatum ${begindatum} om te verwijderen`);
        else if (same.stopEinddatum !== null) codes.add(path, "9071", "deze start is al gestopt en kan niet meer worden verwijderd");
        else {
          await u.messages.saveLevering({ ...same, verwijderd: true }, this.clock.now());
          codes.note(
            path,
            `aandachtspunt voor de toegang: de start van toewijzing ${t.toewijzingnummer} is ingetrokken; de status van de toewijzing wordt niet automatisch teruggezet`,
          );
        }
      }
    }
    return codes;
  }

  /** 307: stop of care — 9019, 9069 (no current start with this key), 9413/9414/9415; RedenBeeindiging 20 is a temporary stop. */
  private async stop(model: M, h: HeaderInfo, wet: Wet, u: MessageUnit, care: CareService, ctx: AccessContext): Promise<Codes> {
    const codes = new Codes();
    const client = obj(model.Client);
    const bsn = str(client.Bsn) ?? "";
    const items = arr(obj(client.StopProducten).StopProduct);
    for (const [i, p] of items.entries()) {
      const path = `Bericht/Client/StopProducten/StopProduct[${i + 1}]`;
      const t = await this.toewijzingFor(u, h, wet, bsn, p);
      if (!t) {
        codes.add(path, "9019", `geen toewijzing ${str(p.ToewijzingNummer) ?? "(zonder nummer)"} van deze gemeente aan deze aanbieder voor deze cliënt`);
        continue;
      }
      const begindatum = str(p.Begindatum)!;
      const einddatum = str(p.Einddatum)!;
      const reden = str(p.RedenBeeindiging)!;
      const status = str(p.StatusAanlevering);
      const same = (await u.messages.leveringen("gemeente", t.gemeentecode, wet, t.toewijzingnummer)).find((l) => l.begindatum === begindatum && !l.verwijderd);
      if (!same) {
        codes.add(path, "9069", `geen actuele start van toewijzing ${t.toewijzingnummer} met begindatum ${begindatum}`);
        continue;
      }
      const now = this.clock.now();
      if (status === "1" || status === "2") {
        if (status === "1" && same.stopEinddatum !== null && same.stopReden !== "20") codes.add(path, "9415", "deze levering is al (definitief) gestopt");
        else if (status === "1" && same.stopReden === "20" && reden === "20") codes.add(path, "9413", "deze levering is al tijdelijk gestopt (reden 20)");
        else if (status === "2" && same.stopEinddatum === null) codes.add(path, "9069", "er is geen stop om te corrigeren");
        else if (same.stopEinddatum !== null && einddatum < same.stopEinddatum)
          codes.add(path, "9414", `de einddatum ${einddatum} ligt vóór de eerder gemelde einddatum ${same.stopEinddatum}`);
        else {
          await u.messages.saveLevering({ ...same, stopReden: reden, stopEinddatum: einddatum }, now);
          if (status === "1") await this.lifecycle(care, t, reden === "20" ? "tijdelijk-stop" : "stop", einddatum, codes, path, ctx);
          else codes.note(path, `aandachtspunt voor de toegang: de stop van toewijzing ${t.toewijzingnummer} is gecorrigeerd naar ${einddatum}`);
        }
      } else if (status === "3") {
        if (same.stopEinddatum === null) codes.add(path, "9069", "er is geen stop om te verwijderen");
        else {
          await u.messages.saveLevering({ ...same, stopReden: null, stopEinddatum: null }, now);
          codes.note(
            path,
            `aandachtspunt voor de toegang: de stop van toewijzing ${t.toewijzingnummer} is ingetrokken; de status van de toewijzing wordt niet automatisch teruggezet`,
          );
        }
      }
    }
    return codes;
  }

  private async openVerzoeken(u: MessageUnit, h: HeaderInfo, wet: Wet, bsn: string, rol: Rol = "gemeente") {
    return u.messages.verzoeken({ rol, agbCode: h.agbCode, gemeentecode: h.gemeentecode, wet, bsn, status: ["open", "in-onderzoek"] });
  }

  /** 315: verzoek om toewijzing — registered per ReferentieAanbieder for the toegang (9374: one already pending; 9347: reference used). */
  private async verzoek315(model: M, h: HeaderInfo, wet: Wet, rec: BerichtRecord, u: MessageUnit): Promise<{ codes: Codes; verzoeken: VerzoekRecord[] }> {
    const codes = new Codes();
    const client = obj(model.Client);
    const bsn = str(client.Bsn) ?? "";
    const verzoeken: VerzoekRecord[] = [];
    if ((await this.openVerzoeken(u, h, wet, bsn)).length) {
      codes.add("Bericht/Client", "9374", "er is al een verzoek van deze aanbieder voor deze cliënt in behandeling");
      return { codes, verzoeken };
    }
    const items = arr(obj(client.AangevraagdeProducten).AangevraagdProduct);
    for (const [i, p] of items.entries()) {
      const path = `Bericht/Client/AangevraagdeProducten/AangevraagdProduct[${i + 1}]`;
      const ref = str(p.ReferentieAanbieder)!;
      if (await u.messages.verzoek("gemeente", h.agbCode, wet, ref)) {
        codes.add(path, "9347", `ReferentieAanbieder ${ref} is al eerder gebruikt`);
        continue;
      }
      verzoeken.push(
        await u.messages.insertVerzoek(
          {
            rol: "gemeente",
            gemeentecode: h.gemeentecode,
            agbCode: h.agbCode,
            wet,
            soort: "315",
            referentieAanbieder: ref,
            bsn,
            status: "open",
            berichtId: rec.id,
            inhoud: p,
            antwoord: null,
            createdAt: this.clock.now(),
          },
          this.clock.now(),
        ),
      );
    }
    if (verzoeken.length)
      codes.note("Bericht/Client", `${verzoeken.length} ${verzoeken.length === 1 ? "verzoek staat" : "verzoeken staan"} klaar voor de toegang`);
    return { codes, verzoeken };
  }

  /** 317: verzoek om wijziging — 9349 (not every current toewijzing named), 9350/9351 (unknown or ended toewijzing), 9374, 9347. */
  private async verzoek317(model: M, h: HeaderInfo, wet: Wet, rec: BerichtRecord, u: MessageUnit): Promise<{ codes: Codes; verzoeken: VerzoekRecord[] }> {
    const codes = new Codes();
    const client = obj(model.Client);
    const bsn = str(client.Bsn) ?? "";
    const v = obj(client.Verzoek);
    const ref = str(v.ReferentieAanbieder)!;
    if ((await this.openVerzoeken(u, h, wet, bsn)).length)
      codes.add("Bericht/Client", "9374", "er is al een verzoek van deze aanbieder voor deze cliënt in behandeling");
    if (await u.messages.verzoek("gemeente", h.agbCode, wet, ref))
      codes.add("Bericht/Client/Verzoek", "9347", `ReferentieAanbieder ${ref} is al eerder gebruikt`);
    const c = await u.care.clientByBsn(h.gemeentecode, bsn);
    const dag = h.dagtekening;
    const actueel = c
      ? (await u.care.toewijzingen({ gemeentecode: h.gemeentecode, agbCode: h.agbCode, clientId: c.id })).filter(
          (t) => t.wet === wet && ACTUEEL.has(t.status) && (t.einddatum === null || t.einddatum >= dag),
        )
      : [];
    const nummers = new Set(actueel.map((t) => t.toewijzingnummer));
    const named = new Set<string>();
    const check = (list: string, item: string, code: string) =>
      arr(obj(v[list])[item]).forEach((p, i) => {
        const n = str(p.ToewijzingNummer)!;
        named.add(n);
        if (!nummers.has(n))
          codes.add(`Bericht/Client/Verzoek/${list}/${item}[${i + 1}]`, code, `toewijzing ${n} is geen actuele toewijzing van deze cliënt bij deze aanbieder`);
      });
    check("OngewijzigdeProducten", "OngewijzigdProduct", "9350");
    check("TeWijzigenProducten", "TeWijzigenProduct", "9351");
    const missing = [...nummers].filter((n) => !named.has(n));
    if (missing.length) codes.add("Bericht/Client/Verzoek", "9349", `het verzoek noemt niet alle actuele toewijzingen: ontbreekt ${missing.join(", ")}`);
    if (codes.any) return { codes, verzoeken: [] };
    const verzoek = await u.messages.insertVerzoek(
      {
        rol: "gemeente",
        gemeentecode: h.gemeentecode,
        agbCode: h.agbCode,
        wet,
        soort: "317",
        referentieAanbieder: ref,
        bsn,
        status: "open",
        berichtId: rec.id,
        inhoud: v,
        antwoord: null,
        createdAt: this.clock.now(),
      },
      this.clock.now(),
    );
    codes.note("Bericht/Client/Verzoek", "het verzoek om wijziging staat klaar voor de toegang");
    return { codes, verzoeken: [verzoek] };
  }

  /** 319 "aanvraag in onderzoek" for accepted verzoeken (option --in-onderzoek). */
  private async inOnderzoek(u: MessageUnit, verzoeken: VerzoekRecord[], heen: M): Promise<Handled["answers"]> {
    const out: Handled["answers"] = [];
    for (const v of verzoeken) {
      const def = definition(standaardOf(v.wet), "319");
      out.push({ def, build: (meta) => this.model319(def, v, "2", null, meta, heen) });
      await u.messages.updateVerzoek(
        v.id,
        { status: "in-onderzoek", antwoord: { verzoekAntwoord: "2", redenAfwijzing: null, berichtId: v.berichtId } },
        this.clock.now(),
      );
    }
    return out;
  }

  private model319(def: MessageDefinition, v: VerzoekRecord, antwoord: "1" | "2", reden: string | null, meta: RetourMeta, heen?: M): AnyModel {
    const xsd = obj(obj(heen?.Header).XsdVersie);
    return {
      Header: {
        BerichtCode: def.berichtCode,
        BerichtVersie: 3,
        BerichtSubversie: 2,
        Afzender: v.gemeentecode,
        Ontvanger: v.agbCode,
        BerichtIdentificatie: { Identificatie: meta.identificatie, Dagtekening: meta.dagtekening },
        XsdVersie: Object.keys(xsd).length ? xsd : { BasisschemaXsdVersie: "1.0.0", BerichtXsdVersie: "1.0.0" },
      },
      Antwoord: { ReferentieAanbieder: v.referentieAanbieder, VerzoekAntwoord: antwoord, ...(reden ? { RedenAfwijzingVerzoek: reden } : {}) },
    };
  }

  /** 323 → the care chain's declaratie check → 325 with every retourcode per rejected prestatie. */
  private async declaratie(def: MessageDefinition, model: M, h: HeaderInfo, care: CareService, ctx: AccessContext): Promise<Handled> {
    const raw = declaratieFrom323(model, def.standaard, h);
    const ans = answerDefinition(def);
    const reject = (problems: Problem[]): Handled => ({
      status: "afgekeurd",
      meldingen: problems.map((p) => ({ retourcode: "0001", pad: `Bericht/Declaratie${p.path ? ` (${p.path})` : ""}`, tekst: `${p.title}: ${p.detail}` })),
      samenvatting: { declaratienummer: raw.declaratienummer },
      answers: [{ def: ans, build: (meta) => build325Model(ans, { heen: model, meta, headerCodes: ["0001"], result: null, h }) }],
    });
    const r = await care.submitDeclaratie(CLI, raw, ctx);
    if (!r.ok) return reject(r.problems);
    const result = r.value.result;
    const afgewezen = result.prestaties.filter((p) => !p.toegekend);
    const items = prestatiesOf(model);
    return {
      status: result.afgewezen ? "afgekeurd" : "verwerkt",
      meldingen: result.prestaties.flatMap((p, i) =>
        p.bevindingen.map((b) => ({ retourcode: b.retourcode, pad: items[i]?.path ?? "", tekst: `${p.referentienummer}: ${b.message}` })),
      ),
      samenvatting: {
        declaratienummer: result.declaratienummer,
        ingediend: result.ingediend,
        toegekend: result.toegekend,
        prestaties: result.prestaties.length,
        afgewezen: afgewezen.length,
        herhaald: r.value.herhaald,
      },
      answers: [{ def: ans, build: (meta) => build325Model(ans, { heen: model, meta, headerCodes: [], result, h }) }],
    };
  }

  /** A 301 the gemeente sent: its toewijzingen become the care chain's (importToewijzing). */
  private async import301(
    model: M,
    def: MessageDefinition,
    h: HeaderInfo,
    wet: Wet,
    rec: BerichtRecord,
    u: MessageUnit,
    cat: { products: Product[]; productenboeken: Productenboek[] },
  ): Promise<Handled> {
    const meldingen: Melding[] = [];
    const clientData = clientFrom301(model);
    const ctx = {
      gemeentecode: h.gemeentecode,
      wet,
      agbCode: h.agbCode,
      bron: `${def.name}-${h.identificatie}`,
      catalogue: cat,
      contracted: await u.messages.contractProducts(h.agbCode, h.gemeentecode),
      by: "kader-berichten",
      at: this.clock.now(),
    };
    const beschikking: { current: BeschikkingRecord | null } = { current: null };
    let nieuw = 0;
    let bijgewerkt = 0;
    const products = toegewezenProducten(model);
    for (const [i, p] of products.entries()) {
      const r = await importToewijzing(u.care, u.messages, ctx, clientData, p, beschikking);
      const path = `Bericht/Client/ToegewezenProducten/ToegewezenProduct[${i + 1}]`;
      if (r.probleem) meldingen.push({ retourcode: "9332", pad: path, tekst: r.probleem });
      else if (r.nieuw) nieuw++;
      else bijgewerkt++;
      if (p.referentieAanbieder && !r.probleem) {
        const v = await u.messages.verzoek("gemeente", h.agbCode, wet, p.referentieAanbieder);
        if (v)
          await u.messages.updateVerzoek(
            v.id,
            { status: "toegewezen", antwoord: { verzoekAntwoord: "toegewezen", redenAfwijzing: null, berichtId: rec.id } },
            this.clock.now(),
          );
      }
    }
    return { status: "geregistreerd", meldingen, samenvatting: { toewijzingen: products.length, nieuw, bijgewerkt }, answers: [] };
  }

  // ---- aanbieder ----

  /** 301 received: the toewijzingen are registered (9332: a number already used for another client). */
  private async ontvang301(model: M, h: HeaderInfo, wet: Wet, rec: BerichtRecord, u: MessageUnit): Promise<Codes> {
    const codes = new Codes();
    const bsn = str(obj(model.Client).Bsn) ?? "";
    const items = arr(obj(obj(model.Client).ToegewezenProducten).ToegewezenProduct);
    for (const [i, p] of items.entries()) {
      const path = `Bericht/Client/ToegewezenProducten/ToegewezenProduct[${i + 1}]`;
      const nummer = str(p.ToewijzingNummer)!;
      const known = await u.messages.ontvangenToewijzing(h.gemeentecode, wet, h.agbCode, nummer);
      if (known && known.bsn !== bsn) {
        codes.add(path, "9332", `toewijzingnummer ${nummer} is al ontvangen voor een andere cliënt`);
        continue;
      }
      await u.messages.saveOntvangenToewijzing(
        { gemeentecode: h.gemeentecode, wet, agbCode: h.agbCode, nummer, bsn, berichtId: rec.id, product: p },
        this.clock.now(),
      );
      const ref = str(p.ReferentieAanbieder);
      if (ref) {
        const v = await u.messages.verzoek("aanbieder", h.agbCode, wet, ref);
        if (v)
          await u.messages.updateVerzoek(
            v.id,
            { status: "toegewezen", antwoord: { verzoekAntwoord: "toegewezen", redenAfwijzing: null, berichtId: rec.id } },
            this.clock.now(),
          );
      }
    }
    return codes;
  }

  /** 319 received: 9355 (no such verzoek), 9359 (already answered with a toewijzing), 9360/9365 (already answered). */
  private async ontvang319(model: M, h: HeaderInfo, wet: Wet, u: MessageUnit): Promise<Codes> {
    const codes = new Codes();
    const a = obj(model.Antwoord);
    const ref = str(a.ReferentieAanbieder)!;
    const antwoord = str(a.VerzoekAntwoord)!;
    const path = "Bericht/Antwoord";
    const v = await u.messages.verzoek("aanbieder", h.agbCode, wet, ref);
    if (!v) codes.add(path, "9355", `geen verzoek met ReferentieAanbieder ${ref} bekend`);
    else if (v.status === "toegewezen") codes.add(path, "9359", `op verzoek ${ref} is al een toewijzing ontvangen`);
    else if (v.antwoord && v.antwoord.verzoekAntwoord !== "2") codes.add(path, "9365", `op verzoek ${ref} is al een antwoord ontvangen`);
    else if (v.antwoord && antwoord === "2") codes.add(path, "9360", `verzoek ${ref} is al als "in onderzoek" beantwoord`);
    else
      await u.messages.updateVerzoek(
        v.id,
        {
          status: antwoord === "1" ? "afgewezen" : "in-onderzoek",
          antwoord: { verzoekAntwoord: antwoord, redenAfwijzing: str(a.RedenAfwijzingVerzoek), berichtId: 0 },
        },
        this.clock.now(),
      );
    return codes;
  }

  /** As aanbieder: a 315/317 it sent itself, registered so that a 319 or 301 can be matched to it. */
  private async eigenVerzoek(model: M, def: MessageDefinition, h: HeaderInfo, wet: Wet, rec: BerichtRecord, u: MessageUnit): Promise<VerzoekRecord[]> {
    const client = obj(model.Client);
    const bsn = str(client.Bsn) ?? "";
    const items = def.number === "315" ? arr(obj(client.AangevraagdeProducten).AangevraagdProduct) : [obj(client.Verzoek)];
    const out: VerzoekRecord[] = [];
    for (const p of items) {
      const ref = str(p.ReferentieAanbieder)!;
      if (await u.messages.verzoek("aanbieder", h.agbCode, wet, ref)) continue;
      out.push(
        await u.messages.insertVerzoek(
          {
            rol: "aanbieder",
            gemeentecode: h.gemeentecode,
            agbCode: h.agbCode,
            wet,
            soort: def.number as "315" | "317",
            referentieAanbieder: ref,
            bsn,
            status: "open",
            berichtId: rec.id,
            inhoud: p,
            antwoord: null,
            createdAt: this.clock.now(),
          },
          this.clock.now(),
        ),
      );
    }
    return out;
  }

  // ---- building and answering by a toegang user ----

  /**
   * WMO301/JW301 for a gemeente's toewijzingen: one message per client, aanbieder and law with all the client's
   * current toewijzingen at that aanbieder (as the standard asks); logged as sent.
   */
  async toewijzingBerichten(
    actor: Actor,
    q: { gemeente: string; aanbieder?: string | undefined; toewijzingnummers?: string[] | undefined },
    ctx: AccessContext,
  ): Promise<Result<Antwoordbestand[]>> {
    const allowed = await this.allow(actor, "write", { gemeentecode: q.gemeente, agbCode: q.aanbieder ?? null }, ctx, {
      filter: `toewijzingsberichten gemeente ${q.gemeente}${q.aanbieder ? ` aanbieder ${q.aanbieder}` : ""}${q.toewijzingnummers ? ` toewijzingen ${q.toewijzingnummers.slice(0, 20).join(",")}` : ""}`,
    });
    if (allowed) return allowed;
    return this.store.transaction(async (u) => {
      const all = (await u.care.toewijzingen({ gemeentecode: q.gemeente, agbCode: q.aanbieder })).filter(
        (t) => ACTUEEL.has(t.status) || t.status === "verwijderd",
      );
      const wanted = q.toewijzingnummers ? all.filter((t) => q.toewijzingnummers!.includes(t.toewijzingnummer)) : all;
      const groups = new Map<string, ToewijzingRecord[]>();
      for (const t of wanted) {
        const k = `${t.clientId}|${t.agbCode}|${t.wet}`;
        groups.set(k, [...(groups.get(k) ?? []), t]);
      }
      const out: Antwoordbestand[] = [];
      for (const [, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
        const t0 = group[0]!;
        const client = await u.care.client(t0.clientId);
        if (!client) continue;
        // every current toewijzing of the client at this aanbieder goes in the message
        const current = all
          .filter((t) => t.clientId === t0.clientId && t.agbCode === t0.agbCode && t.wet === t0.wet)
          .sort((a, b) => Number(a.toewijzingnummer) - Number(b.toewijzingnummer));
        const def = definition(standaardOf(t0.wet), "301");
        if (!/^[0-9]/.test(client.adres.huisnummer ?? "") || !client.adres.postcode)
          return {
            ok: false,
            problems: [
              {
                code: "inconsistent-data" as const,
                title: "Adres ontbreekt",
                detail: `cliënt ${client.id} heeft geen huisnummer en postcode; een ${def.name} vraagt het BRP-adres (TR006, CD034)`,
                path: `toewijzingen.${t0.toewijzingnummer}`,
              },
            ],
          };
        const meta = { identificatie: await u.messages.nextIdentificatie(), dagtekening: this.clock.today() };
        const model = build301Model(def, {
          client,
          toewijzingen: current,
          identificatie: meta.identificatie,
          dagtekening: meta.dagtekening,
          tijd: this.clock.now().slice(11, 19),
        });
        const xml = buildMessage(def, model);
        const check = validateMessage(xml);
        if (check.failures.length) {
          return {
            ok: false,
            problems: check.failures.slice(0, 10).map((f) => ({
              code: "inconsistent-data" as const,
              title: `${def.name} voor toewijzing ${t0.toewijzingnummer} is ongeldig`,
              detail: f.message,
              path: f.path,
            })),
          };
        }
        const bestandsnaam = `${def.name}_${t0.gemeentecode}_${t0.agbCode}_${meta.identificatie}.xml`;
        const saved = await u.messages.insert(
          {
            rol: "gemeente",
            richting: "uit",
            gemeentecode: t0.gemeentecode,
            agbCode: t0.agbCode,
            wet: t0.wet,
            berichtNaam: def.name,
            berichtCode: def.berichtCode,
            afzender: t0.gemeentecode,
            ontvanger: t0.agbCode,
            identificatie: meta.identificatie,
            dagtekening: meta.dagtekening,
            bestandsnaam,
            contentHash: createHash("sha256").update(xml).digest("hex"),
            status: "verzonden",
            retourcodes: [],
            meldingen: [],
            samenvatting: { toewijzingen: current.map((t) => t.toewijzingnummer) },
            antwoordOp: null,
            antwoordBestand: null,
            createdAt: this.clock.now(),
          },
          xml,
        );
        out.push({ bestandsnaam, berichtNaam: def.name, xml, berichtId: saved.id });
      }
      return { ok: true, value: out };
    });
  }

  /** The toegang answers a verzoek: afgewezen (with RedenAfwijzingVerzoek) or in onderzoek — a 319. (Toegekend: grant it and send a 301.) */
  async beantwoordVerzoek(
    actor: Actor,
    id: number,
    antwoord: { verzoekAntwoord: "afgewezen" | "in-onderzoek"; reden?: string | undefined },
    ctx: AccessContext,
  ): Promise<Result<Antwoordbestand>> {
    const v = await this.store.messages.verzoekById(id);
    const allowed = await this.allow(actor, "write", { gemeentecode: v?.gemeentecode ?? null }, ctx, { records: [`verzoek:${id}`] });
    if (allowed) return allowed;
    if (v?.rol !== "gemeente") return { ok: false, problems: [{ code: "not-found", title: "Niet gevonden", detail: `geen verzoek ${id}` }] };
    if (v.status !== "open" && v.status !== "in-onderzoek")
      return {
        ok: false,
        problems: [
          {
            code: "inconsistent-data",
            title: "Niet toegestaan",
            detail: `verzoek ${v.referentieAanbieder} is al ${v.status === "toegewezen" ? "toegewezen (9359)" : "afgewezen (9365)"}`,
          },
        ],
      };
    if (v.status === "in-onderzoek" && antwoord.verzoekAntwoord === "in-onderzoek")
      return { ok: false, problems: [{ code: "inconsistent-data", title: "Niet toegestaan", detail: "dit verzoek is al als in onderzoek beantwoord (9360)" }] };
    const code = antwoord.verzoekAntwoord === "afgewezen" ? "1" : "2";
    if (code === "1" && !/^[1-9]$/.test(antwoord.reden ?? ""))
      return {
        ok: false,
        problems: [{ code: "invalid-input", title: "Reden ontbreekt", detail: "geef de reden van afwijzing (RedenAfwijzingVerzoek 1–9)", path: "reden" }],
      };
    return this.store.transaction(async (u) => {
      const def = definition(standaardOf(v.wet), "319");
      const meta = { identificatie: await u.messages.nextIdentificatie(), dagtekening: this.clock.today() };
      const model = this.model319(def, v, code, code === "1" ? antwoord.reden! : null, meta);
      const xml = buildMessage(def, model);
      const bestandsnaam = `${def.name}_${v.gemeentecode}_${v.agbCode}_${meta.identificatie}.xml`;
      const rec = await u.messages.insert(
        {
          rol: "gemeente",
          richting: "uit",
          gemeentecode: v.gemeentecode,
          agbCode: v.agbCode,
          wet: v.wet,
          berichtNaam: def.name,
          berichtCode: def.berichtCode,
          afzender: v.gemeentecode,
          ontvanger: v.agbCode,
          identificatie: meta.identificatie,
          dagtekening: meta.dagtekening,
          bestandsnaam,
          contentHash: createHash("sha256").update(xml).digest("hex"),
          status: "verzonden",
          retourcodes: [],
          meldingen: [],
          samenvatting: { verzoek: v.referentieAanbieder, verzoekAntwoord: code },
          antwoordOp: v.berichtId,
          antwoordBestand: null,
          createdAt: this.clock.now(),
        },
        xml,
      );
      await u.messages.updateVerzoek(
        v.id,
        {
          status: code === "1" ? "afgewezen" : "in-onderzoek",
          antwoord: { verzoekAntwoord: code, redenAfwijzing: code === "1" ? antwoord.reden! : null, berichtId: rec.id },
        },
        this.clock.now(),
      );
      return { ok: true, value: { bestandsnaam, berichtNaam: def.name, xml, berichtId: rec.id } };
    });
  }

  // ---- reading (API, screens) ----

  private tenant(actor: Actor): Target {
    const t = actor.kind === "user" ? actor.principal?.tenant : null;
    return t?.kind === "gemeente" ? { gemeentecode: t.gemeentecode } : t?.kind === "aanbieder" ? { agbCode: t.agbCode } : {};
  }

  /** Asks the policy for a user (logged); the command line is trusted. Returns the refusal, or null. */
  private async allow(
    actor: Actor,
    action: "read" | "write",
    target: Target,
    ctx: AccessContext,
    subjects?: Partial<AccessSubject>,
  ): Promise<{ ok: false; problems: Problem[] } | null> {
    if (actor.kind === "cli") return null;
    const r = await this.gate.run(actor.principal, "bericht", action, target, ctx, async () => null, subjects);
    return r.ok ? null : r;
  }

  /** The message log: a gemeente sees its own messages, an aanbieder its own. */
  async list(
    actor: Actor,
    q: { richting?: string | undefined; page?: number | undefined },
    ctx: AccessContext,
  ): Promise<Result<{ total: number; items: BerichtRecord[] }>> {
    const t = this.tenant(actor);
    const page = Math.max(1, q.page ?? 1);
    const richting = q.richting === "in" || q.richting === "uit" ? q.richting : undefined;
    const denied = await this.allow(actor, "read", t, ctx, { filter: `berichtenlog ${richting ?? "in en uit"}, pagina ${page}` });
    if (denied) return denied;
    return {
      ok: true,
      value: await this.store.messages.list({
        gemeentecode: t.gemeentecode ?? undefined,
        agbCode: t.agbCode ?? undefined,
        richting,
        limit: 100,
        offset: (page - 1) * 100,
      }),
    };
  }

  /** One message with its answers (and the message it answers). */
  async get(
    actor: Actor,
    id: number,
    ctx: AccessContext,
  ): Promise<Result<{ bericht: BerichtRecord; antwoorden: BerichtRecord[]; antwoordOp: BerichtRecord | null }>> {
    const b = await this.store.messages.get(id);
    const t = this.tenant(actor);
    const denied = await this.allow(actor, "read", b ? { gemeentecode: b.gemeentecode, agbCode: b.agbCode } : t, ctx, { records: [`bericht:${id}`] });
    if (denied) return denied;
    if (!b) return { ok: false, problems: [{ code: "not-found", title: "Niet gevonden", detail: `geen bericht ${id}` }] };
    return {
      ok: true,
      value: { bericht: b, antwoorden: await this.store.messages.answersOf(id), antwoordOp: b.antwoordOp ? await this.store.messages.get(b.antwoordOp) : null },
    };
  }

  /** The raw XML of a message (a received one, or an answer to download). */
  async xml(actor: Actor, id: number, ctx: AccessContext): Promise<Result<{ bestandsnaam: string; xml: string }>> {
    const r = await this.get(actor, id, ctx);
    if (!r.ok) return r;
    return { ok: true, value: { bestandsnaam: r.value.bericht.bestandsnaam.split(/[\\/:]/).pop()!, xml: (await this.store.messages.xml(id)) ?? "" } };
  }

  /** The verzoeken (315/317) for the toegang: open ones first. */
  async verzoeken(actor: Actor, ctx: AccessContext): Promise<Result<VerzoekRecord[]>> {
    const t = this.tenant(actor);
    const denied = await this.allow(actor, "read", t, ctx, { filter: "verzoeken om toewijzing en wijziging" });
    if (denied) return denied;
    const rows = await this.store.messages.verzoeken({ gemeentecode: t.gemeentecode ?? undefined, agbCode: t.agbCode ?? undefined });
    const order = { open: 0, "in-onderzoek": 1, afgewezen: 2, toegewezen: 3 } as const;
    return { ok: true, value: rows.sort((a, b) => order[a.status] - order[b.status] || a.id - b.id) };
  }
}
