/**
 * `SelectField`: one labelled choice list (a filter or a form field) with an optional hint and error.
 *
 *   <SelectField id="conv-f-sort" label="Sorteren op" value={sortBy} onChange={setSortBy}
 *     options={[["aanbieder", "Aanbieder"], ["toewijzing", "Toewijzingnummer"]]} />
 *
 * `options` are [value, text] pairs in their order; `all` puts a first option with the value "" (e.g. "Alle
 * aanbieders"). The label is bound to the list, the hint and the error are named by aria-describedby (`<id>-hint`,
 * `<id>-error`). `onChange` gets the chosen value (typed as the options' values).
 */
import { FormField, FormFieldErrorMessage, FormLabel, Select, SelectOption } from "@utrecht/component-library-react";
import type { ReactNode } from "react";

export function SelectField<V extends string>({
  id,
  label,
  value,
  onChange,
  options,
  all,
  hint,
  error,
  name,
  disabled,
  required,
}: {
  id: string;
  label: ReactNode;
  value: V | "";
  onChange: (value: V) => void;
  options: readonly (readonly [V, string])[];
  all?: string;
  hint?: ReactNode;
  error?: string | null;
  name?: string;
  disabled?: boolean;
  required?: boolean;
}) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <FormField
      invalid={!!error}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={hint ? <span id={`${id}-hint`}>{hint}</span> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : undefined}
      input={
        <Select
          id={id}
          name={name}
          disabled={disabled}
          required={required}
          invalid={!!error || undefined}
          aria-describedby={described}
          value={value}
          onChange={(e) => onChange(e.target.value as V)}
        >
          {all !== undefined ? <SelectOption value="">{all}</SelectOption> : null}
          {options.map(([v, text]) => (
            <SelectOption key={v} value={v}>
              {text}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
}
