import type { TestProject } from "vitest/node";
import { createTemplate, dropTemplate } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: import("./databases").TestDbInfo;
  }
}

/** The migrated template each test file copies: on PostgreSQL for the projects named "postgres…" (vitest.config.ts). */
export default async function setup(project: TestProject) {
  const info = await createTemplate(project.name.startsWith("postgres") ? process.env.TEST_DATABASE_URL : undefined);
  project.provide("testDb", info);
  return () => dropTemplate(info);
}
