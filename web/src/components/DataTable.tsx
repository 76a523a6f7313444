/**
 * `DataTable`: a table of rows with a caption, column headers and one cell per column — the table of every list.
 *
 *   const columns: Column<WorkItem>[] = [
 *     { header: "Uiterlijk", rowHeader: true, cell: (i) => formatDay(i.due) },
 *     { header: "Bedrag", num: true, cell: (i) => euro(i.bedrag) },
 *   ];
 *   <DataTable label="Werklijst" testId="worklist" caption="Open termijnen" columns={columns} rows={items} rowKey={(i) => i.id} />
 *
 * It sits in a TableWrap (a wide table scrolls sideways, named by `label`). Header cells are `scope="col"`; the column
 * with `rowHeader` is the row's header (`th scope="row"`); `num` right-aligns a number column (header and cells).
 * `rowProps` gives a row its class or data attributes (e.g. marking a failing row), `cellProps` a column's cells;
 * `sort` marks the column the rows are sorted by (aria-sort). Columns with `hidden` are left out.
 */
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import type { HTMLAttributes, Key, ReactNode } from "react";
import { TableWrap } from "./TableWrap.tsx";

export interface Column<T> {
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** the row's header cell (th scope="row") */
  rowHeader?: boolean;
  /** a number column: right-aligned */
  num?: boolean;
  /** leave the column out (e.g. a column only some users see) */
  hidden?: boolean;
  /** the sort order the column shows (aria-sort on its header), when the table is sorted by it */
  sort?: "ascending" | "descending";
  /** attributes of each of its cells (e.g. a data-testid) */
  cellProps?: Attributes;
}

type Attributes = { className?: string } & { [data: `data-${string}`]: string | number | boolean | undefined };
type RowProps = HTMLAttributes<HTMLTableRowElement> & Attributes;

export function DataTable<T>({
  label,
  caption,
  testId,
  columns,
  rows,
  rowKey,
  rowProps,
  captionProps,
}: {
  label: string;
  caption: ReactNode;
  /** attributes of the caption (e.g. "kader-visually-hidden" when the heading above already says it) */
  captionProps?: Attributes;
  testId?: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => Key;
  rowProps?: (row: T, index: number) => RowProps;
}) {
  const shown = columns.filter((c) => !c.hidden);
  return (
    <TableWrap label={label}>
      <Table className="kader-table" data-testid={testId}>
        <TableCaption {...captionProps}>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {shown.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a table
              <TableHeaderCell key={i} scope="col" className={c.num ? "kader-num" : undefined} aria-sort={c.sort}>
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, n) => (
            <TableRow key={rowKey(row, n)} {...rowProps?.(row, n)}>
              {shown.map((c, i) =>
                c.rowHeader ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a table
                  <TableHeaderCell key={i} scope="row" className={c.num ? "kader-num" : undefined}>
                    {c.cell(row, n)}
                  </TableHeaderCell>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a table
                  <TableCell key={i} className={c.num ? "kader-num" : undefined} {...c.cellProps}>
                    {c.cell(row, n)}
                  </TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableWrap>
  );
}
