import { describe, expect, it } from "vitest";
import { DecryptionError, decryptText, encryptText, keyFromBase64 } from "~/utils/crypto.server";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

describe("tokens", () => {
  it("are at least 128 random bits, base64url, and stored as SHA-256", () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});

describe("passwords", () => {
  it("are hashed with argon2id and verified", async () => {
    const hash = await hashPassword("a long enough passphrase");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "a long enough passphrase")).toBe(true);
    expect(await verifyPassword(hash, "another passphrase")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
});

describe("AES-256-GCM text encryption", () => {
  const key = keyFromBase64(Buffer.alloc(32, 1).toString("base64"));
  const other = keyFromBase64(Buffer.alloc(32, 2).toString("base64"));

  it("round-trips and never contains the plain text", () => {
    const sealed = encryptText("MARKER-plain-text", key);
    expect(sealed).not.toContain("MARKER");
    expect(decryptText(sealed, key)).toBe("MARKER-plain-text");
    expect(encryptText("same", key)).not.toBe(encryptText("same", key));
  });

  it("gives a clear error with the wrong key or tampered text", () => {
    const sealed = encryptText("secret", key);
    expect(() => decryptText(sealed, other)).toThrow(DecryptionError);
    expect(() => decryptText(sealed, other)).toThrow(/encrypted with key/);
    const parts = sealed.split(".");
    parts[4] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptText(parts.join("."), key)).toThrow(/integrity check/);
  });
});
