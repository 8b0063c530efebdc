import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ButtonLink, SummaryList, Table, Tag } from "~/components/govuk";
import { getVenue, removeVenue, restoreVenue, venuePage } from "~/models/venues.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { idParam, invariantResponse } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { CLOSURE_REASON_LABELS, isSchoolKind, VENUE_KIND_LABELS } from "~/forms/reference";
import { formatDate, formatDateRange, formatDateTime } from "~/utils/time";
import { venueActionSchema } from "~/forms/reference.server";

export const handle = { title: (data: { page: { venue: { name: string } } } | undefined) => data?.page.venue.name ?? "Venue" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "venue:read");
  const page = await venuePage(idParam(params.venueId), new URL(request.url).searchParams.get("week") ?? undefined);
  invariantResponse(page, "Venue not found");
  return { page, canManage: can(user.roles, "venue:manage"), canManageCalendar: can(user.roles, "calendar:manage") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "venue:manage");
  const id = idParam(params.venueId);
  invariantResponse(await getVenue(id), "Venue not found");
  const parsed = parseForm(await request.formData(), venueActionSchema);
  if (!parsed.ok) return parsed.reply;
  if (parsed.value.intent === "restore") {
    await restoreVenue(actor, id, requestMeta(request));
    return redirectWithMessage(`/venues/${id}`, "Venue restored");
  }
  const outcome = await removeVenue(actor, id, requestMeta(request));
  return outcome === "archived"
    ? redirectWithMessage(`/venues/${id}`, "Venue archived: it has sessions, so its history is kept")
    : redirectWithMessage("/venues", "Venue deleted");
}

