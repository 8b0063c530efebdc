// Runs before each test file: point DATABASE_URL at a fresh copy of the migrated template.
import { afterAll, inject } from "vitest";
import { createTestDatabase } from "./databases";

process.env.TZ = "UTC";
process.env.NODE_ENV = "test";
process.env.DATABASE_URL = await createTestDatabase(inject("testDb"));
globalThis.__outreachDb = undefined;

afterAll(async () => {
  await globalThis.__outreachDb?.$disconnect();
});
