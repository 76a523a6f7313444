import { Button, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Textarea } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { resultaatgebieden004 } from "../../lib/care-labels.ts";
import { TextField, type TextFieldProps } from "../TextField.tsx";
import { ProductPicker } from "./ProductPicker.tsx";
import { RowAmount } from "./RowAmount.tsx";
import { is004, isVervoer, proposedOf, type Row, type RowErrors } from "./rows.ts";

/** The fields of a row that are typed as text. */
type TextKey = "aanbieder" | "ingangsdatum" | "einddatum" | "volume" | "budget" | "verlengingen" | "afstandKm";

/** One text field of the row: id `<row>-<suffix>`, bound to `row[k]`, with the row's problem for `k`. */
export type RowField = (k: TextKey, suffix: string, props: Omit<TextFieldProps, "id" | "value" | "onChange" | "error">) => ReactNode;

/** The resultaatgebieden of document 004, as checkboxes. */
function ResultAreas({ id, chosen, onToggle }: { id: string; chosen: string[]; onToggle: (area: string, on: boolean) => void }) {
  return (
    <Fieldset className="kader-fieldset kader-areas">
      <FieldsetLegend>Resultaatgebieden (tabel van productenboek 004, regel 389)</FieldsetLegend>
      <div className="kader-checks">
        {resultaatgebieden004.map((a, i) => (
          <div key={a} className="kader-check">
            <Checkbox id={`${id}-ra-${i}`} checked={chosen.includes(a)} onChange={(e) => onToggle(a, e.target.checked)} />
            <FormLabel htmlFor={`${id}-ra-${i}`} type="checkbox">
              {a}
            </FormLabel>
          </div>
        ))}
      </div>
    </Fieldset>
  );
}

/** One product of the beschikking: product, aanbieder and period, amount, verlengingen, resultaatgebieden and doelen. */
export function ProductRow({
  row,
  n,
  total,
  onChange,
  onRemove,
  errors,
}: {
  row: Row;
  n: number;
  total: number;
  onChange: (r: Row) => void;
  onRemove: () => void;
  errors: RowErrors;
}) {
  const id = `gp-${row.key}`;
  const set = <K extends keyof Row>(k: K, v: Row[K]) => onChange({ ...row, [k]: v });
  const parsed = proposedOf(row);
  const invalid = parsed.ok ? {} : parsed.invalid;
  const field: RowField = (k, suffix, props) => (
    <TextField id={`${id}-${suffix}`} value={row[k]} onChange={(v) => set(k, v)} error={errors[k] ?? invalid[k]} {...props} />
  );
  const toggleArea = (a: string, on: boolean) => set("resultaatgebieden", on ? [...row.resultaatgebieden, a] : row.resultaatgebieden.filter((x) => x !== a));
  const name = row.product ? row.product.name : `product ${n}`;

  return (
    <Fieldset className="kader-fieldset kader-grant-product" data-testid="grant-product">
      <FieldsetLegend>
        Product {n}
        {row.product ? `: ${row.product.name}` : ""}
      </FieldsetLegend>
      <ProductPicker
        id={id}
        row={row}
        error={errors.product}
        onPick={(p) => onChange({ ...row, product: p, eenheid: p?.unit && p.unit !== "83" ? p.unit : row.eenheid })}
      />
      <div className="kader-filters">
        {field("aanbieder", "agb", { label: "AGB-code aanbieder", hint: "8 cijfers", inputMode: "numeric" })}
        {field("ingangsdatum", "ingang", { label: "Ingangsdatum", type: "date" })}
        {field("einddatum", "eind", { label: "Einddatum", type: "date" })}
      </div>
      <RowAmount id={id} row={row} set={set} field={field} />
      <div className="kader-filters">
        {field("verlengingen", "verl", {
          label: "Verlengingen",
          hint: "Hoeveel verlengingen deze beschikking omvat",
          inputMode: "numeric",
          className: "kader-number kader-number--xs",
        })}
        {isVervoer(row.product) || row.afstandKm
          ? field("afstandKm", "km", {
              label: "Afstand enkele reis (km)",
              hint: "Voor vervoer: bepaalt de afstandsklasse",
              inputMode: "decimal",
              className: "kader-number kader-number--sm",
            })
          : null}
      </div>
      {is004(row.product) ? <ResultAreas id={id} chosen={row.resultaatgebieden} onToggle={toggleArea} /> : null}
      <FormField
        label={<FormLabel htmlFor={`${id}-ra`}>Doelen</FormLabel>}
        description={<span id={`${id}-ra-hint`}>Eén per regel</span>}
        input={
          <Textarea id={`${id}-ra`} rows={2} aria-describedby={`${id}-ra-hint`} value={row.goalsText} onChange={(e) => set("goalsText", e.target.value)} />
        }
      />
      {total > 1 ? (
        <div className="kader-actions">
          <Button appearance="subtle-button" onClick={onRemove}>
            Verwijderen<span className="kader-visually-hidden"> ({name})</span>
          </Button>
        </div>
      ) : null}
    </Fieldset>
  );
}
