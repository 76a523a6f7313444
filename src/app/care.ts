import { createHash } from "node:crypto";
import { z } from "zod";
import { authorize, type Target } from "../domain/auth/policy.ts";
import type { Role } from "../domain/auth/principal.ts";
import { type BudgetLine, type BudgetRow, budgetSignals, type BudgetSignal, summarise } from "../domain/billing/budget.ts";
import { billingRulesFor, checkDeclaratie, type DeclaratieResult, type ToewijzingView, toewijzingKey } from "../domain/billing/check.ts";
import { Declaratie } from "../domain/billing/declaratie.ts";
import type { Product } from "../domain/catalogue/product.ts";
import { isValidBsn, maskBsn } from "../domain/care/bsn.ts";
import { AgbCode, Gemeentecode, IsoDateString, RedenWijziging, Verwijzer, Wet } from "../domain/care/codes.ts";
import { type Deadline, deadlinesFor } from "../domain/care/deadlines.ts";
import { checkGrant, GrantProposal, type GrantVerdict, ProposedProduct } from "../domain/care/grant.ts";
import { applyEvent, events, type ToewijzingEvent } from "../domain/care/lifecycle.ts";
import type { Period } from "../domain/care/period.ts";
import { type IsoDate, maxDate, minDate } from "../domain/shared/date.ts";
import type { Problem, Result } from "../domain/shared/problem.ts";
import { explainZodIssue } from "../domain/shared/zod-dutch.ts";
import type { AccessContext, AccessGate } from "./access.ts";
import type { BeschikkingRecord, CareRepository, ClientRecord, Naamdelen, StoredDeclaratie, StoredPrestatie, ToewijzingRecord } from "./care-ports.ts";
import type { CatalogueService } from "./catalogue.ts";
import type { Actor } from "./compliance.ts";
import type { Clock } from "./ports.ts";

const invalid = (error: z.ZodError, title: string): Problem[] =>
  error.issues.map((i) => ({ code: "invalid-input" as const, title, detail: explainZodIssue(i), path: i.path.join(".") }));
const notFound = (detail: string): Problem[] => [{ code: "not-found", title: "Niet gevonden", detail }];
const conflict = (detail: string, path?: string): Problem[] => [{ code: "inconsistent-data", title: "Niet toegestaan", detail, ...(path ? { path } : {}) }];

export const ClientInput = z
  .object({
    gemeente: Gemeentecode,
    bsn: z.string().refine(isValidBsn, { message: "ongeldig BSN (9 cijfers en de elfproef)" }),
    geboortedatum: IsoDateString,
    /** the display name; made from `naamdelen` when left out */
    naam: z.string().trim().min(1).max(200).optional(),
    naamdelen: z
      .object({
        voorletters: z.string().regex(/^[a-zA-Z\u00C0-\u1EF3]{1,6}$/u, "voorletters: 1 tot 6 letters, zonder punten").optional(),
        voornamen: z.string().trim().min(1).max(200).optional(),
        voorvoegsel: z.string().trim().min(1).max(10).optional(),
        achternaam: z.string().trim().min(1).max(200),
        geslacht: z.enum(["0", "1", "2"]).optional(),
      })
      .strict()
      .optional(),
    adres: z
      .object({ straat: z.string().max(200).optional(), huisnummer: z.string().max(20).optional(), postcode: z.string().regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, "een postcode is 4 cijfers en 2 hoofdletters").optional(), plaats: z.string().max(100).optional() })
      .strict()
      .default({}),
  })
  .strict()
  .refine((c) => c.naam !== undefined || c.naamdelen !== undefined, { message: "geef een naam of de naamdelen", path: ["naam"] });

/** The display name from the name's parts: "J. de Vries" or "Jan de Vries". */
export const displayName = (n: Naamdelen): string =>
  [n.voornamen ?? (n.voorletters ? `${n.voorletters.split("").join(".")}.` : undefined), n.voorvoegsel, n.achternaam].filter(Boolean).join(" ");

export const GrantInput = z
  .object({
    clientId: z.number().int().positive(),
    wet: Wet,
    beschikkingnummer: z.string().trim().min(1).max(30),
    afgiftedatum: IsoDateString,
    verwijzer: Verwijzer.nullable().default(null),
    producten: z.array(ProposedProduct.and(z.object({ aanbieder: AgbCode }))).min(1, "een beschikking kent minstens één product"),
    /** an explicit override of findings of kind "oordeel", with the professional's motivation */
    override: z.object({ motivering: z.string().trim().min(10, "motiveer de afwijking in minstens 10 tekens").max(2000) }).strict().optional(),
  })
  .strict();

