import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { type ApiError, request, toApiError } from "../../lib/api.ts";
import { severityHelp, severityLabel } from "../../lib/care-labels.ts";
import type { Client, GrantVerdict, ProposedProduct, Severity, Verwijzer } from "../../lib/care-types.ts";
import { count, FindingList } from "../CareBits.tsx";
import { ProblemAlert } from "../ProblemAlert.tsx";
import { proposedOf, type Row } from "./rows.ts";

export type Check =
  | { state: "idle"; reason: string }
  | { state: "busy"; previous?: GrantVerdict }
  | { state: "ok"; verdict: GrantVerdict }
  | { state: "error"; error: ApiError };

const IDLE: Check = { state: "idle", reason: "Kies een product en vul de ingangs- en einddatum in; Kader toetst dan meteen." };

/** The last verdict to show: the current one, or while a new check runs, the previous one. */
export const shownVerdict = (check: Check): GrantVerdict | undefined =>
  check.state === "ok" ? check.verdict : check.state === "busy" ? check.previous : undefined;

/**
 * The check as you type (POST /clienten/:id/toets): ~400 ms after the last change, only the latest answer counts.
 * Nothing to check (no complete product) leaves the check idle.
 */
export function useGrantCheck(clientId: Client["id"], proposal: { peildatum: string; producten: ProposedProduct[]; verwijzer: Verwijzer | "" }): Check {
  const [check, setCheck] = useState<Check>(IDLE);
  const latest = useRef(0);
  const { peildatum, producten, verwijzer } = proposal;
  const body = producten.length ? JSON.stringify({ peildatum, producten, ...(verwijzer ? { verwijzer } : {}) }) : "";
  useEffect(() => {
    const n = ++latest.current;
    if (!body) {
      setCheck(IDLE);
      return;
    }
    setCheck((c) => ({ state: "busy", previous: shownVerdict(c) }));
    const t = setTimeout(() => {
      request<GrantVerdict>(`/clienten/${clientId}/toets`, { method: "POST", body: JSON.parse(body) }).then(
        (verdict) => n === latest.current && setCheck({ state: "ok", verdict }),
        (e: unknown) => n === latest.current && setCheck({ state: "error", error: toApiError(e) }),
      );
    }, 400);
    return () => clearTimeout(t);
  }, [body, clientId]);
  return check;
}

const tally = (v: GrantVerdict) => {
  const n = (s: Severity) => v.bevindingen.filter((f) => f.severity === s).length;
  return { fout: n("fout"), waarschuwing: n("waarschuwing"), oordeel: n("oordeel") };
};

function verdictText(v: GrantVerdict): string {
  if (v.bevindingen.length === 0) return "Toets: de beschikking voldoet aan de regels van het productenboek.";
  const t = tally(v);
  const parts = [
    t.fout ? count(t.fout, "fout", "fouten") : "",
    t.oordeel ? `${count(t.oordeel, "punt", "punten")} voor een professioneel oordeel` : "",
    t.waarschuwing ? count(t.waarschuwing, "waarschuwing", "waarschuwingen") : "",
  ].filter(Boolean);
  const end = v.toegestaan ? "afgeven kan." : v.overrideMogelijk ? "afgeven kan alleen met een motivering." : "zo kan de beschikking niet worden afgegeven.";
  return `Toets: ${parts.join(", ")}; ${end}`;
}

function summaryText(check: Check, verdict: GrantVerdict | undefined): string {
  if (check.state === "idle") return check.reason;
  if (check.state === "error") return "De toets kon niet worden uitgevoerd; zie de melding hieronder.";
  if (check.state === "busy" && !verdict) return "Bezig met toetsen…";
  return verdict ? verdictText(verdict) : "";
}

/** Rows that are begun but cannot be checked yet, with what they still need. */
function Unchecked({ rows }: { rows: Row[] }) {
  if (!rows.some((r) => !proposedOf(r).ok && (r.product || r.ingangsdatum || r.einddatum))) return null;
  return (
    <Paragraph className="kader-muted">
      Nog niet getoetst:{" "}
      {rows
        .map((r, i) => ({ r, i, p: proposedOf(r) }))
        .filter((x) => !x.p.ok)
        .map(({ i, p }) => `product ${i + 1} (${p.ok ? "" : [...p.missing.map((m) => `vul ${m} in`), ...Object.values(p.invalid)].join("; ")})`)
        .join(", ")}
      .
    </Paragraph>
  );
}

/** The live check: a summary in words, the findings with their severity and line, and what is not checked yet. */
export function GrantCheck({ uid, check, rows }: { uid: string; check: Check; rows: Row[] }) {
  const verdict = shownVerdict(check);
  const productName = (id: string) => rows.find((r) => r.product?.id === id)?.product?.name ?? id;
  return (
    <section aria-labelledby={`${uid}-toets-h`} className="kader-grant-check" data-testid="grant-check" aria-busy={check.state === "busy"}>
      <Heading level={3} id={`${uid}-toets-h`}>
        Toets aan het productenboek
      </Heading>
      <p role="status" className="kader-grant-summary" data-testid="grant-summary" data-state={check.state}>
        {summaryText(check, verdict)}
      </p>
      {check.state === "error" ? <ProblemAlert error={check.error} heading="Nog niet te toetsen" /> : null}
      {verdict?.bevindingen.length ? (
        <div className={check.state === "busy" ? "kader-busy" : undefined}>
          <FindingList findings={verdict.bevindingen} productName={rows.length > 1 ? productName : undefined} />
          <ul className="kader-legend-text kader-muted">
            {(["fout", "oordeel", "waarschuwing"] as const)
              .filter((s) => verdict.bevindingen.some((f) => f.severity === s))
              .map((s) => (
                <li key={s}>
                  {severityLabel[s]}: {severityHelp[s]}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
      <Unchecked rows={rows} />
    </section>
  );
}
