import type { LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button, ButtonLink, ErrorSummary, InsetText } from "~/components/govuk";
import { RecoveryCodes, TwoFactorSetUp } from "~/components/account/TwoFactorSetUp";
import { beginTotpEnrolment, confirmTotpEnrolment, EnrolmentCodeError } from "~/models/two-factor.server";
import { requestMeta } from "~/utils/audit.server";
import { getPendingSignIn, getSessionUser } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { safeRedirectPath } from "~/utils/http.server";
import { twoFactorSetUpSchema } from "~/forms/users.server";

export const handle = { title: "Set up two-factor authentication" };

// A lead or admin without two-factor comes here straight after their password and can do nothing else until done.
export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await getPendingSignIn(request);
  if (pending?.step === "ENROL") return { enrolment: await beginTotpEnrolment(pending) };
  // Just finished (the page re-renders after the POST that completed sign-in): nothing more to set up.
  if (await getSessionUser(request)) return { enrolment: null };
  throw redirect("/sign-in");
}

export const action = /* @__PURE__ */ formAction(
  async ({ request }) => {
    const pending = await getPendingSignIn(request);
    if (pending?.step !== "ENROL") throw redirect("/sign-in");
    return pending;
  },
  async ({ request, user: pending, formData }) => {
    const parsed = parseForm(formData, twoFactorSetUpSchema);
    if (!parsed.ok) return parsed.reply;
    try {
      const { recoveryCodes } = await confirmTotpEnrolment({
        user: pending,
        enrolment: parsed.value.enrolment,
        code: parsed.value.code,
        meta: requestMeta(request),
        pendingSessionId: pending.authSessionId,
      });
      return { recoveryCodes, continueTo: safeRedirectPath(parsed.value.redirectTo) };
    } catch (error) {
      // A wrong code keeps the enrolment on the page (its QR code and secret) so the user can try again.
      if (error instanceof EnrolmentCodeError) return data({ errors: { code: [error.message] }, enrolment: error.view }, { status: 422 });
      throw error;
    }
  },
);

export default function SetUpTwoFactor() {
  const loaded = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const form = useFormReply(reply && "errors" in reply ? reply : undefined, ["code"]);
  const [searchParams] = useSearchParams();
  if (reply && "recoveryCodes" in reply) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Two-factor authentication is on</h1>
          <p className="govuk-body">From now on, you will enter a code from your authenticator app each time you sign in.</p>
          <RecoveryCodes codes={reply.recoveryCodes} />
          <ButtonLink href={reply.continueTo}>Continue</ButtonLink>
        </div>
      </div>
    );
  }
  const enrolment = (reply && "enrolment" in reply ? reply.enrolment : null) ?? loaded.enrolment;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Set up two-factor authentication</h1>
        {enrolment ? (
          <>
            <InsetText>
              Your role can read safeguarding records or manage users, so you must use an authenticator app as well as your password to sign
              in.
            </InsetText>
            <TwoFactorSetUp enrolment={enrolment} error={form.error("code")} redirectTo={searchParams.get("redirectTo") ?? ""} />
            <Form method="post" action="/sign-out" reloadDocument>
              <Button variant="secondary">Cancel and sign out</Button>
            </Form>
          </>
        ) : (
          <ButtonLink href="/">Continue</ButtonLink>
        )}
      </div>
    </div>
  );
}
