import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button, Pagination, Table, TextInput } from "~/components/govuk";
import { listAuditEvents } from "~/models/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { pageFromUrl, queryText } from "~/utils/http.server";
import { formatDateTime, isDateOnly } from "~/utils/time";

export const handle = { title: "Audit log" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "audit:read");
  const search = new URL(request.url).searchParams;
  const date = (name: string) => {
    const v = search.get(name)?.trim() ?? "";
    return isDateOnly(v) ? v : undefined;
  };
  const filters = {
    action: queryText(request, "action", 60),
    actorEmail: queryText(request, "actor", 254),
    entityType: queryText(request, "entityType", 60),
    entityId: queryText(request, "entityId", 60),
    from: date("from"),
    to: date("to"),
  };
  const events = await listAuditEvents({ page: pageFromUrl(request), filters });
  return { events, filters };
}

export default function AuditLog() {
  const { events, filters } = useLoaderData<typeof loader>();
  const params: Record<string, string | undefined> = {
    action: filters.action,
    actor: filters.actorEmail,
    entityType: filters.entityType,
    entityId: filters.entityId,
    from: filters.from,
    to: filters.to,
  };
  const query = (page: number) =>
    `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => !!e[1])), page: String(page) })}`;
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">Every sign-in, change and access to sensitive records. Entries cannot be changed or deleted.</p>
      <form method="get" role="search" className="govuk-!-margin-bottom-6">
        <TextInput
          name="action"
          label="Action starts with"
          hint="For example, auth.sign_in_failed or user."
          className="govuk-input--width-20"
          defaultValue={filters.action}
        />
        <TextInput name="actor" label="Email address of the person" className="govuk-input--width-20" defaultValue={filters.actorEmail} />
        <TextInput
          name="entityType"
          label="Record type"
          hint="For example, Disclosure or User"
          className="govuk-input--width-20"
          defaultValue={filters.entityType}
        />
        <TextInput name="entityId" label="Record ID" className="govuk-input--width-20" spellCheck={false} defaultValue={filters.entityId} />
        <TextInput name="from" label="From (date)" type="date" className="govuk-input--width-10" defaultValue={filters.from} />
        <TextInput name="to" label="To (date)" type="date" className="govuk-input--width-10" defaultValue={filters.to} />
        <Button variant="secondary">Filter</Button>
      </form>
      <Table
        caption={`${events.total.toLocaleString("en-GB")} ${events.total === 1 ? "event" : "events"}`}
        captionClassName="govuk-table__caption--m"
        head={[{ text: "When" }, { text: "Who" }, { text: "Action" }, { text: "Record" }, { text: "IP address" }]}
        rows={events.items.map((e) => ({
          key: e.id,
          cells: [
            { text: formatDateTime(new Date(e.at)) },
            { text: e.actorEmail ?? "Unknown" },
            { text: <code>{e.action}</code> },
            { text: e.entityType ? `${e.entityType} ${e.entityId ?? ""}` : "" },
            { text: e.ip ?? "" },
          ],
        }))}
      />
      <Pagination page={events.page} pageCount={events.pageCount} hrefForPage={query} />
    </>
  );
}
