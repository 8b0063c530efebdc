// Provisional sessions whose venue has not been invited yet, with "invite all" (each through the invitation flow).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, Table } from "~/components/govuk";
import { FilterFields, TodoPage } from "~/components/todo/TodoPage";
import { inviteAllProvisional, todoSessions } from "~/models/home.server";
import { diaryChoices } from "~/models/sessions/queries.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { diaryHref, diaryQueryFrom } from "~/utils/diary-filters";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { pageFromUrl } from "~/utils/http.server";
import { formatShortDate } from "~/utils/time";
import { bulkOutcomeMessage, toTodoFilters } from "~/forms/todo.server";
import { inviteAllSchema } from "~/forms/todo.server";

export const handle = { title: "Provisional sessions to invite" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "invitation:send");
  const query = { ...diaryQueryFrom(new URL(request.url)), status: undefined };
  const [sessions, choices] = await Promise.all([
    todoSessions({ viewer: user, list: "invite", filters: toTodoFilters(query), page: pageFromUrl(request) }),
    diaryChoices(user),
  ]);
  return { sessions, choices, query };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "invitation:send");
  const parsed = parseForm(await request.formData(), inviteAllSchema);
  if (!parsed.ok) return parsed.reply;
  const outcome = await inviteAllProvisional(actor, toTodoFilters(parsed.value), requestMeta(request));
  return redirectWithMessage(
    diaryHref("/to-do/invite", parsed.value),
    bulkOutcomeMessage(outcome, (n) => `${n} ${n === 1 ? "invitation" : "invitations"} sent.`),
  );
}

export default function InviteList() {
  const { sessions, choices, query } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>());
  return (
    <TodoPage
      title="Provisional sessions to invite"
      intro="These sessions are booked provisionally and their venue has not been invited yet. “Invite all” sends each venue's primary contact (or its first contact with an email address) the usual invitation email with a calendar invitation."
      path="/to-do/invite"
      query={query}
      choices={choices}
      page={sessions.page}
      pageCount={sessions.pageCount}
    >
      <ErrorSummary errors={form.summary} description={form.formError} />
      {sessions.total > 0 ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="invite-all" />
          <FilterFields query={query} />
          <Button>
            Invite all {sessions.total.toLocaleString("en-GB")} {sessions.total === 1 ? "venue" : "venues"}
          </Button>
        </Form>
      ) : null}
      <Table
        caption={`${sessions.total.toLocaleString("en-GB")} ${sessions.total === 1 ? "session" : "sessions"} to invite`}
        captionClassName="govuk-table__caption--m"
        head={[{ text: "Date" }, { text: "Time" }, { text: "Venue" }, { text: "Programme" }, { text: "Team" }, { text: "Will be sent to" }]}
        rows={sessions.items.map((s) => ({
          key: s.id,
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/sessions/${s.id}/invite`}>
                  {formatShortDate(s.date)}
                  <span className="govuk-visually-hidden">: invite {s.venue} on its own</span>
                </a>
              ),
            },
            { text: `${s.startTime}–${s.endTime}` },
            { text: s.venue },
            { text: s.programme },
            { text: s.team },
            { text: s.contactToInvite ? `${s.contactToInvite.name} (${s.contactToInvite.email})` : "No contact with an email address" },
          ],
        }))}
      />
    </TodoPage>
  );
}
