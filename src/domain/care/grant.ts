import type { Catalogue, Product } from "../catalogue/product.ts";
import type { Finding, Severity as FindingSeverity } from "../codes/finding.ts";
import { productKeys } from "../compliance/check.ts";
import { evaluate } from "../rules/evaluate.ts";
import { explain } from "../rules/explain.ts";
import type { Facts } from "../rules/facts.ts";
import { leavesOf, type Rule } from "../rules/rule.ts";
import { addDays, type IsoDate, monthsBetween } from "../shared/date.ts";
import { type Eenheid, eenheidLabel } from "./codes.ts";
import { daysIn, overlap } from "./period.ts";
import { type ResultAreaTable, resultAreaTables } from "./grant-tables.ts";
import { GrantProposal, ProposedProduct, RunningProduct } from "../../contract/care.ts";

/** What the grant check takes is what crosses the boundary: the contract's schemas (src/contract/care.ts). */
export { GrantProposal, ProposedProduct, RunningProduct };

/** The severities a grant check answers with (of the one list, src/domain/codes/severity.ts). */
export type Severity = Extract<FindingSeverity, "fout" | "waarschuwing" | "oordeel">;
/** A finding of the grant check: the one Finding, about one proposed product; code is the rule, source the document's words. */
export interface GrantFinding extends Finding {
  productId: string;
  /** the rule's kind: an op of the rule language, or a grant check (product, eenheid, omvang, resultaatgebied); also the code */
  rule: string;
  severity: Severity;
  /** the document's words and line, where the finding comes from the productenboek; also the source */
  asWritten?: string;
}
/** What a grant check says; productId, code and source are filled in by grantFinding. */
type GrantFindingInput = Omit<GrantFinding, "productId" | "code" | "source">;
export const grantFinding = (productId: string, f: GrantFindingInput): GrantFinding => ({
  productId,
  ...f,
  code: f.rule,
  ...(f.asWritten !== undefined ? { source: f.asWritten } : {}),
});
/**
 * A product that is in the catalogue but not in force on the date asked: its nearest version (the app looks it up,
 * the check stays pure), so the finding can say "… geldt vanaf 2026-01-01" instead of "staat niet in de catalogus".
 */
export interface ProductValidity {
  name: string;
  productenboekId: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** the date the catalogue was asked for */
  asOf: IsoDate;
}

/** "Begeleiding Basis kort (004-nmd-pve-2026) geldt vanaf 2026-06-01; op 2026-03-01 …" */
export function notInForce(id: string, v: ProductValidity | undefined): string {
  if (!v) return `product ${id} staat niet in de catalogus`;
  const what = `${v.name} (${v.productenboekId})`;
  return v.validFrom > v.asOf
    ? `${what} geldt vanaf ${v.validFrom}; op ${v.asOf} is het product nog niet van kracht`
    : `${what} gold tot ${v.validTo}; op ${v.asOf} is het product niet meer van kracht`;
}

export interface GrantVerdict {
  toegestaan: boolean;
  /** true when the only obstacles are points of professional judgement: an override can grant */
  overrideMogelijk: boolean;
  bevindingen: GrantFinding[];
}

/** Rule leaves that are checked on a client's indication when granting; the others are the provider's concern. */
const grantOps = new Set<Rule["op"]>(["age", "durationCap", "combination", "volume", "distanceBand"]);

