import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Chart } from "~/components/charts/Chart";
import { licensedDriversChart, pupilsByMonthChart, schoolsCoveredChart, trainedChart } from "~/models/report-charts";
import { SummaryList, Table } from "~/components/govuk";
import { ReportFilters } from "~/components/reports/ReportFilters";
import { TargetProgressTable } from "~/components/TargetProgressTable";
import { reportsPage } from "~/models/reports.server";
import { requireUserWith } from "~/utils/auth.server";
import { throwHttpError } from "~/web/errors.server";
import { can } from "~/utils/permissions";
import { reportQuerySchema } from "~/forms/reports.server";
import { formatDateRange } from "~/utils/time";

export const handle = { title: "Reach" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:read");
  const search = new URL(request.url).searchParams;
  const query = reportQuerySchema.parse(Object.fromEntries(search));
  return {
    query,
    search: search.toString(),
    canManageTargets: can(user.roles, "target:manage"),
    canImportDrivers: can(user.roles, "register:manage"),
    ...(await reportsPage({ viewer: user, query }).catch(throwHttpError)),
  };
}

const n = (value: number) => value.toLocaleString("en-GB");
const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "no schools");

/** A figure per group, with the group in the first column (as a row header) and the figure right-aligned. */
function CountTable({
  caption,
  captionSize = "s",
  label,
  unit,
  rows,
  lastYear,
  lastYearLabel,
}: {
  caption: string;
  captionSize?: "s" | "m";
  label: string;
  unit: string;
  rows: { label: string; count: number }[];
  lastYear: { label: string; count: number }[];
  lastYearLabel: string;
}) {
  const labels = [...new Set([...rows, ...lastYear].map((r) => r.label))];
  const countIn = (list: { label: string; count: number }[], label: string) => list.find((r) => r.label === label)?.count ?? 0;
  return (
    <Table
      caption={caption}
      captionClassName={`govuk-table__caption--${captionSize}`}
      head={[{ text: label }, { text: unit, format: "numeric" }, { text: `${unit} in ${lastYearLabel}`, format: "numeric" }]}
      firstCellIsHeader
      rows={labels.map((l) => ({
        key: l,
        cells: [{ text: l }, { text: n(countIn(rows, l)), format: "numeric" }, { text: n(countIn(lastYear, l)), format: "numeric" }],
      }))}
    />
  );
}

