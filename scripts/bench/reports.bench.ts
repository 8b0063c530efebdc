// p50/p95 of reachFigures (a financial year) and of the quarterly report (five columns) over 200,000 sessions with
// pupil counts and disclosures. Each database runs in its own process (reports-worker.ts): the app's Prisma client is
// chosen by DATABASE_URL at start-up.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { BenchContext, BenchRow } from "./run";

const REACH_TARGET_MS = 250;
const QUARTERLY_TARGET_MS = 2000;

type Timing = { p50: number; p95: number; max: number; runs: number };

export default async function reportsBench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [database, url] of [
    ["SQLite", ctx.sqliteUrl],
    ["PostgreSQL", ctx.pgUrl],
  ] as const) {
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), "reports-worker.ts")],
      {
        env: {
          ...process.env,
          DATABASE_URL: url,
          NODE_ENV: "production",
          TZ: "UTC",
          SESSION_SECRET: "bench-only-secret-0123456789abcdefghijkl",
          DISCLOSURE_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
        },
        encoding: "utf8",
        maxBuffer: 10 * 1024 * 1024,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const r = JSON.parse(out.trim().split("\n").pop()!) as { reach: Timing; quarterly: Timing; sessions: number; seedSeconds: number };
    const figures = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, max ${t.max.toFixed(1)} ms (${t.runs} runs)`;
    const sessions = `${r.sessions.toLocaleString("en-GB")} sessions`;
    rows.push(
      {
        benchmark: `reachFigures for a financial year, ${sessions}`,
        database,
        figures: `${figures(r.reach)}; seeded in ${r.seedSeconds.toFixed(0)} s`,
        target: `p95 < ${REACH_TARGET_MS} ms`,
        met: r.reach.p95 < REACH_TARGET_MS,
      },
      {
        benchmark: `Quarterly report (4 quarters + year to date), ${sessions}`,
        database,
        figures: figures(r.quarterly),
        target: `p95 < ${QUARTERLY_TARGET_MS} ms`,
        met: r.quarterly.p95 < QUARTERLY_TARGET_MS,
      },
    );
  }
  return rows;
}
