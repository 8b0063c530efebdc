import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AcademicYearFields, DATE_TARGETS, YEAR_FIELD_ORDER } from "~/components/forms/CalendarFields";
import { BackLink, Button, ButtonLink, ErrorSummary, Table } from "~/components/govuk";
import { getAcademicYear, updateAcademicYear } from "~/models/calendars.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { academicYearSchema } from "~/forms/reference.server";
import { formatDateRange } from "~/utils/time";

export const handle = { title: (data: { year: { name: string } } | undefined) => `Academic year ${data?.year.name ?? ""}`.trim() };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "calendar:manage");
  const year = await getAcademicYear(idParam(params.yearId));
  invariantResponse(year, "Academic year not found");
  return { year };
}

export const action = /* @__PURE__ */ formAction("calendar:manage", async ({ request, params, user: actor, formData }) => {
  const id = idParam(params.yearId);
  invariantResponse(await getAcademicYear(id), "Academic year not found");
  const parsed = parseForm(formData, academicYearSchema);
  if (!parsed.ok) return parsed.reply;
  await updateAcademicYear(actor, id, parsed.value, requestMeta(request));
  return redirectWithMessage(`/calendar/years/${id}`, "Academic year updated");
});

export default function AcademicYear() {
  const { year } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), YEAR_FIELD_ORDER, DATE_TARGETS);
  return (
    <>
      <BackLink href="/calendar">Back to the school calendar</BackLink>
      <ErrorSummary errors={form.summary} description={form.formError} />
      <span className="govuk-caption-l">{formatDateRange(year.startDate, year.endDate)}</span>
      <h1 className="govuk-heading-l">Academic year {year.name}</h1>
      <Table
        caption="Council term dates"
        captionClassName="govuk-table__caption--m"
        head={[
          { text: "Term" },
          { text: "Dates" },
          { text: "Half-term" },
          { text: <span className="govuk-visually-hidden">Actions</span> },
        ]}
        rows={year.terms.map((t) => ({
          key: t.id,
          cells: [
            { text: t.name },
            { text: formatDateRange(t.startDate, t.endDate) },
            { text: t.halfTermStart && t.halfTermEnd ? formatDateRange(t.halfTermStart, t.halfTermEnd) : "None" },
            {
              text: (
                <a className="govuk-link" href={`/calendar/terms/${t.id}`}>
                  Change<span className="govuk-visually-hidden"> {t.name} term</span>
                </a>
              ),
            },
          ],
        }))}
      />
      {year.terms.length === 0 ? (
        <p className="govuk-body">No terms yet: until there are, schools are not checked against term dates for this year.</p>
      ) : null}
      <ButtonLink href={`/calendar/years/${year.id}/terms/new`} variant="secondary">
        Add a term
      </ButtonLink>
      <p className="govuk-body">
        {year.venuesWithOwnTerms} {year.venuesWithOwnTerms === 1 ? "school has" : "schools have"} their own term dates this year.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Change the academic year</h2>
          <Form method="post" noValidate>
            <AcademicYearFields form={form} saved={year} />
            <Button variant="secondary">Save changes</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
