import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { NewPasswordFields } from "~/components/account/NewPasswordFields";
import { BackLink, Button, ErrorSummary, TextInput } from "~/components/govuk";
import { changePassword } from "~/models/passwords.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { changePasswordSchema } from "~/forms/users.server";

export const handle = { title: "Change your password" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "account:manage");
  return null;
}

export const action = /* @__PURE__ */ formAction("account:manage", async ({ request, user, formData }) => {
  await enforceRateLimit(request, "password-change", { limit: 10, windowSeconds: 15 * 60 });
  const parsed = parseForm(formData, changePasswordSchema);
  if (!parsed.ok) return parsed.reply;
  await changePassword(user, parsed.value, requestMeta(request));
  return redirectWithMessage("/account", "Your password has been changed. Any other browsers you were signed in on have been signed out");
});

export default function ChangePassword() {
  const form = useFormReply(useActionData<typeof action>(), ["currentPassword", "newPassword", "confirmPassword"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/account">Back to your account</BackLink>
        <ErrorSummary errors={form.summary} />
        <h1 className="govuk-heading-l">Change your password</h1>
        <Form method="post" noValidate>
          <TextInput
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            error={form.error("currentPassword")}
          />
          <NewPasswordFields error={form.error} />
          <Button>Change password</Button>
        </Form>
      </div>
    </div>
  );
}
