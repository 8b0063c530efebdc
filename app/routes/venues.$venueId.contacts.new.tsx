import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CONTACT_FIELD_ORDER, ContactFields } from "~/components/forms/ContactFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { addContact, getVenue } from "~/models/venues.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { contactSchema } from "~/forms/reference.server";

export const handle = { title: "Add a contact" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "venue:manage");
  const venue = await getVenue(idParam(params.venueId));
  invariantResponse(venue, "Venue not found");
  return { venue: { id: venue.id, name: venue.name } };
}

export const action = /* @__PURE__ */ formAction("venue:manage", async ({ request, params, user: actor, formData }) => {
  const venueId = idParam(params.venueId);
  invariantResponse(await getVenue(venueId), "Venue not found");
  const parsed = parseForm(formData, contactSchema);
  if (!parsed.ok) return parsed.reply;
  await addContact(actor, venueId, parsed.value, requestMeta(request));
  return redirectWithMessage(`/venues/${venueId}`, `${parsed.value.name} added as a contact`);
});

export default function NewContact() {
  const { venue } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), CONTACT_FIELD_ORDER);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/venues/${venue.id}`}>Back to {venue.name}</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">{venue.name}</span>
        <h1 className="govuk-heading-l">Add a contact</h1>
        <Form method="post" noValidate>
          <ContactFields form={form} />
          <Button>Add contact</Button>
        </Form>
      </div>
    </div>
  );
}
