/**
 * `TextField`: one labelled text box with an optional hint and error — the field every form of the web app uses.
 *
 *   <TextField id="nc-bsn" label="BSN" value={bsn} onChange={setBsn} hint="9 cijfers" error={errors.bsn} inputMode="numeric" required />
 *
 * The label is bound to the box (htmlFor), the hint and the error are named by aria-describedby (`<id>-hint`,
 * `<id>-error`), and an error marks the box invalid. `onChange` gets the text, not the event. `autoComplete` is
 * "off" unless given. `invalid` marks the box wrong without an error text under it (the error is shown elsewhere).
 */
import { FormField, FormFieldErrorMessage, FormLabel, Textbox } from "@utrecht/component-library-react";
import type { KeyboardEvent, ReactNode } from "react";

export interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  hint?: ReactNode;
  invalid?: boolean;
  name?: string;
  type?: string;
  inputMode?: "numeric" | "decimal" | "text" | "email" | "tel" | "search" | "url";
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  pattern?: string;
  placeholder?: string;
  spellCheck?: boolean;
  autoCapitalize?: string;
  disabled?: boolean;
  className?: string;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
}

export function TextField({ id, label, value, onChange, error, hint, invalid, autoComplete = "off", ...input }: TextFieldProps) {
  const wrong = !!error || !!invalid;
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <FormField
      invalid={wrong}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={hint ? <span id={`${id}-hint`}>{hint}</span> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : undefined}
      input={
        <Textbox
          id={id}
          {...input}
          autoComplete={autoComplete}
          invalid={wrong}
          aria-describedby={described}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      }
    />
  );
}
