import { Alert, Button, Heading, Paragraph, StatusBadge } from "@utrecht/component-library-react";
import { useState } from "react";
import { CareGate } from "../components/CareBits.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { SelectField } from "../components/SelectField.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { TextField } from "../components/TextField.tsx";
import { UploadField } from "../components/UploadField.tsx";
import { useAction } from "../lib/action.ts";
import { call, download, useRoute } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { formatDay } from "../lib/care-labels.ts";
import { conversieGemeenteRoles, conversieRoles, type Uitkomst as Outcome, type Uitvoering, type VlagCode, vlagLabel } from "../lib/conversion-types.ts";
import { useUpload } from "../lib/upload.ts";

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
  const c = useRoute("GET /api/v1/conversies/:id", { params: { id } }, { cached: false });
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
  const [agb, setAgb] = useState("");
  const up = useUpload({
    inputId: "conv-file",
    check: () => undefined,
    send: (file) => call("POST /api/v1/conversies/:id/antwoorden", { params: { id }, raw: { body: file, type: XLSX } }),
  });
  const get = useAction();
  const fetchWorkbook = () =>
    get.run(() =>
      download(`/conversies/${id}/uitvraag${aanbieder ? "" : `?aanbieder=${encodeURIComponent(agb)}`}`, { accept: XLSX, fallbackName: "uitvraag.xlsx" }),
    );
  const outcome = up.outcome;
  return (
    <section aria-labelledby="conv-uitvraag-h">
      <Heading level={2} id="conv-uitvraag-h">
        Uitvraag
      </Heading>
      <Paragraph>De werkmap noemt de lopende toewijzingen van de aanbieder die het plan raakt; alleen de gele cellen zijn invulbaar.</Paragraph>
      {aanbieder ? null : <TextField id="conv-agb" label="AGB-code van de aanbieder" inputMode="numeric" value={agb} onChange={setAgb} />}
      <Button appearance="secondary-action-button" onClick={fetchWorkbook} disabled={!aanbieder && !/^[0-9]{8}$/.test(agb)}>
        Werkmap downloaden
      </Button>
      <form className="kader-search-form" onSubmit={up.submit} aria-labelledby="conv-uitvraag-h">
        <UploadField id="conv-file" label="Ingevulde werkmap (.xlsx)" accept=".xlsx" required={false} upload={up} />
        <SubmitButton busy={up.busy} disabled={!up.file}>
          Antwoorden aanleveren
        </SubmitButton>
      </form>
      <div role="status">
        {outcome && "ok" in outcome ? <Paragraph>{`${outcome.ok.opgeslagen} antwoord(en) opgeslagen, ${outcome.ok.leeg} rij(en) leeg.`}</Paragraph> : null}
        {outcome && "error" in outcome ? <ProblemAlert error={outcome.error} heading="De werkmap is niet verwerkt; er is niets opgeslagen" /> : null}
        {get.error ? <ProblemAlert error={get.error} heading="De werkmap is niet verwerkt; er is niets opgeslagen" /> : null}
      </div>
    </section>
  );
}

function Status({ id }: { id: string }) {
  const s = useRoute("GET /api/v1/conversies/:id/status", { params: { id } }, { cached: false });
  return (
    <section aria-labelledby="conv-status-h">
      <Heading level={2} id="conv-status-h">
        Antwoorden van de aanbieders
      </Heading>
      {s.state === "loading" ? <Loading what="De antwoordstatus" /> : null}
      {s.state === "error" ? <ProblemAlert error={s.error} /> : null}
      {s.state === "ok" ? (
        <DataTable
          label="Antwoordstatus"
          testId="conversie-status"
          caption="Beantwoorde toewijzingen per aanbieder; wie nog rijen open heeft krijgt een herinnering"
          columns={[
            { header: "Aanbieder", cell: (a) => a.agbCode },
            { header: "Beantwoord", cell: (a) => `${a.beantwoord} van ${a.toewijzingen}` },
            { header: "Laatste upload", cell: (a) => (a.laatsteUpload ? formatDay(a.laatsteUpload) : "nog niets") },
            { header: "Herinnering", cell: (a) => (a.herinneren ? <StatusBadge status="warning">herinneren</StatusBadge> : "compleet") },
          ]}
          rows={s.data.aanbieders}
          rowKey={(a) => a.agbCode}
        />
      ) : null}
    </section>
  );
}

