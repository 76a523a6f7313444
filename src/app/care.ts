import { eventRoles } from "../domain/codes/lifecycle.ts";
import { ClientInput, EventInput, ToewijzingStatus } from "../contract/care.ts";
import type { Target } from "../domain/auth/policy.ts";
import type { BudgetLine } from "../domain/billing/budget.ts";
import { CONTROL_CHARACTER } from "../domain/billing/declaratie.ts";
import type { Product } from "../domain/catalogue/product.ts";
import { maskBsn } from "../domain/care/bsn.ts";
import { Wet } from "../domain/care/codes.ts";
import { type Deadline, type DeadlineSubject, deadlinesFor } from "../domain/care/deadlines.ts";
import type { GrantVerdict } from "../domain/care/grant.ts";
import { applyEvent, type ToewijzingEvent } from "../domain/care/lifecycle.ts";
import type { Period } from "../domain/care/period.ts";
import type { IsoDate } from "../domain/shared/date.ts";
import { fail, problem, type Result } from "../domain/shared/problem.ts";
import type { AccessContext, AccessGate, Actor, SubjectsOf } from "./access.ts";
import { type BudgetReport, budgetParameters, budgetReport } from "./care/budget.ts";
import { type DeclaratieAnswer, DeclaratieIntake, parseDeclaratie, type SubmitOptions, withoutHash } from "./care/declaraties.ts";
import { checkBeschikking, GrantBeschikking } from "./care/grant.ts";
import { actorName, type DeclaratieKey, gemeenteOf, missing, ownTarget, ownTenant, recordIds, type ToewijzingKey, toewijzingSubject } from "./care/shared.ts";
import type { BeschikkingRecord, CareRepository, ClientRecord, Naamdelen, StoredDeclaratie, StoredPrestatie, ToewijzingRecord } from "./care-ports.ts";
import type { CatalogueService } from "./catalogue.ts";
import type { Clock } from "./ports.ts";

export type { BudgetGroup, BudgetReport } from "./care/budget.ts";
export { contentHash, type DeclaratieAnswer, type SubmitOptions } from "./care/declaraties.ts";
export { checkBeschikking, productValidity } from "./care/grant.ts";
export { recordIds } from "./care/shared.ts";

/** A search that looks like a BSN (8 or more digits): logged as "bsn-zoekopdracht", and refused in a URL. */
export const looksLikeBsn = (q: string): boolean => (q.match(/[0-9]/g) ?? []).length >= 8;

/** The display name from the name's parts: "J. de Vries" or "Jan de Vries". */
export const displayName = (n: Naamdelen): string =>
  [n.voornamen ?? (n.voorletters ? `${n.voorletters.split("").join(".")}.` : undefined), n.voorvoegsel, n.achternaam].filter(Boolean).join(" ");

export { eventRoles };

export interface ClientOverview {
  client: ClientRecord;
  beschikkingen: BeschikkingRecord[];
  toewijzingen: (ToewijzingRecord & { productNaam: string | null })[];
}

export interface WorkItem extends Deadline {
  toewijzingnummer: string;
  gemeentecode: string;
  wet: Wet;
  agbCode: string;
  clientId: number;
  productNaam: string;
  overdue: boolean;
}

const running = (t: ToewijzingRecord) => t.status !== "verwijderd" && t.status !== "ingetrokken";

/**
 * The care chain: clients, beschikkingen checked against the productenboek, toewijzingen and their lifecycle,
 * deadlines, declaraties checked with the standard's retourcodes, and budget monitoring. Every access to personal
 * data goes through the access gate (policy + access log); BSNs never reach a log.
 */
export class CareService {
  private readonly granting: GrantBeschikking;
  private readonly intake: DeclaratieIntake;

  constructor(
    private readonly repo: CareRepository,
    private readonly catalogue: CatalogueService,
    private readonly gate: AccessGate,
    private readonly clock: Clock,
  ) {
    this.granting = new GrantBeschikking(repo, catalogue, gate, clock);
    this.intake = new DeclaratieIntake(repo, (asOf) => this.products(asOf), gate, clock);
  }

