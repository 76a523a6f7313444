import { Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Paragraph, Textarea } from "@utrecht/component-library-react";
import { type PveConcept, type Segment, segmentText } from "../../lib/quality.ts";
import { TextField } from "../TextField.tsx";
import { ProductPicker } from "./ProductPicker.tsx";

/** What the draft is and what it is for: title, explanation, purchasing segments and products. */
export function ConceptBasics({
  concept,
  segments,
  editable,
  errors,
  update,
  announce,
}: {
  concept: PveConcept;
  segments: Segment[];
  editable: boolean;
  errors: Record<string, string>;
  update: (c: Partial<PveConcept>) => void;
  announce: (message: string) => void;
}) {
  return (
    <>
      <TextField
        id="c-titel"
        label="Titel"
        value={concept.titel}
        maxLength={200}
        disabled={!editable}
        error={errors["c-titel"]}
        onChange={(titel) => update({ titel })}
      />
      <FormField
        label={<FormLabel htmlFor="c-toelichting">Toelichting</FormLabel>}
        input={
          <Textarea
            id="c-toelichting"
            value={concept.toelichting ?? ""}
            maxLength={5000}
            disabled={!editable}
            onChange={(e) => update({ toelichting: e.target.value || null })}
          />
        }
      />

      <Fieldset className="kader-fieldset kader-section" id="c-segmenten">
        <FieldsetLegend>Inkoopsegmenten</FieldsetLegend>
        <Paragraph className="kader-muted">De gekozen segmenten staan voorgeselecteerd bij het zoeken naar criteria.</Paragraph>
        <div className="kader-checkbox-grid">
          {segments.map((s) => (
            <FormLabel key={s.id} htmlFor={`c-seg-${s.id}`} type="checkbox">
              <Checkbox
                id={`c-seg-${s.id}`}
                disabled={!editable}
                checked={concept.segmenten.includes(s.id)}
                onChange={(e) => update({ segmenten: e.target.checked ? [...concept.segmenten, s.id] : concept.segmenten.filter((x) => x !== s.id) })}
              />{" "}
              {segmentText(s)}
            </FormLabel>
          ))}
        </div>
      </Fieldset>

      <Fieldset className="kader-fieldset kader-section">
        <FieldsetLegend>Producten</FieldsetLegend>
        <Paragraph className="kader-muted">De producten uit de catalogus waarvoor dit programma van eisen geldt.</Paragraph>
        <ProductPicker
          chosen={concept.producten}
          editable={editable}
          onChange={(ids) => {
            const added = ids.find((x) => !concept.producten.includes(x));
            update({ producten: ids });
            announce(added ? "Product toegevoegd aan het programma van eisen." : "Product verwijderd.");
          }}
        />
      </Fieldset>
    </>
  );
}
