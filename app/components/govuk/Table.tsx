import type { ReactNode } from "react";
import { cx } from "./utils";

export interface TableHeadCell {
  text: ReactNode;
  format?: "numeric";
  key?: string;
  className?: string;
}

export interface TableCell {
  text: ReactNode;
  format?: "numeric";
  /** Render as <th scope="row">. */
  header?: boolean;
  className?: string;
}

export interface TableRow {
  key: string;
  cells: TableCell[];
}

export interface TableProps {
  caption?: ReactNode;
  /** e.g. "govuk-table__caption--m". */
  captionClassName?: string;
  head?: TableHeadCell[];
  rows: TableRow[];
  /** Render the first cell of each row as <th scope="row">. */
  firstCellIsHeader?: boolean;
  className?: string;
}

export function Table({ caption, captionClassName, head, rows, firstCellIsHeader, className }: TableProps) {
  return (
    <table className={cx("govuk-table", className)}>
      {caption != null && caption !== "" ? <caption className={cx("govuk-table__caption", captionClassName)}>{caption}</caption> : null}
      {head && head.length > 0 ? (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map((cell, index) => (
              <th
                key={cell.key ?? index}
                scope="col"
                className={cx("govuk-table__header", cell.format && `govuk-table__header--${cell.format}`, cell.className)}
              >
                {cell.text}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.key}>
            {row.cells.map((cell, index) =>
              cell.header || (index === 0 && firstCellIsHeader) ? (
                <th
                  key={index}
                  scope="row"
                  className={cx("govuk-table__header", cell.format && `govuk-table__header--${cell.format}`, cell.className)}
                >
                  {cell.text}
                </th>
              ) : (
                <td key={index} className={cx("govuk-table__cell", cell.format && `govuk-table__cell--${cell.format}`, cell.className)}>
                  {cell.text}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
