/**
 * Processing iWmo/iJw 3.2 messages against the care chain (docs/berichten.md, "Verwerken"), as gemeente or as
 * aanbieder. Every message is one transaction: the message is logged with its raw XML, its effects on the care chain
 * are applied, its retour/antwoord is built, checked with the codec and logged — all of it or nothing. A message whose
 * Identificatie the sender already used for this message kind (TR056) — the same bytes again or not — is answered
 * with a retour with 9056 on the header and not stored; the earlier answer stays as it was. Only when the earlier
 * message's answer was committed but not yet written out (the CLI writes its files after the transaction) does the
 * same message again get that answer, byte for byte, instead (status `herhaald`).
 *
 * The steps, one file each: intake.ts (reading, party, role, access), repeat.ts (TR056), header.ts (0001, 8848),
 * dispatch.ts (per message kind), answers.ts (building, checking and logging the answers); toegang.ts (the messages a
 * toegang user makes) and reading.ts (the message log).
 */
import { randomUUID } from "node:crypto";
import type { Result } from "../../domain/shared/problem.ts";
import { redactError } from "../../domain/shared/redact.ts";
import { validateMessage } from "../../messages/index.ts";
import { type AccessContext, AccessGate, type Actor, type Refusal } from "../access.ts";
import { CareService } from "../care.ts";
import type { CatalogueService } from "../catalogue.ts";
import { answerDefinition, prestatiesOf, retourcodesIn } from "../messages-mapping.ts";
import type { BerichtRecord, MessageStore, MessageUnit } from "../messages-ports.ts";
import type { Clock } from "../ports.ts";
import { rejectionModel, writeAnswers } from "./answers.ts";
import { dispatch } from "./dispatch.ts";
import { findingsOf, melding } from "./findings.ts";
import { headerRejection } from "./header.ts";
import { obj, str } from "./model.ts";
import { type Admitted, admit, orderInputs } from "./intake.ts";
import { get, list, type MessageWithAnswers, type Reading, tenantOf, verzoeken, xml } from "./reading.ts";
import { incoming } from "./records.ts";
import { repeated } from "./repeat.ts";
import { beantwoordVerzoek, type Toegang, toewijzingBerichten } from "./toegang.ts";
import type { AnswerFile, BerichtInput, CatalogueSnapshot, PendingAnswer, PlainOutcome, ProcessOptions, ProcessOutcome } from "./types.ts";

export class MessageService {
  private snapshots = new Map<string, Promise<CatalogueSnapshot>>();
  /** what the toegang's messages and the reading need (toegang.ts, reading.ts) */
  private readonly parts: Toegang & Reading;

