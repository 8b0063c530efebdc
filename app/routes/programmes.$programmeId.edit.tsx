import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PROGRAMME_FIELD_ORDER, ProgrammeFields } from "~/components/forms/ProgrammeFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { getProgramme, updateProgramme } from "~/models/programmes.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { programmeSchema } from "~/forms/reference.server";

export const handle = { title: (data: { programme: { name: string } } | undefined) => `Edit ${data?.programme.name ?? "programme"}` };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "programme:manage");
  const programme = await getProgramme(idParam(params.programmeId));
  invariantResponse(programme, "Programme not found");
  return { programme };
}

export const action = /* @__PURE__ */ formAction("programme:manage", async ({ request, params, user: actor, formData }) => {
  const id = idParam(params.programmeId);
  invariantResponse(await getProgramme(id), "Programme not found");
  const parsed = parseForm(formData, programmeSchema);
  if (!parsed.ok) return parsed.reply;
  await updateProgramme(actor, id, parsed.value, requestMeta(request));
  return redirectWithMessage(`/programmes/${id}`, "Programme updated");
});

export default function EditProgramme() {
  const { programme } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), PROGRAMME_FIELD_ORDER);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/programmes/${programme.id}`}>Back to {programme.name}</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Edit programme</h1>
        <Form method="post" noValidate>
          <ProgrammeFields form={form} saved={programme} />
          <Button>Save changes</Button>
        </Form>
      </div>
    </div>
  );
}
