import { unitLabel } from "../lib/labels.ts";
import type { ProductSummary } from "../lib/types.ts";

/**
 * A product code, or "nog geen code" while the municipality has not assigned one. `full` adds what the document
 * wrote instead (e.g. "NIEUW PRODUCT", or a long heading); in tables only a short stand-in is shown.
 */
export function CodeCell({ p, full = false }: { p: Pick<ProductSummary, "productcode" | "codeAsWritten" | "codeStatus">; full?: boolean }) {
  if (p.productcode) return <span className="kader-code">{p.productcode}</span>;
  const note = p.codeAsWritten && (full || p.codeAsWritten.length <= 16) ? ` (in het document: ${p.codeAsWritten})` : "";
  return <span className="kader-muted">nog geen code{note}</span>;
}

/** The WJ756 unit with its Dutch name, or why there is none. */
export function UnitText({ unit, status }: { unit: ProductSummary["unit"]; status: ProductSummary["unitStatus"] }) {
  if (unit) return <>{`${unit} ${unitLabel[unit]}`}</>;
  return (
    <span className="kader-muted">{status === "volgt-nog" ? "volgt nog" : status === "niet-van-toepassing" ? "niet van toepassing" : "niet vermeld"}</span>
  );
}