  private async products(asOf?: string): Promise<Map<string, Product>> {
    const all = await this.catalogue.all(asOf);
    return new Map(all.products.map((p) => [p.id, p]));
  }

  /** A read of the caller's own records (its gemeente's or its aanbieder's), through the gate and into the access log. */
  private readOwn<T>(
    actor: Actor,
    resource: "client" | "toewijzing" | "declaratie",
    ctx: AccessContext,
    subjects: SubjectsOf<T>,
    work: (tenant: { gemeentecode?: string; agbCode?: string }) => Promise<T>,
  ): Promise<Result<T>> {
    return this.gate.guard(actor, resource, "read", ownTarget(actor), ctx, () => work(ownTenant(actor)), subjects);
  }

  /** Checks a proposed beschikking without storing anything (`kader beschikkingen toets`). */
  check(raw: unknown): Promise<Result<GrantVerdict>> {
    return checkBeschikking(this.catalogue, raw);
  }

  async createClient(actor: Actor, raw: unknown, ctx: AccessContext, demo = false): Promise<Result<ClientRecord>> {
    const denied = await this.gate.precheck(actor, "client", "write", { gemeentecode: gemeenteOf(raw) }, ctx);
    if (denied) return denied;
    const parsed = ClientInput.safeParse(raw);
    if (!parsed.success) return fail(...problem.fromZod(parsed.error, "Ongeldige cliënt"));
    const c = parsed.data;
    const r = await this.gate.guard(
      actor,
      "client",
      "write",
      { gemeentecode: c.gemeente },
      ctx,
      async () => {
        if (await this.repo.clientByBsn(c.gemeente, c.bsn)) return null;
        return this.repo.insertClient(
          {
            gemeentecode: c.gemeente,
            bsn: c.bsn,
            geboortedatum: c.geboortedatum,
            naam: c.naam ?? displayName(c.naamdelen!),
            naamdelen: c.naamdelen ?? null,
            adres: c.adres,
            demo,
          },
          this.clock.now(),
        );
      },
      (r) => (r ? { clientIds: [r.id] } : { filter: "bsn-zoekopdracht", count: 1 }),
    );
    if (r.ok && r.value === null) return fail(problem.inconsistent(`deze gemeente kent al een cliënt met BSN ${maskBsn(c.bsn)}`, "bsn", "Niet toegestaan"));
    return r as Result<ClientRecord>;
  }

  /** A client's target for the policy: its gemeente, and the asking aanbieder when it serves the client. */
  private async clientTarget(actor: Actor, c: ClientRecord): Promise<Target> {
    const own = ownTenant(actor).agbCode;
    const serves = own ? (await this.repo.toewijzingen({ clientId: c.id, agbCode: own, limit: 1 })).length > 0 : false;
    return { gemeentecode: c.gemeentecode, agbCode: serves ? own! : null };
  }

  /**
   * The clients the caller may see, by name or BSN (a BSN search arrives in a POST body, never in a URL). The access
   * log names the clients returned and the filter — for a BSN search "bsn-zoekopdracht", never the number.
   */
  async clients(
    actor: Actor,
    q: { q?: string | undefined; page?: number | undefined },
    ctx: AccessContext,
  ): Promise<Result<{ total: number; items: ClientRecord[] }>> {
    const page = Math.max(1, q.page ?? 1);
    const text = q.q?.trim() || undefined;
    if (text !== undefined && CONTROL_CHARACTER.test(text))
      return fail({
        code: "invalid-parameter",
        title: "Ongeldige zoekopdracht",
        detail: "de zoekopdracht bevat een stuurteken (zoals U+0000); alleen gewone tekens zijn toegestaan",
        path: "q",
      });
    const bsn = text !== undefined && looksLikeBsn(text);
    // a BSN as typed: spaces and dots between the digits are left out, an 8-digit BSN gets its leading zero
    const search = bsn && /^[0-9 .]+$/.test(text) ? text.replace(/[ .]/g, "").padStart(9, "0") : text;
    const filter = bsn ? "bsn-zoekopdracht" : text !== undefined ? `naam bevat "${text.slice(0, 60)}"` : "alle cliënten";
    return this.readOwn(
      actor,
      "client",
      ctx,
      (r) => ({ clientIds: r.items.map((c) => c.id), filter: page > 1 ? `${filter}, pagina ${page}` : filter, count: r.total }),
      (tenant) => this.repo.clients({ gemeentecode: tenant.gemeentecode, agbCode: tenant.agbCode, q: search, limit: 50, offset: (page - 1) * 50 }),
    );
  }

