// Runs before each test file: point DATABASE_URL at a fresh copy of the migrated template (freshTestDatabase).
import { afterAll, inject } from "vitest";
import { freshTestDatabase } from "./databases";

process.env.TZ = "UTC";
process.env.NODE_ENV = "test";
process.env.DATABASE_URL = await freshTestDatabase(inject("testDb"));

afterAll(async () => {
  // The next file in this process makes its database afresh at the same URL; the client reconnects to it.
  await globalThis.__outreachDb?.$disconnect();
});
