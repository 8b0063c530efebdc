import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { Button, Details, ErrorSummary, TextInput } from "~/components/govuk";
import { signInWithSecondFactor } from "~/models/sign-in.server";
import { REPLAYED_CODE_MESSAGE, WRONG_CODE_MESSAGE } from "~/models/two-factor.server";
import { requestMeta } from "~/utils/audit.server";
import { getPendingSignIn } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { formFailure, parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { safeRedirectPath } from "~/utils/http.server";
import { tooManyRequests } from "~/utils/rate-limit.server";
import { lockedOutMessage } from "~/utils/sign-in-messages";
import { twoFactorSignInSchema } from "~/forms/users.server";

export const handle = { title: "Enter your security code" };

// Only someone who has just given the right password (a half-done sign-in) may be here.
async function requirePendingCode(request: Request) {
  const pending = await getPendingSignIn(request);
  if (!pending || pending.step !== "TOTP") throw redirect("/sign-in");
  return pending;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePendingCode(request);
  return null;
}

export const action = /* @__PURE__ */ formAction(
  ({ request }) => requirePendingCode(request),
  async ({ request, user: pending, formData }) => {
    const parsed = parseForm(formData, twoFactorSignInSchema);
    if (!parsed.ok) return parsed.reply;
    const result = await signInWithSecondFactor({ pending, code: parsed.value.code, meta: requestMeta(request) });
    if (result.ok) return redirect(safeRedirectPath(parsed.value.redirectTo));
    if (result.reason === "rate_limited") throw tooManyRequests(result.retryAfterSeconds);
    if (result.reason === "locked") return formFailure(formData, { code: [lockedOutMessage(result.retryAfterSeconds)] }, 429);
    return formFailure(
      formData,
      { code: [result.reason === "replayed_code" ? REPLAYED_CODE_MESSAGE : `${WRONG_CODE_MESSAGE}, or a recovery code`] },
      401,
    );
  },
);

export default function TwoFactorCode() {
  const form = useFormReply(useActionData<typeof action>(), ["code"]);
  const [searchParams] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.summary} />
        <h1 className="govuk-heading-l">Enter your security code</h1>
        <p className="govuk-body">Open the authenticator app on your phone and enter the 6-digit code it shows for Outreach.</p>
        <Form method="post" noValidate reloadDocument>
          <input type="hidden" name="redirectTo" value={form.value("redirectTo", searchParams.get("redirectTo") ?? "")} />
          <TextInput
            name="code"
            label="Security code"
            hint="For example, 123456. If you cannot use your app, enter one of your recovery codes instead."
            autoComplete="one-time-code"
            inputMode="text"
            spellCheck={false}
            className="govuk-input--width-10"
            error={form.error("code")}
          />
          <Button>Continue</Button>
        </Form>
        <Details summary="I cannot use my app or my recovery codes">
          Ask your system administrator to reset two-factor authentication for your account. You will then set it up again the next time you
          sign in.
        </Details>
        <Form method="post" action="/sign-out" reloadDocument>
          <Button variant="secondary">Cancel and sign out</Button>
        </Form>
      </div>
    </div>
  );
}
