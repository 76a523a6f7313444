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
import { type Finding, FindingList } from "../components/FindingList.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
import { API, type ApiError, request, toApiError, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";

/** A message in the log, as GET /berichten returns it (web/ talks to the API only). */
interface Bericht {
  id: number;
  rol: "gemeente" | "aanbieder";
  richting: "in" | "uit";
  gemeentecode: string;
  agbCode: string;
  berichtNaam: string;
  afzender: string;
  ontvanger: string;
  identificatie: string;
  dagtekening: string | null;
  bestandsnaam: string;
  status: string;
  retourcodes: string[];
  meldingen: { retourcode: string; pad: string; tekst: string }[];
  antwoordOp: number | null;
  createdAt: string;
  uitleg: Record<string, string>;
}

interface Uitkomst {
  bestandsnaam: string;
  berichtNaam: string | null;
  identificatie: string | null;
  status: string;
  retourcodes: string[];
  meldingen: { retourcode: string; pad: string; tekst: string }[];
  antwoorden: { bestandsnaam: string; berichtNaam: string; berichtId?: number }[];
  uitleg: Record<string, string>;
  /** every finding: element path, line, rule, retourcode and the Dutch explanation */
  bevindingen?: Finding[];
}

/** A logged melding as a finding (the log keeps retourcode, path and text; the text names rule and line). */
const meldingFinding = (m: { retourcode: string; pad: string; tekst: string }): Finding => ({
  severity: m.retourcode === "0200" || m.retourcode === "" ? "melding" : "fout",
  code: m.retourcode || "melding",
  ...(m.retourcode ? { retourcode: m.retourcode } : {}),
  ...(m.pad ? { path: m.pad } : {}),
  message: m.tekst,
});

interface Verzoek {
  id: number;
  soort: "315" | "317";
  gemeentecode: string;
  agbCode: string;
  wet: string;
  referentieAanbieder: string;
  status: string;
  createdAt: string;
}

/** What each status means, in words a user reads. */
const statusLabel: Record<string, string> = {
  verwerkt: "verwerkt en beantwoord",
  afgekeurd: "afgekeurd (beantwoord)",
  herhaald: "al eerder verwerkt",
  geregistreerd: "geregistreerd",
  verzonden: "verzonden",
  onleesbaar: "onleesbaar: geen antwoord mogelijk",
  geweigerd: "geweigerd: niet voor u",
  fout: "interne fout: niets opgeslagen",
};
const verzoekStatusLabel: Record<string, string> = { open: "open", "in-onderzoek": "in onderzoek", afgewezen: "afgewezen", toegewezen: "toegewezen" };
const redenen: [string, string][] = [
  ["1", "geen wijziging, maar nieuwe aanvraag"],
  ["2", "past niet binnen budget"],
  ["3", "geen contract"],
  ["4", "past niet binnen contract"],
  ["5", "andere gemeente"],
  ["6", "stapeling"],
  ["7", "zorginhoudelijke afkeur"],
  ["8", "woonplaatsbeginsel"],
  ["9", "leeftijdsgrens is bereikt"],
];
const when = (iso: string) => new Date(iso).toLocaleString("nl-NL", { dateStyle: "short", timeStyle: "short" });

/** Berichten: upload of iWmo/iJw messages (XML or ZIP), the inbox and outbox with status and retourcodes, and the verzoeken. */
export function BerichtenPage() {
  return (
    <>
      <PageHeading title="Berichten">Berichten (iWmo en iJw)</PageHeading>
      <CareGate roles={["aanbieder", "toegang", "controller"]} what="het berichtenverkeer">
        <Berichten />
      </CareGate>
    </>
  );
}

function Codes({ codes, uitleg }: { codes: string[]; uitleg: Record<string, string> }) {
  if (!codes.length) return <span className="kader-muted">geen</span>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: "1.1em" }}>
      {codes.map((c) => (
        <li key={c}>
          <span className="kader-code">{c}</span> {uitleg[c] ?? ""}
        </li>
      ))}
    </ul>
  );
}

