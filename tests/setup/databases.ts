// Throwaway databases for tests: the migrations applied once to a template, then one copy per test file.
import { createHash, randomUUID } from "node:crypto";
import { accessSync, constants, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export type TestDbInfo = { kind: "sqlite"; template: string } | { kind: "postgres"; adminUrl: string; template: string };

export const isPg = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

/** The SQL of every migration in a migrations folder, in order (tests and the bench apply them directly). */
export function migrationSql(dir: string): string[] {
  return migrations(dir).map((m) => m.sql);
}

function migrations(dir: string): { name: string; sql: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

// Prisma's own bookkeeping table, as `prisma migrate deploy` creates it (its DDL for each provider), so that a test
// database looks like a deployed one to /readyz (app/utils/readiness.server.ts). Applying the SQL directly is
// seconds faster than running the CLI for every test run.
const MIGRATIONS_TABLE = {
  sqlite: `CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgres: `CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

/** Apply every migration and record each as applied, as `prisma migrate deploy` does. */
async function migrate(kind: "sqlite" | "postgres", dir: string, run: (sql: string, params?: string[]) => Promise<unknown> | unknown) {
  await run(MIGRATIONS_TABLE[kind]);
  const insert =
    kind === "sqlite"
      ? `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES (?, ?, ?, current_timestamp, 1)`
      : `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`;
  for (const { name, sql } of migrations(dir)) {
    await run(sql);
    await run(insert, [randomUUID(), createHash("sha256").update(sql).digest("hex"), name]);
  }
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

/** The template on the PostgreSQL server of pgUrl, or in a SQLite file without it. */
export async function createTemplate(pgUrl?: string): Promise<TestDbInfo> {
  if (pgUrl) {
    if (!isPg(pgUrl)) throw new Error(`TEST_DATABASE_URL must be a postgresql:// URL, not ${pgUrl}`);
    const template = randomName("outreach_template");
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    await admin.end();
    const client = new pg.Client({ connectionString: withDatabase(pgUrl, template) });
    await client.connect();
    await migrate("postgres", "prisma/postgres/migrations", (sql, params) => client.query(sql, params));
    await client.end();
    return { kind: "postgres", adminUrl: pgUrl, template };
  }
  const file = path.join(mkdtempSync(path.join(sqliteDir(), "outreach-test-")), "template.db");
  const sqlite = new Database(file);
  await migrate("sqlite", "prisma/migrations", (sql, params) => (params ? sqlite.prepare(sql).run(...params) : sqlite.exec(sql)));
  sqlite.close();
  return { kind: "sqlite", template: file };
}

declare global {
  var __outreachTestDatabase: string | undefined;
}

/**
 * A fresh copy of the template for the test file about to run; returns its URL. Files share a worker process
 * (isolate: false in vitest.config.ts), whose app modules hold one database client: so each process has one URL, and
 * the database at it is made afresh from the template for each file (the previous file's afterAll disconnected the
 * client, which reconnects on its next query).
 */
export async function freshTestDatabase(info: TestDbInfo): Promise<string> {
  if (info.kind === "sqlite") {
    // Beside the template, so the run's teardown removes it with the template's folder.
    const url = (globalThis.__outreachTestDatabase ??= `file:${path.join(path.dirname(info.template), `worker-${process.pid}.db`)}`);
    const file = url.slice("file:".length);
    for (const leftover of [file, `${file}-wal`, `${file}-shm`]) rmSync(leftover, { force: true });
    copyFileSync(info.template, file);
    return url;
  }
  // Named after the template, so the run's teardown finds it (dropTemplate).
  const name = `${info.template}_w${process.pid}`;
  const admin = new pg.Client({ connectionString: info.adminUrl });
  await admin.connect();
  try {
    if (globalThis.__outreachTestDatabase) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${info.template}"`);
  } finally {
    await admin.end();
  }
  return (globalThis.__outreachTestDatabase = withDatabase(info.adminUrl, name));
}

/** Removes the template and the databases the run's worker processes made from it. */
export async function dropTemplate(info: TestDbInfo) {
  if (info.kind === "sqlite") return rmSync(path.dirname(info.template), { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: info.adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [
    `${info.template}_w`,
  ]);
  await admin.end();
  for (const { datname } of rows) await dropDatabase(info.adminUrl, datname);
  await dropDatabase(info.adminUrl, info.template);
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