export const EventInput = z
  .object({ event: z.enum(events), datum: IsoDateString, reden: RedenWijziging.optional() })
  .strict();

/** Who may report which lifecycle event: the aanbieder reports start and stop, the gemeente changes the toewijzing. */
export const eventRoles: Record<ToewijzingEvent, Role[]> = {
  start: ["aanbieder", "toegang"],
  "tijdelijk-stop": ["aanbieder", "toegang"],
  stop: ["aanbieder", "toegang"],
  wijzigen: ["toegang"],
  intrekken: ["toegang"],
  verwijderen: ["toegang"],
};

export interface ClientOverview {
  client: ClientRecord;
  beschikkingen: BeschikkingRecord[];
  toewijzingen: (ToewijzingRecord & { productNaam: string | null })[];
}

export interface WorkItem extends Deadline {
  toewijzingnummer: string;
  gemeentecode: string;
  wet: string;
  agbCode: string;
  clientId: number;
  productNaam: string;
  overdue: boolean;
}

export interface DeclaratieAnswer {
  declaratie: Omit<StoredDeclaratie, "contentHash">;
  /** true when this exact declaratie had been received before: nothing changed */
  herhaald: boolean;
  result: DeclaratieResult;
}

export type BudgetGroup = "toewijzing" | "client" | "aanbieder" | "product" | "productenboek" | "maand";

/** The content hash that makes a repeated declaratie recognisable (the same file twice changes nothing). */
export const contentHash = (d: Declaratie): string => createHash("sha256").update(JSON.stringify(d)).digest("hex");

/** Checks a proposed beschikking against the catalogue in force on its peildatum; stores nothing. */
export async function toetsBeschikking(catalogue: CatalogueService, raw: unknown): Promise<Result<GrantVerdict>> {
  const parsed = GrantProposal.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: invalid(parsed.error, "Ongeldige beschikking") };
  return { ok: true, value: checkGrant(await catalogue.all(parsed.data.peildatum), parsed.data) };
}

/**
 * The care chain: clients, beschikkingen checked against the productenboek, toewijzingen and their lifecycle,
 * deadlines, declaraties checked with the standard's retourcodes, and budget monitoring. Every access to personal
 * data goes through the access gate (policy + access log); BSNs never reach a log.
 */
export class CareService {
  constructor(
    private readonly repo: CareRepository,
    private readonly catalogue: CatalogueService,
    private readonly gate: AccessGate,
    private readonly clock: Clock,
  ) {}

  private guard<T>(actor: Actor, resource: "client" | "beschikking" | "toewijzing" | "declaratie", action: "read" | "write", target: Target, ctx: AccessContext, work: () => Promise<T>) {
    return actor.kind === "cli"
      ? this.gate.runTrusted("kader-cli", resource, action, target, ctx, work)
      : this.gate.run(actor.principal, resource, action, target, ctx, work);
  }

  private tenantOf(actor: Actor): { gemeentecode?: string; agbCode?: string } {
    const t = actor.kind === "user" ? actor.principal?.tenant : null;
    if (t?.kind === "gemeente") return { gemeentecode: t.gemeentecode };
    if (t?.kind === "aanbieder") return { agbCode: t.agbCode };
    return {};
  }

  private async products(asOf?: string): Promise<Map<string, Product>> {
    const all = await this.catalogue.all(asOf);
    return new Map(all.products.map((p) => [p.id, p]));
  }

  /** Checks a proposed beschikking without storing anything (`kader beschikkingen toets`). */
  toets(raw: unknown): Promise<Result<GrantVerdict>> {
    return toetsBeschikking(this.catalogue, raw);
  }

  async createClient(actor: Actor, raw: unknown, ctx: AccessContext, demo = false): Promise<Result<ClientRecord>> {
    const gemeente = typeof raw === "object" && raw && "gemeente" in raw ? String((raw as { gemeente: unknown }).gemeente) : null;
    const denied = await this.precheck(actor, "client", "write", { gemeentecode: gemeente }, ctx);
    if (denied) return denied;
    const parsed = ClientInput.safeParse(raw);
    if (!parsed.success) return { ok: false, problems: invalid(parsed.error, "Ongeldige cliënt") };
    const c = parsed.data;
    return this.guard(actor, "client", "write", { gemeentecode: c.gemeente }, ctx, async () => {
      if (await this.repo.clientByBsn(c.gemeente, c.bsn)) return null;
      return this.repo.insertClient(
        { gemeentecode: c.gemeente, bsn: c.bsn, geboortedatum: c.geboortedatum, naam: c.naam ?? displayName(c.naamdelen!), naamdelen: c.naamdelen ?? null, adres: c.adres, demo },
        this.clock.now(),
      );
    }).then((r) => (r.ok && r.value === null ? { ok: false, problems: conflict(`deze gemeente kent al een cliënt met BSN ${maskBsn(c.bsn)}`, "bsn") } : (r as Result<ClientRecord>)));
  }

