import { type FormEvent, useState } from "react";
import { type Action, useAction } from "../../lib/action.ts";
import { request, toApiError } from "../../lib/api.ts";
import { type PveConcept, pvePath } from "../../lib/quality.ts";
import { fieldOf, type SummaryItem, validate } from "./concept.ts";

export interface ConceptSave {
  save: (e?: FormEvent) => Promise<void>;
  publish: () => Promise<void>;
  action: Action;
  /** What was saved or published, for the status line. */
  status: string;
  /** Problems per field id, shown at the field. */
  fieldErrors: Record<string, string>;
  /** The error summary's lines, and a counter that moves the focus to it each time it is shown. */
  summary: SummaryItem[];
  summaryShown: number;
}

/**
 * Saving the draft (PUT, after the form's own checks; the API's 400 problems shown per field) and publishing the
 * saved draft as a new version (only when nothing is unsaved).
 */
export function useConceptSave(id: string, concept: PveConcept, dirty: boolean, onSaved: () => void): ConceptSave {
  const action = useAction();
  const [status, setStatus] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [summaryShown, setSummaryShown] = useState(0);

  const showErrors = (found: Record<string, string>, extra: SummaryItem[] = []) => {
    setFieldErrors(found);
    setSummary([...Object.entries(found).map(([fid, text]) => ({ id: fid, text })), ...extra]);
    setSummaryShown((n) => n + 1);
  };
  const start = () => {
    action.setError(null);
    setStatus("");
  };

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    start();
    const found = validate(concept);
    if (Object.keys(found).length) {
      showErrors(found);
      return;
    }
    setFieldErrors({});
    setSummary([]);
    await action.run(async () => {
      try {
        await request(pvePath(id), { method: "PUT", body: concept });
      } catch (err) {
        const apiError = toApiError(err);
        const problems = apiError.problem.problems ?? [];
        if (apiError.status !== 400 || !problems.length) throw err;
        const byField: Record<string, string> = {};
        const rest: SummaryItem[] = [];
        for (const p of problems) {
          const fid = fieldOf(p.path, concept);
          if (fid?.startsWith("c-afw-")) byField[fid] = p.detail;
          else rest.push({ id: fid, text: `${p.path ? `${p.path}: ` : ""}${p.detail}` });
        }
        showErrors(byField, rest);
        return;
      }
      setStatus("Concept opgeslagen; het voorbeeld is bijgewerkt.");
      onSaved();
    });
  };

  const publish = async () => {
    start();
    if (dirty) {
      showErrors({}, [
        { id: "c-opslaan", text: "Er zijn wijzigingen die nog niet zijn opgeslagen: sla het concept eerst op; gepubliceerd wordt het opgeslagen concept." },
      ]);
      return;
    }
    await action.run(async () => {
      const res = await request<{ versie: number }>(`${pvePath(id)}/versies`, { method: "POST" });
      setStatus(`Gepubliceerd als versie ${res.versie}. Deze versie verandert niet meer.`);
      onSaved();
    });
  };

  return { save, publish, action, status, fieldErrors, summary, summaryShown };
}
