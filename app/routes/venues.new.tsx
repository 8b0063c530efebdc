import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { VENUE_FIELD_ORDER, VenueFields } from "~/components/forms/VenueFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { createVenue } from "~/models/venues.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { venueSchema } from "~/forms/reference.server";

export const handle = { title: "Add a venue" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "venue:manage");
  return null;
}

export const action = /* @__PURE__ */ formAction("venue:manage", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, venueSchema);
  if (!parsed.ok) return parsed.reply;
  const venue = await createVenue(actor, parsed.value, requestMeta(request));
  return redirectWithMessage(`/venues/${venue.id}`, `${venue.name} added`);
});

export default function NewVenue() {
  const form = useFormReply(useActionData<typeof action>(), VENUE_FIELD_ORDER);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/venues">Back to venues</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Add a venue</h1>
        <Form method="post" noValidate>
          <VenueFields form={form} />
          <Button>Add venue</Button>
        </Form>
      </div>
    </div>
  );
}
