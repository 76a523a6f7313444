import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { type Action, authorize, type Resource, type Target } from "../domain/auth/policy.ts";
import { AgbCode, Gemeentecode } from "../domain/auth/principal.ts";
import {
  type AllowedFileType,
  Antwoord,
  type AntwoordRecord,
  Beoordeling,
  type Herinnering,
  MAX_FILE_BYTES,
  prefill,
  reminders,
  safeFileName,
  statusCounts,
  type VraagStatus,
  type Voorinvulling,
} from "../domain/quality/assessment.ts";
import { Addressee, type Framework, Nature, QualityElement, QualityLaw, SegmentId } from "../domain/quality/framework-source.ts";
import { type GeneralRequirement, generalRequirements004 } from "../domain/quality/general-requirements.ts";
import {
  conceptGroups,
  type CriterionQuery,
  type FrameworkSummary,
  frameworkSummary,
  isLapsed,
  lapsedWarning,
  type QualityLibrary,
  segmentsOf,
} from "../domain/quality/library.ts";
import { type PveConcept, PveConcept as PveConceptSchema, type PveDocument, type PveVraag, resolvePve } from "../domain/quality/pve.ts";
import type { Problem, Result } from "../domain/shared/problem.ts";
import { explainZodIssue } from "../domain/shared/zod-dutch.ts";
import type { AccessContext, AccessGate, SubjectsOf } from "./access.ts";
import type { CatalogueService } from "./catalogue.ts";
import type { Actor } from "./compliance.ts";
import type { Clock, ProviderRepository } from "./ports.ts";
import type { AssessmentKey, FileMeta, HistoryEvent, PveRecord, QualityRepository } from "./quality-ports.ts";

/** Recognises an uploaded file's type from its bytes (an adapter: file-type). */
export type FileTypeDetector = (bytes: Uint8Array) => Promise<AllowedFileType | null>;

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, val) =>
    val && typeof val === "object" && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );

const invalid = (title: string, e: z.ZodError): Problem[] =>
  e.issues.map((i) => ({ code: "invalid-input", title, detail: explainZodIssue(i), path: i.path.map(String).join(".") }));
const notFound = (what: string, detail: string, path?: string): Problem => ({
  code: "not-found",
  title: `${what} niet gevonden`,
  detail,
  ...(path ? { path } : {}),
});

/** Query parameters of a criterion search, as strings from the API or the CLI. */
export const CriterionSearchParams = z
  .object({
    q: z.string().trim().min(1, "zoekterm is leeg").max(200, "zoekterm is langer dan 200 tekens").optional(),
    element: QualityElement.optional(),
    segment: SegmentId.optional(),
    wet: QualityLaw.optional(),
    adressaat: Addressee.optional(),
    aard: Nature.optional(),
    kader: z.coerce.number().int("kader is een geheel getal").min(1, "kadernummers lopen van 1 tot 15").max(15, "kadernummers lopen van 1 tot 15").optional(),
    begrip: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, "onbekend begrip")
      .optional(),
    limit: z.coerce.number().int("limit is een geheel getal").min(1, "limit is minimaal 1").max(500, "limit is hoogstens 500").default(50),
    offset: z.coerce.number().int("offset is een geheel getal").min(0, "offset is minimaal 0").default(0),
  })
  .strict();

export const InviteBody = z
  .object({
    agbCodes: z.array(AgbCode).max(1000).default([]),
    /** also invite every aanbieder the gemeente contracts */
    gecontracteerd: z.boolean().default(false),
  })
  .strict();

export interface FrameworkListItem extends FrameworkSummary {
  uitgever: string;
  statusTekst: string;
  statusSinds: string | null;
  waarschuwing: string | null;
}

export interface VraagView extends PveVraag {
  status: VraagStatus;
  antwoord: AntwoordRecord | null;
  bestanden: FileMeta[];
  geschiedenis: HistoryEvent[];
  voorinvulling: Voorinvulling | null;
}