/** Whole years of age on a date. */
export function ageOn(birth: IsoDate, date: IsoDate): number {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Keys under which a combination rule may name a product: id, code, stand-in, kind and its family ("begeleiding"). */
export function combinationKeys(p: Product): string[] {
  const family = p.kind.split("-")[0]!;
  const ggz = /ggz/i.test(p.name);
  return [...productKeys(p), p.kind, ...(ggz ? ["GGZ-behandeling"] : [family])];
}

/**
 * Checks a proposed beschikking against the productenboek's rules, without storing anything. Every finding says what
 * and why, in Dutch: "fout" refuses the grant, "waarschuwing" informs (e.g. a fact needed to check a rule is not
 * given), "oordeel" marks a point where the document leaves — or, by contradicting itself, forces — a professional
 * judgement; those can be granted with an explicit, logged override.
 */
export function checkGrant(
  catalogue: Pick<Catalogue, "products" | "productenboeken">,
  proposal: GrantProposal,
  validity: ReadonlyMap<string, ProductValidity> = new Map(),
): GrantVerdict {
  const byId = new Map(catalogue.products.map((p) => [p.id, p]));
  const findings: GrantFinding[] = [];
  proposal.producten.forEach((proposed, index) => {
    const product = byId.get(proposed.productId);
    const add = (f: GrantFindingInput) => findings.push(grantFinding(proposed.productId, f));
    if (!product) {
      add({ rule: "product", severity: "fout", message: notInForce(proposed.productId, validity.get(proposed.productId)) });
      return;
    }
    checkVolume(product, proposed, add);
    const others = [...proposal.producten.filter((_, i) => i !== index), ...proposal.lopend.filter((l) => l.productId !== proposed.productId)]
      .filter((o) => overlap({ begin: o.ingangsdatum, end: o.einddatum }, { begin: proposed.ingangsdatum, end: proposed.einddatum }))
      .map((o) => byId.get(o.productId))
      .filter((p): p is Product => p !== undefined);
    const facts = grantFacts(product, proposed, proposal.client.geboortedatum, others);
    for (const req of product.requirements) {
      if (req.law && req.law !== product.law) continue;
      const leaves = leavesOf(req.rule);
      // rules on the indication, possibly with a judgement as the document's alternative ("1-3 maanden … of langer durend …")
      if (!leaves.some((l) => grantOps.has(l.op)) || !leaves.every((l) => grantOps.has(l.op) || l.op === "judgement")) continue;
      const result = evaluate(req.rule, facts);
      const base = { asWritten: req.asWritten, line: req.line };
      const judgement = result.verdict === "unknown" ? result.findings.find((f) => f.op === "judgement") : undefined;
      if (judgement) {
        const why = result.findings.filter((f) => f.op !== "judgement").map((f) => f.reason);
        const alternative = leaves
          .filter((l) => l.op === "judgement")
          .map((l) => explain(l))
          .join("; ");
        add({
          ...base,
          rule: "judgement",
          severity: "oordeel",
          message: `${req.topic}: ${why.join("; ")}${why.length ? " — " : ""}het document laat dit toe als: ${alternative}`,
        });
      } else
        for (const f of result.findings) {
          if (f.verdict === "fail") add({ ...base, rule: f.op, severity: "fout", message: `${req.topic}: ${f.reason}` });
          else if (f.op === "contested") add({ ...base, rule: f.op, severity: "oordeel", message: `${req.topic}: ${f.reason}` });
          else add({ ...base, rule: f.op, severity: "waarschuwing", message: `${req.topic}: niet te toetsen — ${f.reason}` });
        }
      // an age limit reached while the grant runs is worth knowing, not a refusal
      for (const leaf of leaves) {
        if (leaf.op !== "age" || leaf.maxAgeExclusive === null) continue;
        const atEnd = ageOn(proposal.client.geboortedatum, proposed.einddatum);
        if (facts.clientAge! < leaf.maxAgeExclusive && atEnd >= leaf.maxAgeExclusive)
          add({
            rule: "age",
            severity: "waarschuwing",
            message: `${req.topic}: de cliënt wordt ${leaf.maxAgeExclusive} vóór de einddatum (${explain(leaf)})`,
            asWritten: req.asWritten,
            line: req.line,
          });
      }
    }
    for (const table of resultAreaTables.filter((t) => t.productenboekId === product.productenboekId))
      checkResultAreas(catalogue, table, product, proposed, add);
  });
  const blocking = findings.filter((f) => f.severity !== "waarschuwing");
  return {
    toegestaan: blocking.length === 0,
    overrideMogelijk: blocking.length > 0 && blocking.every((f) => f.severity === "oordeel"),
    bevindingen: findings,
  };
}

function checkVolume(product: Product, p: ProposedProduct, add: (f: GrantFindingInput) => void) {
  if (p.eenheid === "83" || p.budget !== null) {
    if (p.budget === null) add({ rule: "omvang", severity: "fout", message: "eenheid 83 (euro) vraagt een budget" });
    if (p.volume !== null) add({ rule: "omvang", severity: "fout", message: "geef een budget óf een volume, niet allebei" });
    return;
  }
  if (p.volume === null || p.eenheid === null || p.frequentie === null)
    add({ rule: "omvang", severity: "fout", message: "geef volume, eenheid en frequentie (of een budget)" });
  if (p.volume !== null && p.volume <= 0) add({ rule: "omvang", severity: "fout", message: "het volume moet groter zijn dan 0" });
  if (p.eenheid !== null && product.unit.code !== null && p.eenheid !== product.unit.code)
    add({
      rule: "eenheid",
      severity: "fout",
      message: `eenheid ${p.eenheid} (${eenheidLabel[p.eenheid]}) past niet bij het product, dat in ${product.unit.code} (${eenheidLabel[product.unit.code as Eenheid] ?? product.unit.code}) wordt ingezet`,
      ...(product.unit.asWritten && product.unit.line ? { asWritten: product.unit.asWritten, line: product.unit.line } : {}),
    });
}

function grantFacts(product: Product, p: ProposedProduct, birth: IsoDate, others: Product[]): Facts {
  const span = daysIn(p.ingangsdatum, p.einddatum);
  const facts: Facts = {
    clientAge: ageOn(birth, p.ingangsdatum),
    durationMonths: Math.round(monthsBetween(p.ingangsdatum, addDays(p.einddatum, 1)) * 1000) / 1000,
    durationWeeks: span / 7,
    extensions: p.verlengingen,
    otherProducts: others.flatMap(combinationKeys),
    peildatum: p.ingangsdatum,
    productKeys: productKeys(product),
  };
  if (p.afstandKm !== null) facts.distanceKm = p.afstandKm;
  if (p.volume !== null && p.eenheid !== null && p.frequentie !== null)
    facts.grantedVolume = { amount: p.volume, eenheid: p.eenheid, frequentie: p.frequentie, days: span };
  return facts;
}

function checkResultAreas(
  catalogue: Pick<Catalogue, "productenboeken">,
  cfg: ResultAreaTable,
  product: Product,
  p: ProposedProduct,
  add: (f: GrantFindingInput) => void,
) {
  const table = catalogue.productenboeken.find((b) => b.id === cfg.productenboekId)?.tables[cfg.table];
  const level = product.attributes[cfg.levelAttribute];
  if (!table || typeof level !== "string") return;
  const column = cfg.columns[level];
  const col = column ? table.columns.indexOf(column) : -1;
  const lawCol = table.columns.indexOf(cfg.lawColumn);
  if (col < 0) return;
  for (const area of p.resultaatgebieden) {
    const row = table.rows.find((r) => r[0]?.toLowerCase() === area.toLowerCase());
    if (!row) {
      add({ rule: "resultaatgebied", severity: "fout", message: `resultaatgebied "${area}" komt niet voor in de tabel "${table.title}"`, line: table.line });
      continue;
    }
    const laws = (row[lawCol] ?? "").toLowerCase();
    const lawWord = product.law === "wmo" ? "wmo" : "jeugd";
    if (!laws.includes(lawWord))
      add({
        rule: "resultaatgebied",
        severity: "fout",
        message: `resultaatgebied "${row[0]}" hoort bij ${row[lawCol]}, niet bij ${product.law === "wmo" ? "de Wmo" : "de Jeugdwet"}`,
        asWritten: row.join("\t"),
        line: table.line + 1 + table.rows.indexOf(row),
      });
    const tableAllows = row[col] === cfg.allowedMark;
    const line = table.line + 1 + table.rows.indexOf(row);
    const other = cfg.readings.find((r) => r.row.toLowerCase() === area.toLowerCase());
    const otherAllows = other ? other.allowedLevels.includes(level) : tableAllows;
    if (tableAllows && otherAllows) continue;
    if (!tableAllows && !otherAllows) {
      add({
        rule: "resultaatgebied",
        severity: "fout",
        message: `resultaatgebied "${row[0]}" is niet inzetbaar op niveau ${level}`,
        asWritten: row.join("\t"),
        line,
      });
      continue;
    }
    add({
      rule: "resultaatgebied",
      severity: "oordeel",
      message:
        `het document is tegenstrijdig over "${row[0]}" op niveau ${level}: de tabel (regel ${line}) zegt ${tableAllows ? "inzetbaar" : "niet inzetbaar"}, ` +
        `regel ${other!.line} ("${other!.asWritten}") zegt ${otherAllows ? "inzetbaar" : "niet inzetbaar"} — een professioneel oordeel is nodig`,
      asWritten: other!.asWritten,
      line: other!.line,
    });
  }
}
