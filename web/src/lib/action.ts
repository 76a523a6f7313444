/**
 * `useAction`: the one busy/try/catch around a request a form or button sends.
 *
 *   const save = useAction();
 *   const submit = (e: FormEvent) => { e.preventDefault(); void save.run(async () => { await call(...); onSaved(); }); };
 *   <SubmitButton busy={save.busy} busyLabel="Bezig met opslaan…">Opslaan</SubmitButton>
 *   {save.error ? <ProblemAlert error={save.error} heading="Opslaan mislukt" /> : null}
 *
 * `run(work)` sets `busy`, clears the last error, runs `work` and keeps any failure as an ApiError in `error`
 * (a network or script error gets a stand-in problem); it resolves with work's value, or undefined when it failed.
 * A second `run` while one is busy still runs (the button is disabled while busy, so a user cannot start one).
 */
import { useCallback, useRef, useState } from "react";
import { type ApiError, toApiError } from "./api.ts";

export interface Action {
  busy: boolean;
  error: ApiError | null;
  setError: (error: ApiError | null) => void;
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const live = useRef(0);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    const n = ++live.current;
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      if (n === live.current) setError(toApiError(e));
      return undefined;
    } finally {
      if (n === live.current) setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
