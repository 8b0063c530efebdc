import { Form } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, Table, TextInput } from "~/components/govuk";
import type { FormReplyView } from "~/web/forms";
import { formatDateTime } from "~/utils/time";

type Calendar = {
  id: string;
  label: string;
  urlHost: string;
  lastFetchedAt: string | Date | null;
  lastSuccessAt: string | Date | null;
  lastError: string | null;
  _count: { busy: number };
};

/** A team's or a venue's own calendars read as busy time: the list (host only), refresh, remove, and the add form. */
export function ExternalCalendars(props: { name: string; whose: string; backHref: string; calendars: Calendar[]; form: FormReplyView }) {
  const { name, whose, backHref, calendars, form } = props;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={backHref}>Back to {name}</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">{name}</span>
        <h1 className="govuk-heading-l">Busy calendars</h1>
        <p className="govuk-body">
          Add {whose} own calendar (an ICS address from Google Calendar, Outlook or another calendar) and its busy times count as a clash
          when booking, finding free dates and planning tours. Only the times are kept, never what the events are. The address is kept
          secret: after saving, only its host is shown.
        </p>
        {calendars.length ? (
          <Table
            caption="Calendars"
            head={[
              { text: "Calendar" },
              { text: "Last read" },
              { text: "Busy times", format: "numeric" as const },
              { text: <span className="govuk-visually-hidden">Actions</span> },
            ]}
            rows={calendars.map((c) => ({
              key: c.id,
              cells: [
                {
                  text: (
                    <>
                      {c.label}
                      <br />
                      <span className="govuk-hint">{c.urlHost}</span>
                      {c.lastError ? <p className="govuk-error-message">{c.lastError}</p> : null}
                    </>
                  ),
                },
                { text: c.lastSuccessAt ? formatDateTime(new Date(c.lastSuccessAt)) : "Not yet" },
                { text: String(c._count.busy), format: "numeric" as const },
                {
                  text: (
                    <Form method="post">
                      <input type="hidden" name="calendarId" value={c.id} />
                      <Button name="intent" value="refresh" variant="secondary">
                        Refresh now<span className="govuk-visually-hidden"> {c.label}</span>
                      </Button>{" "}
                      <Button name="intent" value="remove" variant="warning">
                        Remove<span className="govuk-visually-hidden"> {c.label}</span>
                      </Button>
                    </Form>
                  ),
                },
              ],
            }))}
          />
        ) : (
          <p className="govuk-body">No calendars yet.</p>
        )}
        <h2 className="govuk-heading-m">Add a calendar</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="add" />
          <TextInput id="label" label="Name" hint="For example, Company diary" {...form.field("label")} />
          <TextInput
            id="secretUrl"
            label="Calendar address"
            hint="The secret address in iCal format, starting with https://"
            spellCheck={false}
            autoComplete="off"
            {...form.field("secretUrl")}
          />
          <Button>Add calendar</Button>
        </Form>
      </div>
    </div>
  );
}
