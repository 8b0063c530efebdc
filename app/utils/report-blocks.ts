// A report as a list of blocks (headings, paragraphs, tables, charts, lists), built once by the reports model and
// shown three ways: as the page (components/reports/ReportBlocks.tsx), as a PDF (report-pdf.server.ts) and as CSV.
import type { BarChartSpec } from "./charts";

export type ReportCell = number | string; // a number is a count; text is a suppressed count, a rate or a name
export type ReportTable = { caption: string; head: string[]; rows: ReportCell[][] };
export type ReportBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; table: ReportTable }
  | { kind: "chart"; spec: BarChartSpec; label: string } // label: what the chart's categories are ("Month")
  | { kind: "list"; items: string[] };
export type ReportDocument = {
  councilName: string;
  title: string; // "Annual review 2026/27"
  period: string; // "1 September 2026 to 31 August 2027"
  note: string; // the suppression note, on the first page and in every footer
  blocks: ReportBlock[];
};

export const cellText = (cell: ReportCell) => (typeof cell === "number" ? cell.toLocaleString("en-GB") : cell);

/** A chart's figures as a table: one row per category, one column per bar series and line. */
function chartTable(spec: BarChartSpec, label: string): ReportTable {
  const columns = [...spec.series, ...(spec.lines ?? [])];
  return {
    caption: `${spec.title}: the figures`,
    head: [label, ...columns.map((c) => c.name)],
    rows: spec.categories.map((category, i) => [category, ...columns.map((c) => c.values[i] ?? "")]),
  };
}

/** The blocks as CSV rows: each table (and each chart's figures) under its caption, a blank row between them. */
export function blocksAsRows(document: ReportDocument): ReportCell[][] {
  const rows: ReportCell[][] = [[document.councilName], [document.title], [document.period], [document.note], []];
  for (const block of document.blocks) {
    const table = block.kind === "table" ? block.table : block.kind === "chart" ? chartTable(block.spec, block.label) : null;
    if (block.kind === "paragraph") rows.push([block.text], []);
    if (block.kind === "list") rows.push(...block.items.map((item) => [item]), []);
    if (table) rows.push([table.caption], table.head, ...table.rows, []);
  }
  return rows;
}
