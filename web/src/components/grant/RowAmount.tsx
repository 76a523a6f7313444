import { eenheidLabel, frequentieLabel, frequenties, volumeEenheden } from "../../lib/care-labels.ts";
import { SelectField } from "../SelectField.tsx";
import type { RowField } from "./ProductRow.tsx";
import type { Row } from "./rows.ts";

const amountKinds: [Row["kind"], string][] = [
  ["volume", "volume (eenheid en frequentie)"],
  ["budget", "budget (euro)"],
];

/** How much care a product row grants: a volume with unit and frequency, or a budget in euro. */
export function RowAmount({ id, row, set, field }: { id: string; row: Row; set: <K extends keyof Row>(k: K, v: Row[K]) => void; field: RowField }) {
  return (
    <div className="kader-filters">
      <SelectField id={`${id}-soort`} label="Omvang als" value={row.kind} onChange={(v) => set("kind", v)} options={amountKinds} />
      {row.kind === "volume" ? (
        <>
          {field("volume", "volume", { label: "Volume", inputMode: "decimal", className: "kader-number kader-number--sm" })}
          <SelectField
            id={`${id}-eenheid`}
            label="Eenheid"
            all="Kies een eenheid"
            value={row.eenheid}
            onChange={(v) => set("eenheid", v)}
            options={volumeEenheden.map((u) => [u, `${u} – ${eenheidLabel[u]}${row.product?.unit === u ? " (eenheid van het product)" : ""}`] as const)}
          />
          <SelectField
            id={`${id}-freq`}
            label="Frequentie"
            all="Kies een frequentie"
            value={row.frequentie}
            onChange={(v) => set("frequentie", v)}
            options={frequenties.map((f) => [f, frequentieLabel[f]] as const)}
          />
        </>
      ) : (
        field("budget", "budget", { label: "Budget (€)", inputMode: "decimal" })
      )}
    </div>
  );
}
