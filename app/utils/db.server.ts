// One codebase, two generated clients with the same model API; DATABASE_URL picks one at runtime.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgClient } from "~/db/generated/postgres/client";
import { PrismaClient as SqliteClient } from "~/db/generated/sqlite/client";
import { env, isPostgres } from "./env.server";

export type Db = SqliteClient;
/** A client or an interactive transaction: what model functions accept. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(url: string): Db {
  if (isPostgres(url)) {
    return new PgClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
}

declare global {
  var __outreachDb: Db | undefined;
}

export const db: Db = (globalThis.__outreachDb ??= createDb(env().DATABASE_URL));

export const usingPostgres = () => isPostgres(env().DATABASE_URL);

/** Is the database answering? For /healthz. */
export async function databaseIsUp(client: Db = db): Promise<boolean> {
  try {
    await client.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
