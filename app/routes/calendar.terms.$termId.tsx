import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DATE_TARGETS, TERM_FIELD_ORDER, TermFields } from "~/components/forms/CalendarFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { deleteTerm, getTerm, updateTerm } from "~/models/calendars.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { termSchema } from "~/forms/reference.server";
import { termIntentSchema } from "~/forms/reference.server";

export const handle = { title: "Change a term" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "calendar:manage");
  const term = await getTerm(idParam(params.termId));
  invariantResponse(term, "Term not found");
  return { term };
}

export const action = /* @__PURE__ */ formAction("calendar:manage", async ({ request, params, user: actor, formData }) => {
  const id = idParam(params.termId);
  const term = await getTerm(id);
  invariantResponse(term, "Term not found");
  const back = term.venue ? `/venues/${term.venue.id}/terms` : `/calendar/years/${term.academicYear.id}`;
  const intent = parseForm(formData, termIntentSchema);
  if (!intent.ok) return intent.reply;
  if (intent.value.intent === "delete") {
    await deleteTerm(actor, id, requestMeta(request));
    return redirectWithMessage(back, `${term.name} term removed`);
  }
  const parsed = parseForm(formData, termSchema);
  if (!parsed.ok) return parsed.reply;
  await updateTerm(actor, id, parsed.value, requestMeta(request));
  return redirectWithMessage(back, `${parsed.value.name} term updated`);
});

export default function EditTerm() {
  const { term } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), TERM_FIELD_ORDER, DATE_TARGETS);
  const back = term.venue ? `/venues/${term.venue.id}/terms` : `/calendar/years/${term.academicYear.id}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back}>Back</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">
          {term.academicYear.name}
          {term.venue ? `, ${term.venue.name}` : ", council term dates"}
        </span>
        <h1 className="govuk-heading-l">Change the {term.name.toLowerCase()} term</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="update" />
          <TermFields form={form} saved={term} />
          <Button>Save changes</Button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <Button variant="warning">Remove this term</Button>
        </Form>
      </div>
    </div>
  );
}
