import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium against the production build (server.ts) on a loopback port.
// E2E_DATABASE_URL picks the database (default: a fresh SQLite file made by scripts/e2e-db.sh).
const PORT = Number(process.env.E2E_PORT ?? 3114);
// One id per run, inherited by every worker: two-factor steps used in an earlier run are not remembered (fixtures.ts).
process.env.E2E_RUN_ID ??= String(Date.now());
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db";

export default defineConfig({
  testDir: "tests/e2e",
  // scripts/test-all.sh runs SQLite and PostgreSQL side by side: each run cleans and writes its own folder.
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "node --import tsx server.ts",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL,
      NODE_ENV: "production",
      TZ: "UTC",
      APP_URL: `http://127.0.0.1:${PORT}`,
      SESSION_SECRET: "e2e-session-secret-that-is-long-enough-0123456789",
      // The same key scripts/e2e-db.sh seeds with.
      DISCLOSURE_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
      // No SMTP in tests: emails are read from the development mailbox, which a production build shows only in the demo.
      DEMO_MODE: "true",
    },
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
