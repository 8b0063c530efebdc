import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: ["tests/integration/**/*.test.ts", "tests/unit/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-file-database.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
