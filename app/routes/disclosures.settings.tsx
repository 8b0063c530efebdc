import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, Textarea, TextInput } from "~/components/govuk";
import { settingsSchema } from "~/forms/disclosures.server";
import { CAPITALISED } from "~/models/disclosure-options";
import { disclosureSettings, saveDisclosureSettings } from "~/models/disclosure-settings.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { throwHttpError } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";

export const handle = { title: "Name check and retention" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "disclosure:read");
  return disclosureSettings(user).catch(throwHttpError);
}

export const action = /* @__PURE__ */ formAction("disclosure:read", async ({ request, user, formData }) => {
  const parsed = parseForm(formData, settingsSchema);
  if (!parsed.ok) return parsed.reply;
  const { patterns, socialCareYears, otherYears } = parsed.value;
  await saveDisclosureSettings(
    user,
    { patterns: (patterns ?? "").split(/\r?\n/), retention: { socialCareYears, otherYears } },
    requestMeta(request),
  );
  return redirectWithMessage("/disclosures/settings", "Settings saved");
});

export default function Settings() {
  const { patterns, retention } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["patterns", "socialCareYears", "otherYears"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/disclosures">Back to disclosures</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Name check and retention</h1>
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">Words that look like a name</h2>
          <p className="govuk-body">
            The disclosure form refuses an account, immediate action or addendum that contains a name of a contact at the session's venue,
            or matches one of these patterns. Write one pattern a line. {CAPITALISED} stands for any word starting with a capital letter.
          </p>
          <Textarea
            {...form.field("patterns", patterns.join("\n"))}
            label="Patterns"
            hint={`For example: called ${CAPITALISED}`}
            rows={6}
            spellCheck={false}
          />
          <h2 className="govuk-heading-m">How long records are kept</h2>
          <p className="govuk-body">Counted from the date of the disclosure. Changes apply to records logged or changed from now on.</p>
          <TextInput
            {...form.field("socialCareYears", String(retention.socialCareYears))}
            label="Referred to children's social care or MASH (years)"
            className="govuk-input--width-3"
            inputMode="numeric"
          />
          <TextInput
            {...form.field("otherYears", String(retention.otherYears))}
            label="All other records (years)"
            className="govuk-input--width-3"
            inputMode="numeric"
          />
          <Button>Save settings</Button>
        </Form>
      </div>
    </div>
  );
}
