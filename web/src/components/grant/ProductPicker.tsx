import { FormField, FormFieldErrorMessage, FormLabel, Select, SelectOption, Textbox } from "@utrecht/component-library-react";
import { useEffect, useMemo, useState } from "react";
import { qs, request } from "../../lib/api.ts";
import { wetLabel } from "../../lib/care-labels.ts";
import type { ProductSummary, SearchPage } from "../../lib/types.ts";
import { count } from "../CareBits.tsx";
import type { Row } from "./rows.ts";

const productText = (p: ProductSummary) => `${p.productcode ?? "geen code"} · ${p.name}${p.variant ? ` – ${p.variant}` : ""} (${wetLabel[p.law] ?? p.law})`;

/** Products matching the search term (GET /products?q=…), ~300 ms after the last key; null while there is no term. */
function useProductSearch(q: string): { found: ProductSummary[] | null; busy: boolean } {
  const [found, setFound] = useState<ProductSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    setBusy(true);
    const t = setTimeout(() => {
      const done = (items: ProductSummary[]) => {
        if (!live) return;
        setFound(items);
        setBusy(false);
      };
      request<SearchPage>(`/products${qs({ q: term, limit: 25 })}`).then(
        (r) => done(r.items),
        () => done([]),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [q]);
  return { found, busy };
}

/** Search the catalogue and pick one product. */
export function ProductPicker({ id, row, onPick, error }: { id: string; row: Row; onPick: (p: ProductSummary | null) => void; error?: string | undefined }) {
  const [q, setQ] = useState("");
  const { found, busy } = useProductSearch(q);
  const options = useMemo(() => {
    const list = found ?? [];
    return row.product && !list.some((p) => p.id === row.product!.id) ? [row.product, ...list] : list;
  }, [found, row.product]);

  return (
    <div className="kader-filters">
      <FormField
        label={<FormLabel htmlFor={`${id}-q`}>Product zoeken</FormLabel>}
        description={<span id={`${id}-q-hint`}>Naam of productcode, bijvoorbeeld "individuele begeleiding" of "02A17"</span>}
        input={
          <Textbox
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            aria-describedby={`${id}-q-hint ${id}-q-count`}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                document.getElementById(`${id}-product`)?.focus();
              }
            }}
          />
        }
      />
      <FormField
        invalid={!!error}
        label={<FormLabel htmlFor={`${id}-product`}>Product</FormLabel>}
        description={
          <span id={`${id}-q-count`} role="status">
            {busy
              ? "zoeken…"
              : found === null
                ? ""
                : found.length === 0
                  ? "geen producten gevonden"
                  : `${count(found.length, "product", "producten")} gevonden`}
          </span>
        }
        errorMessage={error ? <FormFieldErrorMessage id={`${id}-product-error`}>{error}</FormFieldErrorMessage> : undefined}
        input={
          <Select
            id={`${id}-product`}
            invalid={!!error}
            aria-describedby={error ? `${id}-product-error` : undefined}
            value={row.product?.id ?? ""}
            onChange={(e) => onPick(options.find((p) => p.id === e.target.value) ?? null)}
          >
            <SelectOption value="">{options.length ? "Kies een product" : "Zoek eerst een product"}</SelectOption>
            {options.map((p) => (
              <SelectOption key={p.id} value={p.id}>
                {productText(p)}
              </SelectOption>
            ))}
          </Select>
        }
      />
    </div>
  );
}