  async clientOverview(actor: Actor, id: number, ctx: AccessContext): Promise<Result<ClientOverview>> {
    const c = await this.repo.client(id);
    if (!c) return (await this.gate.precheck(actor, "client", "read", ownTarget(actor), ctx)) ?? fail(...missing.client(id));
    const target = await this.clientTarget(actor, c);
    const hidden = await this.gate.hidden(actor, "client", "read", target, ctx, missing.client(id), { clientIds: [c.id] });
    if (hidden) return hidden;
    return this.gate.guard(
      actor,
      "client",
      "read",
      target,
      ctx,
      async () => {
        const own = ownTenant(actor).agbCode;
        const products = await this.products();
        const toewijzingen = (await this.repo.toewijzingen({ clientId: c.id, ...(own ? { agbCode: own } : {}) })).map((t) => ({
          ...t,
          productNaam: products.get(t.productId)?.name ?? null,
        }));
        // an aanbieder sees the beschikking products it was assigned, not the rest of the client's decisions
        const beschikkingen = own
          ? (await this.repo.beschikkingen(c.id))
              .filter((b) => b.producten.some((p) => p.aanbieder === own))
              .map((b) => ({ ...b, producten: b.producten.filter((p) => p.aanbieder === own), bevindingen: [], override: null }))
          : await this.repo.beschikkingen(c.id);
        return { client: c, beschikkingen, toewijzingen };
      },
      (o) => ({ clientIds: [c.id], records: [...o.beschikkingen.map(recordIds.beschikking), ...o.toewijzingen.map(recordIds.toewijzing)] }),
    );
  }

  /**
   * Grants a beschikking: the productenboek's rules are checked first; findings of kind "fout" refuse it, findings of
   * kind "oordeel" refuse it unless the toegang user overrides them with a motivation (stored and logged). On success
   * one toewijzing per product is created with a new ToewijzingNummer (unique per gemeente per law), in one transaction.
   * The steps are in ./care/grant.ts.
   */
  grant(
    actor: Actor,
    raw: unknown,
    ctx: AccessContext,
  ): Promise<Result<{ beschikking: BeschikkingRecord; toewijzingen: ToewijzingRecord[]; verdict: GrantVerdict }>> {
    return this.granting.run(actor, raw, ctx);
  }

  async toewijzingen(
    actor: Actor,
    filter: { status?: string | undefined },
    ctx: AccessContext,
  ): Promise<Result<(ToewijzingRecord & { productNaam: string | null })[]>> {
    const status = filter.status ? ToewijzingStatus.safeParse(filter.status) : null;
    if (status && !status.success) return fail({ code: "invalid-parameter", title: "Ongeldige parameter status", detail: "onbekende status", path: "status" });
    return this.readOwn(
      actor,
      "toewijzing",
      ctx,
      (ts) => toewijzingSubject(ts, status?.data ? `status ${status.data}` : "alle toewijzingen"),
      async (tenant) => {
        const products = await this.products();
        return (await this.repo.toewijzingen({ ...tenant, status: status?.data, limit: 2000 })).map((t) => ({
          ...t,
          productNaam: products.get(t.productId)?.name ?? null,
        }));
      },
    );
  }

