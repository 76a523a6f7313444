import { Button, FormField, FormLabel, Paragraph, Textbox } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useState } from "react";
import { ComplianceGate, Expiry } from "../components/Compliance.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { qs, useApi } from "../lib/api.ts";
import { evidenceKindLabel, formatDate } from "../lib/labels.ts";
import { navigate, RouterLink, useLocation } from "../lib/router.tsx";
import type { EvidenceKind, SignalItem } from "../lib/types.ts";

function SignalList({ dagen }: { dagen: string }) {
  const result = useApi<{ items: SignalItem[] }>(`/compliance/signalen${qs({ dagen })}`, { cached: false });
  if (result.state === "loading") return <Loading what="Signalen" />;
  if (result.state === "error") return <ProblemAlert error={result.error} heading="Signalen konden niet worden geladen" />;
  const items = [...result.data.items].sort((a, b) => a.daysLeft - b.daysLeft);
  const expired = items.filter((s) => s.daysLeft < 0).length;
  if (items.length === 0) return <Paragraph data-testid="signal-count">Er verloopt niets binnen {dagen} dagen, en er is niets verlopen.</Paragraph>;
  return (
    <DataTable
      label="Signalen"
      testId="signals"
      captionProps={{ "data-testid": "signal-count" }}
      caption={`${items.length === 1 ? "1 signaal" : `${items.length} signalen`}: verloopt binnen ${dagen} dagen${expired ? `, waarvan ${expired} al verlopen` : ""}; het eerst verlopende bovenaan`}
      columns={[
        { header: "Verloopt op", cell: (s) => formatDate(s.expires) },
        { header: "Nog", cell: (s) => <Expiry days={s.daysLeft} /> },
        { header: "Aanbieder", cell: (s) => <RouterLink href={`/aanbieders/${s.agbCode}`}>{s.aanbieder}</RouterLink> },
        { header: "Betreft", cell: (s) => s.subject },
        { header: "Bewijs", cell: (s) => evidenceKindLabel[s.evidence as EvidenceKind] ?? s.evidence },
      ]}
      rows={items}
      // signals have no id
      rowKey={(_, i) => i}
      rowProps={(s) => ({ className: s.daysLeft < 0 ? "kader-fails" : undefined })}
    />
  );
}

export function SignalenPage() {
  const { search } = useLocation();
  const dagen = search.get("dagen") ?? "60";
  const [form, setForm] = useState(dagen);
  useEffect(() => setForm(dagen), [dagen]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/signalen${qs({ dagen: form.trim() || "60" })}`);
  };
  return (
    <>
      <PageHeading title="Signalen">Signalen</PageHeading>
      <ComplianceGate>
        <Paragraph className="kader-lead">
          Bewijs dat binnenkort verloopt of al verlopen is: VOG's (drie jaar geldig), beroepsregistraties en de bewijsstukken van aanbieders.
        </Paragraph>
        <form className="kader-search-form" onSubmit={submit} aria-label="Signalen instellen">
          <div className="kader-search-row">
            <FormField
              label={<FormLabel htmlFor="signalen-dagen">Verloopt binnen (dagen)</FormLabel>}
              description={<span id="signalen-dagen-hint">0 tot 3650; verlopen bewijs staat er altijd bij</span>}
              input={
                <Textbox
                  id="signalen-dagen"
                  name="dagen"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={3650}
                  aria-describedby="signalen-dagen-hint"
                  value={form}
                  onChange={(e) => setForm(e.target.value)}
                />
              }
            />
            <Button type="submit" appearance="primary-action-button">
              Tonen
            </Button>
          </div>
        </form>
        <SignalList dagen={dagen} />
      </ComplianceGate>
    </>
  );
}
