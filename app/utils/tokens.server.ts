import { createHash, randomBytes } from "node:crypto";

/** A secret for a link or cookie: 256 random bits, base64url. Store only hashToken(token). */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * A secret for an email address's local part (replies+<token>@…): 128 random bits as 32 lowercase hex digits,
 * because mail systems may change the case of an address. Store only hashToken(token).
 */
export function generateAddressToken(): string {
  return randomBytes(16).toString("hex");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
