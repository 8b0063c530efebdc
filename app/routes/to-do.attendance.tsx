// Sessions that have started and still hold their slot: their attendance is still to be recorded.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Table } from "~/components/govuk";
import { TodoPage } from "~/components/todo/TodoPage";
import { todoSessions } from "~/models/home.server";
import { diaryChoices } from "~/models/sessions/queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { diaryQueryFrom } from "~/utils/diary-filters";
import { pageFromUrl } from "~/utils/http.server";
import { formatShortDate } from "~/utils/time";
import { toTodoFilters } from "~/forms/todo.server";

export const handle = { title: "Sessions awaiting attendance" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "attendance:record");
  const query = { ...diaryQueryFrom(new URL(request.url)), status: undefined };
  const [sessions, choices] = await Promise.all([
    todoSessions({ viewer: user, list: "attendance", filters: toTodoFilters(query), page: pageFromUrl(request) }),
    diaryChoices(user),
  ]);
  return { sessions, choices, query };
}

export default function AttendanceList() {
  const { sessions, choices, query } = useLoaderData<typeof loader>();
  return (
    <TodoPage
      title="Sessions awaiting attendance"
      intro="These sessions have taken place (or started) and nobody has recorded who was reached. Record the attendance, or mark the session cancelled on its page if it did not happen."
      path="/to-do/attendance"
      query={query}
      choices={choices}
      page={sessions.page}
      pageCount={sessions.pageCount}
    >
      <Table
        caption={`${sessions.total.toLocaleString("en-GB")} ${sessions.total === 1 ? "session" : "sessions"} awaiting attendance`}
        captionClassName="govuk-table__caption--m"
        head={[{ text: "Date" }, { text: "Time" }, { text: "Venue" }, { text: "Programme" }, { text: "Team" }, { text: "Action" }]}
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
            { text: s.venue },
            { text: s.programme },
            { text: s.team },
            {
              text: (
                <a className="govuk-link" href={`/sessions/${s.id}/attendance`}>
                  Record attendance<span className="govuk-visually-hidden"> at {s.venue}</span>
                </a>
              ),
            },
          ],
        }))}
      />
    </TodoPage>
  );
}
