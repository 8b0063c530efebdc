// Throwaway databases for tests: the migrations applied once to a template, then one copy per test file.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export type TestDbInfo = { kind: "sqlite"; template: string } | { kind: "postgres"; adminUrl: string; template: string };

export const isPg = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

/** The SQL of every migration in a migrations folder, in order (tests and the bench apply them directly). */
export function migrationSql(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

const randomName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTemplate(): Promise<TestDbInfo> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (isPg(pgUrl)) {
    const template = randomName("outreach_template");
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    await admin.end();
    const client = new pg.Client({ connectionString: withDatabase(pgUrl, template) });
    await client.connect();
    for (const sql of migrationSql("prisma/postgres/migrations")) await client.query(sql);
    await client.end();
    return { kind: "postgres", adminUrl: pgUrl, template };
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), "outreach-test-")), "template.db");
  const sqlite = new Database(file);
  for (const sql of migrationSql("prisma/migrations")) sqlite.exec(sql);
  sqlite.close();
  return { kind: "sqlite", template: file };
}

/** A fresh database for one test file; returns its URL. */
export async function createTestDatabase(info: TestDbInfo): Promise<string> {
  if (info.kind === "sqlite") {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "outreach-test-")), "test.db");
    copyFileSync(info.template, file);
    return `file:${file}`;
  }
  const name = randomName("outreach_test");
  const admin = new pg.Client({ connectionString: info.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${info.template}"`);
  await admin.end();
  return withDatabase(info.adminUrl, name);
}

export async function dropTemplate(info: TestDbInfo) {
  if (info.kind === "postgres") await dropDatabase(info.adminUrl, info.template);
}

/**
 * Drops a throwaway PostgreSQL database. An autovacuum worker on a freshly filled database belongs to no role,
 * so FORCE may be refused for a role without pg_signal_backend: then wait for the worker to finish and try again.
 */
export async function dropDatabase(adminUrl: string, name: string, attempts = 60) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        return;
      } catch (error) {
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await admin.end();
  }
}
