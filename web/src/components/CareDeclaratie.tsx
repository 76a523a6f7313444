import { StatusBadge } from "@utrecht/component-library-react";
import { eenheidLabel, euro, explainRetourcode, formatDay } from "../lib/care-labels.ts";
import type { CheckFinding, Eenheid, PrestatieResult, StoredPrestatie } from "../lib/care-types.ts";
import { type Column, DataTable } from "./DataTable.tsx";

/** Toegekend or afgewezen, in words (never colour alone). */
export function Verdict({ toegekend }: { toegekend: boolean }) {
  return <StatusBadge status={toegekend ? "success" : "danger"}>{toegekend ? "toegekend" : "afgewezen"}</StatusBadge>;
}

/** Every retourcode with its Dutch explanation, and the check's own words where they add something. */
export function Retourcodes({ codes, findings }: { codes: string[]; findings: CheckFinding[] }) {
  return (
    <ul className="kader-reasons" data-testid="retourcodes">
      {codes.map((c) => {
        const own = findings.filter((f) => f.retourcode === c && f.severity === "afwijzing").map((f) => f.message);
        return (
          <li key={c} data-code={c}>
            <span className="kader-code">{c}</span> {explainRetourcode(c)}
            {own.length ? <span className="kader-muted"> ({own.join("; ")})</span> : null}
          </li>
        );
      })}
      {findings
        .filter((f) => f.severity === "waarschuwing")
        .map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: warnings are a fixed list
          <li key={`w${i}`} className="kader-muted">
            Let op: {f.message}
          </li>
        ))}
    </ul>
  );
}

type Prestatie = Pick<StoredPrestatie, "referentienummer" | "debetCredit" | "toegekend" | "retourcodes" | "bevindingen">;

/** A prestatie's row: marked when it is afgewezen, named by its reference (the tests and styles find it so). */
const prestatieRow = (p: Prestatie) => ({
  className: p.toegekend ? undefined : "kader-fails",
  "data-ref": p.referentienummer,
  "data-toegekend": p.toegekend,
});
const prestatieKey = (p: Prestatie) => `${p.referentienummer}-${p.debetCredit}`;
const verdictColumn: Column<Prestatie> = { header: "Oordeel", cell: (p) => <Verdict toegekend={p.toegekend} /> };
const retourcodeColumn: Column<Prestatie> = { header: "Retourcodes", cell: (p) => <Retourcodes codes={p.retourcodes} findings={p.bevindingen} /> };

const answerColumns: Column<PrestatieResult>[] = [
  {
    header: "Referentie",
    rowHeader: true,
    cell: (p) => (
      <>
        <span className="kader-code">{p.referentienummer}</span>
        {p.toewijzingKey ? <span className="kader-muted"> (toewijzing {p.toewijzingKey.split(/[|/]/).at(-1)})</span> : null}
      </>
    ),
  },
  { header: "Debet/credit", cell: (p) => (p.debetCredit === "D" ? "debet" : "credit") },
  verdictColumn,
  { header: "Ingediend", num: true, cell: (p) => euro(p.ingediendBedrag) },
  { header: "Toegekend", num: true, cell: (p) => euro(p.toegekendBedrag) },
  retourcodeColumn,
];

/** The answer per prestatie right after an upload (POST /declaraties). */
export function AnswerTable({ nummer, prestaties }: { nummer: string; prestaties: PrestatieResult[] }) {
  return (
    <DataTable
      label={`Antwoord per prestatie, declaratie ${nummer}`}
      testId="answer-prestaties"
      caption={`Antwoord per prestatie op declaratie ${nummer}`}
      columns={answerColumns}
      rows={prestaties}
      rowKey={prestatieKey}
      rowProps={prestatieRow}
    />
  );
}

const storedColumns: Column<StoredPrestatie>[] = [
  {
    header: "Referentie",
    rowHeader: true,
    cell: (p) => (
      <>
        <span className="kader-code">{p.referentienummer}</span> <span className="kader-muted">({p.debetCredit === "D" ? "debet" : "credit"})</span>
        {p.vorigReferentienummer ? <span className="kader-muted"> vervangt {p.vorigReferentienummer}</span> : null}
      </>
    ),
  },
  { header: "Toewijzing", cell: (p) => <span className="kader-code">{p.toewijzingnummer}</span> },
  { header: "Periode", cell: (p) => `${formatDay(p.begindatum)} t/m ${formatDay(p.einddatum)}` },
  { header: "Volume", num: true, cell: (p) => `${new Intl.NumberFormat("nl-NL").format(p.volume)} ${eenheidLabel[p.eenheid as Eenheid] ?? p.eenheid}` },
  { header: "Tarief", num: true, cell: (p) => euro(p.tariefCents) },
  { header: "Bedrag", num: true, cell: (p) => euro(p.bedragCents) },
  verdictColumn,
  retourcodeColumn,
];

/** The stored prestaties of a declaratie with their answer (GET /declaraties/:agb/:wet/:nummer). */
export function PrestatieTable({ nummer, prestaties }: { nummer: string; prestaties: StoredPrestatie[] }) {
  return (
    <DataTable
      label={`Prestaties van declaratie ${nummer}`}
      testId="prestaties"
      caption={`Prestaties van declaratie ${nummer} met het antwoord per prestatie`}
      columns={storedColumns}
      rows={prestaties}
      rowKey={prestatieKey}
      rowProps={prestatieRow}
    />
  );
}
