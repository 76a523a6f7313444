import type { FrameworkItem, PveConcept, PveOnderdeel } from "../../lib/quality.ts";

/** The ids of one deviation's fields: which criterion it is about, and its text. */
export const afwId = (part: number, j: number, field: "tekst" | "crit") => `c-afw-${part}-${j}-${field}`;

/** One line of an error summary: the text, and the id of the field it is about (a link) when there is one. */
export type SummaryItem = { id: string | null; text: string };

/** A part of the draft in words (for the list of parts and the "… verwijderd." message). */
export function describe(o: PveOnderdeel, frameworks: FrameworkItem[]): string {
  const f = (nr: number) => frameworks.find((x) => x.nr === nr);
  switch (o.soort) {
    case "algemene-eisen-004":
      return `Algemene eisen uit het programma van eisen van document 004${o.zonder.length ? ` (zonder ${o.zonder.join(", ")})` : ""}`;
    case "algemeen":
      return `Algemene eis ${o.eis}`;
    case "kader":
      return `Kader ${o.kader}: ${f(o.kader)?.titel ?? "onbekend"}${o.afwijkingen.length ? `, met ${o.afwijkingen.length} afwijking(en)` : ""}`;
    case "criterium":
      return `Criterium ${o.criterium} van kader ${o.kader}: ${f(o.kader)?.titel ?? "onbekend"}`;
    case "eigen":
      return `Eigen eis: ${o.titel}`;
  }
}

/** The element a problem's path (from the API or the preview) is about, so the error summary can link to it. */
export function fieldOf(path: string | undefined, concept: PveConcept): string | null {
  if (!path) return null;
  if (path === "titel" || path === "toelichting") return `c-${path}`;
  if (path.startsWith("segmenten")) return "c-segmenten";
  if (path.startsWith("producten")) return "c-producten-h";
  const a = /^onderdelen\[(\d+)\]\.afwijkingen\[(\d+)\]\.(tekst|criterium)/.exec(path);
  if (a) return afwId(Number(a[1]), Number(a[2]), a[3] === "tekst" ? "tekst" : "crit");
  const o = /^onderdelen\[(\d+)\]/.exec(path);
  if (o) return concept.onderdelen[Number(o[1])]?.soort === "algemene-eisen-004" ? "c-module" : `c-part-${o[1]}`;
  return path.startsWith("onderdelen") ? "c-onderdelen-h" : null;
}

/** Moves the focus to an element (made focusable if it is not); with `scroll`, also scrolls it into view. */
export function focusField(id: string, scroll = true) {
  const el = document.getElementById(id);
  if (!el) return;
  if (!el.matches("a, button, input, select, textarea, [tabindex]")) el.setAttribute("tabindex", "-1");
  el.focus();
  if (scroll) el.scrollIntoView?.({ block: "center" });
}

/** Checks the draft before it is sent: what the API would refuse, in words, per field. */
export function validate(c: PveConcept): Record<string, string> {
  const e: Record<string, string> = {};
  if (!c.titel.trim()) e["c-titel"] = "Geef het programma van eisen een titel.";
  c.onderdelen.forEach((o, i) => {
    if (o.soort !== "kader") return;
    o.afwijkingen.forEach((a, j) => {
      if (!a.tekst.trim()) e[afwId(i, j, "tekst")] = `Beschrijf afwijking ${j + 1} van kader ${o.kader}, of verwijder haar.`;
      else if (a.tekst.length > 2000) e[afwId(i, j, "tekst")] = `Afwijking ${j + 1} van kader ${o.kader} is langer dan 2000 tekens.`;
    });
  });
  return e;
}

/** The draft being edited, and the changes the parts of the composer make to it. */
export interface Draft {
  concept: PveConcept;
  frameworks: FrameworkItem[];
  editable: boolean;
  update: (c: Partial<PveConcept>) => void;
  add: (o: PveOnderdeel) => void;
  /** Removes part `index`, says so, and moves the focus to `focusTo`. */
  removePart: (index: number, focusTo: string) => void;
  /** Tells screen-reader users what changed. */
  announce: (message: string) => void;
}

/** The parts of one kind, each with its place in the draft. */
export function partsOf<K extends PveOnderdeel["soort"]>(concept: PveConcept, soort: K): { index: number; o: Extract<PveOnderdeel, { soort: K }> }[] {
  return concept.onderdelen.flatMap((o, index) => (o.soort === soort ? [{ index, o: o as Extract<PveOnderdeel, { soort: K }> }] : []));
}
