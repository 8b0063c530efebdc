// One codebase, two generated clients with the same model API; DATABASE_URL picks one at runtime.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgClient } from "~/db/generated/postgres/client";
import { PrismaClient as SqliteClient } from "~/db/generated/sqlite/client";
import { env, isPostgres } from "./env.server";
import { watchPool } from "./metrics.server";

export type Db = SqliteClient;
/** A client or an interactive transaction: what model functions accept. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Limits for every interactive transaction: up to 20 s to start (SQLite runs one at a time) and 20 s in all. Prisma's
 * defaults (2 s and 5 s) turned a transaction that waited for a row lock or a busy CPU into a 500; the soak test
 * (ADR 022) found it. A transaction with other needs passes its own.
 */
const transactionOptions = { maxWait: 20_000, timeout: 20_000 };

/**
 * How long a pooled PostgreSQL connection may sit idle before it is closed. pg's default (10 s) closed the pool between
 * a hall's bursts of answers, so the next burst waited to open up to ten connections again (a backend start and
 * authentication each); the pool's size (10) still bounds what is kept.
 */
const POOL_IDLE_MS = 5 * 60_000;

/**
 * The app's connections never start parallel workers (docs/decisions/031-no-parallel-query.md): its statements are short,
 * and launching workers for one cost more than it saved (the reports dashboard at national scale, 64 ms p50 with them,
 * 32 ms without), while taking cores from the requests beside it. Set at connection start, so every statement gets it.
 */
const CONNECTION_OPTIONS = "-c max_parallel_workers_per_gather=0";

export function createDb(url: string): Db {
  if (isPostgres(url)) {
    return new PgClient({
      adapter: watchedPool(
        oneQueryAtATimeInTransactions(
          new PrismaPg({ connectionString: url, idleTimeoutMillis: POOL_IDLE_MS, options: CONNECTION_OPTIONS }),
        ),
      ),
      transactionOptions,
    }) as unknown as Db;
  }
  return new SqliteClient({ adapter: sqliteConnections(new PrismaBetterSQLite3({ url, timeout: 10_000 })), transactionOptions });
}

/**
 * SQLite connections:
 * - write-ahead log (WAL): a commit syncs the disk once (the rollback journal synced it two or three times) and
 *   readers never wait for the writer; synchronous FULL keeps every acknowledged commit through a power cut (ADR 028);
 * - interactive transactions begin with BEGIN IMMEDIATE, taking the write lock at the start and waiting (up to the busy
 *   timeout) while another process holds it. The adapter's plain BEGIN is deferred: a transaction that read and then
 *   wrote failed at once with SQLITE_BUSY when another process (the reply listener, a worker) wrote in between, since
 *   SQLite cannot wait there without risking a deadlock. One process already runs one at a time.
 */
function sqliteConnections(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: { prepare(sql: string): unknown; pragma(sql: string): unknown } }).client;
    client.pragma("journal_mode = WAL");
    client.pragma("synchronous = FULL");
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  };
  return factory;
}

/**
 * Prisma loads the relations of one query in parallel (Promise.all in its query interpreter). Inside an interactive
 * transaction those queries share one pg connection, which pg warns about ("client.query() when the client is already
 * executing a query") and pg 9 will refuse: queue them on the transaction. The pooled client keeps its parallelism.
 */
function oneQueryAtATimeInTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await startTransaction(isolationLevel);
      let queue: Promise<unknown> = Promise.resolve();
      const inTurn =
        <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
        (...args: A): Promise<R> => {
          const result = queue.then(() => run(...args));
          queue = result.catch(() => undefined);
          return result;
        };
      tx.queryRaw = inTurn(tx.queryRaw.bind(tx));
      tx.executeRaw = inTurn(tx.executeRaw.bind(tx));
      return tx;
    };
    return adapter;
  };
  return factory;
}

/** The pool the adapter opens on connect is counted and timed for /metrics (outreach_db_pool_*). */
function watchedPool(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    watchPool(adapter.underlyingDriver());
    return adapter;
  };
  return factory;
}

declare global {
  var __outreachDb: Db | undefined;
}

export const db: Db = (globalThis.__outreachDb ??= createDb(env().DATABASE_URL));

export const usingPostgres = () => isPostgres(env().DATABASE_URL);

/** A DateTime column read by a raw query: a Date on PostgreSQL, ISO text or epoch milliseconds on SQLite. */
export const rawDate = (value: unknown): Date =>
  value instanceof Date ? value : new Date(typeof value === "string" && /^\d+$/.test(value) ? Number(value) : (value as string | number));

/** Is the database answering? For /healthz. */
export async function databaseIsUp(client: Db = db): Promise<boolean> {
  try {
    await client.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
