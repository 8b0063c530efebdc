import { getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import { randomBytes } from "node:crypto";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { completePendingSession } from "~/utils/auth.server";
import { decryptText, DecryptionError, encryptText, purposeKey } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { isPrivileged } from "~/utils/permissions";
import { hashToken } from "~/utils/tokens.server";
import { enqueueSecurityNotice } from "./security-notices.server";

// Authenticator apps (Google Authenticator included) only agree on SHA-1, 6 digits, 30 seconds.
export const TOTP = { algorithm: "SHA-1", digits: 6, period: 30 } as const;
// A code from the step before or after now is accepted, for clock drift; each step is accepted once per user.
const WINDOW = 1;
const ISSUER = "Outreach";
const RECOVERY_CODE_COUNT = 10;
// How long an enrolment page's secret stays valid before the user must reload it.
const ENROLMENT_MAX_AGE_MS = 30 * 60_000;

export const twoFactorRequiredFor = isPrivileged;

const secretKey = () => purposeKey("totp-secret");
const enrolmentKey = () => purposeKey("totp-enrolment");

export const sealTotpSecret = (secret: string) => encryptText(secret, secretKey());

export const currentStep = (now = new Date()) => Math.floor(now.getTime() / 1000 / TOTP.period);

export const WRONG_CODE_MESSAGE = "The code is not correct. Enter the 6-digit code your authenticator app shows now";
export const REPLAYED_CODE_MESSAGE = "That code has already been used. Wait for your authenticator app to show a new code, then enter it";

export class WrongCodeError extends DomainError {
  constructor() {
    super(WRONG_CODE_MESSAGE, "code");
  }
}

export class ReplayedCodeError extends DomainError {
  constructor() {
    super(REPLAYED_CODE_MESSAGE, "code");
  }
}

/** What the set-up page shows. `enrolment` goes back in a hidden field: the secret, sealed for this user. */
export type TotpEnrolment = { secret: string; qrCodeDataUri: string; enrolment: string };

export class EnrolmentCodeError extends WrongCodeError {
  constructor(public readonly view: TotpEnrolment) {
    super();
  }
}

async function enrolmentView(user: { id: string; email: string }, secret: string, issuedAt: number): Promise<TotpEnrolment> {
  const uri = getTOTPAuthUri({ ...TOTP, secret, accountName: user.email, issuer: ISSUER });
  const { default: QRCode } = await import("qrcode"); // loaded on first use (see pdf.server.ts)
  return {
    secret,
    qrCodeDataUri: await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 232 }),
    enrolment: encryptText(JSON.stringify({ u: user.id, s: secret, t: issuedAt }), enrolmentKey()),
  };
}

/**
 * A new secret to set up an authenticator app with. Nothing is saved: the page sends the secret back sealed,
 * and it is stored only once the user proves their app works (confirmTotpEnrolment). GET stays read-only.
 */
export async function beginTotpEnrolment(user: { id: string; email: string }, now = new Date()): Promise<TotpEnrolment> {
  return enrolmentView(user, base32(randomBytes(20)), now.getTime());
}

/** RFC 4648 base32 without padding: 160 random bits (RFC 4226's recommended key size) make 32 characters. */
function base32(bytes: Buffer): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bits = [...bytes].map((b) => b.toString(2).padStart(8, "0")).join("");
  return (bits.match(/.{1,5}/g) ?? []).map((chunk) => alphabet[parseInt(chunk.padEnd(5, "0"), 2)]).join("");
}

function openEnrolment(userId: string, sealed: string, now: Date): { secret: string; issuedAt: number } | null {
  try {
    const { u, s, t } = JSON.parse(decryptText(sealed, enrolmentKey())) as { u: unknown; s: unknown; t: unknown };
    if (u !== userId || typeof s !== "string" || typeof t !== "number" || now.getTime() - t > ENROLMENT_MAX_AGE_MS) return null;
    return { secret: s, issuedAt: t };
  } catch (error) {
    if (error instanceof DecryptionError || error instanceof SyntaxError) return null;
    throw error;
  }
}

/** The time step a 6-digit code belongs to, or null if it is not a current code for the secret. */
async function matchingStep(secret: string, code: string, now: Date): Promise<number | null> {
  const result = await verifyTOTP({ ...TOTP, otp: code, secret, window: WINDOW });
  return result ? currentStep(now) + result.delta : null;
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
/** "k7m2-x9pq-4hdt": 12 characters from 31, about 59 random bits; hyphens and case do not matter when typed. */
function newRecoveryCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");
export const looksLikeTotpCode = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ""));

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashToken(normaliseRecoveryCode(code)) })) });
  return codes;
}

/**
 * Switch two-factor on once the user's app gives a right code for the sealed secret. Returns the recovery codes,
 * shown once. With `pendingSessionId` (a sign-in that had to enrol first) that sign-in is completed too.
 */
