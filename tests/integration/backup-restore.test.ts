// npm run backup / npm run restore round-trip the demo data, on whichever database the suite runs on.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { backupDatabase, restoreDatabase, RestoreRefused } from "../../scripts/backup-restore";
import { capturedIo } from "../../scripts/cli";
import { main as restoreCli } from "../../scripts/restore";
import { createDb, db, usingPostgres, type Db } from "~/utils/db.server";
import { snapshot } from "../setup/db-digest";
import { dropDatabase, withDatabase } from "../setup/databases";

const everything = { ignoreTables: [] };
const dir = mkdtempSync(path.join(tmpdir(), "outreach-backup-"));
const created: string[] = [];
const clients: Db[] = [];

/** A new, empty database of the same kind as the suite's. */
async function emptyDatabase(): Promise<string> {
  const url = process.env.DATABASE_URL ?? "";
  if (!usingPostgres()) return `file:${path.join(mkdtempSync(path.join(tmpdir(), "outreach-restore-")), "restored.db")}`;
  const name = `outreach_restore_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  created.push(name);
  return withDatabase(url, name);
}

const open = (url: string) => {
  const client = createDb(url);
  clients.push(client);
  return client;
};

let original: Record<string, string[]>;
beforeAll(async () => {
  expect((await seedDemo()).seeded).toBe(true);
  original = await snapshot(everything);
});

afterAll(async () => {
  for (const client of clients) await client.$disconnect();
  if (!created.length) return;
  for (const name of created) await dropDatabase(process.env.DATABASE_URL ?? "", name);
});

describe("backup and restore", () => {
  it("round-trips the demo data into an empty database, table by table and row by row", async () => {
    expect(original.User.length).toBeGreaterThan(3);
    expect(original.Session.length).toBeGreaterThan(3);
    const file = await backupDatabase(process.env.DATABASE_URL ?? "", dir, new Date("2026-11-28T08:00:00Z"));
    expect(path.basename(file)).toMatch(/^outreach-(sqlite|postgres)-20261128T080000Z\.(db|dump)$/);
    const target = await emptyDatabase();
    await restoreDatabase(target, file);
    expect(await snapshot(everything, open(target), usingPostgres())).toEqual(original);
  });

  it("refuses to restore over a database with tables unless forced, then replaces its data", async () => {
    const file = await backupDatabase(process.env.DATABASE_URL ?? "", dir);
    const target = await emptyDatabase();
    await restoreDatabase(target, file);
    const client = open(target);
    await client.venue.updateMany({ data: { name: "Changed after the backup" } });
    await expect(restoreDatabase(target, file)).rejects.toThrow(RestoreRefused);
    await expect(restoreDatabase(target, file)).rejects.toThrow(/--force/);
    await client.$disconnect();
    await restoreDatabase(target, file, { force: true });
    expect(await snapshot(everything, open(target), usingPostgres())).toEqual(original);
  });

  it("refuses a file that is not a backup of this kind of database, by its content", async () => {
    const fake = path.join(dir, "outreach-sqlite-fake.db");
    writeFileSync(fake, "id,name\n1,not a database\n");
    await expect(restoreDatabase(await emptyDatabase(), fake)).rejects.toThrow(/not a backup/);
  });

  it("works from the command line: npm run backup, npm run restore -- <file>", async () => {
    const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL };
    // Each script started for real once; restore's refusal through its main in this process.
    const backup = spawnSync(process.execPath, ["--import", "tsx", "scripts/backup.ts", dir], { env, encoding: "utf8" });
    expect(backup.status, backup.stderr).toBe(0);
    const file = /Backup written: (.+)$/m.exec(backup.stdout)?.[1] ?? "";
    const target = await emptyDatabase();
    const restore = spawnSync(process.execPath, ["--import", "tsx", "scripts/restore.ts", file], {
      env: { ...env, DATABASE_URL: target },
      encoding: "utf8",
    });
    expect(restore.status, restore.stderr).toBe(0);
    const io = capturedIo();
    expect(await restoreCli([file], io, { ...env, DATABASE_URL: target })).toBe(1);
    expect(io.err()).toContain("--force");
    expect(await open(target).user.count()).toBe(await db.user.count());
  });
});
