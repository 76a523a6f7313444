/**
 * Conversion of running toewijzingen to a new productenboek (docs/conversie.md): the uitvraag to providers, their
 * answers, the dry run, approval and execution — old toewijzingen end the day before the change date with
 * RedenWijziging 10, new ones start on it under the same beschikking, one transaction per client, 301s per client.
 */
import { createHash } from "node:crypto";
import { Wet } from "../domain/care/codes.ts";
import { applyEvent } from "../domain/care/lifecycle.ts";
import { Antwoord, type DoelProductInfo, geraakt, proefrun, regelVoor, totalen, toewijzingSleutel, uitvraagKolommen } from "../domain/conversion/compute.ts";
import type { AnswerStatus, DryRun, ExecutionReport, Outcome } from "../contract/conversion.ts";
import type { ConversiePlan } from "../domain/conversion/plan.ts";
import { addDays, type IsoDate } from "../domain/shared/date.ts";
import { fail, type Problem, problem, type Result } from "../domain/shared/problem.ts";
import { explainZodIssue } from "../domain/shared/zod-dutch.ts";
import { buildMessage, validateMessage } from "../messages/index.ts";
import type { AccessContext, AccessGate, Actor } from "./access.ts";
import type { CareRepository, ClientRecord, ToewijzingRecord } from "./care-ports.ts";
import type { CatalogueService } from "./catalogue.ts";
import type { ConversieRecord, ConversionStore, KoppelingRecord, RunRecord } from "./conversion-ports.ts";
import { build301Model, definition, standaardOf } from "./messages-mapping.ts";
import type { Clock } from "./ports.ts";

const CURRENT_STATUSES = new Set(["toegewezen", "gestart", "tijdelijk-gestopt"]);
const notFound = (detail: string): Result<never> => fail(problem.notFound(detail));

export const planHash = (plan: ConversiePlan) => createHash("sha256").update(JSON.stringify(plan)).digest("hex").slice(0, 16);

/** One row of a provider's uitvraag: a running toewijzing the plan touches, and the figures the plan needs. */
export interface UitvraagRow {
  gemeentecode: string;
  wet: Wet;
  toewijzingnummer: string;
  bsn: string;
  naam: string;
  geboortedatum: IsoDate;
  productId: string;
  productcode: string | null;
  vanNaam: string;
  regelId: string;
  ingangsdatum: IsoDate;
  einddatum: IsoDate | null;
  omvang: string;
  kolommen: ReturnType<typeof uitvraagKolommen>;
  antwoord: Antwoord | null;
}

export interface Uitvraag {
  conversieId: number;
  planId: string;
  titel: string;
  planHash: string;
  gemeentecode: string;
  agbCode: string;
  wijzigingsdatum: IsoDate;
  /** the periods the figures are asked for, per kind of column */
  perioden: { uren: "week" | "maand"; dagdelen: "week" | "maand"; maanden: number };
  rijen: UitvraagRow[];
}

/** A row read from a filled workbook (adapters/files/conversion-workbook.ts): raw cell values by column key. */
export interface IngelezenRij {
  rij: number;
  gemeentecode: string;
  wet: string;
  toewijzingnummer: string;
  waarden: Record<string, string | number | null>;
}

export class ConversionService {
  constructor(
    private readonly store: ConversionStore,
    private readonly catalogue: CatalogueService,
    private readonly gate: AccessGate,
    private readonly clock: Clock,
  ) {}

  /** Gemeente roles only (approval, execution, the dry run): an aanbieder may read and write only its own uitvraag. */
  private gemeenteOnly(actor: Actor): Result<never> | null {
    if (actor.kind === "user" && actor.principal?.tenant?.kind === "aanbieder")
      return { ok: false, problems: [problem.forbidden("een aanbieder kan alleen de eigen uitvraag ophalen en beantwoorden")] };
    return null;
  }

  /** A conversie the gemeente side asks for by its number: refused for an aanbieder, 404 when there is none. */
  private async ownConversie(actor: Actor, conversieId: number): Promise<Result<ConversieRecord>> {
    const denied = this.gemeenteOnly(actor);
    if (denied) return denied;
    const c = await this.store.conversieById(conversieId);
    return c ? { ok: true, value: c } : notFound(`geen conversie ${conversieId}`);
  }

