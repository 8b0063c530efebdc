import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Pagination, Table } from "~/components/govuk";
import { listUnprocessedMessages } from "~/models/calendar-replies.server";
import { requireUserWith } from "~/utils/auth.server";
import { pageFromUrl } from "~/utils/http.server";
import { formatDateTime } from "~/utils/time";

export const handle = { title: "Replies not processed" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "settings:manage");
  return { messages: await listUnprocessedMessages({ page: pageFromUrl(request) }) };
}

const OUTCOME = { UNMATCHED: "Not matched", REFUSED: "Refused", MALFORMED: "Unreadable" } as Record<string, string>;

export default function RepliesNotProcessed() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Replies not processed</h1>
      <p className="govuk-body">
        Messages that reached the reply addresses but changed nothing: not sent to any invitation&apos;s address, refused (for example a
        calendar reply for another event), too large, or unreadable. Answers, auto-replies and bounces are not listed.
      </p>
      <Table
        caption={`${messages.total.toLocaleString("en-GB")} ${messages.total === 1 ? "message" : "messages"}`}
        captionClassName="govuk-table__caption--m"
        head={[{ text: "Received" }, { text: "From" }, { text: "Subject" }, { text: "Outcome" }, { text: "Reason" }]}
        rows={messages.items.map((m) => ({
          key: m.id,
          cells: [
            { text: formatDateTime(new Date(m.receivedAt)) },
            { text: m.fromAddress ?? "Unknown" },
            { text: m.subject ?? "(no subject)" },
            { text: `${OUTCOME[m.outcome] ?? m.outcome} (${m.source})` },
            { text: m.reason },
          ],
        }))}
      />
      <Pagination page={messages.page} pageCount={messages.pageCount} hrefForPage={(page) => `?page=${page}`} />
    </>
  );
}
