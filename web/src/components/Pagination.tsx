import { routeClick } from "../lib/router.tsx";

/**
 * Page links in the NL Design System pagination style: real links (/producten?…&pagina=3), so each page has its own
 * URL and the browser's back button works.
 */
export function Pagination({ total, limit, offset, hrefFor }: { total: number; limit: number; offset: number; hrefFor: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1) return null;
  const current = Math.floor(offset / limit) + 1;
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const items: (number | "gap")[] = [];
  for (const p of shown) {
    const prev = items[items.length - 1];
    if (typeof prev === "number" && p - prev > 1) items.push("gap");
    items.push(p);
  }
  return (
    <nav className="utrecht-pagination kader-pagination" aria-label="Paginering">
      {current > 1 ? (
        <a className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev" href={hrefFor(current - 1)} rel="prev" onClick={routeClick}>
          Vorige<span className="kader-visually-hidden"> pagina</span>
        </a>
      ) : null}
      {items.map((p, i) =>
        p === "gap" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity of a gap
          <span key={`gap-${i}`} aria-hidden="true">
            …
          </span>
        ) : (
          <a
            key={p}
            className={`utrecht-pagination__page-link${p === current ? " utrecht-pagination__page-link--current" : ""}`}
            href={hrefFor(p)}
            aria-current={p === current ? "page" : undefined}
            onClick={routeClick}
          >
            <span className="kader-visually-hidden">Pagina </span>
            {p}
          </a>
        ),
      )}
      {current < pages ? (
        <a className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next" href={hrefFor(current + 1)} rel="next" onClick={routeClick}>
          Volgende<span className="kader-visually-hidden"> pagina</span>
        </a>
      ) : null}
    </nav>
  );
}
