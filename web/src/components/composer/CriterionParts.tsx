import { Button, Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import type { CriterionHit, Segment } from "../../lib/quality.ts";
import { KwaliteitStatus, KwaliteitWaarschuwing } from "../KwaliteitBits.tsx";
import { CriterionPicker } from "./CriterionPicker.tsx";
import { type Draft, partsOf } from "./concept.ts";
import { useCriterionTexts } from "./frameworks.ts";

/** Single criteria taken from the library: the chosen ones with their framework, and the picker to add more. */
export function CriterionParts({ draft, segments }: { draft: Draft; segments: Segment[] }) {
  const { concept, frameworks: fw, editable, add, removePart, announce } = draft;
  const critParts = partsOf(concept, "criterium");
  const critTexts = useCriterionTexts(critParts.map(({ o }) => o.kader));
  const has = (kader: number, criterium: string) => critParts.some(({ o }) => o.kader === kader && o.criterium === criterium);
  const addCriterion = (h: CriterionHit) => {
    add({ soort: "criterium", kader: h.kader, criterium: h.criterium });
    const f = fw.find((x) => x.nr === h.kader);
    const warning = h.vervallen ? (f?.waarschuwing ?? `Kader ${h.kader} is vervallen.`) : null;
    announce(`Criterium ${h.criterium} van kader ${h.kader} toegevoegd.${warning ? ` Let op: ${warning}` : ""}`);
  };
  return (
    <Fieldset className="kader-fieldset kader-section">
      <FieldsetLegend>Losse criteria</FieldsetLegend>
      {critParts.length === 0 ? (
        <Paragraph>Nog geen losse criteria opgenomen.</Paragraph>
      ) : (
        <ul className="kader-picked" aria-label="Opgenomen criteria" data-testid="gekozen-criteria">
          {critParts.map(({ o, index }) => {
            const f = fw.find((x) => x.nr === o.kader);
            return (
              <li key={index} id={`c-part-${index}`}>
                <span>
                  <span className="kader-code">{o.criterium}</span> {critTexts[o.kader]?.[o.criterium] ?? ""}{" "}
                  <span className="kader-muted">
                    (kader {o.kader}: {f?.titel ?? "onbekend"})
                  </span>{" "}
                  {f && f.status !== "in-force" ? <KwaliteitStatus status={f.status} /> : null}
                </span>
                {editable ? (
                  <Button
                    appearance="subtle-button"
                    aria-label={`Verwijderen: criterium ${o.criterium} van kader ${o.kader}`}
                    onClick={() => removePart(index, "c-crit-q")}
                  >
                    Verwijderen
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {[...new Set(critParts.map(({ o }) => o.kader))].map((nr) => {
        const w = fw.find((x) => x.nr === nr)?.waarschuwing;
        return w ? <KwaliteitWaarschuwing key={nr}>{w}</KwaliteitWaarschuwing> : null;
      })}
      {editable ? <CriterionPicker segments={segments} frameworks={fw} chosenSegments={concept.segmenten} has={has} onAdd={addCriterion} /> : null}
    </Fieldset>
  );
}
