import { createHash, randomBytes } from "node:crypto";

/** A secret for a link or cookie: 256 random bits, base64url. Store only hashToken(token). */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
