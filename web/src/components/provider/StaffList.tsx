import { Paragraph } from "@utrecht/component-library-react";
import { formatDate, levelLabel, staffKindLabel } from "../../lib/labels.ts";
import type { ProviderDetail, Signal } from "../../lib/types.ts";
import { type Column, DataTable } from "../DataTable.tsx";
import { ExpiryNote, signalFor } from "./ExpiryNote.tsx";

type Staff = ProviderDetail["staff"][number];
/** A staff member with the signals about their VOG and registration. */
type StaffRow = { s: Staff; vog: Signal | undefined; regSignal: Signal | undefined };

const columns: Column<StaffRow>[] = [
  { header: "Naam", rowHeader: true, cell: ({ s }) => s.name },
  {
    header: "Opleiding",
    cell: ({ s }) => (
      <>
        {levelLabel(s.level)}
        {s.careRelated ? null : <span className="kader-muted"> (niet zorggerelateerd)</span>}
        {s.workingLevel ? <span className="kader-muted">; werk- en denkniveau {levelLabel(s.workingLevel)}</span> : null}
      </>
    ),
  },
  { header: "Soort", cell: ({ s }) => staffKindLabel[s.kind] ?? s.kind },
  { header: "Rol", cell: ({ s }) => s.role },
  {
    header: "Registratie",
    cell: ({ s: { registration: reg }, regSignal }) =>
      reg ? (
        <>
          {reg.register} <span className="kader-code">{reg.number}</span>
          <br />
          {reg.validUntil ? `geldig tot ${formatDate(reg.validUntil)}` : <span className="kader-muted">geen einddatum</span>}
          <ExpiryNote signal={regSignal} />
        </>
      ) : (
        <span className="kader-muted">geen</span>
      ),
  },
  {
    header: "VOG",
    cell: ({ s, vog }) => (
      <>
        {s.vogDate ? formatDate(s.vogDate) : <span className="kader-muted">niet bekend</span>}
        <ExpiryNote signal={vog} />
      </>
    ),
  },
  {
    header: "Producten",
    cell: ({ s }) =>
      s.products.map((k, j) => (
        <span key={k}>
          {j > 0 ? ", " : null}
          <span className="kader-code">{k}</span>
        </span>
      )),
  },
];

/** The staff as read from the personeelsbestand, with expiring registrations and VOGs marked. */
export function StaffList({ detail }: { detail: ProviderDetail }) {
  const { staff, signalen } = detail;
  if (staff.length === 0) return <Paragraph>Er is nog geen personeelsbestand ingelezen.</Paragraph>;
  const rows = staff.map((s): StaffRow => {
    const reg = s.registration;
    return {
      s,
      vog: signalFor(signalen, s.name, "VOG"),
      regSignal: reg ? signalFor(signalen, s.name, `registratie ${reg.register} ${reg.number}`) : undefined,
    };
  });
  return (
    <DataTable
      label="Medewerkers"
      testId="staff"
      caption={`${staff.length === 1 ? "1 medewerker" : `${staff.length} medewerkers`}; bewijs dat binnen 60 dagen verloopt of verlopen is, staat erbij`}
      columns={columns}
      rows={rows}
      rowKey={(_, i) => i}
      rowProps={({ vog, regSignal }) => ({ className: vog || regSignal ? "kader-expiring" : undefined })}
    />
  );
}