  constructor(
    private readonly store: MessageStore,
    private readonly catalogue: CatalogueService,
    private readonly gate: AccessGate,
    private readonly clock: Clock,
  ) {
    this.parts = { store, gate, clock };
  }

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
  private careIn(u: MessageUnit, snaps: Map<string, CatalogueSnapshot>): CareService {
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
  async process(
    actor: Actor,
    inputs: BerichtInput[],
    opts: ProcessOptions,
    ctx: AccessContext,
    onProgress?: (done: number, outcome: ProcessOutcome) => void | Promise<void>,
  ): Promise<ProcessOutcome[]> {
    const out: ProcessOutcome[] = [];
    for (const input of orderInputs(inputs)) {
      try {
        out.push(await this.processOne(actor, input, opts, ctx));
      } catch (e) {
        out.push(this.internalError(input, e));
      }
      await onProgress?.(out.length, out.at(-1)!);
    }
    return out;
  }

  /**
   * A bug, not input: the user gets a code to report, the log (stderr, always) the redacted error — never its SQL
   * parameters or the message's contents.
   */
  private internalError(input: BerichtInput, e: unknown): ProcessOutcome {
    const correlationId = randomUUID();
    process.stderr.write(`${JSON.stringify({ level: "error", time: this.clock.now(), correlationId, where: "berichten verwerken", error: redactError(e) })}\n`);
    const text = `interne fout, niets opgeslagen (meld code ${correlationId})`;
    return {
      bestandsnaam: input.bestandsnaam,
      berichtNaam: null,
      identificatie: null,
      dagtekening: null,
      status: "fout",
      retourcodes: [],
      meldingen: [melding("", "", text)],
      antwoorden: [],
      berichtId: null,
      prestaties: 0,
      bevindingen: [{ severity: "fout", code: "intern", message: text }],
    };
  }

  /** Processes one message (in its own transaction); the outcome lists every finding with path, line, rule and retourcode. */
  async processOne(actor: Actor, input: BerichtInput, opts: ProcessOptions, ctx: AccessContext): Promise<ProcessOutcome> {
    const read = validateMessage(input.bytes, { model: true });
    const r = await this.processRead(actor, input, read, opts, ctx);
    return { ...r, bevindingen: findingsOf(read, r) };
  }

  /** Intake, then in one transaction: repeat detection (TR056), or else the message as new. */
  private async processRead(
    actor: Actor,
    input: BerichtInput,
    read: ReturnType<typeof validateMessage>,
    opts: ProcessOptions,
    ctx: AccessContext,
  ): Promise<PlainOutcome> {
    const admitted = await admit(this.gate, actor, input, read, opts, ctx);
    if (!admitted.ok) return admitted.outcome;
    const m = admitted.message;
    const snaps = await this.snapshotsFor(m);
    return this.store.transaction(
      async (u) => (await repeated(u, this.clock, m, input.bestandsnaam, opts)) ?? (await this.processNew(u, m, input, read, snaps, opts, ctx)),
    );
  }

  /** The catalogue the message is checked against: today's, and for a 323 that of its period's begin as well. */
  private async snapshotsFor({ def, model }: Admitted): Promise<Map<string, CatalogueSnapshot>> {
    const today = this.clock.today();
    const snaps = new Map<string, CatalogueSnapshot>();
    snaps.set(today, await this.snapshot(today));
    if (def.number === "323") {
      const begin = str(obj(obj(model.Declaratie).DeclaratiePeriode).Begindatum);
      if (begin && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(begin)) snaps.set(begin, await this.snapshot(begin));
    }
    return snaps;
  }

  /**
   * A message seen for the first time: stored; rejected in its header (0001, 8848) with a header-only answer, or else
   * handled per kind, its answers written and its outcome stored with it.
   */
  private async processNew(
    u: MessageUnit,
    m: Admitted,
    input: BerichtInput,
    read: ReturnType<typeof validateMessage>,
    snaps: Map<string, CatalogueSnapshot>,
    opts: ProcessOptions,
    ctx: AccessContext,
  ): Promise<PlainOutcome> {
    const { def, model, h, keyId, dagtekening, blank } = m;
    const today = this.clock.today();
    const base = incoming(m, input.bestandsnaam, this.clock.now());
    const xmlText = new TextDecoder().decode(input.bytes);
    const prestaties = def.number === "323" ? prestatiesOf(model).length : 0;
    const done = { ...blank, identificatie: keyId, dagtekening };
    // header-level rejections: technical (0001), a Dagtekening in the future (8848); a used Identificatie (9056) is in repeat.ts
    const rejected = headerRejection(read, m, today);
    if (rejected) {
      const rec = await u.messages.insert({ ...base, status: "afgekeurd", retourcodes: rejected.codes, meldingen: rejected.meldingen }, xmlText);
      const answers: PendingAnswer[] =
        m.how === "answer" ? [{ def: answerDefinition(def), build: (meta) => rejectionModel(def, model, h, meta, rejected.codes) }] : [];
      const antwoorden = await this.writeAnswers(u, rec, answers, opts);
      return { ...done, status: "afgekeurd", retourcodes: rejected.codes, meldingen: rejected.meldingen, antwoorden, berichtId: rec.id, prestaties };
    }
    const rec = await u.messages.insert(base, xmlText);
    const ctxMsg: AccessContext = { endpoint: ctx.endpoint, purpose: `${ctx.purpose}: ${def.name} ${keyId}` };
    const handled = await dispatch(m.rol, { def, model, h, wet: m.wet, rec, u, clock: this.clock }, this.careIn(u, snaps), snaps.get(today)!, ctxMsg, opts);
    const antwoorden = await this.writeAnswers(u, rec, handled.answers, opts);
    const codes = [...new Set(antwoorden.flatMap((a) => a.retourcodes ?? []))].sort();
    const retourcodes = m.how === "register" ? retourcodesIn(model) : codes;
    await u.messages.update(rec.id, {
      status: handled.status,
      retourcodes,
      meldingen: handled.meldingen,
      samenvatting: handled.summary,
      ...(antwoorden[0] ? { antwoordBestand: antwoorden[0].bestandsnaam } : {}),
    });
    return { ...done, status: handled.status, retourcodes, meldingen: handled.meldingen, antwoorden, berichtId: rec.id, prestaties };
  }

  /**
   * Builds, checks and logs each answer (answers.ts). A method of the service, looked up on each message: a test
   * replaces it to make a message's transaction fail halfway.
   */
  writeAnswers(u: MessageUnit, rec: BerichtRecord, answers: PendingAnswer[], opts: ProcessOptions): Promise<AnswerFile[]> {
    return writeAnswers(u, this.clock, rec, answers, opts);
  }

  /** Marks answers as written out (`berichten verwerk --uit`, after writing the files; see ProcessOptions.antwoordenLater). */
  async markWritten(berichtIds: number[]): Promise<void> {
    await this.store.messages.markeerGeschreven(berichtIds, this.clock.now());
  }

  /** Whether this user may upload messages at all (asked before the upload is read; logged). */
  async mayUpload(actor: Actor, ctx: AccessContext): Promise<Refusal | null> {
    const r = await this.gate.guard(actor, "bericht", "write", tenantOf(actor), ctx, async () => null);
    return r.ok ? null : r;
  }

  // ---- the toegang's messages (toegang.ts) and reading (reading.ts) ----

  toewijzingBerichten(actor: Actor, q: { gemeente: string; aanbieder?: string | undefined; toewijzingnummers?: string[] | undefined }, ctx: AccessContext) {
    return toewijzingBerichten(this.parts, actor, q, ctx);
  }

  beantwoordVerzoek(actor: Actor, id: number, antwoord: { verzoekAntwoord: "afgewezen" | "in-onderzoek"; reden?: string | undefined }, ctx: AccessContext) {
    return beantwoordVerzoek(this.parts, actor, id, antwoord, ctx);
  }

  list(actor: Actor, q: { richting?: string | undefined; page?: number | undefined }, ctx: AccessContext) {
    return list(this.parts, actor, q, ctx);
  }

  get(actor: Actor, id: number, ctx: AccessContext): Promise<Result<MessageWithAnswers>> {
    return get(this.parts, actor, id, ctx);
  }

  xml(actor: Actor, id: number, ctx: AccessContext) {
    return xml(this.parts, actor, id, ctx);
  }

  verzoeken(actor: Actor, ctx: AccessContext) {
    return verzoeken(this.parts, actor, ctx);
  }
}
