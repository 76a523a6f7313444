import { z } from "zod";
import type { ComplianceReport } from "../contract/compliance.ts";
import type { Target } from "../domain/auth/policy.ts";
import { AgbCode } from "../domain/auth/principal.ts";
import type { Product } from "../domain/catalogue/product.ts";
import { checkProduct, productKeys, productsFor, type Signal, signals } from "../domain/compliance/check.ts";
import { ProviderContract, ProviderEvidence, type ProviderRecord } from "../domain/compliance/provider.ts";
import type { StaffMemberRecord } from "../domain/compliance/staff.ts";
import { isIsoDate } from "../domain/shared/date.ts";
import { type Problem, problem, type Result } from "../domain/shared/problem.ts";
import type { TariffParameters } from "../domain/tariffs/parameters.ts";
import type { AccessContext, AccessGate, Actor, Refusal } from "./access.ts";
import type { CatalogueService } from "./catalogue.ts";
import type { Clock, ProviderRepository } from "./ports.ts";
import { type ContractComparison, compareWithContracts } from "./tariffs.ts";

/** Who asks: a signed-in user (checked against the policy), or the local command line (trusted, still logged). */
export type { Actor, ComplianceReport };

/** The access-log subject of an access to one aanbieder's data. */
const aanbieder = (agb: string) => ({ records: [`aanbieder:${agb.slice(0, 20)}`] });

const providerNotFound = (agb: string): Problem => problem.notFound(`geen aanbieder met AGB-code ${agb}`, "aanbieder", "Aanbieder niet gevonden");
const badParam = (path: string, detail: string): Problem => ({ code: "invalid-parameter", title: `Ongeldige parameter ${path}`, detail, path });

/** What a caller sees of a provider: a gemeente sees only its own contracts, not other gemeenten' tariffs. */
function visibleTo(actor: Actor, p: ProviderRecord): ProviderRecord {
  const t = actor.kind === "user" ? actor.principal?.tenant : null;
  if (t?.kind !== "gemeente") return p;
  return { ...p, gemeentecodes: p.gemeentecodes.filter((g) => g === t.gemeentecode), contracts: p.contracts.filter((c) => c.gemeentecode === t.gemeentecode) };
}

/** The record's tenant as the policy sees it: the aanbieder, and the asking user's gemeente when it contracts the aanbieder. */
function targetOf(actor: Actor, p: Pick<ProviderRecord, "agbCode" | "gemeentecodes">): Target {
  const t = actor.kind === "user" ? actor.principal?.tenant : null;
  return { agbCode: p.agbCode, gemeentecode: t?.kind === "gemeente" && p.gemeentecodes.includes(t.gemeentecode) ? t.gemeentecode : null };
}

/**
 * Provider compliance: import a provider's staff, check every product it works in against the productenboek and
 * programma van eisen at a peildatum, and list what lapses soon. Staff data is personal data: every access goes
 * through the access gate.
 */
export class ComplianceService {
  constructor(
    private readonly providers: ProviderRepository,
    private readonly catalogue: CatalogueService,
    private readonly gate: AccessGate,
    private readonly clock: Clock,
  ) {}

  /**
   * An unknown AGB code gets the answer a known one would get when the caller may not see it (401/403), so nobody
   * learns which providers exist; only a caller who could see that provider (its own aanbieder) hears "not found".
   */
  private async notFound<T>(actor: Actor, agb: string, ctx: AccessContext): Promise<Result<T>> {
    const r = await this.gate.guard(actor, "compliance", "read", { agbCode: agb, gemeentecode: null }, ctx, async () => null, aanbieder(agb));
    return r.ok ? { ok: false, problems: [providerNotFound(agb)] } : (r as Result<T>);
  }

  /**
   * May the actor import staff for this AGB code? Asked before the file is even parsed. An existing provider is
   * judged as it stands (its gemeenten); a new one is created for the caller's own gemeente or own organisation.
   * A refusal is logged at once. Every access names the aanbieder(s) it concerns ("aanbieder:<agb>"); staff members
   * are not clients.
   */
  async authorizeImport(actor: Actor, agb: string, ctx: AccessContext): Promise<Refusal | null> {
    const existing = await this.providers.get(agb);
    const t = actor.kind === "user" ? actor.principal?.tenant : null;
    const target: Target = existing ? targetOf(actor, existing) : { agbCode: agb, gemeentecode: t?.kind === "gemeente" ? t.gemeentecode : null };
    return this.gate.precheck(actor, "compliance", "write", target, ctx, aanbieder(agb));
  }

