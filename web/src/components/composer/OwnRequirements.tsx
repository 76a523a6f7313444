import { Button, Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, Paragraph, Textarea } from "@utrecht/component-library-react";
import { useState } from "react";
import { TextField } from "../TextField.tsx";
import { type Draft, focusField, partsOf } from "./concept.ts";

/** The gemeente's own requirements: the list, and a title and text to add one. */
export function OwnRequirements({ draft }: { draft: Draft }) {
  const { concept, editable, add, removePart, announce } = draft;
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ownParts = partsOf(concept, "eigen");

  const addOwn = () => {
    const e: Record<string, string> = {};
    if (!title.trim()) e["c-eigen-titel"] = "Geef de eigen eis een titel.";
    if (!text.trim()) e["c-eigen-tekst"] = "Beschrijf de eigen eis.";
    setErrors(e);
    const first = Object.keys(e)[0];
    if (first) {
      focusField(first);
      return;
    }
    add({ soort: "eigen", titel: title.trim(), tekst: text.trim(), toetsbaar: null, frequentieMaanden: null });
    announce(`Eigen eis "${title.trim()}" toegevoegd.`);
    setTitle("");
    setText("");
    focusField("c-eigen-titel");
  };
  const textError = errors["c-eigen-tekst"];

  return (
    <Fieldset className="kader-fieldset kader-section">
      <FieldsetLegend>Aanvullende eisen van de gemeente</FieldsetLegend>
      {ownParts.length === 0 ? (
        <Paragraph>Nog geen eigen eisen.</Paragraph>
      ) : (
        <ul className="kader-picked" aria-label="Eigen eisen">
          {ownParts.map(({ o, index }) => (
            <li key={index} id={`c-part-${index}`}>
              <span>
                <strong>{o.titel}</strong> — {o.tekst}
              </span>
              {editable ? (
                <Button appearance="subtle-button" aria-label={`Verwijderen: eigen eis ${o.titel}`} onClick={() => removePart(index, "c-eigen-titel")}>
                  Verwijderen
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <>
          <TextField id="c-eigen-titel" label="Eigen eis: titel" maxLength={200} value={title} onChange={setTitle} error={errors["c-eigen-titel"]} />
          <FormField
            invalid={!!textError}
            label={<FormLabel htmlFor="c-eigen-tekst">Eigen eis: tekst</FormLabel>}
            errorMessage={textError ? <FormFieldErrorMessage id="c-eigen-tekst-error">{textError}</FormFieldErrorMessage> : undefined}
            input={
              <Textarea
                id="c-eigen-tekst"
                value={text}
                maxLength={5000}
                invalid={!!textError}
                aria-describedby={textError ? "c-eigen-tekst-error" : undefined}
                onChange={(e) => setText(e.target.value)}
              />
            }
          />
          <Button appearance="secondary-action-button" onClick={addOwn}>
            Eigen eis toevoegen
          </Button>
        </>
      ) : null}
    </Fieldset>
  );
}
