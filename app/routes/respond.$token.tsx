// The page a venue contact reaches from the link in an invitation email. No account: the secret link is the key.
// GET only shows (mail scanners open links); the answer is a POST.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, DateInput, ErrorSummary, InsetText, Radios, SummaryList, Textarea, TextInput } from "~/components/govuk";
import { MultilineText } from "~/components/invitations/InvitationsTable";
import { coordinatorContact } from "~/models/sessions/venue-details.server";
import { getInvitationByToken, InvitationUnavailableError, respondToInvitation } from "~/models/invitations.server";
import { requestMeta } from "~/utils/audit.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { formFailure, parseForm } from "~/web/forms.server";
import { tokenPageHeaders } from "~/utils/http.server";
import { assertNotGuessingTokens, enforceRateLimit, recordTokenMiss } from "~/utils/rate-limit.server";
import { useFormReply } from "~/web/forms";
import { PREFERRED_DATE_FIELDS } from "~/forms/invitation-response";
import { invitationResponseSchema } from "~/forms/invitation-response.server";
import { formatDate } from "~/utils/time";

export const handle = {
  title: (d: { invitation: unknown } | undefined) => (d?.invitation ? "Reply to an invitation" : "This link is no longer valid"),
};

// The token must not leak in a Referer, be cached or be indexed.
export const headers = tokenPageHeaders;
export const meta: MetaFunction = () => [
  { name: "referrer", content: "no-referrer" },
  { name: "robots", content: "noindex" },
];

const unavailable = () => data({ invitation: null, contact: coordinatorContact() }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await assertNotGuessingTokens(request, "respond");
  const invitation = await getInvitationByToken(params.token ?? "");
  if (!invitation) {
    await recordTokenMiss("respond", requestMeta(request).ip);
    return unavailable();
  }
  return { invitation, contact: coordinatorContact() };
}

const THANKS = {
  ACCEPTED: "Thank you: the session is confirmed. We have told the coordinator.",
  TENTATIVE: "Thank you: we have told the coordinator.",
  DECLINED: "Thank you for letting us know. We have told the coordinator.",
  ALTERNATIVE_PROPOSED: "Thank you: the coordinator will be in touch about another date.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  await assertNotGuessingTokens(request, "respond");
  await enforceRateLimit(request, "respond-answer", { limit: 60, windowSeconds: 15 * 60 });
  const token = params.token ?? "";
  const formData = await request.formData();
  const parsed = parseForm(formData, invitationResponseSchema);
  if (!parsed.ok) return parsed.reply;
  try {
    const { status } = await respondToInvitation(token, parsed.value, requestMeta(request));
    return redirectWithMessage(`/respond/${token}`, THANKS[status]);
  } catch (error) {
    if (error instanceof InvitationUnavailableError) {
      await recordTokenMiss("respond", requestMeta(request).ip);
      return formFailure(formData, { "": [error.message] }, 404);
    }
    throw error;
  }
}

const ANSWER = {
  PENDING: null,
  ACCEPTED: "You accepted this invitation",
  TENTATIVE: "You tentatively accepted this invitation in your calendar",
  DECLINED: "You declined this invitation",
  ALTERNATIVE_PROPOSED: "You asked for another date",
};

export default function RespondToInvitation() {
  const { invitation, contact } = useLoaderData<typeof loader>();
  const form = useFormReply(
    useActionData<typeof action>(),
    ["response", "reason", "note", ...PREFERRED_DATE_FIELDS, "expectedPupils", "onTheDayContact"],
    {
      preferred1: "preferred1-day",
      preferred2: "preferred2-day",
      preferred3: "preferred3-day",
    },
  );
  const contactLine = `Contact the ${contact.team} at ${contact.email}${contact.phone ? ` or ${contact.phone}` : ""}.`;
  if (!invitation || form.formError) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This link is no longer valid</h1>
          <p className="govuk-body">The link may have expired, been replaced by a newer invitation, or been copied incorrectly.</p>
          <p className="govuk-body">{contactLine}</p>
        </div>
      </div>
    );
  }
  const answer = ANSWER[invitation.status];
  const dates = (field: string) => ({
    day: form.value(`${field}Day`),
    month: form.value(`${field}Month`),
    year: form.value(`${field}Year`),
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.summary} />
        <span className="govuk-caption-l">{invitation.venueName}</span>
        <h1 className="govuk-heading-l">Can you host this session?</h1>
        <SummaryList rows={invitation.details.map(([key, value]) => ({ key, value: <MultilineText text={value} /> }))} />
        {answer ? (
          <InsetText>
            {answer}
            {invitation.response.respondedAt ? ` on ${formatDate(new Date(invitation.response.respondedAt))}` : ""}. You can change your
            answer below.
          </InsetText>
        ) : null}
        <Form method="post" noValidate>
          <Radios
            name="response"
            legend="Your answer"
            legendClassName="govuk-fieldset__legend--m"
            defaultValue={form.value("response")}
            error={form.error("response")}
            items={[
              { value: "ACCEPT", text: "Yes, we can host it on this date" },
              { value: "DECLINE", text: "No, we cannot host it" },
              { value: "ALTERNATIVE", text: "Not on this date: suggest another" },
            ]}
          />
          <Textarea {...form.field("reason")} label="If you cannot host it, why not?" rows={3} />
          <Textarea {...form.field("note")} label="If you would like another date, which dates or times would suit you?" rows={3} />
          {PREFERRED_DATE_FIELDS.map((field, i) => (
            <DateInput
              key={field}
              id={field}
              legend={`Preferred date ${i + 1} (optional)`}
              hint="For example, 12 5 2026"
              values={dates(field)}
              error={form.error(field)}
            />
          ))}
          <TextInput
            {...form.field("expectedPupils", invitation.response.expectedPupils?.toString() ?? "")}
            label="How many pupils do you expect? (optional)"
            inputMode="numeric"
            className="govuk-input--width-5"
          />
          <TextInput
            {...form.field("onTheDayContact", invitation.response.onTheDayContact ?? "")}
            label="Who should the team ask for on the day? (optional)"
            hint="Name and phone number"
          />
          <Button>Send your answer</Button>
        </Form>
        <p className="govuk-body">{contactLine}</p>
      </div>
    </div>
  );
}
