import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { PROGRAMME_FIELD_ORDER, ProgrammeFields } from "~/components/forms/ProgrammeFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { createProgramme } from "~/models/programmes.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { programmeSchema } from "~/forms/reference.server";

export const handle = { title: "Add a programme" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "programme:manage");
  return null;
}

export const action = /* @__PURE__ */ formAction("programme:manage", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, programmeSchema);
  if (!parsed.ok) return parsed.reply;
  const programme = await createProgramme(actor, parsed.value, requestMeta(request));
  return redirectWithMessage(`/programmes/${programme.id}`, `${programme.name} added`);
});

export default function NewProgramme() {
  const form = useFormReply(useActionData<typeof action>(), PROGRAMME_FIELD_ORDER);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/programmes">Back to programmes</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Add a programme</h1>
        <Form method="post" noValidate>
          <ProgrammeFields form={form} saved={{ audienceType: "PUPILS", defaultDurationMinutes: 60, getInMinutes: 0, getOutMinutes: 0 }} />
          <Button>Add programme</Button>
        </Form>
      </div>
    </div>
  );
}
