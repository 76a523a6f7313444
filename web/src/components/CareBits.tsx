import { StatusBadge } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { maskBsn, severityBadge, severityLabel, toewijzingStatusBadge, toewijzingStatusLabel } from "../lib/care-labels.ts";
import type { GrantFinding, Severity, ToewijzingStatus } from "../lib/care-types.ts";
import { roleLabel } from "../lib/labels.ts";
import type { Role } from "../lib/types.ts";
import { LineRef } from "./Notes.tsx";
import { SignInGate, SignInLink } from "./SignInGate.tsx";

/** A toewijzing's status as a badge with the word in it (never colour alone). */
export function CareStatus({ status }: { status: ToewijzingStatus }) {
  return (
    <StatusBadge status={toewijzingStatusBadge[status] ?? "neutral"} data-status={status}>
      {toewijzingStatusLabel[status] ?? status}
    </StatusBadge>
  );
}

/** A finding's severity as a badge with the word in it. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <StatusBadge status={severityBadge[severity] ?? "neutral"} data-severity={severity}>
      {severityLabel[severity] ?? severity}
    </StatusBadge>
  );
}

/** Findings of the grant check: severity, message and the document's words with their line. */
export function FindingList({ findings, productName }: { findings: GrantFinding[]; productName?: (id: string) => string }) {
  return (
    <ul className="kader-findings" data-testid="findings">
      {findings.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: findings are an ordered list that is replaced as a whole
        <li key={i} className={`kader-finding kader-finding--${f.severity}`} data-severity={f.severity}>
          <SeverityBadge severity={f.severity} /> {productName ? <strong>{productName(f.productId)}: </strong> : null}
          {f.message}
          {f.asWritten || f.line ? (
            <>
              <br />
              <span className="kader-muted">
                {f.asWritten ? <q>{f.asWritten}</q> : null} <LineRef line={f.line} />
              </span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The BSN in full for toegang (who registers clients), masked for everyone else. */
export function Bsn({ bsn, role }: { bsn: string; role: Role | undefined }) {
  return role === "toegang" ? (
    <span className="kader-code">{bsn}</span>
  ) : (
    <span className="kader-code">
      <span aria-hidden="true">{maskBsn(bsn)}</span>
      <span className="kader-visually-hidden">eindigend op {bsn.slice(-3).split("").join(" ")}</span>
    </span>
  );
}

/** Shows its content only to a signed-in user with one of `roles`; the API still decides what each may see. */
export function CareGate({ roles, what, children }: { roles: Role[]; what: string; children: ReactNode }) {
  return (
    <SignInGate
      roles={roles}
      signedOut={
        <>
          Deze pagina bevat persoonsgegevens. <SignInLink /> om verder te gaan.
        </>
      }
      denied={`Geen toegang: ${what} is er voor ${roles.map((r) => (roleLabel[r] ?? r).toLowerCase()).join(", ")}.`}
    >
      {children}
    </SignInGate>
  );
}

/** "1 cliënt" / "3 cliënten". */
export const count = (n: number, one: string, many: string) => `${new Intl.NumberFormat("nl-NL").format(n)} ${n === 1 ? one : many}`;
