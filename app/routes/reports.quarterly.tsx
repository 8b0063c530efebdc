import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Chart } from "~/components/charts/Chart";
import { disclosureRateChart, sessionsByKindChart } from "~/models/report-charts";
import { BackLink } from "~/components/govuk";
import { quarterlyReportPage } from "~/models/reports.server";
import { requireUserWith } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { quarterlyQuerySchema } from "~/forms/reports.server";

export const handle = { title: "Quarterly report" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:read");
  const { year } = quarterlyQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const report = await quarterlyReportPage({ viewer: user, year });
  invariantResponse(report, "There is no report for that year");
  return report;
}

const shown = (cell: number | string) => (typeof cell === "number" ? cell.toLocaleString("en-GB") : cell);

export default function QuarterlyReport() {
  const report = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/reports">Back to reach</BackLink>
      <h1 className="govuk-heading-l">Quarterly report {report.label}</h1>
      <p className="govuk-body">
        Financial year 1 April {report.startYear} to 31 March {report.startYear + 1}, in quarters. Sessions count in the quarter they
        started in, in UK time. Under each figure is the same quarter a year earlier ({report.lastYearLabel}).
      </p>
      <nav className="govuk-body app-no-print" aria-label="Other years and downloads">
        <a className="govuk-link" href={`/reports/quarterly?year=${report.startYear - 1}`}>
          Previous year
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href={`/reports/quarterly?year=${report.startYear + 1}`}>
          Next year
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href={`/reports/quarterly.csv?year=${report.startYear}`}>
          Download as CSV
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href={`/reports/quarterly.pdf?year=${report.startYear}`}>
          Download as PDF
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href={`/reports/disclosures?year=${report.startYear}`}>
          After disclosures, for the Safeguarding Board
        </a>
      </nav>
      <p className="govuk-body app-no-print">Print this page with your browser&apos;s print command: the header and links are left out.</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Reach by quarter, {report.label}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Measure
            </th>
            {report.columns.map((c) => (
              <th scope="col" key={c.key} className="govuk-table__header govuk-table__header--numeric">
                {c.label}
                <span className="govuk-body-s govuk-!-display-block">{c.period}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {report.rows.map((r) => (
            <tr className="govuk-table__row" key={r.key}>
              <th scope="row" className="govuk-table__header">
                {r.label}
              </th>
              {r.cells.map((cell, i) => (
                <td key={report.columns[i].key} className="govuk-table__cell govuk-table__cell--numeric">
                  {shown(cell)}
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-0">
                    {report.lastYearLabel}: {shown(r.lastYear[i])}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="govuk-body-s">
        Disclosures are those made at or after sessions delivered in the quarter; referrals are those of them referred on.
        {report.exact
          ? ""
          : " To protect children, counts from 1 to 4 are shown as \u201cfewer than 5\u201d, and a total or rate that would give one back is \u201cwithheld\u201d."}
      </p>
      <h2 className="govuk-heading-m">Charts</h2>
      <Chart spec={sessionsByKindChart(report)} label="Quarter" />
      <Chart spec={disclosureRateChart(report)} label="Quarter" />
    </>
  );
}
