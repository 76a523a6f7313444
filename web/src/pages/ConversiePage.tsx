import {
  Alert,
  Button,
  FormField,
  FormLabel,
  Heading,
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
import { type FormEvent, useState } from "react";
import { CareGate } from "../components/CareBits.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
import { type ApiError, download, request, toApiError, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { formatDay } from "../lib/care-labels.ts";
import {
  type AntwoordStatus,
  type Conversie,
  conversieGemeenteRoles,
  conversieRoles,
  type Run,
  type Uitkomst,
  type Uitvoering,
  type VlagCode,
  vlagLabel,
} from "../lib/conversion-types.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** One conversion: plan, the providers' answer status, dry runs with filters and Excel export, approval, execution. */
export function ConversiePage({ id }: { id: string }) {
  return (
    <>
      <PageHeading title="Conversie">Conversie {id}</PageHeading>
      <CareGate roles={conversieRoles} what="de conversie">
        <Detail id={id} />
      </CareGate>
    </>
  );
}

function Detail({ id }: { id: string }) {
  const auth = useAuth();
  const gemeente = auth.user ? conversieGemeenteRoles.includes(auth.user.role) || auth.user.role === "controller" : false;
  const c = useApi<Conversie>(`/conversies/${id}`, { cached: false });
  if (c.state === "loading") return <Loading what="De conversie" />;
  if (c.state === "error") return <ProblemAlert error={c.error} />;
  return (
    <>
      <Paragraph className="kader-lead">
        {c.data.plan.titel} — gemeente {c.data.gemeentecode}, wijzigingsdatum {formatDay(c.data.plan.wijzigingsdatum)}.
      </Paragraph>
      <Uitvraag id={id} aanbieder={auth.user?.role === "aanbieder"} />
      {gemeente ? (
        <>
          <Status id={id} />
          <Runs id={id} mayWrite={auth.user ? conversieGemeenteRoles.includes(auth.user.role) : false} />
        </>
      ) : null}
    </>
  );
}

/** The aanbieder downloads its workbook and uploads it filled in; a workbook with an error changes nothing. */
function Uitvraag({ id, aanbieder }: { id: string; aanbieder: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [agb, setAgb] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ error?: ApiError; ok?: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    try {
      const r = await request<{ opgeslagen: number; leeg: number }>(`/conversies/${id}/antwoorden`, { method: "POST", raw: { body: file, type: XLSX } });
      setOutcome({ ok: `${r.opgeslagen} antwoord(en) opgeslagen, ${r.leeg} rij(en) leeg.` });
    } catch (err) {
      setOutcome({ error: toApiError(err) });
    } finally {
      setBusy(false);
    }
  };
  const get = async () => {
    try {
      await download(`/conversies/${id}/uitvraag${aanbieder ? "" : `?aanbieder=${encodeURIComponent(agb)}`}`, { accept: XLSX, fallbackName: "uitvraag.xlsx" });
    } catch (err) {
      setOutcome({ error: toApiError(err) });
    }
  };
  return (
    <section aria-labelledby="conv-uitvraag-h">
      <Heading level={2} id="conv-uitvraag-h">
        Uitvraag
      </Heading>
      <Paragraph>De werkmap noemt de lopende toewijzingen van de aanbieder die het plan raakt; alleen de gele cellen zijn invulbaar.</Paragraph>
      {aanbieder ? null : (
        <FormField
          label={<FormLabel htmlFor="conv-agb">AGB-code van de aanbieder</FormLabel>}
          input={<input id="conv-agb" className="utrecht-textbox" inputMode="numeric" value={agb} onChange={(e) => setAgb(e.target.value)} />}
        />
      )}
      <Button appearance="secondary-action-button" onClick={get} disabled={!aanbieder && !/^[0-9]{8}$/.test(agb)}>
        Werkmap downloaden
      </Button>
      <form className="kader-search-form" onSubmit={submit} aria-labelledby="conv-uitvraag-h">
        <FormField
          label={<FormLabel htmlFor="conv-file">Ingevulde werkmap (.xlsx)</FormLabel>}
          input={<input id="conv-file" type="file" className="kader-file" accept=".xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy || !file}>
          Antwoorden aanleveren
        </Button>
      </form>
      <div role="status">
        {outcome?.ok ? <Paragraph>{outcome.ok}</Paragraph> : null}
        {outcome?.error ? <ProblemAlert error={outcome.error} heading="De werkmap is niet verwerkt; er is niets opgeslagen" /> : null}
      </div>
    </section>
  );
}

function Status({ id }: { id: string }) {
  const s = useApi<{ aanbieders: AntwoordStatus[] }>(`/conversies/${id}/status`, { cached: false });
  return (
    <section aria-labelledby="conv-status-h">
      <Heading level={2} id="conv-status-h">
        Antwoorden van de aanbieders
      </Heading>
      {s.state === "loading" ? <Loading what="De antwoordstatus" /> : null}
      {s.state === "error" ? <ProblemAlert error={s.error} /> : null}
      {s.state === "ok" ? (
        <TableWrap label="Antwoordstatus">
          <Table className="kader-table" data-testid="conversie-status">
            <TableCaption>Beantwoorde toewijzingen per aanbieder; wie nog rijen open heeft krijgt een herinnering</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                <TableHeaderCell scope="col">Beantwoord</TableHeaderCell>
                <TableHeaderCell scope="col">Laatste upload</TableHeaderCell>
                <TableHeaderCell scope="col">Herinnering</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {s.data.aanbieders.map((a) => (
                <TableRow key={a.agbCode}>
                  <TableCell>{a.agbCode}</TableCell>
                  <TableCell>
                    {a.beantwoord} van {a.toewijzingen}
                  </TableCell>
                  <TableCell>{a.laatsteUpload ? formatDay(a.laatsteUpload) : "nog niets"}</TableCell>
                  <TableCell>{a.herinneren ? <StatusBadge status="warning">herinneren</StatusBadge> : "compleet"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      ) : null}
    </section>
  );
}

function Runs({ id, mayWrite }: { id: string; mayWrite: boolean }) {
  const [reload, setReload] = useState(0);
  const runs = useApi<{ runs: Run[] }>(`/conversies/${id}/runs`, { cached: false, reload });
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [report, setReport] = useState<Uitvoering | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      setReload((n) => n + 1);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const list = runs.state === "ok" ? runs.data.runs : [];
  const proefruns = list.filter((r) => r.soort === "proefrun");
  const current = selected ?? proefruns.at(-1)?.id ?? null;
  const approved = new Set(list.filter((r) => r.soort === "goedkeuring").map((r) => r.proefrunId));
  return (
    <section aria-labelledby="conv-runs-h">
      <Heading level={2} id="conv-runs-h">
        Proefrun, goedkeuring en uitvoering
      </Heading>
      {error ? <ProblemAlert error={error} /> : null}
      {mayWrite ? (
        <Button
          appearance="primary-action-button"
          busy={busy}
          disabled={busy}
          onClick={() =>
            act(async () => {
              const r = await request<{ runId: number }>(`/conversies/${id}/proefruns`, { method: "POST" });
              setSelected(r.runId);
            })
          }
        >
          Nieuwe proefrun
        </Button>
      ) : null}
      {proefruns.length ? (
        <FormField
          label={<FormLabel htmlFor="conv-run">Proefrun</FormLabel>}
          input={
            <Select id="conv-run" value={String(current ?? "")} onChange={(e) => setSelected(Number(e.target.value))}>
              {proefruns.map((r) => (
                <SelectOption key={r.id} value={String(r.id)}>
                  {`${r.id} — ${formatDay(r.at)} door ${r.door}${approved.has(r.id) ? " (goedgekeurd)" : ""}`}
                </SelectOption>
              ))}
            </Select>
          }
        />
      ) : (
        <Paragraph>Nog geen proefrun.</Paragraph>
      )}
      {current ? (
        <>
          <Button
            appearance="secondary-action-button"
            onClick={() =>
              act(() => download(`/conversie-runs/${current}?format=xlsx`, { accept: XLSX, fallbackName: `proefrun-${current}.xlsx` }).then(() => undefined))
            }
          >
            Proefrun in Excel
          </Button>
          {mayWrite ? (
            <>
              <Button
                appearance="secondary-action-button"
                disabled={busy || approved.has(current)}
                onClick={() => act(() => request(`/conversie-runs/${current}/goedkeuring`, { method: "POST" }).then(() => undefined))}
              >
                Proefrun {current} goedkeuren
              </Button>
              <Button
                appearance="primary-action-button"
                disabled={busy || approved.size === 0}
                onClick={() =>
                  act(async () => {
                    setReport(await request<Uitvoering>(`/conversies/${id}/uitvoering`, { method: "POST" }));
                  })
                }
              >
                Goedgekeurde proefrun uitvoeren
              </Button>
            </>
          ) : null}
          {report ? (
            <Alert type={report.mislukt.length ? "warning" : "ok"} role="status">
              <Paragraph>
                Uitgevoerd: {report.omgezet.length} toewijzing(en) omgezet, {report.overgeslagen.length} overgeslagen, {report.mislukt.length} cliënt(en) niet
                omgezet; {report.berichten.length} toewijzingsbericht(en) gemaakt.
              </Paragraph>
            </Alert>
          ) : null}
          <RunTable runId={current} />
        </>
      ) : null}
    </section>
  );
}

function RunTable({ runId }: { runId: number }) {
  const run = useApi<Run>(`/conversie-runs/${runId}`, { cached: false });
  const [aanbieder, setAanbieder] = useState("");
  const [soort, setSoort] = useState("");
  const [sortBy, setSortBy] = useState<"aanbieder" | "toewijzing">("aanbieder");
  if (run.state === "loading") return <Loading what="De proefrun" />;
  if (run.state === "error") return <ProblemAlert error={run.error} />;
  const all: Uitkomst[] = run.data.inhoud.uitkomsten ?? [];
  const aanbieders = [...new Set(all.map((u) => u.agbCode))].sort();
  const rows = all
    .filter(
      (u) =>
        (!aanbieder || u.agbCode === aanbieder) &&
        (!soort || (soort === "uitvoerbaar" ? u.uitvoerbaar : soort === "beslissing" ? !u.uitvoerbaar : u.vlaggen.some((v) => v.code === soort))),
    )
    .sort((a, b) =>
      sortBy === "aanbieder"
        ? a.agbCode.localeCompare(b.agbCode) || Number(a.toewijzingnummer) - Number(b.toewijzingnummer)
        : Number(a.toewijzingnummer) - Number(b.toewijzingnummer),
    );
  return (
    <>
      <div className="kader-filters">
        <FormField
          label={<FormLabel htmlFor="conv-f-agb">Aanbieder</FormLabel>}
          input={
            <Select id="conv-f-agb" value={aanbieder} onChange={(e) => setAanbieder(e.target.value)}>
              <SelectOption value="">Alle aanbieders</SelectOption>
              {aanbieders.map((a) => (
                <SelectOption key={a} value={a}>
                  {a}
                </SelectOption>
              ))}
            </Select>
          }
        />
        <FormField
          label={<FormLabel htmlFor="conv-f-soort">Uitkomst</FormLabel>}
          input={
            <Select id="conv-f-soort" value={soort} onChange={(e) => setSoort(e.target.value)}>
              <SelectOption value="">Alle</SelectOption>
              <SelectOption value="uitvoerbaar">Uitvoerbaar</SelectOption>
              <SelectOption value="beslissing">Voor een medewerker</SelectOption>
              {(Object.keys(vlagLabel) as VlagCode[]).map((v) => (
                <SelectOption key={v} value={v}>
                  {`Signaal: ${vlagLabel[v]}`}
                </SelectOption>
              ))}
            </Select>
          }
        />
        <FormField
          label={<FormLabel htmlFor="conv-f-sort">Sorteren op</FormLabel>}
          input={
            <Select id="conv-f-sort" value={sortBy} onChange={(e) => setSortBy(e.target.value as "aanbieder" | "toewijzing")}>
              <SelectOption value="aanbieder">Aanbieder</SelectOption>
              <SelectOption value="toewijzing">Toewijzingnummer</SelectOption>
            </Select>
          }
        />
      </div>
      <Paragraph role="status">
        {rows.length} van {all.length} toewijzingen; {all.filter((u) => u.uitvoerbaar).length} uitvoerbaar.
      </Paragraph>
      <TableWrap label="Proefrun">
        <Table className="kader-table" data-testid="proefrun">
          <TableCaption>Per lopende toewijzing de voorgestelde nieuwe toewijzing(en) en de signalen</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
              <TableHeaderCell scope="col">Toewijzing</TableHeaderCell>
              <TableHeaderCell scope="col">Huidig product</TableHeaderCell>
              <TableHeaderCell scope="col">Voorstel</TableHeaderCell>
              <TableHeaderCell scope="col">Signalen</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((u) => (
              <TableRow key={u.sleutel}>
                <TableCell>{u.agbCode}</TableCell>
                <TableCell>
                  {u.toewijzingnummer} ({u.wet})
                </TableCell>
                <TableCell>{u.vanNaam}</TableCell>
                <TableCell>
                  {u.voorstellen.length
                    ? u.voorstellen.map((v) => (
                        <Paragraph key={v.productId}>
                          <strong>{v.productNaam}</strong>: {v.omvang} ({v.reden})
                        </Paragraph>
                      ))
                    : "—"}
                </TableCell>
                <TableCell>
                  {u.vlaggen.map((v) => (
                    <Paragraph key={v.code}>
                      <StatusBadge status={v.ernst === "beslissing" ? "danger" : "neutral"}>{vlagLabel[v.code]}</StatusBadge> {v.tekst}
                    </Paragraph>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableWrap>
    </>
  );
}
