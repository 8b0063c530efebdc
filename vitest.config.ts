import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: ["tests/integration/**/*.test.ts", "tests/unit/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    // One process per file (each file has its own database); vitest's default of cores - 1 files at a time.
    // scripts/test-all.sh runs a SQLite and a PostgreSQL pass side by side and gives each half the cores.
    pool: "forks",
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-file-database.ts"],
    // Generous: a report test takes a few seconds on a quiet machine and many times that on a loaded one.
    testTimeout: 90_000,
    // Seeding the demo data in a beforeAll takes 5-10 s on a quiet machine, several times that on a loaded one.
    hookTimeout: 120_000,
  },
});