  /** One toewijzing by its key, with the refusal for another tenant's toewijzing answered like an unknown one. */
  private async visibleToewijzing(
    actor: Actor,
    action: "read" | "write",
    key: ToewijzingKey,
    ctx: AccessContext,
  ): Promise<Result<{ t: ToewijzingRecord; target: Target }>> {
    const wet = Wet.safeParse(key.wet);
    const t = wet.success ? await this.repo.toewijzing(key.gemeentecode, wet.data, key.toewijzingnummer) : null;
    const target: Target = t ? { gemeentecode: t.gemeentecode, agbCode: t.agbCode } : { gemeentecode: key.gemeentecode, agbCode: null };
    const denied = await this.gate.hidden(actor, "toewijzing", action, target, ctx, missing.toewijzing(key), t ? toewijzingSubject([t]) : undefined);
    if (denied) return denied;
    return t ? { ok: true, value: { t, target } } : fail(...missing.toewijzing(key));
  }

  /** Applies a lifecycle event (start, stop, wijzigen, …) — the transition table and the retroactivity limits decide. */
  async event(actor: Actor, key: ToewijzingKey, raw: unknown, ctx: AccessContext): Promise<Result<ToewijzingRecord>> {
    const found = await this.visibleToewijzing(actor, "write", key, ctx);
    if (!found.ok) return found;
    const { t, target } = found.value;
    const parsed = EventInput.safeParse(raw);
    if (!parsed.success) return fail(...problem.fromZod(parsed.error, "Ongeldige gebeurtenis"));
    const e = parsed.data;
    if (actor.kind === "user" && actor.principal && !eventRoles[e.event].includes(actor.principal.role))
      return fail(problem.forbidden(`rol ${actor.principal.role} kan deze gebeurtenis (${e.event}) niet melden`));
    const next = applyEvent(t, { event: e.event, datum: e.datum, reden: e.reden }, this.clock.today());
    if (!next.ok) return next;
    const geleverd = periodsAfter(t.geleverd, e.event, e.datum);
    const updated: ToewijzingRecord = { ...t, ...next.value, geleverd, redenWijziging: e.event === "verwijderen" ? "13" : (e.reden ?? t.redenWijziging) };
    const by = actorName(actor);
    return this.gate.guard(
      actor,
      "toewijzing",
      "write",
      target,
      ctx,
      () =>
        this.repo.transaction(async (tx) => {
          await tx.updateToewijzing(updated, this.clock.now());
          await tx.appendEvent(t, {
            event: e.event,
            datum: e.datum,
            reden: e.reden ?? (e.event === "verwijderen" ? "13" : null),
            byUser: by,
            recordedAt: this.clock.now(),
          });
          return updated;
        }),
      toewijzingSubject([t]),
    );
  }

  async history(actor: Actor, key: ToewijzingKey, ctx: AccessContext) {
    const found = await this.visibleToewijzing(actor, "read", key, ctx);
    if (!found.ok) return found;
    const { t, target } = found.value;
    return this.gate.guard(
      actor,
      "toewijzing",
      "read",
      target,
      ctx,
      async () => ({ toewijzing: t, events: await this.repo.events(t) }),
      toewijzingSubject([t]),
    );
  }

