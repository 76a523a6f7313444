import { useEffect, useState } from "react";
import { focusField } from "./concept.ts";

/** Moves the focus to an element once it has been rendered (after adding or removing something). */
export function useFocusLater(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (target) focusField(target.id, false);
  }, [target]);
  return (id: string) => setTarget({ id });
}

/** What a debounced search knows: busy while it runs, its data, or that it failed. */
export type Debounced<T> = { busy: boolean; data: T | null; failed: boolean };

/** Runs `load` for a search term after the user stops typing; null while there is nothing to search. */
export function useDebounced<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Debounced<T> {
  const [state, setState] = useState<{ key: string | null; busy: boolean; data: T | null; failed: boolean }>({
    key: null,
    busy: false,
    data: null,
    failed: false,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` describes everything `load` depends on
  useEffect(() => {
    if (key === null) {
      setState({ key: null, busy: false, data: null, failed: false });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, key, busy: true }));
    const t = setTimeout(() => {
      load(ctrl.signal).then(
        (data) => !ctrl.signal.aborted && setState({ key, busy: false, data, failed: false }),
        (e: unknown) => !ctrl.signal.aborted && (e as Error).name !== "AbortError" && setState({ key, busy: false, data: null, failed: true }),
      );
    }, 300);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [key]);
  return state;
}
