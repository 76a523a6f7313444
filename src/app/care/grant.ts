import { GrantInput, GrantProposal } from "../../contract/care.ts";
import type { Catalogue, Product } from "../../domain/catalogue/product.ts";
import { checkGrant, type GrantVerdict, type ProductValidity } from "../../domain/care/grant.ts";
import { maxDate, minDate } from "../../domain/shared/date.ts";
import { fail, type Problem, problem, type Result } from "../../domain/shared/problem.ts";
import type { AccessContext, AccessGate, Actor, Refusal } from "../access.ts";
import type { BeschikkingRecord, CareRepository, ClientRecord, ToewijzingRecord } from "../care-ports.ts";
import type { CatalogueService } from "../catalogue.ts";
import type { Clock } from "../ports.ts";
import { actorName, missing, ownTenant, recordIds } from "./shared.ts";

type Grant = GrantInput;
type Granted = { beschikking: BeschikkingRecord; toewijzingen: ToewijzingRecord[]; verdict: GrantVerdict };
type InForce = Pick<Catalogue, "products" | "productenboeken"> & { asOf: string };

/** Checks a proposed beschikking against the catalogue in force on its peildatum; stores nothing. */
export async function checkBeschikking(catalogue: CatalogueService, raw: unknown): Promise<Result<GrantVerdict>> {
  const parsed = GrantProposal.safeParse(raw);
  if (!parsed.success) return fail(...problem.fromZod(parsed.error, "Ongeldige beschikking"));
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

/** A product of another law than the beschikking's: the first one, as a problem on its field. */
function lawMismatch(g: Grant, products: Map<string, Product>): Problem | null {
  for (const [i, p] of g.producten.entries()) {
    const product = products.get(p.productId);
    if (product && product.law !== g.wet)
      return problem.invalid(
        `product ${p.productId} hoort bij ${product.law}, de beschikking bij ${g.wet}`,
        `producten.${i}.productId`,
        "Ongeldige beschikking",
      );
  }
  return null;
}

/**
 * The decision on the check's findings: a "fout" refuses; an "oordeel" refuses unless the grant carries a motivated
 * override, and only the toegang may override. Null when the beschikking may be granted.
 */
function refusalOf(verdict: GrantVerdict, g: Grant, actor: Actor): Problem | null {
  const refuse = (detail: string) => problem.inconsistent(detail, "producten", "Beschikking voldoet niet aan het productenboek");
  const list = (fs: GrantVerdict["bevindingen"]) => fs.map((f) => `${f.productId}: ${f.message}`).join("; ");
  const errors = verdict.bevindingen.filter((f) => f.severity === "fout");
  const oordelen = verdict.bevindingen.filter((f) => f.severity === "oordeel");
  if (errors.length) return refuse(list(errors));
  if (oordelen.length && !g.override) return refuse(`een professioneel oordeel is nodig (motiveer een afwijking): ${list(oordelen)}`);
  if (oordelen.length && actor.kind === "user" && actor.principal?.role !== "toegang") return refuse("alleen de toegang kan een oordeel onderbouwd doorzetten");
  return null;
}

const hasJudgement = (verdict: GrantVerdict) => verdict.bevindingen.some((f) => f.severity === "oordeel");

/** The toewijzing of one granted product. */
function toewijzingOf(
  g: Grant,
  p: Grant["producten"][number],
  product: Product,
  client: ClientRecord,
  numbers: { toewijzingnummer: string; beschikkingId: number },
): ToewijzingRecord {
  return {
    gemeentecode: client.gemeentecode,
    wet: g.wet,
    toewijzingnummer: numbers.toewijzingnummer,
    beschikkingId: numbers.beschikkingId,
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
}

/**
 * Granting a beschikking, in its steps: parse, authorise, check against the catalogue, decide on the findings, then
 * store and log. Behaviour is that of one use case (CareService.grant); each step does one thing.
 */
export class GrantBeschikking {
  constructor(
    private readonly repo: CareRepository,
    private readonly catalogue: CatalogueService,
    private readonly gate: AccessGate,
    private readonly clock: Clock,
  ) {}

  async run(actor: Actor, raw: unknown, ctx: AccessContext): Promise<Result<Granted>> {
    const parsed = await this.parse(actor, raw, ctx);
    if (!parsed.ok) return parsed;
    const g = parsed.value;
    const client = await this.repo.client(g.clientId);
    const denied = await this.authorise(actor, g, client, ctx);
    if (denied) return denied;
    if (!client) return fail(...missing.client(g.clientId));
    const checked = await this.check(g, client);
    if (!checked.ok) return checked;
    const refusal = refusalOf(checked.value.verdict, g, actor);
    if (refusal) return fail(refusal);
    return this.store(actor, g, client, checked.value, ctx);
  }

  /** A body that does not parse is answered with its problems — unless the caller may not grant at all (refused first). */
  private async parse(actor: Actor, raw: unknown, ctx: AccessContext): Promise<Result<Grant>> {
    const parsed = GrantInput.safeParse(raw);
    if (parsed.success) return { ok: true, value: parsed.data };
    const denied = await this.gate.precheck(actor, "beschikking", "write", { gemeentecode: ownTenant(actor).gemeentecode ?? null }, ctx);
    return denied ?? fail(...problem.fromZod(parsed.error, "Ongeldige beschikking"));
  }

  /** The client's gemeente decides; another gemeente's client answers as an unknown one. */
  private authorise(actor: Actor, g: Grant, client: ClientRecord | null, ctx: AccessContext): Promise<Refusal | null> {
    return this.gate.hidden(
      actor,
      "beschikking",
      "write",
      { gemeentecode: client?.gemeentecode ?? ownTenant(actor).gemeentecode ?? null },
      ctx,
      missing.client(g.clientId),
      client ? { clientIds: [client.id] } : undefined,
    );
  }

  /** The productenboek's rules on the proposal, with the client's age and running toewijzingen, as in force today. */
  private async check(g: Grant, client: ClientRecord): Promise<Result<{ verdict: GrantVerdict; products: Map<string, Product> }>> {
    const inForce: InForce = await this.catalogue.all(this.clock.today());
    const products = new Map(inForce.products.map((p) => [p.id, p]));
    const mismatch = lawMismatch(g, products);
    if (mismatch) return fail(mismatch);
    const running = (await this.repo.toewijzingen({ clientId: client.id })).filter((t) => t.status !== "verwijderd" && t.status !== "ingetrokken");
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
    return { ok: true, value: { verdict, products } };
  }

  /**
   * Stores under the gate: logged with the client and the records, and "met onderbouwde afwijking" when an oordeel was
   * overridden; a beschikkingnummer the gemeente used before stores nothing.
   */
  private async store(
    actor: Actor,
    g: Grant,
    client: ClientRecord,
    checked: { verdict: GrantVerdict; products: Map<string, Product> },
    ctx: AccessContext,
  ): Promise<Result<Granted>> {
    const judged = hasJudgement(checked.verdict);
    const r = await this.gate.guard(
      actor,
      "beschikking",
      "write",
      { gemeentecode: client.gemeentecode },
      { ...ctx, purpose: judged ? `${ctx.purpose} (met onderbouwde afwijking)` : ctx.purpose },
      () => this.repo.transaction((tx) => this.insert(tx, g, client, checked, actorName(actor))),
      (r) => ({ clientIds: [client.id], records: r ? [recordIds.beschikking(r.beschikking), ...r.toewijzingen.map(recordIds.toewijzing)] : [] }),
    );
    if (r.ok && r.value === null)
      return fail(problem.inconsistent(`beschikkingnummer ${g.beschikkingnummer} bestaat al in deze gemeente`, "beschikkingnummer", "Niet toegestaan"));
    return r as Result<Granted>;
  }

  /**
   * The beschikking and one toewijzing per product, each with a new ToewijzingNummer (unique per gemeente per law), in
   * the transaction given; null when the beschikkingnummer is taken.
   */
  private async insert(
    tx: CareRepository,
    g: Grant,
    client: ClientRecord,
    { verdict, products }: { verdict: GrantVerdict; products: Map<string, Product> },
    by: string,
  ): Promise<Granted | null> {
    if (await tx.beschikkingnummerExists(client.gemeentecode, g.beschikkingnummer)) return null;
    const beschikking = await tx.insertBeschikking({
      gemeentecode: client.gemeentecode,
      clientId: client.id,
      wet: g.wet,
      beschikkingnummer: g.beschikkingnummer,
      afgiftedatum: g.afgiftedatum,
      ingangsdatum: g.producten.map((p) => p.ingangsdatum).reduce(minDate),
      einddatum: g.producten.map((p) => p.einddatum).reduce(maxDate),
      verwijzer: g.verwijzer,
      producten: g.producten,
      bevindingen: verdict.bevindingen,
      override: hasJudgement(verdict) && g.override ? { motivering: g.override.motivering, door: by, op: this.clock.now() } : null,
      createdBy: by,
      createdAt: this.clock.now(),
    });
    const toewijzingen: ToewijzingRecord[] = [];
    for (const p of g.producten) {
      const toewijzingnummer = await tx.nextToewijzingnummer(client.gemeentecode, g.wet);
      const t = toewijzingOf(g, p, products.get(p.productId)!, client, { toewijzingnummer, beschikkingId: beschikking.id });
      await tx.insertToewijzing(t, this.clock.now());
      toewijzingen.push(t);
    }
    return { beschikking, toewijzingen, verdict };
  }
}
