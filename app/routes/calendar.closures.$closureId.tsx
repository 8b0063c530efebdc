import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BackLink, Button, SummaryList } from "~/components/govuk";
import { deleteClosure, getClosure } from "~/models/calendars.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { invariantResponse } from "~/utils/http.server";
import { CLOSURE_REASON_LABELS } from "~/utils/reference-schemas";
import { formatDate } from "~/utils/time";

export const handle = { title: "Remove a closure" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "calendar:manage");
  const closure = await getClosure(params.closureId ?? "");
  invariantResponse(closure, "Closure not found");
  return { closure };
}

// The only thing this page does is remove the closure, so the POST carries no fields.
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "calendar:manage");
  const id = params.closureId ?? "";
  const closure = await getClosure(id);
  invariantResponse(closure, "Closure not found");
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
          <div className="govuk-button-group">
            <Button variant="warning">Remove closure</Button>
            <a className="govuk-link" href={back}>Cancel</a>
          </div>
        </Form>
      </div>
    </div>
  );
}
