import { writeAudit, type RequestMeta } from "~/utils/audit.server";
import { completePendingSession, startAuthSession, type PendingStep } from "~/utils/auth.server";
import { db, type Tx } from "~/utils/db.server";
import { metrics } from "~/utils/metrics.server";
import { verifyAgainstDummy, verifyPassword } from "~/utils/password.server";
import type { Role } from "~/utils/permissions";
import { checkRateLimit, hitRateLimit, ipRateLimitKey, type RateLimit } from "~/utils/rate-limit.server";
import { twoFactorRequiredFor, useSecondFactor } from "./two-factor.server";
import { normaliseEmail } from "./users.server";

// Per account: after LOCK_AFTER failed passwords or codes in a row, each further failure locks the account for
// longer (5, 10, 20, 40, then 60 minutes). Only a complete sign-in (or a password reset) clears the count.
export const LOCK_AFTER = 5;
const MAX_LOCK_MINUTES = 60;
export const lockMinutes = (failures: number) => Math.min(MAX_LOCK_MINUTES, 5 * 2 ** Math.max(0, failures - LOCK_AFTER));

// Per address: failures from one IP address across all accounts (password spraying). Generous, because a
// council office may sign in from behind one address.
export const IP_FAILURES: RateLimit = { limit: 100, windowSeconds: 15 * 60 };
// Unknown email addresses get the same lock-out as real ones, so a lock-out does not reveal that an account exists.
const UNKNOWN_EMAIL_FAILURES: RateLimit = { limit: LOCK_AFTER, windowSeconds: lockMinutes(LOCK_AFTER) * 60 };
const ipKey = (meta: RequestMeta) => ipRateLimitKey("sign-in-failures", meta.ip);

export type SignInOutcome =
  | { ok: true; cookie: string; next: PendingStep | null }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked" | "rate_limited"; retryAfterSeconds: number };

export type SecondFactorOutcome =
  | { ok: true }
  | { ok: false; reason: "wrong_code" | "replayed_code" }
  | { ok: false; reason: "locked" | "rate_limited"; retryAfterSeconds: number };

const secondsUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/** Count a failed password or code; locks the account when there have been too many. Returns the lock's end, if any. */
async function recordFailure(tx: Tx, user: { id: string; email: string }, meta: RequestMeta, now: Date): Promise<Date | null> {
  const { failedSignIns } = await tx.user.update({
    where: { id: user.id },
    data: { failedSignIns: { increment: 1 } },
    select: { failedSignIns: true },
  });
  if (failedSignIns < LOCK_AFTER) return null;
  const lockedUntil = new Date(now.getTime() + lockMinutes(failedSignIns) * 60_000);
  await tx.user.update({ where: { id: user.id }, data: { lockedUntil } });
  metrics.accountLockouts.inc();
  await writeAudit(
    tx,
    { actor: user, meta },
    {
      action: "auth.lockout",
      entityType: "User",
      entityId: user.id,
      details: { v: 1, failedSignIns, lockedUntil: lockedUntil.toISOString() },
    },
  );
  return lockedUntil;
}

/**
 * The password step. Success starts a session: a full one, or (for a user with two-factor, or a lead or admin who
 * must set it up) a half-done one that is not signed in until the next step. Every outcome is audited; the caller
 * learns only ok / invalid / locked, so the page cannot reveal whether an email address has an account.
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  meta: RequestMeta;
  now?: Date;
}): Promise<SignInOutcome> {
  return countedFailure(await passwordStep(input));
}

/** outreach_sign_in_failures_total by the reason the page is given (invalid, locked, rate_limited, wrong_code …). */
function countedFailure<T extends SignInOutcome | SecondFactorOutcome>(outcome: T): T {
  if (!outcome.ok) metrics.signInFailures.inc({ reason: outcome.reason });
  return outcome;
}

