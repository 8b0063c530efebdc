import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, Select, Textarea } from "~/components/govuk";
import { RelatedSessions } from "~/components/sessions/RelatedSessions";
import { WhenFields } from "~/components/sessions/WhenFields";
import { rescheduleSession } from "~/models/sessions/changes.server";
import { moveFormData } from "~/models/sessions/queries.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import type { ErrorReply } from "~/web/errors.server";
import { moveSchema } from "~/forms/sessions.server";

export const handle = { title: "Move a session" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "session:book");
  const found = await moveFormData(user, idParam(params.sessionId));
  invariantResponse(found, "Session not found");
  return found;
}

export const action = /* @__PURE__ */ formAction("session:book", async ({ request, params, user: actor, formData }) => {
  const sessionId = idParam(params.sessionId);
  const parsed = parseForm(formData, moveSchema);
  if (!parsed.ok) return parsed.reply;
  await rescheduleSession(actor, { ...parsed.value, sessionId }, requestMeta(request));
  return redirectWithMessage(`/sessions/${sessionId}`, "Session moved");
});

export default function MoveSession() {
  const { session, choices } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as ErrorReply | undefined;
  const form = useFormReply(reply, ["venueId", "teamId", "date", "startTime", "endTime", "capacityOverrideReason", "reason"], {
    date: "date-day",
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/sessions/${session.id}`}>Back to the session</BackLink>
        <ErrorSummary
          errors={form.summary}
          description={
            form.formError || reply?.related?.length ? (
              <>
                {form.formError}
                <RelatedSessions sessions={reply?.related} />
              </>
            ) : undefined
          }
        />
        <span className="govuk-caption-l">{session.programmeName}</span>
        <h1 className="govuk-heading-l">Move a session</h1>
        <p className="govuk-body">
          Every booking rule is checked again. The venue is sent an updated calendar invitation if it has been invited.
        </p>
        <Form method="post" noValidate>
          <WhenFields form={form} defaults={session} />
          <Select
            {...form.field("venueId", session.venueId)}
            label="Venue"
            labelClassName="govuk-label--s"
            options={choices.venues.map((v) => ({ value: v.id, text: v.postcode ? `${v.name} (${v.postcode})` : v.name }))}
          />
          <Select
            {...form.field("teamId", session.teamId)}
            label="Team"
            labelClassName="govuk-label--s"
            options={choices.teams.map((t) => ({ value: t.id, text: t.name }))}
          />
          {reply?.capacityWarning || form.value("capacityOverrideReason") ? (
            <Textarea
              {...form.field("capacityOverrideReason")}
              label="Why book more than the capacity?"
              labelClassName="govuk-label--s"
              rows={2}
            />
          ) : null}
          <Textarea
            {...form.field("reason")}
            label="Reason for the move (optional)"
            labelClassName="govuk-label--s"
            hint="Kept in the session's history"
            rows={2}
          />
          <Button>Move session</Button>
        </Form>
      </div>
    </div>
  );
}
