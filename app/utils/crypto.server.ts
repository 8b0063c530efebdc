import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { env } from "./env.server";

// AES-256-GCM for disclosure free text. Format: v1.<keyId>.<iv>.<tag>.<ciphertext> (base64url parts).
const VERSION = "v1";

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecryptionError";
  }
}

export function keyFromBase64(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("The encryption key must be 32 bytes, base64-encoded.");
  return key;
}

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

// Outside production a fixed development key keeps tests and local runs simple; production requires a real one (env.server.ts).
const DEVELOPMENT_KEY = createHash("sha256").update("outreach-development-key").digest();

export function currentKey(): Buffer {
  const configured = env().DISCLOSURE_ENCRYPTION_KEY;
  return configured ? keyFromBase64(configured) : DEVELOPMENT_KEY;
}

/** A key for one other purpose (e.g. "totp-secret"), derived from the configured key so one secret protects both. */
export function purposeKey(purpose: string, key: Buffer = currentKey()): Buffer {
  return Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), `outreach:${purpose}`, 32));
}

export function encryptText(plain: string, key: Buffer = currentKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyId(key), iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptText(sealed: string, key: Buffer = currentKey()): string {
  const [version, id, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
    throw new DecryptionError("This text is not in the expected encrypted format.");
  }
  if (id !== keyId(key)) {
    throw new DecryptionError(`This text was encrypted with key ${id}, but the configured DISCLOSURE_ENCRYPTION_KEY is ${keyId(key)}.`);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("The encrypted text failed its integrity check: wrong key or tampered data.");
  }
}