  /** The work list: every open deadline of the visible toewijzingen, earliest first. */
  async worklist(actor: Actor, ctx: AccessContext): Promise<Result<WorkItem[]>> {
    return this.readOwn(
      actor,
      "toewijzing",
      ctx,
      (items) => toewijzingSubject(items, "werklijst: open termijnen"),
      async (tenant) => {
        const today = this.clock.today();
        const products = await this.products();
        const tws = await this.repo.toewijzingen({ ...tenant });
        const verwijzers = new Map<number, BeschikkingRecord["verwijzer"]>();
        for (const clientId of new Set(tws.map((t) => t.clientId))) for (const b of await this.repo.beschikkingen(clientId)) verwijzers.set(b.id, b.verwijzer);
        const items: WorkItem[] = [];
        for (const t of tws) {
          const product = products.get(t.productId);
          if (!product) continue;
          const subject: DeadlineSubject = {
            product,
            status: t.status,
            toewijzingsdatum: t.toewijzingsdatum,
            ingangsdatum: t.ingangsdatum,
            einddatum: t.einddatum,
            startdatum: t.startdatum,
            verwijzer: verwijzers.get(t.beschikkingId) ?? null,
          };
          for (const d of deadlinesFor(subject, today))
            items.push({
              ...d,
              toewijzingnummer: t.toewijzingnummer,
              gemeentecode: t.gemeentecode,
              wet: t.wet,
              agbCode: t.agbCode,
              clientId: t.clientId,
              productNaam: product.name,
              overdue: d.due < today,
            });
        }
        return items.sort((a, b) => a.due.localeCompare(b.due) || a.toewijzingnummer.localeCompare(b.toewijzingnummer));
      },
    );
  }

  /** Parses a declaratie, with Dutch errors per field path (./care/declaraties.ts). */
  parseDeclaratie(raw: unknown) {
    return parseDeclaratie(raw);
  }

  /** One declaratie (JSON, a 323 message): `submitDeclaraties` with a file of one. */
  async submitDeclaratie(actor: Actor, raw: unknown, ctx: AccessContext, opts: SubmitOptions = {}): Promise<Result<DeclaratieAnswer>> {
    const r = await this.submitDeclaraties(actor, [raw], ctx, opts);
    return r.ok ? { ok: true, value: r.value[0]! } : r;
  }

  /** A file of declaraties, all or nothing (./care/declaraties.ts). */
  submitDeclaraties(actor: Actor, raws: unknown[], ctx: AccessContext, opts: SubmitOptions = {}): Promise<Result<DeclaratieAnswer[]>> {
    return this.intake.submit(actor, raws, ctx, opts);
  }

  async declaraties(actor: Actor, ctx: AccessContext): Promise<Result<Omit<StoredDeclaratie, "contentHash">[]>> {
    let clientIds: number[] = [];
    return this.readOwn(
      actor,
      "declaratie",
      ctx,
      (list) => ({ clientIds, records: list.map(recordIds.declaratie), filter: "alle declaraties", count: list.length }),
      async (tenant) => {
        const list = (await this.repo.declaraties({ ...tenant, limit: 500 })).map(withoutHash);
        clientIds = await this.repo.clientIdsOfDeclaraties(list.map((d) => ({ agbCode: d.agbCode, wet: d.wet, declaratienummer: d.declaratienummer })));
        return list;
      },
    );
  }

  async declaratie(
    actor: Actor,
    key: DeclaratieKey,
    ctx: AccessContext,
  ): Promise<Result<{ declaratie: Omit<StoredDeclaratie, "contentHash">; prestaties: StoredPrestatie[] }>> {
    const wet = Wet.safeParse(key.wet);
    const d = wet.success ? await this.repo.declaratie(key.agbCode, wet.data, key.declaratienummer) : null;
    const own = ownTenant(actor).gemeentecode;
    const target: Target = d ? { agbCode: d.agbCode, gemeentecode: d.gemeentecode } : { agbCode: key.agbCode, gemeentecode: own ?? null };
    const denied = await this.gate.hidden(
      actor,
      "declaratie",
      "read",
      target,
      ctx,
      missing.declaratie(key),
      d ? { records: [recordIds.declaratie(d)] } : undefined,
    );
    if (denied) return denied;
    if (!d) return fail(...missing.declaratie(key));
    let clientIds: number[] = [];
    return this.gate.guard(
      actor,
      "declaratie",
      "read",
      target,
      ctx,
      async () => {
        clientIds = await this.repo.clientIdsOfDeclaraties([d]);
        return { declaratie: withoutHash(d), prestaties: await this.repo.prestaties(d.agbCode, d.wet, d.declaratienummer) };
      },
      (r) => ({
        clientIds,
        records: [
          recordIds.declaratie(d),
          ...new Set(r.prestaties.map((p) => recordIds.toewijzing({ gemeentecode: d.gemeentecode, wet: d.wet, toewijzingnummer: p.toewijzingnummer }))),
        ],
      }),
    );
  }

