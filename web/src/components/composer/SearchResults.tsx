import {
  Button,
  FormField,
  FormLabel,
  Table,
  TableBody,
  TableCaption,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { TableWrap } from "../TableWrap.tsx";
import type { Debounced } from "./hooks.ts";

/** A search box inside the draft's form: Enter does not submit the form. */
export function SearchField({ id, label, hint, value, onChange }: { id: string; label: string; hint: string; value: string; onChange: (v: string) => void }) {
  return (
    <FormField
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={<span id={`${id}-hint`}>{hint}</span>}
      input={
        <Textbox
          id={id}
          type="search"
          autoComplete="off"
          maxLength={200}
          aria-describedby={`${id}-hint`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") e.preventDefault();
          }}
        />
      }
    />
  );
}

/**
 * What a search as you type found: a status line (`idle` before there is anything to search, then busy, failed or
 * `result`), and the results as a table (`label`, with a hidden caption "<label> om toe te voegen"); dimmed while a
 * new search runs.
 */
export function SearchResults<T extends { items: unknown[] }>({
  found,
  searching,
  statusId,
  idle = "",
  failed,
  result,
  label,
  testId,
  columns,
  children,
}: {
  found: Debounced<T>;
  searching: boolean;
  statusId: string;
  idle?: string;
  failed: string;
  result: (data: T) => string;
  label: string;
  testId: string;
  columns: string[];
  children: (items: T["items"]) => ReactNode;
}) {
  return (
    <>
      <p role="status" className="utrecht-paragraph kader-muted" data-testid={statusId}>
        {!searching ? idle : found.busy ? "Zoeken…" : found.failed ? failed : found.data ? result(found.data) : ""}
      </p>
      {searching && found.data && found.data.items.length > 0 ? (
        <TableWrap label={label}>
          <Table className={`kader-table${found.busy ? " kader-busy" : ""}`} data-testid={testId}>
            <TableCaption className="kader-visually-hidden">{label} om toe te voegen</TableCaption>
            <TableHeader>
              <TableRow>
                {columns.map((c) => (
                  <TableHeaderCell key={c} scope="col">
                    {c}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>{children(found.data.items)}</TableBody>
          </Table>
        </TableWrap>
      ) : null}
    </>
  );
}

/** "Toevoegen" for one result, or (once added) a focusable note in its place, so the focus stays on the row. */
export function AddButton({ id, added, addedText, label, onAdd }: { id: string; added: boolean; addedText: string; label: string; onAdd: () => void }) {
  return added ? (
    <span className="kader-muted" id={id} tabIndex={-1}>
      {addedText}
    </span>
  ) : (
    <Button appearance="secondary-action-button" aria-label={label} onClick={onAdd}>
      Toevoegen
    </Button>
  );
}

/** The laws to filter on. */
export const lawOptions: [string, string][] = [
  ["wmo", "Wmo 2015"],
  ["jeugdwet", "Jeugdwet"],
];

/** "1 product" / "3 producten". */
export const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