export default function Venue() {
  const { page, canManage, canManageCalendar } = useLoaderData<typeof loader>();
  const { venue: v, contacts, closures, terms, week } = page;
  const address = [v.addressLine1, v.addressLine2, v.town, v.postcode].filter(Boolean).join(", ");
  const change = (what: string) => (canManage ? [{ href: `/venues/${v.id}/edit`, text: "Change", visuallyHiddenText: what }] : undefined);
  return (
    <>
      <BackLink href="/venues">Back to venues</BackLink>
      <span className="govuk-caption-l">{VENUE_KIND_LABELS[v.kind]}</span>
      <h1 className="govuk-heading-l">{v.name}</h1>
      <p className="govuk-body">
        {v.archivedAt ? (
          <Tag colour="grey">Archived</Tag>
        ) : v.status === "CLOSED" ? (
          <Tag colour="red">Closed</Tag>
        ) : (
          <Tag colour="green">Open</Tag>
        )}
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: "Address", value: address || "Not set", actions: change("address") },
              { key: "Phone", value: v.phone ?? "Not set", actions: change("phone") },
              ...(v.urn
                ? [
                    { key: "URN", value: v.urn },
                    { key: "LA code", value: v.laCode ?? "Not set" },
                    { key: "Phase", value: v.phase ?? "Not set" },
                  ]
                : []),
              ...(v.statutoryLowAge != null ? [{ key: "Ages", value: `${v.statutoryLowAge} to ${v.statutoryHighAge ?? "?"}` }] : []),
              ...(v.numberOnRoll != null ? [{ key: "Number on roll", value: v.numberOnRoll.toLocaleString("en-GB") }] : []),
              { key: "Year 10 pupils", value: v.year10Count?.toLocaleString("en-GB") ?? "Not set", actions: change("Year 10 pupils") },
              {
                key: "Pupils in the programme's year group",
                value: v.cohort?.toLocaleString("en-GB") ?? "Not set",
                actions: change("pupils in the programme's year group"),
              },
              {
                key: "School day",
                value: v.dayStart && v.dayEnd ? `${v.dayStart} to ${v.dayEnd}` : "Not set (09:00 to 15:15)",
                actions: change("school day"),
              },
              {
                key: "Grid reference",
                value: v.easting != null && v.northing != null ? `Easting ${v.easting}, northing ${v.northing}` : "Not set",
                actions: change("grid reference"),
              },
              {
                key: "Largest room or hall",
                value: v.hallCapacity ? `${v.hallCapacity} people` : "Not set",
                actions: change("hall capacity"),
              },
              { key: "Accessibility", value: v.accessibilityNotes ?? "None recorded", actions: change("accessibility notes") },
              { key: "Sessions", value: String(page.sessionCount) },
            ]}
          />
        </div>
      </div>

      <h2 className="govuk-heading-m">Availability</h2>
      <Table
        caption={`Week beginning ${formatDate(page.weekStart)}`}
        captionClassName="govuk-table__caption--s"
        head={[{ text: "Date" }, { text: "Available" }]}
        rows={week.map(({ date, availability: a }) => ({
          key: date,
          cells: [
            { text: formatDate(date), header: true },
            {
              text: a.available ? (
                <Tag colour="green">Available</Tag>
              ) : (
                <>
                  <Tag colour="grey">Unavailable</Tag> <span className="govuk-body-s">{a.reason}</span>
                </>
              ),
            },
          ],
        }))}
      />
      <p className="govuk-body">
        <a className="govuk-link" href={`?week=${page.previousWeek}`}>
          Previous week
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href={`?week=${page.nextWeek}`}>
          Next week
        </a>
      </p>

      <h2 className="govuk-heading-m">Contacts</h2>
      {contacts.length ? (
        <Table
          head={[
            { text: "Name" },
            { text: "Role" },
            { text: "Email" },
            { text: "Phone" },
            ...(canManage ? [{ text: <span className="govuk-visually-hidden">Actions</span> }] : []),
          ]}
          rows={contacts.map((c) => ({
            key: c.id,
            cells: [
              {
                text: (
                  <>
                    {c.name}
                    {c.isPrimary ? (
                      <>
                        {" "}
                        <Tag colour="blue">Primary</Tag>
                      </>
                    ) : null}
                  </>
                ),
              },
              { text: c.role ?? "–" },
              {
                text: c.email ? (
                  <>
                    {c.email}
                    {c.emailFailingAt ? (
                      <>
                        {" "}
                        <Tag colour="red">Email failing</Tag>
                        <span className="govuk-!-display-block govuk-body-s">
                          Since {formatDateTime(new Date(c.emailFailingAt))}: {c.emailFailure ?? "delivery failed"}
                        </span>
                      </>
                    ) : null}
                  </>
                ) : (
                  "–"
                ),
              },
              { text: c.phone ?? "–" },
              ...(canManage
                ? [
                    {
                      text: (
                        <a className="govuk-link" href={`/venues/${v.id}/contacts/${c.id}`}>
                          Change<span className="govuk-visually-hidden"> {c.name}</span>
                        </a>
                      ),
                    },
                  ]
                : []),
            ],
          }))}
        />
      ) : (
        <p className="govuk-body">No contacts yet.</p>
      )}
      {canManage ? (
        <ButtonLink href={`/venues/${v.id}/contacts/new`} variant="secondary">
          Add a contact
        </ButtonLink>
      ) : null}

      <h2 className="govuk-heading-m">Closures, INSET days and exams</h2>
      {closures.length ? (
        <Table
          head={[
            { text: "Dates" },
            { text: "Reason" },
            { text: "Note" },
            ...(canManageCalendar ? [{ text: <span className="govuk-visually-hidden">Actions</span> }] : []),
          ]}
          rows={closures.map((c) => ({
            key: c.id,
            cells: [
              { text: formatDateRange(c.startDate, c.endDate) },
              { text: CLOSURE_REASON_LABELS[c.reason] },
              { text: c.note ?? "–" },
              ...(canManageCalendar
                ? [
                    {
                      text: (
                        <a className="govuk-link" href={`/calendar/closures/${c.id}`}>
                          Remove<span className="govuk-visually-hidden"> closure {formatDateRange(c.startDate, c.endDate)}</span>
                        </a>
                      ),
                    },
                  ]
                : []),
            ],
          }))}
        />
      ) : (
        <p className="govuk-body">No closures to come.</p>
      )}
      {canManageCalendar ? (
        <ButtonLink href={`/venues/${v.id}/closures/new`} variant="secondary">
          Add an INSET day, exam period or closure
        </ButtonLink>
      ) : null}

      <h2 className="govuk-heading-m">Own term dates</h2>
      {terms.length ? (
        <Table
          head={[{ text: "Year" }, { text: "Term" }, { text: "Dates" }, { text: "Half-term" }]}
          rows={terms.map((t) => ({
            key: t.id,
            cells: [
              { text: t.academicYear.name },
              { text: t.name },
              { text: formatDateRange(t.startDate, t.endDate) },
              { text: t.halfTermStart && t.halfTermEnd ? formatDateRange(t.halfTermStart, t.halfTermEnd) : "None" },
            ],
          }))}
        />
      ) : (
        <p className="govuk-body">
          {isSchoolKind(v.kind) ? "Follows the council's term dates." : "Term dates do not apply to this venue."}
        </p>
      )}
      {canManageCalendar && isSchoolKind(v.kind) ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/venues/${v.id}/terms`}>
            Manage {v.name}'s own term dates
          </a>
        </p>
      ) : null}
      {canManage ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/venues/${v.id}/feed`}>
            Calendar feed<span className="govuk-visually-hidden"> of {v.name}'s sessions</span>
          </a>{" "}
          for the venue's own calendar
        </p>
      ) : null}
      {canManage ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/venues/${v.id}/calendars`}>
            Busy calendars<span className="govuk-visually-hidden"> of {v.name}</span>
          </a>{" "}
          (the venue's own diary, read as busy time)
        </p>
      ) : null}

      {canManage ? (
        <Form method="post">
          <h2 className="govuk-heading-m">{v.archivedAt ? "Restore" : "Remove venue"}</h2>
          {v.archivedAt ? (
            <>
              <input type="hidden" name="intent" value="restore" />
              <Button variant="secondary">Restore venue</Button>
            </>
          ) : (
            <>
              <p className="govuk-body">
                {page.sessionCount > 0
                  ? "This venue has sessions, so it will be archived and its history kept."
                  : "This venue has no sessions, so it will be deleted with its contacts and closures."}
              </p>
              <input type="hidden" name="intent" value="remove" />
              <Button variant="warning">{page.sessionCount > 0 ? "Archive venue" : "Delete venue"}</Button>
            </>
          )}
        </Form>
      ) : null}
    </>
  );
}
