import { TextInput } from "~/components/govuk";

/** The 6-digit code an authenticator app shows, as setting up and changing two-factor authentication ask for it. */
export function AuthenticatorCodeInput({ id, label, error }: { id?: string; label: string; error: string | undefined }) {
  return (
    <TextInput
      id={id}
      name="code"
      label={label}
      hint="For example, 123456"
      autoComplete="one-time-code"
      inputMode="numeric"
      spellCheck={false}
      className="govuk-input--width-5"
      error={error}
    />
  );
}
