// The development mailbox: with no SMTP server (the demo), emails stay in the outbox and are read here.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { InsetText, Pagination, Table, Tag } from "~/components/govuk";
import { listMailbox } from "~/models/outbox.server";
import { requireUserWith } from "~/utils/auth.server";
import { invariantResponse, pageFromUrl } from "~/utils/http.server";
import { devMailboxEnabled } from "~/utils/mail.server";
import { formatDateTime } from "~/utils/time";

export const handle = { title: "Development mailbox" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "outbox:manage");
  invariantResponse(devMailboxEnabled(), "Not found");
  return { messages: await listMailbox(pageFromUrl(request)) };
}

export default function DevMailbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Development mailbox</h1>
      <InsetText>No email server is set up (SMTP_URL), so emails are not sent: they are kept here instead.</InsetText>
      <Table
        caption={`${messages.total.toLocaleString("en-GB")} ${messages.total === 1 ? "email" : "emails"}`}
        captionClassName="govuk-table__caption--m"
        head={[{ text: "To" }, { text: "Subject" }, { text: "Queued" }, { text: "Calendar" }]}
        rows={messages.items.map((m) => ({
          key: m.id,
          cells: [
            { text: m.to },
            {
              text: (
                <a className="govuk-link" href={`/dev/mailbox/${m.id}`}>
                  {m.subject}
                </a>
              ),
            },
            { text: formatDateTime(new Date(m.createdAt)) },
            { text: m.icsMethod ? <Tag colour="blue">{m.icsMethod}</Tag> : "None" },
          ],
        }))}
      />
      <Pagination page={messages.page} pageCount={messages.pageCount} hrefForPage={(p) => `?page=${p}`} />
    </>
  );
}
