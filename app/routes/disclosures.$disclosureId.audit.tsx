import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink, Pagination, Table } from "~/components/govuk";
import { disclosureAuditTrail } from "~/models/disclosures.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { throwHttpError } from "~/web/errors.server";
import { idParam, noStoreHeaders, pageFromUrl } from "~/utils/http.server";
import { formatDateTime } from "~/utils/time";

export const handle = {
  title: (data: { disclosure: { reference: string } } | undefined) => `Audit trail${data ? ` of ${data.disclosure.reference}` : ""}`,
};

export const headers = noStoreHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "disclosure:read");
  return disclosureAuditTrail(user, idParam(params.disclosureId), pageFromUrl(request), requestMeta(request)).catch(throwHttpError);
}

export default function DisclosureAudit() {
  const { disclosure, events } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={`/disclosures/${disclosure.id}`}>Back to {disclosure.reference}</BackLink>
      <h1 className="govuk-heading-l">Audit trail of {disclosure.reference}</h1>
      <p className="govuk-body">Every time the record was read, listed or changed. Entries cannot be changed or deleted.</p>
      <Table
        caption={`${events.total.toLocaleString("en-GB")} ${events.total === 1 ? "event" : "events"}`}
        captionClassName="govuk-table__caption--m"
        head={[
          { text: "When" },
          { text: "Who" },
          { text: "Action" },
          { text: "Fields changed" },
          { text: "IP address" },
          { text: "Browser" },
        ]}
        rows={events.items.map((e) => ({
          key: e.id,
          cells: [
            { text: formatDateTime(new Date(e.at)) },
            { text: e.actorEmail ?? "System" },
            { text: <code>{e.action}</code> },
            { text: e.changed.join(", ") },
            { text: e.ip ?? "" },
            { text: e.userAgent ?? "" },
          ],
        }))}
      />
      <Pagination page={events.page} pageCount={events.pageCount} hrefForPage={(page) => `?page=${page}`} />
    </>
  );
}