  /** Budget monitoring: granted vs declared vs approved, grouped, with forecast and signals. Read-only for everyone allowed. */
  async budget(actor: Actor, q: { groep?: string | undefined; peildatum?: string | undefined }, ctx: AccessContext): Promise<Result<BudgetReport>> {
    const params = budgetParameters(q);
    if (!params.ok) return params;
    const groep = params.value.groep;
    const peildatum = params.value.peildatum ?? this.clock.today();
    let clientIds: number[] = [];
    return this.readOwn(
      actor,
      "toewijzing",
      ctx,
      () => ({ clientIds, filter: `budget per ${groep}, peildatum ${peildatum}`, count: clientIds.length }),
      async (tenant) => {
        const products = await this.products();
        const lines: BudgetLine[] = (await this.repo.budgetLines(tenant)).map((l) => ({
          ...l,
          productenboekId: products.get(l.productId)?.productenboekId ?? "onbekend",
        }));
        clientIds = lines.map((l) => l.clientId);
        return budgetReport(lines, products, groep, peildatum);
      },
    );
  }

  /** Whether the synthetic demo data set has been loaded. */
  hasDemo(): Promise<boolean> {
    return this.repo.hasDemo();
  }

  /** `POST /beschikkingen/toets`: the same check for a signed-in toegang user of the proposal's gemeente. */
  async checkAs(actor: Actor, raw: unknown, ctx: AccessContext): Promise<Result<GrantVerdict>> {
    const denied = await this.gate.precheck(actor, "beschikking", "write", { gemeentecode: gemeenteOf(raw) }, ctx);
    return denied ?? this.check(raw);
  }

  /** For the grant form: the running toewijzingen of a client feed the combination rules. */
  async checkForClient(actor: Actor, clientId: number, raw: unknown, ctx: AccessContext): Promise<Result<GrantVerdict>> {
    const c = await this.repo.client(clientId);
    const target: Target = { gemeentecode: c?.gemeentecode ?? ownTenant(actor).gemeentecode ?? null };
    const denied = await this.gate.hidden(actor, "beschikking", "write", target, ctx, missing.client(clientId), c ? { clientIds: [c.id] } : undefined);
    if (denied) return denied;
    if (!c) return fail(...missing.client(clientId));
    const body = typeof raw === "object" && raw ? (raw as Record<string, unknown>) : {};
    // the client's birth date and running toewijzingen are read: logged as a read of the client
    const r = await this.gate.guard(
      actor,
      "client",
      "read",
      { gemeentecode: c.gemeentecode },
      { ...ctx, purpose: `${ctx.purpose} (leeftijd en lopende toewijzingen)` },
      async () => (await this.repo.toewijzingen({ clientId })).filter(running),
      (ts) => ({ clientIds: [c.id], records: ts.map(recordIds.toewijzing) }),
    );
    if (!r.ok) return r;
    const runningProducts = r.value.map((t) => ({ productId: t.productId, ingangsdatum: t.ingangsdatum, einddatum: t.einddatum }));
    return this.check({
      gemeente: c.gemeentecode,
      peildatum: body.peildatum ?? this.clock.today(),
      client: { geboortedatum: c.geboortedatum },
      producten: body.producten,
      lopend: runningProducts,
      ...(body.verwijzer ? { verwijzer: body.verwijzer } : {}),
    });
  }
}

/** The periods care ran, after an event: a start opens one, a (temporary) stop closes the open one. */
function periodsAfter(periods: Period[], event: ToewijzingEvent, datum: IsoDate): Period[] {
  if (event === "start") return [...periods, { begin: datum, end: null }];
  if (event === "stop" || event === "tijdelijk-stop") return periods.map((p) => (p.end === null ? { ...p, end: datum } : p));
  return periods;
}
