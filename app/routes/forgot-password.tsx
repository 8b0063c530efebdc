import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, TextInput } from "~/components/govuk";
import { requestPasswordReset } from "~/models/passwords.server";
import { requestMeta } from "~/utils/audit.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { forgotPasswordSchema } from "~/forms/users.server";

export const handle = { title: "Reset your password" };

export async function action({ request }: ActionFunctionArgs) {
  await enforceRateLimit(request, "password-reset-request", { limit: 10, windowSeconds: 60 * 60 });
  const formData = await request.formData();
  const parsed = parseForm(formData, forgotPasswordSchema);
  if (!parsed.ok) return parsed.reply;
  await requestPasswordReset({ email: parsed.value.email, meta: requestMeta(request) });
  // The same answer whether or not the address has an account.
  return { sent: true as const };
}

export default function ForgotPassword() {
  const reply = useActionData<typeof action>();
  const form = useFormReply(reply && "errors" in reply ? reply : undefined, ["email"]);
  if (reply && "sent" in reply) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Check your email</h1>
          <p className="govuk-body">
            If there is an account with that email address, we have sent it a link to reset the password. The link works once, for 1 hour.
          </p>
          <p className="govuk-body">If no email arrives within a few minutes, check your spam folder, or ask your system administrator.</p>
          <p className="govuk-body">
            <a className="govuk-link" href="/sign-in">
              Back to sign in
            </a>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/sign-in">Back to sign in</BackLink>
        <ErrorSummary errors={form.summary} />
        <h1 className="govuk-heading-l">Reset your password</h1>
        <p className="govuk-body">Enter the email address you sign in with. We will email you a link to choose a new password.</p>
        <Form method="post" noValidate reloadDocument>
          <TextInput {...form.field("email")} label="Email address" type="email" autoComplete="email" spellCheck={false} />
          <Button>Send the link</Button>
        </Form>
      </div>
    </div>
  );
}
