import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * Lets a wide table scroll sideways instead of overflowing the page. When it actually scrolls, the wrapper becomes a
 * focusable, named region, so keyboard users can scroll it too (WCAG 2.1.1); otherwise it adds no tab stop.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);
  return (
    <div ref={ref} className="kader-table-wrap" {...(scrolls ? { role: "region", "aria-label": `${label} (scrolt horizontaal)`, tabIndex: 0 } : {})}>
      {children}
    </div>
  );
}
