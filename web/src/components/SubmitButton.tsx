/**
 * `SubmitButton`: the primary button of a form that shows its work is under way.
 *
 *   <SubmitButton busy={save.busy} busyLabel="Bezig met opslaan…">Opslaan</SubmitButton>
 *
 * While `busy` the button is marked busy (aria-busy) and disabled, and shows `busyLabel` when given (otherwise its
 * own text). `type` is "submit" unless given; `onClick` for a button outside a form. `disabled` disables it also
 * when not busy; `appearance` defaults to the primary action.
 */
import { Button } from "@utrecht/component-library-react";
import type { ReactNode } from "react";

export function SubmitButton({
  busy,
  busyLabel,
  disabled,
  children,
  type = "submit",
  appearance = "primary-action-button",
  onClick,
}: {
  busy: boolean;
  busyLabel?: ReactNode;
  disabled?: boolean;
  children: ReactNode;
  type?: "submit" | "button";
  appearance?: "primary-action-button" | "secondary-action-button" | "subtle-button";
  onClick?: () => void;
}) {
  return (
    <Button type={type} appearance={appearance} busy={busy} disabled={busy || disabled} onClick={onClick}>
      {busy && busyLabel ? busyLabel : children}
    </Button>
  );
}
