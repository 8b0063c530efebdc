import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, Checkboxes, ErrorSummary, InsetText, SummaryList, Tag, type TagColour } from "~/components/govuk";
import { InvitationsTable, MultilineText } from "~/components/invitations/InvitationsTable";
import { getInvitePage, sendInvitation } from "~/models/invitations.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { devMailboxEnabled } from "~/utils/mail.server";
import { inviteContactsSchema } from "~/forms/sessions.server";

export const handle = { title: "Invite the venue" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "invitation:send");
  const page = await getInvitePage(idParam(params.sessionId));
  invariantResponse(page, "Session not found");
  return { ...page, devMailbox: devMailboxEnabled() };
}

export const action = /* @__PURE__ */ formAction("invitation:send", async ({ request, params, user: actor, formData }) => {
  const sessionId = idParam(params.sessionId);
  invariantResponse(await getInvitePage(sessionId), "Session not found");
  const parsed = parseForm(formData, inviteContactsSchema);
  if (!parsed.ok) return parsed.reply;
  const { invited } = await sendInvitation(actor, { sessionId, contactIds: parsed.value.contactIds }, requestMeta(request));
  return redirectWithMessage(`/sessions/${sessionId}/invite`, `Invitation sent to ${invited.join(", ")}`);
});

const STATUS_COLOUR: Record<string, TagColour> = {
  PROVISIONAL: "grey",
  INVITED: "yellow",
  CONFIRMED: "green",
  DECLINED: "red",
  CANCELLED: "red",
  DELIVERED: "blue",
};

export default function InviteVenue() {
  const { session, details, contacts, invitable, invitations, devMailbox } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["contactIds"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/sessions/${session.id}`}>Back to the session</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">{session.venueName}</span>
        <h1 className="govuk-heading-l">Invite the venue</h1>
        <p className="govuk-body" id="session-status">
          Session status:{" "}
          <Tag colour={STATUS_COLOUR[session.status] ?? "grey"}>{session.status.charAt(0) + session.status.slice(1).toLowerCase()}</Tag>
        </p>
        <p className="govuk-body">
          The venue will get an email with a calendar invitation and a link to accept, decline or ask for another date. This is what it will
          say:
        </p>
        <SummaryList rows={details.map(([key, value]) => ({ key, value: <MultilineText text={value} /> }))} />
        {!invitable ? (
          <InsetText>
            This session cannot be sent as an invitation now: only provisional, invited or declined sessions that have not yet taken place
            can.
          </InsetText>
        ) : contacts.length === 0 ? (
          <InsetText>This venue has no contact with an email address. Add one on the venue's page first.</InsetText>
        ) : (
          <Form method="post" noValidate>
            <Checkboxes
              id="contactIds"
              name="contactIds"
              legend="Who should we send it to?"
              legendClassName="govuk-fieldset__legend--m"
              hint="Each contact gets their own link. Sending again replaces a contact's earlier link."
              defaultValues={form.values(
                "contactIds",
                contacts.filter((c) => c.isPrimary).map((c) => c.id),
              )}
              error={form.error("contactIds")}
              items={contacts.map((c) => ({ value: c.id, text: `${c.name} (${c.email})`, hint: c.role ?? undefined }))}
            />
            {devMailbox ? (
              <p className="govuk-body">
                No email server is set up, so the email will not be sent: read it in the{" "}
                <a className="govuk-link" href="/dev/mailbox">
                  development mailbox
                </a>
                .
              </p>
            ) : null}
            <Button>Send invitation</Button>
          </Form>
        )}
        <InvitationsTable invitations={invitations.items} total={invitations.total} />
      </div>
    </div>
  );
}
