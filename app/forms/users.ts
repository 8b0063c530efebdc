import { z } from "zod";
import { checkboxValues } from "~/utils/form-fields";
import { MIN_PASSWORD_LENGTH } from "~/utils/password-policy";
import { ROLES } from "~/utils/permissions";

// Shared by the admin forms: name, email, roles, password (GOV.UK error wording).
export const nameField = z
  .string({ error: "Enter the user's full name" })
  .trim()
  .min(1, { error: "Enter the user's full name" })
  .max(100, { error: "Full name must be 100 characters or fewer" })
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: "Full name must not contain control characters" });

export const rolesField = checkboxValues(
  z.array(z.enum(ROLES, { error: "Select a role from the list" })).min(1, { error: "Select at least one role" }),
);

export const emailField = z
  .string({ error: "Enter an email address" })
  .trim()
  .max(254, { error: "Email address must be 254 characters or fewer" })
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }));

export const newPasswordField = z
  .string({ error: "Enter a password" })
  .min(MIN_PASSWORD_LENGTH, { error: `Password must be ${MIN_PASSWORD_LENGTH} characters or more` })
  .max(200, { error: "Password must be 200 characters or fewer" });

/** A new password typed twice (change and reset forms). The common-password check is the model's. */
export const newPasswordWithConfirmation = z
  .object({
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "Enter the new password again" }).max(200, { error: "Password must be 200 characters or fewer" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "The passwords do not match. Enter the same password twice",
  });
