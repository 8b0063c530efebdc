import { readFileSync } from "node:fs";
import path from "node:path";
import { DomainError } from "~/utils/errors";

// NCSC password guidance: at least 12 characters (checked by the forms' schema), no composition rules, and
// not one of the passwords attackers try first. The list ships with the app: app/data/common-passwords.txt.
const LIST_FILE = path.resolve("app/data/common-passwords.txt");

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(LIST_FILE, "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("# ")),
  );
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}

export class PasswordRejectedError extends DomainError {}

/** Refuse a new password that is common or is the user's own email address. `field` names the form field. */
export function assertAcceptablePassword(password: string, email: string, field = "password"): void {
  if (isCommonPassword(password)) {
    throw new PasswordRejectedError("Password is too common. Choose a password that is harder to guess, for example 3 random words", field);
  }
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    throw new PasswordRejectedError("Password must not be your email address", field);
  }
}
