import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { enqueueEmail } from "./outbox.server";

const WHAT_HAPPENED = {
  password_changed: "The password for your Outreach account was changed.",
  two_factor_off:
    "Two-factor authentication was turned off for your Outreach account. You will be asked to set it up again if your role needs it.",
} as const;

/** Tell a user about a change to how they sign in, so they notice one they did not make. In the change's transaction. */
export async function enqueueSecurityNotice(
  tx: Tx,
  user: { email: string; name: string },
  event: keyof typeof WHAT_HAPPENED,
): Promise<void> {
  const { COUNCIL_NAME } = env();
  await enqueueEmail(tx, {
    to: user.email,
    subject: "A change to how you sign in to Outreach",
    text: [
      `Dear ${user.name},`,
      "",
      WHAT_HAPPENED[event],
      "",
      "If you made this change, you do not need to do anything. If you did not, contact your system administrator straight away.",
      "",
      COUNCIL_NAME,
    ].join("\n"),
  });
}
