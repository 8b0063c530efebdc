import { writeAudit, type RequestMeta } from "~/utils/audit.server";
import type { SessionUser } from "~/utils/auth.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError } from "~/utils/errors";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { enqueueEmail } from "./outbox.server";
import { assertAcceptablePassword } from "./password-policy.server";
import { enqueueSecurityNotice } from "./security-notices.server";
import { normaliseEmail } from "./users.server";

export const RESET_LINK_MINUTES = 60;
// At most this many reset emails per address per hour, whoever asks: a form cannot be used to flood a mailbox.
const EMAILS_PER_ADDRESS = { limit: 3, windowSeconds: 60 * 60 };

export class ResetLinkError extends DomainError {
  constructor() {
    super("This link has expired or has already been used. Ask for a new link", "");
  }
}

/**
 * Email a single-use link to reset the password, if the address belongs to an active user. The caller shows the
 * same page either way, so nobody can learn from it whether an address has an account.
 */
export async function requestPasswordReset(input: { email: string; meta: RequestMeta; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, active: true } });
  if (!user?.active) return;
  if (!(await hitRateLimit(`password-reset-email:${email}`, EMAILS_PER_ADDRESS, now)).ok) return;
  await db.$transaction(async (tx) => {
    const link = await createPasswordLink(tx, user.id, now);
    await enqueueEmail(tx, {
      to: user.email,
      subject: "Reset your Outreach password",
      text: [
        `Dear ${user.name},`,
        "",
        "Someone asked to reset the password for your Outreach account. If it was you, open this link within 1 hour to choose a new password:",
        "",
        link,
        "",
        "The link works once. If you did not ask for this, you can ignore this email: your password has not changed.",
        "",
        env().COUNCIL_NAME,
      ].join("\n"),
    });
    await writeAudit(
      tx,
      { attemptedEmail: user.email, meta: input.meta },
      { action: "auth.password_reset_requested", entityType: "User", entityId: user.id, details: { v: 1 } },
    );
  });
}

/** A single-use link to choose a password (the token stored hashed), valid for `minutes`. */
export async function createPasswordLink(tx: Tx, userId: string, now: Date, minutes = RESET_LINK_MINUTES): Promise<string> {
  const token = generateToken();
  await tx.passwordResetToken.create({
    data: { tokenHash: hashToken(token), userId, expiresAt: new Date(now.getTime() + minutes * 60_000) },
  });
  return `${env().APP_URL.replace(/\/$/, "")}/reset-password/${token}`;
}

/** Whether a reset link can still be used (read-only: opening the link changes nothing). */
export async function isResetLinkValid(token: string, now = new Date()): Promise<boolean> {
  const found = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { active: true } } },
  });
  return !!found && !found.usedAt && found.expiresAt > now && found.user.active;
}

/** Set a new password from a reset link: the link is used up, every session of the user ends, any lock-out is lifted. */
export async function resetPassword(input: { token: string; password: string; meta: RequestMeta; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const tokenHash = hashToken(input.token);
  const found = await db.passwordResetToken.findUnique({ where: { tokenHash }, select: { user: { select: { email: true } } } });
  if (!found || !(await isResetLinkValid(input.token, now))) throw new ResetLinkError();
  assertAcceptablePassword(input.password, found.user.email, "newPassword");
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const { count } = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) throw new ResetLinkError();
    const user = await tx.user.update({
      where: { email: found.user.email },
      data: { passwordHash, passwordChangedAt: now, failedSignIns: 0, lockedUntil: null },
      select: { id: true, email: true, name: true },
    });
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.authSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await enqueueSecurityNotice(tx, user, "password_changed");
    await writeAudit(
      tx,
      { actor: user, meta: input.meta },
      { action: "auth.password_reset_completed", entityType: "User", entityId: user.id, details: { v: 1 } },
    );
  });
}

/** Change your own password: the current one is needed, and every other browser you are signed in on is signed out. */
export async function changePassword(
  user: SessionUser,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<void> {
  const found = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(found.passwordHash, input.currentPassword))) {
    throw new DomainError("Your current password is not correct", "currentPassword");
  }
  assertAcceptablePassword(input.newPassword, user.email, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.authSession.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: user.authSessionId } },
      data: { revokedAt: now },
    });
    await enqueueSecurityNotice(tx, user, "password_changed");
    await writeAudit(
      tx,
      { actor: user, meta },
      { action: "auth.password_changed", entityType: "User", entityId: user.id, details: { v: 1 } },
    );
  });
}
