import {
  Button,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { CareGate, count } from "../components/CareBits.tsx";
import { AnswerTable } from "../components/CareDeclaratie.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
import { type ApiError, request, toApiError, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { euro, explainRetourcode, formatDay, formatMonth, wetLabel } from "../lib/care-labels.ts";
import type { DeclaratieAnswer, StoredDeclaratie } from "../lib/care-types.ts";
import { RouterLink } from "../lib/router.tsx";

export const declaratiePath = (d: Pick<StoredDeclaratie, "agbCode" | "wet" | "declaratienummer">) =>
  `/declaraties/${encodeURIComponent(d.agbCode)}/${encodeURIComponent(d.wet)}/${encodeURIComponent(d.declaratienummer)}`;

/** Declaraties: the list (aanbieder: its own; gemeente: those sent to it), and for an aanbieder the upload. */
export function DeclaratiesPage() {
  return (
    <>
      <PageHeading title="Declaraties">Declaraties</PageHeading>
      <CareGate roles={["aanbieder", "toegang", "controller"]} what="het declaratieoverzicht">
        <Declaraties />
      </CareGate>
    </>
  );
}

function Declaraties() {
  const auth = useAuth();
  const [reload, setReload] = useState(0);
  const list = useApi<{ items: StoredDeclaratie[] }>("/declaraties", { cached: false, reload });
  const data = list.state === "ok" ? list.data : list.state === "loading" ? list.previous : undefined;
  return (
    <>
      {auth.user?.role === "aanbieder" ? <Upload onDone={() => setReload((n) => n + 1)} /> : null}
      <section aria-labelledby="decl-list-h" className="kader-section">
        <Heading level={2} id="decl-list-h">
          Ingediende declaraties
        </Heading>
        {list.state === "loading" && !data ? <Loading what="Declaraties" /> : null}
        {list.state === "error" ? <ProblemAlert error={list.error} heading="De declaraties konden niet worden geladen" /> : null}
        {data ? (
          data.items.length === 0 ? (
            <Paragraph>Er zijn nog geen declaraties.</Paragraph>
          ) : (
            <TableWrap label="Declaraties">
              <Table className="kader-table" data-testid="declaraties">
                <TableCaption>{count(data.items.length, "declaratie", "declaraties")}, nieuwste periode eerst</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Declaratie</TableHeaderCell>
                    <TableHeaderCell scope="col">Periode</TableHeaderCell>
                    <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                    <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
                    <TableHeaderCell scope="col">Wet</TableHeaderCell>
                    <TableHeaderCell scope="col">Dagtekening</TableHeaderCell>
                    <TableHeaderCell scope="col" className="kader-num">
                      Ingediend
                    </TableHeaderCell>
                    <TableHeaderCell scope="col" className="kader-num">
                      Toegekend
                    </TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.items.map((d) => (
                    <TableRow key={`${d.agbCode}-${d.wet}-${d.declaratienummer}`} className={d.toegekend < d.ingediend ? "kader-expiring" : undefined}>
                      <TableHeaderCell scope="row">
                        <RouterLink href={declaratiePath(d)}>{d.declaratienummer}</RouterLink>
                        {d.demo ? <span className="kader-muted"> (demo)</span> : null}
                      </TableHeaderCell>
                      <TableCell>{formatMonth(d.periodeBegin, true)}</TableCell>
                      <TableCell>
                        <span className="kader-code">{d.agbCode}</span>
                      </TableCell>
                      <TableCell>
                        <span className="kader-code">{d.gemeentecode}</span>
                      </TableCell>
                      <TableCell>{wetLabel[d.wet] ?? d.wet}</TableCell>
                      <TableCell>{formatDay(d.dagtekening)}</TableCell>
                      <TableCell className="kader-num">{euro(d.ingediend)}</TableCell>
                      <TableCell className="kader-num">{euro(d.toegekend)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableWrap>
          )
        ) : null}
      </section>
    </>
  );
}

type Outcome = { file: string } & ({ answers: DeclaratieAnswer[] } | { error: ApiError });

/** An aanbieder uploads a declaratie file (CSV: one row per prestatie; JSON); the answer per prestatie follows. */
function Upload({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!file);
    if (!file) {
      document.getElementById("decl-file")?.focus();
      return;
    }
    const type = /\.json$/i.test(file.name) || file.type === "application/json" ? "application/json" : "text/csv";
    setBusy(true);
    try {
      const r = await request<{ antwoorden: DeclaratieAnswer[] }>("/declaraties", { method: "POST", raw: { body: file, type } });
      setOutcome({ file: file.name, answers: r.antwoorden });
      onDone();
    } catch (x) {
      setOutcome({ file: file.name, error: toApiError(x) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="decl-upload-h">
      <Heading level={2} id="decl-upload-h">
        Declaratie indienen
      </Heading>
      <Paragraph>
        Een declaratie beslaat één kalendermaand. Lever een CSV-bestand (één regel per prestatie, kolommen zoals in de documentatie) of een JSON-bestand. Kader
        controleert elke prestatie tegen de toewijzing, het contracttarief en eerdere declaraties en antwoordt per prestatie met de retourcodes van de
        iStandaarden. Hetzelfde bestand nogmaals indienen verandert niets.
      </Paragraph>
      <form className="kader-search-form" onSubmit={submit} noValidate aria-labelledby="decl-upload-h">
        <FormField
          invalid={missing}
          label={<FormLabel htmlFor="decl-file">Declaratiebestand (.csv of .json)</FormLabel>}
          description={<span id="decl-file-hint">Bedragen en tarieven in centen; datums als JJJJ-MM-DD</span>}
          errorMessage={missing ? <FormFieldErrorMessage id="decl-file-error">Kies een bestand.</FormFieldErrorMessage> : undefined}
          input={
            <input
              id="decl-file"
              name="bestand"
              type="file"
              className="kader-file"
              accept=".csv,.json,text/csv,application/json"
              required
              aria-invalid={missing ? true : undefined}
              aria-describedby={missing ? "decl-file-hint decl-file-error" : "decl-file-hint"}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          }
        />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {busy ? "Bezig met indienen…" : "Declaratie indienen"}
        </Button>
      </form>
      <div ref={outcomeRef} tabIndex={-1} className="kader-outcome" data-testid="upload-outcome">
        {outcome && "error" in outcome ? (
          <ProblemAlert
            error={outcome.error}
            heading={`Het bestand ${outcome.file} is niet ingediend: er is niets opgeslagen; verbeter alle fouten en lever het hele bestand opnieuw aan`}
          />
        ) : null}
        {outcome && "answers" in outcome ? (
          <>
            <Paragraph role="status">
              {outcome.file}: {count(outcome.answers.length, "declaratie", "declaraties")} beantwoord.
            </Paragraph>
            {outcome.answers.map((a) => (
              <AnswerBlock key={`${a.declaratie.wet}-${a.declaratie.declaratienummer}`} a={a} />
            ))}
          </>
        ) : null}
      </div>
    </section>
  );
}

function AnswerBlock({ a }: { a: DeclaratieAnswer }) {
  const r = a.result;
  const afgewezen = r.prestaties.filter((p) => !p.toegekend).length;
  return (
    <section className="kader-book" aria-labelledby={`ans-${a.declaratie.declaratienummer}-h`} data-testid="answer">
      <Heading level={3} id={`ans-${a.declaratie.declaratienummer}-h`}>
        Antwoord op declaratie {a.declaratie.declaratienummer}
      </Heading>
      <Paragraph data-testid="answer-totals">
        {formatMonth(a.declaratie.periodeBegin, true)} · {wetLabel[a.declaratie.wet] ?? a.declaratie.wet} · gemeente {a.declaratie.gemeentecode}: ingediend{" "}
        <strong>{euro(r.ingediend)}</strong>, toegekend <strong>{euro(r.toegekend)}</strong>; {count(r.prestaties.length, "prestatie", "prestaties")}, waarvan{" "}
        {afgewezen} afgewezen.
        {a.herhaald ? " Deze declaratie was al eerder ontvangen: er is niets veranderd." : ""}
      </Paragraph>
      {r.afgewezen ? (
        <Paragraph>
          <strong>De hele declaratie is afgewezen:</strong> <span className="kader-code">{r.afgewezen.retourcode}</span>{" "}
          {explainRetourcode(r.afgewezen.retourcode)} ({r.afgewezen.message})
        </Paragraph>
      ) : (
        <Paragraph>
          <RouterLink href={declaratiePath(a.declaratie)}>Declaratie {a.declaratie.declaratienummer} bekijken</RouterLink>
        </Paragraph>
      )}
      <AnswerTable nummer={a.declaratie.declaratienummer} prestaties={r.prestaties} />
    </section>
  );
}
