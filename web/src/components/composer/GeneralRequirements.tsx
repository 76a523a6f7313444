import { Button, Checkbox, Fieldset, FieldsetLegend, FormLabel } from "@utrecht/component-library-react";
import { type Draft, describe, partsOf } from "./concept.ts";

/** The general requirements of document 004 as one module, and single general requirements. */
export function GeneralRequirements({ draft }: { draft: Draft }) {
  const { concept, frameworks: fw, editable, update, removePart } = draft;
  const hasModule = concept.onderdelen.some((o) => o.soort === "algemene-eisen-004");
  const generalParts = partsOf(concept, "algemeen");
  return (
    <Fieldset className="kader-fieldset kader-section">
      <FieldsetLegend>Algemene eisen (document 004)</FieldsetLegend>
      <FormLabel htmlFor="c-module" type="checkbox">
        <Checkbox
          id="c-module"
          disabled={!editable}
          checked={hasModule}
          onChange={(e) =>
            update({
              onderdelen: e.target.checked
                ? [{ soort: "algemene-eisen-004", zonder: [] }, ...concept.onderdelen]
                : concept.onderdelen.filter((o) => o.soort !== "algemene-eisen-004"),
            })
          }
        />{" "}
        Algemene eisen (VOG, registratie, certificaat, klanttevredenheid, social return, meldcode, klachtenregeling …) uit document 004
      </FormLabel>
      {generalParts.length ? (
        <ul className="kader-picked">
          {generalParts.map(({ o, index }) => (
            <li key={index} id={`c-part-${index}`}>
              <span>{describe(o, fw)}</span>
              {editable ? (
                <Button appearance="subtle-button" aria-label={`Verwijderen: ${describe(o, fw)}`} onClick={() => removePart(index, "c-module")}>
                  Verwijderen
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Fieldset>
  );
}
