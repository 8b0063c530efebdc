import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// Which databases the tests run on: SQLite by default; TEST_DATABASE_URL=postgresql://… runs them on PostgreSQL
// instead; with TEST_BOTH_DATABASES=1 as well, on both in one run, whose workers take files of either database as
// they come free (scripts/test-all.sh), so neither database's pass waits for the other's to end. The unit tests touch
// no database: in a run on both they run once, with SQLite.
const postgresUrl = process.env.TEST_DATABASE_URL;
const both = !!postgresUrl && process.env.TEST_BOTH_DATABASES === "1";
const UNIT = ["tests/unit/**/*.test.ts", "app/**/*.test.ts"];
const INTEGRATION = ["tests/integration/**/*.test.ts"];

// Files share worker processes, so the app's modules are loaded once per process rather than once per file (each file
// still gets a fresh database: tests/setup/databases.ts). These files set the environment before the app first reads
// it, so each runs in a process of its own.
const OWN_PROCESS = [
  "tests/integration/calendar-replies.test.ts",
  "tests/integration/external-calendars.test.ts",
  "tests/integration/reply-servers.test.ts",
  "tests/integration/reply-transports.test.ts",
];

// A database's tests are two projects, shared and own processes; the name picks the database (tests/setup/global-setup.ts).
const projects = (database: "sqlite" | "postgres", include: string[]): TestProjectInlineConfiguration[] => [
  { extends: true, test: { name: database, include, exclude: OWN_PROCESS, isolate: false } },
  { extends: true, test: { name: `${database}-own-process`, include: OWN_PROCESS, isolate: true } },
];

export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    environment: "node",
    // Worker processes (not threads): better-sqlite3 and the tests' child processes; vitest's default of cores - 1.
    pool: "forks",
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-file-database.ts"],
    // Generous: a report test takes a few seconds on a quiet machine and many times that on a loaded one.
    testTimeout: 90_000,
    // Seeding the demo data in a beforeAll takes 5-10 s on a quiet machine, several times that on a loaded one.
    hookTimeout: 120_000,
    projects: both
      ? [...projects("sqlite", [...INTEGRATION, ...UNIT]), ...projects("postgres", INTEGRATION)]
      : projects(postgresUrl ? "postgres" : "sqlite", [...INTEGRATION, ...UNIT]),
  },
});
