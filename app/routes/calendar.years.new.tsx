import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { AcademicYearFields, DATE_TARGETS, YEAR_FIELD_ORDER } from "~/components/forms/CalendarFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { createAcademicYear } from "~/models/calendars.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { academicYearSchema } from "~/forms/reference.server";

export const handle = { title: "Add an academic year" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "calendar:manage");
  return null;
}

export const action = /* @__PURE__ */ formAction("calendar:manage", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, academicYearSchema);
  if (!parsed.ok) return parsed.reply;
  const year = await createAcademicYear(actor, parsed.value, requestMeta(request));
  return redirectWithMessage(`/calendar/years/${year.id}`, `Academic year ${year.name} added: now add its terms`);
});

export default function NewAcademicYear() {
  const form = useFormReply(useActionData<typeof action>(), YEAR_FIELD_ORDER, DATE_TARGETS);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/calendar">Back to the school calendar</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Add an academic year</h1>
        <Form method="post" noValidate>
          <AcademicYearFields form={form} />
          <Button>Add academic year</Button>
        </Form>
      </div>
    </div>
  );
}
