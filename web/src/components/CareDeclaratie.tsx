import { StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { eenheidLabel, euro, explainRetourcode, formatDay } from "../lib/care-labels.ts";
import type { CheckFinding, Eenheid, PrestatieResult, StoredPrestatie } from "../lib/care-types.ts";
import { TableWrap } from "./TableWrap.tsx";

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

/** The answer per prestatie right after an upload (POST /declaraties). */
export function AnswerTable({ nummer, prestaties }: { nummer: string; prestaties: PrestatieResult[] }) {
  return (
    <TableWrap label={`Antwoord per prestatie, declaratie ${nummer}`}>
      <Table className="kader-table" data-testid="answer-prestaties">
        <TableCaption>Antwoord per prestatie op declaratie {nummer}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Referentie</TableHeaderCell>
            <TableHeaderCell scope="col">Debet/credit</TableHeaderCell>
            <TableHeaderCell scope="col">Oordeel</TableHeaderCell>
            <TableHeaderCell scope="col" className="kader-num">
              Ingediend
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="kader-num">
              Toegekend
            </TableHeaderCell>
            <TableHeaderCell scope="col">Retourcodes</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {prestaties.map((p) => (
            <TableRow
              key={`${p.referentienummer}-${p.debetCredit}`}
              className={p.toegekend ? undefined : "kader-fails"}
              data-ref={p.referentienummer}
              data-toegekend={p.toegekend}
            >
              <TableHeaderCell scope="row">
                <span className="kader-code">{p.referentienummer}</span>
                {p.toewijzingKey ? <span className="kader-muted"> (toewijzing {p.toewijzingKey.split(/[|/]/).at(-1)})</span> : null}
              </TableHeaderCell>
              <TableCell>{p.debetCredit === "D" ? "debet" : "credit"}</TableCell>
              <TableCell>
                <Verdict toegekend={p.toegekend} />
              </TableCell>
              <TableCell className="kader-num">{euro(p.ingediendBedrag)}</TableCell>
              <TableCell className="kader-num">{euro(p.toegekendBedrag)}</TableCell>
              <TableCell>
                <Retourcodes codes={p.retourcodes} findings={p.bevindingen} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableWrap>
  );
}

/** The stored prestaties of a declaratie with their answer (GET /declaraties/:agb/:wet/:nummer). */
export function PrestatieTable({ nummer, prestaties }: { nummer: string; prestaties: StoredPrestatie[] }) {
  return (
    <TableWrap label={`Prestaties van declaratie ${nummer}`}>
      <Table className="kader-table" data-testid="prestaties">
        <TableCaption>Prestaties van declaratie {nummer} met het antwoord per prestatie</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Referentie</TableHeaderCell>
            <TableHeaderCell scope="col">Toewijzing</TableHeaderCell>
            <TableHeaderCell scope="col">Periode</TableHeaderCell>
            <TableHeaderCell scope="col" className="kader-num">
              Volume
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="kader-num">
              Tarief
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="kader-num">
              Bedrag
            </TableHeaderCell>
            <TableHeaderCell scope="col">Oordeel</TableHeaderCell>
            <TableHeaderCell scope="col">Retourcodes</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {prestaties.map((p) => (
            <TableRow
              key={`${p.referentienummer}-${p.debetCredit}`}
              className={p.toegekend ? undefined : "kader-fails"}
              data-ref={p.referentienummer}
              data-toegekend={p.toegekend}
            >
              <TableHeaderCell scope="row">
                <span className="kader-code">{p.referentienummer}</span> <span className="kader-muted">({p.debetCredit === "D" ? "debet" : "credit"})</span>
                {p.vorigReferentienummer ? <span className="kader-muted"> vervangt {p.vorigReferentienummer}</span> : null}
              </TableHeaderCell>
              <TableCell>
                <span className="kader-code">{p.toewijzingnummer}</span>
              </TableCell>
              <TableCell>
                {formatDay(p.begindatum)} t/m {formatDay(p.einddatum)}
              </TableCell>
              <TableCell className="kader-num">
                {new Intl.NumberFormat("nl-NL").format(p.volume)} {eenheidLabel[p.eenheid as Eenheid] ?? p.eenheid}
              </TableCell>
              <TableCell className="kader-num">{euro(p.tariefCents)}</TableCell>
              <TableCell className="kader-num">{euro(p.bedragCents)}</TableCell>
              <TableCell>
                <Verdict toegekend={p.toegekend} />
              </TableCell>
              <TableCell>
                <Retourcodes codes={p.retourcodes} findings={p.bevindingen} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableWrap>
  );
}
