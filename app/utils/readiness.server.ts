// Readiness (/readyz), as against liveness (/healthz): may this server take traffic? Not while the database is
// unreachable, and not while migrations shipped with this code have not been applied to it (the code would query
// columns that do not exist yet). Migrations the database has but this code does not ship (a newer server ran
// them during a rolling deploy) do not make it unready.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { databaseIsUp, db, type Db } from "./db.server";
import { env, isPostgres } from "./env.server";

export type Readiness =
  | { ready: true; database: "ok"; migrations: "current" }
  | { ready: false; database: "unreachable" }
  | { ready: false; database: "ok"; migrations: "behind"; pending: number; failed: number };

/** The migration folders shipped for the active provider (prisma/migrations: SQLite; prisma/postgres/migrations). */
export const shippedMigrationsDir = (url = env().DATABASE_URL) =>
  path.resolve(isPostgres(url) ? "prisma/postgres/migrations" : "prisma/migrations");

export async function readiness(client: Db = db, migrationsDir = shippedMigrationsDir()): Promise<Readiness> {
  if (!(await databaseIsUp(client))) return { ready: false, database: "unreachable" };
  const shipped = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const rows = await client
    .$queryRawUnsafe<{ migration_name: string; finished: unknown }[]>(
      "SELECT migration_name, finished_at AS finished FROM _prisma_migrations WHERE rolled_back_at IS NULL",
    )
    // No migrations table: nothing has been applied.
    .catch(() => []);
  const applied = new Set(rows.filter((r) => r.finished !== null).map((r) => r.migration_name));
  const failed = rows.filter((r) => r.finished === null).length;
  const pending = shipped.filter((name) => !applied.has(name)).length;
  return pending === 0 && failed === 0
    ? { ready: true, database: "ok", migrations: "current" }
    : { ready: false, database: "ok", migrations: "behind", pending, failed };
}
