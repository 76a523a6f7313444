/**
 * One list for every finding a check returns — message validation, grant check, declaratie check, rule evaluation:
 * `{ severity?, code, retourcode?, path?, line?, message }`. Each item says where (line, element or field path), which
 * rule (code), the iStandaarden retourcode with its meaning where one applies, and the Dutch explanation.
 */
import type { ReactNode } from "react";
import type { Finding as ContractFinding } from "../../../src/contract/problem.ts";
import { type Severity, severityLabel } from "../../../src/domain/codes/severity.ts";

/** A finding as every check answers it (src/domain/codes/finding.ts); the severity may be left out (a plain list). */
export type Finding = Omit<ContractFinding, "severity" | "source"> & { severity?: Severity };

/**
 * The findings as a list; `explain` gives a retourcode's meaning (the standard's words), `max` cuts a long list
 * (with a count of the rest), `label` names the list for screen readers.
 */
export function FindingList({
  findings,
  explain,
  max = 50,
  label = "Bevindingen",
}: {
  findings: Finding[];
  explain?: (retourcode: string) => string | undefined;
  max?: number;
  label?: string;
}): ReactNode {
  if (!findings.length) return null;
  const shown = findings.slice(0, max);
  return (
    <ul className="kader-findings" aria-label={label} style={{ margin: 0, paddingInlineStart: "1.1em" }} data-testid="findings">
      {shown.map((f, i) => {
        const meaning = f.retourcode && f.retourcode !== "0200" ? explain?.(f.retourcode) : undefined;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id and never reorder
          <li key={i}>
            {f.severity && f.severity !== "fout" ? <span className="kader-muted">{severityLabel[f.severity]}: </span> : null}
            {f.line !== undefined ? <span className="kader-muted">regel {f.line} </span> : null}
            {f.path ? (
              <>
                <span className="kader-code">{f.path}</span>:{" "}
              </>
            ) : null}
            {f.message}{" "}
            <span className="kader-muted">
              (<span className="kader-code">{f.code}</span>
              {f.retourcode && f.retourcode !== f.code ? (
                <>
                  , retourcode <span className="kader-code">{f.retourcode}</span>
                </>
              ) : null}
              {meaning ? `: ${meaning}` : ""})
            </span>
          </li>
        );
      })}
      {findings.length > shown.length ? <li className="kader-muted">… en nog {findings.length - shown.length}</li> : null}
    </ul>
  );
}
