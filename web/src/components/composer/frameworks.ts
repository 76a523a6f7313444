import { useEffect, useMemo, useState } from "react";
import { getCached, useApi } from "../../lib/api.ts";
import { type Addressee, addresseeLabel, elementLabel, elements, type FrameworkItem, type Nature, natureLabel } from "../../lib/quality.ts";

/** Criterion id → text for the frameworks the draft refers to (the framework detail, loaded once per framework). */
export function useCriterionTexts(nrs: number[]): Record<string, Record<string, string>> {
  const key = [...new Set(nrs)].sort((a, b) => a - b).join(",");
  const [texts, setTexts] = useState<Record<string, Record<string, string>>>({});
  useEffect(() => {
    let live = true;
    for (const nr of key ? key.split(",") : []) {
      getCached<{ criteria: { id: string; tekst: string }[] }>(`/kwaliteitskaders/${nr}`).then(
        (f) => live && setTexts((t) => (t[nr] ? t : { ...t, [nr]: Object.fromEntries(f.criteria.map((c) => [c.id, c.tekst])) })),
        () => {},
      );
    }
    return () => {
      live = false;
    };
  }, [key]);
  return texts;
}

/** The frameworks as options for a select, lapsed ones marked in the text. */
export const frameworkOptions = (fw: FrameworkItem[]) =>
  fw.map((f): [string, string] => [String(f.nr), `${f.nr}. ${f.titel}${f.waarschuwing ? " (vervallen)" : ""}`]);

/** Criteria of one framework for the deviation select (id and the start of the text). */
export function useFrameworkCriteria(nr: number): { id: string; tekst: string }[] {
  const r = useApi<{ criteria: { id: string; tekst: string }[] }>(`/kwaliteitskaders/${nr}`);
  return useMemo(() => (r.state === "ok" ? r.data.criteria.map((c) => ({ id: c.id, tekst: c.tekst })) : []), [r]);
}

/** The filters of the criteria library as [value, text] options: element, addressee, nature. */
export const elementOptions = elements.map((e): [string, string] => [e, elementLabel[e]]);
export const addresseeOptions = (Object.keys(addresseeLabel) as Addressee[]).map((a): [string, string] => [a, addresseeLabel[a]]);
export const natureOptions = (Object.keys(natureLabel) as Nature[]).map((a): [string, string] => [a, natureLabel[a]]);

/** The concepts (begrippen) over all frameworks as options, with the number of criteria each. */
export function useConceptOptions(): [string, string][] {
  const concepts = useApi<{ items: { id: string; naam: string; criteria: unknown[] }[] }>("/kwaliteitskaders/begrippen");
  return concepts.state === "ok" ? concepts.data.items.map((b): [string, string] => [b.id, `${b.naam} (${b.criteria.length})`]) : [];
}
