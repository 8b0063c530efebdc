import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Pagination, Table } from "~/components/govuk";
import { DiaryFilters } from "~/components/sessions/DiaryFilters";
import { DiaryViews } from "~/components/sessions/DiaryViews";
import { StatusTag } from "~/components/sessions/StatusTag";
import { listSessions, toFilters } from "~/models/sessions/queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { diaryHref, diaryQueryFrom } from "~/utils/diary-filters";
import { pageFromUrl } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { formatShortDate } from "~/utils/time";

export const handle = { title: "Sessions" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "diary:read");
  const query = diaryQueryFrom(new URL(request.url));
  const sessions = await listSessions({ viewer: user, filters: toFilters(query), page: pageFromUrl(request) });
  return { sessions, query, canBook: can(user.roles, "session:book") };
}

export default function SessionList() {
  const { sessions, query, canBook } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Sessions</h1>
      <DiaryViews current="list" query={query} canBook={canBook} />
      <DiaryFilters query={query} choices={sessions.choices} />
      <p className="govuk-body">
        <a className="govuk-link" href={diaryHref("/sessions/export", query)} download>
          Download these sessions as CSV
        </a>
      </p>
      <Table
        caption={`${sessions.total.toLocaleString("en-GB")} ${sessions.total === 1 ? "session" : "sessions"}`}
        captionClassName="govuk-table__caption--m"
        head={[{ text: "Date" }, { text: "Time" }, { text: "Programme" }, { text: "Venue" }, { text: "Team" }, { text: "Status" }]}
        rows={sessions.items.map((s) => ({
          key: s.id,
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/sessions/${s.id}`}>
                  {formatShortDate(s.date)}
                </a>
              ),
            },
            { text: `${s.startTime}–${s.endTime}` },
            { text: s.programme.name },
            { text: s.venue.name },
            { text: s.team.name },
            { text: <StatusTag status={s.status} /> },
          ],
        }))}
      />
      <Pagination page={sessions.page} pageCount={sessions.pageCount} hrefForPage={(p) => diaryHref("/sessions", query, { page: p })} />
    </>
  );
}