  /** Asks the policy only (logged when refused) so that nothing is read for a caller who may not. */
  private async precheck(actor: Actor, resource: "client" | "beschikking" | "toewijzing" | "declaratie", action: "read" | "write", target: Target, ctx: AccessContext): Promise<{ ok: false; problems: Problem[] } | null> {
    if (actor.kind === "cli") return null;
    const d = authorize(actor.principal, resource, action, target);
    if (d.allowed) return null;
    const r = await this.gate.run(actor.principal, resource, action, target, ctx, async () => null);
    return r.ok ? null : r;
  }

  /** A client's target for the policy: its gemeente, and the asking aanbieder when it serves the client. */
  private async clientTarget(actor: Actor, c: ClientRecord): Promise<Target> {
    const own = this.tenantOf(actor).agbCode;
    const serves = own ? (await this.repo.toewijzingen({ clientId: c.id, agbCode: own, limit: 1 })).length > 0 : false;
    return { gemeentecode: c.gemeentecode, agbCode: serves ? own! : null };
  }

  async clients(actor: Actor, q: { q?: string | undefined; page?: number | undefined }, ctx: AccessContext): Promise<Result<{ total: number; items: ClientRecord[] }>> {
    const tenant = this.tenantOf(actor);
    const target: Target = { gemeentecode: tenant.gemeentecode ?? null, agbCode: tenant.agbCode ?? null };
    const page = Math.max(1, q.page ?? 1);
    return this.guard(actor, "client", "read", target, ctx, () =>
      this.repo.clients({ gemeentecode: tenant.gemeentecode, agbCode: tenant.agbCode, q: q.q?.trim() || undefined, limit: 50, offset: (page - 1) * 50 }),
    );
  }

  async clientOverview(actor: Actor, id: number, ctx: AccessContext): Promise<Result<ClientOverview>> {
    const c = await this.repo.client(id);
    if (!c) {
      const denied = await this.precheck(actor, "client", "read", { gemeentecode: this.tenantOf(actor).gemeentecode ?? null, agbCode: this.tenantOf(actor).agbCode ?? null }, ctx);
      return denied ?? { ok: false, problems: notFound(`geen cliënt ${id}`) };
    }
    const target = await this.clientTarget(actor, c);
    return this.guard(actor, "client", "read", target, ctx, async () => {
      const own = this.tenantOf(actor).agbCode;
      const products = await this.products();
      const toewijzingen = (await this.repo.toewijzingen({ clientId: c.id, ...(own ? { agbCode: own } : {}) })).map((t) => ({ ...t, productNaam: products.get(t.productId)?.name ?? null }));
      // an aanbieder sees the beschikking products it was assigned, not the rest of the client's decisions
      const beschikkingen = own
        ? (await this.repo.beschikkingen(c.id))
            .filter((b) => b.producten.some((p) => p.aanbieder === own))
            .map((b) => ({ ...b, producten: b.producten.filter((p) => p.aanbieder === own), bevindingen: [], override: null }))
        : await this.repo.beschikkingen(c.id);
      return { client: c, beschikkingen, toewijzingen };
    });
  }

