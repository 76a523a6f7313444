import { Alert, Button, Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, Paragraph, Textarea } from "@utrecht/component-library-react";
import { useState } from "react";
import type { Afwijking, FrameworkItem } from "../../lib/quality.ts";
import { KwaliteitStatus, KwaliteitWaarschuwing } from "../KwaliteitBits.tsx";
import { SelectField } from "../SelectField.tsx";
import { afwId } from "./concept.ts";
import { frameworkOptions, useFrameworkCriteria } from "./frameworks.ts";

const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One framework referenced as a whole, with its deviations: add, edit, remove. */
function FrameworkPart({
  part,
  nr,
  framework,
  afwijkingen,
  editable,
  errors,
  onChange,
  onRemove,
  focusLater,
}: {
  part: number;
  nr: number;
  framework: FrameworkItem | undefined;
  afwijkingen: Afwijking[];
  editable: boolean;
  errors: Record<string, string>;
  onChange: (a: Afwijking[]) => void;
  onRemove: () => void;
  focusLater: (id: string) => void;
}) {
  const criteria = useFrameworkCriteria(nr);
  const title = `Kader ${nr}: ${framework?.titel ?? "onbekend kader"}`;
  const setAt = (j: number, a: Partial<Afwijking>) => onChange(afwijkingen.map((x, k) => (k === j ? { ...x, ...a } : x)));
  const add = () => {
    onChange([...afwijkingen, { criterium: null, tekst: "" }]);
    focusLater(afwId(part, afwijkingen.length, "crit"));
  };
  const remove = (j: number) => {
    onChange(afwijkingen.filter((_, k) => k !== j));
    focusLater(`c-kader-${part}-add`);
  };
  return (
    <div className="kader-section" id={`c-part-${part}`} data-testid={`kader-onderdeel-${nr}`}>
      <Fieldset className="kader-fieldset">
        <FieldsetLegend>
          {title} {framework && framework.status !== "in-force" ? <KwaliteitStatus status={framework.status} /> : null}
        </FieldsetLegend>
        {framework?.waarschuwing ? <KwaliteitWaarschuwing>{framework.waarschuwing}</KwaliteitWaarschuwing> : null}
        <Paragraph className="kader-muted">
          {framework
            ? `${framework.criteria} criteria; de aanbieder voldoet aan het hele kader${afwijkingen.length ? ", met de afwijkingen hieronder" : ""}.`
            : null}
        </Paragraph>
        {afwijkingen.length === 0 ? <Paragraph>Geen afwijkingen: het kader geldt zoals het is.</Paragraph> : null}
        <ol className="kader-reasons" aria-label={`Afwijkingen van kader ${nr}`}>
          {afwijkingen.map((a, j) => {
            const tekstId = afwId(part, j, "tekst");
            const critId = afwId(part, j, "crit");
            const err = errors[tekstId];
            const critErr = errors[critId];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: deviations are positional in the draft
              <li key={j} data-testid="afwijking">
                <SelectField
                  id={critId}
                  label={`Afwijking ${j + 1} geldt voor`}
                  all="Het hele kader"
                  disabled={!editable}
                  error={critErr}
                  value={a.criterium ?? ""}
                  onChange={(v) => setAt(j, { criterium: v || null })}
                  options={[
                    ...(a.criterium && !criteria.some((c) => c.id === a.criterium) ? [[a.criterium, a.criterium] as [string, string]] : []),
                    ...criteria.map((c): [string, string] => [c.id, `${c.id}: ${short(c.tekst)}`]),
                  ]}
                />
                <FormField
                  invalid={!!err}
                  label={<FormLabel htmlFor={tekstId}>{`Afwijking ${j + 1}: tekst`}</FormLabel>}
                  description={<span id={`${tekstId}-hint`}>Wat geldt in plaats van (of naast) het kader; hoogstens 2000 tekens</span>}
                  errorMessage={err ? <FormFieldErrorMessage id={`${tekstId}-error`}>{err}</FormFieldErrorMessage> : undefined}
                  input={
                    <Textarea
                      id={tekstId}
                      disabled={!editable}
                      invalid={!!err}
                      maxLength={2000}
                      aria-describedby={`${tekstId}-hint${err ? ` ${tekstId}-error` : ""}`}
                      value={a.tekst}
                      onChange={(e) => setAt(j, { tekst: e.target.value })}
                    />
                  }
                />
                {editable ? (
                  <Button appearance="subtle-button" aria-label={`Afwijking ${j + 1} van kader ${nr} verwijderen`} onClick={() => remove(j)}>
                    Afwijking {j + 1} verwijderen
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ol>
        {editable ? (
          <div className="kader-actions">
            <Button id={`c-kader-${part}-add`} appearance="secondary-action-button" aria-label={`Afwijking toevoegen aan kader ${nr}`} onClick={add}>
              Afwijking toevoegen
            </Button>
            <Button appearance="subtle-button" aria-label={`Kader verwijderen: ${title}`} onClick={onRemove}>
              Kader verwijderen
            </Button>
          </div>
        ) : null}
      </Fieldset>
    </div>
  );
}

/** Whole frameworks by reference: add one (lapsed ones warned about), and per framework its deviations. */
export function FrameworkParts({
  parts,
  frameworks,
  editable,
  errors,
  onAdd,
  onChange,
  onRemove,
  focusLater,
}: {
  parts: { index: number; kader: number; afwijkingen: Afwijking[] }[];
  frameworks: FrameworkItem[];
  editable: boolean;
  errors: Record<string, string>;
  onAdd: (nr: number) => void;
  onChange: (index: number, a: Afwijking[]) => void;
  onRemove: (index: number) => void;
  focusLater: (id: string) => void;
}) {
  const [kader, setKader] = useState("");
  const [error, setError] = useState("");
  const chosen = frameworks.find((f) => String(f.nr) === kader);
  const available = frameworks.filter((f) => !parts.some((p) => p.kader === f.nr));
  const add = () => {
    if (!chosen) {
      setError("Kies eerst een kwaliteitskader.");
      focusLater("c-kader");
      return;
    }
    setError("");
    onAdd(chosen.nr);
    setKader("");
  };
  return (
    <>
      {parts.length === 0 ? <Paragraph>Nog geen hele kaders opgenomen.</Paragraph> : null}
      {parts.map((p) => (
        <FrameworkPart
          key={`${p.index}.${p.kader}`}
          part={p.index}
          nr={p.kader}
          framework={frameworks.find((f) => f.nr === p.kader)}
          afwijkingen={p.afwijkingen}
          editable={editable}
          errors={errors}
          onChange={(a) => onChange(p.index, a)}
          onRemove={() => onRemove(p.index)}
          focusLater={focusLater}
        />
      ))}
      {editable ? (
        <>
          <div className="kader-np-add">
            <SelectField
              id="c-kader"
              label="Heel kwaliteitskader"
              all="Kies een kader"
              error={error}
              value={kader}
              onChange={(v) => {
                setKader(v);
                setError("");
              }}
              options={frameworkOptions(available)}
            />
            <Button appearance="secondary-action-button" onClick={add}>
              Kader toevoegen
            </Button>
          </div>
          {chosen?.waarschuwing ? <KwaliteitWaarschuwing>{chosen.waarschuwing}</KwaliteitWaarschuwing> : null}
          {available.length === 0 ? (
            <Alert type="info">
              <Paragraph>Alle kaders zijn opgenomen.</Paragraph>
            </Alert>
          ) : null}
        </>
      ) : null}
    </>
  );
}
