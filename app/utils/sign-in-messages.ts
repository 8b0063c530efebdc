/** "Wait 5 minutes" wording shared by the sign-in steps. */
export function waitText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function lockedOutMessage(retryAfterSeconds: number): string {
  return `There have been too many failed attempts to sign in. Wait ${waitText(retryAfterSeconds)}, then try again, or reset your password`;
}
