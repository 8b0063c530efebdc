import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink, SummaryList } from "~/components/govuk";
import { getMailboxMessage } from "~/models/outbox.server";
import { requireUserWith } from "~/utils/auth.server";
import { idParam, invariantResponse } from "~/utils/http.server";
import { devMailboxEnabled } from "~/utils/mail.server";
import { formatDateTime } from "~/utils/time";

export const handle = { title: (d: { message: { subject: string } } | undefined) => d?.message.subject ?? "Email" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "outbox:manage");
  invariantResponse(devMailboxEnabled(), "Not found");
  const message = await getMailboxMessage(idParam(params.messageId));
  invariantResponse(message, "Email not found");
  return { message };
}

export default function MailboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/dev/mailbox">Back to the mailbox</BackLink>
      <h1 className="govuk-heading-l">{message.subject}</h1>
      <SummaryList
        rows={[
          { key: "To", value: message.to },
          { key: "Queued", value: formatDateTime(new Date(message.createdAt)) },
          { key: "Calendar", value: message.icsMethod ? `text/calendar; method=${message.icsMethod} and invite.ics` : "None" },
        ]}
      />
      <h2 className="govuk-heading-m">Links</h2>
      {message.links.length ? (
        <ul className="govuk-list" id="links">
          {message.links.map((href) => (
            <li key={href}>
              <a className="govuk-link" href={href} rel="noreferrer">
                {href}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">This email has no links.</p>
      )}
      <h2 className="govuk-heading-m">Text</h2>
      <pre className="app-mailbox__text" id="text" tabIndex={0}>
        {message.text}
      </pre>
      {message.html ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/dev/mailbox/${message.id}/html`}>
            Open the HTML version
          </a>{" "}
          (shown sandboxed: no scripts, forms or requests to other sites).
        </p>
      ) : null}
      {message.ics ? (
        <>
          <h2 className="govuk-heading-m">Calendar (invite.ics)</h2>
          <pre className="app-mailbox__text" tabIndex={0}>
            {message.ics}
          </pre>
        </>
      ) : null}
    </>
  );
}
