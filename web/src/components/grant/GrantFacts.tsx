import { Paragraph } from "@utrecht/component-library-react";
import { verwijzerLabel, verwijzers, wetLabel } from "../../lib/care-labels.ts";
import type { Verwijzer } from "../../lib/care-types.ts";
import { SelectField } from "../SelectField.tsx";
import { TextField } from "../TextField.tsx";

export interface Facts {
  beschikkingnummer: string;
  afgiftedatum: string;
  verwijzer: Verwijzer | "";
}

/** The beschikking as a whole: its number, the date of issue (also the check's peildatum), the verwijzer and the law. */
export function GrantFacts({
  uid,
  facts,
  onChange,
  wet,
  errors,
}: {
  uid: string;
  facts: Facts;
  onChange: (f: Facts) => void;
  wet: string | null;
  errors: Record<string, string>;
}) {
  const set =
    <K extends keyof Facts>(k: K) =>
    (v: Facts[K]) =>
      onChange({ ...facts, [k]: v });
  return (
    <>
      <div className="kader-filters">
        <TextField id={`${uid}-nummer`} label="Beschikkingnummer" value={facts.beschikkingnummer} onChange={set("beschikkingnummer")} error={errors.nummer} />
        <TextField
          id={`${uid}-afgifte`}
          label="Afgiftedatum"
          hint="Ook de peildatum van de toets"
          type="date"
          value={facts.afgiftedatum}
          onChange={set("afgiftedatum")}
          error={errors.afgifte}
        />
        <SelectField
          id={`${uid}-verwijzer`}
          label="Verwijzer"
          all="Niet opgegeven"
          value={facts.verwijzer}
          onChange={set("verwijzer")}
          options={verwijzers.map((v) => [v, `${v} – ${verwijzerLabel[v]}`] as const)}
        />
      </div>
      <Paragraph id={`${uid}-wet`} tabIndex={-1}>
        Wet: {wet ? <strong>{wetLabel[wet] ?? wet}</strong> : <span className="kader-muted">volgt uit het gekozen product</span>}
        {errors.wet ? (
          <>
            {" "}
            <strong className="kader-error-text">Fout: {errors.wet}</strong>
          </>
        ) : null}
      </Paragraph>
    </>
  );
}
