/**
 * `UploadField`: a labelled file input bound to a `useUpload` (web/src/lib/upload.ts).
 *
 *   const up = useUpload({ inputId: "msg-file", send, onDone });
 *   <form onSubmit={up.submit} noValidate>
 *     <UploadField id="msg-file" label="Bericht (.xml)" accept=".xml,application/xml" upload={up} />
 *     <SubmitButton busy={up.busy} busyLabel="Bezig met verwerken…">Aanleveren en verwerken</SubmitButton>
 *   </form>
 *
 * The label is bound to the input, the hint (`<id>-hint`) and the file's error (`<id>-error`, e.g. "Kies een
 * bestand.") are named by aria-describedby, and the input is marked invalid while the error stands. Without
 * `upload`, give `onFile` (a file that goes along with another request) and optionally `error`.
 */
import { FormField, FormFieldErrorMessage, FormLabel } from "@utrecht/component-library-react";
import type { ReactNode } from "react";

export function UploadField({
  id,
  label,
  accept,
  hint,
  name = "bestand",
  required = true,
  upload,
  onFile,
  error,
}: {
  id: string;
  label: ReactNode;
  accept: string;
  hint?: ReactNode;
  name?: string;
  required?: boolean;
  upload?: { setFile: (file: File | null) => void; fileError: string | undefined };
  onFile?: (file: File | null) => void;
  error?: string;
}) {
  const problem = upload ? upload.fileError : error;
  const described = [hint ? `${id}-hint` : "", problem ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <FormField
      invalid={!!problem}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={hint ? <span id={`${id}-hint`}>{hint}</span> : undefined}
      errorMessage={problem ? <FormFieldErrorMessage id={`${id}-error`}>{problem}</FormFieldErrorMessage> : undefined}
      input={
        <input
          id={id}
          name={name}
          type="file"
          className="kader-file"
          accept={accept}
          required={required || undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described}
          onChange={(e) => (upload ? upload.setFile : onFile)?.(e.target.files?.[0] ?? null)}
        />
      }
    />
  );
}
