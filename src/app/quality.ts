import { createHash, randomUUID } from "node:crypto";
import {
  AnswerBody,
  type AssessmentView,
  CriterionSearchParams,
  type Framework,
  type FrameworkItem,
  InviteBody,
  type OverviewRow,
  PveConcept,
  type QuestionView,
  type Reminder,
  ReviewBody,
} from "../contract/quality.ts";
import type { Action, Target } from "../domain/auth/policy.ts";
import { AgbCode, Gemeentecode } from "../domain/auth/principal.ts";
import { type AllowedFileType, type AntwoordRecord, MAX_FILE_BYTES, prefill, reminders, safeFileName, statusCounts } from "../domain/quality/assessment.ts";
import { type GeneralRequirement, generalRequirements004 } from "../domain/quality/general-requirements.ts";
import { conceptGroups, type CriterionQuery, frameworkSummary, isLapsed, lapsedWarning, type QualityLibrary, segmentsOf } from "../domain/quality/library.ts";
import { type PveDocument, resolvePve } from "../domain/quality/pve.ts";
import { fail, ok, type Problem, problem, type Result } from "../domain/shared/problem.ts";
import { explainZodIssue } from "../domain/shared/zod-dutch.ts";
import type { AccessContext, AccessGate, Actor, SubjectsOf } from "./access.ts";
import type { CatalogueService } from "./catalogue.ts";
import type { Clock, ProviderRepository } from "./ports.ts";
import type { AssessmentKey, FileMeta, PveRecord, PveVersionRecord, QualityRepository } from "./quality-ports.ts";

export type { AssessmentView, FrameworkItem, OverviewRow, QuestionView } from "../contract/quality.ts";

/** Recognises an uploaded file's type from its bytes (an adapter: file-type). */
export type FileTypeDetector = (bytes: Uint8Array) => Promise<AllowedFileType | null>;

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, val) =>
    val && typeof val === "object" && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );

const noPve = (id: string) => problem.notFound(`geen programma van eisen ${id}`, undefined, "Programma van eisen niet gevonden");
const noVersion = (id: string, v: string | number) =>
  problem.notFound(`programma van eisen ${id} heeft geen gepubliceerde versie ${v}`, undefined, "Versie niet gevonden");
const noAssessment = ({ id, v }: AssessmentAt) =>
  problem.notFound(`geen gepubliceerde versie ${v} van ${id}, of ongeldige AGB-code`, undefined, "Zelfevaluatie niet gevonden");
const notInvited = (agb: string) => problem.notFound(`aanbieder ${agb} is niet uitgenodigd voor deze versie`, undefined, "Zelfevaluatie niet gevonden");
const noQuestion = (question: string) => problem.notFound(`deze versie heeft geen vraag ${question}`, "vraag", "Vraag niet gevonden");
/** An evidence file over the size limit (the multipart reader in the API stops at the same limit). */
export const evidenceTooLarge = (): Problem => ({
  code: "payload-too-large",
  title: "Bestand te groot",
  detail: `een bewijsstuk is hoogstens ${MAX_FILE_BYTES / 1024 / 1024} MB`,
  path: "bestand",
});
const noFile = (detail: string) => problem.notFound(detail, undefined, "Bestand niet gevonden");

/** A version number from a path or an option: a whole number from 1, or null. */
function parseVersion(v: string | number): number | null {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n < 1_000_000 ? n : null;
}

/** Where a self-assessment is: the programme, its version (as given) and the aanbieder — the API's path parameters. */
export interface AssessmentAt {
  id: string;
  v: string | number;
  agb: string;
}
/** One question of a self-assessment. */
export interface QuestionAt extends AssessmentAt {
  vraag: string;
}

/** A published version and the policy target for an assessment of `agb` in it: whether that aanbieder is invited. */
interface FoundAssessment {
  rec: PveVersionRecord;
  key: AssessmentKey;
  invited: boolean;
}

/**
 * Quality frameworks in procurement: the library (public), the programma-van-eisen composer (a gemeente's
 * contractmanager), and provider self-assessment with evidence and review. Drafts are the gemeente's own; a published
 * version is immutable and answered by the aanbieders it invites. Every access to an assessment is logged.
 */
