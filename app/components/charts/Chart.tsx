import { Table } from "~/components/govuk";
import { barChartSvg, valueLabel, type BarChartSpec } from "~/utils/charts";

/**
 * A chart and, beneath it, the same figures as a GOV.UK table: the SVG is an image with a title and description for
 * people who look, the table is for people who read or use a screen reader, and for copying figures out.
 */
export function Chart({ spec, label }: { spec: BarChartSpec; label: string }) {
  const columns = [...spec.series.map((s) => ({ name: s.name, values: s.values })), ...(spec.lines ?? [])];
  return (
    <figure className="app-chart-figure govuk-!-margin-0 govuk-!-margin-bottom-6">
      {/* The SVG is built from escaped text by barChartSvg (app/utils/charts.ts), never from raw input. */}
      <div className="app-chart" dangerouslySetInnerHTML={{ __html: barChartSvg(spec) }} />
      <Table
        caption={`${spec.title}: the figures`}
        captionClassName="govuk-table__caption--s"
        head={[{ text: label }, ...columns.map((c) => ({ text: c.name, format: "numeric" as const }))]}
        firstCellIsHeader
        rows={spec.categories.map((category, i) => ({
          key: category,
          cells: [
            { text: category },
            ...columns.map((c) => ({ text: c.values[i] === null ? "" : valueLabel(c.values[i]!), format: "numeric" as const })),
          ],
        }))}
      />
      {spec.references?.length ? (
        <p className="govuk-body-s">{spec.references.map((r) => `${r.name}: ${r.value.toLocaleString("en-GB")}`).join("; ")}</p>
      ) : null}
    </figure>
  );
}
