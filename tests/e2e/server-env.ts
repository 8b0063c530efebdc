// The environment of the production server the journeys drive (playwright.config.ts), shared with the fixture that
// signs users in by starting their session in the same database with the same cookie secret (fixtures.ts).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3114);
export const E2E_APP_URL = `http://127.0.0.1:${E2E_PORT}`;

export const e2eServerEnv = {
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db",
  APP_URL: E2E_APP_URL,
  SESSION_SECRET: "e2e-session-secret-that-is-long-enough-0123456789",
  // The same key scripts/e2e-db.sh seeds with.
  DISCLOSURE_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
};
