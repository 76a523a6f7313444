/**
 * One list for every finding a check returns — message validation, grant check, declaratie check, rule evaluation:
 * `{ severity?, code, retourcode?, path?, line?, message }`. Each item says where (line, element or field path), which
 * rule (code), the iStandaarden retourcode with its meaning where one applies, and the Dutch explanation.
 */
import type { ReactNode } from "react";

export interface Finding {
  severity?: string;
  /** the rule: XSD, OP192, CS340, TR416, a retourcode, a rule id */
  code: string;
  retourcode?: string;
  /** element or field path: Bericht/Client/Bsn, rij 3 kolom bsn */
  path?: string;
  line?: number;
  /** Dutch, for the person who has to fix it */
  message: string;
}

const severityLabel: Record<string, string> = {
  fout: "fout",
  afwijzing: "afwijzing",
  waarschuwing: "waarschuwing",
  oordeel: "ter beoordeling",
  melding: "melding",
};

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
            {f.severity && f.severity !== "fout" ? <span className="kader-muted">{severityLabel[f.severity] ?? f.severity}: </span> : null}
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