  private by = (actor: Actor) => (actor.kind === "user" ? (actor.principal?.username ?? "onbekend") : "kader-cli");

  /** Registers (or updates, while nothing was executed) a plan for a gemeente. */
  async start(actor: Actor, plan: ConversiePlan, gemeentecode: string, ctx: AccessContext): Promise<Result<ConversieRecord>> {
    const denied = this.gemeenteOnly(actor);
    if (denied) return denied;
    const r = await this.gate.guard(
      actor,
      "conversie",
      "write",
      { gemeentecode },
      ctx,
      async () => {
        const existing = await this.store.conversie(plan.id, gemeentecode);
        const hash = planHash(plan);
        if (existing && existing.planHash !== hash && (await this.store.koppelingen(existing.id)).length) return null;
        return existing && existing.planHash === hash ? existing : this.store.upsertConversie(plan, hash, gemeentecode, this.clock.now());
      },
      (v) => ({ records: v ? [`conversie:${v.id}`] : [], filter: `plan=${plan.id.slice(0, 60)}` }),
    );
    if (r.ok && r.value === null)
      return fail(
        problem.inconsistent(
          `conversie ${plan.id} is in gemeente ${gemeentecode} al (deels) uitgevoerd met een andere versie van het plan; geef het gewijzigde plan een nieuw id`,
          undefined,
          "Plan gewijzigd na uitvoering",
        ),
      );
    return r as Result<ConversieRecord>;
  }

  /** The conversions a user may see: a gemeente its own; an aanbieder all of them (plan and gemeente only, no personal data). */
  async conversies(actor: Actor, gemeentecode: string | undefined, ctx: AccessContext): Promise<Result<ConversieRecord[]>> {
    const t = actor.kind === "user" ? actor.principal?.tenant : undefined;
    const listed = (v: ConversieRecord[]) => ({ records: v.map((x) => `conversie:${x.id}`), count: v.length });
    if (t?.kind === "aanbieder") return this.gate.guard(actor, "conversie", "read", { agbCode: t.agbCode }, ctx, () => this.store.conversies(), listed);
    const g = t?.kind === "gemeente" ? t.gemeentecode : gemeentecode;
    return this.gate.guard(actor, "conversie", "read", { gemeentecode: g ?? null }, ctx, () => this.store.conversies(g), listed);
  }

  async conversie(actor: Actor, id: number, ctx: AccessContext): Promise<Result<ConversieRecord>> {
    const c = await this.store.conversieById(id);
    const r = await this.gate.guard(
      actor,
      "conversie",
      "read",
      {
        gemeentecode: c?.gemeentecode ?? "----",
        agbCode: actor.kind === "user" && actor.principal?.tenant?.kind === "aanbieder" ? actor.principal.tenant.agbCode : null,
      },
      ctx,
      async () => c,
      {
        records: [`conversie:${id}`],
      },
    );
    if (!r.ok) return r;
    return r.value ? { ok: true, value: r.value } : notFound(`geen conversie ${id}`);
  }

  private async running(c: ConversieRecord, agbCode?: string): Promise<ToewijzingRecord[]> {
    return (await this.store.care.toewijzingen({ gemeentecode: c.gemeentecode, agbCode, limit: 1_000_000 })).filter((t) => geraakt(c.plan, t));
  }