export class QualityService {
  private lib: Promise<QualityLibrary> | null = null;

  constructor(
    private readonly repo: QualityRepository,
    private readonly catalogue: CatalogueService,
    private readonly providers: ProviderRepository,
    private readonly gate: AccessGate,
    private readonly clock: Clock,
    private readonly detectType: FileTypeDetector,
    private readonly general: GeneralRequirement[] = generalRequirements004,
  ) {}

  // ---------------------------------------------------------------- library

  /** Loads a validated library (idempotent: an unchanged library writes nothing). */
  async loadLibrary(lib: QualityLibrary): Promise<{ changed: boolean; frameworks: number; criteria: number }> {
    const hash = createHash("sha256").update(canonical(lib)).digest("hex");
    const counts = { frameworks: lib.frameworks.length, criteria: lib.frameworks.reduce((n, f) => n + f.criteria.length, 0) };
    if ((await this.repo.libraryHash()) === hash) return { changed: false, ...counts };
    await this.repo.replaceLibrary(lib, hash, this.clock.now());
    this.lib = null;
    return { changed: true, ...counts };
  }

  library(): Promise<QualityLibrary> {
    this.lib ??= this.repo.library().catch((e: unknown) => {
      this.lib = null;
      throw e;
    });
    return this.lib;
  }

  async frameworks(): Promise<FrameworkItem[]> {
    return (await this.library()).frameworks.map((f) => ({
      ...frameworkSummary(f),
      uitgever: f.uitgever,
      statusTekst: f.status.text,
      statusSinds: f.status.since,
      waarschuwing: lapsedWarning(f),
    }));
  }

  async framework(nrRaw: string): Promise<Result<Framework>> {
    const nr = Number(nrRaw);
    const lib = await this.library();
    const f = Number.isInteger(nr) ? lib.frameworks.find((x) => x.nr === nr) : undefined;
    if (!f) return fail(problem.notFound(`geen kwaliteitskader ${nrRaw} (nummers 1 tot en met 15)`, "nr", "Kwaliteitskader niet gevonden"));
    return ok({ ...f, segmentenUitgebreid: segmentsOf(f, lib.segments), waarschuwing: lapsedWarning(f), vervallen: isLapsed(f) });
  }

  /** Criteria by text and filters; the parameters come as strings (API query, CLI options), each problem names its own. */
  async search(raw: Record<string, unknown>) {
    const p = CriterionSearchParams.safeParse(raw, { reportInput: true });
    if (!p.success)
      return fail(
        ...p.error.issues.map((i): Problem => {
          const name = i.code === "unrecognized_keys" ? i.keys.join(", ") : String(i.path[0] ?? "");
          const detail = i.code === "unrecognized_keys" ? `onbekende parameter: ${name}` : explainZodIssue(i);
          return { code: "invalid-parameter", title: `Ongeldige parameter ${name}`, detail, path: name };
        }),
      );
    const q: CriterionQuery = p.data;
    const r = await this.repo.searchCriteria(q);
    return ok({ ...r, limit: q.limit, offset: q.offset });
  }

  async segments() {
    return (await this.library()).segments;
  }

  async concepts() {
    return conceptGroups(await this.library());
  }

  generalRequirements(): GeneralRequirement[] {
    return this.general;
  }

  // ---------------------------------------------------------------- who asks

  private username = (actor: Actor) => (actor.kind === "cli" ? "kader-cli" : (actor.principal?.username ?? "onbekend"));
  private tenant = (actor: Actor) => (actor.kind === "user" ? (actor.principal?.tenant ?? null) : null);

  // ---------------------------------------------------------------- composer

  private async productInfo() {
    return (await this.catalogue.all()).products.map((p) => ({ id: p.id, name: p.name, productcode: p.productcode, law: p.law }));
  }

  /** Resolves a draft into its numbered document (the preview), or the problems that block publishing. */
  async preview(concept: PveConcept, gemeentecode: string): Promise<Result<PveDocument>> {
    return resolvePve(concept, gemeentecode, await this.library(), this.general, await this.productInfo());
  }

