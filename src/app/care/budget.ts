import { BudgetGroup } from "../../contract/care.ts";
import { type BudgetLine, type BudgetRow, type BudgetSignal, budgetSignals, summarise } from "../../domain/billing/budget.ts";
import type { Product } from "../../domain/catalogue/product.ts";
import { IsoDateString } from "../../domain/care/codes.ts";
import type { IsoDate } from "../../domain/shared/date.ts";
import type { Problem, Result } from "../../domain/shared/problem.ts";

export type { BudgetGroup };

export interface BudgetReport {
  peildatum: string;
  groep: BudgetGroup;
  rows: (BudgetRow & { label: string })[];
  maanden: { maand: string; ingediend: number; toegekend: number }[];
  signalen: BudgetSignal[];
}

/** The grouping and the date of a budget report, checked with a problem naming the parameter. */
export function budgetParameters(q: { groep?: string | undefined; peildatum?: string | undefined }): Result<{ groep: BudgetGroup; peildatum?: IsoDate }> {
  const groep = BudgetGroup.default("product").safeParse(q.groep || undefined);
  if (!groep.success) {
    const p: Problem = {
      code: "invalid-parameter",
      title: "Ongeldige parameter groep",
      detail: "kies toewijzing, client, aanbieder, product, productenboek of maand",
      path: "groep",
    };
    return { ok: false, problems: [p] };
  }
  const date = q.peildatum ? IsoDateString.safeParse(q.peildatum) : null;
  if (date && !date.success)
    return {
      ok: false,
      problems: [{ code: "invalid-parameter", title: "Ongeldige parameter peildatum", detail: "een datum als JJJJ-MM-DD", path: "peildatum" }],
    };
  return { ok: true, value: { groep: groep.data, ...(date ? { peildatum: date.data } : {}) } };
}

const keyOf: Record<BudgetGroup, (l: BudgetLine) => string> = {
  toewijzing: (l) => `${l.gemeentecode}/${l.toewijzingnummer}`,
  client: (l) => String(l.clientId),
  aanbieder: (l) => l.agbCode,
  product: (l) => l.productId,
  productenboek: (l) => l.productenboekId,
  maand: () => "alle",
};

/** Granted vs declared vs approved per group, the months, and the signals, from the budget lines. */
export function budgetReport(lines: BudgetLine[], products: Map<string, Product>, groep: BudgetGroup, peildatum: IsoDate): BudgetReport {
  const label = (key: string) => (groep === "product" ? (products.get(key)?.name ?? key) : groep === "client" ? `cliënt ${key}` : key);
  const maanden = new Map<string, { ingediend: number; toegekend: number }>();
  for (const l of lines)
    for (const [m, v] of Object.entries(l.months)) {
      const cur = maanden.get(m) ?? { ingediend: 0, toegekend: 0 };
      maanden.set(m, { ingediend: cur.ingediend + v.ingediend, toegekend: cur.toegekend + v.toegekend });
    }
  return {
    peildatum,
    groep,
    rows: summarise(lines, keyOf[groep], peildatum)
      .map((r) => ({ ...r, label: label(r.key) }))
      .sort((a, b) => b.betaald - a.betaald),
    maanden: [...maanden].sort(([a], [b]) => a.localeCompare(b)).map(([maand, v]) => ({ maand, ...v })),
    signalen: budgetSignals(lines),
  };
}
