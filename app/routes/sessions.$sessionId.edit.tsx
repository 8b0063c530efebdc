import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, InsetText } from "~/components/govuk";
import { DetailsFields } from "~/components/sessions/DetailsFields";
import { updateSessionDetails } from "~/models/sessions/changes.server";
import { detailsFormData } from "~/models/sessions/queries.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import type { ErrorReply } from "~/web/errors.server";
import { detailsSchema } from "~/forms/sessions.server";
import { formatDate } from "~/utils/time";

export const handle = { title: "Change session details" };

const FIELDS = ["yearGroups", "expectedPupils", "expectedAdults", "capacityOverrideReason", "venueNotes", "internalNotes"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "session:book");
  const found = await detailsFormData(user, idParam(params.sessionId));
  invariantResponse(found, "Session not found");
  return found;
}

export const action = /* @__PURE__ */ formAction("session:book", async ({ request, params, user: actor, formData }) => {
  const sessionId = idParam(params.sessionId);
  const parsed = parseForm(formData, detailsSchema);
  if (!parsed.ok) return parsed.reply;
  const result = await updateSessionDetails(actor, { ...parsed.value, sessionId }, requestMeta(request));
  const message = !result.changed.length
    ? "Nothing was changed"
    : result.venueUpdated
      ? "Details changed. The venue has been sent the new details"
      : "Details changed";
  return redirectWithMessage(`/sessions/${sessionId}`, message);
});

export default function ChangeSessionDetails() {
  const { session, venueInvited } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as ErrorReply | undefined;
  const form = useFormReply(reply, FIELDS);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/sessions/${session.id}`}>Back to the session</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">
          {session.programmeName}, {session.venueName}, {formatDate(session.date)}
        </span>
        <h1 className="govuk-heading-l">Change session details</h1>
        <p className="govuk-body">To change the date, time, venue or team, move the session instead.</p>
        {venueInvited ? (
          <InsetText>
            The venue has been invited. If you change the year groups, expected pupils or notes for the venue, they are sent the new details
            and their calendar is updated.
          </InsetText>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="version" value={session.version} />
          <DetailsFields form={form} defaults={session} askCapacityReason={!!reply?.capacityWarning} />
          <Button>Save details</Button>
        </Form>
      </div>
    </div>
  );
}
