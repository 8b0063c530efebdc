import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, SummaryList, Textarea } from "~/components/govuk";
import { acceptCounterProposal, counterProposal, declineCounterProposal } from "~/models/calendar-replies.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { formAction } from "~/web/errors.server";
import { formatDateTime } from "~/utils/time";
import { proposalDecisionSchema } from "~/forms/sessions.server";

export const handle = { title: "Proposed time" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "session:book");
  const proposal = await counterProposal(user, { sessionId: idParam(params.sessionId), messageId: idParam(params.messageId) });
  invariantResponse(proposal, "Proposal not found");
  return { proposal };
}

export const action = /* @__PURE__ */ formAction("session:book", async ({ request, params, user: actor, formData }) => {
  const input = { sessionId: idParam(params.sessionId), messageId: idParam(params.messageId) };
  const parsed = parseForm(formData, proposalDecisionSchema);
  if (!parsed.ok) return parsed.reply;
  if (parsed.value.intent === "accept") await acceptCounterProposal(actor, input, requestMeta(request));
  else await declineCounterProposal(actor, { ...input, note: parsed.value.note }, requestMeta(request));
  const message = parsed.value.intent === "accept" ? "Session moved to the proposed time" : "Proposed time declined";
  return redirectWithMessage(`/sessions/${input.sessionId}`, message);
});

export default function ProposedTime() {
  const { proposal: p } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["note"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/sessions/${p.sessionId}`}>Back to the session</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">
          {p.programmeName}, {p.venueName}
        </span>
        <h1 className="govuk-heading-l">The venue asked for another date</h1>
        <SummaryList
          rows={[
            { key: "Booked for", value: formatDateTime(new Date(p.sessionStartsAt)) },
            { key: "Proposed", value: `${formatDateTime(new Date(p.proposedStart))} to ${formatDateTime(new Date(p.proposedEnd))}` },
            { key: "From", value: p.attendee ?? "Unknown" },
            { key: "Their message", value: p.comment || "None" },
          ]}
        />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="accept" />
          <p className="govuk-body">Accepting moves the session (the booking rules apply) and sends the venue an updated invitation.</p>
          <Button>Accept the proposed time</Button>
        </Form>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="decline" />
          <Textarea
            name="note"
            label="Note to the venue"
            labelClassName="govuk-label--s"
            hint="Sent with the calendar's 'new time declined' message"
            rows={3}
            defaultValue={form.value("note")}
            error={form.error("note")}
          />
          <Button variant="secondary">Decline the proposed time</Button>
        </Form>
      </div>
    </div>
  );
}
