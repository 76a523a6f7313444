import { Heading, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useAction } from "../lib/action.ts";
import { request, useApi } from "../lib/api.ts";
import {
  eventDateLabel,
  eventLabel,
  eventPast,
  eventRoles,
  formatDay,
  needsReden,
  redenenWijziging,
  redenWijzigingLabel,
  transitions,
} from "../lib/care-labels.ts";
import type { RedenWijziging, Toewijzing, ToewijzingEvent, ToewijzingHistory } from "../lib/care-types.ts";
import type { Role } from "../lib/types.ts";
import { type Column, DataTable } from "./DataTable.tsx";
import { Loading, ProblemAlert } from "./ProblemAlert.tsx";
import { SelectField } from "./SelectField.tsx";
import { SubmitButton } from "./SubmitButton.tsx";
import { TextField } from "./TextField.tsx";

export const toewijzingPath = (t: Pick<Toewijzing, "gemeentecode" | "wet" | "toewijzingnummer">) =>
  `/toewijzingen/${encodeURIComponent(t.gemeentecode)}/${encodeURIComponent(t.wet)}/${encodeURIComponent(t.toewijzingnummer)}`;

/** The events this role may report on a toewijzing in its current status (lifecycle table × eventRoles). */
export const allowedEvents = (t: Toewijzing, role: Role | undefined): ToewijzingEvent[] =>
  role ? transitions[t.status].filter((e) => eventRoles[e].includes(role)) : [];

const historyColumns: Column<ToewijzingHistory["events"][number]>[] = [
  { header: "Datum", rowHeader: true, cell: (e) => formatDay(e.datum) },
  { header: "Gebeurtenis", cell: (e) => eventPast[e.event] ?? e.event },
  {
    header: "Reden",
    cell: (e) => (e.reden ? `${e.reden} – ${redenWijzigingLabel[e.reden as RedenWijziging] ?? ""}` : <span className="kader-muted">geen</span>),
  },
  { header: "Door", cell: (e) => e.byUser },
  { header: "Vastgelegd", cell: (e) => formatDay(e.recordedAt) },
];

/** A toewijzing's history (GET /toewijzingen/:gemeente/:wet/:nummer) and the lifecycle actions the role may do. */
export function ToewijzingPanel({ t, role, onChanged }: { t: Toewijzing; role: Role | undefined; onChanged: (t: Toewijzing, message: string) => void }) {
  const [reload, setReload] = useState(0);
  const history = useApi<ToewijzingHistory>(toewijzingPath(t), { cached: false, reload });
  const shown = history.state === "ok" ? history.data : history.state === "loading" ? history.previous : undefined;
  const events = allowedEvents(shown?.toewijzing ?? t, role);
  const id = `tw-${t.gemeentecode}-${t.wet}-${t.toewijzingnummer}`;

  return (
    <div className="kader-toewijzing-panel" data-testid="toewijzing-panel">
      {history.state === "loading" && !shown ? <Loading what="De historie" /> : null}
      {history.state === "error" ? <ProblemAlert error={history.error} heading="Historie niet beschikbaar" /> : null}
      {shown ? (
        shown.events.length === 0 ? (
          <Paragraph>Nog geen gebeurtenissen: de toewijzing is afgegeven op {formatDay(shown.toewijzing.toewijzingsdatum)}.</Paragraph>
        ) : (
          <DataTable
            label={`Historie van toewijzing ${t.toewijzingnummer}`}
            testId="history"
            caption={`Historie van toewijzing ${t.toewijzingnummer}`}
            columns={historyColumns}
            rows={shown.events}
            // the history is append-only and replaced as a whole
            rowKey={(_, i) => i}
          />
        )
      ) : null}
      {events.length ? (
        <EventForm
          id={id}
          t={shown?.toewijzing ?? t}
          events={events}
          onDone={(next, message) => {
            setReload((n) => n + 1);
            onChanged(next, message);
          }}
        />
      ) : role === "controller" ? null : (
        <Paragraph className="kader-muted">Bij deze status kunt u geen wijziging melden.</Paragraph>
      )}
    </div>
  );
}

function EventForm({ id, t, events, onDone }: { id: string; t: Toewijzing; events: ToewijzingEvent[]; onDone: (t: Toewijzing, message: string) => void }) {
  const [event, setEvent] = useState<ToewijzingEvent>(events[0]!);
  const [datum, setDatum] = useState("");
  const [reden, setReden] = useState<RedenWijziging | "">("");
  const [errors, setErrors] = useState<{ datum?: string; reden?: string }>({});
  const report = useAction();
  const { error, busy } = report;
  const errorRef = useRef<HTMLDivElement>(null);
  const current = events.includes(event) ? event : events[0]!;

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    report.setError(null);
    const found: typeof errors = {};
    if (!datum) found.datum = `Vul de ${eventDateLabel[current].toLowerCase()} in.`;
    if (needsReden(current) && !reden) found.reden = "Kies de reden van de wijziging.";
    setErrors(found);
    if (found.datum || found.reden) {
      document.getElementById(found.datum ? `${id}-datum` : `${id}-reden`)?.focus();
      return;
    }
    await report.run(async () => {
      const next = await request<Toewijzing>(`${toewijzingPath(t)}/gebeurtenissen`, {
        method: "POST",
        body: { event: current, datum, ...(needsReden(current) && reden ? { reden } : {}) },
      });
      setDatum("");
      setReden("");
      onDone(next, `Toewijzing ${t.toewijzingnummer}: ${eventPast[current]} per ${formatDay(datum)}.`);
    });
  };

  return (
    <form className="kader-search-form" onSubmit={submit} noValidate aria-labelledby={`${id}-actie-h`} data-testid="event-form">
      <Heading level={4} id={`${id}-actie-h`}>
        Wijziging melden voor toewijzing {t.toewijzingnummer}
      </Heading>
      <div className="kader-filters">
        <SelectField id={`${id}-event`} label="Gebeurtenis" value={current} onChange={setEvent} options={events.map((ev) => [ev, eventLabel[ev]] as const)} />
        <TextField id={`${id}-datum`} type="date" label={eventDateLabel[current]} required error={errors.datum} value={datum} onChange={setDatum} />
        {needsReden(current) ? (
          <SelectField
            id={`${id}-reden`}
            label="Reden van de wijziging"
            required
            error={errors.reden}
            value={reden}
            onChange={setReden}
            all="Kies een reden"
            options={redenenWijziging.map((r) => [r, `${r} – ${redenWijzigingLabel[r]}`] as const)}
          />
        ) : null}
      </div>
      {current === "verwijderen" ? (
        <Paragraph className="kader-muted">Verwijderen (reden 13) kan alleen zolang er niet is gestart of gedeclareerd.</Paragraph>
      ) : null}
      {error ? (
        <div ref={errorRef} tabIndex={-1}>
          <ProblemAlert error={error} heading={`${eventLabel[current]} mislukt`} />
        </div>
      ) : null}
      <div className="kader-actions">
        <SubmitButton busy={busy} appearance={current === "verwijderen" || current === "intrekken" ? "secondary-action-button" : "primary-action-button"}>
          {eventLabel[current]}
          <span className="kader-visually-hidden"> (toewijzing {t.toewijzingnummer})</span>
        </SubmitButton>
      </div>
    </form>
  );
}