  /**
   * Grants a beschikking: the productenboek's rules are checked first; findings of kind "fout" refuse it, findings of
   * kind "oordeel" refuse it unless the toegang user overrides them with a motivation (stored and logged). On success
   * one toewijzing per product is created with a new ToewijzingNummer (unique per gemeente per law), in one transaction.
   */
  async grant(actor: Actor, raw: unknown, ctx: AccessContext): Promise<Result<{ beschikking: BeschikkingRecord; toewijzingen: ToewijzingRecord[]; verdict: GrantVerdict }>> {
    const parsed = GrantInput.safeParse(raw);
    if (!parsed.success) {
      const denied = await this.precheck(actor, "beschikking", "write", { gemeentecode: this.tenantOf(actor).gemeentecode ?? null }, ctx);
      return denied ?? { ok: false, problems: invalid(parsed.error, "Ongeldige beschikking") };
    }
    const g = parsed.data;
    const client = await this.repo.client(g.clientId);
    const denied = await this.precheck(actor, "beschikking", "write", { gemeentecode: client?.gemeentecode ?? this.tenantOf(actor).gemeentecode ?? null }, ctx);
    if (denied) return denied;
    if (!client) return { ok: false, problems: notFound(`geen cliënt ${g.clientId}`) };
    const today = this.clock.today();
    const products = await this.products(today);
    for (const [i, p] of g.producten.entries()) {
      const product = products.get(p.productId);
      if (product && product.law !== g.wet)
        return { ok: false, problems: [{ code: "invalid-input", title: "Ongeldige beschikking", detail: `product ${p.productId} hoort bij ${product.law}, de beschikking bij ${g.wet}`, path: `producten.${i}.productId` }] };
    }
    const running = (await this.repo.toewijzingen({ clientId: client.id })).filter((t) => t.status !== "verwijderd" && t.status !== "ingetrokken");
    const verdict = checkGrant(await this.catalogue.all(today), {
      gemeente: client.gemeentecode,
      peildatum: g.afgiftedatum,
      client: { geboortedatum: client.geboortedatum },
      ...(g.verwijzer ? { verwijzer: g.verwijzer } : {}),
      producten: g.producten.map(({ aanbieder: _a, ...p }) => p),
      lopend: running.map((t) => ({ productId: t.productId, ingangsdatum: t.ingangsdatum, einddatum: t.einddatum })),
    });
    const fouten = verdict.bevindingen.filter((f) => f.severity === "fout");
    const oordelen = verdict.bevindingen.filter((f) => f.severity === "oordeel");
    const refuse = (detail: string): Result<never> => ({
      ok: false,
      problems: [{ code: "inconsistent-data", title: "Beschikking voldoet niet aan het productenboek", detail, path: "producten" }],
    });
    if (fouten.length) return refuse(fouten.map((f) => `${f.productId}: ${f.message}`).join("; "));
    if (oordelen.length && !g.override)
      return refuse(`een professioneel oordeel is nodig (motiveer een afwijking): ${oordelen.map((f) => `${f.productId}: ${f.message}`).join("; ")}`);
    if (oordelen.length && actor.kind === "user" && actor.principal?.role !== "toegang") return refuse("alleen de toegang kan een oordeel onderbouwd doorzetten");
    const ingangsdatum = g.producten.map((p) => p.ingangsdatum).reduce(minDate);
    const einddatum = g.producten.map((p) => p.einddatum).reduce(maxDate);
    const by = actor.kind === "user" ? (actor.principal?.username ?? "onbekend") : "kader-cli";
    return this.guard(actor, "beschikking", "write", { gemeentecode: client.gemeentecode }, { ...ctx, purpose: oordelen.length ? `${ctx.purpose} (met onderbouwde afwijking)` : ctx.purpose }, () =>
      this.repo.transaction(async (tx) => {
        if (await tx.beschikkingnummerExists(client.gemeentecode, g.beschikkingnummer)) return null;
        const beschikking = await tx.insertBeschikking({
          gemeentecode: client.gemeentecode,
          clientId: client.id,
          wet: g.wet,
          beschikkingnummer: g.beschikkingnummer,
          afgiftedatum: g.afgiftedatum,
          ingangsdatum,
          einddatum,
          verwijzer: g.verwijzer,
          producten: g.producten,
          bevindingen: verdict.bevindingen,
          override: oordelen.length && g.override ? { motivering: g.override.motivering, door: by, op: this.clock.now() } : null,
          createdBy: by,
          createdAt: this.clock.now(),
        });
        const toewijzingen: ToewijzingRecord[] = [];
        for (const p of g.producten) {
          const product = products.get(p.productId)!;
          const t: ToewijzingRecord = {
            gemeentecode: client.gemeentecode,
            wet: g.wet,
            toewijzingnummer: await tx.nextToewijzingnummer(client.gemeentecode, g.wet),
            beschikkingId: beschikking.id,
            clientId: client.id,
            agbCode: p.aanbieder,
            productId: p.productId,
            productcategorie: product.productcategorie,
            productcode: product.productcode,
            eenheid: p.budget !== null ? "83" : (p.eenheid ?? "04"),
            frequentie: p.frequentie,
            omvang: p.volume,
            budgetCents: p.budget,
            toewijzingsdatum: g.afgiftedatum,
            ingangsdatum: p.ingangsdatum,
            einddatum: p.einddatum,
            status: "toegewezen",
            redenWijziging: null,
            startdatum: null,
            gedeclareerdTot: null,
            geleverd: [],
          };
          await tx.insertToewijzing(t, this.clock.now());
          toewijzingen.push(t);
        }
        return { beschikking, toewijzingen, verdict };
      }),
    ).then((r) => (r.ok && r.value === null ? { ok: false, problems: conflict(`beschikkingnummer ${g.beschikkingnummer} bestaat al in deze gemeente`, "beschikkingnummer") } : (r as Result<{ beschikking: BeschikkingRecord; toewijzingen: ToewijzingRecord[]; verdict: GrantVerdict }>)));
  }

