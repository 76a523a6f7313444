import { ButtonLink } from "@utrecht/component-library-react";
import { API } from "../lib/api.ts";

/** Download every product in force today: Excel and CSV (one row per product) and the open JSON format. */
export function ExportLinks() {
  return (
    <div className="kader-actions">
      <ButtonLink appearance="secondary-action-button" href={`${API}/export?format=xlsx`} download="kader-producten.xlsx">
        Download Excel (.xlsx)
      </ButtonLink>
      <ButtonLink appearance="secondary-action-button" href={`${API}/export?format=csv`} download="kader-producten.csv">
        Download CSV
      </ButtonLink>
      <ButtonLink appearance="secondary-action-button" href={`${API}/export?format=json`} download="kader-productenboeken.json">
        Download JSON (kader.productenboek/v1)
      </ButtonLink>
    </div>
  );
}
