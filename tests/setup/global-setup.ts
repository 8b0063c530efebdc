import type { TestProject } from "vitest/node";
import { createTemplate, dropTemplate } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: import("./databases").TestDbInfo;
  }
}

export default async function setup(project: TestProject) {
  const info = await createTemplate();
  project.provide("testDb", info);
  return () => dropTemplate(info);
}
