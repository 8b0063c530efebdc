import { z } from "zod";
import { checkboxValues, recordId } from "~/utils/form-fields";
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

// The "reset your password" request.
export const forgotPasswordSchema = z.object({ email: emailField });

// Signing in: email address and password.
export const signInSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(254, { error: "Email address must be 254 characters or fewer" })
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" })),
  password: z.string({ error: "Enter your password" }).max(1000, { error: "Password must be 1000 characters or fewer" }),
  redirectTo: z.string().optional(),
});

// The second step of signing in: a code from the authenticator app, or a recovery code.
export const twoFactorSignInSchema = z.object({
  code: z
    .string({ error: "Enter the code from your authenticator app" })
    .trim()
    .max(40, { error: "Enter the 6-digit code from your authenticator app, or a recovery code" }),
  redirectTo: z.string().optional(),
});

// Setting up two-factor authentication while signing in (the enrolment is signed by the server).
export const twoFactorSetUpSchema = z.object({
  enrolment: z.string({ error: "Scan the QR code again" }).max(2000),
  code: z
    .string({ error: "Enter the 6-digit code from your authenticator app" })
    .trim()
    .max(20, { error: "Enter the 6-digit code from your authenticator app" }),
  redirectTo: z.string().optional(),
});

// Turning two-factor authentication on or off and new recovery codes, from the account page.
const authenticatorCodeField = z
  .string({ error: "Enter the 6-digit code from your authenticator app" })
  .trim()
  .max(20, { error: "Enter the 6-digit code from your authenticator app" });
export const twoFactorSettingsSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("enrol"),
    enrolment: z.string({ error: "Scan the QR code again" }).max(2000),
    code: authenticatorCodeField,
  }),
  z.object({ intent: z.literal("recovery-codes"), code: authenticatorCodeField }),
  z.object({ intent: z.literal("turn-off"), code: authenticatorCodeField }),
]);

// Changing your own password.
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).max(1000, { error: "Password must be 1000 characters or fewer" }),
  })
  .and(newPasswordWithConfirmation);

// Signing out one of your other browsers.
export const signOutBrowserSchema = z.object({ sessionId: recordId("Choose a browser to sign out") });

// An admin's changes to a user.
export const userActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update"), name: nameField, roles: rolesField }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("end-sessions") }),
  z.object({ intent: z.literal("reset-two-factor") }),
]);

// An admin adding a user.
export const newUserSchema = z.object({ name: nameField, email: emailField, roles: rolesField, password: newPasswordField });
