import { useSyncExternalStore } from "react";

/**
 * The products a user has ticked in search results to compare, kept for the browser tab (sessionStorage) so it
 * survives paging and the back button. At most 10: the API compares 2 to 10 products.
 */
export const MAX_COMPARE = 10;
const KEY = "kader.vergelijken";
const listeners = new Set<() => void>();
let current: string[] = read();

function read(): string[] {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? "[]");
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").slice(0, MAX_COMPARE) : [];
  } catch {
    return [];
  }
}

function write(ids: string[]) {
  current = ids;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // storage may be unavailable (private mode): the selection then lasts until reload
  }
  for (const l of listeners) l();
}

export const selection = {
  toggle(id: string) {
    write(current.includes(id) ? current.filter((x) => x !== id) : current.length < MAX_COMPARE ? [...current, id] : current);
  },
  clear() {
    write([]);
  },
};

export function useSelection(): string[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
