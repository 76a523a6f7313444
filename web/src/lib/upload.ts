/**
 * `useUpload`: choosing a file, sending it, and the outcome — the one upload handler of the web app.
 *
 *   const up = useUpload({ inputId: "decl-file", send: (file) => call("POST /api/v1/declaraties", { raw: { body: file, type } }), onDone });
 *   <form onSubmit={up.submit} noValidate>
 *     <UploadField id="decl-file" label="Declaratiebestand (.csv of .json)" accept=".csv,.json" upload={up} />
 *     <SubmitButton busy={up.busy} busyLabel="Bezig met indienen…">Declaratie indienen</SubmitButton>
 *   </form>
 *   <div ref={up.outcomeRef} tabIndex={-1}>{up.outcome && "error" in up.outcome ? <ProblemAlert error={up.outcome.error} /> : null}</div>
 *
 * `submit` checks the file (`check`; by default "Kies een bestand." when none is chosen) and the form's other fields
 * (`checkOthers`: sets their errors and returns the id of the first wrong field, or null); on a problem focus goes
 * to the first wrong field and nothing is sent. Otherwise `send` runs (`busy` meanwhile); its answer or its error
 * becomes `outcome` ({ file, ok } or { file, error }) and focus moves to the element behind `outcomeRef`, so a
 * screen reader reads the result. `onDone` runs after a successful upload (e.g. to reload a list).
 */
import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import { type ApiError, toApiError } from "./api.ts";

export type UploadOutcome<T> = { file: string } & ({ ok: T } | { error: ApiError });

export interface UploadOptions<T> {
  /** the file input's id: focus goes there when the file is missing or wrong */
  inputId: string;
  send: (file: File) => Promise<T>;
  onDone?: (ok: T, file: File) => void;
  /** the file's problem (shown under the field), or undefined when it may be sent */
  check?: (file: File | null) => string | undefined;
  /** checks the form's other fields: the id of the first wrong one, or null when all are right */
  checkOthers?: () => string | null;
  /** clear the last outcome when a new upload starts (default: it stays until the new one is in) */
  clearBeforeSend?: boolean;
}

export interface Upload<T> {
  file: File | null;
  setFile: (file: File | null) => void;
  /** the problem with the chosen file (after a submit), shown by UploadField */
  fileError: string | undefined;
  busy: boolean;
  outcome: UploadOutcome<T> | null;
  outcomeRef: RefObject<HTMLDivElement | null>;
  submit: (e: FormEvent) => Promise<void>;
}

export const chooseFile = (file: File | null) => (file ? undefined : "Kies een bestand.");

export function useUpload<T>(opts: UploadOptions<T>): Upload<T> {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<UploadOutcome<T> | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = (opts.check ?? chooseFile)(file);
    setFileError(problem);
    const other = opts.checkOthers ? opts.checkOthers() : null;
    if (other || problem || !file) {
      document.getElementById(other ?? opts.inputId)?.focus();
      return;
    }
    setBusy(true);
    if (opts.clearBeforeSend) setOutcome(null);
    try {
      const ok = await opts.send(file);
      setOutcome({ file: file.name, ok });
      opts.onDone?.(ok, file);
    } catch (x) {
      setOutcome({ file: file.name, error: toApiError(x) });
    } finally {
      setBusy(false);
    }
  };

  return { file, setFile, fileError, busy, outcome, outcomeRef, submit };
}
