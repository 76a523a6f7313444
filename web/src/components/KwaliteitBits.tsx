import { Alert, Paragraph, StatusBadge } from "@utrecht/component-library-react";
import { type FrameworkStatus, statusLabel, type VraagStatus, vraagStatusBadge, vraagStatusLabel } from "../lib/quality.ts";

/** A framework's status as a badge: only lapsed or superseded frameworks stand out. */
export function KwaliteitStatus({ status }: { status: FrameworkStatus }) {
  const variant = status === "in-force" ? "success" : status === "unknown" ? "neutral" : "danger";
  return (
    <StatusBadge status={variant} data-testid={`status-${status}`}>
      {statusLabel[status]}
    </StatusBadge>
  );
}

/** The warning shown wherever a lapsed framework is referenced. */
export function KwaliteitWaarschuwing({ children }: { children: string }) {
  return (
    <Alert type="warning" data-testid="vervallen-waarschuwing">
      <Paragraph>
        <strong>Let op:</strong> {children}
      </Paragraph>
    </Alert>
  );
}

export function VraagStatusBadge({ status }: { status: VraagStatus }) {
  return <StatusBadge status={vraagStatusBadge[status]}>{vraagStatusLabel[status]}</StatusBadge>;
}