export interface AssessmentView {
  pve: { id: string; versie: number; titel: string; gemeentecode: string };
  aanbieder: { agbCode: string; naam: string | null };
  document: PveDocument;
  vragen: VraagView[];
  telling: Record<VraagStatus, number>;
  herinneringen: Herinnering[];
}

export interface OverviewRow {
  agbCode: string;
  naam: string | null;
  uitgenodigdOp: string;
  telling: Record<VraagStatus, number>;
  vragen: number;
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

  async frameworks(): Promise<FrameworkListItem[]> {
    return (await this.library()).frameworks.map((f) => ({
      ...frameworkSummary(f),
      uitgever: f.uitgever,
      statusTekst: f.status.text,
      statusSinds: f.status.since,
      waarschuwing: lapsedWarning(f),
    }));
  }

  async framework(nrRaw: string): Promise<Result<Framework & { segmentenUitgebreid: string[]; waarschuwing: string | null; vervallen: boolean }>> {
    const nr = Number(nrRaw);
    const lib = await this.library();
    const f = Number.isInteger(nr) ? lib.frameworks.find((x) => x.nr === nr) : undefined;
    if (!f) return { ok: false, problems: [notFound("Kwaliteitskader", `geen kwaliteitskader ${nrRaw} (nummers 1 tot en met 15)`, "nr")] };
    return { ok: true, value: { ...f, segmentenUitgebreid: segmentsOf(f, lib.segments), waarschuwing: lapsedWarning(f), vervallen: isLapsed(f) } };
  }