export default function Reports() {
  const {
    query,
    search,
    period,
    options,
    dashboard: d,
    lastYear: e,
    targets,
    licensedDrivers,
    canManageTargets,
    canImportDrivers,
  } = useLoaderData<typeof loader>();
  const f = d.figures;
  const g = e.figures;
  const before = period.lastYear.label;
  /** "2,882, 3,512 in 2025/26": each figure with the same period a year earlier beside it. */
  const vs = (now: string, then: string) => `${now}; ${then} in ${before}`;
  const withQuery = (path: string) => (search ? `${path}?${search}` : path);
  return (
    <>
      <span className="govuk-caption-l">{period.programmeName ?? "All programmes"}</span>
      <h1 className="govuk-heading-l">Reach: {period.label}</h1>
      <p className="govuk-body">Sessions delivered from {formatDateRange(period.from, period.to)}, in UK time.</p>
      <ReportFilters action="/reports" query={query} period={period} options={options} />
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href={withQuery("/evaluation")}>
          Evaluation results
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href={withQuery("/reports/schools")}>
          Schools covered and not yet reached
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href="/reports/quarterly">
          Quarterly report for commissioners
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href="/reports/annual">
          Annual review
        </a>
      </p>

      <h2 className="govuk-heading-m">Progress to targets</h2>
      {targets.items.length ? (
        <TargetProgressTable
          targets={targets.items}
          caption="Targets running today, with their progress so far"
          captionClassName="govuk-visually-hidden"
        />
      ) : (
        <p className="govuk-body">No target is running today.</p>
      )}
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href="/reports/targets">
          {targets.total > targets.items.length ? `All ${targets.total} current targets` : "All targets"}
        </a>
        {canManageTargets ? (
          <>
            {" "}
            ·{" "}
            <a className="govuk-link" href="/reports/targets/new">
              Add a target
            </a>
          </>
        ) : null}
      </p>

      <h2 className="govuk-heading-m">Pupils and schools</h2>
      <SummaryList
        rows={[
          { key: "Pupils reached", value: vs(n(f.pupilsReached), n(g.pupilsReached)) },
          { key: "Sessions delivered", value: vs(n(f.sessionsDelivered), n(g.sessionsDelivered)) },
          {
            key: "Schools covered",
            value: (
              <>
                <a
                  className="govuk-link"
                  href={withQuery("/reports/schools")}
                >{`${n(f.schoolsCovered)} of ${n(f.schoolsInArea)} (${percent(f.schoolsCovered, f.schoolsInArea)})`}</a>
                {`; ${n(g.schoolsCovered)} in ${before}`}
              </>
            ),
          },
          {
            key: "Year 10 pupils reached",
            value: d.year10.schoolsWithCount
              ? vs(
                  `${n(d.year10.reached)} of ${n(d.year10.cohort)} (${percent(d.year10.reached, d.year10.cohort)}) at the ${n(d.year10.schoolsWithCount)} ${d.year10.schoolsWithCount === 1 ? "school" : "schools"} in the area with a Year 10 roll recorded`,
                  n(e.year10.reached),
                )
              : "No school in the area has a Year 10 roll recorded",
          },
          { key: "Pupils booked for the rest of the period", value: n(f.pupilsBooked) },
          { key: "Schools not yet covered with a session booked", value: n(f.schoolsBooked) },
        ]}
      />
      <Chart spec={pupilsByMonthChart(d.monthly)} label="Month" />
      <Chart spec={schoolsCoveredChart(f)} label="Schools and colleges" />
      {d.pupilsByYearGroup.length || e.pupilsByYearGroup.length ? (
        <CountTable
          caption="Pupils reached by year group"
          label="Year group"
          unit="Pupils"
          rows={d.pupilsByYearGroup}
          lastYear={e.pupilsByYearGroup}
          lastYearLabel={before}
        />
      ) : null}
      {d.pupilsBySex.length || e.pupilsBySex.length ? (
        <CountTable
          caption="Pupils reached by sex"
          label="Sex"
          unit="Pupils"
          rows={d.pupilsBySex}
          lastYear={e.pupilsBySex}
          lastYearLabel={before}
        />
      ) : null}

      <CountTable
        caption="Sessions delivered by kind of programme"
        captionSize="m"
        label="Kind"
        unit="Sessions"
        rows={d.sessionsByKind}
        lastYear={e.sessionsByKind}
        lastYearLabel={before}
      />

      <h2 className="govuk-heading-m">Adults and the public</h2>
      <SummaryList
        rows={[
          { key: "Staff briefed", value: vs(n(d.trained.staffBriefed), n(e.trained.staffBriefed)) },
          { key: "Drivers trained", value: vs(n(d.trained.driversTrained), n(e.trained.driversTrained)) },
          {
            key: "Awareness stalls",
            value: vs(
              `${n(d.stalls.sessions)} stalls: ${n(d.stalls.headcount)} people, ${n(d.stalls.conversations)} conversations, ${n(d.stalls.leaflets)} leaflets`,
              `${n(e.stalls.sessions)} stalls, ${n(e.stalls.headcount)} people, ${n(e.stalls.conversations)} conversations, ${n(e.stalls.leaflets)} leaflets`,
            ),
          },
          {
            key: "Community performances",
            value: vs(
              `${n(d.performances.sessions)} performances: audience of ${n(d.performances.audience)}, ${n(d.performances.adults)} adults`,
              `${n(e.performances.sessions)} performances, audience of ${n(e.performances.audience)}, ${n(e.performances.adults)} adults`,
            ),
          },
        ]}
      />

      <Chart spec={trainedChart(d.trained)} label="People" />
      <h3 className="govuk-heading-s">Licensed taxi and private-hire drivers, today</h3>
      {licensedDrivers.licensed ? (
        <Chart spec={licensedDriversChart(licensedDrivers)} label="Drivers" />
      ) : (
        <p className="govuk-body">The council&apos;s licensing register has not been imported.</p>
      )}
      {canImportDrivers ? (
        <p className="govuk-body app-no-print">
          <a className="govuk-link" href="/reports/licensed-drivers">
            Import the licensing register
          </a>
        </p>
      ) : null}

      <h2 className="govuk-heading-m">Disclosures</h2>
      <p className="govuk-body">
        Disclosures made at or after the sessions delivered in this period. Figures only: no disclosure&apos;s content is shown here.
      </p>
      {d.exact ? null : (
        <p className="govuk-body">
          To protect children, counts from 1 to 4 are shown as &ldquo;fewer than 5&rdquo;, and a total or rate that would give such a count
          back is &ldquo;withheld&rdquo;.
        </p>
      )}
      <Table
        caption="Disclosures by risk"
        captionClassName="govuk-table__caption--s"
        head={[{ text: "Risk" }, { text: "Disclosures", format: "numeric" }, { text: `Disclosures in ${before}`, format: "numeric" }]}
        firstCellIsHeader
        rows={[
          ...d.disclosures.rows.map((r) => ({
            key: r.key,
            cells: [
              { text: r.label },
              { text: String(r.count), format: "numeric" as const },
              { text: String(e.disclosures.rows.find((p) => p.key === r.key)?.count ?? 0), format: "numeric" as const },
            ],
          })),
          {
            key: "total",
            cells: [
              { text: "Total" },
              { text: String(d.disclosures.total), format: "numeric" as const },
              { text: String(e.disclosures.total), format: "numeric" as const },
            ],
          },
        ]}
      />
      <SummaryList
        rows={[{ key: "Disclosures per 1,000 pupils reached", value: vs(d.disclosuresPerThousand, e.disclosuresPerThousand) }]}
      />
      <p className="govuk-body-s">
        Per 1,000 pupils: disclosures at sessions of programmes for pupils, divided by the pupils reached, times 1,000.
      </p>
    </>
  );
}