  /** Replaces the staff list of an aanbieder (created when new). Nothing is written when anything is wrong. */
  async importStaff(
    actor: Actor,
    agbRaw: string,
    staff: StaffMemberRecord[],
    opts: { name?: string | undefined; gemeentecode?: string | undefined },
    ctx: AccessContext,
  ): Promise<Result<{ created: boolean; staff: number; provider: ProviderRecord }>> {
    const agb = AgbCode.safeParse(agbRaw);
    if (!agb.success) return { ok: false, problems: [badParam("aanbieder", "een AGB-code is 8 cijfers")] };
    const existing = await this.providers.get(agb.data);
    const own = actor.kind === "user" && actor.principal?.tenant?.kind === "gemeente" ? actor.principal.tenant.gemeentecode : undefined;
    if (opts.gemeentecode && !/^[0-9]{4}$/.test(opts.gemeentecode)) return { ok: false, problems: [badParam("gemeente", "een gemeentecode is 4 cijfers")] };
    // the caller's gemeente is joined to a NEW provider only; an existing one is checked as it stands, so a
    // contractmanager cannot take over a provider that its gemeente does not contract
    const gemeentecodes = existing
      ? [...new Set([...existing.gemeentecodes, ...(actor.kind === "cli" && opts.gemeentecode ? [opts.gemeentecode] : [])])]
      : [...new Set([...(own ? [own] : []), ...(actor.kind === "cli" && opts.gemeentecode ? [opts.gemeentecode] : [])])];
    const provider: ProviderRecord = existing
      ? { ...existing, gemeentecodes: gemeentecodes as ProviderRecord["gemeentecodes"], name: opts.name ?? existing.name }
      : {
          agbCode: agb.data,
          name: opts.name ?? `Aanbieder ${agb.data}`,
          kvk: null,
          gemeentecodes: gemeentecodes as ProviderRecord["gemeentecodes"],
          evidence: [],
          contracts: [],
        };
    const known = new Set((await this.catalogue.all()).products.flatMap(productKeys));
    const unknown = [...new Set(staff.flatMap((s) => s.products))].filter((k) => !known.has(k));
    if (unknown.length)
      return {
        ok: false,
        problems: unknown.map((k) =>
          problem.invalid(
            `product "${k}" staat in geen productenboek (gebruik een product-id, productcode of vervangende code)`,
            "producten",
            "Onbekend product",
          ),
        ),
      };
    return this.gate.guard(
      actor,
      "compliance",
      "write",
      targetOf(actor, existing ?? provider),
      ctx,
      async () => {
        await this.providers.saveWithStaff(provider, staff, this.clock.now());
        return { created: !existing, staff: staff.length, provider: visibleTo(actor, provider) };
      },
      { ...aanbieder(agb.data), count: staff.length },
    );
  }

  async setEvidence(actor: Actor, agb: string, evidence: unknown, ctx: AccessContext): Promise<Result<ProviderRecord>> {
    const p = await this.providers.get(agb);
    if (!p) return this.notFound(actor, agb, ctx);
    const denied = await this.gate.precheck(actor, "provider", "write", targetOf(actor, p), ctx, aanbieder(agb));
    if (denied) return denied;
    const parsed = z.array(ProviderEvidence).max(100).safeParse(evidence);
    if (!parsed.success) return { ok: false, problems: problem.fromZod(parsed.error, "Ongeldig bewijsstuk") };
    const next = { ...p, evidence: parsed.data };
    const r = await this.gate.guard(actor, "provider", "write", targetOf(actor, p), ctx, () => this.providers.save(next, this.clock.now()), aanbieder(agb));
    return r.ok ? { ok: true, value: visibleTo(actor, next) } : r;
  }