async function passwordStep(input: { email: string; password: string; meta: RequestMeta; now?: Date }): Promise<SignInOutcome> {
  const now = input.now ?? new Date();
  const { meta } = input;
  const ipCheck = await checkRateLimit(ipKey(meta), IP_FAILURES, now);
  if (!ipCheck.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: ipCheck.retryAfterSeconds };
  const email = normaliseEmail(input.email);
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      active: true,
      passwordHash: true,
      lockedUntil: true,
      totpEnabledAt: true,
      roles: { select: { role: true } },
    },
  });

  if (!user) {
    const emailKey = `sign-in-unknown:${email}`;
    const before = await checkRateLimit(emailKey, UNKNOWN_EMAIL_FAILURES, now);
    if (before.ok) {
      await verifyAgainstDummy(input.password);
      await hitRateLimit(emailKey, UNKNOWN_EMAIL_FAILURES, now);
      await hitRateLimit(ipKey(meta), IP_FAILURES, now);
    }
    await writeAudit(
      db,
      { attemptedEmail: email, meta },
      { action: "auth.sign_in_failed", details: { v: 1, reason: before.ok ? "unknown_email" : "locked" } },
    );
    const after = before.ok ? await checkRateLimit(emailKey, UNKNOWN_EMAIL_FAILURES, now) : before;
    // Counted like a real account's lock-out, as the page treats it.
    if (before.ok && !after.ok) metrics.accountLockouts.inc();
    return after.ok ? { ok: false, reason: "invalid" } : { ok: false, reason: "locked", retryAfterSeconds: after.retryAfterSeconds };
  }

  if (user.lockedUntil && user.lockedUntil > now) {
    await writeAudit(db, { actor: user, meta }, { action: "auth.sign_in_failed", details: { v: 1, reason: "locked" } });
    return { ok: false, reason: "locked", retryAfterSeconds: secondsUntil(user.lockedUntil, now) };
  }

  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk || !user.active) {
    const lockedUntil = await db.$transaction(async (tx) => {
      await writeAudit(
        tx,
        { actor: user, meta },
        { action: "auth.sign_in_failed", details: { v: 1, reason: passwordOk ? "inactive" : "wrong_password" } },
      );
      return passwordOk ? null : recordFailure(tx, user, meta, now);
    });
    if (!passwordOk) await hitRateLimit(ipKey(meta), IP_FAILURES, now);
    return lockedUntil
      ? { ok: false, reason: "locked", retryAfterSeconds: secondsUntil(lockedUntil, now) }
      : { ok: false, reason: "invalid" };
  }

  const roles = user.roles.map((r) => r.role as Role);
  const next: PendingStep | null = user.totpEnabledAt ? "TOTP" : twoFactorRequiredFor(roles) ? "ENROL" : null;
  if (next) {
    // The failure count is kept until the second step succeeds, so a known password cannot be used to retry codes forever.
    const cookie = await startAuthSession(user.id, roles, meta, { pendingStep: next });
    return { ok: true, cookie, next };
  }
  const cookie = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now } });
    await writeAudit(tx, { actor: user, meta }, { action: "auth.sign_in", entityType: "User", entityId: user.id, details: { v: 1 } });
    return startAuthSession(user.id, roles, meta, { tx });
  });
  return { ok: true, cookie, next: null };
}

/** The second step: a code from the authenticator app or a recovery code completes the half-done sign-in. */
export async function signInWithSecondFactor(input: {
  pending: { id: string; email: string; roles: readonly string[]; authSessionId: string };
  code: string;
  meta: RequestMeta;
  now?: Date;
}): Promise<SecondFactorOutcome> {
  return countedFailure(await secondFactorStep(input));
}

async function secondFactorStep(input: Parameters<typeof signInWithSecondFactor>[0]): Promise<SecondFactorOutcome> {
  const now = input.now ?? new Date();
  const { pending: user, meta } = input;
  const ipCheck = await checkRateLimit(ipKey(meta), IP_FAILURES, now);
  if (!ipCheck.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: ipCheck.retryAfterSeconds };
  const { lockedUntil } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
  if (lockedUntil && lockedUntil > now) {
    await writeAudit(db, { actor: user, meta }, { action: "auth.sign_in_failed", details: { v: 1, reason: "locked" } });
    return { ok: false, reason: "locked", retryAfterSeconds: secondsUntil(lockedUntil, now) };
  }
  const outcome = await db.$transaction(async (tx): Promise<SecondFactorOutcome> => {
    const check = await useSecondFactor(tx, user, input.code, meta, now);
    if (check.ok) {
      await completePendingSession(tx, user.authSessionId, user.roles, now);
      await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now } });
      await writeAudit(
        tx,
        { actor: user, meta },
        { action: "auth.sign_in", entityType: "User", entityId: user.id, details: { v: 1, secondFactor: check.method } },
      );
      return { ok: true };
    }
    await writeAudit(tx, { actor: user, meta }, { action: "auth.sign_in_failed", details: { v: 1, reason: check.reason } });
    // A replayed code was right once: it proves nothing, but it is not a guess either.
    if (check.reason === "replayed_code") return { ok: false, reason: "replayed_code" };
    const locked = await recordFailure(tx, user, meta, now);
    return locked ? { ok: false, reason: "locked", retryAfterSeconds: secondsUntil(locked, now) } : { ok: false, reason: "wrong_code" };
  });
  if (!outcome.ok && outcome.reason !== "replayed_code") await hitRateLimit(ipKey(meta), IP_FAILURES, now);
  return outcome;
}

export async function recordSignOut(user: { id: string; email: string }, meta: RequestMeta): Promise<void> {
  await writeAudit(db, { actor: user, meta }, { action: "auth.sign_out", entityType: "User", entityId: user.id, details: { v: 1 } });
}
