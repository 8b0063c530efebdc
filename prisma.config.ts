/* eslint-disable @typescript-eslint/no-explicit-any -- patches private internals of the Prisma driver adapters for the CLI (see docs/decisions/001) */
import path from "node:path";
import pg from "pg";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

process.env.DATABASE_URL ??= "file:./prisma/dev.db"; // schema.prisma reads env("DATABASE_URL"); must be set for the CLI
const url = process.env.DATABASE_URL;
const isPg = /^postgres(ql)?:\/\//.test(url);

if (isPg) {
  // Workaround: @prisma/adapter-pg 6.19.x cannot map the Postgres `name`/`"char"` types that the
  // JS schema engine's catalog queries return. Report them as text. CLI process only.
  // "char"(18)/name(19) -> text(25); "char"[](1002)/name[](1003) -> text[](1009)
  const CATALOG_TYPES: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };
  const R = pg.Result.prototype as any;
  const addFields = R.addFields;
  R.addFields = function (fields: any[]) {
    return addFields.call(
      this,
      fields.map((f) => (f.dataTypeID in CATALOG_TYPES ? { ...f, dataTypeID: CATALOG_TYPES[f.dataTypeID] } : f)),
    );
  };
}

function pgFields(u: URL) {
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.slice(1)),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
}

// Workaround for @prisma/adapter-pg 6.19.x executeScript(): it splits a migration at every ";", which cuts a
// function's $$ … $$ body (the report triggers) in pieces. PostgreSQL's simple query protocol takes the whole script.
function wholeScripts<T>(adapter: T): T {
  const a = adapter as any;
  a.executeScript = async (script: string) => {
    try {
      await a.client.query(script);
    } catch (error) {
      a.onError(error);
    }
  };
  return adapter;
}

// Workaround for @prisma/adapter-pg 6.19.x connectToShadowDb(): (1) a connectionString overrides the
// shadow `database`, (2) it DROPs the shadow DB before closing its own pool ("being accessed by other users").
class PrismaPgForMigrate extends PrismaPg {
  async connect() {
    return wholeScripts(await super.connect());
  }
  async connectToShadowDb() {
    const main = await this.connect();
    const db = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${db}"`);
    const shadow = wholeScripts(await new PrismaPg({ ...pgFields(new URL(url)), database: db }).connect());
    const close = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await close();
      await main.executeScript(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  }
}

// Workaround for @prisma/adapter-better-sqlite3 6.19.x + JS schema engine: migrations are replayed on the
// shadow DB through executeRaw(), which uses better-sqlite3 prepare() and rejects multi-statement SQL.
function multiStatementSafe<T extends { executeRaw(q: any): Promise<number>; executeScript?(s: string): Promise<void> }>(q: T, db: any): T {
  const executeRaw = q.executeRaw.bind(q);
  q.executeRaw = async (query: any) => {
    if ((query.args?.length ?? 0) === 0 && /;\s*\S/.test(query.sql.replace(/--[^\n]*/g, ""))) {
      db.exec(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return q;
}
class PrismaSqliteForMigrate extends PrismaBetterSQLite3 {
  async connectToShadowDb() {
    const a: any = await super.connectToShadowDb();
    const db = a.underlyingDriver ? a.underlyingDriver() : a.client;
    multiStatementSafe(a, db);
    const start = a.startTransaction.bind(a);
    a.startTransaction = async (...args: any[]) => multiStatementSafe(await start(...args), db);
    return a;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPg ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: isPg ? path.join("prisma", "postgres", "migrations") : path.join("prisma", "migrations") },
  async adapter() {
    if (!isPg) return new PrismaSqliteForMigrate({ url });
    return new PrismaPgForMigrate(pgFields(new URL(url)));
  },
});
