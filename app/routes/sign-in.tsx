import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button, ErrorSummary, InsetText, TextInput } from "~/components/govuk";
import { signInWithPassword } from "~/models/sign-in.server";
import { requestMeta } from "~/utils/audit.server";
import { getSessionUser, PENDING_STEP_PATHS } from "~/utils/auth.server";
import { formFailure, parseForm } from "~/web/forms.server";
import { tooManyRequests } from "~/utils/rate-limit.server";
import { lockedOutMessage } from "~/utils/sign-in-messages";
import { useFormReply } from "~/web/forms";
import { safeRedirectPath } from "~/utils/http.server";
import { env } from "~/utils/env.server";
import { signInSchema } from "~/forms/users.server";

export const handle = { title: "Sign in" };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect("/");
  return { demo: env().DEMO_MODE };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(formData, signInSchema);
  if (!parsed.ok) return parsed.reply;
  const result = await signInWithPassword({ email: parsed.value.email, password: parsed.value.password, meta: requestMeta(request) });
  if (!result.ok) {
    if (result.reason === "rate_limited") throw tooManyRequests(result.retryAfterSeconds);
    if (result.reason === "locked") return formFailure(formData, { email: [lockedOutMessage(result.retryAfterSeconds)] }, 429);
    return formFailure(formData, { email: ["Enter a correct email address and password"] }, 401);
  }
  const redirectTo = safeRedirectPath(parsed.value.redirectTo);
  const to = result.next ? `${PENDING_STEP_PATHS[result.next]}?redirectTo=${encodeURIComponent(redirectTo)}` : redirectTo;
  return redirect(to, { headers: { "Set-Cookie": result.cookie } });
}

export default function SignIn() {
  const form = useFormReply(useActionData<typeof action>(), ["email", "password"]);
  const [searchParams] = useSearchParams();
  const { demo } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.summary} />
        <h1 className="govuk-heading-l">Sign in to Outreach</h1>
        <Form method="post" noValidate reloadDocument>
          <input type="hidden" name="redirectTo" value={form.value("redirectTo", searchParams.get("redirectTo") ?? "")} />
          <TextInput {...form.field("email")} label="Email address" type="email" autoComplete="email" spellCheck={false} />
          <TextInput name="password" label="Password" type="password" autoComplete="current-password" error={form.error("password")} />
          <Button>Sign in</Button>
        </Form>
        <p className="govuk-body">
          <a className="govuk-link" href="/forgot-password">
            Forgot your password?
          </a>
        </p>
        {demo ? (
          <InsetText>
            This is a demonstration with made-up data. Sign in as coordinator@demo.outreach.test, facilitator@demo.outreach.test,
            manager@demo.outreach.test, lead@demo.outreach.test or admin@demo.outreach.test with the password demo-password-1234. The lead
            and admin also need a code from an authenticator app set up with the demo key printed by npm run demo.
          </InsetText>
        ) : null}
      </div>
    </div>
  );
}
