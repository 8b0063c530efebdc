import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, SummaryList } from "~/components/govuk";
import { approveHeldReply, heldReply, rejectHeldReply } from "~/models/calendar-replies.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { formAction } from "~/web/errors.server";
import { formatDateTime } from "~/utils/time";
import { heldReplyDecisionSchema } from "~/forms/sessions.server";

export const handle = { title: "Answer from a forwarded invitation" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "session:book");
  const reply = await heldReply(user, { sessionId: idParam(params.sessionId), messageId: idParam(params.messageId) });
  invariantResponse(reply, "Held reply not found");
  return { reply };
}

export const action = /* @__PURE__ */ formAction("session:book", async ({ request, params, user: actor, formData }) => {
  const input = { sessionId: idParam(params.sessionId), messageId: idParam(params.messageId) };
  const parsed = parseForm(formData, heldReplyDecisionSchema);
  if (!parsed.ok) return parsed.reply;
  if (parsed.value.intent === "approve") {
    const { counter } = await approveHeldReply(actor, input, requestMeta(request));
    const message = counter ? "Answer approved: the proposed time is waiting for your decision" : "Answer approved";
    return redirectWithMessage(`/sessions/${input.sessionId}`, message);
  }
  await rejectHeldReply(actor, input, requestMeta(request));
  return redirectWithMessage(`/sessions/${input.sessionId}`, "Answer rejected: it changes nothing");
});

export default function HeldReply() {
  const { reply: r } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), []);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/sessions/${r.sessionId}`}>Back to the session</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">
          {r.programmeName}, {r.venueName}, {formatDateTime(new Date(r.sessionStartsAt))}
        </span>
        <h1 className="govuk-heading-l">Answer from a forwarded invitation</h1>
        <p className="govuk-body">
          Someone who was not invited answered in their calendar, probably because the invitation was forwarded to them. Approve it only if
          they may answer for the venue.
        </p>
        <SummaryList
          rows={[
            { key: "From", value: r.attendee ?? "Unknown" },
            { key: "Invitation sent to", value: r.invitedContact ?? "Unknown" },
            { key: "Their answer", value: r.answer },
            ...(r.proposedStart ? [{ key: "Proposed time", value: formatDateTime(new Date(r.proposedStart)) }] : []),
            { key: "Their message", value: r.comment || "None" },
            { key: "Received", value: formatDateTime(new Date(r.receivedAt)) },
          ]}
        />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="approve" />
          <p className="govuk-body">Approving counts it as the venue&rsquo;s answer, as if the invited contact had given it.</p>
          <Button>Approve the answer</Button>
        </Form>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="reject" />
          <Button variant="secondary">Reject the answer</Button>
        </Form>
      </div>
    </div>
  );
}
