import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, Checkboxes, ErrorSummary } from "~/components/govuk";
import { DetailsFields } from "~/components/sessions/DetailsFields";
import { RelatedSessions } from "~/components/sessions/RelatedSessions";
import { WhatWhereWho } from "~/components/sessions/WhatWhereWho";
import { WhenFields } from "~/components/sessions/WhenFields";
import { bookSession } from "~/models/sessions/changes.server";
import { bookingChoices } from "~/models/sessions/queries.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import type { ErrorReply } from "~/web/errors.server";
import { bookingPrefill } from "~/forms/sessions";
import { bookingSchema } from "~/forms/sessions.server";

export const handle = { title: "Book a session" };

const FIELDS = [
  "programmeId",
  "venueId",
  "teamId",
  "date",
  "startTime",
  "endTime",
  "yearGroups",
  "expectedPupils",
  "expectedAdults",
  "capacityOverrideReason",
  "venueNotes",
  "internalNotes",
  "alreadyDelivered",
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "session:book");
  return { choices: await bookingChoices(), prefill: bookingPrefill(new URL(request.url)) };
}

export const action = /* @__PURE__ */ formAction("session:book", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, bookingSchema);
  if (!parsed.ok) return parsed.reply;
  const session = await bookSession(
    actor,
    { ...parsed.value, alreadyDelivered: parsed.value.alreadyDelivered === "yes" },
    requestMeta(request),
  );
  return redirectWithMessage(
    `/sessions/${session.id}`,
    session.status === "DELIVERED" ? "Delivered session recorded" : "Session booked as provisional",
  );
});

export default function BookSession() {
  const { choices, prefill } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as ErrorReply | undefined;
  const form = useFormReply(reply, FIELDS, { date: "date-day" });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/diary">Back to the diary</BackLink>
        <ErrorSummary
          errors={form.summary}
          description={
            form.formError || reply?.related?.length ? (
              <>
                {form.formError}
                <RelatedSessions sessions={reply?.related} />
              </>
            ) : undefined
          }
        />
        <h1 className="govuk-heading-l">Book a session</h1>
        <p className="govuk-body">
          <a className="govuk-link" href="/sessions/find-dates">
            Find free dates
          </a>{" "}
          for a team at a venue first, if you do not have a date yet.
        </p>
        <Form method="post" noValidate>
          <WhatWhereWho form={form} choices={choices} defaults={prefill} />
          <WhenFields
            form={form}
            defaults={prefill.date ? { date: prefill.date, startTime: prefill.startTime ?? "", endTime: prefill.endTime ?? "" } : undefined}
          />
          <DetailsFields form={form} askCapacityReason={!!reply?.capacityWarning} />
          <Checkboxes
            id="alreadyDelivered"
            name="alreadyDelivered"
            legend="Recording a past session?"
            legendClassName="govuk-fieldset__legend--s"
            small
            defaultValues={form.values("alreadyDelivered")}
            error={form.error("alreadyDelivered")}
            items={[
              {
                value: "yes",
                text: "I confirm this session has already been delivered",
                hint: "Only for sessions in the past. They are recorded as delivered.",
              },
            ]}
          />
          <Button>Book session</Button>
        </Form>
      </div>
    </div>
  );
}
