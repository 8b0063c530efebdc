// Runs before each test file: point DATABASE_URL at a fresh copy of the migrated template.
import { afterAll, inject } from "vitest";
import { createTestDatabase, dropTestDatabase } from "./databases";

process.env.TZ = "UTC";
process.env.NODE_ENV = "test";
const url = await createTestDatabase(inject("testDb"));
process.env.DATABASE_URL = url;
globalThis.__outreachDb = undefined;

afterAll(async () => {
  await globalThis.__outreachDb?.$disconnect();
  dropTestDatabase(url);
});
