import { Button, Heading, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { CareGate, count } from "../components/CareBits.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { type Finding, FindingList } from "../components/FindingList.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { UploadSection } from "../components/UploadSection.tsx";
import { useAction } from "../lib/action.ts";
import { API, call, useApi, useRoute } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { useUpload } from "../lib/upload.ts";
import type { Melding, MessageLog, ProcessedMessage, Verzoek } from "../lib/messages-types.ts";

/** A message in the log with the meaning of its retourcodes, as GET /berichten returns it. */
type Bericht = MessageLog["items"][number];
/** What one uploaded message came to. */
type MessageOutcome = ProcessedMessage;

/** A logged melding as a finding (the log keeps retourcode, path and text; the text names rule and line). */
const meldingFinding = (m: Melding): Finding => ({
  severity: m.retourcode === "0200" || m.retourcode === "" ? "melding" : "fout",
  code: m.retourcode || "melding",
  ...(m.retourcode ? { retourcode: m.retourcode } : {}),
  ...(m.pad ? { path: m.pad } : {}),
  message: m.tekst,
});

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

const code = (c: string) => <span className="kader-code">{c}</span>;
const messageColumns: Column<Bericht>[] = [
  {
    header: "Bericht",
    rowHeader: true,
    cell: (b) => (
      <>
        {b.berichtNaam}
        {b.antwoordOp ? <span className="kader-muted"> (antwoord)</span> : null}
      </>
    ),
  },
  { header: "Identificatie", cell: (b) => code(b.identificatie) },
  {
    header: "Van → aan",
    cell: (b) => (
      <>
        {code(b.afzender)} → {code(b.ontvanger)}
      </>
    ),
  },
  { header: "Dagtekening", cell: (b) => b.dagtekening ?? "—" },
  {
    header: "Status",
    cell: (b) => (
      <>
        {statusLabel[b.status] ?? b.status}
        <span className="kader-muted"> · {when(b.createdAt)}</span>
      </>
    ),
  },
  {
    header: "Retourcodes",
    cell: (b) => (
      <>
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
      </>
    ),
  },
  {
    header: "Bestand",
    cell: (b) => (
      <a href={`${API}/berichten/${b.id}/xml`} download>
        XML
        <span className="kader-visually-hidden">
          {" "}
          van {b.berichtNaam} {b.identificatie}
        </span>
      </a>
    ),
  },
];

const outcomeColumns: Column<MessageOutcome>[] = [
  {
    header: "Bestand",
    rowHeader: true,
    cell: (r) => (
      <>
        {r.bestandsnaam}
        {r.berichtNaam ? <span className="kader-muted"> ({r.berichtNaam})</span> : null}
      </>
    ),
  },
  {
    header: "Status",
    cell: (r) => (
      <>
        {statusLabel[r.status] ?? r.status}
        <FindingList findings={r.bevindingen ?? r.meldingen.map(meldingFinding)} explain={(c) => r.uitleg[c]} label={`Bevindingen bij ${r.bestandsnaam}`} />
      </>
    ),
  },
  { header: "Retourcodes", cell: (r) => <Codes codes={r.retourcodes} uitleg={r.uitleg} /> },
  {
    header: "Antwoord",
    cell: (r) =>
      r.antwoorden.map((a) =>
        a.berichtId ? (
          <a key={a.bestandsnaam} href={`${API}/berichten/${a.berichtId}/xml`} download>
            {a.bestandsnaam}
          </a>
        ) : (
          <span key={a.bestandsnaam}>{a.bestandsnaam}</span>
        ),
      ),
  },
];

function Berichten() {
  const auth = useAuth();
  const [reload, setReload] = useState(0);
  const [richting, setRichting] = useState<"in" | "uit">("in");
  const list = useRoute("GET /api/v1/berichten", { query: { richting } }, { cached: false, reload });
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
            <DataTable
              label="Berichten"
              testId="berichten"
              caption={`${count(data.total, "bericht", "berichten")}, nieuwste eerst${data.total > data.items.length ? ` (de eerste ${data.items.length})` : ""}`}
              columns={messageColumns}
              rows={data.items}
              rowKey={(b) => b.id}
              rowProps={(b) => ({ className: b.status === "afgekeurd" || b.retourcodes.length ? "kader-expiring" : undefined })}
            />
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
  const up = useUpload({
    inputId: "msg-file",
    send: async (file) => {
      const zip = /\.zip$/i.test(file.name);
      const r = await call("POST /api/v1/berichten", {
        query: { bestandsnaam: file.name.replace(/\.zip$/i, "") },
        raw: { body: file, type: zip ? "application/zip" : "application/xml" },
      });
      return r.berichten;
    },
    onDone,
  });
  return (
    <UploadSection
      id="msg-upload"
      heading="Berichten aanleveren"
      upload={up}
      field={{ id: "msg-file", label: "Bericht (.xml) of batch (.zip, hoogstens 30 berichten)", accept: ".xml,.zip,application/xml,text/xml,application/zip" }}
      submitLabel="Aanleveren en verwerken"
      busyLabel="Bezig met verwerken…"
      outcomeTestId="message-outcome"
      failed={(file) => `${file} is niet verwerkt`}
      ok={(results, file) => (
        <>
          <Paragraph role="status">
            {file}: {count(results.length, "bericht", "berichten")} verwerkt.
          </Paragraph>
          <DataTable label="Uitkomst" caption="Uitkomst per bericht" columns={outcomeColumns} rows={results} rowKey={(r) => r.bestandsnaam} />
        </>
      )}
    />
  );
}

/** Verzoeken om toewijzing (315) and om wijziging (317): the toegang answers with a 319 or grants (and sends a 301). */
function Verzoeken({ reload, onDone, canAnswer }: { reload: number; onDone: () => void; canAnswer: boolean }) {
  const list = useApi<Verzoek[]>("/verzoeken", { cached: false, reload });
  const send = useAction();
  const [reden, setReden] = useState<Record<number, string>>({});
  const answer = (v: Verzoek, antwoord: "afgewezen" | "in-onderzoek") =>
    send.run(async () => {
      await call("POST /api/v1/verzoeken/:id/antwoord", {
        params: { id: String(v.id) },
        body: antwoord === "afgewezen" ? { antwoord, reden: reden[v.id] ?? "7" } : { antwoord },
      });
      onDone();
    });
  return (
    <section aria-labelledby="vz-h" className="kader-section">
      <Heading level={2} id="vz-h">
        Verzoeken om toewijzing en om wijziging
      </Heading>
      <Paragraph>
        Kader registreert elk verzoek en beantwoordt het technisch (316/318). Over de inhoud beslist de toegang: toekennen gaat met een beschikking en een
        toewijzingsbericht (301), afwijzen of „in onderzoek” met een antwoordbericht (319).
      </Paragraph>
      {send.error ? <ProblemAlert error={send.error} heading="Het antwoord is niet verstuurd" /> : null}
      {list.state === "error" ? <ProblemAlert error={list.error} heading="De verzoeken konden niet worden geladen" /> : null}
      {list.state === "ok" ? (
        list.data.length === 0 ? (
          <Paragraph>Er zijn geen verzoeken.</Paragraph>
        ) : (
          <DataTable
            label="Verzoeken"
            testId="verzoeken"
            caption={`${count(list.data.length, "verzoek", "verzoeken")}, open eerst`}
            columns={[
              { header: "Referentie", rowHeader: true, cell: (v) => code(v.referentieAanbieder) },
              { header: "Soort", cell: (v) => (v.soort === "315" ? "verzoek om toewijzing" : "verzoek om wijziging") },
              { header: "Aanbieder", cell: (v) => code(v.agbCode) },
              { header: "Status", cell: (v) => verzoekStatusLabel[v.status] ?? v.status },
              {
                header: "Antwoord",
                hidden: !canAnswer,
                cell: (v) =>
                  v.status === "open" || v.status === "in-onderzoek" ? (
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
                  ),
              },
            ]}
            rows={list.data}
            rowKey={(v) => v.id}
          />
        )
      ) : null}
    </section>
  );
}