  async createPve(actor: Actor, input: unknown, ctx: AccessContext, opts: { gemeentecode?: string } = {}): Promise<Result<PveRecord>> {
    const t = this.tenant(actor);
    const code = actor.kind === "cli" ? opts.gemeentecode : t?.kind === "gemeente" ? t.gemeentecode : undefined;
    const target: Target = { gemeentecode: code ?? null };
    const denied = await this.gate.precheck(actor, "programma-van-eisen", "write", target, ctx);
    if (denied) return denied;
    if (!code || !Gemeentecode.safeParse(code).success)
      return fail({ code: "invalid-parameter", title: "Gemeente ontbreekt", detail: "geef een gemeentecode van 4 cijfers", path: "gemeente" });
    const parsed = PveConcept.safeParse(input, { reportInput: true });
    if (!parsed.success) return fail(...problem.fromZod(parsed.error, "Ongeldig programma van eisen"));
    const now = this.clock.now();
    const rec: PveRecord = { id: randomUUID(), gemeentecode: code, concept: parsed.data, createdAt: now, createdBy: this.username(actor), updatedAt: now };
    return this.gate.guard(actor, "programma-van-eisen", "write", target, ctx, async () => {
      await this.repo.createPve(rec);
      return rec;
    });
  }

  /** The gemeente's own programmes (drafts and versions); an aanbieder gets the published versions it is invited to. */
  async listPves(actor: Actor, ctx: AccessContext, opts: { gemeentecode?: string } = {}) {
    const t = this.tenant(actor);
    if (t?.kind === "aanbieder")
      return this.gate.guard(actor, "programma-van-eisen", "read", { agbCode: t.agbCode }, ctx, async () => ({
        concepten: [] as (PveRecord & { versies: number })[],
        uitnodigingen: await this.repo.invitedVersions(t.agbCode),
      }));
    const code = actor.kind === "cli" ? (opts.gemeentecode ?? null) : t?.kind === "gemeente" ? t.gemeentecode : null;
    return this.gate.guard(actor, "programma-van-eisen", "read", { gemeentecode: code }, ctx, async () => ({
      concepten: code ? await this.repo.listPves(code) : [],
      uitnodigingen: [] as Awaited<ReturnType<QualityRepository["invitedVersions"]>>,
    }));
  }

  private async ownPve(actor: Actor, id: string, action: Action, ctx: AccessContext): Promise<Result<PveRecord>> {
    const p = await this.repo.getPve(id);
    if (!p) return fail(noPve(id));
    // drafts belong to the gemeente alone: an aanbieder never sees one (the target names no aanbieder)
    return this.gate.guard(actor, "programma-van-eisen", action, { gemeentecode: p.gemeentecode }, ctx, async () => p);
  }

  async getPve(actor: Actor, id: string, ctx: AccessContext) {
    const p = await this.ownPve(actor, id, "read", ctx);
    if (!p.ok) return p;
    const versions = await this.repo.versions(id);
    const preview = await this.preview(p.value.concept, p.value.gemeentecode);
    return ok({ ...p.value, versies: versions, voorbeeld: preview.ok ? preview.value : null, problemen: preview.ok ? [] : preview.problems });
  }

  /** Replaces the draft. Invalid input changes nothing; references are checked at preview and publication. */
  async updatePve(actor: Actor, id: string, input: unknown, ctx: AccessContext): Promise<Result<PveRecord>> {
    const p = await this.repo.getPve(id);
    if (!p) return fail(noPve(id));
    const target: Target = { gemeentecode: p.gemeentecode };
    const denied = await this.gate.precheck(actor, "programma-van-eisen", "write", target, ctx);
    if (denied) return denied;
    const parsed = PveConcept.safeParse(input, { reportInput: true });
    if (!parsed.success) return fail(...problem.fromZod(parsed.error, "Ongeldig programma van eisen"));
    const at = this.clock.now();
    return this.gate.guard(actor, "programma-van-eisen", "write", target, ctx, async () => {
      await this.repo.updateConcept(id, parsed.data, at);
      return { ...p, concept: parsed.data, updatedAt: at };
    });
  }

