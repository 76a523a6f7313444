import { Alert, Heading, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { ComplianceGate, SummaryText } from "../components/Compliance.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { TextField } from "../components/TextField.tsx";
import { UploadField } from "../components/UploadField.tsx";
import { type ApiError, qs, request, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { RouterLink } from "../lib/router.tsx";
import type { ProviderListItem, StaffImportResult } from "../lib/types.ts";
import { useUpload } from "../lib/upload.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function ProviderList({ reload }: { reload: number }) {
  // personal data behind it: never from the session cache
  const list = useApi<{ items: ProviderListItem[] }>("/aanbieders", { cached: false, reload });
  if (list.state === "loading") return <Loading what="Aanbieders" />;
  if (list.state === "error") return <ProblemAlert error={list.error} heading="Aanbieders konden niet worden geladen" />;
  const items = list.data.items;
  if (items.length === 0) return <Paragraph data-testid="no-providers">Er zijn geen aanbieders die u mag inzien.</Paragraph>;
  return (
    <DataTable
      label="Aanbieders"
      testId="providers"
      caption={`${items.length === 1 ? "1 aanbieder" : `${items.length} aanbieders`}; toets op de datum van vandaag`}
      columns={[
        { header: "Aanbieder", rowHeader: true, cell: (p) => <RouterLink href={`/aanbieders/${p.agbCode}`}>{p.name}</RouterLink> },
        { header: "AGB-code", cell: (p) => <span className="kader-code">{p.agbCode}</span> },
        { header: "Status", cell: (p) => <SummaryText summary={p.summary} /> },
        { header: "Voldoet", cell: (p) => p.summary.voldoet },
        { header: "Voldoet niet", cell: (p) => p.summary["voldoet-niet"] },
        { header: "Onbekend", cell: (p) => p.summary.onbekend },
        { header: "Medewerkers", cell: (p) => p.staffCount },
      ]}
      rows={items}
      rowKey={(p) => p.agbCode}
    />
  );
}

/** Row-level problems of a staff file: row, column, problem. Anything else (403, a bad product code) as an alert. */
function FileProblems({ error, file }: { error: ApiError; file: string }) {
  const rows = (error.problem.problems ?? []).filter((p) => p.file);
  if (error.status !== 400 || rows.length === 0) return <ProblemAlert error={error} heading="Inlezen mislukt" />;
  return (
    <>
      <Alert type="error">
        <Paragraph>
          <strong>Het bestand {file} is niet ingelezen</strong>: {rows.length === 1 ? "1 fout" : `${rows.length} fouten`} gevonden. Er is niets opgeslagen;
          verbeter het bestand en lever het opnieuw aan.
        </Paragraph>
      </Alert>
      <DataTable
        label="Fouten in het bestand"
        testId="import-errors"
        caption={`Fouten in ${file}`}
        columns={[
          { header: "Rij", cell: (p) => (p.line === undefined ? <span className="kader-muted">hele bestand</span> : p.line === 1 ? "1 (kopregel)" : p.line) },
          { header: "Kolom", cell: (p) => (p.path ? <span className="kader-code">{p.path}</span> : <span className="kader-muted">geen</span>) },
          { header: "Probleem", cell: (p) => p.detail },
        ]}
        rows={rows}
        // problems have no id and never reorder
        rowKey={(_, i) => i}
      />
    </>
  );
}

function ImportForm({ onImported, own }: { onImported: () => void; own?: { agbCode: string; name: string } }) {
  // an aanbieder imports for its own organisation: its AGB code and name are filled in
  const [agb, setAgb] = useState(own?.agbCode ?? "");
  const [name, setName] = useState(own?.name ?? "");
  const [agbError, setAgbError] = useState<string | undefined>(undefined);
  const up = useUpload({
    inputId: "import-file",
    check: (file) => (!file ? "Kies een bestand." : /\.(csv|xlsx)$/i.test(file.name) ? undefined : "Kies een .csv- of .xlsx-bestand."),
    checkOthers: () => {
      const code = agb.trim();
      const problem = /^[0-9]{8}$/.test(code) ? undefined : code ? "Een AGB-code is 8 cijfers." : "Vul de AGB-code in.";
      setAgbError(problem);
      return problem ? "import-agb" : null;
    },
    clearBeforeSend: true,
    send: async (file) => {
      const code = agb.trim();
      // the type follows the extension: browsers label .csv differently (Windows: application/vnd.ms-excel)
      const type = /\.xlsx$/i.test(file.name) ? XLSX : "text/csv";
      const ok = await request<StaffImportResult>(`/aanbieders/${code}/medewerkers${qs({ bestand: file.name, naam: name.trim() })}`, {
        method: "POST",
        raw: { body: file, type },
      });
      return { ...ok, agb: code };
    },
    onDone: onImported,
  });
  const outcome = up.outcome;

  return (
    <>
      <form className="kader-search-form kader-form" onSubmit={up.submit} noValidate aria-labelledby="import-h">
        <TextField
          id="import-agb"
          name="agb"
          label="AGB-code"
          hint="8 cijfers, bijvoorbeeld 12345678"
          error={agbError}
          inputMode="numeric"
          maxLength={8}
          required
          value={agb}
          onChange={setAgb}
        />
        <TextField
          id="import-name"
          name="naam"
          label="Naam van de aanbieder"
          hint="Voor een nieuwe aanbieder; leeg laten houdt de naam die Kader al kent"
          autoComplete="organization"
          maxLength={200}
          value={name}
          onChange={setName}
        />
        <UploadField
          id="import-file"
          label="Personeelsbestand (.csv of .xlsx)"
          hint="Eén medewerker per rij onder een kopregel; een bestand met fouten wordt helemaal niet ingelezen"
          accept={`.csv,.xlsx,text/csv,${XLSX}`}
          upload={up}
        />
        <SubmitButton busy={up.busy} busyLabel="Bezig met inlezen…">
          Bestand inlezen
        </SubmitButton>
      </form>
      {outcome ? (
        <div ref={up.outcomeRef} tabIndex={-1} className="kader-outcome" data-testid="import-outcome">
          {"ok" in outcome ? (
            <Alert type="ok">
              <Paragraph>
                <strong>{outcome.ok.staff === 1 ? "1 medewerker" : `${outcome.ok.staff} medewerkers`} ingelezen</strong> uit {outcome.file} voor{" "}
                <RouterLink href={`/aanbieders/${outcome.ok.agb}`}>{outcome.ok.aanbieder.name}</RouterLink> (AGB {outcome.ok.agb}).{" "}
                {outcome.ok.created ? "De aanbieder is nieuw in Kader." : "De vorige medewerkerslijst is vervangen."}
              </Paragraph>
            </Alert>
          ) : (
            <FileProblems error={outcome.error} file={outcome.file} />
          )}
        </div>
      ) : null}
    </>
  );
}

export function AanbiedersPage() {
  const auth = useAuth();
  const [reload, setReload] = useState(0);
  const manager = auth.user?.role === "contractmanager";
  const tenant = auth.user?.tenant;
  const own = tenant?.kind === "aanbieder" ? tenant : undefined;
  return (
    <>
      <PageHeading title="Aanbieders">Aanbieders</PageHeading>
      <ComplianceGate>
        <Paragraph className="kader-lead">
          {manager ? "De aanbieders die uw gemeente contracteert" : "Uw organisatie"}, getoetst aan de productenboeken en programma's van eisen: per product of
          het personeel en de bewijsstukken voldoen.
        </Paragraph>
        <ProviderList reload={reload} />
        {manager || own ? (
          <section aria-labelledby="import-h" className="kader-section">
            <Heading level={2} id="import-h">
              Personeelsbestand inlezen
            </Heading>
            <Paragraph>
              Het bestand vervangt de medewerkerslijst van {manager ? "de aanbieder" : "uw organisatie"}. Kolommen: naam, opleidingsniveau, zorggerelateerd,
              soort, rol en producten (verplicht), en werk_en_denkniveau, registratie, registratienummer, registratie_geldig_tot, vog_datum, in_dienst_sinds en
              uren_per_week.
            </Paragraph>
            <ImportForm onImported={() => setReload((n) => n + 1)} own={own} />
          </section>
        ) : null}
      </ComplianceGate>
    </>
  );
}