  /**
   * Sets the contracts of the caller's gemeente with a provider its gemeente already contracts (the other gemeenten'
   * contracts stay). Contracting a provider for a new gemeente is the local administrator's act (`kader aanbieders
   * contract`), so no contractmanager can give itself sight of another gemeente's provider. Every change is logged.
   */
  async setContracts(actor: Actor, agb: string, contracts: unknown, ctx: AccessContext): Promise<Result<ProviderRecord>> {
    const p = await this.providers.get(agb);
    if (!p) return this.notFound(actor, agb, ctx);
    const target = targetOf(actor, p);
    const t = actor.kind === "user" ? actor.principal?.tenant : null;
    const own = t?.kind === "gemeente" ? t.gemeentecode : null;
    // aanbieders do not set contracts: that is the gemeente's decision
    if (actor.kind === "user" && !own) {
      const r = await this.gate.guard(actor, "provider", "write", { agbCode: null, gemeentecode: null }, ctx, async () => p, aanbieder(agb));
      return r.ok ? { ok: false, problems: [problem.forbidden("alleen een gemeente legt contracten vast")] } : r;
    }
    const denied = await this.gate.precheck(actor, "provider", "write", target, ctx, aanbieder(agb));
    if (denied) return denied;
    const parsed = z.array(ProviderContract).max(1000).safeParse(contracts);
    if (!parsed.success) return { ok: false, problems: problem.fromZod(parsed.error, "Ongeldig contract") };
    if (own && parsed.data.some((c) => c.gemeentecode !== own))
      return { ok: false, problems: [{ ...problem.forbidden("u kunt alleen contracten van uw eigen gemeente vastleggen"), path: "gemeentecode" }] };
    const { products } = await this.catalogue.all();
    const known = new Set(products.map((x) => x.id));
    const unknown = parsed.data.filter((c) => !known.has(c.productId));
    if (unknown.length)
      return {
        ok: false,
        problems: unknown.map((c) => problem.invalid(`geen product ${c.productId}`, "productId", "Onbekend product")),
      };
    const kept = own ? p.contracts.filter((c) => c.gemeentecode !== own) : [];
    const gemeentecodes = [
      ...new Set([...p.gemeentecodes, ...(actor.kind === "cli" ? parsed.data.map((c) => c.gemeentecode) : [])]),
    ] as ProviderRecord["gemeentecodes"];
    const next: ProviderRecord = { ...p, gemeentecodes, contracts: [...kept, ...parsed.data] };
    const r = await this.gate.guard(actor, "provider", "write", target, ctx, () => this.providers.save(next, this.clock.now()), aanbieder(agb));
    return r.ok ? { ok: true, value: visibleTo(actor, next) } : r;
  }

  /** Contract tariffs of the providers the actor may see, next to the tariff model's figures. */
  async contractTariffs(actor: Actor, params: TariffParameters, ctx: AccessContext): Promise<Result<ContractComparison[]>> {
    const t = actor.kind === "user" ? actor.principal?.tenant : null;
    if (actor.kind === "user" && t?.kind !== "gemeente") return this.gate.guard(actor, "provider", "read", {}, ctx, async () => []);
    const own = t?.kind === "gemeente" ? t.gemeentecode : undefined;
    const providers = await this.providers.list(own ? { gemeentecode: own } : {});
    return this.gate.guard(
      actor,
      "provider",
      "read",
      { gemeentecode: own ?? null },
      ctx,
      async () => {
        const { products } = await this.catalogue.all();
        const visible = providers.map((p) => ({ ...p, contracts: own ? p.contracts.filter((c) => c.gemeentecode === own) : p.contracts }));
        return compareWithContracts(products, params, visible);
      },
      { records: providers.map((p) => `aanbieder:${p.agbCode}`), filter: "contracttarieven", count: providers.length },
    );
  }

  /** The providers the actor may see, each with its verdict counts at today's date. */
  async list(actor: Actor, ctx: AccessContext): Promise<Result<(ProviderRecord & { summary: ComplianceReport["summary"]; staffCount: number })[]>> {
    const t = actor.kind === "user" ? actor.principal?.tenant : null;
    const filter = t?.kind === "gemeente" ? { gemeentecode: t.gemeentecode } : t?.kind === "aanbieder" ? { agbCode: t.agbCode } : {};
    if (actor.kind === "user" && !t) return this.gate.guard(actor, "provider", "read", {}, ctx, async () => []);
    const providers = await this.providers.list(filter);
    return this.gate.guard(
      actor,
      "provider",
      "read",
      filter.gemeentecode ? { gemeentecode: filter.gemeentecode } : { agbCode: filter.agbCode ?? null },
      ctx,
      async () => {
        const out = [];
        const today = this.clock.today();
        const { products } = await this.catalogue.all(today);
        for (const p of providers) {
          const staff = await this.providers.staff(p.agbCode);
          out.push({ ...visibleTo(actor, p), summary: complianceReport(p, staff, products, today).summary, staffCount: staff.length });
        }
        return out;
      },
      (out) => ({ records: out.map((p) => `aanbieder:${p.agbCode}`), count: out.length }),
    );
  }

