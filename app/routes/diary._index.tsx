import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Table } from "~/components/govuk";
import { DiaryFilters } from "~/components/sessions/DiaryFilters";
import { DiaryViews } from "~/components/sessions/DiaryViews";
import { SessionEntry } from "~/components/sessions/SessionEntry";
import { diaryWeek, toFilters } from "~/models/sessions/queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { dateParam, diaryHref, diaryQueryFrom } from "~/utils/diary-filters";
import { can } from "~/utils/permissions";
import { formatDate, formatShortDate } from "~/utils/time";

export const handle = { title: "Diary: week" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "diary:read");
  const url = new URL(request.url);
  const query = diaryQueryFrom(url);
  const week = await diaryWeek({ viewer: user, filters: toFilters(query), date: dateParam(url, "week") });
  return { week, query, canBook: can(user.roles, "session:book") };
}

export default function DiaryWeek() {
  const { week, query, canBook } = useLoaderData<typeof loader>();
  // Day sheets are per team: the filtered team, or a facilitator's only team.
  const sheetTeam = query.team ?? (week.choices.teams.length === 1 ? week.choices.teams[0].id : undefined);
  return (
    <>
      <h1 className="govuk-heading-l">Diary: week of {formatDate(week.start)}</h1>
      <DiaryViews current="week" query={query} canBook={canBook} />
      <DiaryFilters query={query} choices={week.choices} keep={{ week: week.start }} />
      <nav aria-label="Weeks" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list app-inline-list">
          <li>
            <a className="govuk-link" href={diaryHref("/diary", query, { week: week.previous })}>
              Previous week<span className="govuk-visually-hidden"> (from {formatShortDate(week.previous)})</span>
            </a>
          </li>
          <li>
            <a className="govuk-link" href={diaryHref("/diary", query)}>
              This week
            </a>
          </li>
          <li>
            <a className="govuk-link" href={diaryHref("/diary", query, { week: week.next })}>
              Next week<span className="govuk-visually-hidden"> (from {formatShortDate(week.next)})</span>
            </a>
          </li>
        </ul>
      </nav>
      <Table
        caption={`Sessions from ${formatDate(week.start)} to ${formatDate(week.end)}`}
        captionClassName="govuk-table__caption--s"
        head={[{ text: "Day" }, { text: "Sessions" }, ...(sheetTeam ? [{ text: "Day sheet" }] : [])]}
        firstCellIsHeader
        rows={week.days.map((d) => ({
          key: d.date,
          cells: [
            { text: formatDate(d.date) },
            {
              text: (
                <>
                  {d.sessions.length ? (
                    d.sessions.map((s) => <SessionEntry key={s.id} s={s} />)
                  ) : (
                    <span className="govuk-hint">No sessions</span>
                  )}
                  {d.busy.map((b) => (
                    <p key={b.id} className="govuk-body-s govuk-!-margin-bottom-1">
                      {b.text}
                    </p>
                  ))}
                </>
              ),
            },
            ...(sheetTeam
              ? [
                  {
                    text: (
                      <a className="govuk-link" href={diaryHref("/diary/day-sheet", { team: sheetTeam }, { date: d.date })}>
                        Day sheet<span className="govuk-visually-hidden"> for {formatDate(d.date)}</span>
                      </a>
                    ),
                  },
                ]
              : []),
          ],
        }))}
      />
    </>
  );
}
