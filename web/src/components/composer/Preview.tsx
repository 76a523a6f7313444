import { Heading, OrderedList, OrderedListItem, Paragraph } from "@utrecht/component-library-react";
import { API } from "../../lib/api.ts";
import { checkableText, type PveDocument, type PveRecord, pvePath } from "../../lib/quality.ts";
import { KwaliteitWaarschuwing } from "../KwaliteitBits.tsx";
import { fieldOf } from "./concept.ts";
import { ErrorSummary } from "./ErrorSummary.tsx";

const chapterTitle = { algemeen: "Algemene eisen", kaders: "Kwaliteitskaders", criteria: "Kwaliteitscriteria", eigen: "Aanvullende eisen" } as const;

/** The document the saved draft makes: its warnings, counts and the requirements per chapter. */
function Preview({ doc }: { doc: PveDocument }) {
  return (
    <div data-testid="voorbeeld">
      {doc.waarschuwingen.map((w) => (
        <KwaliteitWaarschuwing key={w}>{w}</KwaliteitWaarschuwing>
      ))}
      <Paragraph>
        {doc.eisen.length} eisen, {doc.vragen.length} vragen in de zelfevaluatie (eisen met hetzelfde begrip worden één keer gevraagd).
      </Paragraph>
      {(["algemeen", "kaders", "criteria", "eigen"] as const).map((h) => {
        const eisen = doc.eisen.filter((e) => e.hoofdstuk === h);
        if (!eisen.length) return null;
        return (
          <section key={h} aria-labelledby={`vb-${h}`}>
            <Heading level={3} id={`vb-${h}`}>
              {chapterTitle[h]}
            </Heading>
            <OrderedList start={eisen[0]!.nr}>
              {eisen.map((e) => (
                <OrderedListItem key={e.key} value={e.nr}>
                  <strong>{e.titel}</strong> — {e.tekst}
                  {e.afwijkingen.map((a) => (
                    <span key={a.tekst} className="kader-block">
                      Afwijking{a.criterium ? ` op ${a.criterium}` : ""}: {a.tekst}
                    </span>
                  ))}
                  <span className="kader-block kader-muted">
                    {checkableText(e.toetsbaar)} · {e.bron.label}
                    {e.waarschuwing ? " · vervallen kader" : ""}
                  </span>
                </OrderedListItem>
              ))}
            </OrderedList>
          </section>
        );
      })}
    </div>
  );
}

/** The saved draft as the document it makes, with exports; or what still keeps it from being published. */
export function PreviewSection({ id, data }: { id: string; data: PveRecord }) {
  return (
    <section aria-labelledby="preview-h" className="kader-section">
      <Heading level={2} id="preview-h">
        Voorbeeld (opgeslagen concept)
      </Heading>
      <Paragraph>
        <a href={`${API}${pvePath(id)}/concept?format=html`} target="_blank" rel="noopener">
          Voorbeeld als HTML<span className="kader-visually-hidden"> (opent in nieuw venster)</span>
        </a>{" "}
        ·{" "}
        <a href={`${API}${pvePath(id)}/concept?format=docx`} download>
          Voorbeeld als Word
        </a>
      </Paragraph>
      {data.voorbeeld ? (
        <Preview doc={data.voorbeeld} />
      ) : (
        <ErrorSummary
          id="c-problemen"
          heading="Dit concept kan nog niet worden gepubliceerd:"
          items={(data.problemen ?? []).map((p) => ({ id: fieldOf(p.path, data.concept), text: `${p.path ? `${p.path}: ` : ""}${p.detail}` }))}
          focusOnShow={0}
        />
      )}
    </section>
  );
}
