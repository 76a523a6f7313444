import { createHash } from "node:crypto";
import type { Target } from "../../domain/auth/policy.ts";
import { billingRulesFor, checkDeclaratie, type DeclaratieResult, type ToewijzingView, toewijzingKey } from "../../domain/billing/check.ts";
import { CONTROL_CHARACTER, Declaratie, explainDeclaratieIssue } from "../../domain/billing/declaratie.ts";
import type { Product } from "../../domain/catalogue/product.ts";
import type { Wet } from "../../domain/care/codes.ts";
import type { IsoDate } from "../../domain/shared/date.ts";
import { fail, type Problem, problem, type Result } from "../../domain/shared/problem.ts";
import { explainZodIssue } from "../../domain/shared/zod-dutch.ts";
import type { AccessContext, AccessGate, Actor } from "../access.ts";
import type { CareRepository, StoredDeclaratie, ToewijzingRecord } from "../care-ports.ts";
import type { Clock } from "../ports.ts";
import { ownTenant, recordIds } from "./shared.ts";

export interface DeclaratieAnswer {
  declaratie: Omit<StoredDeclaratie, "contentHash">;
  /** true when this exact declaratie had been received before: nothing changed */
  herhaald: boolean;
  result: DeclaratieResult;
}

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

/** The content hash that makes a repeated declaratie recognisable (the same file twice changes nothing). */
export const contentHash = (d: Declaratie): string => createHash("sha256").update(JSON.stringify(d)).digest("hex");

export const withoutHash = ({ contentHash: _h, ...d }: StoredDeclaratie): Omit<StoredDeclaratie, "contentHash"> => d;

/**
 * Parses a declaratie, with Dutch errors per field path; nothing is read or written for bad input. A value that is
 * there but wrong says what was found (never a BSN); only a value that is really absent is "verplicht".
 */
export function parseDeclaratie(raw: unknown): Result<Declaratie> {
  const parsed = Declaratie.safeParse(raw, { reportInput: true });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : fail(...parsed.error.issues.map((i) => problem.invalid(explainDeclaratieIssue(i, explainZodIssue), i.path.join("."), "Ongeldige declaratie")));
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

type Views = (t: ToewijzingRecord, bsn: string) => ToewijzingView;

/**
 * Receives a file of declaraties from an aanbieder, all or nothing: first every declaratie is checked to be the
 * caller's to submit (403 for the file otherwise, each refusal logged), then every declaratie is validated with every
 * problem collected (400, nothing stored), and only then all are checked against the toewijzingen, contracts and
 * earlier declaraties and stored with their answers in ONE transaction, under the advisory lock of each aanbieder and
 * law. The same declaratie again changes nothing and gets the stored answer; another declaratie with a used number
 * is answered with 9333 (an answer, not an error). With `store: false` nothing is written.
 */
export class DeclaratieIntake {
  constructor(
    private readonly repo: CareRepository,
    private readonly products: (asOf?: string) => Promise<Map<string, Product>>,
    private readonly gate: AccessGate,
    private readonly clock: Clock,
  ) {}

  async submit(actor: Actor, raws: unknown[], ctx: AccessContext, opts: SubmitOptions = {}): Promise<Result<DeclaratieAnswer[]>> {
    const where = opts.locate ?? ((ps: Problem[]) => ps);
    const heads = raws.map((raw) => (typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}));
    // 1. who: every declaratie in the file must be the caller's, before any of it is looked at further
    const refused = await this.refusals(actor, heads, ctx, where);
    if (refused) return refused;
    // 2. what: every declaratie validated, every problem collected before anything is read or written
    const problems: Problem[] = [...(opts.readProblems ?? [])];
    const parsed: Declaratie[] = [];
    raws.forEach((raw, i) => {
      const r = parseDeclaratie(raw);
      if (r.ok) parsed.push(r.value);
      else problems.push(...where(r.problems, i));
    });
    if (problems.length) return { ok: false, problems: byLine(problems) };
    if (!parsed.length) return fail(problem.invalid("er is geen declaratie aangeleverd", undefined, "Ongeldige declaratie"));
    // 3. one transaction for the whole file
    return this.checkAndStore(actor, parsed, ctx, opts);
  }

  /**
   * The policy, asked once per declaratie before anything is parsed (an incomplete body is judged as the caller's own,
   * so its validation errors are shown rather than a refusal); every refusal is logged and named with its place.
   */
  private async refusals(
    actor: Actor,
    heads: Record<string, unknown>[],
    ctx: AccessContext,
    where: (ps: Problem[], i: number) => Problem[],
  ): Promise<Result<never> | null> {
    if (actor.kind !== "user") return null;
    const own = ownTenant(actor);
    const refused: Problem[] = [];
    for (const [i, head] of heads.entries()) {
      const target: Target = {
        agbCode: typeof head.aanbieder === "string" ? head.aanbieder : (own.agbCode ?? null),
        gemeentecode: typeof head.gemeente === "string" ? head.gemeente : (own.gemeentecode ?? null),
      };
      const denied = await this.gate.precheck(actor, "declaratie", "write", target, ctx, { records: headRecord(head) });
      if (!denied) continue;
      if (denied.problems.some((p) => p.code === "unauthorized")) return denied;
      const label = headLabel(head);
      refused.push(
        ...where(
          denied.problems.map((p) => ({ ...p, detail: `${label}${p.detail}` })),
          i,
        ),
      );
    }
    return refused.length ? { ok: false, problems: refused } : null;
  }

  private async checkAndStore(actor: Actor, parsed: Declaratie[], ctx: AccessContext, opts: SubmitOptions): Promise<Result<DeclaratieAnswer[]>> {
    const store = opts.store ?? true;
    const views = new Map<string, Views>();
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
        answers.push(await this.answer(tx, d, views.get(d.periode.begindatum)!, { store, demo: opts.demo ?? false, clients }));
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
      const r = await this.gate.guard(
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

  private async viewBuilder(asOf: IsoDate): Promise<Views> {
    const products = await this.products(asOf);
    return (t, bsn) => ({
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

  /** Checks one declaratie inside the file's transaction and stores it with its answer (unless rejected as a whole). */
  private async answer(
    tx: CareRepository,
    d: Declaratie,
    views: Views,
    o: { store: boolean; demo: boolean; clients: (ids: number[]) => void },
  ): Promise<DeclaratieAnswer> {
    const hash = contentHash(d);
    const existing = await tx.declaratie(d.aanbieder, d.wet, d.declaratienummer);
    if (existing && existing.contentHash === hash) {
      o.clients(await tx.clientIdsOfDeclaraties([{ agbCode: d.aanbieder, wet: d.wet, declaratienummer: d.declaratienummer }]));
      return { declaratie: withoutHash(existing), herhaald: true, result: await this.storedResult(tx, existing) };
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
}
