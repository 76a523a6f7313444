import type { Checkable, PveConcept } from "../../contract/quality.ts";
import type { Problem, Result } from "../shared/problem.ts";
import type { Framework } from "./framework-source.ts";
import { GENERAL_TITLE, type GeneralRequirement } from "./general-requirements.ts";
import { isLapsed, lapsedWarning, type QualityLibrary } from "./library.ts";

/**
 * A programma van eisen (PvE) as a gemeente composes it: the draft ("concept") is editable; publishing resolves it
 * into a numbered, self-contained document (`PveDocument`) that is stored as an immutable version.
 */

/**
 * The draft and its parts are the body of POST and PUT /programmas-van-eisen: defined once in the contract, with
 * their limits and Dutch messages, under the names the domain has always used.
 */
export {
  Deviation as Afwijking,
  PveConcept,
  type PveConceptInput,
  PvePart as PveOnderdeel,
} from "../../contract/quality.ts";

export type PveHoofdstuk = "algemeen" | "kaders" | "criteria" | "eigen";
export const hoofdstukTitel: Record<PveHoofdstuk, string> = {
  algemeen: "Algemene eisen",
  kaders: "Kwaliteitskaders",
  criteria: "Kwaliteitscriteria",
  eigen: "Aanvullende eisen",
};
const hoofdstukOrder: PveHoofdstuk[] = ["algemeen", "kaders", "criteria", "eigen"];

export interface PveBron {
  /** "003" (quality frameworks), "004" (programma van eisen) or null (the gemeente's own requirement) */
  document: "003" | "004" | null;
  label: string;
  regel: number | null;
  citaat: string | null;
}

/** One numbered requirement of a published PvE, with everything needed to render and answer it. */
export interface PveEis {
  nr: number;
  /** stable across versions: "004.vog", "kader.3", "kader.3.d01", "eigen.1" */
  key: string;
  hoofdstuk: PveHoofdstuk;
  titel: string;
  tekst: string;
  bron: PveBron;
  toetsbaar: Checkable | null;
  begrippen: string[];
  frequentieMaanden: number | null;
  afwijkingen: { criterium: string | null; tekst: string }[];
  /** set when the requirement refers to a lapsed or superseded framework */
  waarschuwing: string | null;
}

/** A question of the self-assessment: requirements that ask for the same concept are asked once. */
export interface PveVraag {
  key: string;
  titel: string;
  /** numbers of the requirements it answers */
  eisen: number[];
  begrip: string | null;
  toetsbaar: Checkable | null;
  frequentieMaanden: number | null;
}

export interface PveDocument {
  titel: string;
  toelichting: string | null;
  gemeentecode: string;
  segmenten: { id: string; naam: string }[];
  producten: { id: string; naam: string; productcode: string | null; wet: string }[];
  eisen: PveEis[];
  vragen: PveVraag[];
  waarschuwingen: string[];
}

export interface ProductInfo {
  id: string;
  name: string;
  productcode: string | null;
  law: string;
}

const problem = (path: string, detail: string): Problem => ({ code: "invalid-input", title: "Ongeldig onderdeel", detail, path });

/**
 * Turns a draft into the numbered document. Every reference is checked (framework, criterion, 004 requirement,
 * segment, product): all problems are reported with their path. Duplicates are kept once.
 */
