import { Alert, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useEffect, useRef } from "react";
import { focusField, type SummaryItem } from "./concept.ts";

/** A list of what is wrong, each item a link that moves the focus to the field; focused when it appears. */
export function ErrorSummary({ id, heading, items, focusOnShow }: { id: string; heading: string; items: SummaryItem[]; focusOnShow: number }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOnShow) ref.current?.focus();
  }, [focusOnShow]);
  if (!items.length) return null;
  return (
    <section id={id} ref={ref} tabIndex={-1} aria-labelledby={`${id}-h`} data-testid={id}>
      <Alert type="error">
        <Paragraph>
          <strong id={`${id}-h`}>{heading}</strong>
        </Paragraph>
        <UnorderedList>
          {items.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt as a whole
            <UnorderedListItem key={i}>
              {x.id ? (
                <a
                  href={`#${x.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(x.id!);
                  }}
                >
                  {x.text}
                </a>
              ) : (
                x.text
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    </section>
  );
}
