import { defineConfig } from "@playwright/test";
import { E2E_APP_URL, E2E_PORT, E2E_REPLY_SMTP_PORT, e2eServerEnv } from "./tests/e2e/server-env";

// End-to-end tests drive Debian's Chromium against the production server (build/server.js, from server.ts) on a loopback port.
// E2E_DATABASE_URL picks the database (default: a fresh SQLite file made by scripts/e2e-db.sh).

export default defineConfig({
  testDir: "tests/e2e",
  // scripts/test-all.sh runs SQLite and PostgreSQL side by side: each run cleans and writes its own folder.
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  testMatch: "**/*.spec.ts",
  // Files run side by side, each file's tests in order in one worker. Journeys share only the demo data, each with
  // its own records and sessions (signed in by cookie: fixtures.ts). E2E_WORKERS: scripts/test-all.sh sets it.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  // The longest journeys take 20-50 s on a quiet 2-core machine and up to 2 minutes on a busy one (load 10-15, both
  // lanes side by side): the limit only catches a hang, so it leaves room for a busier machine still.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : "list",
  use: {
    baseURL: E2E_APP_URL,
    trace: "off",
    launchOptions: {
      // Debian's chromium-headless-shell, the old headless mode that Playwright itself runs headless journeys in:
      // the full browser's new headless mode took 1.8 times the CPU for the same journeys (ADR 033).
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Less drawing work where the journeys check nothing: no animated scrolling, no threaded or GPU-style
        // compositing, no LCD text. Every request is still made (images and fonts included), so the browser-error
        // check sees them all. The 45 SQLite journeys: 374 core-seconds before, 327 after (ADR 033).
        "--disable-smooth-scrolling",
        "--disable-gpu-compositing",
        "--disable-partial-raster",
        "--disable-threaded-animation",
        "--disable-threaded-scrolling",
        "--disable-checker-imaging",
        "--disable-lcd-text",
        "--disable-font-subpixel-positioning",
        "--disable-features=PaintHolding,Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "node build/server.js",
      env: {
        ...e2eServerEnv,
        PORT: String(E2E_PORT),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        TZ: "UTC",
        // No SMTP in tests: emails are read from the development mailbox, which a production build shows only in the demo.
        DEMO_MODE: "true",
      },
      url: `${E2E_APP_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The calendar-replies journey sends Outlook-shaped replies here over SMTP, as a council's mail server would.
      command: "node build/replies.js",
      env: {
        ...e2eServerEnv,
        REPLY_SMTP_PORT: String(E2E_REPLY_SMTP_PORT),
        REPLY_SMTP_HOST: "127.0.0.1",
        NODE_ENV: "production",
        TZ: "UTC",
        DEMO_MODE: "true",
      },
      port: E2E_REPLY_SMTP_PORT,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
