import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { NewPasswordFields } from "~/components/account/NewPasswordFields";
import { Button, ErrorSummary } from "~/components/govuk";
import { isResetLinkValid, resetPassword } from "~/models/passwords.server";
import { requestMeta } from "~/utils/audit.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { formAction } from "~/web/errors.server";
import { parseForm } from "~/web/forms.server";
import { tokenPageHeaders } from "~/utils/http.server";
import { useFormReply } from "~/web/forms";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { newPasswordWithConfirmation } from "~/forms/users.server";

export const handle = { title: "Choose a new password" };

export const headers = tokenPageHeaders;

// Opening the link only shows the form: mail scanners open links, so nothing is used up on GET.
export async function loader({ params }: LoaderFunctionArgs) {
  const valid = await isResetLinkValid(params.token ?? "");
  return data({ valid }, { status: valid ? 200 : 404 });
}

export const action = /* @__PURE__ */ formAction(
  ({ request }) => enforceRateLimit(request, "password-reset", { limit: 20, windowSeconds: 60 * 60 }),
  async ({ request, params, formData }) => {
    const parsed = parseForm(formData, newPasswordWithConfirmation);
    if (!parsed.ok) return parsed.reply;
    await resetPassword({ token: params.token ?? "", password: parsed.value.newPassword, meta: requestMeta(request) });
    return redirectWithMessage("/sign-in", "Your password has been changed. Sign in with your new password");
  },
);

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["newPassword", "confirmPassword"]);
  if (!valid) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This link has expired or has already been used</h1>
          <p className="govuk-body">Links to reset a password work once, for 1 hour.</p>
          <p className="govuk-body">
            <a className="govuk-link" href="/forgot-password">
              Ask for a new link
            </a>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Choose a new password</h1>
        <Form method="post" noValidate reloadDocument>
          <NewPasswordFields error={form.error} />
          <Button>Change password</Button>
        </Form>
      </div>
    </div>
  );
}