  async toewijzingen(actor: Actor, filter: { status?: string | undefined }, ctx: AccessContext): Promise<Result<(ToewijzingRecord & { productNaam: string | null })[]>> {
    const tenant = this.tenantOf(actor);
    const status = filter.status ? z.enum(["toegewezen", "gestart", "tijdelijk-gestopt", "gestopt", "ingetrokken", "verwijderd"]).safeParse(filter.status) : null;
    if (status && !status.success) return { ok: false, problems: [{ code: "invalid-parameter", title: "Ongeldige parameter status", detail: "onbekende status", path: "status" }] };
    return this.guard(actor, "toewijzing", "read", { gemeentecode: tenant.gemeentecode ?? null, agbCode: tenant.agbCode ?? null }, ctx, async () => {
      const products = await this.products();
      return (await this.repo.toewijzingen({ ...tenant, status: status?.data, limit: 2000 })).map((t) => ({ ...t, productNaam: products.get(t.productId)?.name ?? null }));
    });
  }

  /** Applies a lifecycle event (start, stop, wijzigen, …) — the transition table and the retroactivity limits decide. */
  async event(actor: Actor, key: { gemeentecode: string; wet: string; toewijzingnummer: string }, raw: unknown, ctx: AccessContext): Promise<Result<ToewijzingRecord>> {
    const wet = Wet.safeParse(key.wet);
    const t = wet.success ? await this.repo.toewijzing(key.gemeentecode, wet.data, key.toewijzingnummer) : null;
    const target: Target = t ? { gemeentecode: t.gemeentecode, agbCode: t.agbCode } : { gemeentecode: key.gemeentecode, agbCode: null };
    const denied = await this.precheck(actor, "toewijzing", "write", target, ctx);
    if (denied) return denied;
    if (!t) return { ok: false, problems: notFound(`geen toewijzing ${key.toewijzingnummer} van gemeente ${key.gemeentecode} (${key.wet})`) };
    const parsed = EventInput.safeParse(raw);
    if (!parsed.success) return { ok: false, problems: invalid(parsed.error, "Ongeldige gebeurtenis") };
    const e = parsed.data;
    if (actor.kind === "user" && actor.principal && !eventRoles[e.event].includes(actor.principal.role))
      return { ok: false, problems: [{ code: "forbidden", title: "Geen toegang", detail: `rol ${actor.principal.role} kan deze gebeurtenis (${e.event}) niet melden` }] };
    const next = applyEvent(t, { event: e.event, datum: e.datum, reden: e.reden }, this.clock.today());
    if (!next.ok) return next;
    const geleverd = periodsAfter(t.geleverd, e.event, e.datum);
    const updated: ToewijzingRecord = { ...t, ...next.value, geleverd, redenWijziging: e.event === "verwijderen" ? "13" : (e.reden ?? t.redenWijziging) };
    const by = actor.kind === "user" ? (actor.principal?.username ?? "onbekend") : "kader-cli";
    return this.guard(actor, "toewijzing", "write", target, ctx, () =>
      this.repo.transaction(async (tx) => {
        await tx.updateToewijzing(updated, this.clock.now());
        await tx.appendEvent(t, { event: e.event, datum: e.datum, reden: e.reden ?? (e.event === "verwijderen" ? "13" : null), byUser: by, recordedAt: this.clock.now() });
        return updated;
      }),
    );
  }

  async history(actor: Actor, key: { gemeentecode: string; wet: string; toewijzingnummer: string }, ctx: AccessContext) {
    const wet = Wet.safeParse(key.wet);
    const t = wet.success ? await this.repo.toewijzing(key.gemeentecode, wet.data, key.toewijzingnummer) : null;
    const target: Target = t ? { gemeentecode: t.gemeentecode, agbCode: t.agbCode } : { gemeentecode: key.gemeentecode, agbCode: null };
    const denied = await this.precheck(actor, "toewijzing", "read", target, ctx);
    if (denied) return denied;
    if (!t) return { ok: false as const, problems: notFound(`geen toewijzing ${key.toewijzingnummer}`) };
    return this.guard(actor, "toewijzing", "read", target, ctx, async () => ({ toewijzing: t, events: await this.repo.events(t) }));
  }

