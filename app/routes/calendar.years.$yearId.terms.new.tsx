import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DATE_TARGETS, TERM_FIELD_ORDER, TermFields } from "~/components/forms/CalendarFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { addTerm, getAcademicYear } from "~/models/calendars.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { termSchema } from "~/forms/reference.server";

export const handle = { title: "Add a term" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "calendar:manage");
  const year = await getAcademicYear(idParam(params.yearId));
  invariantResponse(year, "Academic year not found");
  return { year: { id: year.id, name: year.name } };
}

export const action = /* @__PURE__ */ formAction("calendar:manage", async ({ request, params, user: actor, formData }) => {
  const academicYearId = idParam(params.yearId);
  invariantResponse(await getAcademicYear(academicYearId), "Academic year not found");
  const parsed = parseForm(formData, termSchema);
  if (!parsed.ok) return parsed.reply;
  await addTerm(actor, { academicYearId, venueId: null }, parsed.value, requestMeta(request));
  return redirectWithMessage(`/calendar/years/${academicYearId}`, `${parsed.value.name} term added`);
});

export default function NewTerm() {
  const { year } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), TERM_FIELD_ORDER, DATE_TARGETS);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/calendar/years/${year.id}`}>Back to {year.name}</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">Academic year {year.name}</span>
        <h1 className="govuk-heading-l">Add a term</h1>
        <Form method="post" noValidate>
          <TermFields form={form} />
          <Button>Add term</Button>
        </Form>
      </div>
    </div>
  );
}
