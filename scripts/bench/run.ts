// npm run bench: a throwaway PostgreSQL cluster and a temporary SQLite file, both migrated, then every
// scripts/bench/*.bench.ts (default export: async ({ pgUrl, sqliteUrl }) => BenchRow[]). Prints the figures and
// rewrites the results table in docs/performance.md, keeping the rest of that file.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import * as prettier from "prettier";
import { migrationSql } from "../../tests/setup/databases";

export type BenchRow = { benchmark: string; database: "SQLite" | "PostgreSQL" | "none"; figures: string; target: string; met: boolean };
export type BenchContext = { pgUrl: string; sqliteUrl: string };

const HERE = path.dirname(new URL(import.meta.url).pathname);
const ROOT = path.resolve(HERE, "../..");
const REPORT = path.join(ROOT, "docs/performance.md");
const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function table(rows: BenchRow[]): string {
  const lines = ["| Benchmark | Database | Figures | Target | Met |", "|---|---|---|---|---|"];
  for (const r of rows) lines.push(`| ${r.benchmark} | ${r.database} | ${r.figures} | ${r.target} | ${r.met ? "yes" : "**no**"} |`);
  return lines.join("\n");
}

async function writeReport(rows: BenchRow[], when: Date) {
  const block = `${START}\nLast run: ${when.toISOString().slice(0, 16).replace("T", " ")} UTC (\`npm run bench\`).\n\n${table(rows)}\n${END}`;
  const current = existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "# Performance\n\n";
  const next =
    current.includes(START) && current.includes(END)
      ? current.slice(0, current.indexOf(START)) + block + current.slice(current.indexOf(END) + END.length)
      : `${current.trimEnd()}\n\n## Results\n\n${block}\n`;
  // Formatted as the lint check wants it (prettier pads the table's columns).
  writeFileSync(REPORT, await prettier.format(next, { ...(await prettier.resolveConfig(REPORT)), filepath: REPORT }));
}

async function main() {
  const only = process.argv[2];
  const files = readdirSync(HERE)
    .filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only)))
    .sort();
  if (!files.length) throw new Error("No scripts/bench/*.bench.ts found");

  const work = mkdtempSync(path.join(tmpdir(), "outreach-bench-"));
  // Not inside `work`: that directory is private to this user, and the cluster may run as the postgres user.
  const pgDir = path.join(tmpdir(), `outreach-bench-pg-${process.pid}-${Date.now().toString(36)}`);
  const sqliteFile = path.join(work, "bench.db");
  // BENCH_PG_URL: an empty database on a PostgreSQL already running (a shared machine), instead of a cluster of our own.
  const ownCluster = !process.env.BENCH_PG_URL;
  const pgUrl =
    process.env.BENCH_PG_URL ??
    execFileSync("sh", [path.join(ROOT, "scripts/pg-start.sh")], {
      env: { ...process.env, PGPORT: String(await freePort()), PGDIR: pgDir },
      encoding: "utf8",
    }).trim();
  try {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    for (const sql of migrationSql(path.join(ROOT, "prisma/postgres/migrations"))) await client.query(sql);
    await client.end();
    const sqlite = new Database(sqliteFile);
    for (const sql of migrationSql(path.join(ROOT, "prisma/migrations"))) sqlite.exec(sql);
    sqlite.close();

    const ctx: BenchContext = { pgUrl, sqliteUrl: `file:${sqliteFile}` };
    const rows: BenchRow[] = [];
    for (const file of files) {
      console.log(`Running ${file}…`);
      const bench = (await import(pathToFileURL(path.join(HERE, file)).href)) as { default: (c: BenchContext) => Promise<BenchRow[]> };
      rows.push(...(await bench.default(ctx)));
    }
    console.log(`\n${table(rows)}\n`);
    // The page's table is one run of every bench: a run of some of them prints its rows and leaves the page alone.
    if (only) {
      console.log(`Only ${files.join(", ")} ran: ${path.relative(ROOT, REPORT)} is rewritten by a full \`npm run bench\``);
    } else {
      await writeReport(rows, new Date());
      console.log(`Results written to ${path.relative(ROOT, REPORT)}`);
    }
  } finally {
    if (ownCluster) execFileSync("sh", [path.join(ROOT, "scripts/pg-stop.sh"), pgDir]);
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(HERE, "run.ts")) {
  await main();
}
