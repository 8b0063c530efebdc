import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DATE_TARGETS, TERM_FIELD_ORDER, TermFields } from "~/components/forms/CalendarFields";
import { BackLink, Button, ErrorSummary, Select, Table } from "~/components/govuk";
import { addTerm, venueTermsPage } from "~/models/calendars.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { formFailure, parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { termSchema } from "~/forms/reference.server";
import { formatDateRange } from "~/utils/time";
import { termYearSchema } from "~/forms/reference.server";

export const handle = {
  title: (data: { page: { venue: { name: string } } } | undefined) => `Own term dates: ${data?.page.venue.name ?? "venue"}`,
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "calendar:manage");
  const page = await venueTermsPage(idParam(params.venueId));
  invariantResponse(page, "Venue not found");
  return { page };
}

export const action = /* @__PURE__ */ formAction("calendar:manage", async ({ request, params, user: actor, formData }) => {
  const venueId = idParam(params.venueId);
  invariantResponse(await venueTermsPage(venueId), "Venue not found");
  const year = parseForm(formData, termYearSchema);
  const parsed = parseForm(formData, termSchema);
  if (!year.ok || !parsed.ok) {
    return formFailure(formData, { ...(year.ok ? {} : year.reply.data.errors), ...(parsed.ok ? {} : parsed.reply.data.errors) });
  }
  await addTerm(actor, { academicYearId: year.value.academicYearId, venueId }, parsed.value, requestMeta(request));
  return redirectWithMessage(`/venues/${venueId}/terms`, `${parsed.value.name} term added`);
});

export default function VenueTerms() {
  const { page } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), TERM_FIELD_ORDER, DATE_TARGETS);
  return (
    <>
      <BackLink href={`/venues/${page.venue.id}`}>Back to {page.venue.name}</BackLink>
      <ErrorSummary errors={form.summary} description={form.formError} />
      <span className="govuk-caption-l">{page.venue.name}</span>
      <h1 className="govuk-heading-l">Own term dates</h1>
      <p className="govuk-body">
        For academies and other schools whose terms differ from the council's. In a year where the school has its own terms, the council's
        terms are ignored for it.
      </p>
      {page.terms.length ? (
        <Table
          head={[
            { text: "Year" },
            { text: "Term" },
            { text: "Dates" },
            { text: "Half-term" },
            { text: <span className="govuk-visually-hidden">Actions</span> },
          ]}
          rows={page.terms.map((t) => ({
            key: t.id,
            cells: [
              { text: t.academicYear.name },
              { text: t.name },
              { text: formatDateRange(t.startDate, t.endDate) },
              { text: t.halfTermStart && t.halfTermEnd ? formatDateRange(t.halfTermStart, t.halfTermEnd) : "None" },
              {
                text: (
                  <a className="govuk-link" href={`/calendar/terms/${t.id}`}>
                    Change
                    <span className="govuk-visually-hidden">
                      {" "}
                      {t.academicYear.name} {t.name} term
                    </span>
                  </a>
                ),
              },
            ],
          }))}
        />
      ) : (
        <p className="govuk-body">This school follows the council's term dates.</p>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Add a term</h2>
          {page.years.length ? (
            <Form method="post" noValidate>
              <Select
                {...form.field("academicYearId")}
                label="Academic year"
                options={[{ value: "", text: "Choose a year" }, ...page.years.map((y) => ({ value: y.id, text: y.name }))]}
              />
              <TermFields form={form} />
              <Button>Add term</Button>
            </Form>
          ) : (
            <p className="govuk-body">
              Add an academic year on the{" "}
              <a className="govuk-link" href="/calendar">
                school calendar
              </a>{" "}
              first.
            </p>
          )}
        </div>
      </div>
    </>
  );
}