  async search(raw: Record<string, unknown>) {
    const p = CriterionSearchParams.safeParse(raw, { reportInput: true });
    if (!p.success)
      return {
        ok: false as const,
        problems: p.error.issues.map((i) => {
          const name = i.code === "unrecognized_keys" ? i.keys.join(", ") : String(i.path[0] ?? "");
          return {
            code: "invalid-parameter" as const,
            title: `Ongeldige parameter ${name}`,
            detail: i.code === "unrecognized_keys" ? `onbekende parameter: ${name}` : explainZodIssue(i),
            path: name,
          };
        }),
      };
    const q: CriterionQuery = p.data;
    const r = await this.repo.searchCriteria(q);
    return { ok: true as const, value: { ...r, limit: q.limit, offset: q.offset } };
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

  // ---------------------------------------------------------------- access

  /** Accesses to a self-assessment name it in the access log ("zelfevaluatie:<pve>/<versie>/<agb>[/<vraag>]"). */
  private guard<T>(
    actor: Actor,
    resource: Resource,
    action: Action,
    target: Target,
    ctx: AccessContext,
    work: () => Promise<T>,
    subjects?: SubjectsOf<T>,
  ): Promise<Result<T>> {
    return actor.kind === "cli"
      ? this.gate.runTrusted("kader-cli", resource, action, target, ctx, work, subjects)
      : this.gate.run(actor.principal, resource, action, target, ctx, work, subjects);
  }

  private precheck(actor: Actor, resource: Resource, action: Action, target: Target): Problem[] | null {
    if (actor.kind === "cli") return null;
    const d = authorize(actor.principal, resource, action, target);
    if (d.allowed) return null;
    return [
      d.status === 401 ? { code: "unauthorized", title: "Aanmelden nodig", detail: d.reason } : { code: "forbidden", title: "Geen toegang", detail: d.reason },
    ];
  }

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
    const denied = this.precheck(actor, "programma-van-eisen", "write", target);
    if (denied) return { ok: false, problems: denied };
    if (!code || !Gemeentecode.safeParse(code).success)
      return {
        ok: false,
        problems: [{ code: "invalid-parameter", title: "Gemeente ontbreekt", detail: "geef een gemeentecode van 4 cijfers", path: "gemeente" }],
      };
    const parsed = PveConceptSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) return { ok: false, problems: invalid("Ongeldig programma van eisen", parsed.error) };
    const now = this.clock.now();
    const rec: PveRecord = { id: randomUUID(), gemeentecode: code, concept: parsed.data, createdAt: now, createdBy: this.username(actor), updatedAt: now };
    return this.guard(actor, "programma-van-eisen", "write", target, ctx, async () => {
      await this.repo.createPve(rec);
      return rec;
    });
  }

  /** The gemeente's own programmes (drafts and versions); an aanbieder gets the published versions it is invited to. */
  async listPves(actor: Actor, ctx: AccessContext, opts: { gemeentecode?: string } = {}) {
    const t = this.tenant(actor);
    if (t?.kind === "aanbieder")
      return this.guard(actor, "programma-van-eisen", "read", { agbCode: t.agbCode }, ctx, async () => ({
        concepten: [] as (PveRecord & { versies: number })[],
        uitnodigingen: await this.repo.invitedVersions(t.agbCode),
      }));
    const code = actor.kind === "cli" ? (opts.gemeentecode ?? null) : t?.kind === "gemeente" ? t.gemeentecode : null;
    return this.guard(actor, "programma-van-eisen", "read", { gemeentecode: code }, ctx, async () => ({
      concepten: code ? await this.repo.listPves(code) : [],
      uitnodigingen: [] as Awaited<ReturnType<QualityRepository["invitedVersions"]>>,
    }));
  }

  private async ownPve(actor: Actor, id: string, action: Action, ctx: AccessContext): Promise<Result<PveRecord>> {
    const p = await this.repo.getPve(id);
    if (!p) return { ok: false, problems: [notFound("Programma van eisen", `geen programma van eisen ${id}`)] };
    // drafts belong to the gemeente alone: an aanbieder never sees one (the target names no aanbieder)
    return this.guard(actor, "programma-van-eisen", action, { gemeentecode: p.gemeentecode }, ctx, async () => p);
  }

  async getPve(actor: Actor, id: string, ctx: AccessContext) {
    const p = await this.ownPve(actor, id, "read", ctx);
    if (!p.ok) return p;
    const versies = await this.repo.versions(id);
    const voorbeeld = await this.preview(p.value.concept, p.value.gemeentecode);
    return {
      ok: true as const,
      value: { ...p.value, versies, voorbeeld: voorbeeld.ok ? voorbeeld.value : null, problemen: voorbeeld.ok ? [] : voorbeeld.problems },
    };
  }

  /** Replaces the draft. Invalid input changes nothing; references are checked at preview and publication. */
  async updatePve(actor: Actor, id: string, input: unknown, ctx: AccessContext): Promise<Result<PveRecord>> {
    const p = await this.repo.getPve(id);
    if (!p) return { ok: false, problems: [notFound("Programma van eisen", `geen programma van eisen ${id}`)] };
    const denied = this.precheck(actor, "programma-van-eisen", "write", { gemeentecode: p.gemeentecode });
    if (denied) return this.guard(actor, "programma-van-eisen", "write", { gemeentecode: p.gemeentecode }, ctx, async () => p);
    const parsed = PveConceptSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) return { ok: false, problems: invalid("Ongeldig programma van eisen", parsed.error) };
    const at = this.clock.now();
    return this.guard(actor, "programma-van-eisen", "write", { gemeentecode: p.gemeentecode }, ctx, async () => {
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
    if (doc.value.eisen.length === 0)
      return {
        ok: false,
        problems: [{ code: "invalid-input", title: "Leeg programma van eisen", detail: "voeg minstens één eis toe vóór het publiceren", path: "onderdelen" }],
      };
    const versie = await this.repo.publish(id, p.value.gemeentecode, doc.value, this.clock.now(), this.username(actor));
    return { ok: true, value: { versie, document: doc.value } };
  }

  private parseVersie(v: string | number): number | null {
    const n = Number(v);
    return Number.isInteger(n) && n >= 1 && n < 1_000_000 ? n : null;
  }

  /**
   * A published version: its gemeente reads it, and so does an invited aanbieder. Others are refused by the policy
   * (the target names the caller's aanbieder only when it is invited).
   */
  async version(actor: Actor, id: string, v: string | number, ctx: AccessContext) {
    const versie = this.parseVersie(v);
    const rec = versie === null ? null : await this.repo.version(id, versie);
    if (!rec || versie === null)
      return { ok: false as const, problems: [notFound("Versie", `programma van eisen ${id} heeft geen gepubliceerde versie ${v}`)] };
    const t = this.tenant(actor);
    const invited = t?.kind === "aanbieder" && (await this.repo.isInvited({ pveId: id, versie, agbCode: t.agbCode }));
    const target: Target = { gemeentecode: rec.gemeentecode, agbCode: invited && t?.kind === "aanbieder" ? t.agbCode : null };
    return this.guard(actor, "programma-van-eisen", "read", target, ctx, async () => ({
      ...rec,
      uitnodigingen: t?.kind === "aanbieder" ? [] : await this.repo.invitations(id, versie),
    }));
  }

  /** Invites aanbieders (AGB codes, or every aanbieder the gemeente contracts) to answer a published version. */
  async invite(actor: Actor, id: string, v: string | number, body: unknown, ctx: AccessContext) {
    const versie = this.parseVersie(v);
    const rec = versie === null ? null : await this.repo.version(id, versie);
    if (!rec || versie === null)
      return { ok: false as const, problems: [notFound("Versie", `programma van eisen ${id} heeft geen gepubliceerde versie ${v}`)] };
    const target: Target = { gemeentecode: rec.gemeentecode };
    const denied = this.precheck(actor, "programma-van-eisen", "write", target);
    if (denied) return this.guard(actor, "programma-van-eisen", "write", target, ctx, async () => []);
    const parsed = InviteBody.safeParse(body, { reportInput: true });
    if (!parsed.success) return { ok: false as const, problems: invalid("Ongeldige uitnodiging", parsed.error) };
    const contracted = parsed.data.gecontracteerd ? (await this.providers.list({ gemeentecode: rec.gemeentecode })).map((p) => p.agbCode) : [];
    const codes = [...new Set([...parsed.data.agbCodes, ...contracted])];
    if (codes.length === 0)
      return {
        ok: false as const,
        problems: [
          { code: "invalid-input" as const, title: "Niemand uitgenodigd", detail: "noem AGB-codes of kies de gecontracteerde aanbieders", path: "agbCodes" },
        ],
      };
    return this.guard(actor, "programma-van-eisen", "write", target, ctx, async () => {
      await this.repo.invite(id, versie, rec.gemeentecode, codes, this.clock.now(), this.username(actor));
      return this.repo.invitations(id, versie);
    });
  }

  // ---------------------------------------------------------------- self-assessment

  /** Finds the version and decides the policy target for an assessment of `agb`: own aanbieder if invited, own gemeente. */
  private async assessmentTarget(id: string, v: string | number, agb: string) {
    const versie = this.parseVersie(v);
    const rec = versie === null ? null : await this.repo.version(id, versie);
    if (!rec || versie === null || !AgbCode.safeParse(agb).success) return null;
    const key: AssessmentKey = { pveId: id, versie, agbCode: agb };
    const invited = await this.repo.isInvited(key);
    return { rec, key, invited };
  }

  private notInvited(agb: string): Problem[] {
    return [notFound("Zelfevaluatie", `aanbieder ${agb} is niet uitgenodigd voor deze versie`)];
  }

  async assessment(actor: Actor, id: string, v: string | number, agb: string, ctx: AccessContext): Promise<Result<AssessmentView>> {
    const a = await this.assessmentTarget(id, v, agb);
    if (!a) return { ok: false, problems: [notFound("Zelfevaluatie", `geen gepubliceerde versie ${v} van ${id}, of ongeldige AGB-code`)] };
    const target: Target = { gemeentecode: a.rec.gemeentecode, agbCode: a.invited ? agb : null };
    const r = await this.guard(
      actor,
      "zelfevaluatie",
      "read",
      target,
      ctx,
      async () => {
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
        const staff = mayPrefill && a.rec.inhoud.vragen.some((q) => q.toetsbaar?.bron === "personeel") ? await this.providers.staff(agb) : [];
        const today = this.clock.today();
        const byVraag = new Map(answers.map((x) => [x.vraag, x]));
        const vragen: VraagView[] = a.rec.inhoud.vragen.map((q) => ({
          ...q,
          status: byVraag.get(q.key)?.status ?? "open",
          antwoord: byVraag.get(q.key) ?? null,
          bestanden: files.filter((f) => f.vraag === q.key),
          geschiedenis: history.filter((h) => h.vraag === q.key),
          voorinvulling: mayPrefill && q.toetsbaar ? prefill(q.toetsbaar, provider, staff, today) : null,
        }));
        return {
          pve: { id, versie: a.key.versie, titel: a.rec.inhoud.titel, gemeentecode: a.rec.gemeentecode },
          aanbieder: { agbCode: agb, naam: provider?.name ?? null },
          document: a.rec.inhoud,
          vragen,
          telling: statusCounts(a.rec.inhoud.vragen, answers),
          herinneringen: reminders(a.rec.inhoud.vragen, answers, today, 60),
        };
      },
      assessmentSubject(a.key),
    );
    if (!r.ok) return r;
    return r.value ? { ok: true, value: r.value } : { ok: false, problems: this.notInvited(agb) };
  }

  /** The aanbieder answers one question (only its own, only when invited). */
  async answer(actor: Actor, id: string, v: string | number, agb: string, vraag: string, body: unknown, ctx: AccessContext): Promise<Result<AntwoordRecord>> {
    const a = await this.assessmentTarget(id, v, agb);
    if (!a) return { ok: false, problems: [notFound("Zelfevaluatie", `geen gepubliceerde versie ${v} van ${id}, of ongeldige AGB-code`)] };
    // only the aanbieder writes answers: the target names no gemeente, so no gemeente role matches
    const target: Target = { agbCode: a.invited ? agb : null, gemeentecode: null };
    const denied = this.precheck(actor, "zelfevaluatie", "write", target);
    if (denied) return this.guard(actor, "zelfevaluatie", "write", target, ctx, async () => null as never, assessmentSubject(a.key));
    if (!a.invited) return { ok: false, problems: this.notInvited(agb) };
    if (!a.rec.inhoud.vragen.some((q) => q.key === vraag))
      return { ok: false, problems: [notFound("Vraag", `deze versie heeft geen vraag ${vraag}`, "vraag")] };
    const parsed = Antwoord.safeParse(body, { reportInput: true });
    if (!parsed.success) return { ok: false, problems: invalid("Ongeldig antwoord", parsed.error) };
    const at = this.clock.now();
    return this.guard(
      actor,
      "zelfevaluatie",
      "write",
      target,
      ctx,
      async () => {
        await this.repo.saveAnswer({ ...a.key, gemeentecode: a.rec.gemeentecode, vraag }, parsed.data, at, this.username(actor));
        return (await this.repo.answers(a.key)).find((x) => x.vraag === vraag)!;
      },
      assessmentSubject(a.key, vraag),
    );
  }

  /** May the actor upload evidence for this assessment? Asked before the request body is read. */
  async authorizeUpload(actor: Actor, id: string, v: string | number, agb: string, ctx: AccessContext): Promise<Problem[] | null> {
    const a = await this.assessmentTarget(id, v, agb);
    if (!a) return [notFound("Zelfevaluatie", `geen gepubliceerde versie ${v} van ${id}, of ongeldige AGB-code`)];
    const target: Target = { agbCode: a.invited ? agb : null, gemeentecode: null };
    const denied = this.precheck(actor, "zelfevaluatie", "write", target);
    if (!denied) return a.invited ? null : this.notInvited(agb);
    const r = await this.guard(actor, "zelfevaluatie", "write", target, ctx, async () => null, assessmentSubject(a.key));
    return r.ok ? denied : r.problems;
  }

  /**
   * Stores an evidence file: the type is read from the bytes (PDF, PNG, JPEG only), the size is capped, the name is
   * made safe (a name with a path is refused). The content goes into the database, never onto a served path.
   */
  async upload(
    actor: Actor,
    id: string,
    v: string | number,
    agb: string,
    vraag: string,
    file: { name: string; bytes: Uint8Array },
    ctx: AccessContext,
  ): Promise<Result<FileMeta>> {
    const a = await this.assessmentTarget(id, v, agb);
    if (!a) return { ok: false, problems: [notFound("Zelfevaluatie", `geen gepubliceerde versie ${v} van ${id}, of ongeldige AGB-code`)] };
    const target: Target = { agbCode: a.invited ? agb : null, gemeentecode: null };
    const denied = this.precheck(actor, "zelfevaluatie", "write", target);
    if (denied) return this.guard(actor, "zelfevaluatie", "write", target, ctx, async () => null as never, assessmentSubject(a.key));
    if (!a.invited) return { ok: false, problems: this.notInvited(agb) };
    if (!a.rec.inhoud.vragen.some((q) => q.key === vraag))
      return { ok: false, problems: [notFound("Vraag", `deze versie heeft geen vraag ${vraag}`, "vraag")] };
    if (file.bytes.length === 0)
      return { ok: false, problems: [{ code: "invalid-input", title: "Leeg bestand", detail: "het bestand is leeg", path: "bestand" }] };
    if (file.bytes.length > MAX_FILE_BYTES)
      return {
        ok: false,
        problems: [
          { code: "payload-too-large", title: "Bestand te groot", detail: `een bewijsstuk is hoogstens ${MAX_FILE_BYTES / 1024 / 1024} MB`, path: "bestand" },
        ],
      };
    const type = await this.detectType(file.bytes);
    if (!type)
      return {
        ok: false,
        problems: [
          {
            code: "unsupported",
            title: "Bestandstype niet toegestaan",
            detail: "alleen PDF, PNG of JPEG (herkend aan de inhoud van het bestand)",
            path: "bestand",
          },
        ],
      };
    const name = safeFileName(file.name, type);
    if (!name.ok) return name;
    const meta: FileMeta = {
      id: randomUUID(),
      vraag,
      naam: name.value,
      mime: type,
      grootte: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      uploadedAt: this.clock.now(),
      uploadedBy: this.username(actor),
    };
    return this.guard(
      actor,
      "zelfevaluatie",
      "write",
      target,
      ctx,
      async () => {
        await this.repo.addFile({ ...a.key, gemeentecode: a.rec.gemeentecode, vraag }, meta, file.bytes);
        return meta;
      },
      { records: [...assessmentSubject(a.key, vraag).records, `bestand:${meta.id}`] },
    );
  }

  async download(
    actor: Actor,
    id: string,
    v: string | number,
    agb: string,
    fileId: string,
    ctx: AccessContext,
  ): Promise<Result<{ meta: FileMeta; content: Uint8Array }>> {
    const a = await this.assessmentTarget(id, v, agb);
    if (!a) return { ok: false, problems: [notFound("Bestand", "geen bestand")] };
    const target: Target = { gemeentecode: a.rec.gemeentecode, agbCode: a.invited ? agb : null };
    const r = await this.guard(actor, "zelfevaluatie", "read", target, ctx, () => this.repo.file(a.key, fileId), {
      records: [...assessmentSubject(a.key).records, `bestand:${fileId.slice(0, 60)}`],
    });
    if (!r.ok) return r;
    return r.value ? { ok: true, value: r.value } : { ok: false, problems: [notFound("Bestand", `geen bestand ${fileId}`)] };
  }

  /** The gemeente's contract manager reviews one answer: akkoord / aanvullen / niet akkoord, with a comment. */
  async review(actor: Actor, id: string, v: string | number, agb: string, vraag: string, body: unknown, ctx: AccessContext): Promise<Result<AntwoordRecord>> {
    const a = await this.assessmentTarget(id, v, agb);
    if (!a) return { ok: false, problems: [notFound("Zelfevaluatie", `geen gepubliceerde versie ${v} van ${id}, of ongeldige AGB-code`)] };
    // only the gemeente reviews: the target names no aanbieder
    const target: Target = { gemeentecode: a.rec.gemeentecode, agbCode: null };
    const denied = this.precheck(actor, "zelfevaluatie", "write", target);
    if (denied) return this.guard(actor, "zelfevaluatie", "write", target, ctx, async () => null as never, assessmentSubject(a.key));
    const parsed = Beoordeling.safeParse(body, { reportInput: true });
    if (!parsed.success) return { ok: false, problems: invalid("Ongeldige beoordeling", parsed.error) };
    const r = await this.guard(
      actor,
      "zelfevaluatie",
      "write",
      target,
      ctx,
      async () => {
        const done = await this.repo.review({ ...a.key, vraag }, parsed.data, this.clock.now(), this.username(actor));
        return done ? (await this.repo.answers(a.key)).find((x) => x.vraag === vraag)! : null;
      },
      assessmentSubject(a.key, vraag),
    );
    if (!r.ok) return r;
    return r.value
      ? { ok: true, value: r.value }
      : { ok: false, problems: [notFound("Antwoord", `aanbieder ${agb} heeft vraag ${vraag} nog niet beantwoord`, "vraag")] };
  }

  /** Review status per invited aanbieder of a version (the overview and its CSV/Excel export). */
  async overview(
    actor: Actor,
    id: string,
    v: string | number,
    ctx: AccessContext,
  ): Promise<Result<{ document: PveDocument; versie: number; rijen: OverviewRow[] }>> {
    const versie = this.parseVersie(v);
    const rec = versie === null ? null : await this.repo.version(id, versie);
    if (!rec || versie === null) return { ok: false, problems: [notFound("Versie", `programma van eisen ${id} heeft geen gepubliceerde versie ${v}`)] };
    return this.guard(
      actor,
      "zelfevaluatie",
      "read",
      { gemeentecode: rec.gemeentecode, agbCode: null },
      ctx,
      async () => {
        const [invites, answers] = await Promise.all([this.repo.invitations(id, versie), this.repo.allAnswers(id, versie)]);
        const rijen: OverviewRow[] = [];
        for (const i of invites) {
          const p = await this.providers.get(i.agbCode);
          rijen.push({
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
        return { document: rec.inhoud, versie, rijen };
      },
      (o) => ({ records: o.rijen.map((x) => assessmentSubject({ pveId: id, versie, agbCode: x.agbCode }).records[0]!), count: o.rijen.length }),
    );
  }

  /** The work list: expiring evidence and periodic requirements, over the versions the caller may see. */
  async reminders(actor: Actor, days: number, ctx: AccessContext) {
    if (!Number.isInteger(days) || days < 0 || days > 3650)
      return {
        ok: false as const,
        problems: [{ code: "invalid-parameter" as const, title: "Ongeldige parameter dagen", detail: "een geheel aantal dagen van 0 tot 3650", path: "dagen" }],
      };
    const t = this.tenant(actor);
    const target: Target = t?.kind === "gemeente" ? { gemeentecode: t.gemeentecode } : t?.kind === "aanbieder" ? { agbCode: t.agbCode } : {};
    return this.guard(
      actor,
      "zelfevaluatie",
      "read",
      target,
      ctx,
      async () => {
        const today = this.clock.today();
        const out: (Herinnering & { pveId: string; versie: number; pveTitel: string; agbCode: string })[] = [];
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
function assessmentSubject(k: AssessmentKey, vraag?: string): { records: string[] } {
  return { records: [`zelfevaluatie:${k.pveId}/${k.versie}/${k.agbCode}${vraag ? `/${vraag.slice(0, 60)}` : ""}`] };
}