  /** Publishes the draft as the next numbered version; the version can never change afterwards. */
  async publish(actor: Actor, id: string, ctx: AccessContext): Promise<Result<{ versie: number; document: PveDocument }>> {
    const p = await this.ownPve(actor, id, "write", ctx);
    if (!p.ok) return p;
    const doc = await this.preview(p.value.concept, p.value.gemeentecode);
    if (!doc.ok) return doc;
    if (doc.value.eisen.length === 0) return fail(problem.invalid("voeg minstens één eis toe vóór het publiceren", "onderdelen", "Leeg programma van eisen"));
    const version = await this.repo.publish(id, p.value.gemeentecode, doc.value, this.clock.now(), this.username(actor));
    return ok({ versie: version, document: doc.value });
  }

  /** A published version by its number as given (a path parameter, an option), or "not found". */
  private async publishedVersion(id: string, v: string | number): Promise<Result<{ version: number; rec: PveVersionRecord }>> {
    const version = parseVersion(v);
    const rec = version === null ? null : await this.repo.version(id, version);
    return rec && version !== null ? ok({ version, rec }) : fail(noVersion(id, v));
  }

  /**
   * A published version: its gemeente reads it, and so does an invited aanbieder. Others are refused by the policy
   * (the target names the caller's aanbieder only when it is invited).
   */
  async version(actor: Actor, id: string, v: string | number, ctx: AccessContext) {
    const found = await this.publishedVersion(id, v);
    if (!found.ok) return found;
    const { version, rec } = found.value;
    const t = this.tenant(actor);
    const invited = t?.kind === "aanbieder" && (await this.repo.isInvited({ pveId: id, versie: version, agbCode: t.agbCode }));
    const target: Target = { gemeentecode: rec.gemeentecode, agbCode: invited && t?.kind === "aanbieder" ? t.agbCode : null };
    return this.gate.guard(actor, "programma-van-eisen", "read", target, ctx, async () => ({
      ...rec,
      uitnodigingen: t?.kind === "aanbieder" ? [] : await this.repo.invitations(id, version),
    }));
  }

  /** Invites aanbieders (AGB codes, or every aanbieder the gemeente contracts) to answer a published version. */
  async invite(actor: Actor, id: string, v: string | number, body: unknown, ctx: AccessContext) {
    const found = await this.publishedVersion(id, v);
    if (!found.ok) return found;
    const { version, rec } = found.value;
    const target: Target = { gemeentecode: rec.gemeentecode };
    const denied = await this.gate.precheck(actor, "programma-van-eisen", "write", target, ctx);
    if (denied) return denied;
    const parsed = InviteBody.safeParse(body, { reportInput: true });
    if (!parsed.success) return fail(...problem.fromZod(parsed.error, "Ongeldige uitnodiging"));
    const contracted = parsed.data.gecontracteerd ? (await this.providers.list({ gemeentecode: rec.gemeentecode })).map((p) => p.agbCode) : [];
    const codes = [...new Set([...parsed.data.agbCodes, ...contracted])];
    if (codes.length === 0) return fail(problem.invalid("noem AGB-codes of kies de gecontracteerde aanbieders", "agbCodes", "Niemand uitgenodigd"));
    return this.gate.guard(actor, "programma-van-eisen", "write", target, ctx, async () => {
      await this.repo.invite(id, version, rec.gemeentecode, codes, this.clock.now(), this.username(actor));
      return this.repo.invitations(id, version);
    });
  }

  // ---------------------------------------------------------------- self-assessment

  /** A write to a self-assessment, through the gate: allowed by the policy and logged with the assessment's key. */
  private write<T>(actor: Actor, target: Target, ctx: AccessContext, subjects: SubjectsOf<T>, work: () => Promise<T>) {
    return this.gate.guard(actor, "zelfevaluatie", "write", target, ctx, work, subjects);
  }

  /** Finds the version and decides the policy target for an assessment of `agb`: own aanbieder if invited, own gemeente. */
  private async assessmentTarget({ id, v, agb }: AssessmentAt): Promise<FoundAssessment | null> {
    const version = parseVersion(v);
    const rec = version === null ? null : await this.repo.version(id, version);
    if (!rec || version === null || !AgbCode.safeParse(agb).success) return null;
    const key: AssessmentKey = { pveId: id, versie: version, agbCode: agb };
    const invited = await this.repo.isInvited(key);
    return { rec, key, invited };
  }

