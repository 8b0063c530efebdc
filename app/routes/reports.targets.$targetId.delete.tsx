import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, Radios, SummaryList } from "~/components/govuk";
import { deleteTarget, describeTarget, getTarget } from "~/models/targets.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { deleteTargetSchema } from "~/forms/targets.server";
import { metricLabel } from "~/utils/target-metrics";
import { formatDateRange } from "~/utils/time";

export const handle = { title: "Delete a target" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "target:manage");
  const target = await getTarget(idParam(params.targetId, "Target not found"));
  invariantResponse(target, "Target not found");
  return { target };
}

export const action = /* @__PURE__ */ formAction("target:manage", async ({ request, params, user: actor, formData }) => {
  const id = idParam(params.targetId, "Target not found");
  invariantResponse(await getTarget(id), "Target not found");
  const parsed = parseForm(formData, deleteTargetSchema);
  if (!parsed.ok) return parsed.reply;
  if (parsed.value.confirm === "no") return redirect("/reports/targets");
  const target = await deleteTarget(actor, id, requestMeta(request));
  return redirectWithMessage("/reports/targets", `Target deleted: ${describeTarget(target)}`);
});

export default function DeleteTarget() {
  const { target } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["confirm"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/reports/targets">Back to targets</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Delete a target</h1>
        <SummaryList
          rows={[
            { key: "Counts", value: metricLabel(target.metric) },
            { key: "Programme", value: target.programme?.name ?? "All programmes" },
            { key: "Target", value: target.value.toLocaleString("en-GB") },
            { key: "Period", value: formatDateRange(target.fromDate, target.toDate) },
            ...(target.note ? [{ key: "Note", value: target.note }] : []),
          ]}
        />
        <Form method="post" noValidate>
          <Radios
            name="confirm"
            legend="Are you sure you want to delete this target?"
            legendClassName="govuk-fieldset__legend--m"
            inline
            defaultValue={form.value("confirm")}
            error={form.error("confirm")}
            hint="Its progress will no longer be shown. Delivered sessions and their figures are not affected."
            items={[
              { value: "yes", text: "Yes, delete it" },
              { value: "no", text: "No, keep it" },
            ]}
          />
          <Button>Continue</Button>
        </Form>
      </div>
    </div>
  );
}
