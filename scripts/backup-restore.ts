// Consistent backups and restores of the app's database, SQLite or PostgreSQL (DATABASE_URL decides).
// SQLite: better-sqlite3's online backup API (safe while the app runs). PostgreSQL: pg_dump / pg_restore
// (custom format), which must be on PATH (Debian: postgresql-client). Used by scripts/backup.ts and scripts/restore.ts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readSync, closeSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
const sqlitePath = (url: string) => url.replace(/^file:/, "").replace(/\?.*$/, "");
const stamp = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw new Error(`${command} could not run (${result.error.message}); install postgresql-client`);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.trim()}`);
}

/** Write a timestamped backup of the database into `dir`; returns the file's path. */
export async function backupDatabase(url: string, dir: string, now = new Date()): Promise<string> {
  mkdirSync(dir, { recursive: true });
  if (isPostgresUrl(url)) {
    const file = path.join(dir, `outreach-postgres-${stamp(now)}.dump`);
    run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${url}`]);
    return file;
  }
  const source = sqlitePath(url);
  if (!existsSync(source)) throw new Error(`No SQLite database at ${source}`);
  const file = path.join(dir, `outreach-sqlite-${stamp(now)}.db`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  return file;
}

/** What kind of backup a file is, from its first bytes (never its name). */
export function backupKind(file: string): "sqlite" | "postgres" | null {
  const fd = openSync(file, "r");
  const head = Buffer.alloc(16);
  readSync(fd, head, 0, 16, 0);
  closeSync(fd);
  if (head.subarray(0, 16).toString("latin1") === "SQLite format 3\u0000") return "sqlite";
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  return null;
}

/** The tables the database already has (a restore over them needs --force). */
export async function existingTables(url: string): Promise<number> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`,
      );
      return Number(rows[0].n);
    } finally {
      await client.end();
    }
  }
  const file = sqlitePath(url);
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

export class RestoreRefused extends Error {}

/** Restore a backup into the database at `url`. Refuses a database that has tables unless `force`. */
export async function restoreDatabase(url: string, file: string, { force = false } = {}): Promise<void> {
  if (!existsSync(file)) throw new RestoreRefused(`No backup file at ${file}`);
  const kind = backupKind(file);
  const target = isPostgresUrl(url) ? "postgres" : "sqlite";
  if (kind !== target) throw new RestoreRefused(`${file} is ${kind ? `a ${kind} backup` : "not a backup"}, but DATABASE_URL is ${target}`);
  const tables = await existingTables(url);
  if (tables > 0 && !force) {
    throw new RestoreRefused(
      `The database already has ${tables} tables. Restoring replaces its data: stop the app, then run again with --force.`,
    );
  }
  if (target === "postgres") {
    run("pg_restore", [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      ...(tables > 0 ? ["--clean", "--if-exists"] : []),
      `--dbname=${url}`,
      file,
    ]);
    return;
  }
  const dest = sqlitePath(url);
  mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
  const backup = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new RestoreRefused(`${file} is damaged: ${String(check)}`);
    // The backup API copies every page into the destination, replacing what was there.
    await backup.backup(dest);
  } finally {
    backup.close();
  }
}
