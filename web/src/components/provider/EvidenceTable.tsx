import { Button } from "@utrecht/component-library-react";
import { evidenceKindLabel, formatDate } from "../../lib/labels.ts";
import type { Evidence, Signal } from "../../lib/types.ts";
import { type Column, DataTable } from "../DataTable.tsx";
import { ExpiryNote, signalFor } from "./ExpiryNote.tsx";

/** The provider's evidence as a table; with `canWrite`, each item has a remove button. */
export function EvidenceTable({
  evidence,
  owner,
  signalen,
  canWrite,
  busy,
  onRemove,
}: {
  evidence: Evidence[];
  owner: string;
  signalen: Signal[];
  canWrite: boolean;
  busy: boolean;
  onRemove: (index: number) => void;
}) {
  const columns: Column<Evidence>[] = [
    {
      header: "Soort",
      rowHeader: true,
      cell: (ev) => (
        <>
          {evidenceKindLabel[ev.kind] ?? ev.kind}
          <ExpiryNote signal={signalFor(signalen, owner, ev.kind)} />
        </>
      ),
    },
    { header: "Datum", cell: (ev) => formatDate(ev.date) },
    { header: "Geldig tot", cell: (ev) => (ev.validUntil ? formatDate(ev.validUntil) : <span className="kader-muted">geen einddatum</span>) },
    { header: "Geldt voor", cell: (ev) => (ev.scope.includes("*") ? "hele organisatie" : ev.scope.join(", ")) },
    { header: "Omschrijving", cell: (ev) => ev.description ?? <span className="kader-muted">geen</span> },
    {
      header: <span className="kader-visually-hidden">Acties</span>,
      hidden: !canWrite,
      cell: (ev, i) => (
        <Button appearance="subtle-button" disabled={busy} onClick={() => onRemove(i)}>
          Verwijderen
          <span className="kader-visually-hidden">
            {" "}
            ({evidenceKindLabel[ev.kind]}, {formatDate(ev.date)})
          </span>
        </Button>
      ),
    },
  ];
  return (
    <DataTable
      label="Bewijsstukken"
      testId="evidence"
      caption={evidence.length === 1 ? "1 bewijsstuk" : `${evidence.length} bewijsstukken`}
      columns={columns}
      rows={evidence}
      rowKey={(_, i) => i}
    />
  );
}
