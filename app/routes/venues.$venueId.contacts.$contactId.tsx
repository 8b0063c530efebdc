import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CONTACT_FIELD_ORDER, ContactFields } from "~/components/forms/ContactFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { getContact, removeContact, updateContact } from "~/models/venues.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { contactSchema } from "~/forms/reference.server";
import { contactIntentSchema } from "~/forms/reference.server";

export const handle = { title: (data: { contact: { name: string } } | undefined) => `Change ${data?.contact.name ?? "contact"}` };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "venue:manage");
  const contact = await getContact(idParam(params.venueId), idParam(params.contactId));
  invariantResponse(contact, "Contact not found");
  return { contact };
}

export const action = /* @__PURE__ */ formAction("venue:manage", async ({ request, params, user: actor, formData }) => {
  const venueId = idParam(params.venueId);
  const contactId = idParam(params.contactId);
  invariantResponse(await getContact(venueId, contactId), "Contact not found");
  const intent = parseForm(formData, contactIntentSchema);
  if (!intent.ok) return intent.reply;
  const meta = requestMeta(request);
  if (intent.value.intent === "remove") {
    await removeContact(actor, venueId, contactId, meta);
    return redirectWithMessage(`/venues/${venueId}`, "Contact removed");
  }
  const parsed = parseForm(formData, contactSchema);
  if (!parsed.ok) return parsed.reply;
  await updateContact(actor, venueId, contactId, parsed.value, meta);
  return redirectWithMessage(`/venues/${venueId}`, "Contact updated");
});

export default function EditContact() {
  const { contact } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), CONTACT_FIELD_ORDER);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/venues/${contact.venue.id}`}>Back to {contact.venue.name}</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">{contact.venue.name}</span>
        <h1 className="govuk-heading-l">Change {contact.name}</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="update" />
          <ContactFields form={form} saved={contact} />
          <Button>Save changes</Button>
        </Form>
        <h2 className="govuk-heading-m">Remove contact</h2>
        <Form method="post">
          <p className="govuk-body">Past invitations still show who they were sent to.</p>
          <input type="hidden" name="intent" value="remove" />
          <Button variant="warning">Remove {contact.name}</Button>
        </Form>
      </div>
    </div>
  );
}
