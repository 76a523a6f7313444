import {
  Alert,
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
  Textbox,
} from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ComplianceGate, SummaryText } from "../components/Compliance.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
import { type ApiError, qs, request, toApiError, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { RouterLink } from "../lib/router.tsx";
import type { ProviderListItem, StaffImportResult } from "../lib/types.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function ProviderList({ reload }: { reload: number }) {
  // personal data behind it: never from the session cache
  const list = useApi<{ items: ProviderListItem[] }>("/aanbieders", { cached: false, reload });
  if (list.state === "loading") return <Loading what="Aanbieders" />;
  if (list.state === "error") return <ProblemAlert error={list.error} heading="Aanbieders konden niet worden geladen" />;
  const items = list.data.items;
  if (items.length === 0) return <Paragraph data-testid="no-providers">Er zijn geen aanbieders die u mag inzien.</Paragraph>;
  return (
    <TableWrap label="Aanbieders">
      <Table className="kader-table" data-testid="providers">
        <TableCaption>{items.length === 1 ? "1 aanbieder" : `${items.length} aanbieders`}; toets op de datum van vandaag</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
            <TableHeaderCell scope="col">AGB-code</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col">Voldoet</TableHeaderCell>
            <TableHeaderCell scope="col">Voldoet niet</TableHeaderCell>
            <TableHeaderCell scope="col">Onbekend</TableHeaderCell>
            <TableHeaderCell scope="col">Medewerkers</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((p) => (
            <TableRow key={p.agbCode}>
              <TableHeaderCell scope="row">
                <RouterLink href={`/aanbieders/${p.agbCode}`}>{p.name}</RouterLink>
              </TableHeaderCell>
              <TableCell>
                <span className="kader-code">{p.agbCode}</span>
              </TableCell>
              <TableCell>
                <SummaryText summary={p.summary} />
              </TableCell>
              <TableCell>{p.summary.voldoet}</TableCell>
              <TableCell>{p.summary["voldoet-niet"]}</TableCell>
              <TableCell>{p.summary.onbekend}</TableCell>
              <TableCell>{p.staffCount}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableWrap>
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
      <TableWrap label="Fouten in het bestand">
        <Table className="kader-table" data-testid="import-errors">
          <TableCaption>Fouten in {file}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Rij</TableHeaderCell>
              <TableHeaderCell scope="col">Kolom</TableHeaderCell>
              <TableHeaderCell scope="col">Probleem</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id and never reorder
              <TableRow key={i}>
                <TableCell>{p.line === undefined ? <span className="kader-muted">hele bestand</span> : p.line === 1 ? "1 (kopregel)" : p.line}</TableCell>
                <TableCell>{p.path ? <span className="kader-code">{p.path}</span> : <span className="kader-muted">geen</span>}</TableCell>
                <TableCell>{p.detail}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableWrap>
    </>
  );
}

type Outcome = { file: string; agb: string } & ({ ok: StaffImportResult } | { error: ApiError });

function ImportForm({ onImported, own }: { onImported: () => void; own?: { agbCode: string; name: string } }) {
  // an aanbieder imports for its own organisation: its AGB code and name are filled in
  const [agb, setAgb] = useState(own?.agbCode ?? "");
  const [name, setName] = useState(own?.name ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [invalid, setInvalid] = useState<{ agb?: string; file?: string }>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = agb.trim();
    const v = {
      agb: /^[0-9]{8}$/.test(code) ? undefined : code ? "Een AGB-code is 8 cijfers." : "Vul de AGB-code in.",
      file: !file ? "Kies een bestand." : /\.(csv|xlsx)$/i.test(file.name) ? undefined : "Kies een .csv- of .xlsx-bestand.",
    };
    setInvalid(v);
    if (v.agb || v.file || !file) {
      document.getElementById(v.agb ? "import-agb" : "import-file")?.focus();
      return;
    }
    setBusy(true);
    setOutcome(null);
    // the type follows the extension: browsers label .csv differently (Windows: application/vnd.ms-excel)
    const type = /\.xlsx$/i.test(file.name) ? XLSX : "text/csv";
    try {
      const ok = await request<StaffImportResult>(`/aanbieders/${code}/medewerkers${qs({ bestand: file.name, naam: name.trim() })}`, {
        method: "POST",
        raw: { body: file, type },
      });
      setOutcome({ file: file.name, agb: code, ok });
      onImported();
    } catch (err) {
      setOutcome({ file: file.name, agb: code, error: toApiError(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="kader-search-form kader-form" onSubmit={submit} noValidate aria-labelledby="import-h">
        <FormField
          invalid={!!invalid.agb}
          label={<FormLabel htmlFor="import-agb">AGB-code</FormLabel>}
          description={<span id="import-agb-hint">8 cijfers, bijvoorbeeld 12345678</span>}
          errorMessage={invalid.agb ? <FormFieldErrorMessage id="import-agb-error">{invalid.agb}</FormFieldErrorMessage> : undefined}
          input={
            <Textbox
              id="import-agb"
              name="agb"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              required
              invalid={!!invalid.agb}
              aria-describedby={invalid.agb ? "import-agb-hint import-agb-error" : "import-agb-hint"}
              value={agb}
              onChange={(e) => setAgb(e.target.value)}
            />
          }
        />
        <FormField
          label={<FormLabel htmlFor="import-name">Naam van de aanbieder</FormLabel>}
          description={<span id="import-name-hint">Voor een nieuwe aanbieder; leeg laten houdt de naam die Kader al kent</span>}
          input={
            <Textbox
              id="import-name"
              name="naam"
              autoComplete="organization"
              maxLength={200}
              aria-describedby="import-name-hint"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          }
        />
        <FormField
          invalid={!!invalid.file}
          label={<FormLabel htmlFor="import-file">Personeelsbestand (.csv of .xlsx)</FormLabel>}
          description={<span id="import-file-hint">Eén medewerker per rij onder een kopregel; een bestand met fouten wordt helemaal niet ingelezen</span>}
          errorMessage={invalid.file ? <FormFieldErrorMessage id="import-file-error">{invalid.file}</FormFieldErrorMessage> : undefined}
          input={
            <input
              id="import-file"
              name="bestand"
              type="file"
              className="kader-file"
              accept={`.csv,.xlsx,text/csv,${XLSX}`}
              required
              aria-invalid={invalid.file ? true : undefined}
              aria-describedby={invalid.file ? "import-file-hint import-file-error" : "import-file-hint"}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          }
        />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {busy ? "Bezig met inlezen…" : "Bestand inlezen"}
        </Button>
      </form>
      {outcome ? (
        <div ref={outcomeRef} tabIndex={-1} className="kader-outcome" data-testid="import-outcome">
          {"ok" in outcome ? (
            <Alert type="ok">
              <Paragraph>
                <strong>{outcome.ok.staff === 1 ? "1 medewerker" : `${outcome.ok.staff} medewerkers`} ingelezen</strong> uit {outcome.file} voor{" "}
                <RouterLink href={`/aanbieders/${outcome.agb}`}>{outcome.ok.aanbieder.name}</RouterLink> (AGB {outcome.agb}).{" "}
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
