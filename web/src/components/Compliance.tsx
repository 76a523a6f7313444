import { StatusBadge } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { complianceRoles, statusBadge, statusLabel } from "../lib/labels.ts";
import type { RequirementStatus, VerdictCounts } from "../lib/types.ts";
import { SignInGate, SignInLink } from "./SignInGate.tsx";

/** A verdict or requirement status as a badge with the word in it (never colour alone). */
export function StatusText({ status }: { status: RequirementStatus }) {
  return <StatusBadge status={statusBadge[status]}>{statusLabel[status]}</StatusBadge>;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line for a provider's verdict counts: the worst news first. */
export function SummaryText({ summary: s }: { summary: VerdictCounts }) {
  if (s["voldoet-niet"]) return <StatusBadge status="danger">{count(s["voldoet-niet"], "product voldoet", "producten voldoen")} niet</StatusBadge>;
  if (s.onbekend) return <StatusBadge status="warning">{count(s.onbekend, "product", "producten")} onbekend</StatusBadge>;
  if (s.voldoet) return <StatusBadge status="success">{s.voldoet === 1 ? "het product voldoet" : `alle ${s.voldoet} producten voldoen`}</StatusBadge>;
  return <span className="kader-muted">geen producten getoetst</span>;
}

/** "verloopt over 30 dagen" or "verlopen, 5 dagen geleden". */
export function Expiry({ days }: { days: number }) {
  if (days < 0)
    return (
      <>
        <StatusBadge status="danger">verlopen</StatusBadge> {count(-days, "dag", "dagen")} geleden
      </>
    );
  return (
    <>
      <StatusBadge status="warning">verloopt</StatusBadge> {days === 0 ? "vandaag" : `over ${count(days, "dag", "dagen")}`}
    </>
  );
}

/** Shows its content only to a signed-in contractmanager or aanbieder; the API still decides what each may see. */
export function ComplianceGate({ children }: { children: ReactNode }) {
  return (
    <SignInGate
      roles={complianceRoles}
      signedOut={
        <>
          Deze pagina is voor contractmanagers en aanbieders. <SignInLink /> om verder te gaan.
        </>
      }
      denied="Geen toegang: alleen een contractmanager of een aanbieder kan aanbieders en hun toets bekijken."
    >
      {children}
    </SignInGate>
  );
}
