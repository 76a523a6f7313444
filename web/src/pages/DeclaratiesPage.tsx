import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { CareGate, count } from "../components/CareBits.tsx";
import { AnswerTable } from "../components/CareDeclaratie.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { UploadSection } from "../components/UploadSection.tsx";
import { request, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { euro, explainRetourcode, formatDay, formatMonth, wetLabel } from "../lib/care-labels.ts";
import type { DeclaratieAnswer, StoredDeclaratie } from "../lib/care-types.ts";
import { RouterLink } from "../lib/router.tsx";
import { useUpload } from "../lib/upload.ts";

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

const code = (c: string) => <span className="kader-code">{c}</span>;
const columns: Column<StoredDeclaratie>[] = [
  {
    header: "Declaratie",
    rowHeader: true,
    cell: (d) => (
      <>
        <RouterLink href={declaratiePath(d)}>{d.declaratienummer}</RouterLink>
        {d.demo ? <span className="kader-muted"> (demo)</span> : null}
      </>
    ),
  },
  { header: "Periode", cell: (d) => formatMonth(d.periodeBegin, true) },
  { header: "Aanbieder", cell: (d) => code(d.agbCode) },
  { header: "Gemeente", cell: (d) => code(d.gemeentecode) },
  { header: "Wet", cell: (d) => wetLabel[d.wet] ?? d.wet },
  { header: "Dagtekening", cell: (d) => formatDay(d.dagtekening) },
  { header: "Ingediend", num: true, cell: (d) => euro(d.ingediend) },
  { header: "Toegekend", num: true, cell: (d) => euro(d.toegekend) },
];

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
            <DataTable
              label="Declaraties"
              testId="declaraties"
              caption={`${count(data.items.length, "declaratie", "declaraties")}, nieuwste periode eerst`}
              columns={columns}
              rows={data.items}
              rowKey={(d) => `${d.agbCode}-${d.wet}-${d.declaratienummer}`}
              rowProps={(d) => ({ className: d.toegekend < d.ingediend ? "kader-expiring" : undefined })}
            />
          )
        ) : null}
      </section>
    </>
  );
}

/** An aanbieder uploads a declaratie file (CSV: one row per prestatie; JSON); the answer per prestatie follows. */
function Upload({ onDone }: { onDone: () => void }) {
  const up = useUpload({
    inputId: "decl-file",
    send: async (file) => {
      const type = /\.json$/i.test(file.name) || file.type === "application/json" ? "application/json" : "text/csv";
      const r = await request<{ antwoorden: DeclaratieAnswer[] }>("/declaraties", { method: "POST", raw: { body: file, type } });
      return r.antwoorden;
    },
    onDone,
  });
  return (
    <UploadSection
      id="decl-upload"
      heading="Declaratie indienen"
      intro={
        <Paragraph>
          Een declaratie beslaat één kalendermaand. Lever een CSV-bestand (één regel per prestatie, kolommen zoals in de documentatie) of een JSON-bestand.
          Kader controleert elke prestatie tegen de toewijzing, het contracttarief en eerdere declaraties en antwoordt per prestatie met de retourcodes van de
          iStandaarden. Hetzelfde bestand nogmaals indienen verandert niets.
        </Paragraph>
      }
      upload={up}
      field={{
        id: "decl-file",
        label: "Declaratiebestand (.csv of .json)",
        hint: "Bedragen en tarieven in centen; datums als JJJJ-MM-DD",
        accept: ".csv,.json,text/csv,application/json",
      }}
      submitLabel="Declaratie indienen"
      busyLabel="Bezig met indienen…"
      outcomeTestId="upload-outcome"
      failed={(file) => `Het bestand ${file} is niet ingediend: er is niets opgeslagen; verbeter alle fouten en lever het hele bestand opnieuw aan`}
      ok={(answers, file) => (
        <>
          <Paragraph role="status">
            {file}: {count(answers.length, "declaratie", "declaraties")} beantwoord.
          </Paragraph>
          {answers.map((a) => (
            <AnswerBlock key={`${a.declaratie.wet}-${a.declaratie.declaratienummer}`} a={a} />
          ))}
        </>
      )}
    />
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
