import { Heading } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTitle } from "../lib/router.tsx";

/**
 * The page's one h1. It can take focus (tabIndex -1), so after in-app navigation focus moves here and a screen
 * reader announces the new page; it also sets the window title.
 */
/**
 * After in-app navigation the new page's h1 takes focus (WCAG 2.4.3). A page that loads lazily has no h1 yet when the
 * route changes: then the main region holds focus until the heading appears (at most a few seconds).
 */
/** The visible h1 of the main region: while a lazy page loads, React keeps the previous page mounted but hidden. */
const visibleHeading = (): HTMLElement | undefined =>
  [...document.querySelectorAll<HTMLElement>("#main h1")].find((h) => h.offsetParent !== null || h.getClientRects().length > 0);

export function focusPageHeading(): void {
  const main = document.getElementById("main");
  const h1 = visibleHeading();
  if (h1 || !main) {
    (h1 ?? main)?.focus();
    return;
  }
  main.focus();
  const observer = new MutationObserver(() => {
    const found = visibleHeading();
    if (!found) return;
    observer.disconnect();
    if (document.activeElement === main || document.activeElement === document.body) found.focus();
  });
  observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ["style", "hidden"] });
  setTimeout(() => observer.disconnect(), 5000);
}

export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  useTitle(title);
  return (
    <Heading level={1} tabIndex={-1} className="kader-page-heading">
      {children}
    </Heading>
  );
}
