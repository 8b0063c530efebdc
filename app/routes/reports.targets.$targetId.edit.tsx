import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TARGET_DATE_TARGETS, TARGET_FIELD_ORDER, TargetFields } from "~/components/forms/TargetFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { describeTarget, getTarget, targetForEdit, updateTarget } from "~/models/targets.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { targetSchema } from "~/forms/targets.server";

export const handle = { title: "Change a target" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "target:manage");
  const found = await targetForEdit(idParam(params.targetId, "Target not found"));
  invariantResponse(found, "Target not found");
  return found;
}

export const action = /* @__PURE__ */ formAction("target:manage", async ({ request, params, user: actor, formData }) => {
  const id = idParam(params.targetId, "Target not found");
  invariantResponse(await getTarget(id), "Target not found");
  const parsed = parseForm(formData, targetSchema);
  if (!parsed.ok) return parsed.reply;
  const target = await updateTarget(actor, id, parsed.value, requestMeta(request));
  return redirectWithMessage("/reports/targets", `Target changed: ${describeTarget(target)}`);
});

export default function EditTarget() {
  const { target, programmes, schoolsInArea } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), TARGET_FIELD_ORDER, TARGET_DATE_TARGETS);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/reports/targets">Back to targets</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Change a target</h1>
        <Form method="post" noValidate>
          <TargetFields form={form} saved={target} programmes={programmes} schoolsInArea={schoolsInArea} />
          <Button>Save changes</Button>
        </Form>
      </div>
    </div>
  );
}
