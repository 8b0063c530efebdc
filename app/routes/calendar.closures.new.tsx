import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { CLOSURE_FIELD_ORDER, ClosureFields, DATE_TARGETS } from "~/components/forms/CalendarFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { addClosure } from "~/models/calendars.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { closureSchema } from "~/forms/reference.server";

export const handle = { title: "Add a closure for all schools" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "calendar:manage");
  return null;
}

export const action = /* @__PURE__ */ formAction("calendar:manage", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, closureSchema);
  if (!parsed.ok) return parsed.reply;
  await addClosure(actor, null, parsed.value, requestMeta(request));
  return redirectWithMessage("/calendar", "Closure added for all schools");
});

export default function NewAllSchoolsClosure() {
  const form = useFormReply(useActionData<typeof action>(), CLOSURE_FIELD_ORDER, DATE_TARGETS);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/calendar">Back to the school calendar</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Add a closure for all schools</h1>
        <p className="govuk-body">No school can be booked on these days. Community venues and taxi operators are not affected.</p>
        <Form method="post" noValidate>
          <ClosureFields form={form} forAllSchools />
          <Button>Add closure</Button>
        </Form>
      </div>
    </div>
  );
}
