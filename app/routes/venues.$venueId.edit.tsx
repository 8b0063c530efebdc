import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { VENUE_FIELD_ORDER, VenueFields } from "~/components/forms/VenueFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { getVenue, updateVenue } from "~/models/venues.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { venueSchema } from "~/forms/reference.server";

export const handle = { title: (data: { venue: { name: string } } | undefined) => `Edit ${data?.venue.name ?? "venue"}` };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "venue:manage");
  const venue = await getVenue(idParam(params.venueId));
  invariantResponse(venue, "Venue not found");
  return { venue };
}

export const action = /* @__PURE__ */ formAction("venue:manage", async ({ request, params, user: actor, formData }) => {
  const id = idParam(params.venueId);
  invariantResponse(await getVenue(id), "Venue not found");
  const parsed = parseForm(formData, venueSchema);
  if (!parsed.ok) return parsed.reply;
  await updateVenue(actor, id, parsed.value, requestMeta(request));
  return redirectWithMessage(`/venues/${id}`, "Venue updated");
});

export default function EditVenue() {
  const { venue } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), VENUE_FIELD_ORDER);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/venues/${venue.id}`}>Back to {venue.name}</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Edit {venue.name}</h1>
        <Form method="post" noValidate>
          <VenueFields form={form} saved={venue} />
          <Button>Save changes</Button>
        </Form>
      </div>
    </div>
  );
}
