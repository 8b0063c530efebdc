// Evaluation results for a programme and period (managers, coordinators, leads, admins): counts only, never free text.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Chart } from "~/components/charts/Chart";
import { InsetText, SummaryList } from "~/components/govuk";
import { PairedTable, StatementsTable } from "~/components/evaluation/ResultsTables";
import { ReportFilters } from "~/components/reports/ReportFilters";
import { reportQuerySchema } from "~/forms/reports.server";
import { evaluationResults } from "~/models/evaluation-results.server";
import { requireUserWith } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { percent } from "~/utils/proportions";
import { SUPPRESSED } from "~/utils/suppression";
import { throwHttpError } from "~/web/errors.server";

export const handle = { title: "Evaluation results" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:read");
  const query = reportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { query, canReadFreeText: can(user.roles, "disclosure:read"), ...(await evaluationResults({ query }).catch(throwHttpError)) };
}

const count = (n: number | string) => (typeof n === "number" ? n.toLocaleString("en-GB") : n);

export default function EvaluationResults() {
  const { query, period, options, results, canReadFreeText } = useLoaderData<typeof loader>();
  const retrospective = results?.design === "RETROSPECTIVE";
  const beforeLabel = retrospective ? "Before today" : "Before";
  const afterLabel = retrospective ? "Now" : "After";
  return (
    <>
      <h1 className="govuk-heading-l">Evaluation results</h1>
      <ReportFilters action="/evaluation" query={query} period={period} options={options} />
      {!period.programmeId ? (
        <InsetText>Choose a programme to see what pupils said about it.</InsetText>
      ) : !results ? (
        <InsetText>{period.programmeName} has no questionnaire yet.</InsetText>
      ) : (
        <>
          <h2 className="govuk-heading-m">
            {period.programmeName}, {period.label}
          </h2>
          <SummaryList
            rows={[
              {
                key: "Answered online",
                value: `${count(results.online.after)} after the performance${retrospective ? "" : `, ${count(results.online.before)} before`}`,
              },
              {
                key: "Paper forms",
                value: `${count(results.paper.after)} after the performance${retrospective ? "" : `, ${count(results.paper.before)} before`}`,
              },
              { key: "Pupils reached", value: count(results.pupilsReached) },
              {
                key: "Response rate",
                value:
                  results.responseRate === null ? `not shown (${SUPPRESSED} answers or no pupils recorded)` : percent(results.responseRate),
              },
              ...(retrospective
                ? []
                : [
                    {
                      key: "Before and after answers paired",
                      value: `${count(results.pairs.matched)} pairs; ${count(results.pairs.unmatched)} codes after the performance not matched`,
                    },
                  ]),
              {
                key: "Free-text answers",
                value: canReadFreeText ? (
                  <Link className="govuk-link" to="/evaluation/free-text">
                    {count(results.freeTextAnswers)} (read them)
                  </Link>
                ) : (
                  `${count(results.freeTextAnswers)} (read only by safeguarding leads)`
                ),
              },
            ]}
          />
          <Chart
            label="Statement"
            spec={{
              id: "agreeing",
              title: `Pupils agreeing with each statement, ${beforeLabel.toLowerCase()} and ${afterLabel.toLowerCase()} (per cent, online answers)`,
              description:
                "Bars for each statement: the share agreeing before and after the performance. Statements with fewer than 5 answers are not drawn.",
              categories: results.statements.map((s, i) => `Statement ${i + 1}`),
              series: [
                {
                  name: `${beforeLabel} (%)`,
                  values: results.statements.map((s) => (s.before.share ? Math.round(s.before.share.share * 100) : "not enough answers")),
                },
                {
                  name: `${afterLabel} (%)`,
                  values: results.statements.map((s) => (s.after.share ? Math.round(s.after.share.share * 100) : "not enough answers")),
                },
              ],
            }}
          />
          <ol className="govuk-list govuk-list--number">
            {results.statements.map((s) => (
              <li key={s.text}>{s.text}</li>
            ))}
          </ol>
          <StatementsTable caption="Answered online" statements={results.statements} beforeLabel={beforeLabel} afterLabel={afterLabel} />
          <p className="govuk-body-s">
            Agreeing means “agree” or “strongly agree” (or “yes”). Intervals are 95% Wilson score intervals; the interval for the change
            uses Newcombe’s method built from the two Wilson intervals, treating the before and after answers as independent samples.
            Figures from fewer than 5 answers are not shown.
          </p>
          {results.paperStatements ? (
            <StatementsTable
              caption="From paper forms (typed in from tallies)"
              statements={results.paperStatements}
              beforeLabel={beforeLabel}
              afterLabel={afterLabel}
            />
          ) : null}
          {results.paired ? <PairedTable rows={results.paired} /> : null}
        </>
      )}
    </>
  );
}