export async function confirmTotpEnrolment(input: {
  user: { id: string; email: string; roles: readonly string[] };
  enrolment: string;
  code: string;
  meta: RequestMeta;
  pendingSessionId?: string;
  now?: Date;
}): Promise<{ recoveryCodes: string[] }> {
  const now = input.now ?? new Date();
  const opened = openEnrolment(input.user.id, input.enrolment, now);
  if (!opened) throw new DomainError("This set-up page has expired. Scan the new QR code or enter the new key, then enter a code", "code");
  const step = await matchingStep(opened.secret, input.code.replace(/\s/g, ""), now);
  if (step === null) throw new EnrolmentCodeError(await enrolmentView(input.user, opened.secret, opened.issuedAt));
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUniqueOrThrow({ where: { id: input.user.id }, select: { totpEnabledAt: true } });
    if (current.totpEnabledAt) throw new DomainError("Two-factor authentication is already set up for your account", "code");
    await tx.user.update({
      where: { id: input.user.id },
      data: { totpSecret: sealTotpSecret(opened.secret), totpEnabledAt: now, totpLastStep: step },
    });
    const recoveryCodes = await replaceRecoveryCodes(tx, input.user.id);
    const who = { actor: input.user, meta: input.meta };
    await writeAudit(tx, who, { action: "auth.totp_enrolled", entityType: "User", entityId: input.user.id, details: { v: 1 } });
    if (input.pendingSessionId) {
      await completePendingSession(tx, input.pendingSessionId, input.user.roles, now);
      await tx.user.update({ where: { id: input.user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now } });
      await writeAudit(tx, who, {
        action: "auth.sign_in",
        entityType: "User",
        entityId: input.user.id,
        details: { v: 1, secondFactor: "enrolled" },
      });
    }
    return { recoveryCodes };
  });
}

export type SecondFactorCheck = { ok: true; method: "totp" | "recovery_code" } | { ok: false; reason: "wrong_code" | "replayed_code" };

/**
 * Check a code from the authenticator app or a recovery code, inside the caller's transaction, and use it up:
 * a code's time step (or a recovery code) is never accepted twice, even by two requests at once.
 */
export async function useSecondFactor(
  tx: Tx,
  user: { id: string; email: string },
  code: string,
  meta: RequestMeta,
  now = new Date(),
): Promise<SecondFactorCheck> {
  const found = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpLastStep: true } });
  if (!found.totpSecret) return { ok: false, reason: "wrong_code" };
  if (looksLikeTotpCode(code)) {
    const step = await matchingStep(decryptText(found.totpSecret, secretKey()), code.replace(/\s/g, ""), now);
    if (step === null) return { ok: false, reason: "wrong_code" };
    const { count } = await tx.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1 ? { ok: true, method: "totp" } : { ok: false, reason: "replayed_code" };
  }
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 12) return { ok: false, reason: "wrong_code" };
  const { count } = await tx.recoveryCode.updateMany({
    where: { userId: user.id, codeHash: hashToken(normalised), usedAt: null },
    data: { usedAt: now },
  });
  if (count !== 1) return { ok: false, reason: "wrong_code" };
  const remaining = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
  await writeAudit(
    tx,
    { actor: user, meta },
    { action: "auth.recovery_code_used", entityType: "User", entityId: user.id, details: { v: 1, remaining } },
  );
  return { ok: true, method: "recovery_code" };
}

/** Two-factor status for the account page. */
export async function twoFactorStatus(userId: string) {
  const [user, remainingRecoveryCodes] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true, roles: { select: { role: true } } } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return {
    enabledAt: user.totpEnabledAt,
    required: twoFactorRequiredFor(user.roles.map((r) => r.role)),
    remainingRecoveryCodes,
  };
}

/** New recovery codes (the old ones stop working), after a current code from the app. */
export async function regenerateRecoveryCodes(user: Actor, code: string, meta: RequestMeta, now = new Date()): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const check = await useSecondFactor(tx, user, code, meta, now);
    if (!check.ok) throw check.reason === "replayed_code" ? new ReplayedCodeError() : new WrongCodeError();
    const codes = await replaceRecoveryCodes(tx, user.id);
    await writeAudit(
      tx,
      { actor: user, meta },
      { action: "auth.recovery_codes_replaced", entityType: "User", entityId: user.id, details: { v: 1 } },
    );
    return codes;
  });
}

/** Turn two-factor off for your own account, after a current code. Refused to roles that must use it. */
export async function turnOffTwoFactor(user: Actor, code: string, meta: RequestMeta, now = new Date()): Promise<void> {
  if (twoFactorRequiredFor(user.roles))
    throw new DomainError("Your role must use two-factor authentication, so it cannot be turned off", "code");
  await db.$transaction(async (tx) => {
    const check = await useSecondFactor(tx, user, code, meta, now);
    if (!check.ok) throw check.reason === "replayed_code" ? new ReplayedCodeError() : new WrongCodeError();
    const { name } = await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpEnabledAt: null },
      select: { name: true },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await enqueueSecurityNotice(tx, { email: user.email, name }, "two_factor_off");
    await writeAudit(
      tx,
      { actor: user, meta },
      { action: "auth.totp_turned_off", entityType: "User", entityId: user.id, details: { v: 1 } },
    );
  });
}

/**
 * An admin switches off a user's two-factor (lost phone and recovery codes). The user's sessions end; a lead or
 * admin must set it up again at their next sign-in.
 */
export async function resetTwoFactor(actor: Actor, userId: string, meta: RequestMeta): Promise<void> {
  await db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
    if (!found) throw new NotFoundError("User not found");
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await enqueueSecurityNotice(tx, found, "two_factor_off");
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actor, meta }, { action: "auth.totp_reset", entityType: "User", entityId: userId, details: { v: 1 } });
  });
}

/** Demo data only: enrol a user with a known secret so testers can add it to an app (prisma/seed.ts). */
export async function enrolWithKnownSecret(tx: Tx, userId: string, secret: string, now = new Date()): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { totpSecret: sealTotpSecret(secret), totpEnabledAt: now } });
}

/** What the account's two-factor page needs: the status, and a new key to set up with when it is off. */
export async function twoFactorPage(user: { id: string; email: string }) {
  const status = await twoFactorStatus(user.id);
  return { status, enrolment: status.enabledAt ? null : await beginTotpEnrolment(user) };
}
