import { Paragraph, StatusBadge } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useState } from "react";
import { CareGate, count } from "../components/CareBits.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { FilterForm } from "../components/FilterForm.tsx";
import { LineRef } from "../components/Notes.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { SelectField } from "../components/SelectField.tsx";
import { qs, useApi } from "../lib/api.ts";
import { careRoles, deadlineKindLabel, formatDay, wetLabel } from "../lib/care-labels.ts";
import type { DeadlineKind, WorkItem } from "../lib/care-types.ts";
import { navigate, RouterLink, useLocation } from "../lib/router.tsx";

const kinds = Object.keys(deadlineKindLabel) as DeadlineKind[];

/** The work list: every open deadline of the visible toewijzingen, earliest first; overdue ones marked. */
export function WerklijstPage() {
  return (
    <>
      <PageHeading title="Werklijst">Werklijst</PageHeading>
      <Paragraph className="kader-lead">
        Termijnen van de toewijzingen: start en stop melden binnen 5 werkdagen, zorg starten binnen de responstijd van het product, plannen opstellen en
        evaluaties, zoals het productenboek ze noemt. De vroegste staat bovenaan.
      </Paragraph>
      <CareGate roles={careRoles} what="de werklijst">
        <Worklist />
      </CareGate>
    </>
  );
}

const columns: Column<WorkItem>[] = [
  {
    header: "Uiterlijk",
    rowHeader: true,
    cell: (i) => (
      <>
        {formatDay(i.due)}
        {i.overdue ? (
          <>
            {" "}
            <StatusBadge status="danger">verlopen</StatusBadge>
          </>
        ) : null}
      </>
    ),
  },
  { header: "Soort", cell: (i) => deadlineKindLabel[i.kind] ?? i.kind },
  {
    header: "Wat",
    cell: (i) => (
      <>
        {i.text}
        <br />
        <span className="kader-muted">
          <q>{i.source.asWritten}</q> <LineRef line={i.source.line} />
        </span>
      </>
    ),
  },
  {
    header: "Toewijzing",
    cell: (i) => (
      <>
        <span className="kader-code">{i.toewijzingnummer}</span> <span className="kader-muted">({wetLabel[i.wet] ?? i.wet})</span>
      </>
    ),
  },
  { header: "Product", cell: (i) => i.productNaam },
  { header: "Aanbieder", cell: (i) => <span className="kader-code">{i.agbCode}</span> },
  {
    header: "Cliënt",
    cell: (i) => (
      <RouterLink href={`/clienten/${i.clientId}`}>
        cliënt {i.clientId}
        <span className="kader-visually-hidden"> (toewijzing {i.toewijzingnummer})</span>
      </RouterLink>
    ),
  },
];

function Worklist() {
  const { search } = useLocation();
  const applied = search.get("soort") ?? "";
  const overdueOnly = search.get("verlopen") === "ja";
  const [kind, setKind] = useState(applied);
  const [late, setLate] = useState(overdueOnly ? "ja" : "");
  useEffect(() => setKind(applied), [applied]);
  useEffect(() => setLate(overdueOnly ? "ja" : ""), [overdueOnly]);
  const list = useApi<{ items: WorkItem[] }>("/werklijst", { cached: false });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/werklijst${qs({ soort: kind, verlopen: late })}`);
  };

  const all = list.state === "ok" ? list.data.items : [];
  const items = all.filter((i) => (!applied || i.kind === applied) && (!overdueOnly || i.overdue));
  const overdue = items.filter((i) => i.overdue).length;

  return (
    <>
      <FilterForm label="Werklijst filteren" onSubmit={submit}>
        <SelectField
          id="wl-soort"
          name="soort"
          label="Soort termijn"
          value={kind}
          onChange={setKind}
          all="Alle soorten"
          options={kinds.map((k) => [k, deadlineKindLabel[k]] as const)}
        />
        <SelectField
          id="wl-verlopen"
          name="verlopen"
          label="Termijn"
          value={late}
          onChange={setLate}
          all="Alle termijnen"
          options={[["ja", "Alleen verlopen"]]}
        />
      </FilterForm>
      {list.state === "loading" ? <Loading what="De werklijst" /> : null}
      {list.state === "error" ? <ProblemAlert error={list.error} heading="De werklijst kon niet worden geladen" /> : null}
      {list.state === "ok" ? (
        <>
          <Paragraph role="status" data-testid="worklist-count">
            {items.length === 0
              ? "Geen open termijnen."
              : `${count(items.length, "termijn", "termijnen")}${applied ? ` (${deadlineKindLabel[applied as DeadlineKind] ?? applied})` : ""}, waarvan ${overdue} verlopen.`}
          </Paragraph>
          {items.length ? (
            <DataTable
              label="Werklijst"
              testId="worklist"
              caption="Open termijnen, vroegste eerst; verlopen termijnen zijn gemarkeerd"
              columns={columns}
              rows={items}
              // one toewijzing can have two deadlines of a kind on a date: the index keeps the keys apart
              rowKey={(i, n) => `${i.gemeentecode}-${i.wet}-${i.toewijzingnummer}-${i.kind}-${i.due}-${n}`}
              rowProps={(i) => ({ className: i.overdue ? "kader-fails" : undefined, "data-overdue": i.overdue })}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