function Runs({ id, mayWrite }: { id: string; mayWrite: boolean }) {
  const [reload, setReload] = useState(0);
  const runs = useRoute("GET /api/v1/conversies/:id/runs", { params: { id } }, { cached: false, reload });
  const [selected, setSelected] = useState<number | null>(null);
  const [report, setReport] = useState<Uitvoering | null>(null);
  const action = useAction();
  const busy = action.busy;
  const act = (f: () => Promise<unknown>) =>
    action.run(async () => {
      await f();
      setReload((n) => n + 1);
    });
  const list = runs.state === "ok" ? runs.data.runs : [];
  const proefruns = list.filter((r) => r.soort === "proefrun");
  const current = selected ?? proefruns.at(-1)?.id ?? null;
  const approved = new Set(list.filter((r) => r.soort === "goedkeuring").map((r) => r.proefrunId));
  return (
    <section aria-labelledby="conv-runs-h">
      <Heading level={2} id="conv-runs-h">
        Proefrun, goedkeuring en uitvoering
      </Heading>
      {action.error ? <ProblemAlert error={action.error} /> : null}
      {mayWrite ? (
        <Button
          appearance="primary-action-button"
          busy={busy}
          disabled={busy}
          onClick={() =>
            act(async () => {
              const r = await call("POST /api/v1/conversies/:id/proefruns", { params: { id } });
              setSelected(r.runId);
            })
          }
        >
          Nieuwe proefrun
        </Button>
      ) : null}
      {proefruns.length ? (
        <SelectField
          id="conv-run"
          label="Proefrun"
          value={String(current ?? "")}
          onChange={(v) => setSelected(Number(v))}
          options={proefruns.map((r) => [String(r.id), `${r.id} — ${formatDay(r.at)} door ${r.door}${approved.has(r.id) ? " (goedgekeurd)" : ""}`] as const)}
        />
      ) : (
        <Paragraph>Nog geen proefrun.</Paragraph>
      )}
      {current ? (
        <>
          <Button
            appearance="secondary-action-button"
            onClick={() => act(() => download(`/conversie-runs/${current}?format=xlsx`, { accept: XLSX, fallbackName: `proefrun-${current}.xlsx` }))}
          >
            Proefrun in Excel
          </Button>
          {mayWrite ? (
            <>
              <Button
                appearance="secondary-action-button"
                disabled={busy || approved.has(current)}
                onClick={() => act(() => call("POST /api/v1/conversie-runs/:id/goedkeuring", { params: { id: String(current) } }))}
              >
                Proefrun {current} goedkeuren
              </Button>
              <Button
                appearance="primary-action-button"
                disabled={busy || approved.size === 0}
                onClick={() =>
                  act(async () => {
                    setReport(await call("POST /api/v1/conversies/:id/uitvoering", { params: { id } }));
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
  const run = useRoute("GET /api/v1/conversie-runs/:id", { params: { id: String(runId) } }, { cached: false });
  const [aanbieder, setAanbieder] = useState("");
  const [kind, setKind] = useState("");
  const [sortBy, setSortBy] = useState<"aanbieder" | "toewijzing">("aanbieder");
  if (run.state === "loading") return <Loading what="De proefrun" />;
  if (run.state === "error") return <ProblemAlert error={run.error} />;
  const all: Outcome[] = run.data.inhoud.uitkomsten ?? [];
  const aanbieders = [...new Set(all.map((u) => u.agbCode))].sort();
  const rows = all
    .filter(
      (u) =>
        (!aanbieder || u.agbCode === aanbieder) &&
        (!kind || (kind === "uitvoerbaar" ? u.uitvoerbaar : kind === "beslissing" ? !u.uitvoerbaar : u.vlaggen.some((v) => v.code === kind))),
    )
    .sort((a, b) =>
      sortBy === "aanbieder"
        ? a.agbCode.localeCompare(b.agbCode) || Number(a.toewijzingnummer) - Number(b.toewijzingnummer)
        : Number(a.toewijzingnummer) - Number(b.toewijzingnummer),
    );
  return (
    <>
      <div className="kader-filters">
        <SelectField
          id="conv-f-agb"
          label="Aanbieder"
          value={aanbieder}
          onChange={setAanbieder}
          all="Alle aanbieders"
          options={aanbieders.map((a) => [a, a] as const)}
        />
        <SelectField
          id="conv-f-soort"
          label="Uitkomst"
          value={kind}
          onChange={setKind}
          all="Alle"
          options={[
            ["uitvoerbaar", "Uitvoerbaar"],
            ["beslissing", "Voor een medewerker"],
            ...(Object.keys(vlagLabel) as VlagCode[]).map((v) => [v, `Signaal: ${vlagLabel[v]}`] as const),
          ]}
        />
        <SelectField
          id="conv-f-sort"
          label="Sorteren op"
          value={sortBy}
          onChange={setSortBy}
          options={[
            ["aanbieder", "Aanbieder"],
            ["toewijzing", "Toewijzingnummer"],
          ]}
        />
      </div>
      <Paragraph role="status">
        {rows.length} van {all.length} toewijzingen; {all.filter((u) => u.uitvoerbaar).length} uitvoerbaar.
      </Paragraph>
      <DataTable
        label="Proefrun"
        testId="proefrun"
        caption="Per lopende toewijzing de voorgestelde nieuwe toewijzing(en) en de signalen"
        columns={[
          { header: "Aanbieder", cell: (u) => u.agbCode },
          { header: "Toewijzing", cell: (u) => `${u.toewijzingnummer} (${u.wet})` },
          { header: "Huidig product", cell: (u) => u.vanNaam },
          {
            header: "Voorstel",
            cell: (u) =>
              u.voorstellen.length
                ? u.voorstellen.map((v) => (
                    <Paragraph key={v.productId}>
                      <strong>{v.productNaam}</strong>: {v.omvang} ({v.reden})
                    </Paragraph>
                  ))
                : "—",
          },
          {
            header: "Signalen",
            cell: (u) =>
              u.vlaggen.map((v) => (
                <Paragraph key={v.code}>
                  <StatusBadge status={v.ernst === "beslissing" ? "danger" : "neutral"}>{vlagLabel[v.code]}</StatusBadge> {v.tekst}
                </Paragraph>
              )),
          },
        ]}
        rows={rows}
        rowKey={(u) => u.sleutel}
      />
    </>
  );
}
