import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CLOSURE_FIELD_ORDER, ClosureFields, DATE_TARGETS } from "~/components/forms/CalendarFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { addClosure } from "~/models/calendars.server";
import { getVenue } from "~/models/venues.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { closureSchema } from "~/forms/reference.server";

export const handle = { title: "Add an INSET day, exam period or closure" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "calendar:manage");
  const venue = await getVenue(idParam(params.venueId));
  invariantResponse(venue, "Venue not found");
  return { venue: { id: venue.id, name: venue.name } };
}

export const action = /* @__PURE__ */ formAction("calendar:manage", async ({ request, params, user: actor, formData }) => {
  const venueId = idParam(params.venueId);
  invariantResponse(await getVenue(venueId), "Venue not found");
  const parsed = parseForm(formData, closureSchema);
  if (!parsed.ok) return parsed.reply;
  await addClosure(actor, venueId, parsed.value, requestMeta(request));
  return redirectWithMessage(`/venues/${venueId}?week=${parsed.value.startDate}`, "Closure added");
});

export default function NewVenueClosure() {
  const { venue } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), CLOSURE_FIELD_ORDER, DATE_TARGETS);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/venues/${venue.id}`}>Back to {venue.name}</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">{venue.name}</span>
        <h1 className="govuk-heading-l">Add an INSET day, exam period or closure</h1>
        <Form method="post" noValidate>
          <ClosureFields form={form} forAllSchools={false} />
          <Button>Add</Button>
        </Form>
      </div>
    </div>
  );
}
