import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, Textarea, WarningText } from "~/components/govuk";
import { cancelSession } from "~/models/sessions/changes.server";
import { getSession } from "~/models/sessions/queries.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { cancelSchema } from "~/forms/sessions.server";
import { formatDateTime } from "~/utils/time";

export const handle = { title: "Cancel a session" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "session:book");
  const session = await getSession(user, idParam(params.sessionId));
  invariantResponse(session?.actions.cancel, "Session not found");
  return { session: { id: session.id, programmeName: session.programme.name, venueName: session.venue.name, startsAt: session.startsAt } };
}

export const action = /* @__PURE__ */ formAction("session:book", async ({ request, params, user: actor, formData }) => {
  const sessionId = idParam(params.sessionId);
  const parsed = parseForm(formData, cancelSchema);
  if (!parsed.ok) return parsed.reply;
  await cancelSession(actor, { sessionId, reason: parsed.value.reason }, requestMeta(request));
  return redirectWithMessage(`/sessions/${sessionId}`, "Session cancelled");
});

export default function CancelSession() {
  const { session } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["reason"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/sessions/${session.id}`}>Back to the session</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">
          {session.programmeName}, {session.venueName}, {formatDateTime(new Date(session.startsAt))}
        </span>
        <h1 className="govuk-heading-l">Cancel a session</h1>
        <WarningText>The venue is told if it has been invited. The session stays in the diary as cancelled.</WarningText>
        <Form method="post" noValidate>
          <Textarea
            {...form.field("reason")}
            label="Why is the session cancelled?"
            labelClassName="govuk-label--s"
            hint="Kept in the session's history"
            rows={3}
          />
          <Button variant="warning">Cancel session</Button>
        </Form>
      </div>
    </div>
  );
}