export function resolvePve(
  concept: PveConcept,
  gemeentecode: string,
  lib: QualityLibrary,
  general: GeneralRequirement[],
  products: ProductInfo[],
): Result<PveDocument> {
  const problems: Problem[] = [];
  const frameworks = new Map(lib.frameworks.map((f) => [f.nr, f]));
  const generalById = new Map(general.map((g) => [g.id, g]));
  const productById = new Map(products.map((p) => [p.id, p]));
  const eisen: Omit<PveEis, "nr">[] = [];
  const seen = new Set<string>();
  const push = (e: Omit<PveEis, "nr">) => {
    if (seen.has(e.key)) return;
    seen.add(e.key);
    eisen.push(e);
  };
  const fromGeneral = (g: GeneralRequirement): Omit<PveEis, "nr"> => ({
    key: `004.${g.id}`,
    hoofdstuk: "algemeen",
    titel: `${g.kop} (${g.paragraaf})`,
    tekst: g.tekst,
    bron: { document: "004", label: `${GENERAL_TITLE}, § ${g.paragraaf}, regel ${g.regel}`, regel: g.regel, citaat: g.citaat },
    toetsbaar: g.toetsbaar,
    begrippen: g.begrippen,
    frequentieMaanden: g.frequentieMaanden,
    afwijkingen: [],
    waarschuwing: null,
  });
  const frameworkOf = (n: number, path: string): Framework | null => {
    const f = frameworks.get(n);
    if (!f) problems.push(problem(path, `kader ${n} staat niet in de bibliotheek`));
    return f ?? null;
  };

  concept.onderdelen.forEach((o, i) => {
    const at = `onderdelen[${i}]`;
    switch (o.soort) {
      case "algemene-eisen-004": {
        o.zonder.forEach((id, j) => {
          if (!generalById.has(id)) problems.push(problem(`${at}.zonder[${j}]`, `onbekende algemene eis ${id}`));
        });
        for (const g of general) if (!o.zonder.includes(g.id)) push(fromGeneral(g));
        break;
      }
      case "algemeen": {
        const g = generalById.get(o.eis);
        if (!g) problems.push(problem(`${at}.eis`, `onbekende algemene eis ${o.eis}`));
        else push(fromGeneral(g));
        break;
      }
      case "kader": {
        const f = frameworkOf(o.kader, `${at}.kader`);
        if (!f) break;
        o.afwijkingen.forEach((a, j) => {
          if (a.criterium && !f.criteria.some((c) => c.id === a.criterium))
            problems.push(problem(`${at}.afwijkingen[${j}].criterium`, `kader ${f.nr} heeft geen criterium ${a.criterium}`));
        });
        push({
          key: `kader.${f.nr}`,
          hoofdstuk: "kaders",
          titel: `${f.titel}${f.jaar ? ` (${f.jaar})` : ""}`,
          tekst: `De aanbieder voldoet aan ${f.titel} (${f.uitgever})${o.afwijkingen.length ? ", met de afwijkingen hieronder" : ""}. ${f.doel}`,
          bron: { document: "003", label: `Kwaliteitskader ${f.nr}, document 003 regel ${f.regelHoofdstuk}`, regel: f.regelHoofdstuk, citaat: null },
          toetsbaar: null,
          begrippen: [],
          frequentieMaanden: null,
          afwijkingen: o.afwijkingen.map((a) => ({ criterium: a.criterium, tekst: a.tekst })),
          waarschuwing: lapsedWarning(f),
        });
        break;
      }
      case "criterium": {
        const f = frameworkOf(o.kader, `${at}.kader`);
        if (!f) break;
        const c = f.criteria.find((x) => x.id === o.criterium);
        if (!c) {
          problems.push(problem(`${at}.criterium`, `kader ${f.nr} heeft geen criterium ${o.criterium}`));
          break;
        }
        push({
          key: `kader.${f.nr}.${c.id}`,
          hoofdstuk: "criteria",
          titel: [f.titel, ...c.kop].join(" – "),
          tekst: c.tekst,
          bron: { document: "003", label: `Kwaliteitskader ${f.nr}, criterium ${c.id}, document 003 regel ${c.regel}`, regel: c.regel, citaat: c.citaat },
          toetsbaar: null,
          begrippen: c.begrippen,
          frequentieMaanden: c.frequentie?.maanden ?? null,
          afwijkingen: [],
          waarschuwing: lapsedWarning(f),
        });
        break;
      }
      case "eigen": {
        push({
          key: `eigen.${i + 1}`,
          hoofdstuk: "eigen",
          titel: o.titel,
          tekst: o.tekst,
          bron: { document: null, label: "Eis van de gemeente", regel: null, citaat: null },
          toetsbaar: o.toetsbaar,
          begrippen: [],
          frequentieMaanden: o.frequentieMaanden,
          afwijkingen: [],
          waarschuwing: null,
        });
        break;
      }
      default: {
        const never: never = o;
        throw new Error(`onbekend onderdeel ${JSON.stringify(never)}`);
      }
    }
  });

  const segmentById = new Map(lib.segments.map((s) => [s.id, s]));
  concept.segmenten.forEach((s, i) => {
    if (lib.segments.length && !segmentById.has(s))
      problems.push({ code: "invalid-input", title: "Onbekend segment", detail: `segment ${s} staat niet in de bijlage`, path: `segmenten[${i}]` });
  });
  concept.producten.forEach((p, i) => {
    if (!productById.has(p))
      problems.push({ code: "invalid-input", title: "Onbekend product", detail: `product ${p} staat in geen productenboek`, path: `producten[${i}]` });
  });
  if (problems.length) return { ok: false, problems };

  const ordered = hoofdstukOrder.flatMap((h) => eisen.filter((e) => e.hoofdstuk === h)).map((e, i) => ({ ...e, nr: i + 1 }));
  const waarschuwingen = [...new Set(ordered.map((e) => e.waarschuwing).filter((w): w is string => w !== null))];
  return {
    ok: true,
    value: {
      titel: concept.titel,
      toelichting: concept.toelichting,
      gemeentecode,
      segmenten: [...new Set(concept.segmenten)].map((s) => ({ id: s, naam: segmentById.get(s)?.naam ?? s })),
      producten: [...new Set(concept.producten)].map((id) => {
        const p = productById.get(id)!;
        return { id, naam: p.name, productcode: p.productcode, wet: p.law };
      }),
      eisen: ordered,
      vragen: questionsOf(ordered, lib),
      waarschuwingen,
    },
  };
}

