import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TARGET_DATE_TARGETS, TARGET_FIELD_ORDER, TargetFields } from "~/components/forms/TargetFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { createTarget, describeTarget, targetFormOptions } from "~/models/targets.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { targetSchema } from "~/forms/targets.server";

export const handle = { title: "Add a target" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "target:manage");
  return targetFormOptions();
}

export const action = /* @__PURE__ */ formAction("target:manage", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, targetSchema);
  if (!parsed.ok) return parsed.reply;
  const target = await createTarget(actor, parsed.value, requestMeta(request));
  return redirectWithMessage("/reports/targets", `Target added: ${describeTarget(target)}`);
});

export default function NewTarget() {
  const { programmes, schoolsInArea } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), TARGET_FIELD_ORDER, TARGET_DATE_TARGETS);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/reports/targets">Back to targets</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Add a target</h1>
        <Form method="post" noValidate>
          <TargetFields form={form} programmes={programmes} schoolsInArea={schoolsInArea} />
          <Button>Add target</Button>
        </Form>
      </div>
    </div>
  );
}
