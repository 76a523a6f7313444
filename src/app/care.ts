import { createHash } from "node:crypto";
import { z } from "zod";
import { type Action, authorize, policy, type Resource, type Target } from "../domain/auth/policy.ts";
import type { Role } from "../domain/auth/principal.ts";
import { type BudgetLine, type BudgetRow, budgetSignals, type BudgetSignal, summarise } from "../domain/billing/budget.ts";
import { billingRulesFor, checkDeclaratie, type DeclaratieResult, type ToewijzingView, toewijzingKey } from "../domain/billing/check.ts";
import { CONTROL_CHARACTER, Declaratie, explainDeclaratieIssue } from "../domain/billing/declaratie.ts";
import type { Product } from "../domain/catalogue/product.ts";
import { isValidBsn, maskBsn } from "../domain/care/bsn.ts";
import { AgbCode, Gemeentecode, IsoDateString, RedenWijziging, Verwijzer, Wet } from "../domain/care/codes.ts";
import { type Deadline, deadlinesFor } from "../domain/care/deadlines.ts";
import { checkGrant, GrantProposal, type GrantVerdict, type ProductValidity, ProposedProduct } from "../domain/care/grant.ts";
import { applyEvent, events, type ToewijzingEvent } from "../domain/care/lifecycle.ts";
import type { Period } from "../domain/care/period.ts";
import { type IsoDate, maxDate, minDate } from "../domain/shared/date.ts";
import type { Problem, Result } from "../domain/shared/problem.ts";
import { explainZodIssue } from "../domain/shared/zod-dutch.ts";
import type { AccessContext, AccessGate, SubjectsOf } from "./access.ts";
import type { BeschikkingRecord, CareRepository, ClientRecord, Naamdelen, StoredDeclaratie, StoredPrestatie, ToewijzingRecord } from "./care-ports.ts";
import type { CatalogueService } from "./catalogue.ts";
import type { Actor } from "./compliance.ts";
import type { AccessSubject, Clock } from "./ports.ts";

const invalid = (error: z.ZodError, title: string): Problem[] =>
  error.issues.map((i) => ({ code: "invalid-input" as const, title, detail: explainZodIssue(i), path: i.path.join(".") }));
const notFound = (detail: string): Problem[] => [{ code: "not-found", title: "Niet gevonden", detail }];
type CareResource = Extract<Resource, "client" | "beschikking" | "toewijzing" | "declaratie">;
const noClient = (id: number) => notFound(`geen cliënt ${id}`);
const noToewijzing = (k: { gemeentecode: string; wet: string; toewijzingnummer: string }) =>
  notFound(`geen toewijzing ${excerpt(k.toewijzingnummer)} van gemeente ${excerpt(k.gemeentecode)} (${excerpt(k.wet)})`);
const noDeclaratie = (k: { agbCode: string; wet: string; declaratienummer: string }) =>
  notFound(`geen declaratie ${excerpt(k.declaratienummer)} van aanbieder ${excerpt(k.agbCode)} (${excerpt(k.wet)})`);
/** At most 30 characters of what a caller sent, for a message. */
const excerpt = (v: string) => (v.length > 30 ? `${v.slice(0, 30)}…` : v);

/** Record ids for the access log (AccessSubject.records). */
export const recordIds = {
  toewijzing: (t: { gemeentecode: string; wet: string; toewijzingnummer: string }) => `toewijzing:${t.gemeentecode}/${t.wet}/${t.toewijzingnummer}`,
  declaratie: (d: { agbCode: string; wet: string; declaratienummer: string }) => `declaratie:${d.agbCode}/${d.wet}/${d.declaratienummer}`,
  beschikking: (b: { id: number }) => `beschikking:${b.id}`,
};
/** A search that looks like a BSN (8 or more digits): logged as "bsn-zoekopdracht", and refused in a URL. */
export const looksLikeBsn = (q: string): boolean => (q.match(/[0-9]/g) ?? []).length >= 8;
const twSubject = (ts: { clientId: number; gemeentecode: string; wet: string; toewijzingnummer: string }[], filter?: string): Partial<AccessSubject> => ({
  clientIds: ts.map((t) => t.clientId),
  records: ts.map(recordIds.toewijzing),
  count: ts.length,
  ...(filter ? { filter } : {}),
});
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
        voorletters: z
          .string()
          .regex(/^[a-zA-Z\u00C0-\u1EF3]{1,6}$/u, "voorletters: 1 tot 6 letters, zonder punten")
          .optional(),
        voornamen: z.string().trim().min(1).max(200).optional(),
        voorvoegsel: z.string().trim().min(1).max(10).optional(),
        achternaam: z.string().trim().min(1).max(200),
        geslacht: z.enum(["0", "1", "2"]).optional(),
      })
      .strict()
      .optional(),
    adres: z
      .object({
        straat: z.string().max(200).optional(),
        huisnummer: z.string().max(20).optional(),
        postcode: z
          .string()
          .regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, "een postcode is 4 cijfers en 2 hoofdletters")
          .optional(),
        plaats: z.string().max(100).optional(),
      })
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
    override: z
      .object({ motivering: z.string().trim().min(10, "motiveer de afwijking in minstens 10 tekens").max(2000) })
      .strict()
      .optional(),
  })
  .strict();

