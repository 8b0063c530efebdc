import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink, Pagination, Table } from "~/components/govuk";
import { calendarOverview } from "~/models/calendars.server";
import { requireUserWith } from "~/utils/auth.server";
import { pageFromUrl } from "~/utils/http.server";
import { CLOSURE_REASON_LABELS } from "~/forms/reference";
import { formatDate, formatDateRange } from "~/utils/time";

export const handle = { title: "School calendar" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "calendar:manage");
  return calendarOverview({ page: pageFromUrl(request) });
}

export default function Calendar() {
  const { years, closures, bankHolidays } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">School calendar</h1>
      <p className="govuk-body">
        Term dates for the council's schools, closures for every school, and bank holidays for England and Wales decide when schools can be
        visited. Academies with their own dates, INSET days and exam weeks are set on each school's page.
      </p>
      <div className="govuk-button-group">
        <ButtonLink href="/calendar/years/new">Add an academic year</ButtonLink>
        <ButtonLink href="/calendar/import" variant="secondary">
          Import term dates from CSV
        </ButtonLink>
      </div>
      <Table
        caption="Academic years"
        captionClassName="govuk-table__caption--m"
        head={[{ text: "Year" }, { text: "Dates" }, { text: "Terms", format: "numeric" }]}
        rows={years.items.map((y) => ({
          key: y.id,
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/calendar/years/${y.id}`}>
                  {y.name}
                </a>
              ),
            },
            { text: formatDateRange(y.startDate, y.endDate) },
            { text: y._count.terms, format: "numeric" },
          ],
        }))}
      />
      {years.items.length === 0 ? <p className="govuk-body">No academic years yet.</p> : null}
      <h2 className="govuk-heading-m">Closures for all schools</h2>
      <ButtonLink href="/calendar/closures/new" variant="secondary">
        Add a closure for all schools
      </ButtonLink>
      {closures.items.length ? (
        <Table
          head={[{ text: "Dates" }, { text: "Reason" }, { text: "Note" }, { text: <span className="govuk-visually-hidden">Actions</span> }]}
          rows={closures.items.map((c) => ({
            key: c.id,
            cells: [
              { text: formatDateRange(c.startDate, c.endDate) },
              { text: CLOSURE_REASON_LABELS[c.reason] },
              { text: c.note ?? "–" },
              {
                text: (
                  <a className="govuk-link" href={`/calendar/closures/${c.id}`}>
                    Remove<span className="govuk-visually-hidden"> closure {formatDateRange(c.startDate, c.endDate)}</span>
                  </a>
                ),
              },
            ],
          }))}
        />
      ) : (
        <p className="govuk-body">No closures to come.</p>
      )}
      <Pagination page={closures.page} pageCount={closures.pageCount} hrefForPage={(p) => `?page=${p}`} />
      <h2 className="govuk-heading-m">Bank holidays in England and Wales</h2>
      {bankHolidays.length ? (
        <Table
          head={[{ text: "Date" }, { text: "Bank holiday" }]}
          rows={bankHolidays.map((b) => ({ key: b.date, cells: [{ text: formatDate(b.date) }, { text: b.title }] }))}
        />
      ) : null}
      <p className="govuk-body">
        {bankHolidays.length ? "The next bank holidays, from the bundled GOV.UK list." : "The bundled list has no bank holidays to come."}{" "}
        To update the list, replace app/data/bank-holidays.json with a new download of https://www.gov.uk/bank-holidays.json and restart the
        service.
      </p>
    </>
  );
}