  /**
   * An assessment the aanbieder writes to (an answer, evidence): found, the actor allowed (a refusal is logged at
   * once), the aanbieder invited. Only the aanbieder writes: the target names no gemeente, so no gemeente role matches.
   */
  private async writableAssessment(actor: Actor, at: AssessmentAt, ctx: AccessContext): Promise<Result<{ a: FoundAssessment; target: Target }>> {
    const a = await this.assessmentTarget(at);
    if (!a) return fail(noAssessment(at));
    const target: Target = { agbCode: a.invited ? at.agb : null, gemeentecode: null };
    const denied = await this.gate.precheck(actor, "zelfevaluatie", "write", target, ctx, assessmentSubject(a.key));
    if (denied) return denied;
    if (!a.invited) return fail(notInvited(at.agb));
    return ok({ a, target });
  }

  /** The same, for one question of the version (which must exist). */
  private async writableQuestion(actor: Actor, at: QuestionAt, ctx: AccessContext) {
    const w = await this.writableAssessment(actor, at, ctx);
    if (w.ok && !w.value.a.rec.inhoud.vragen.some((q) => q.key === at.vraag)) return fail(noQuestion(at.vraag));
    return w;
  }

  async assessment(actor: Actor, at: AssessmentAt, ctx: AccessContext): Promise<Result<AssessmentView>> {
    const { id, agb } = at;
    const a = await this.assessmentTarget(at);
    if (!a) return fail(noAssessment(at));
    const target: Target = { gemeentecode: a.rec.gemeentecode, agbCode: a.invited ? agb : null };
    const r = await this.gate.guard(
      actor,
      "zelfevaluatie",
      "read",
      target,
      ctx,
      async (): Promise<AssessmentView | null> => {
        if (!a.invited) return null;
        const [answers, files, history, provider] = await Promise.all([
          this.repo.answers(a.key),
          this.repo.files(a.key),
          this.repo.history(a.key),
          this.providers.get(agb),
        ]);
        const t = this.tenant(actor);
        // pre-filling reads the aanbieder's own compliance data: only for the aanbieder itself (or the local CLI)
        const mayPrefill = actor.kind === "cli" || (t?.kind === "aanbieder" && t.agbCode === agb);
        const questions = a.rec.inhoud.vragen;
        const staff = mayPrefill && questions.some((q) => q.toetsbaar?.bron === "personeel") ? await this.providers.staff(agb) : [];
        const today = this.clock.today();
        const byQuestion = new Map(answers.map((x) => [x.vraag, x]));
        const views: QuestionView[] = questions.map((q) => ({
          ...q,
          status: byQuestion.get(q.key)?.status ?? "open",
          antwoord: byQuestion.get(q.key) ?? null,
          bestanden: files.filter((f) => f.vraag === q.key),
          geschiedenis: history.filter((h) => h.vraag === q.key),
          voorinvulling: mayPrefill && q.toetsbaar ? prefill(q.toetsbaar, provider, staff, today) : null,
        }));
        return {
          pve: { id, versie: a.key.versie, titel: a.rec.inhoud.titel, gemeentecode: a.rec.gemeentecode },
          aanbieder: { agbCode: agb, naam: provider?.name ?? null },
          document: a.rec.inhoud,
          vragen: views,
          telling: statusCounts(questions, answers),
          herinneringen: reminders(questions, answers, today, 60),
        };
      },
      assessmentSubject(a.key),
    );
    if (!r.ok) return r;
    return r.value ? ok(r.value) : fail(notInvited(agb));
  }

  /** The aanbieder answers one question (only its own, only when invited). */
  async answer(actor: Actor, at: QuestionAt, body: unknown, ctx: AccessContext): Promise<Result<AntwoordRecord>> {
    const w = await this.writableQuestion(actor, at, ctx);
    if (!w.ok) return w;
    const question = at.vraag;
    const { a, target } = w.value;
    const parsed = AnswerBody.safeParse(body, { reportInput: true });
    if (!parsed.success) return fail(...problem.fromZod(parsed.error, "Ongeldig antwoord"));
    const now = this.clock.now();
    return this.write(actor, target, ctx, assessmentSubject(a.key, question), async () => {
      await this.repo.saveAnswer({ ...a.key, gemeentecode: a.rec.gemeentecode, vraag: question }, parsed.data, now, this.username(actor));
      return (await this.repo.answers(a.key)).find((x) => x.vraag === question)!;
    });
  }

