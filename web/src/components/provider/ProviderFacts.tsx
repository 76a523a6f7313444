import { Alert, DataList, DataListItem, DataListKey, DataListValue, Paragraph } from "@utrecht/component-library-react";
import { RouterLink } from "../../lib/router.tsx";
import type { Provider, Signal } from "../../lib/types.ts";

export function ProviderFacts({ p, staff }: { p: Provider; staff: number }) {
  return (
    <DataList className="kader-facts">
      <DataListItem>
        <DataListKey>AGB-code</DataListKey>
        <DataListValue>
          <span className="kader-code">{p.agbCode}</span>
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>KvK-nummer</DataListKey>
        <DataListValue>{p.kvk ? <span className="kader-code">{p.kvk}</span> : <span className="kader-muted">niet bekend</span>}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Gecontracteerd door</DataListKey>
        <DataListValue>
          {p.gemeentecodes.length ? p.gemeentecodes.map((g) => `gemeente ${g}`).join(", ") : <span className="kader-muted">geen gemeente bekend</span>}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Medewerkers</DataListKey>
        <DataListValue>{staff}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Bewijsstukken</DataListKey>
        <DataListValue>{p.evidence.length}</DataListValue>
      </DataListItem>
    </DataList>
  );
}

/** A warning when evidence of the provider or its staff expires within 60 days or has expired. */
export function SignalsAlert({ signalen }: { signalen: Signal[] }) {
  if (!signalen.length) return null;
  return (
    <Alert type="warning">
      <Paragraph>
        {signalen.length === 1 ? "1 bewijsstuk verloopt" : `${signalen.length} bewijsstukken verlopen`} binnen 60 dagen of{" "}
        {signalen.length === 1 ? "is" : "zijn"} al verlopen; zie de medewerkers en bewijsstukken hieronder en{" "}
        <RouterLink href="/signalen">alle signalen</RouterLink>.
      </Paragraph>
    </Alert>
  );
}
