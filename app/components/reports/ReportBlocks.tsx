import { Chart } from "~/components/charts/Chart";
import { Table } from "~/components/govuk";
import { cellText, type ReportBlock } from "~/utils/report-blocks";

/** A report's blocks as the page shows them: the same blocks the PDF and CSV are made from. */
export function ReportBlocks({ blocks }: { blocks: ReportBlock[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.kind === "heading")
          return (
            <h2 key={i} className="govuk-heading-m">
              {block.text}
            </h2>
          );
        if (block.kind === "paragraph")
          return (
            <p key={i} className="govuk-body">
              {block.text}
            </p>
          );
        if (block.kind === "list")
          return (
            <ul key={i} className="govuk-list govuk-list--bullet">
              {block.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          );
        if (block.kind === "chart") return <Chart key={i} spec={block.spec} label={block.label} />;
        const { table } = block;
        // A column of counts is right-aligned; a column of names (the town) is not.
        const numeric = table.head.map((_, c) => c > 0 && table.rows.some((row) => typeof row[c] === "number"));
        const format = (c: number) => (numeric[c] ? ("numeric" as const) : undefined);
        return (
          <Table
            key={i}
            caption={table.caption}
            captionClassName="govuk-table__caption--s"
            head={table.head.map((text, c) => ({ text, format: format(c) }))}
            firstCellIsHeader
            rows={table.rows.map((row, r) => ({
              key: `${r}-${row[0]}`,
              cells: row.map((cell, c) => ({ text: cellText(cell), format: format(c) })),
            }))}
          />
        );
      })}
    </>
  );
}
