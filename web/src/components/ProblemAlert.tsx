import { Alert, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import type { ApiError } from "../lib/api.ts";

/**
 * A problem+json answer (400/401/403/404/429/5xx) as an error alert: the title, the detail, and every problem with
 * the parameter or field it is about, so the user can fix everything in one round.
 */
export function ProblemAlert({ error, heading }: { error: ApiError; heading?: string }) {
  const p = error.problem;
  const listed = (p.problems ?? []).filter((x) => x.detail);
  return (
    <Alert type="error" role="alert" className="kader-problem">
      <Paragraph>
        <strong>{heading ?? p.title}</strong>
        {heading && p.title !== heading ? `: ${p.title}` : null}
      </Paragraph>
      {listed.length > 1 || (listed.length === 1 && listed[0]?.path) ? (
        <UnorderedList>
          {listed.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id and never reorder
            <UnorderedListItem key={i}>
              {x.path ? (
                <>
                  <span className="kader-code">{x.path}</span>: {x.detail}
                </>
              ) : (
                x.detail
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : p.detail ? (
        <Paragraph>{p.detail}</Paragraph>
      ) : null}
      {error.status === 429 ? <Paragraph>Wacht even en probeer het daarna opnieuw.</Paragraph> : null}
      {p.correlationId ? <Paragraph>Meld bij de beheerder de code {p.correlationId}.</Paragraph> : null}
    </Alert>
  );
}

/** A polite "loading" message for screen readers and sighted users alike. */
export function Loading({ what = "Gegevens" }: { what?: string }) {
  return (
    <Paragraph role="status" className="kader-muted">
      {what} worden geladen…
    </Paragraph>
  );
}