function Berichten() {
  const auth = useAuth();
  const [reload, setReload] = useState(0);
  const [richting, setRichting] = useState<"in" | "uit">("in");
  const list = useApi<{ total: number; items: Bericht[] }>(`/berichten?richting=${richting}`, { cached: false, reload });
  const data = list.state === "ok" ? list.data : list.state === "loading" ? list.previous : undefined;
  const mayUpload = auth.user?.role === "aanbieder" || auth.user?.role === "toegang";
  return (
    <>
      <Paragraph>
        Kader verwerkt de berichten van iWmo en iJw 3.2: een gemeente ontvangt start- en stopberichten, verzoeken en declaraties en beantwoordt ze met
        retourberichten (306, 308, 316, 318) en declaratie-antwoorden (325); een aanbieder ontvangt toewijzingen (301) en antwoorden (319). Elke retourcode
        wordt hieronder uitgelegd; 0200 betekent „geen opmerking”.
      </Paragraph>
      {mayUpload ? <Upload onDone={() => setReload((n) => n + 1)} /> : null}
      <section aria-labelledby="msg-list-h" className="kader-section">
        <Heading level={2} id="msg-list-h">
          {richting === "in" ? "Ontvangen berichten" : "Verzonden berichten en antwoorden"}
        </Heading>
        <fieldset className="kader-search-form" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="kader-visually-hidden">Welke berichten</legend>
          <Button
            appearance={richting === "in" ? "primary-action-button" : "secondary-action-button"}
            aria-pressed={richting === "in"}
            onClick={() => setRichting("in")}
          >
            Ontvangen
          </Button>
          <Button
            appearance={richting === "uit" ? "primary-action-button" : "secondary-action-button"}
            aria-pressed={richting === "uit"}
            onClick={() => setRichting("uit")}
          >
            Verzonden
          </Button>
        </fieldset>
        {list.state === "loading" && !data ? <Loading what="Berichten" /> : null}
        {list.state === "error" ? <ProblemAlert error={list.error} heading="De berichten konden niet worden geladen" /> : null}
        {data ? (
          data.items.length === 0 ? (
            <Paragraph>Er zijn nog geen berichten.</Paragraph>
          ) : (
            <TableWrap label="Berichten">
              <Table className="kader-table" data-testid="berichten">
                <TableCaption>
                  {count(data.total, "bericht", "berichten")}, nieuwste eerst{data.total > data.items.length ? ` (de eerste ${data.items.length})` : ""}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Bericht</TableHeaderCell>
                    <TableHeaderCell scope="col">Identificatie</TableHeaderCell>
                    <TableHeaderCell scope="col">Van → aan</TableHeaderCell>
                    <TableHeaderCell scope="col">Dagtekening</TableHeaderCell>
                    <TableHeaderCell scope="col">Status</TableHeaderCell>
                    <TableHeaderCell scope="col">Retourcodes</TableHeaderCell>
                    <TableHeaderCell scope="col">Bestand</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.items.map((b) => (
                    <TableRow key={b.id} className={b.status === "afgekeurd" || b.retourcodes.length ? "kader-expiring" : undefined}>
                      <TableHeaderCell scope="row">
                        {b.berichtNaam}
                        {b.antwoordOp ? <span className="kader-muted"> (antwoord)</span> : null}
                      </TableHeaderCell>
                      <TableCell>
                        <span className="kader-code">{b.identificatie}</span>
                      </TableCell>
                      <TableCell>
                        <span className="kader-code">{b.afzender}</span> → <span className="kader-code">{b.ontvanger}</span>
                      </TableCell>
                      <TableCell>{b.dagtekening ?? "—"}</TableCell>
                      <TableCell>
                        {statusLabel[b.status] ?? b.status}
                        <span className="kader-muted"> · {when(b.createdAt)}</span>
                      </TableCell>
                      <TableCell>
                        <Codes codes={b.retourcodes} uitleg={b.uitleg} />
                        {b.meldingen.length ? (
                          <details>
                            <summary>{count(b.meldingen.length, "bevinding", "bevindingen")}</summary>
                            <FindingList
                              findings={b.meldingen.map(meldingFinding)}
                              explain={(c) => b.uitleg[c]}
                              label={`Bevindingen bij ${b.berichtNaam} ${b.identificatie}`}
                            />
                          </details>
                        ) : null}
                      </TableCell>
                      <TableCell>
                        <a href={`${API}/berichten/${b.id}/xml`} download>
                          XML
                          <span className="kader-visually-hidden">
                            {" "}
                            van {b.berichtNaam} {b.identificatie}
                          </span>
                        </a>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableWrap>
          )
        ) : null}
      </section>
      {auth.user?.role === "toegang" || auth.user?.role === "aanbieder" ? (
        <Verzoeken reload={reload} onDone={() => setReload((n) => n + 1)} canAnswer={auth.user?.role === "toegang"} />
      ) : null}
    </>
  );
}

/** Upload one message (XML) or a batch (ZIP): processed at once, with the answers to download. */
function Upload({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ file: string; results?: Uitkomst[]; error?: ApiError } | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!file);
    if (!file) {
      document.getElementById("msg-file")?.focus();
      return;
    }
    const zip = /\.zip$/i.test(file.name);
    setBusy(true);
    try {
      const r = await request<{ berichten: Uitkomst[] }>(`/berichten?bestandsnaam=${encodeURIComponent(file.name.replace(/\.zip$/i, ""))}`, {
        method: "POST",
        raw: { body: file, type: zip ? "application/zip" : "application/xml" },
      });
      setOutcome({ file: file.name, results: r.berichten });
      onDone();
    } catch (x) {
      setOutcome({ file: file.name, error: toApiError(x) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="msg-upload-h">
      <Heading level={2} id="msg-upload-h">
        Berichten aanleveren
      </Heading>
      <form className="kader-search-form" onSubmit={submit} noValidate aria-labelledby="msg-upload-h">
        <FormField
          invalid={missing}
          label={<FormLabel htmlFor="msg-file">Bericht (.xml) of batch (.zip, hoogstens 30 berichten)</FormLabel>}
          errorMessage={missing ? <FormFieldErrorMessage id="msg-file-error">Kies een bestand.</FormFieldErrorMessage> : undefined}
          input={
            <input
              id="msg-file"
              name="bestand"
              type="file"
              className="kader-file"
              accept=".xml,.zip,application/xml,text/xml,application/zip"
              required
              aria-invalid={missing ? true : undefined}
              aria-describedby={missing ? "msg-file-error" : undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          }
        />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {busy ? "Bezig met verwerken…" : "Aanleveren en verwerken"}
        </Button>
      </form>
      <div ref={outcomeRef} tabIndex={-1} className="kader-outcome" data-testid="message-outcome">
        {outcome?.error ? <ProblemAlert error={outcome.error} heading={`${outcome.file} is niet verwerkt`} /> : null}
        {outcome?.results ? (
          <>
            <Paragraph role="status">
              {outcome.file}: {count(outcome.results.length, "bericht", "berichten")} verwerkt.
            </Paragraph>
            <TableWrap label="Uitkomst">
              <Table className="kader-table">
                <TableCaption>Uitkomst per bericht</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Bestand</TableHeaderCell>
                    <TableHeaderCell scope="col">Status</TableHeaderCell>
                    <TableHeaderCell scope="col">Retourcodes</TableHeaderCell>
                    <TableHeaderCell scope="col">Antwoord</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {outcome.results.map((r) => (
                    <TableRow key={r.bestandsnaam}>
                      <TableHeaderCell scope="row">
                        {r.bestandsnaam}
                        {r.berichtNaam ? <span className="kader-muted"> ({r.berichtNaam})</span> : null}
                      </TableHeaderCell>
                      <TableCell>
                        {statusLabel[r.status] ?? r.status}
                        <FindingList
                          findings={r.bevindingen ?? r.meldingen.map(meldingFinding)}
                          explain={(c) => r.uitleg[c]}
                          label={`Bevindingen bij ${r.bestandsnaam}`}
                        />
                      </TableCell>
                      <TableCell>
                        <Codes codes={r.retourcodes} uitleg={r.uitleg} />
                      </TableCell>
                      <TableCell>
                        {r.antwoorden.map((a) =>
                          a.berichtId ? (
                            <a key={a.bestandsnaam} href={`${API}/berichten/${a.berichtId}/xml`} download>
                              {a.bestandsnaam}
                            </a>
                          ) : (
                            <span key={a.bestandsnaam}>{a.bestandsnaam}</span>
                          ),
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableWrap>
          </>
        ) : null}
      </div>
    </section>
  );
}

/** Verzoeken om toewijzing (315) and om wijziging (317): the toegang answers with a 319 or grants (and sends a 301). */
function Verzoeken({ reload, onDone, canAnswer }: { reload: number; onDone: () => void; canAnswer: boolean }) {
  const list = useApi<Verzoek[]>("/verzoeken", { cached: false, reload });
  const [error, setError] = useState<ApiError | null>(null);
  const [reden, setReden] = useState<Record<number, string>>({});
  const answer = async (v: Verzoek, antwoord: "afgewezen" | "in-onderzoek") => {
    setError(null);
    try {
      await request(`/verzoeken/${v.id}/antwoord`, { method: "POST", body: antwoord === "afgewezen" ? { antwoord, reden: reden[v.id] ?? "7" } : { antwoord } });
      onDone();
    } catch (x) {
      setError(toApiError(x));
    }
  };
  return (
    <section aria-labelledby="vz-h" className="kader-section">
      <Heading level={2} id="vz-h">
        Verzoeken om toewijzing en om wijziging
      </Heading>
      <Paragraph>
        Kader registreert elk verzoek en beantwoordt het technisch (316/318). Over de inhoud beslist de toegang: toekennen gaat met een beschikking en een
        toewijzingsbericht (301), afwijzen of „in onderzoek” met een antwoordbericht (319).
      </Paragraph>
      {error ? <ProblemAlert error={error} heading="Het antwoord is niet verstuurd" /> : null}
      {list.state === "error" ? <ProblemAlert error={list.error} heading="De verzoeken konden niet worden geladen" /> : null}
      {list.state === "ok" ? (
        list.data.length === 0 ? (
          <Paragraph>Er zijn geen verzoeken.</Paragraph>
        ) : (
          <TableWrap label="Verzoeken">
            <Table className="kader-table" data-testid="verzoeken">
              <TableCaption>{count(list.data.length, "verzoek", "verzoeken")}, open eerst</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Referentie</TableHeaderCell>
                  <TableHeaderCell scope="col">Soort</TableHeaderCell>
                  <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                  {canAnswer ? <TableHeaderCell scope="col">Antwoord</TableHeaderCell> : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.map((v) => (
                  <TableRow key={v.id}>
                    <TableHeaderCell scope="row">
                      <span className="kader-code">{v.referentieAanbieder}</span>
                    </TableHeaderCell>
                    <TableCell>{v.soort === "315" ? "verzoek om toewijzing" : "verzoek om wijziging"}</TableCell>
                    <TableCell>
                      <span className="kader-code">{v.agbCode}</span>
                    </TableCell>
                    <TableCell>{verzoekStatusLabel[v.status] ?? v.status}</TableCell>
                    {canAnswer ? (
                      <TableCell>
                        {v.status === "open" || v.status === "in-onderzoek" ? (
                          <div className="kader-search-form">
                            <label htmlFor={`reden-${v.id}`}>Reden van afwijzing</label>
                            <select id={`reden-${v.id}`} value={reden[v.id] ?? "7"} onChange={(e) => setReden({ ...reden, [v.id]: e.target.value })}>
                              {redenen.map(([c, l]) => (
                                <option key={c} value={c}>
                                  {c} – {l}
                                </option>
                              ))}
                            </select>
                            <Button appearance="secondary-action-button" onClick={() => answer(v, "afgewezen")}>
                              Afwijzen<span className="kader-visually-hidden"> verzoek {v.referentieAanbieder}</span>
                            </Button>
                            {v.status === "open" ? (
                              <Button appearance="subtle-button" onClick={() => answer(v, "in-onderzoek")}>
                                In onderzoek<span className="kader-visually-hidden"> verzoek {v.referentieAanbieder}</span>
                              </Button>
                            ) : null}
                          </div>
                        ) : (
                          <span className="kader-muted">beantwoord</span>
                        )}
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableWrap>
        )
      ) : null}
    </section>
  );
}
