import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: ["tests/integration/**/*.test.ts", "tests/unit/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    // One process per file (each file has its own database). One file per core, not vitest's cores - 1: many files
    // spend much of their time waiting on a server, a child process or the database.
    pool: "forks",
    maxWorkers: availableParallelism(),
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-file-database.ts"],
    testTimeout: 30_000,
    // Seeding the demo data in a beforeAll takes 5-10 s on a quiet machine, several times that on a loaded one.
    hookTimeout: 120_000,
  },
});
