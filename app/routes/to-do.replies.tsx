// Invited sessions whose venue has not answered, with "chase" (one session) and "chase all" (the filtered list).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, Table } from "~/components/govuk";
import { FilterFields, TodoPage } from "~/components/todo/TodoPage";
import { chaseAllAwaitingReplies, todoSessions } from "~/models/home.server";
import { chaseInvitations } from "~/models/invitations.server";
import { diaryChoices } from "~/models/sessions/queries.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { diaryHref, diaryQueryFrom } from "~/utils/diary-filters";
import { redirectWithMessage } from "~/utils/flash.server";
import { formAction } from "~/web/errors.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { pageFromUrl } from "~/utils/http.server";
import { formatDateTime, formatShortDate } from "~/utils/time";
import { bulkOutcomeMessage, toTodoFilters } from "~/forms/todo.server";
import { chaseSchema } from "~/forms/todo.server";

export const handle = { title: "Invitations awaiting a reply" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "invitation:send");
  const query = { ...diaryQueryFrom(new URL(request.url)), status: undefined };
  const [sessions, choices] = await Promise.all([
    todoSessions({ viewer: user, list: "replies", filters: toTodoFilters(query), page: pageFromUrl(request) }),
    diaryChoices(user),
  ]);
  return { sessions, choices, query };
}

export const action = /* @__PURE__ */ formAction("invitation:send", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, chaseSchema);
  if (!parsed.ok) return parsed.reply;
  const back = diaryHref("/to-do/replies", parsed.value);
  if (parsed.value.intent === "chase-all") {
    const outcome = await chaseAllAwaitingReplies(actor, toTodoFilters(parsed.value), requestMeta(request));
    return redirectWithMessage(
      back,
      bulkOutcomeMessage(outcome, (n) => `${n} ${n === 1 ? "venue" : "venues"} chased.`),
    );
  }
  const { chased } = await chaseInvitations(actor, { sessionId: parsed.value.sessionId }, requestMeta(request));
  return redirectWithMessage(back, `Reminder to reply sent to ${chased.join(", ")}`);
});

export default function RepliesList() {
  const { sessions, choices, query } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>());
  return (
    <TodoPage
      title="Invitations awaiting a reply"
      intro="These venues were invited and have not answered yet. “Chase” sends each unanswered contact a reminder with a new link (the old link stops working)."
      path="/to-do/replies"
      query={query}
      choices={choices}
      page={sessions.page}
      pageCount={sessions.pageCount}
    >
      <ErrorSummary errors={form.summary} description={form.formError} />
      {sessions.total > 0 ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="chase-all" />
          <FilterFields query={query} />
          <Button variant="secondary">
            Chase all {sessions.total.toLocaleString("en-GB")} {sessions.total === 1 ? "venue" : "venues"}
          </Button>
        </Form>
      ) : null}
      <Table
        caption={`${sessions.total.toLocaleString("en-GB")} ${sessions.total === 1 ? "session" : "sessions"} awaiting a reply`}
        captionClassName="govuk-table__caption--m"
        head={[
          { text: "Date" },
          { text: "Venue" },
          { text: "Programme" },
          { text: "Waiting for" },
          { text: "Last sent" },
          { text: "Action" },
        ]}
        rows={sessions.items.map((s) => ({
          key: s.id,
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/sessions/${s.id}/invite`}>
                  {formatShortDate(s.date)} {s.startTime}
                </a>
              ),
            },
            { text: s.venue },
            { text: s.programme },
            { text: s.awaiting.length ? s.awaiting.map((a) => a.email).join(", ") : "No unanswered invitation (invite again)" },
            { text: s.awaiting[0]?.lastSentAt ? formatDateTime(s.awaiting[0].lastSentAt) : "" },
            {
              text: s.awaiting.length ? (
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="chase" />
                  <input type="hidden" name="sessionId" value={s.id} />
                  <FilterFields query={query} />
                  <Button variant="secondary" className="govuk-!-margin-bottom-0">
                    Chase<span className="govuk-visually-hidden"> {s.venue}</span>
                  </Button>
                </Form>
              ) : (
                ""
              ),
            },
          ],
        }))}
      />
    </TodoPage>
  );
}