  /** May the actor upload evidence for this assessment? Asked before the request body is read. */
  async authorizeUpload(actor: Actor, at: AssessmentAt, ctx: AccessContext): Promise<Problem[] | null> {
    const w = await this.writableAssessment(actor, at, ctx);
    return w.ok ? null : w.problems;
  }

  /**
   * Stores an evidence file: the type is read from the bytes (PDF, PNG, JPEG only), the size is capped, the name is
   * made safe (a name with a path is refused). The content goes into the database, never onto a served path.
   */
  async upload(actor: Actor, at: QuestionAt, file: { name: string; bytes: Uint8Array }, ctx: AccessContext): Promise<Result<FileMeta>> {
    const w = await this.writableQuestion(actor, at, ctx);
    if (!w.ok) return w;
    const question = at.vraag;
    const { a, target } = w.value;
    const where = { path: "bestand" };
    if (file.bytes.length === 0) return fail({ code: "invalid-input", title: "Leeg bestand", detail: "het bestand is leeg", ...where });
    if (file.bytes.length > MAX_FILE_BYTES) return fail(evidenceTooLarge());
    const type = await this.detectType(file.bytes);
    if (!type)
      return fail({
        code: "unsupported",
        title: "Bestandstype niet toegestaan",
        detail: "alleen PDF, PNG of JPEG (herkend aan de inhoud van het bestand)",
        ...where,
      });
    const name = safeFileName(file.name, type);
    if (!name.ok) return name;
    const meta: FileMeta = {
      id: randomUUID(),
      vraag: question,
      naam: name.value,
      mime: type,
      grootte: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      uploadedAt: this.clock.now(),
      uploadedBy: this.username(actor),
    };
    return this.write(actor, target, ctx, { records: [...assessmentSubject(a.key, question).records, `bestand:${meta.id}`] }, async () => {
      await this.repo.addFile({ ...a.key, gemeentecode: a.rec.gemeentecode, vraag: question }, meta, file.bytes);
      return meta;
    });
  }

  async download(actor: Actor, at: AssessmentAt, fileId: string, ctx: AccessContext): Promise<Result<{ meta: FileMeta; content: Uint8Array }>> {
    const a = await this.assessmentTarget(at);
    if (!a) return fail(noFile("geen bestand"));
    const target: Target = { gemeentecode: a.rec.gemeentecode, agbCode: a.invited ? at.agb : null };
    const r = await this.gate.guard(actor, "zelfevaluatie", "read", target, ctx, () => this.repo.file(a.key, fileId), {
      records: [...assessmentSubject(a.key).records, `bestand:${fileId.slice(0, 60)}`],
    });
    if (!r.ok) return r;
    return r.value ? ok(r.value) : fail(noFile(`geen bestand ${fileId}`));
  }

  /** The gemeente's contract manager reviews one answer: akkoord / aanvullen / niet akkoord, with a comment. */
  async review(actor: Actor, at: QuestionAt, body: unknown, ctx: AccessContext): Promise<Result<AntwoordRecord>> {
    const a = await this.assessmentTarget(at);
    if (!a) return fail(noAssessment(at));
    const question = at.vraag;
    // only the gemeente reviews: the target names no aanbieder
    const target: Target = { gemeentecode: a.rec.gemeentecode, agbCode: null };
    const denied = await this.gate.precheck(actor, "zelfevaluatie", "write", target, ctx, assessmentSubject(a.key));
    if (denied) return denied;
    const parsed = ReviewBody.safeParse(body, { reportInput: true });
    if (!parsed.success) return fail(...problem.fromZod(parsed.error, "Ongeldige beoordeling"));
    const r = await this.write(actor, target, ctx, assessmentSubject(a.key, question), async () => {
      const done = await this.repo.review({ ...a.key, vraag: question }, parsed.data, this.clock.now(), this.username(actor));
      return done ? (await this.repo.answers(a.key)).find((x) => x.vraag === question)! : null;
    });
    if (!r.ok) return r;
    return r.value ? ok(r.value) : fail(problem.notFound(`aanbieder ${at.agb} heeft vraag ${question} nog niet beantwoord`, "vraag", "Antwoord niet gevonden"));
  }

