import { TextInput } from "~/components/govuk";
import { MIN_PASSWORD_LENGTH } from "~/utils/password-policy";

/** The new password and its confirmation, as changing and resetting a password both ask for them. */
export function NewPasswordFields({ error }: { error: (name: "newPassword" | "confirmPassword") => string | undefined }) {
  return (
    <>
      <TextInput
        name="newPassword"
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A good way to make a strong password is to use 3 random words.`}
        type="password"
        autoComplete="new-password"
        error={error("newPassword")}
      />
      <TextInput
        name="confirmPassword"
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        error={error("confirmPassword")}
      />
    </>
  );
}