  async staff(actor: Actor, agb: string, ctx: AccessContext): Promise<Result<{ provider: ProviderRecord; staff: StaffMemberRecord[]; signalen: Signal[] }>> {
    const p = await this.providers.get(agb);
    if (!p) return this.notFound(actor, agb, ctx);
    return this.gate.guard(
      actor,
      "compliance",
      "read",
      targetOf(actor, p),
      ctx,
      async () => {
        const staff = await this.providers.staff(agb);
        return { provider: visibleTo(actor, p), staff, signalen: signals(p, staff, this.clock.today(), 60) };
      },
      (v) => ({ ...aanbieder(agb), count: v.staff.length }),
    );
  }

  async check(
    actor: Actor,
    agb: string,
    opts: { productenboek?: string | undefined; peildatum?: string | undefined },
    ctx: AccessContext,
  ): Promise<Result<ComplianceReport>> {
    if (opts.peildatum !== undefined && !isIsoDate(opts.peildatum)) return { ok: false, problems: [badParam("peildatum", "geen geldige datum (JJJJ-MM-DD)")] };
    const p = await this.providers.get(agb);
    if (!p) return this.notFound(actor, agb, ctx);
    if (opts.productenboek !== undefined && !(await this.catalogue.productenboek(opts.productenboek)))
      return {
        ok: false,
        problems: [problem.notFound(`geen productenboek ${opts.productenboek}`, "productenboek", "Productenboek niet gevonden")],
      };
    return this.gate.guard(
      actor,
      "compliance",
      "read",
      targetOf(actor, p),
      ctx,
      () => this.report(p, opts.peildatum ?? this.clock.today(), opts.productenboek),
      aanbieder(agb),
    );
  }

  async signals(actor: Actor, days: number, ctx: AccessContext): Promise<Result<(Signal & { agbCode: string; aanbieder: string })[]>> {
    if (!Number.isInteger(days) || days < 0 || days > 3650) return { ok: false, problems: [badParam("dagen", "een geheel aantal dagen van 0 tot 3650")] };
    const t = actor.kind === "user" ? actor.principal?.tenant : null;
    const filter = t?.kind === "gemeente" ? { gemeentecode: t.gemeentecode } : t?.kind === "aanbieder" ? { agbCode: t.agbCode } : {};
    const target: Target = filter.gemeentecode ? { gemeentecode: filter.gemeentecode } : { agbCode: filter.agbCode ?? null };
    return this.gate.guard(
      actor,
      "compliance",
      "read",
      target,
      ctx,
      async () => {
        const out: (Signal & { agbCode: string; aanbieder: string })[] = [];
        for (const p of actor.kind === "user" && !t ? [] : await this.providers.list(filter))
          for (const s of signals(p, await this.providers.staff(p.agbCode), this.clock.today(), days))
            out.push({ ...s, agbCode: p.agbCode, aanbieder: p.name });
        return out.sort((a, b) => a.daysLeft - b.daysLeft);
      },
      (out) => ({ records: out.map((x) => `aanbieder:${x.agbCode}`), filter: `signalen binnen ${days} dagen`, count: out.length }),
    );
  }

  private async report(p: ProviderRecord, peildatum: string, productenboek?: string): Promise<ComplianceReport> {
    const staff = await this.providers.staff(p.agbCode);
    const { products } = await this.catalogue.all(peildatum);
    return complianceReport(p, staff, products, peildatum, productenboek);
  }
}

/** The report for one provider at one peildatum (pure; the benchmark calls it directly). */
export function complianceReport(
  p: ProviderRecord,
  staff: StaffMemberRecord[],
  products: Product[],
  peildatum: string,
  productenboek?: string,
): ComplianceReport {
  // the products checked: those the staff file names, and those contracted on the peildatum
  const inForce = new Set(p.contracts.filter((c) => c.validFrom <= peildatum && (c.validTo === null || c.validTo >= peildatum)).map((c) => c.productId));
  const named = new Set(productsFor(products, staff, productenboek).map((x) => x.id));
  const checked = products.filter((x) => (named.has(x.id) || inForce.has(x.id)) && (!productenboek || x.productenboekId === productenboek));
  const contracted = [...new Set(checked.flatMap(productKeys))];
  // checkProduct copies each product's law, a Wet (the domain's ProductCompliance types it as text)
  const results = checked.map((prod) => checkProduct(prod, p, staff, peildatum, contracted)) as ComplianceReport["producten"];
  const summary = { voldoet: 0, "voldoet-niet": 0, onbekend: 0 };
  for (const r of results) summary[r.verdict]++;
  return { aanbieder: { agbCode: p.agbCode, name: p.name }, peildatum, producten: results, summary, signalen: signals(p, staff, peildatum, 60) };
}
