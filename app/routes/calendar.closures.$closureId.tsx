import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BackLink, Button, SummaryList } from "~/components/govuk";
import { deleteClosure, getClosure } from "~/models/calendars.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { idParam, invariantResponse } from "~/utils/http.server";
import { CLOSURE_REASON_LABELS } from "~/forms/reference";
import { formatDate } from "~/utils/time";
import { removeClosureSchema } from "~/forms/reference.server";

export const handle = { title: "Remove a closure" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "calendar:manage");
  const closure = await getClosure(idParam(params.closureId));
  invariantResponse(closure, "Closure not found");
  return { closure };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "calendar:manage");
  const id = idParam(params.closureId);
  const closure = await getClosure(id);
  invariantResponse(closure, "Closure not found");
  const parsed = parseForm(await request.formData(), removeClosureSchema);
  if (!parsed.ok) return parsed.reply;
  await deleteClosure(actor, id, requestMeta(request));
  return redirectWithMessage(closure.venue ? `/venues/${closure.venue.id}` : "/calendar", "Closure removed");
}

export default function RemoveClosure() {
  const { closure: c } = useLoaderData<typeof loader>();
  const back = c.venue ? `/venues/${c.venue.id}` : "/calendar";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back}>Back</BackLink>
        <h1 className="govuk-heading-l">Remove this closure?</h1>
        <SummaryList
          rows={[
            { key: "For", value: c.venue?.name ?? "All schools" },
            { key: "Reason", value: CLOSURE_REASON_LABELS[c.reason] },
            { key: "From", value: formatDate(c.startDate) },
            { key: "To", value: formatDate(c.endDate) },
            { key: "Note", value: c.note ?? "None" },
          ]}
        />
        <Form method="post">
          <input type="hidden" name="intent" value="remove" />
          <div className="govuk-button-group">
            <Button variant="warning">Remove closure</Button>
            <a className="govuk-link" href={back}>
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  );
}
