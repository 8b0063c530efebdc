// Throwaway databases for tests: the migrations applied once to a template, then one copy per test file.
import { accessSync, constants, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
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

// SQLite syncs the disk at every commit, and a test commits at every write: on a disk that is most of a route test's
// time (each signed-in call starts a session). The databases are thrown away, so they live in memory (tmpfs) where
// the machine has it.
function sqliteDir(): string {
  try {
    accessSync("/dev/shm", constants.W_OK);
    return "/dev/shm";
  } catch {
    return tmpdir();
  }
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
  const file = path.join(mkdtempSync(path.join(sqliteDir(), "outreach-test-")), "template.db");
  const sqlite = new Database(file);
  for (const sql of migrationSql("prisma/migrations")) sqlite.exec(sql);
  sqlite.close();
  return { kind: "sqlite", template: file };
}

/** A fresh database for one test file; returns its URL. */
export async function createTestDatabase(info: TestDbInfo): Promise<string> {
  if (info.kind === "sqlite") {
    const file = path.join(mkdtempSync(path.join(sqliteDir(), "outreach-test-")), "test.db");
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

/** Remove a test file's SQLite database (a PostgreSQL one goes with its throwaway cluster). */
export function dropTestDatabase(url: string) {
  if (url.startsWith("file:")) rmSync(path.dirname(url.slice("file:".length)), { recursive: true, force: true });
}

export async function dropTemplate(info: TestDbInfo) {
  if (info.kind === "sqlite") return rmSync(path.dirname(info.template), { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: info.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${info.template}" WITH (FORCE)`);
  await admin.end();
}
