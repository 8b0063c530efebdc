import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, TextInput } from "~/components/govuk";
import { councilPublicThreshold, MAX_PUBLIC_THRESHOLD, reportSettingsSchema, savePublicThreshold } from "~/models/report-settings.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { useFormReply } from "~/web/forms";
import { parseForm } from "~/web/forms.server";

export const handle = { title: "Public reports" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "settings:manage");
  return { publicThreshold: await councilPublicThreshold() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "settings:manage");
  const parsed = parseForm(await request.formData(), reportSettingsSchema);
  if (!parsed.ok) return parsed.reply;
  await savePublicThreshold(user, parsed.value.publicThreshold, requestMeta(request));
  return redirectWithMessage("/reports/settings", "Settings saved");
}

export default function ReportSettings() {
  const { publicThreshold } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["publicThreshold"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/reports/annual">Back to the annual review</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Public reports</h1>
        <p className="govuk-body">
          The public version of the annual review shows no disclosure figures for single schools, and shows counts below this number as
          &ldquo;fewer than&rdquo; it. Reports for staff always use 5.
        </p>
        <Form method="post" noValidate>
          <TextInput
            name="publicThreshold"
            label="Smallest count shown as a number in public reports"
            hint={`From 5 to ${MAX_PUBLIC_THRESHOLD}. 5 is the same as reports for staff.`}
            className="govuk-input--width-3"
            inputMode="numeric"
            error={form.error("publicThreshold")}
            defaultValue={form.value("publicThreshold", String(publicThreshold ?? 5))}
          />
          <Button>Save settings</Button>
        </Form>
      </div>
    </div>
  );
}