  /** The work list: every open deadline of the visible toewijzingen, earliest first. */
  async worklist(actor: Actor, ctx: AccessContext): Promise<Result<WorkItem[]>> {
    const tenant = this.tenantOf(actor);
    return this.guard(actor, "toewijzing", "read", { gemeentecode: tenant.gemeentecode ?? null, agbCode: tenant.agbCode ?? null }, ctx, async () => {
      const today = this.clock.today();
      const products = await this.products();
      const tws = await this.repo.toewijzingen({ ...tenant });
      const verwijzers = new Map<number, BeschikkingRecord["verwijzer"]>();
      for (const clientId of new Set(tws.map((t) => t.clientId))) for (const b of await this.repo.beschikkingen(clientId)) verwijzers.set(b.id, b.verwijzer);
      const items: WorkItem[] = [];
      for (const t of tws) {
        const product = products.get(t.productId);
        if (!product) continue;
        for (const d of deadlinesFor({ product, status: t.status, toewijzingsdatum: t.toewijzingsdatum, ingangsdatum: t.ingangsdatum, einddatum: t.einddatum, startdatum: t.startdatum, verwijzer: verwijzers.get(t.beschikkingId) ?? null }, today))
          items.push({ ...d, toewijzingnummer: t.toewijzingnummer, gemeentecode: t.gemeentecode, wet: t.wet, agbCode: t.agbCode, clientId: t.clientId, productNaam: product.name, overdue: d.due < today });
      }
      return items.sort((a, b) => a.due.localeCompare(b.due) || a.toewijzingnummer.localeCompare(b.toewijzingnummer));
    });
  }

  private async viewBuilder(asOf: IsoDate) {
    const products = await this.products(asOf);
    return (t: ToewijzingRecord, bsn: string): ToewijzingView => ({
      key: toewijzingKey(t.gemeentecode, t.wet, t.toewijzingnummer),
      gemeentecode: t.gemeentecode,
      wet: t.wet,
      toewijzingnummer: t.toewijzingnummer,
      agbCode: t.agbCode,
      bsn,
      productId: t.productId,
      productcategorie: t.productcategorie,
      productcode: t.productcode,
      eenheid: t.eenheid,
      frequentie: t.frequentie,
      omvang: t.omvang,
      budgetCents: t.budgetCents,
      ingangsdatum: t.ingangsdatum,
      einddatum: t.einddatum,
      status: t.status,
      geleverd: t.geleverd,
      rules: billingRulesFor(products.get(t.productId), t.eenheid),
      clientId: t.clientId,
    });
  }

