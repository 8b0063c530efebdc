import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink, SummaryList, Table } from "~/components/govuk";
import { RiskTag } from "~/components/disclosures/tags";
import { RISK_LABELS, RISK_LEVELS } from "~/models/disclosure-options";
import { disclosureDashboard } from "~/models/disclosures.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { throwHttpError } from "~/web/errors.server";
import { noStoreHeaders } from "~/utils/http.server";
import { formatDate, formatDuration } from "~/utils/time";

export const handle = { title: "Disclosures dashboard" };

export const headers = noStoreHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "disclosure:read");
  return disclosureDashboard(user, requestMeta(request)).catch(throwHttpError);
}

export default function Dashboard() {
  const { openByRisk, overdueCount, overdue, medianMinutes, referredCount } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/disclosures">Back to disclosures</BackLink>
      <h1 className="govuk-heading-l">Disclosures dashboard</h1>
      <h2 className="govuk-heading-m">Open disclosures by risk</h2>
      <SummaryList
        rows={[...RISK_LEVELS].reverse().map((r) => ({
          key: `${RISK_LABELS[r]} risk`,
          value: (
            <a className="govuk-link" href={`/disclosures?risk=${r}`}>
              {openByRisk[r]}
            </a>
          ),
        }))}
      />
      <h2 className="govuk-heading-m">Time from disclosure to referral</h2>
      <p className="govuk-body">
        {medianMinutes === null
          ? "No disclosures have been referred yet."
          : `Median: ${formatDuration(medianMinutes)}, over ${referredCount} referred ${referredCount === 1 ? "disclosure" : "disclosures"}.`}
      </p>
      <h2 className="govuk-heading-m">Overdue actions</h2>
      <p className="govuk-body">
        {overdueCount} overdue.{" "}
        <a className="govuk-link" href="/disclosures?overdue=yes">
          Disclosures with overdue actions
        </a>
      </p>
      {overdue.length ? (
        <Table
          caption="The 10 most overdue"
          head={[{ text: "Disclosure" }, { text: "Risk" }, { text: "Owner" }, { text: "Was due" }]}
          rows={overdue.map((a) => ({
            key: a.id,
            cells: [
              {
                text: (
                  <a className="govuk-link" href={`/disclosures/${a.disclosure.id}`}>
                    {a.disclosure.reference}
                  </a>
                ),
              },
              { text: <RiskTag risk={a.disclosure.risk} /> },
              { text: a.owner.name },
              { text: formatDate(a.dueDate) },
            ],
          }))}
        />
      ) : null}
    </>
  );
}
