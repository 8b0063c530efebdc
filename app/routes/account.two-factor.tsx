import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ButtonLink, ErrorSummary, SummaryList } from "~/components/govuk";
import { AuthenticatorCodeInput } from "~/components/account/AuthenticatorCodeInput";
import { RecoveryCodes, TwoFactorSetUp } from "~/components/account/TwoFactorSetUp";
import {
  confirmTotpEnrolment,
  EnrolmentCodeError,
  regenerateRecoveryCodes,
  turnOffTwoFactor,
  twoFactorPage,
} from "~/models/two-factor.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { formAction } from "~/web/errors.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { formatDateTime } from "~/utils/time";
import { twoFactorSettingsSchema } from "~/forms/users.server";

export const handle = { title: "Two-factor authentication" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "account:manage");
  return twoFactorPage(user);
}

export const action = /* @__PURE__ */ formAction(
  async ({ request }) => {
    const user = await requireUserWith(request, "account:manage");
    await enforceRateLimit(request, "two-factor-settings", { limit: 20, windowSeconds: 15 * 60 });
    return user;
  },
  async ({ request, user, formData }) => {
    const parsed = parseForm(formData, twoFactorSettingsSchema);
    if (!parsed.ok) return parsed.reply;
    const meta = requestMeta(request);
    try {
      const { value } = parsed;
      if (value.intent === "turn-off") {
        await turnOffTwoFactor(user, value.code, meta);
        return redirectWithMessage("/account", "Two-factor authentication is off");
      }
      const recoveryCodes =
        value.intent === "enrol"
          ? (await confirmTotpEnrolment({ user, enrolment: value.enrolment, code: value.code, meta })).recoveryCodes
          : await regenerateRecoveryCodes(user, value.code, meta);
      return { recoveryCodes, enrolled: value.intent === "enrol" };
    } catch (error) {
      // A wrong code keeps the enrolment on the page (its QR code and secret) so the user can try again.
      if (error instanceof EnrolmentCodeError) return data({ errors: { code: [error.message] }, enrolment: error.view }, { status: 422 });
      throw error;
    }
  },
);

export default function AccountTwoFactor() {
  const { status, enrolment: loaded } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const failed = reply && "errors" in reply ? reply : undefined;
  // Two forms have a code field: the error belongs to the one that was sent.
  const turningOff = failed && "values" in failed && failed.values?.intent === "turn-off";
  const form = useFormReply(failed, ["code"], { code: turningOff ? "turn-off-code" : "code" });
  if (reply && "recoveryCodes" in reply) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{reply.enrolled ? "Two-factor authentication is on" : "You have new recovery codes"}</h1>
          {reply.enrolled ? null : <p className="govuk-body">Your old recovery codes no longer work.</p>}
          <RecoveryCodes codes={reply.recoveryCodes} />
          <ButtonLink href="/account">Back to your account</ButtonLink>
        </div>
      </div>
    );
  }
  const enrolment = (reply && "enrolment" in reply ? reply.enrolment : null) ?? loaded;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/account">Back to your account</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Two-factor authentication</h1>
        {status.enabledAt ? (
          <>
            <SummaryList
              rows={[
                { key: "Status", value: `On since ${formatDateTime(new Date(status.enabledAt))}` },
                { key: "Unused recovery codes", value: String(status.remainingRecoveryCodes) },
              ]}
            />
            <h2 className="govuk-heading-m">Get new recovery codes</h2>
            <p className="govuk-body">Your old recovery codes will stop working. Enter a code from your authenticator app to continue.</p>
            <Form method="post" noValidate reloadDocument>
              <input type="hidden" name="intent" value="recovery-codes" />
              <AuthenticatorCodeInput label="Code from your authenticator app" error={turningOff ? undefined : form.error("code")} />
              <Button variant="secondary">Get new recovery codes</Button>
            </Form>
            {status.required ? null : (
              <>
                <h2 className="govuk-heading-m">Turn off two-factor authentication</h2>
                <p className="govuk-body">Your account will be protected by your password only.</p>
                <Form method="post" noValidate reloadDocument>
                  <input type="hidden" name="intent" value="turn-off" />
                  <AuthenticatorCodeInput
                    id="turn-off-code"
                    label="Code from your authenticator app"
                    error={turningOff ? form.error("code") : undefined}
                  />
                  <Button variant="warning">Turn off two-factor authentication</Button>
                </Form>
              </>
            )}
          </>
        ) : enrolment ? (
          <>
            <p className="govuk-body">
              {status.required
                ? "Your role needs two-factor authentication."
                : "Two-factor authentication is optional for your role, but it protects your account if someone learns your password."}
            </p>
            <TwoFactorSetUp enrolment={enrolment} error={form.error("code")} intent="enrol" />
          </>
        ) : null}
      </div>
    </div>
  );
}
