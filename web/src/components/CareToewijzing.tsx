import {
  Button,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { type ApiError, request, toApiError, useApi } from "../lib/api.ts";
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
import { Loading, ProblemAlert } from "./ProblemAlert.tsx";
import { TableWrap } from "./TableWrap.tsx";

export const toewijzingPath = (t: Pick<Toewijzing, "gemeentecode" | "wet" | "toewijzingnummer">) =>
  `/toewijzingen/${encodeURIComponent(t.gemeentecode)}/${encodeURIComponent(t.wet)}/${encodeURIComponent(t.toewijzingnummer)}`;

/** The events this role may report on a toewijzing in its current status (lifecycle table × eventRoles). */
export const allowedEvents = (t: Toewijzing, role: Role | undefined): ToewijzingEvent[] =>
  role ? transitions[t.status].filter((e) => eventRoles[e].includes(role)) : [];

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
          <TableWrap label={`Historie van toewijzing ${t.toewijzingnummer}`}>
            <Table className="kader-table" data-testid="history">
              <TableCaption>Historie van toewijzing {t.toewijzingnummer}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Datum</TableHeaderCell>
                  <TableHeaderCell scope="col">Gebeurtenis</TableHeaderCell>
                  <TableHeaderCell scope="col">Reden</TableHeaderCell>
                  <TableHeaderCell scope="col">Door</TableHeaderCell>
                  <TableHeaderCell scope="col">Vastgelegd</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.events.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only and replaced as a whole
                  <TableRow key={i}>
                    <TableHeaderCell scope="row">{formatDay(e.datum)}</TableHeaderCell>
                    <TableCell>{eventPast[e.event] ?? e.event}</TableCell>
                    <TableCell>
                      {e.reden ? `${e.reden} – ${redenWijzigingLabel[e.reden as RedenWijziging] ?? ""}` : <span className="kader-muted">geen</span>}
                    </TableCell>
                    <TableCell>{e.byUser}</TableCell>
                    <TableCell>{formatDay(e.recordedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableWrap>
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
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const current = events.includes(event) ? event : events[0]!;

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found: typeof errors = {};
    if (!datum) found.datum = `Vul de ${eventDateLabel[current].toLowerCase()} in.`;
    if (needsReden(current) && !reden) found.reden = "Kies de reden van de wijziging.";
    setErrors(found);
    if (found.datum || found.reden) {
      document.getElementById(found.datum ? `${id}-datum` : `${id}-reden`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const next = await request<Toewijzing>(`${toewijzingPath(t)}/gebeurtenissen`, {
        method: "POST",
        body: { event: current, datum, ...(needsReden(current) && reden ? { reden } : {}) },
      });
      setDatum("");
      setReden("");
      onDone(next, `Toewijzing ${t.toewijzingnummer}: ${eventPast[current]} per ${formatDay(datum)}.`);
    } catch (x) {
      setError(toApiError(x));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="kader-search-form" onSubmit={submit} noValidate aria-labelledby={`${id}-actie-h`} data-testid="event-form">
      <Heading level={4} id={`${id}-actie-h`}>
        Wijziging melden voor toewijzing {t.toewijzingnummer}
      </Heading>
      <div className="kader-filters">
        <FormField
          label={<FormLabel htmlFor={`${id}-event`}>Gebeurtenis</FormLabel>}
          input={
            <Select id={`${id}-event`} value={current} onChange={(e) => setEvent(e.target.value as ToewijzingEvent)}>
              {events.map((ev) => (
                <SelectOption key={ev} value={ev}>
                  {eventLabel[ev]}
                </SelectOption>
              ))}
            </Select>
          }
        />
        <FormField
          invalid={!!errors.datum}
          label={<FormLabel htmlFor={`${id}-datum`}>{eventDateLabel[current]}</FormLabel>}
          errorMessage={errors.datum ? <FormFieldErrorMessage id={`${id}-datum-error`}>{errors.datum}</FormFieldErrorMessage> : undefined}
          input={
            <Textbox
              id={`${id}-datum`}
              type="date"
              required
              invalid={!!errors.datum}
              aria-describedby={errors.datum ? `${id}-datum-error` : undefined}
              value={datum}
              onChange={(e) => setDatum(e.target.value)}
            />
          }
        />
        {needsReden(current) ? (
          <FormField
            invalid={!!errors.reden}
            label={<FormLabel htmlFor={`${id}-reden`}>Reden van de wijziging</FormLabel>}
            errorMessage={errors.reden ? <FormFieldErrorMessage id={`${id}-reden-error`}>{errors.reden}</FormFieldErrorMessage> : undefined}
            input={
              <Select
                id={`${id}-reden`}
                required
                invalid={!!errors.reden}
                aria-describedby={errors.reden ? `${id}-reden-error` : undefined}
                value={reden}
                onChange={(e) => setReden(e.target.value as RedenWijziging | "")}
              >
                <SelectOption value="">Kies een reden</SelectOption>
                {redenenWijziging.map((r) => (
                  <SelectOption key={r} value={r}>
                    {r} – {redenWijzigingLabel[r]}
                  </SelectOption>
                ))}
              </Select>
            }
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
        <Button
          type="submit"
          appearance={current === "verwijderen" || current === "intrekken" ? "secondary-action-button" : "primary-action-button"}
          busy={busy}
          disabled={busy}
        >
          {eventLabel[current]}
          <span className="kader-visually-hidden"> (toewijzing {t.toewijzingnummer})</span>
        </Button>
      </div>
    </form>
  );
}
