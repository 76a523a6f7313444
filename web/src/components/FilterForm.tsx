/**
 * `FilterForm`: the form above a list or report that sets its filters; submitting puts them in the address.
 *
 *   <FilterForm label="Werklijst filteren" onSubmit={submit}>
 *     <SelectField id="wl-soort" label="Soort termijn" ... />
 *   </FilterForm>
 *
 * The fields stand side by side (`kader-filters`), the submit button ("Tonen" unless `submitLabel` says otherwise)
 * and any `actions` (e.g. a link that clears the filters) below them. `label` names the form for screen readers (leave
 * it out when a named `<search>` around the form already does).
 */
import { Button } from "@utrecht/component-library-react";
import type { FormEvent, ReactNode } from "react";

export function FilterForm({
  label,
  onSubmit,
  submitLabel = "Tonen",
  actions,
  children,
}: {
  label?: string;
  onSubmit: (e: FormEvent) => void;
  submitLabel?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form className="kader-search-form" onSubmit={onSubmit} aria-label={label}>
      <div className="kader-filters">{children}</div>
      <div className="kader-actions">
        <Button type="submit" appearance="primary-action-button">
          {submitLabel}
        </Button>
        {actions}
      </div>
    </form>
  );
}
