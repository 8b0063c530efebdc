// A snapshot of every table's rows (found from the database catalogue, so tables added later are included),
// for tests that assert a request changed nothing.
import { db, usingPostgres, type Db } from "~/utils/db.server";

/** What may change without it being a change of state: logging, and bookkeeping of the request itself. */
export type DigestOptions = { ignoreTables?: readonly string[]; ignoreColumns?: Readonly<Record<string, readonly string[]>> };

/**
 * Allowed on any request:
 * - AuditEvent: reads of sensitive records are audited by design (disclosure reads), and refusals may be logged;
 * - RateLimitBucket: rate limits count requests, GETs of feeds and token pages included;
 * - AuthSession.lastSeenAt/expiresAt: the idle timeout slides on activity (at most one write a minute);
 * - User.failedSignIns/lockedUntil: a refused sign-in (401) counts towards the lock-out, as it must.
 */
export const REQUEST_BOOKKEEPING: DigestOptions = {
  ignoreTables: ["AuditEvent", "RateLimitBucket", "_prisma_migrations"],
  ignoreColumns: { AuthSession: ["lastSeenAt", "expiresAt"], User: ["failedSignIns", "lockedUntil"] },
};

// The schema doesn't change while a test file runs: read it once per client.
const schemaCache = new WeakMap<Db, Promise<Map<string, string[]>>>();
function columnsByTable(client: Db, postgres: boolean): Promise<Map<string, string[]>> {
  let cached = schemaCache.get(client);
  if (!cached) schemaCache.set(client, (cached = readColumns(client, postgres)));
  return cached;
}

async function readColumns(client: Db, postgres: boolean): Promise<Map<string, string[]>> {
  const rows = postgres
    ? await client.$queryRawUnsafe<{ t: string; c: string }[]>(
        `SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
      )
    : await client.$queryRawUnsafe<{ t: string; c: string }[]>(
        `SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid`,
      );
  const columns = new Map<string, string[]>();
  for (const { t, c } of rows) columns.set(t, [...(columns.get(t) ?? []), c]);
  return columns;
}

/**
 * Every table → its rows as sorted JSON lines. One query for the whole database (a UNION of one JSON array per row),
 * so tests can afford a snapshot around every request.
 */
export async function snapshot(
  options: DigestOptions = REQUEST_BOOKKEEPING,
  client: Db = db,
  postgres = usingPostgres(),
): Promise<Record<string, string[]>> {
  const tables = [...(await columnsByTable(client, postgres))]
    .filter(([table]) => !options.ignoreTables?.includes(table))
    .map(([table, columns]) => [table, columns.filter((c) => !options.ignoreColumns?.[table]?.includes(c))] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  const result: Record<string, string[]> = Object.fromEntries(tables.map(([table]) => [table, []]));
  const selects = tables.map(([table, columns]) => {
    const list = columns.map((c) => `"${c}"`).join(", ");
    return postgres
      ? `SELECT '${table}' AS t, json_build_array(${list})::text AS r FROM "${table}"`
      : `SELECT '${table}' AS t, json_array(${list}) AS r FROM "${table}"`;
  });
  if (!selects.length) return result;
  const columns = new Map(tables);
  for (const { t, r } of await client.$queryRawUnsafe<{ t: string; r: string }[]>(selects.join(" UNION ALL "))) {
    const values = JSON.parse(r) as unknown[];
    result[t].push(JSON.stringify(Object.fromEntries((columns.get(t) ?? []).map((c, i) => [c, values[i]]))));
  }
  for (const rows of Object.values(result)) rows.sort();
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
