import { FormField, FormFieldErrorMessage, FormLabel, Textarea } from "@utrecht/component-library-react";

/** The motivation for issuing a beschikking where the document leaves a professional judgement; required then. */
export function Motivation({
  uid,
  required,
  value,
  onChange,
  error,
}: {
  uid: string;
  required: boolean;
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
}) {
  if (!required && !value) return null;
  return (
    <FormField
      invalid={!!error}
      label={<FormLabel htmlFor={`${uid}-motivering`}>Motivering van de afwijking{required ? " (verplicht)" : ""}</FormLabel>}
      description={
        <span id={`${uid}-motivering-hint`}>
          Het document laat hier een professioneel oordeel. Leg uit waarom u de beschikking toch afgeeft (minstens 10 tekens); de motivering wordt bij de
          beschikking vastgelegd.
        </span>
      }
      errorMessage={error ? <FormFieldErrorMessage id={`${uid}-motivering-error`}>{error}</FormFieldErrorMessage> : undefined}
      input={
        <Textarea
          id={`${uid}-motivering`}
          rows={3}
          required={required}
          invalid={!!error}
          maxLength={2000}
          aria-describedby={`${uid}-motivering-hint${error ? ` ${uid}-motivering-error` : ""}`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      }
    />
  );
}
