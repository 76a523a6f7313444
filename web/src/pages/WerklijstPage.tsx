import {
  Button,
  FormField,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useState } from "react";
import { CareGate, count } from "../components/CareBits.tsx";
import { LineRef } from "../components/Notes.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
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
      <form className="kader-search-form" onSubmit={submit} aria-label="Werklijst filteren">
        <div className="kader-filters">
          <FormField
            label={<FormLabel htmlFor="wl-soort">Soort termijn</FormLabel>}
            input={
              <Select id="wl-soort" name="soort" value={kind} onChange={(e) => setKind(e.target.value)}>
                <SelectOption value="">Alle soorten</SelectOption>
                {kinds.map((k) => (
                  <SelectOption key={k} value={k}>
                    {deadlineKindLabel[k]}
                  </SelectOption>
                ))}
              </Select>
            }
          />
          <FormField
            label={<FormLabel htmlFor="wl-verlopen">Termijn</FormLabel>}
            input={
              <Select id="wl-verlopen" name="verlopen" value={late} onChange={(e) => setLate(e.target.value)}>
                <SelectOption value="">Alle termijnen</SelectOption>
                <SelectOption value="ja">Alleen verlopen</SelectOption>
              </Select>
            }
          />
        </div>
        <div className="kader-actions">
          <Button type="submit" appearance="primary-action-button">
            Tonen
          </Button>
        </div>
      </form>
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
            <TableWrap label="Werklijst">
              <Table className="kader-table" data-testid="worklist">
                <TableCaption>Open termijnen, vroegste eerst; verlopen termijnen zijn gemarkeerd</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Uiterlijk</TableHeaderCell>
                    <TableHeaderCell scope="col">Soort</TableHeaderCell>
                    <TableHeaderCell scope="col">Wat</TableHeaderCell>
                    <TableHeaderCell scope="col">Toewijzing</TableHeaderCell>
                    <TableHeaderCell scope="col">Product</TableHeaderCell>
                    <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                    <TableHeaderCell scope="col">Cliënt</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {items.map((i, n) => (
                    <TableRow
                      // biome-ignore lint/suspicious/noArrayIndexKey: one toewijzing can have two deadlines of a kind on a date
                      key={`${i.gemeentecode}-${i.wet}-${i.toewijzingnummer}-${i.kind}-${i.due}-${n}`}
                      className={i.overdue ? "kader-fails" : undefined}
                      data-overdue={i.overdue}
                    >
                      <TableHeaderCell scope="row">
                        {formatDay(i.due)}
                        {i.overdue ? (
                          <>
                            {" "}
                            <StatusBadge status="danger">verlopen</StatusBadge>
                          </>
                        ) : null}
                      </TableHeaderCell>
                      <TableCell>{deadlineKindLabel[i.kind] ?? i.kind}</TableCell>
                      <TableCell>
                        {i.text}
                        <br />
                        <span className="kader-muted">
                          <q>{i.source.asWritten}</q> <LineRef line={i.source.line} />
                        </span>
                      </TableCell>
                      <TableCell>
                        <span className="kader-code">{i.toewijzingnummer}</span> <span className="kader-muted">({wetLabel[i.wet] ?? i.wet})</span>
                      </TableCell>
                      <TableCell>{i.productNaam}</TableCell>
                      <TableCell>
                        <span className="kader-code">{i.agbCode}</span>
                      </TableCell>
                      <TableCell>
                        <RouterLink href={`/clienten/${i.clientId}`}>
                          cliënt {i.clientId}
                          <span className="kader-visually-hidden"> (toewijzing {i.toewijzingnummer})</span>
                        </RouterLink>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableWrap>
          ) : null}
        </>
      ) : null}
    </>
  );
}
