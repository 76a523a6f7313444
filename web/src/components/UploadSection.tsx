/**
 * `UploadSection`: a whole upload on a page — heading, what to upload, the file field, the button that shows the
 * work is under way, and the outcome (focused when it arrives, so a screen reader reads it).
 *
 *   const up = useUpload({ inputId: "decl-file", send, onDone });
 *   <UploadSection id="decl-upload" heading="Declaratie indienen" upload={up} intro={<Paragraph>…</Paragraph>}
 *     field={{ id: "decl-file", label: "Declaratiebestand (.csv of .json)", accept: ".csv,.json" }}
 *     submitLabel="Declaratie indienen" busyLabel="Bezig met indienen…" outcomeTestId="upload-outcome"
 *     failed={(file) => `${file} is niet ingediend`}
 *     ok={(answers, file) => <Paragraph role="status">{file}: …</Paragraph>} />
 *
 * A refused upload shows its problem+json with ProblemAlert under the heading `failed(file)`; an accepted one shows
 * `ok(answer, file)`. The section is named by its heading (`<id>-h`).
 */
import { Heading } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import type { Upload } from "../lib/upload.ts";
import { ProblemAlert } from "./ProblemAlert.tsx";
import { SubmitButton } from "./SubmitButton.tsx";
import { UploadField } from "./UploadField.tsx";

export function UploadSection<T>({
  id,
  heading,
  intro,
  upload,
  field,
  submitLabel,
  busyLabel,
  outcomeTestId,
  failed,
  ok,
}: {
  id: string;
  heading: string;
  intro?: ReactNode;
  upload: Upload<T>;
  field: { id: string; label: string; accept: string; hint?: string };
  submitLabel: string;
  busyLabel: string;
  outcomeTestId: string;
  failed: (file: string) => string;
  ok: (answer: T, file: string) => ReactNode;
}) {
  const outcome = upload.outcome;
  return (
    <section aria-labelledby={`${id}-h`}>
      <Heading level={2} id={`${id}-h`}>
        {heading}
      </Heading>
      {intro}
      <form className="kader-search-form" onSubmit={upload.submit} noValidate aria-labelledby={`${id}-h`}>
        <UploadField {...field} upload={upload} />
        <SubmitButton busy={upload.busy} busyLabel={busyLabel}>
          {submitLabel}
        </SubmitButton>
      </form>
      <div ref={upload.outcomeRef} tabIndex={-1} className="kader-outcome" data-testid={outcomeTestId}>
        {outcome && "error" in outcome ? <ProblemAlert error={outcome.error} heading={failed(outcome.file)} /> : null}
        {outcome && "ok" in outcome ? ok(outcome.ok, outcome.file) : null}
      </div>
    </section>
  );
}