export const EventInput = z.object({ event: z.enum(events), datum: IsoDateString, reden: RedenWijziging.optional() }).strict();

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
  const all = await catalogue.all(parsed.data.peildatum);
  const validity = await productValidity(
    catalogue,
    parsed.data.producten.map((p) => p.productId),
    all,
  );
  return { ok: true, value: checkGrant(all, parsed.data, validity) };
}

/**
 * For the products a proposal names that are not in force on the catalogue's date: the nearest other version (the
 * next one, else the last one), so the check can say from or until when the product applies. At most 20 look-ups.
 */
export async function productValidity(
  catalogue: CatalogueService,
  ids: string[],
  inForce: { asOf: string; products: Product[] },
): Promise<Map<string, ProductValidity>> {
  const known = new Set(inForce.products.map((p) => p.id));
  const out = new Map<string, ProductValidity>();
  for (const id of [...new Set(ids)].filter((i) => !known.has(i)).slice(0, 20)) {
    const versions = await catalogue.versions(id);
    const next = versions.filter((v) => v.validFrom > inForce.asOf).sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];
    const last = versions.filter((v) => v.validTo !== null && v.validTo < inForce.asOf).sort((a, b) => b.validTo!.localeCompare(a.validTo!))[0];
    const v = next ?? last;
    const p = v ? await catalogue.product(id, v.validFrom) : null;
    if (v && p)
      out.set(id, { name: p.product.name, productenboekId: p.product.productenboekId, validFrom: v.validFrom, validTo: v.validTo, asOf: inForce.asOf });
  }
  return out;
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

  /** Every access to the care chain's personal data goes through the gate, naming whose data it was (`subjects`). */
  private guard<T>(actor: Actor, resource: CareResource, action: Action, target: Target, ctx: AccessContext, work: () => Promise<T>, subjects: SubjectsOf<T>) {
    return actor.kind === "cli"
      ? this.gate.runTrusted("kader-cli", resource, action, target, ctx, work, subjects)
      : this.gate.run(actor.principal, resource, action, target, ctx, work, subjects);
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
    return this.guard(
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
    ).then((r) =>
      r.ok && r.value === null
        ? { ok: false, problems: conflict(`deze gemeente kent al een cliënt met BSN ${maskBsn(c.bsn)}`, "bsn") }
        : (r as Result<ClientRecord>),
    );
  }

  /** Asks the policy only (logged when refused) so that nothing is read for a caller who may not. */
  private async precheck(
    actor: Actor,
    resource: CareResource,
    action: Action,
    target: Target,
    ctx: AccessContext,
    subjects?: Partial<AccessSubject>,
  ): Promise<{ ok: false; problems: Problem[] } | null> {
    if (actor.kind === "cli") return null;
    const d = authorize(actor.principal, resource, action, target);
    if (d.allowed) return null;
    const r = await this.gate.run(actor.principal, resource, action, target, ctx, async () => null, subjects);
    return r.ok ? null : r;
  }

  /**
   * For one record asked by its key: a record outside the caller's gemeente or aanbieder gets the same answer as one
   * that does not exist (404, the same body), so nobody learns that another tenant's record exists; the refusal is
   * still logged as refused. A role that may never do this gets 403 whatever the key (that tells nothing).
   */
  private async hidden(
    actor: Actor,
    resource: CareResource,
    action: Action,
    target: Target,
    ctx: AccessContext,
    missing: Problem[],
    subjects?: Partial<AccessSubject>,
  ): Promise<{ ok: false; problems: Problem[] } | null> {
    const denied = await this.precheck(actor, resource, action, target, ctx, subjects);
    if (!denied || actor.kind === "cli") return denied;
    const role = actor.principal?.role;
    const scoped = denied.problems.every((p) => p.code === "forbidden") && (policy[resource][action] as { role: string }[]).some((g) => g.role === role);
    return scoped ? { ok: false, problems: missing } : denied;
  }

  /** A client's target for the policy: its gemeente, and the asking aanbieder when it serves the client. */
  private async clientTarget(actor: Actor, c: ClientRecord): Promise<Target> {
    const own = this.tenantOf(actor).agbCode;
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
    const tenant = this.tenantOf(actor);
    const target: Target = { gemeentecode: tenant.gemeentecode ?? null, agbCode: tenant.agbCode ?? null };
    const page = Math.max(1, q.page ?? 1);
    const text = q.q?.trim() || undefined;
    if (text !== undefined && CONTROL_CHARACTER.test(text))
      return {
        ok: false,
        problems: [
          {
            code: "invalid-parameter",
            title: "Ongeldige zoekopdracht",
            detail: "de zoekopdracht bevat een stuurteken (zoals U+0000); alleen gewone tekens zijn toegestaan",
            path: "q",
          },
        ],
      };
    const bsn = text !== undefined && looksLikeBsn(text);
    // a BSN as typed: spaces and dots between the digits are left out, an 8-digit BSN gets its leading zero
    const search = bsn && /^[0-9 .]+$/.test(text) ? text.replace(/[ .]/g, "").padStart(9, "0") : text;
    const filter = bsn ? "bsn-zoekopdracht" : text !== undefined ? `naam bevat "${text.slice(0, 60)}"` : "alle cliënten";
    return this.guard(
      actor,
      "client",
      "read",
      target,
      ctx,
      () => this.repo.clients({ gemeentecode: tenant.gemeentecode, agbCode: tenant.agbCode, q: search, limit: 50, offset: (page - 1) * 50 }),
      (r) => ({ clientIds: r.items.map((c) => c.id), filter: page > 1 ? `${filter}, pagina ${page}` : filter, count: r.total }),
    );
  }

  async clientOverview(actor: Actor, id: number, ctx: AccessContext): Promise<Result<ClientOverview>> {
    const c = await this.repo.client(id);
    if (!c) {
      const denied = await this.precheck(
        actor,
        "client",
        "read",
        { gemeentecode: this.tenantOf(actor).gemeentecode ?? null, agbCode: this.tenantOf(actor).agbCode ?? null },
        ctx,
      );
      return denied ?? { ok: false, problems: noClient(id) };
    }
    const target = await this.clientTarget(actor, c);
    const hidden = await this.hidden(actor, "client", "read", target, ctx, noClient(id), { clientIds: [c.id] });
    if (hidden) return hidden;
    return this.guard(
      actor,
      "client",
      "read",
      target,
      ctx,
      async () => {
        const own = this.tenantOf(actor).agbCode;
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
   */
  async grant(
    actor: Actor,
    raw: unknown,
    ctx: AccessContext,
  ): Promise<Result<{ beschikking: BeschikkingRecord; toewijzingen: ToewijzingRecord[]; verdict: GrantVerdict }>> {
    const parsed = GrantInput.safeParse(raw);
    if (!parsed.success) {
      const denied = await this.precheck(actor, "beschikking", "write", { gemeentecode: this.tenantOf(actor).gemeentecode ?? null }, ctx);
      return denied ?? { ok: false, problems: invalid(parsed.error, "Ongeldige beschikking") };
    }
    const g = parsed.data;
    const client = await this.repo.client(g.clientId);
    const denied = await this.hidden(
      actor,
      "beschikking",
      "write",
      { gemeentecode: client?.gemeentecode ?? this.tenantOf(actor).gemeentecode ?? null },
      ctx,
      noClient(g.clientId),
      client ? { clientIds: [client.id] } : undefined,
    );
    if (denied) return denied;
    if (!client) return { ok: false, problems: noClient(g.clientId) };
    const today = this.clock.today();
    const products = await this.products(today);
    for (const [i, p] of g.producten.entries()) {
      const product = products.get(p.productId);
      if (product && product.law !== g.wet)
        return {
          ok: false,
          problems: [
            {
              code: "invalid-input",
              title: "Ongeldige beschikking",
              detail: `product ${p.productId} hoort bij ${product.law}, de beschikking bij ${g.wet}`,
              path: `producten.${i}.productId`,
            },
          ],
        };
    }
    const running = (await this.repo.toewijzingen({ clientId: client.id })).filter((t) => t.status !== "verwijderd" && t.status !== "ingetrokken");
    const inForce = await this.catalogue.all(today);
    const verdict = checkGrant(
      inForce,
      {
        gemeente: client.gemeentecode,
        peildatum: g.afgiftedatum,
        client: { geboortedatum: client.geboortedatum },
        ...(g.verwijzer ? { verwijzer: g.verwijzer } : {}),
        producten: g.producten.map(({ aanbieder: _a, ...p }) => p),
        lopend: running.map((t) => ({ productId: t.productId, ingangsdatum: t.ingangsdatum, einddatum: t.einddatum })),
      },
      await productValidity(
        this.catalogue,
        g.producten.map((p) => p.productId),
        inForce,
      ),
    );
    const fouten = verdict.bevindingen.filter((f) => f.severity === "fout");
    const oordelen = verdict.bevindingen.filter((f) => f.severity === "oordeel");
    const refuse = (detail: string): Result<never> => ({
      ok: false,
      problems: [{ code: "inconsistent-data", title: "Beschikking voldoet niet aan het productenboek", detail, path: "producten" }],
    });
    if (fouten.length) return refuse(fouten.map((f) => `${f.productId}: ${f.message}`).join("; "));
    if (oordelen.length && !g.override)
      return refuse(`een professioneel oordeel is nodig (motiveer een afwijking): ${oordelen.map((f) => `${f.productId}: ${f.message}`).join("; ")}`);
    if (oordelen.length && actor.kind === "user" && actor.principal?.role !== "toegang")
      return refuse("alleen de toegang kan een oordeel onderbouwd doorzetten");
    const ingangsdatum = g.producten.map((p) => p.ingangsdatum).reduce(minDate);
    const einddatum = g.producten.map((p) => p.einddatum).reduce(maxDate);
    const by = actor.kind === "user" ? (actor.principal?.username ?? "onbekend") : "kader-cli";
    return this.guard(
      actor,
      "beschikking",
      "write",
      { gemeentecode: client.gemeentecode },
      { ...ctx, purpose: oordelen.length ? `${ctx.purpose} (met onderbouwde afwijking)` : ctx.purpose },
      () =>
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
      (r) => ({ clientIds: [client.id], records: r ? [recordIds.beschikking(r.beschikking), ...r.toewijzingen.map(recordIds.toewijzing)] : [] }),
    ).then((r) =>
      r.ok && r.value === null
        ? { ok: false, problems: conflict(`beschikkingnummer ${g.beschikkingnummer} bestaat al in deze gemeente`, "beschikkingnummer") }
        : (r as Result<{ beschikking: BeschikkingRecord; toewijzingen: ToewijzingRecord[]; verdict: GrantVerdict }>),
    );
  }

  async toewijzingen(
    actor: Actor,
    filter: { status?: string | undefined },
    ctx: AccessContext,
  ): Promise<Result<(ToewijzingRecord & { productNaam: string | null })[]>> {
    const tenant = this.tenantOf(actor);
    const status = filter.status
      ? z.enum(["toegewezen", "gestart", "tijdelijk-gestopt", "gestopt", "ingetrokken", "verwijderd"]).safeParse(filter.status)
      : null;
    if (status && !status.success)
      return { ok: false, problems: [{ code: "invalid-parameter", title: "Ongeldige parameter status", detail: "onbekende status", path: "status" }] };
    return this.guard(
      actor,
      "toewijzing",
      "read",
      { gemeentecode: tenant.gemeentecode ?? null, agbCode: tenant.agbCode ?? null },
      ctx,
      async () => {
        const products = await this.products();
        return (await this.repo.toewijzingen({ ...tenant, status: status?.data, limit: 2000 })).map((t) => ({
          ...t,
          productNaam: products.get(t.productId)?.name ?? null,
        }));
      },
      (ts) => twSubject(ts, status?.data ? `status ${status.data}` : "alle toewijzingen"),
    );
  }

  /** Applies a lifecycle event (start, stop, wijzigen, …) — the transition table and the retroactivity limits decide. */
  async event(
    actor: Actor,
    key: { gemeentecode: string; wet: string; toewijzingnummer: string },
    raw: unknown,
    ctx: AccessContext,
  ): Promise<Result<ToewijzingRecord>> {
    const wet = Wet.safeParse(key.wet);
    const t = wet.success ? await this.repo.toewijzing(key.gemeentecode, wet.data, key.toewijzingnummer) : null;
    const target: Target = t ? { gemeentecode: t.gemeentecode, agbCode: t.agbCode } : { gemeentecode: key.gemeentecode, agbCode: null };
    const denied = await this.hidden(actor, "toewijzing", "write", target, ctx, noToewijzing(key), t ? twSubject([t]) : undefined);
    if (denied) return denied;
    if (!t) return { ok: false, problems: noToewijzing(key) };
    const parsed = EventInput.safeParse(raw);
    if (!parsed.success) return { ok: false, problems: invalid(parsed.error, "Ongeldige gebeurtenis") };
    const e = parsed.data;
    if (actor.kind === "user" && actor.principal && !eventRoles[e.event].includes(actor.principal.role))
      return {
        ok: false,
        problems: [{ code: "forbidden", title: "Geen toegang", detail: `rol ${actor.principal.role} kan deze gebeurtenis (${e.event}) niet melden` }],
      };
    const next = applyEvent(t, { event: e.event, datum: e.datum, reden: e.reden }, this.clock.today());
    if (!next.ok) return next;
    const geleverd = periodsAfter(t.geleverd, e.event, e.datum);
    const updated: ToewijzingRecord = { ...t, ...next.value, geleverd, redenWijziging: e.event === "verwijderen" ? "13" : (e.reden ?? t.redenWijziging) };
    const by = actor.kind === "user" ? (actor.principal?.username ?? "onbekend") : "kader-cli";
    return this.guard(
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
      twSubject([t]),
    );
  }

  async history(actor: Actor, key: { gemeentecode: string; wet: string; toewijzingnummer: string }, ctx: AccessContext) {
    const wet = Wet.safeParse(key.wet);
    const t = wet.success ? await this.repo.toewijzing(key.gemeentecode, wet.data, key.toewijzingnummer) : null;
    const target: Target = t ? { gemeentecode: t.gemeentecode, agbCode: t.agbCode } : { gemeentecode: key.gemeentecode, agbCode: null };
    const denied = await this.hidden(actor, "toewijzing", "read", target, ctx, noToewijzing(key), t ? twSubject([t]) : undefined);
    if (denied) return denied;
    if (!t) return { ok: false as const, problems: noToewijzing(key) };
    return this.guard(actor, "toewijzing", "read", target, ctx, async () => ({ toewijzing: t, events: await this.repo.events(t) }), twSubject([t]));
  }

  /** The work list: every open deadline of the visible toewijzingen, earliest first. */
  async worklist(actor: Actor, ctx: AccessContext): Promise<Result<WorkItem[]>> {
    const tenant = this.tenantOf(actor);
    return this.guard(
      actor,
      "toewijzing",
      "read",
      { gemeentecode: tenant.gemeentecode ?? null, agbCode: tenant.agbCode ?? null },
      ctx,
      async () => {
        const today = this.clock.today();
        const products = await this.products();
        const tws = await this.repo.toewijzingen({ ...tenant });
        const verwijzers = new Map<number, BeschikkingRecord["verwijzer"]>();
        for (const clientId of new Set(tws.map((t) => t.clientId))) for (const b of await this.repo.beschikkingen(clientId)) verwijzers.set(b.id, b.verwijzer);
        const items: WorkItem[] = [];
        for (const t of tws) {
          const product = products.get(t.productId);
          if (!product) continue;
          for (const d of deadlinesFor(
            {
              product,
              status: t.status,
              toewijzingsdatum: t.toewijzingsdatum,
              ingangsdatum: t.ingangsdatum,
              einddatum: t.einddatum,
              startdatum: t.startdatum,
              verwijzer: verwijzers.get(t.beschikkingId) ?? null,
            },
            today,
          ))
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
      (items) => twSubject(items, "werklijst: open termijnen"),
    );
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

  /**
   * Parses a declaratie, with Dutch errors per field path; nothing is read or written for bad input. A value that is
   * there but wrong says what was found (never a BSN); only a value that is really absent is "verplicht".
   */
  parseDeclaratie(raw: unknown): Result<Declaratie> {
    const parsed = Declaratie.safeParse(raw, { reportInput: true });
    return parsed.success
      ? { ok: true, value: parsed.data }
      : {
          ok: false,
          problems: parsed.error.issues.map((i) => ({
            code: "invalid-input" as const,
            title: "Ongeldige declaratie",
            detail: explainDeclaratieIssue(i, explainZodIssue),
            path: i.path.join("."),
          })),
        };
  }

  /** One declaratie (JSON, a 323 message): `submitDeclaraties` with a file of one. */
  async submitDeclaratie(actor: Actor, raw: unknown, ctx: AccessContext, opts: SubmitOptions = {}): Promise<Result<DeclaratieAnswer>> {
    const r = await this.submitDeclaraties(actor, [raw], ctx, opts);
    return r.ok ? { ok: true, value: r.value[0]! } : r;
  }

  /**
   * Receives a file of declaraties from an aanbieder, all or nothing: first every declaratie is checked to be the
   * caller's to submit (403 for the file otherwise, each refusal logged), then every declaratie is validated with every
   * problem collected (400, nothing stored), and only then all are checked against the toewijzingen, contracts and
   * earlier declaraties and stored with their answers in ONE transaction, under the advisory lock of each aanbieder and
   * law. The same declaratie again changes nothing and gets the stored answer; another declaratie with a used number
   * is answered with 9333 (an answer, not an error). With `store: false` nothing is written.
   */
  async submitDeclaraties(actor: Actor, raws: unknown[], ctx: AccessContext, opts: SubmitOptions = {}): Promise<Result<DeclaratieAnswer[]>> {
    const where = opts.locate ?? ((ps: Problem[]) => ps);
    const own = this.tenantOf(actor);
    const heads = raws.map((raw) => (typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}));
    // an incomplete body is judged as the caller's own, so its validation errors are shown rather than a refusal
    const targets: Target[] = heads.map((head) => ({
      agbCode: typeof head.aanbieder === "string" ? head.aanbieder : (own.agbCode ?? null),
      gemeentecode: typeof head.gemeente === "string" ? head.gemeente : (own.gemeentecode ?? null),
    }));
    // 1. who: every declaratie in the file must be the caller's, before any of it is looked at further
    if (actor.kind === "user") {
      const refused: Problem[] = [];
      for (const [i, target] of targets.entries()) {
        if (authorize(actor.principal, "declaratie", "write", target).allowed) continue;
        const denied = await this.precheck(actor, "declaratie", "write", target, ctx, { records: headRecord(heads[i]!) });
        if (!denied) continue;
        if (denied.problems.some((p) => p.code === "unauthorized")) return denied;
        const label = headLabel(heads[i]!);
        refused.push(
          ...where(
            denied.problems.map((p) => ({ ...p, detail: `${label}${p.detail}` })),
            i,
          ),
        );
      }
      if (refused.length) return { ok: false, problems: refused };
    }
    // 2. what: every declaratie validated, every problem collected before anything is read or written
    const problems: Problem[] = [...(opts.readProblems ?? [])];
    const parsed: Declaratie[] = [];
    raws.forEach((raw, i) => {
      const r = this.parseDeclaratie(raw);
      if (r.ok) parsed.push(r.value);
      else problems.push(...where(r.problems, i));
    });
    if (problems.length) return { ok: false, problems: byLine(problems) };
    if (!parsed.length) return { ok: false, problems: [{ code: "invalid-input", title: "Ongeldige declaratie", detail: "er is geen declaratie aangeleverd" }] };
    // 3. one transaction for the whole file
    const store = opts.store ?? true;
    const views = new Map<string, Awaited<ReturnType<CareService["viewBuilder"]>>>();
    for (const d of parsed) if (!views.has(d.periode.begindatum)) views.set(d.periode.begindatum, await this.viewBuilder(d.periode.begindatum));
    const touched: number[][] = [];
    const runAll = async (tx: CareRepository): Promise<DeclaratieAnswer[]> => {
      if (store)
        for (const key of [...new Set(parsed.map((d) => `${d.aanbieder}|${d.wet}`))].sort())
          await tx.lockAanbieder(key.split("|")[0]!, key.split("|")[1] as Wet);
      const answers: DeclaratieAnswer[] = [];
      let done = 0;
      for (const [i, d] of parsed.entries()) {
        const clients = (ids: number[]) => {
          touched[i] = ids;
        };
        answers.push(await this.answerDeclaratie(tx, d, views.get(d.periode.begindatum)!, { store, demo: opts.demo ?? false, clients }));
        done += d.prestaties.length;
        opts.progress?.(done);
      }
      return answers;
    };
    // one access-log row per aanbieder and gemeente in the file (usually one), naming the declaraties and their clients
    const groups = new Map<string, { target: Target; indexes: number[] }>();
    parsed.forEach((d, i) => {
      const key = `${d.aanbieder}|${d.gemeente}`;
      const g = groups.get(key) ?? { target: { agbCode: d.aanbieder, gemeentecode: d.gemeente }, indexes: [] };
      g.indexes.push(i);
      groups.set(key, g);
    });
    let answers: DeclaratieAnswer[] | null = null;
    for (const g of groups.values()) {
      const r = await this.guard(
        actor,
        "declaratie",
        "write",
        g.target,
        ctx,
        async () => (answers ??= await (store ? this.repo.transaction(runAll) : runAll(this.repo))),
        () => ({
          clientIds: g.indexes.flatMap((i) => touched[i] ?? []),
          records: g.indexes.map((i) =>
            recordIds.declaratie({ agbCode: parsed[i]!.aanbieder, wet: parsed[i]!.wet, declaratienummer: parsed[i]!.declaratienummer }),
          ),
        }),
      );
      if (!r.ok) return r;
    }
    return { ok: true, value: answers! };
  }

  /** Checks one declaratie inside the file's transaction and stores it with its answer (unless rejected as a whole). */
  private async answerDeclaratie(
    tx: CareRepository,
    d: Declaratie,
    views: (t: ToewijzingRecord, bsn: string) => ToewijzingView,
    o: { store: boolean; demo: boolean; clients: (ids: number[]) => void },
  ): Promise<DeclaratieAnswer> {
    const hash = contentHash(d);
    const existing = await tx.declaratie(d.aanbieder, d.wet, d.declaratienummer);
    if (existing && existing.contentHash === hash) {
      o.clients(await tx.clientIdsOfDeclaraties([{ agbCode: d.aanbieder, wet: d.wet, declaratienummer: d.declaratienummer }]));
      return { declaratie: strip(existing), herhaald: true, result: await this.storedResult(tx, existing) };
    }
    const ledger = await tx.ledgerFor(d, views);
    const result = checkDeclaratie(d, ledger);
    const meta = {
      agbCode: d.aanbieder,
      wet: d.wet,
      declaratienummer: d.declaratienummer,
      gemeentecode: d.gemeente,
      periodeBegin: d.periode.begindatum,
      periodeEind: d.periode.einddatum,
      dagtekening: d.dagtekening,
      ingediend: result.ingediend,
      toegekend: result.toegekend,
      receivedAt: this.clock.now(),
      demo: o.demo,
    };
    const clientIds = new Map<string, number>();
    // the clients of this aanbieder's toewijzingen the declaratie names (another aanbieder's are answered 9338 and not read)
    for (const t of ledger.toewijzingen.values()) if (t.clientId !== undefined && t.agbCode === d.aanbieder) clientIds.set(t.toewijzingnummer, t.clientId);
    o.clients([...new Set(d.prestaties.map((p) => clientIds.get(p.toewijzingnummer)).filter((id): id is number => id !== undefined))]);
    if (o.store && !result.afgewezen) await tx.storeDeclaratie(d, result, { contentHash: hash, receivedAt: meta.receivedAt, demo: meta.demo, clientIds });
    return { declaratie: meta, herhaald: false, result };
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
    let clientIds: number[] = [];
    return this.guard(
      actor,
      "declaratie",
      "read",
      { gemeentecode: tenant.gemeentecode ?? null, agbCode: tenant.agbCode ?? null },
      ctx,
      async () => {
        const list = (await this.repo.declaraties({ ...tenant, limit: 500 })).map(strip);
        clientIds = await this.repo.clientIdsOfDeclaraties(list.map((d) => ({ agbCode: d.agbCode, wet: d.wet, declaratienummer: d.declaratienummer })));
        return list;
      },
      (list) => ({ clientIds, records: list.map(recordIds.declaratie), filter: "alle declaraties", count: list.length }),
    );
  }

  async declaratie(
    actor: Actor,
    key: { agbCode: string; wet: string; declaratienummer: string },
    ctx: AccessContext,
  ): Promise<Result<{ declaratie: Omit<StoredDeclaratie, "contentHash">; prestaties: StoredPrestatie[] }>> {
    const wet = Wet.safeParse(key.wet);
    const d = wet.success ? await this.repo.declaratie(key.agbCode, wet.data, key.declaratienummer) : null;
    const own = this.tenantOf(actor).gemeentecode;
    const target: Target = d ? { agbCode: d.agbCode, gemeentecode: d.gemeentecode } : { agbCode: key.agbCode, gemeentecode: own ?? null };
    const denied = await this.hidden(actor, "declaratie", "read", target, ctx, noDeclaratie(key), d ? { records: [recordIds.declaratie(d)] } : undefined);
    if (denied) return denied;
    if (!d) return { ok: false, problems: noDeclaratie(key) };
    let clientIds: number[] = [];
    return this.guard(
      actor,
      "declaratie",
      "read",
      target,
      ctx,
      async () => {
        clientIds = await this.repo.clientIdsOfDeclaraties([d]);
        return { declaratie: strip(d), prestaties: await this.repo.prestaties(d.agbCode, d.wet, d.declaratienummer) };
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
  async budget(
    actor: Actor,
    q: { groep?: string | undefined; peildatum?: string | undefined },
    ctx: AccessContext,
  ): Promise<
    Result<{
      peildatum: string;
      groep: BudgetGroup;
      rows: (BudgetRow & { label: string })[];
      maanden: { maand: string; ingediend: number; toegekend: number }[];
      signalen: BudgetSignal[];
    }>
  > {
    const groep = z
      .enum(["toewijzing", "client", "aanbieder", "product", "productenboek", "maand"])
      .default("product")
      .safeParse(q.groep || undefined);
    if (!groep.success)
      return {
        ok: false,
        problems: [
          {
            code: "invalid-parameter",
            title: "Ongeldige parameter groep",
            detail: "kies toewijzing, client, aanbieder, product, productenboek of maand",
            path: "groep",
          },
        ],
      };
    const peil = q.peildatum ? IsoDateString.safeParse(q.peildatum) : null;
    if (peil && !peil.success)
      return {
        ok: false,
        problems: [{ code: "invalid-parameter", title: "Ongeldige parameter peildatum", detail: "een datum als JJJJ-MM-DD", path: "peildatum" }],
      };
    const peildatum = peil?.data ?? this.clock.today();
    const tenant = this.tenantOf(actor);
    return this.guard(
      actor,
      "toewijzing",
      "read",
      { gemeentecode: tenant.gemeentecode ?? null, agbCode: tenant.agbCode ?? null },
      ctx,
      async () => {
        const products = await this.products();
        const lines: BudgetLine[] = (await this.repo.budgetLines(tenant)).map((l) => ({
          ...l,
          productenboekId: products.get(l.productId)?.productenboekId ?? "onbekend",
        }));
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
          clientIds: lines.map((l) => l.clientId),
        };
      },
      (r) => ({ clientIds: r.clientIds, filter: `budget per ${r.groep}, peildatum ${r.peildatum}`, count: r.clientIds.length }),
    ).then((r) => {
      if (!r.ok) return r;
      const { clientIds: _c, ...value } = r.value;
      return { ok: true as const, value };
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
    const denied = await this.hidden(actor, "beschikking", "write", target, ctx, noClient(clientId), c ? { clientIds: [c.id] } : undefined);
    if (denied) return denied;
    if (!c) return { ok: false, problems: noClient(clientId) };
    const body = typeof raw === "object" && raw ? (raw as Record<string, unknown>) : {};
    // the client's birth date and running toewijzingen are read: logged as a read of the client
    const r = await this.guard(
      actor,
      "client",
      "read",
      { gemeentecode: c.gemeentecode },
      { ...ctx, purpose: `${ctx.purpose} (leeftijd en lopende toewijzingen)` },
      async () => (await this.repo.toewijzingen({ clientId })).filter((t) => t.status !== "verwijderd" && t.status !== "ingetrokken"),
      (ts) => ({ clientIds: [c.id], records: ts.map(recordIds.toewijzing) }),
    );
    if (!r.ok) return r;
    const lopend = r.value.map((t) => ({ productId: t.productId, ingangsdatum: t.ingangsdatum, einddatum: t.einddatum }));
    return this.toets({
      gemeente: c.gemeentecode,
      peildatum: body.peildatum ?? this.clock.today(),
      client: { geboortedatum: c.geboortedatum },
      producten: body.producten,
      lopend,
      ...(body.verwijzer ? { verwijzer: body.verwijzer } : {}),
    });
  }
}

const strip = ({ contentHash: _h, ...d }: StoredDeclaratie): Omit<StoredDeclaratie, "contentHash"> => d;

export interface SubmitOptions {
  /** false: check only, store nothing (`kader declaraties controleer` without --opslaan) */
  store?: boolean;
  demo?: boolean;
  /** says where problem of declaratie `index` is (file, CSV row and column); by default they stay as they are */
  locate?: (problems: Problem[], index: number) => Problem[];
  /** what reading the file found already (located), reported together with the validation's problems */
  readProblems?: Problem[];
  /** called after each declaratie with the number of prestaties checked so far */
  progress?: (prestaties: number) => void;
}

/** A declaratie named by what its body says, for a refusal ("declaratie D1 van aanbieder 12345678: "). */
function headLabel(head: Record<string, unknown>): string {
  const safe = (v: unknown) => (typeof v === "string" && v.length > 0 && v.length <= 20 && !CONTROL_CHARACTER.test(v) ? v : null);
  const nr = safe(head.declaratienummer);
  const agb = safe(head.aanbieder);
  return `declaratie${nr ? ` ${nr}` : ""}${agb ? ` van aanbieder ${agb}` : ""}: `;
}
function headRecord(head: Record<string, unknown>): string[] {
  const ok = (v: unknown): v is string => typeof v === "string" && /^[0-9A-Za-z._-]{1,20}$/.test(v);
  return ok(head.aanbieder) && ok(head.wet) && ok(head.declaratienummer)
    ? [recordIds.declaratie({ agbCode: head.aanbieder, wet: head.wet, declaratienummer: head.declaratienummer })]
    : [];
}
/** Problems in file order (row), when every one has a row; otherwise as found. */
function byLine(problems: Problem[]): Problem[] {
  return problems.every((p) => p.line !== undefined) ? [...problems].sort((a, b) => a.line! - b.line!) : problems;
}

/** The periods care ran, after an event: a start opens one, a (temporary) stop closes the open one. */
function periodsAfter(periods: Period[], event: ToewijzingEvent, datum: IsoDate): Period[] {
  if (event === "start") return [...periods, { begin: datum, end: null }];
  if (event === "stop" || event === "tijdelijk-stop") return periods.map((p) => (p.end === null ? { ...p, end: datum } : p));
  return periods;
}