  /** The uitvraag per aanbieder (all aanbieders, or one): every running toewijzing the plan touches. */
  async uitvraag(actor: Actor, conversieId: number, agbCode: string | undefined, ctx: AccessContext): Promise<Result<Uitvraag[]>> {
    const c = await this.store.conversieById(conversieId);
    if (!c) return notFound(`geen conversie ${conversieId}`);
    const own = actor.kind === "user" && actor.principal?.tenant?.kind === "aanbieder" ? actor.principal.tenant.agbCode : undefined;
    if (own && agbCode && agbCode !== own) return { ok: false, problems: [problem.forbidden("alleen de eigen uitvraag")] };
    const agb = own ?? agbCode;
    const read: ToewijzingRecord[] = [];
    return this.gate.guard(
      actor,
      "conversie",
      "read",
      { gemeentecode: c.gemeentecode, agbCode: agb ?? null },
      { ...ctx, purpose: `${ctx.purpose} (uitvraag conversie)` },
      async () => {
        const running = await this.running(c, agb);
        read.push(...running);
        const answers = new Map((await this.store.antwoorden(c.id, agb)).map((a) => [toewijzingSleutel(a), a.antwoord]));
        const clients = new Map<number, ClientRecord | null>();
        const per = new Map<string, UitvraagRow[]>();
        for (const t of running) {
          if (!clients.has(t.clientId)) clients.set(t.clientId, await this.store.care.client(t.clientId));
          const client = clients.get(t.clientId);
          const rule = regelVoor(c.plan, t)!;
          const rows = per.get(t.agbCode) ?? [];
          rows.push({
            gemeentecode: t.gemeentecode,
            wet: t.wet,
            toewijzingnummer: t.toewijzingnummer,
            bsn: client?.bsn ?? "",
            naam: client?.naam ?? "",
            geboortedatum: client?.geboortedatum ?? "",
            productId: t.productId,
            productcode: t.productcode,
            vanNaam: rule.van.naam,
            regelId: rule.id,
            ingangsdatum: t.ingangsdatum,
            einddatum: t.einddatum,
            omvang:
              t.omvang === null
                ? t.budgetCents === null
                  ? ""
                  : `budget ${(t.budgetCents / 100).toFixed(2)}`
                : `${t.omvang} (eenheid ${t.eenheid}, frequentie ${t.frequentie ?? "-"})`,
            kolommen: uitvraagKolommen(rule),
            antwoord: answers.get(toewijzingSleutel(t)) ?? null,
          });
          per.set(t.agbCode, rows);
        }
        const hoursPer = c.plan.regels.find((r) => r.soort !== "dagbesteding")?.volume.uitvraagPer ?? "maand";
        const dagdelen = c.plan.regels.find((r) => r.soort === "dagbesteding")?.volume.uitvraagPer ?? "week";
        if (agb && !per.has(agb)) per.set(agb, []);
        return [...per]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([agbCode, rows]) => ({
            conversieId: c.id,
            planId: c.planId,
            titel: c.plan.titel,
            planHash: c.planHash,
            gemeentecode: c.gemeentecode,
            agbCode,
            wijzigingsdatum: c.plan.wijzigingsdatum,
            perioden: { uren: hoursPer, dagdelen, maanden: c.plan.uitvraagMaanden },
            rijen: rows.sort((a, b) => Number(a.toewijzingnummer) - Number(b.toewijzingnummer)),
          }));
      },
      () => touched(c.id, read),
    );
  }

  /**
   * Stores an aanbieder's answers from a filled workbook. Every row is checked first (it names a toewijzing of this
   * aanbieder in the uitvraag; numbers ≥ 0; whole dagdelen; a module and vervoer from the list); a workbook with any
   * error changes nothing, and every error is reported with its row and column.
   */
  async importeer(
    actor: Actor,
    x: { conversieId: number; agbCode: string; bestandsnaam: string; rijen: IngelezenRij[] },
    ctx: AccessContext,
  ): Promise<Result<{ opgeslagen: number; leeg: number }>> {
    const c = await this.store.conversieById(x.conversieId);
    if (!c) return notFound(`geen conversie ${x.conversieId}`);
    const own = actor.kind === "user" && actor.principal?.tenant?.kind === "aanbieder" ? actor.principal.tenant.agbCode : undefined;
    if (own && own !== x.agbCode) return { ok: false, problems: [problem.forbidden("alleen antwoorden voor de eigen organisatie")] };
    // asked before the rows are read: a refused caller learns nothing about the uitvraag's rows
    const denied = await this.gate.precheck(actor, "conversie", "write", { gemeentecode: c.gemeentecode, agbCode: x.agbCode }, ctx, {
      records: [`conversie:${c.id}`],
    });
    if (denied) return denied;
    const running = new Map((await this.running(c, x.agbCode)).map((t) => [toewijzingSleutel(t), t]));
    const problems: Problem[] = [];
    const accepted: { t: ToewijzingRecord; antwoord: Antwoord }[] = [];
    let leeg = 0;
    const seen = new Set<string>();
    for (const r of x.rijen) {
      const err = (kolom: string, detail: string) =>
        problems.push({
          code: "invalid-input",
          title: "Ongeldige rij",
          detail: `rij ${r.rij}, kolom ${kolom}: ${detail}`,
          file: x.bestandsnaam,
          line: r.rij,
          path: kolom,
        });
      const wet = Wet.safeParse(r.wet);
      const key = `${r.gemeentecode}/${r.wet}/${r.toewijzingnummer}`;
      const t = wet.success ? running.get(key) : undefined;
      if (!t) {
        err("Toewijzingnummer", `toewijzing ${r.toewijzingnummer} (${r.gemeentecode}, ${r.wet}) staat niet in de uitvraag van aanbieder ${x.agbCode}`);
        continue;
      }
      if (seen.has(key)) {
        err("Toewijzingnummer", `toewijzing ${r.toewijzingnummer} staat twee keer in het bestand`);
        continue;
      }
      seen.add(key);
      const rule = regelVoor(c.plan, t)!;
      const columns = new Set<string>(uitvraagKolommen(rule));
      const num = (k: string, label: string, whole = false, max?: number): number | null => {
        const v = r.waarden[k];
        if (v === null || v === undefined || v === "") return null;
        if (!columns.has(k)) {
          err(label, `deze kolom hoort niet bij ${rule.van.naam}; laat hem leeg`);
          return null;
        }
        const n = typeof v === "number" ? v : Number(String(v).replace(",", "."));
        if (!Number.isFinite(n)) err(label, `"${v}" is geen getal`);
        else if (n < 0) err(label, `${n} is negatief`);
        else if (whole && !Number.isInteger(n)) err(label, `${n} is geen heel getal`);
        else if (max !== undefined && n > max) err(label, `${n} is meer dan ${max}`);
        else return n;
        return null;
      };
      const text = (k: string, label: string, allowed: string[]): string | null => {
        const v = r.waarden[k];
        if (v === null || v === undefined || String(v).trim() === "") return null;
        if (!columns.has(k)) {
          err(label, `deze kolom hoort niet bij ${rule.van.naam}; laat hem leeg`);
          return null;
        }
        const s = String(v).trim();
        const hit = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
        if (!hit) err(label, `"${s}" — kies uit ${allowed.join(", ")}`);
        return hit ?? null;
      };
      const levels = rule.soort === "uren-per-niveau" ? Object.keys(rule.niveaus) : [];
      const perLevel: Record<string, number> = {};
      for (const n of levels) {
        const v = num(`niveau-${n}`, `Uren niveau ${n}`);
        if (v !== null) perLevel[n] = v;
      }
      const raw = {
        uren: num("uren", "Uren"),
        urenPerNiveau: Object.keys(perLevel).length ? perLevel : null,
        module: text("module", "Module", rule.soort === "dagbesteding" ? Object.keys(rule.modules) : []),
        dagdelen: num("dagdelen", "Dagdelen", true),
        vervoer: text("vervoer", "Vervoer", ["geen", "regulier", "rolstoel"]),
        vervoersdagen: num("vervoersdagen", "Vervoersdagen", true, 7),
        afstandKm: num("afstandKm", "Afstand (km)"),
        opmerking:
          r.waarden.opmerking === null || r.waarden.opmerking === undefined || String(r.waarden.opmerking).trim() === ""
            ? null
            : String(r.waarden.opmerking).trim().slice(0, 500),
      };
      const parsed = Antwoord.safeParse(raw);
      if (!parsed.success) {
        for (const i of parsed.error.issues) err(i.path.join("."), explainZodIssue(i));
        continue;
      }
      const a = parsed.data;
      if (
        a.uren === null &&
        a.urenPerNiveau === null &&
        a.module === null &&
        a.dagdelen === null &&
        a.vervoer === null &&
        a.afstandKm === null &&
        a.vervoersdagen === null
      ) {
        leeg += 1;
        continue;
      }
      accepted.push({ t, antwoord: a });
    }
    if (problems.length) return { ok: false, problems };
    return this.gate.guard(
      actor,
      "conversie",
      "write",
      { gemeentecode: c.gemeentecode, agbCode: x.agbCode },
      { ...ctx, purpose: `${ctx.purpose} (antwoorden uitvraag)` },
      () =>
        this.store.unit(async ({ conv }) => {
          const now = this.clock.now();
          const uploadId = await conv.insertUpload(c.id, c.gemeentecode, {
            agbCode: x.agbCode,
            bestandsnaam: x.bestandsnaam,
            rijen: accepted.length,
            door: this.by(actor),
            receivedAt: now,
          });
          for (const g of accepted)
            await conv.upsertAntwoord(
              c.id,
              {
                gemeentecode: g.t.gemeentecode,
                wet: g.t.wet,
                toewijzingnummer: g.t.toewijzingnummer,
                agbCode: g.t.agbCode,
                antwoord: g.antwoord,
                receivedAt: now,
              },
              uploadId,
            );
          return { opgeslagen: accepted.length, leeg };
        }),
      touched(
        c.id,
        accepted.map((g) => g.t),
      ),
    );
  }

  /** Per aanbieder: how many of its toewijzingen have an answer; those with open rows get a reminder. */
  async status(actor: Actor, conversieId: number, ctx: AccessContext): Promise<Result<AnswerStatus[]>> {
    const found = await this.ownConversie(actor, conversieId);
    if (!found.ok) return found;
    const c = found.value;
    const read: ToewijzingRecord[] = [];
    return this.gate.guard(
      actor,
      "conversie",
      "read",
      { gemeentecode: c.gemeentecode },
      ctx,
      async () => {
        const running = await this.running(c);
        read.push(...running);
        const answered = new Set((await this.store.antwoorden(c.id)).map(toewijzingSleutel));
        const uploads = await this.store.uploads(c.id);
        const per = new Map<string, AnswerStatus>();
        for (const t of running) {
          const s = per.get(t.agbCode) ?? { agbCode: t.agbCode, toewijzingen: 0, beantwoord: 0, laatsteUpload: null, herinneren: false };
          s.toewijzingen += 1;
          if (answered.has(toewijzingSleutel(t))) s.beantwoord += 1;
          per.set(t.agbCode, s);
        }
        for (const s of per.values()) {
          s.laatsteUpload = uploads.filter((u) => u.agbCode === s.agbCode).at(-1)?.receivedAt ?? null;
          s.herinneren = s.beantwoord < s.toewijzingen;
        }
        return [...per.values()].sort((a, b) => a.agbCode.localeCompare(b.agbCode));
      },
      () => ({ ...touched(c.id, read), records: [`conversie:${c.id}`], count: read.length }),
    );
  }

  private async productInfo(plan: ConversiePlan): Promise<(id: string) => DoelProductInfo | null> {
    const all = await this.catalogue.all(plan.wijzigingsdatum);
    const m = new Map(all.products.map((p) => [p.id, p]));
    return (id) => {
      const p = m.get(id);
      return p
        ? { naam: p.name, productcategorie: p.productcategorie, productcode: p.productcode, eenheid: (p.unit.code ?? null) as DoelProductInfo["eenheid"] }
        : null;
    };
  }

  /** Computes the dry run on the current toewijzingen and answers and stores it as a snapshot. */
  async proefrun(actor: Actor, conversieId: number, ctx: AccessContext): Promise<Result<DryRun>> {
    const found = await this.ownConversie(actor, conversieId);
    if (!found.ok) return found;
    const c = found.value;
    return this.gate.guard(
      actor,
      "conversie",
      "write",
      { gemeentecode: c.gemeentecode },
      ctx,
      async () => {
        const running = await this.running(c);
        const answers = new Map((await this.store.antwoorden(c.id)).map((a) => [toewijzingSleutel(a), a.antwoord]));
        const tariffs = await this.store.contractTarieven(c.gemeentecode, c.plan.wijzigingsdatum);
        const before = await this.store.contractTarieven(c.gemeentecode, addDays(c.plan.wijzigingsdatum, -1));
        const outcomes = proefrun({
          plan: c.plan,
          toewijzingen: running,
          antwoorden: answers,
          product: await this.productInfo(c.plan),
          tarief: (agb, _g, productId, datum) => (datum < c.plan.wijzigingsdatum ? before : tariffs).get(`${agb}|${productId}`) ?? null,
        });
        const tot = totalen(outcomes);
        const runId = await this.store.insertRun(c.id, c.gemeentecode, {
          soort: "proefrun",
          proefrunId: null,
          inhoud: { uitkomsten: outcomes, totalen: tot, planHash: c.planHash },
          door: this.by(actor),
          at: this.clock.now(),
        });
        return { runId, uitkomsten: outcomes, totalen: tot };
      },
      (v) => ({ clientIds: v.uitkomsten.map((u) => u.clientId), records: [`conversie:${c.id}`, `run:${v.runId}`] }),
    );
  }

  async runs(actor: Actor, conversieId: number, ctx: AccessContext): Promise<Result<RunRecord[]>> {
    const found = await this.ownConversie(actor, conversieId);
    if (!found.ok) return found;
    const c = found.value;
    return this.gate.guard(
      actor,
      "conversie",
      "read",
      { gemeentecode: c.gemeentecode },
      ctx,
      () => this.store.runs(c.id),
      (v) => ({ records: [`conversie:${c.id}`, ...v.map((r) => `run:${r.id}`)] }),
    );
  }

  async run(actor: Actor, runId: number, ctx: AccessContext): Promise<Result<RunRecord>> {
    const denied = this.gemeenteOnly(actor);
    if (denied) return denied;
    const r = await this.store.run(runId);
    const c = r ? await this.store.conversieById(r.conversieId) : null;
    const g = await this.gate.guard(
      actor,
      "conversie",
      "read",
      { gemeentecode: c?.gemeentecode ?? "----" },
      ctx,
      async () => r,
      (v) => ({
        clientIds: (v?.inhoud.uitkomsten ?? []).map((u) => u.clientId),
        records: [...(c ? [`conversie:${c.id}`] : []), `run:${runId}`],
      }),
    );
    if (!g.ok) return g;
    return r ? { ok: true, value: r } : notFound(`geen run ${runId}`);
  }

  /** Approves one dry run: what it proposes (the uitvoerbare toewijzingen) is what execution will do. */
  async keurGoed(actor: Actor, proefrunId: number, ctx: AccessContext): Promise<Result<{ runId: number }>> {
    const denied = this.gemeenteOnly(actor);
    if (denied) return denied;
    const r = await this.store.run(proefrunId);
    const c = r ? await this.store.conversieById(r.conversieId) : null;
    if (!r || !c || r.soort !== "proefrun") return notFound(`geen proefrun ${proefrunId}`);
    if (r.inhoud.planHash !== c.planHash)
      return {
        ok: false,
        problems: [problem.inconsistent("het plan is gewijzigd na deze proefrun; maak een nieuwe proefrun", undefined, "Proefrun verouderd")],
      };
    return this.gate.guard(
      actor,
      "conversie",
      "write",
      { gemeentecode: c.gemeentecode },
      ctx,
      async () => {
        const u = r.inhoud.uitkomsten ?? [];
        const runId = await this.store.insertRun(c.id, c.gemeentecode, {
          soort: "goedkeuring",
          proefrunId,
          inhoud: { uitvoerbaar: u.filter((x) => x.uitvoerbaar).length, totaal: u.length },
          door: this.by(actor),
          at: this.clock.now(),
        });
        return { runId };
      },
      (v) => ({ records: [`conversie:${c.id}`, `run:${proefrunId}`, `run:${v.runId}`] }),
    );
  }

  /**
   * Executes the latest approved dry run: per client one transaction that ends the old toewijzingen (einddatum the
   * day before the change date, RedenWijziging 10, through the lifecycle table), creates the new ones under the same
   * beschikking with new ToewijzingNummers, links old → new, and builds and validates the 301 per aanbieder and law.
   * A toewijzing already linked is skipped, so a second execution changes nothing.
   */
  async uitvoeren(actor: Actor, conversieId: number, ctx: AccessContext): Promise<Result<ExecutionReport>> {
    const found = await this.ownConversie(actor, conversieId);
    if (!found.ok) return found;
    const c = found.value;
    const runs = await this.store.runs(c.id);
    const approval = runs.filter((r) => r.soort === "goedkeuring").at(-1);
    if (!approval?.proefrunId)
      return {
        ok: false,
        problems: [problem.inconsistent("keur eerst een proefrun goed (kader conversie uitvoeren --proefrun <id>)", undefined, "Niet goedgekeurd")],
      };
    const dryRun = await this.store.run(approval.proefrunId);
    const executable = (dryRun?.inhoud.uitkomsten ?? []).filter((u) => u.uitvoerbaar);
    return this.gate.guard(
      actor,
      "conversie",
      "write",
      { gemeentecode: c.gemeentecode },
      { ...ctx, purpose: `${ctx.purpose} (conversie uitvoeren)` },
      async () => {
        const today = this.clock.today();
        const now = this.clock.now();
        const runId = await this.store.insertRun(c.id, c.gemeentecode, {
          soort: "uitvoering",
          proefrunId: approval.proefrunId,
          inhoud: { goedkeuring: approval.id },
          door: this.by(actor),
          at: now,
        });
        const report: ExecutionReport = { runId, proefrunId: approval.proefrunId!, omgezet: [], overgeslagen: [], mislukt: [], berichten: [] };
        const perClient = new Map<number, Outcome[]>();
        for (const u of executable) perClient.set(u.clientId, [...(perClient.get(u.clientId) ?? []), u]);
        for (const [clientId, list] of [...perClient].sort(([a], [b]) => a - b)) {
          try {
            const res = await this.store.unit(async ({ conv, care }) => this.convertClient(c, runId, clientId, list, { conv, care }, today, now));
            report.omgezet.push(...res.omgezet);
            report.overgeslagen.push(...res.overgeslagen);
            report.berichten.push(...res.berichten);
          } catch (e) {
            if (!(e instanceof ClientFailed)) throw e;
            report.mislukt.push({ clientId, sleutels: list.map((u) => u.sleutel), reden: e.message });
          }
        }
        await this.store.setRunInhoud(runId, { goedkeuring: approval.id, rapport: { ...report, berichten: report.berichten.map((b) => b.bestandsnaam) } });
        return report;
      },
      (v) => ({
        clientIds: [...v.omgezet.map((o) => o.clientId), ...v.mislukt.map((m) => m.clientId)],
        records: [`conversie:${c.id}`, `run:${v.runId}`, ...v.omgezet.map((o) => `toewijzing:${o.sleutel}`)],
      }),
    );
  }

  private async convertClient(
    c: ConversieRecord,
    runId: number,
    clientId: number,
    list: Outcome[],
    u: { conv: ConversionStore; care: CareRepository },
    today: IsoDate,
    now: string,
  ) {
    const out: Pick<ExecutionReport, "omgezet" | "overgeslagen" | "berichten"> = { omgezet: [], overgeslagen: [], berichten: [] };
    const touched = new Set<string>();
    for (const x of list) {
      const wet = x.wet;
      if ((await u.conv.koppelingen(c.id, { gemeentecode: x.gemeentecode, wet, oudToewijzingnummer: x.toewijzingnummer })).length) {
        out.overgeslagen.push({ sleutel: x.sleutel, reden: "al omgezet" });
        continue;
      }
      const t = await u.care.toewijzing(x.gemeentecode, wet, x.toewijzingnummer);
      if (!t || !geraakt(c.plan, t)) {
        out.overgeslagen.push({ sleutel: x.sleutel, reden: "loopt niet meer over de wijzigingsdatum" });
        continue;
      }
      const next = applyEvent(t, { event: "wijzigen", datum: x.nieuweEinddatumOud, reden: c.plan.redenWijziging }, today);
      if (!next.ok) throw new ClientFailed(`toewijzing ${t.toewijzingnummer}: ${next.problems.map((p) => p.detail).join("; ")}`);
      await u.care.updateToewijzing({ ...t, ...next.value, redenWijziging: c.plan.redenWijziging }, now);
      await u.care.appendEvent(t, {
        event: "wijzigen",
        datum: x.nieuweEinddatumOud,
        reden: c.plan.redenWijziging,
        byUser: `conversie ${c.planId}`,
        recordedAt: now,
      });
      const created: ExecutionReport["omgezet"][number]["nieuw"] = [];
      for (const v of x.voorstellen) {
        const newNumber = await u.care.nextToewijzingnummer(t.gemeentecode, t.wet);
        const rec: ToewijzingRecord = {
          gemeentecode: t.gemeentecode,
          wet: t.wet,
          toewijzingnummer: newNumber,
          beschikkingId: t.beschikkingId,
          clientId: t.clientId,
          agbCode: t.agbCode,
          productId: v.productId,
          productcategorie: v.productcategorie,
          productcode: v.productcode,
          eenheid: v.eenheid,
          frequentie: v.frequentie,
          omvang: v.omvang,
          budgetCents: null,
          toewijzingsdatum: today,
          ingangsdatum: v.ingangsdatum,
          einddatum: v.einddatum,
          status: "toegewezen",
          redenWijziging: null,
          startdatum: null,
          gedeclareerdTot: null,
          geleverd: [],
        };
        await u.care.insertToewijzing(rec, now);
        const k: KoppelingRecord = {
          gemeentecode: t.gemeentecode,
          wet: t.wet,
          oudToewijzingnummer: t.toewijzingnummer,
          doel: v.doel,
          nieuwToewijzingnummer: newNumber,
          clientId: t.clientId,
          agbCode: t.agbCode,
          runId,
          at: now,
        };
        await u.conv.insertKoppeling(c.id, k);
        created.push({ toewijzingnummer: newNumber, productId: v.productId, omvang: v.omvang, eenheid: v.eenheid, frequentie: v.frequentie });
      }
      out.omgezet.push({ sleutel: x.sleutel, clientId, agbCode: t.agbCode, nieuw: created });
      touched.add(`${t.agbCode}|${t.wet}`);
    }
    if (!touched.size) return out;
    const client = await u.care.client(clientId);
    if (!client) throw new ClientFailed(`cliënt ${clientId} niet gevonden`);
    const all = await u.care.toewijzingen({ clientId, limit: 10_000 });
    for (const key of [...touched].sort()) {
      const [agb, wet] = key.split("|") as [string, Wet];
      const current = all
        .filter((t) => t.agbCode === agb && t.wet === wet && CURRENT_STATUSES.has(t.status))
        .sort((a, b) => Number(a.toewijzingnummer) - Number(b.toewijzingnummer));
      // an aspecifieke toewijzing (no ProductCode) carries no Omvang in the 301 (toewijzingsvariant "aspecifiek zonder budget")
      const inMessage = current.map((t) => (t.productcode === null ? { ...t, omvang: null, frequentie: null, budgetCents: null } : t));
      const def = definition(standaardOf(wet), "301");
      const identificatie = `KC${String(await u.conv.nextBerichtNummer()).padStart(8, "0")}`;
      const model = build301Model(def, { client, toewijzingen: inMessage, identificatie, dagtekening: today, tijd: now.slice(11, 19) });
      const xml = buildMessage(def, model);
      const check = validateMessage(xml);
      if (check.failures.length)
        throw new ClientFailed(
          `${def.name} ongeldig: ${check.failures
            .slice(0, 3)
            .map((f) => `${f.path}: ${f.message}`)
            .join("; ")}`,
        );
      out.berichten.push({ bestandsnaam: `${def.name}_${client.gemeentecode}_${agb}_${identificatie}.xml`, xml, clientId, agbCode: agb, wet });
    }
    return out;
  }

  /** The links old → new of a conversion (the ToewijzingNummer history). */
  async koppelingen(actor: Actor, conversieId: number, ctx: AccessContext): Promise<Result<KoppelingRecord[]>> {
    const found = await this.ownConversie(actor, conversieId);
    if (!found.ok) return found;
    const c = found.value;
    return this.gate.guard(
      actor,
      "conversie",
      "read",
      { gemeentecode: c.gemeentecode },
      ctx,
      () => this.store.koppelingen(c.id),
      (v) => ({
        clientIds: v.map((k) => k.clientId),
        records: [`conversie:${c.id}`],
        count: v.length,
      }),
    );
  }
}

/** The subject of an access that read or wrote these toewijzingen of a conversion: their clients and keys. */
function touched(conversieId: number, ts: ToewijzingRecord[]) {
  return { clientIds: ts.map((t) => t.clientId), records: [`conversie:${conversieId}`, ...ts.map((t) => `toewijzing:${toewijzingSleutel(t)}`)] };
}

/** A client whose conversion cannot be done: its transaction is rolled back and the report names why. */
class ClientFailed extends Error {}
