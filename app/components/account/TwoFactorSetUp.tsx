import { Form } from "@remix-run/react";
import { AuthenticatorCodeInput } from "~/components/account/AuthenticatorCodeInput";
import { Button, WarningText } from "~/components/govuk";

type Enrolment = { secret: string; qrCodeDataUri: string; enrolment: string };

/** The key in groups of 4, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/** Set up an authenticator app: QR code, the same key as text, and a code to prove it works. */
export function TwoFactorSetUp({
  enrolment,
  error,
  redirectTo,
  intent,
}: {
  enrolment: Enrolment;
  error?: string;
  redirectTo?: string;
  intent?: string;
}) {
  return (
    <>
      <ol className="govuk-list govuk-list--number">
        <li>
          Install an authenticator app on your phone, if you do not have one (for example Microsoft Authenticator or Google Authenticator).
        </li>
        <li>In the app, add an account and scan this QR code.</li>
      </ol>
      <img
        src={enrolment.qrCodeDataUri}
        alt="QR code to add Outreach to your authenticator app"
        width={232}
        height={232}
        className="app-qr-code"
      />
      <p className="govuk-body">If you cannot scan the QR code, enter this key in the app instead:</p>
      <p className="govuk-body">
        <code className="app-totp-secret" data-testid="totp-secret">
          {grouped(enrolment.secret)}
        </code>
      </p>
      <Form method="post" noValidate reloadDocument>
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        <input type="hidden" name="enrolment" value={enrolment.enrolment} />
        {redirectTo !== undefined ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <AuthenticatorCodeInput label="Enter the 6-digit code the app shows" error={error} />
        <Button>Turn on two-factor authentication</Button>
      </Form>
    </>
  );
}

/** Recovery codes, shown once. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <h2 className="govuk-heading-m">Your recovery codes</h2>
      <p className="govuk-body">
        If you lose your phone, you can sign in with one of these codes instead of a code from the app. Each code works once.
      </p>
      <WarningText>This is the only time you will see these codes. Print them or write them down and keep them somewhere safe.</WarningText>
      <ul className="govuk-list app-recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
