import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DiaryFilters } from "~/components/sessions/DiaryFilters";
import { DiaryViews } from "~/components/sessions/DiaryViews";
import { SessionEntry } from "~/components/sessions/SessionEntry";
import { diaryMonth, toFilters } from "~/models/sessions/queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { diaryHref, diaryQueryFrom, monthParam } from "~/utils/diary-filters";
import { can } from "~/utils/permissions";
import { formatDate } from "~/utils/time";

export const handle = { title: "Diary: month" };

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const monthName = (first: string) => formatDate(first).split(" ").slice(2).join(" ");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "diary:read");
  const url = new URL(request.url);
  const query = diaryQueryFrom(url);
  const month = await diaryMonth({ viewer: user, filters: toFilters(query), month: monthParam(url) });
  return { month, query, canBook: can(user.roles, "session:book") };
}

export default function DiaryMonth() {
  const { month, query, canBook } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Diary: {monthName(month.first)}</h1>
      <DiaryViews current="month" query={query} canBook={canBook} />
      <DiaryFilters query={query} choices={month.choices} keep={{ month: month.month }} />
      <nav aria-label="Months" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list app-inline-list">
          <li>
            <a className="govuk-link" href={diaryHref("/diary/month", query, { month: month.previous })}>
              Previous month<span className="govuk-visually-hidden"> ({monthName(`${month.previous}-01`)})</span>
            </a>
          </li>
          <li>
            <a className="govuk-link" href={diaryHref("/diary/month", query)}>
              This month
            </a>
          </li>
          <li>
            <a className="govuk-link" href={diaryHref("/diary/month", query, { month: month.next })}>
              Next month<span className="govuk-visually-hidden"> ({monthName(`${month.next}-01`)})</span>
            </a>
          </li>
        </ul>
      </nav>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Sessions in {monthName(month.first)}, one row per week</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col" className="govuk-table__header">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {month.weeks.map((week) => (
            <tr key={week[0].date} className="govuk-table__row">
              {week.map((day) => (
                <td key={day.date} className={`govuk-table__cell app-diary-cell${day.inMonth ? "" : " app-diary-cell--outside"}`}>
                  {day.inMonth ? (
                    <>
                      <strong>
                        <a className="govuk-link" href={diaryHref("/diary", query, { week: day.date })}>
                          {Number(day.date.slice(8))}
                          <span className="govuk-visually-hidden"> {monthName(month.first)}, week view</span>
                        </a>
                      </strong>
                      {day.sessions.map((s) => (
                        <SessionEntry key={s.id} s={s} compact />
                      ))}
                    </>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
