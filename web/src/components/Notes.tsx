import { Paragraph, StatusBadge } from "@utrecht/component-library-react";
import { noteKindLabel, noteKindStatus } from "../lib/labels.ts";
import type { Note } from "../lib/types.ts";

/** "regel 83" — a line in the source document. */
export function LineRef({ line, file }: { line: number | null | undefined; file?: string }) {
  if (!line) return null;
  return <span className="kader-line">{file ? `${file}, regel ${line}` : `regel ${line}`}</span>;
}

/**
 * The notes Kader keeps about a document or product: contradictions (with every reading as written), gaps,
 * ambiguities and remarks. Each is marked with a badge in words, not only by colour.
 */
export function NoteList({ notes, file }: { notes: Note[]; file?: string }) {
  if (notes.length === 0) return <Paragraph className="kader-muted">Geen kanttekeningen.</Paragraph>;
  return (
    <ul className="kader-notes">
      {notes.map((n, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: notes are a fixed list from the document
        <li key={i} className={`kader-note kader-note--${n.kind}`}>
          <Paragraph>
            <StatusBadge status={noteKindStatus[n.kind]}>{noteKindLabel[n.kind]}</StatusBadge> {n.text} <LineRef line={n.line} file={file} />
          </Paragraph>
          {n.readings.length > 0 ? (
            <>
              <Paragraph className="kader-muted">{n.kind === "contradiction" ? "Lezingen in het document:" : "In het document:"}</Paragraph>
              <ol className="kader-readings">
                {n.readings.map((r, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: readings are a fixed list
                  <li key={j}>
                    <blockquote className="kader-quote" lang="nl">
                      “{r.asWritten}”
                    </blockquote>{" "}
                    <LineRef line={r.line} />
                    {r.value ? <span> — lezing: {r.value}</span> : null}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
