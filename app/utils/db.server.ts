// One codebase, two generated clients with the same model API; DATABASE_URL picks one at runtime.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database, { type Statement } from "better-sqlite3";
import pg, { type Pool } from "pg";
import { PrismaClient as PgClient } from "~/db/generated/postgres/client";
import { PrismaClient as SqliteClient, type Prisma } from "~/db/generated/sqlite/client";
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
const { types } = pg;

export function createDb(url: string): Db {
  if (isPostgres(url)) {
    const pool: { current?: Pool } = {};
    const client = new PgClient({
      adapter: watchedPool(
        oneQueryAtATimeInTransactions(
          new PrismaPg({ connectionString: url, idleTimeoutMillis: POOL_IDLE_MS, options: CONNECTION_OPTIONS }),
        ),
        pool,
      ),
      transactionOptions,
    }) as unknown as Db;
    return withRowReader(client, postgresRowReader(client, pool));
  }
  const client = new SqliteClient({ adapter: sqliteConnections(new PrismaBetterSQLite3({ url, timeout: 10_000 })), transactionOptions });
  return withRowReader(client, sqliteRowReader(url));
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

/**
 * The pool the adapter opens on connect is counted and timed for /metrics (outreach_db_pool_*), and kept for the
 * client's row reader.
 */
function watchedPool(factory: PrismaPg, kept: { current?: Pool }): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    kept.current = adapter.underlyingDriver();
    watchPool(kept.current);
    return adapter;
  };
  return factory;
}

/**
 * Rows of a read straight from the database driver, as objects keyed by column name, for a hot read of hundreds of
 * rows: through Prisma's raw queries each result stayed alive long enough to be copied by the next garbage collection
 * and then moved to the old generation, so the collections that followed took 10-20 ms instead of 1-2
 * (docs/decisions/032-feed-reads-from-the-driver.md). Committed data only: on SQLite a connection of its own that
 * cannot write (the app's connection may be inside a transaction), on PostgreSQL the app's pool. Date parameters are written
 * as the app's adapters store them; DateTime columns come back as ISO text (SQLite) or Dates (PostgreSQL): rawDate
 * reads both.
 */
export function readRows<Row>(query: Prisma.Sql, client: Db = db): Promise<Row[]> {
  const reader = (client as { [ROW_READER]?: RowReader })[ROW_READER];
  if (!reader) throw new Error("readRows needs a client made by createDb");
  return reader(query) as Promise<Row[]>;
}

type RowReader = ((query: Prisma.Sql) => Promise<unknown[]>) & { close(): void };
// A registered symbol: server.ts and the app's build are two copies of this module sharing one client.
const ROW_READER = Symbol.for("outreach.readRows");

/**
 * Attaches the reader, and lets $disconnect close its connection too, so that a client used again after $disconnect
 * reads the database its URL names now (the tests make each file's database afresh at the same URL).
 */
function withRowReader(client: Db, reader: RowReader): Db {
  const disconnect = client.$disconnect.bind(client);
  return Object.assign(client, {
    [ROW_READER]: reader,
    $disconnect: async () => {
      await disconnect();
      reader.close();
    },
  });
}

function sqliteRowReader(url: string): RowReader {
  let connection: Database.Database | undefined;
  // Prepared once each; rows come as arrays and are made objects here, which took two thirds of the time of
  // better-sqlite3 making them.
  const statements = new Map<string, { statement: Statement; columns: string[] }>();
  // As the Prisma adapter binds them, so that text comparisons with stored values hold.
  const bind = (value: unknown) =>
    value instanceof Date ? value.toISOString().replace("Z", "+00:00") : typeof value === "boolean" ? Number(value) : value;
  const read = async (query: Prisma.Sql) => {
    if (!connection) {
      // query_only rather than a read-only open: a read-only connection cannot create the write-ahead log's index
      // file when it is the first to open the database.
      connection = new Database(url.replace(/^file:/, ""), { fileMustExist: true, timeout: 10_000 });
      connection.pragma("query_only = ON");
    }
    let prepared = statements.get(query.sql);
    if (!prepared) {
      if (statements.size >= 100) statements.clear();
      const statement = connection.prepare(query.sql).raw(true);
      statements.set(query.sql, (prepared = { statement, columns: statement.columns().map((column) => column.name) }));
    }
    const { statement, columns } = prepared;
    return (statement.all(...query.values.map(bind)) as unknown[][]).map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) row[columns[i]] = values[i];
      return row;
    });
  };
  const close = () => {
    statements.clear();
    connection?.close();
    connection = undefined;
  };
  return Object.assign(read, { close });
}

/** TIMESTAMP (without time zone) holds UTC, as Prisma writes it: read as UTC whatever the process's time zone. */
const TIMESTAMP_OID = 1114;

function postgresRowReader(client: Db, pool: { current?: Pool }): RowReader {
  const read = async (query: Prisma.Sql) => {
    if (!pool.current) await client.$connect();
    const result = await pool.current!.query({
      text: query.text,
      values: query.values.map((value) => (value instanceof Date ? value.toISOString() : value)),
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          oid === TIMESTAMP_OID ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : types.getTypeParser(oid, format)) as never,
      },
    });
    return result.rows;
  };
  // The adapter ends its pool on $disconnect and opens a new one on the next query.
  return Object.assign(read, { close: () => (pool.current = undefined) });
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
