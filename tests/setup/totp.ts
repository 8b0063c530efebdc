// RFC 6238 codes computed independently of the app's TOTP library (SHA-1, 6 digits, 30 s), for tests and the
// Playwright fixture that signs in as the demo lead and admin.
import { createHmac } from "node:crypto";

export const TOTP_PERIOD_SECONDS = 30;
/** A fixed key for tests that need a user already enrolled. */
export const TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

function base32Decode(secret: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of secret.replace(/[\s=]/g, "").toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`Not base32: ${char}`);
    bits += value.toString(2).padStart(5, "0");
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

export const totpStep = (at: Date | number = Date.now()) => Math.floor(Number(at) / 1000 / TOTP_PERIOD_SECONDS);

/** The 6-digit code for a time step. */
export function totpCodeForStep(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const value = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, "0");
}

export const totpCode = (secret: string, at: Date | number = Date.now()) => totpCodeForStep(secret, totpStep(at));
