import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/utils/env.server";

const KEY = Buffer.alloc(32, 7).toString("base64");
const SECRET = "x".repeat(40);

describe("parseEnv", () => {
  it("accepts a complete production environment", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      SESSION_SECRET: SECRET,
      DISCLOSURE_ENCRYPTION_KEY: KEY,
      DATABASE_URL: "postgresql://a:b@db/outreach",
    });
    expect(env.DATABASE_URL).toBe("postgresql://a:b@db/outreach");
    expect(env.SESSION_IDLE_MINUTES).toBe(480);
  });

  it("refuses production without SESSION_SECRET, naming the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DISCLOSURE_ENCRYPTION_KEY: KEY })).toThrow(/SESSION_SECRET is required in production/);
  });

  it("refuses a short or placeholder SESSION_SECRET in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "change-me", DISCLOSURE_ENCRYPTION_KEY: KEY })).toThrow(
      /SESSION_SECRET must be at least 32/,
    );
  });

  it("refuses production without an encryption key", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: SECRET })).toThrow(
      /DISCLOSURE_ENCRYPTION_KEY is required in production/,
    );
  });

  it("refuses a database URL of another kind and a malformed key, listing every problem", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://x", DISCLOSURE_ENCRYPTION_KEY: "short" });
      expect.fail("should have thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      expect((e as EnvError).problems).toEqual([
        "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
        "DISCLOSURE_ENCRYPTION_KEY must be 32 random bytes, base64-encoded (generate one with: openssl rand -base64 32)",
      ]);
      expect((e as Error).message).toMatch(/Outreach cannot start/);
    }
  });

  it("refuses a non-numeric idle timeout", () => {
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: "soon" })).toThrow(/SESSION_IDLE_MINUTES/);
  });
});