/**
 * The self-assessment's questions: requirements that share their first concept are asked once (the VOG of 004 and a
 * framework's VOG criterion are one question); framework references and requirements without a concept are their own.
 */
export function questionsOf(eisen: PveEis[], lib: Pick<QualityLibrary, "concepts">): PveVraag[] {
  const out: PveVraag[] = [];
  const byConcept = new Map<string, PveVraag>();
  const conceptName = new Map(lib.concepts.map((c) => [c.id, c.naam]));
  for (const e of eisen) {
    const begrip = e.hoofdstuk === "kaders" ? undefined : e.begrippen[0];
    const existing = begrip ? byConcept.get(begrip) : undefined;
    if (existing) {
      existing.eisen.push(e.nr);
      existing.toetsbaar ??= e.toetsbaar;
      if (e.frequentieMaanden !== null) existing.frequentieMaanden = Math.min(existing.frequentieMaanden ?? Number.POSITIVE_INFINITY, e.frequentieMaanden);
      continue;
    }
    const v: PveVraag = {
      key: begrip ? `begrip.${begrip}` : `eis.${e.key}`,
      titel: begrip ? (conceptName.get(begrip) ?? e.titel) : e.titel,
      eisen: [e.nr],
      begrip: begrip ?? null,
      toetsbaar: e.toetsbaar,
      frequentieMaanden: e.frequentieMaanden,
    };
    out.push(v);
    if (begrip) byConcept.set(begrip, v);
  }
  return out;
}

/** Whether a draft references a framework that lapsed (for the composer's warning before publishing). */
export const referencesLapsed = (concept: PveConcept, lib: QualityLibrary) =>
  concept.onderdelen.some((o) => (o.soort === "kader" || o.soort === "criterium") && lib.frameworks.some((f) => f.nr === o.kader && isLapsed(f)));
