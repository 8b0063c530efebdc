import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink, Pagination, Radios } from "~/components/govuk";
import { PermittedLink } from "~/components/PermittedLink";
import { ReportFilters } from "~/components/reports/ReportFilters";
import { schoolsCoveragePage } from "~/models/reports.server";
import { requireUserWith } from "~/utils/auth.server";
import { pageFromUrl } from "~/utils/http.server";
import { coverageQuerySchema } from "~/forms/reports.server";
import { formatShortDate } from "~/utils/time";

export const handle = { title: "Schools covered" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "report:read");
  const search = new URL(request.url).searchParams;
  const { show, ...query } = coverageQuerySchema.parse(Object.fromEntries(search));
  return { query, search: search.toString(), ...(await schoolsCoveragePage({ query, show, page: pageFromUrl(request) })) };
}

const SHOW = [
  { value: "all", text: "All open secondary schools and colleges" },
  { value: "covered", text: "Covered in the period" },
  { value: "not-covered", text: "Not covered in the period" },
  { value: "not-booked", text: "Not covered and nothing booked" },
];

export default function SchoolsCoverage() {
  const { query, search, period, options, filter, schools } = useLoaderData<typeof loader>();
  const params = new URLSearchParams(search);
  params.delete("page");
  const pageHref = (p: number) => {
    const withPage = new URLSearchParams(params);
    withPage.set("page", String(p));
    return `?${withPage}`;
  };
  return (
    <>
      <BackLink href={`/reports?${params}`}>Back to reach</BackLink>
      <span className="govuk-caption-l">{period.programmeName ?? "All programmes"}</span>
      <h1 className="govuk-heading-l">Schools covered: {period.label}</h1>
      <ReportFilters action="/reports/schools" query={query} period={period} options={options}>
        <Radios name="show" legend="Show" legendClassName="govuk-fieldset__legend--s" small defaultValue={filter} items={SHOW} />
      </ReportFilters>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {schools.total.toLocaleString("en-GB")} {schools.total === 1 ? "school" : "schools"}:{" "}
          {SHOW.find((s) => s.value === filter)?.text.toLowerCase()}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              School or college
            </th>
            <th scope="col" className="govuk-table__header">
              Last session delivered
            </th>
            <th scope="col" className="govuk-table__header">
              Next session booked
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Pupils reached in the period
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {schools.items.map((s) => (
            <tr className="govuk-table__row" key={s.id}>
              <td className="govuk-table__cell">
                <PermittedLink permission="venue:read" href={`/venues/${s.id}`}>
                  {s.name}
                </PermittedLink>
                {s.town ? `, ${s.town}` : ""}
              </td>
              <td className="govuk-table__cell">{s.lastDeliveredOn ? formatShortDate(s.lastDeliveredOn) : "None"}</td>
              <td className="govuk-table__cell">{s.nextBookedOn ? formatShortDate(s.nextBookedOn) : "None"}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.pupilsReached.toLocaleString("en-GB")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={schools.page} pageCount={schools.pageCount} hrefForPage={pageHref} />
    </>
  );
}
