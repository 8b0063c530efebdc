// A snapshot of every table's rows (found from the database catalogue, so tables added later are included),
// for tests that assert a request changed nothing.
import { db, usingPostgres, type Db } from "~/utils/db.server";

/** What may change without it being a change of state: logging, and bookkeeping of the request itself. */
export type DigestOptions = { ignoreTables?: readonly string[]; ignoreColumns?: Readonly<Record<string, readonly string[]>> };

/**
 * Allowed on any request:
 * - AuditEvent: reads of sensitive records are audited by design (disclosure reads), and refusals may be logged;
 * - RateLimitBucket: rate limits count requests, GETs of feeds and token pages included;
 * - AuthSession.lastSeenAt/expiresAt: the idle timeout slides on activity (at most one write a minute).
 */
export const REQUEST_BOOKKEEPING: DigestOptions = {
  ignoreTables: ["AuditEvent", "RateLimitBucket", "_prisma_migrations"],
  ignoreColumns: { AuthSession: ["lastSeenAt", "expiresAt"] },
};

export async function tableNames(client: Db = db, postgres = usingPostgres()): Promise<string[]> {
  const rows = postgres
    ? await client.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
    : await client.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  return rows.map((r) => r.name).sort();
}

const normalise = (value: unknown): unknown =>
  typeof value === "bigint" ? Number(value) : value instanceof Date ? value.toISOString() : value;

/** Every table → its rows as sorted JSON lines. */
export async function snapshot(options: DigestOptions = REQUEST_BOOKKEEPING, client: Db = db, postgres = usingPostgres()): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of await tableNames(client, postgres)) {
    if (options.ignoreTables?.includes(table)) continue;
    const skip = options.ignoreColumns?.[table] ?? [];
    // PostgreSQL: one JSON text per row, so enum and other catalogue types need no decoding.
    const rows = postgres
      ? (await client.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table}" t`)).map((r) => JSON.parse(r.row) as Record<string, unknown>)
      : await client.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    result[table] = rows
      .map((row) => JSON.stringify(Object.keys(row).sort().filter((k) => !skip.includes(k)).map((k) => [k, normalise(row[k])])))
      .sort();
  }
  return result;
}

/** The tables whose rows differ between two snapshots, with the rows added and removed (for a readable failure). */
export function differences(before: Record<string, string[]>, after: Record<string, string[]>) {
  const changes: { table: string; added: string[]; removed: string[] }[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = new Set(before[table] ?? []);
    const a = new Set(after[table] ?? []);
    const added = [...a].filter((row) => !b.has(row));
    const removed = [...b].filter((row) => !a.has(row));
    if (added.length || removed.length) changes.push({ table, added: added.slice(0, 3), removed: removed.slice(0, 3) });
  }
  return changes;
}
