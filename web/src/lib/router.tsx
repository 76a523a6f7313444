import { Link, type LinkProps } from "@utrecht/component-library-react";
import { type MouseEvent, useEffect, useMemo, useSyncExternalStore } from "react";

/**
 * A small history router: real URLs (/producten/…, /vergelijken?ids=…), which the server answers with index.html,
 * and in-app navigation without reloading. Links stay ordinary <a href>, so opening in a new tab works.
 */

const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};
if (typeof window !== "undefined") window.addEventListener("popstate", notify);

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}
const snapshot = () => window.location.pathname + window.location.search;

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  notify();
}

export interface Location {
  pathname: string;
  search: URLSearchParams;
  href: string;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => {
    const u = new URL(href, window.location.origin);
    return { pathname: u.pathname.replace(/\/+$/, "") || "/", search: u.searchParams, href };
  }, [href]);
}

/** A click that the browser should handle itself (new tab, download, other window, modified click). */
function isPlainClick(e: MouseEvent<HTMLAnchorElement>): boolean {
  const a = e.currentTarget;
  return (
    e.button === 0 &&
    !e.metaKey &&
    !e.ctrlKey &&
    !e.shiftKey &&
    !e.altKey &&
    !e.defaultPrevented &&
    (!a.target || a.target === "_self") &&
    !a.hasAttribute("download") &&
    a.origin === window.location.origin &&
    !a.pathname.startsWith("/api/")
  );
}

/** An NL Design System link that navigates within the app. */
export function RouterLink({ href, onClick, ...rest }: LinkProps & { href: string }) {
  return (
    <Link
      href={href}
      onClick={(e) => {
        onClick?.(e);
        if (!isPlainClick(e)) return;
        e.preventDefault();
        navigate(href);
      }}
      {...rest}
    />
  );
}

/** Click handler for other anchors (button links, nav links) that should navigate within the app. */
export function routeClick(e: MouseEvent<HTMLAnchorElement>): void {
  if (!isPlainClick(e)) return;
  e.preventDefault();
  navigate(e.currentTarget.pathname + e.currentTarget.search);
}

/** Sets the window title: "<page> – Kader". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – Kader` : "Kader";
  }, [title]);
}