  /** Review status per invited aanbieder of a version (the overview and its CSV/Excel export). */
  async overview(
    actor: Actor,
    id: string,
    v: string | number,
    ctx: AccessContext,
  ): Promise<Result<{ document: PveDocument; version: number; rows: OverviewRow[] }>> {
    const found = await this.publishedVersion(id, v);
    if (!found.ok) return found;
    const { version, rec } = found.value;
    return this.gate.guard(
      actor,
      "zelfevaluatie",
      "read",
      { gemeentecode: rec.gemeentecode, agbCode: null },
      ctx,
      async () => {
        const [invites, answers] = await Promise.all([this.repo.invitations(id, version), this.repo.allAnswers(id, version)]);
        const rows: OverviewRow[] = [];
        for (const i of invites) {
          const p = await this.providers.get(i.agbCode);
          rows.push({
            agbCode: i.agbCode,
            naam: p?.name ?? null,
            uitgenodigdOp: i.invitedAt,
            telling: statusCounts(
              rec.inhoud.vragen,
              answers.filter((x) => x.agbCode === i.agbCode),
            ),
            vragen: rec.inhoud.vragen.length,
          });
        }
        return { document: rec.inhoud, version, rows };
      },
      (o) => ({ records: o.rows.map((x) => assessmentSubject({ pveId: id, versie: version, agbCode: x.agbCode }).records[0]!), count: o.rows.length }),
    );
  }

  /** The work list: expiring evidence and periodic requirements, over the versions the caller may see. */
  async reminders(actor: Actor, days: number, ctx: AccessContext): Promise<Result<Reminder[]>> {
    if (!Number.isInteger(days) || days < 0 || days > 3650)
      return fail({ code: "invalid-parameter", title: "Ongeldige parameter dagen", detail: "een geheel aantal dagen van 0 tot 3650", path: "dagen" });
    const t = this.tenant(actor);
    const target: Target = t?.kind === "gemeente" ? { gemeentecode: t.gemeentecode } : t?.kind === "aanbieder" ? { agbCode: t.agbCode } : {};
    return this.gate.guard(
      actor,
      "zelfevaluatie",
      "read",
      target,
      ctx,
      async () => {
        const today = this.clock.today();
        const out: Reminder[] = [];
        const versions =
          t?.kind === "aanbieder"
            ? (await this.repo.invitedVersions(t.agbCode)).map((x) => ({ pveId: x.pveId, versie: x.versie }))
            : t?.kind === "gemeente"
              ? (
                  await Promise.all(
                    (
                      await this.repo.listPves(t.gemeentecode)
                    ).map(async (p) => (await this.repo.versions(p.id)).map((x) => ({ pveId: x.pveId, versie: x.versie }))),
                  )
                ).flat()
              : [];
        for (const ver of versions) {
          const rec = await this.repo.version(ver.pveId, ver.versie);
          if (!rec) continue;
          const answers = await this.repo.allAnswers(ver.pveId, ver.versie);
          const agbs = [...new Set(answers.map((x) => x.agbCode))].filter((a) => t?.kind !== "aanbieder" || a === t.agbCode);
          for (const agb of agbs)
            for (const h of reminders(
              rec.inhoud.vragen,
              answers.filter((x) => x.agbCode === agb),
              today,
              days,
            ))
              out.push({ ...h, pveId: ver.pveId, versie: ver.versie, pveTitel: rec.inhoud.titel, agbCode: agb });
        }
        return out.sort((a, b) => a.dagen - b.dagen);
      },
      (out) => ({
        records: out.map((x) => assessmentSubject({ pveId: x.pveId, versie: x.versie, agbCode: x.agbCode }).records[0]!),
        filter: `herinneringen binnen ${days} dagen`,
        count: out.length,
      }),
    );
  }
}

/** The access-log record key of a self-assessment (and one of its questions); no personal data, only keys. */
function assessmentSubject(k: AssessmentKey, question?: string): { records: string[] } {
  return { records: [`zelfevaluatie:${k.pveId}/${k.versie}/${k.agbCode}${question ? `/${question.slice(0, 60)}` : ""}`] };
}
