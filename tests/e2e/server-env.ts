// The environment of the production server the journeys drive (playwright.config.ts), shared with the fixture that
// signs users in by starting their session in the same database with the same cookie secret (fixtures.ts).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3114);
export const E2E_APP_URL = `http://127.0.0.1:${E2E_PORT}`;
// The inbound SMTP listener of `npm run replies` (scripts/replies.ts) beside the server: calendar replies arrive there.
export const E2E_REPLY_SMTP_PORT = Number(process.env.E2E_REPLY_SMTP_PORT ?? E2E_PORT + 1000);

export const e2eServerEnv = {
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db",
  APP_URL: E2E_APP_URL,
  SESSION_SECRET: "e2e-session-secret-that-is-long-enough-0123456789",
  // The same key scripts/e2e-db.sh seeds with.
  DISCLOSURE_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
  // Invitations carry replies+<token>@REPLY_DOMAIN as ORGANIZER and Reply-To, read by the listener below.
  REPLY_DOMAIN: "replies.outreach.test",
};
