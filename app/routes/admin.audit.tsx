import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Pagination, Table } from "~/components/govuk";
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
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="action">
            Action starts with
          </label>
          <div id="action-hint" className="govuk-hint">
            For example, auth.sign_in_failed or user.
          </div>
          <input
            className="govuk-input govuk-input--width-20"
            id="action"
            name="action"
            aria-describedby="action-hint"
            defaultValue={filters.action ?? ""}
          />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="actor">
            Email address of the person
          </label>
          <input className="govuk-input govuk-input--width-20" id="actor" name="actor" defaultValue={filters.actorEmail ?? ""} />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="entityType">
            Record type
          </label>
          <div id="entityType-hint" className="govuk-hint">
            For example, Disclosure or User
          </div>
          <input
            className="govuk-input govuk-input--width-20"
            id="entityType"
            name="entityType"
            aria-describedby="entityType-hint"
            defaultValue={filters.entityType ?? ""}
          />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="entityId">
            Record ID
          </label>
          <input
            className="govuk-input govuk-input--width-20"
            id="entityId"
            name="entityId"
            spellCheck={false}
            defaultValue={filters.entityId ?? ""}
          />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="from">
            From (date)
          </label>
          <input className="govuk-input govuk-input--width-10" id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="to">
            To (date)
          </label>
          <input className="govuk-input govuk-input--width-10" id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Filter
        </button>
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