  /** Parses a declaratie, with Dutch errors per field path; nothing is read or written for bad input. */
  parseDeclaratie(raw: unknown): Result<Declaratie> {
    const parsed = Declaratie.safeParse(raw);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: invalid(parsed.error, "Ongeldige declaratie") };
  }

  /**
   * Receives a declaratie from an aanbieder: checks it against the toewijzingen, contracts and earlier declaraties
   * and stores it with its answer, as one transaction. The same declaratie again changes nothing and gets the same
   * answer; another declaratie with a used number is answered with 9333. With `store: false` nothing is written.
   */
  async submitDeclaratie(actor: Actor, raw: unknown, ctx: AccessContext, opts: { store?: boolean; demo?: boolean } = {}): Promise<Result<DeclaratieAnswer>> {
    const head = typeof raw === "object" && raw ? (raw as Record<string, unknown>) : {};
    // an incomplete body is judged as the caller's own, so its validation errors are shown rather than a refusal
    const own = this.tenantOf(actor);
    const target: Target = {
      agbCode: typeof head.aanbieder === "string" ? head.aanbieder : (own.agbCode ?? null),
      gemeentecode: typeof head.gemeente === "string" ? head.gemeente : (own.gemeentecode ?? null),
    };
    const denied = await this.precheck(actor, "declaratie", "write", target, ctx);
    if (denied) return denied;
    const parsed = this.parseDeclaratie(raw);
    if (!parsed.ok) return parsed;
    const d = parsed.value;
    const hash = contentHash(d);
    const store = opts.store ?? true;
    const views = await this.viewBuilder(d.periode.begindatum);
    return this.guard(actor, "declaratie", "write", { agbCode: d.aanbieder, gemeentecode: d.gemeente }, ctx, async () => {
      const run = async (tx: CareRepository): Promise<DeclaratieAnswer> => {
        if (store) await tx.lockAanbieder(d.aanbieder, d.wet);
        const existing = await tx.declaratie(d.aanbieder, d.wet, d.declaratienummer);
        if (existing && existing.contentHash === hash) return { declaratie: strip(existing), herhaald: true, result: await this.storedResult(tx, existing) };
        const ledger = await tx.ledgerFor(d, views);
        const result = checkDeclaratie(d, ledger);
        const meta = { agbCode: d.aanbieder, wet: d.wet, declaratienummer: d.declaratienummer, gemeentecode: d.gemeente, periodeBegin: d.periode.begindatum, periodeEind: d.periode.einddatum, dagtekening: d.dagtekening, ingediend: result.ingediend, toegekend: result.toegekend, receivedAt: this.clock.now(), demo: opts.demo ?? false };
        if (store && !result.afgewezen) {
          const clientIds = new Map<string, number>();
          for (const t of ledger.toewijzingen.values()) if (t.clientId !== undefined) clientIds.set(t.toewijzingnummer, t.clientId);
          await tx.storeDeclaratie(d, result, { contentHash: hash, receivedAt: meta.receivedAt, demo: meta.demo, clientIds });
        }
        return { declaratie: meta, herhaald: false, result };
      };
      return store ? this.repo.transaction(run) : run(this.repo);
    });
  }

  private async storedResult(tx: CareRepository, d: StoredDeclaratie): Promise<DeclaratieResult> {
    const ps = await tx.prestaties(d.agbCode, d.wet, d.declaratienummer);
    return {
      declaratienummer: d.declaratienummer,
      afgewezen: null,
      ingediend: d.ingediend,
      toegekend: d.toegekend,
      prestaties: ps.map((p) => ({
        referentienummer: p.referentienummer,
        debetCredit: p.debetCredit,
        toegekend: p.toegekend,
        retourcodes: p.retourcodes,
        bevindingen: p.bevindingen,
        ingediendBedrag: p.bedragCents,
        toegekendBedrag: p.toegekend ? p.bedragCents : 0,
        toewijzingKey: toewijzingKey(d.gemeentecode, d.wet, p.toewijzingnummer),
      })),
    };
  }

  async declaraties(actor: Actor, ctx: AccessContext): Promise<Result<Omit<StoredDeclaratie, "contentHash">[]>> {
    const tenant = this.tenantOf(actor);
    return this.guard(actor, "declaratie", "read", { gemeentecode: tenant.gemeentecode ?? null, agbCode: tenant.agbCode ?? null }, ctx, async () =>
      (await this.repo.declaraties({ ...tenant, limit: 500 })).map(strip),
    );
  }

  async declaratie(actor: Actor, key: { agbCode: string; wet: string; declaratienummer: string }, ctx: AccessContext): Promise<Result<{ declaratie: Omit<StoredDeclaratie, "contentHash">; prestaties: StoredPrestatie[] }>> {
    const wet = Wet.safeParse(key.wet);
    const d = wet.success ? await this.repo.declaratie(key.agbCode, wet.data, key.declaratienummer) : null;
    const own = this.tenantOf(actor).gemeentecode;
    const target: Target = d ? { agbCode: d.agbCode, gemeentecode: d.gemeentecode } : { agbCode: key.agbCode, gemeentecode: own ?? null };
    const denied = await this.precheck(actor, "declaratie", "read", target, ctx);
    if (denied) return denied;
    if (!d) return { ok: false, problems: notFound(`geen declaratie ${key.declaratienummer}`) };
    return this.guard(actor, "declaratie", "read", target, ctx, async () => ({ declaratie: strip(d), prestaties: await this.repo.prestaties(d.agbCode, d.wet, d.declaratienummer) }));
  }

  /** Budget monitoring: granted vs declared vs approved, grouped, with forecast and signals. Read-only for everyone allowed. */
  async budget(actor: Actor, q: { groep?: string | undefined; peildatum?: string | undefined }, ctx: AccessContext): Promise<Result<{ peildatum: string; groep: BudgetGroup; rows: (BudgetRow & { label: string })[]; maanden: { maand: string; ingediend: number; toegekend: number }[]; signalen: BudgetSignal[] }>> {
    const groep = z.enum(["toewijzing", "client", "aanbieder", "product", "productenboek", "maand"]).default("product").safeParse(q.groep || undefined);
    if (!groep.success) return { ok: false, problems: [{ code: "invalid-parameter", title: "Ongeldige parameter groep", detail: "kies toewijzing, client, aanbieder, product, productenboek of maand", path: "groep" }] };
    const peil = q.peildatum ? IsoDateString.safeParse(q.peildatum) : null;
    if (peil && !peil.success) return { ok: false, problems: [{ code: "invalid-parameter", title: "Ongeldige parameter peildatum", detail: "een datum als JJJJ-MM-DD", path: "peildatum" }] };
    const peildatum = peil?.data ?? this.clock.today();
    const tenant = this.tenantOf(actor);
    return this.guard(actor, "toewijzing", "read", { gemeentecode: tenant.gemeentecode ?? null, agbCode: tenant.agbCode ?? null }, ctx, async () => {
      const products = await this.products();
      const lines: BudgetLine[] = (await this.repo.budgetLines(tenant)).map((l) => ({ ...l, productenboekId: products.get(l.productId)?.productenboekId ?? "onbekend" }));
      const keyOf: Record<BudgetGroup, (l: BudgetLine) => string> = {
        toewijzing: (l) => `${l.gemeentecode}/${l.toewijzingnummer}`,
        client: (l) => String(l.clientId),
        aanbieder: (l) => l.agbCode,
        product: (l) => l.productId,
        productenboek: (l) => l.productenboekId,
        maand: () => "alle",
      };
      const label = (key: string) => (groep.data === "product" ? (products.get(key)?.name ?? key) : groep.data === "client" ? `cliënt ${key}` : key);
      const maanden = new Map<string, { ingediend: number; toegekend: number }>();
      for (const l of lines)
        for (const [m, v] of Object.entries(l.months)) {
          const cur = maanden.get(m) ?? { ingediend: 0, toegekend: 0 };
          maanden.set(m, { ingediend: cur.ingediend + v.ingediend, toegekend: cur.toegekend + v.toegekend });
        }
      return {
        peildatum,
        groep: groep.data,
        rows: summarise(lines, keyOf[groep.data], peildatum)
          .map((r) => ({ ...r, label: label(r.key) }))
          .sort((a, b) => b.betaald - a.betaald),
        maanden: [...maanden].sort(([a], [b]) => a.localeCompare(b)).map(([maand, v]) => ({ maand, ...v })),
        signalen: budgetSignals(lines),
      };
    });
  }

  /** Whether the synthetic demo data set has been loaded. */
  hasDemo(): Promise<boolean> {
    return this.repo.hasDemo();
  }

  /** `POST /beschikkingen/toets`: the same check for a signed-in toegang user of the proposal's gemeente. */
  async toetsAs(actor: Actor, raw: unknown, ctx: AccessContext): Promise<Result<GrantVerdict>> {
    const gemeente = typeof raw === "object" && raw && "gemeente" in raw ? String((raw as { gemeente: unknown }).gemeente) : null;
    const denied = await this.precheck(actor, "beschikking", "write", { gemeentecode: gemeente }, ctx);
    return denied ?? this.toets(raw);
  }

  /** For the grant form: the running toewijzingen of a client feed the combination rules. */
  async toetsVoorClient(actor: Actor, clientId: number, raw: unknown, ctx: AccessContext): Promise<Result<GrantVerdict>> {
    const c = await this.repo.client(clientId);
    const target: Target = { gemeentecode: c?.gemeentecode ?? this.tenantOf(actor).gemeentecode ?? null };
    const denied = await this.precheck(actor, "beschikking", "write", target, ctx);
    if (denied) return denied;
    if (!c) return { ok: false, problems: notFound(`geen cliënt ${clientId}`) };
    const body = typeof raw === "object" && raw ? (raw as Record<string, unknown>) : {};
    const lopend = (await this.repo.toewijzingen({ clientId })).filter((t) => t.status !== "verwijderd" && t.status !== "ingetrokken").map((t) => ({ productId: t.productId, ingangsdatum: t.ingangsdatum, einddatum: t.einddatum }));
    return this.toets({ gemeente: c.gemeentecode, peildatum: body.peildatum ?? this.clock.today(), client: { geboortedatum: c.geboortedatum }, producten: body.producten, lopend, ...(body.verwijzer ? { verwijzer: body.verwijzer } : {}) });
  }
}

const strip = ({ contentHash: _h, ...d }: StoredDeclaratie): Omit<StoredDeclaratie, "contentHash"> => d;

/** The periods care ran, after an event: a start opens one, a (temporary) stop closes the open one. */
function periodsAfter(periods: Period[], event: ToewijzingEvent, datum: IsoDate): Period[] {
  if (event === "start") return [...periods, { begin: datum, end: null }];
  if (event === "stop" || event === "tijdelijk-stop") return periods.map((p) => (p.end === null ? { ...p, end: datum } : p));
  return periods;
}
