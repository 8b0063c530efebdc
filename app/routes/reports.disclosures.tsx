import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/govuk";
import { disclosureOutcomesPage, type OutcomeRow } from "~/models/disclosure-outcomes.server";
import { requireUserWith } from "~/utils/auth.server";
import { throwHttpError } from "~/web/errors.server";
import { invariantResponse } from "~/utils/http.server";
import { quarterlyQuerySchema } from "~/forms/reports.server";

export const handle = { title: "After disclosures" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:read");
  const { year } = quarterlyQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const report = await disclosureOutcomesPage({ viewer: user, year }).catch(throwHttpError);
  invariantResponse(report, "There is no report for that year");
  return report;
}

type Report = ReturnType<typeof useLoaderData<typeof loader>>;
const shown = (cell: number | string) => (typeof cell === "number" ? cell.toLocaleString("en-GB") : cell);

function OutcomeTable({ caption, rows, report, label }: { caption: string; rows: OutcomeRow[]; report: Report; label: string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            {label}
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
        {rows.map((r) => (
          <tr className="govuk-table__row" key={r.key}>
            <th scope="row" className="govuk-table__header">
              {r.label}
            </th>
            {r.cells.map((cell, i) => (
              <td key={report.columns[i].key} className="govuk-table__cell govuk-table__cell--numeric">
                {shown(cell)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function DisclosureOutcomes() {
  const report = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/reports/quarterly">Back to the quarterly report</BackLink>
      <h1 className="govuk-heading-l">After disclosures {report.label}</h1>
      <p className="govuk-body">
        For the Safeguarding Board: what happened after disclosures made from 1 April {report.startYear} to 31 March {report.startYear + 1},
        by the quarter they were made in (UK time). Figures only: nothing about any case is shown.
      </p>
      {report.exact ? null : (
        <p className="govuk-body">
          To protect children, counts from 1 to 4 are shown as &ldquo;fewer than 5&rdquo;; a figure that would give one back, and times from
          fewer than 5 referrals, are &ldquo;withheld&rdquo;.
        </p>
      )}
      <nav className="govuk-body app-no-print" aria-label="Other years">
        <a className="govuk-link" href={`/reports/disclosures?year=${report.startYear - 1}`}>
          Previous year
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href={`/reports/disclosures?year=${report.startYear + 1}`}>
          Next year
        </a>
      </nav>
      <OutcomeTable caption="Disclosures by risk" rows={report.byRisk} report={report} label="Risk" />
      <OutcomeTable caption="Disclosures by category of concern" rows={report.byCategory} report={report} label="Category" />
      <p className="govuk-body-s">A disclosure can be in more than one category, so the categories do not add up to the total.</p>
      <OutcomeTable caption="Referrals made, and to whom" rows={report.referrals} report={report} label="Referred to" />
      <OutcomeTable caption="Time from disclosure to referral" rows={report.referralTimes} report={report} label="Time" />
      <OutcomeTable caption="Actions overdue" rows={[report.overdue]} report={report} label="Actions" />
    </>
  );
}
