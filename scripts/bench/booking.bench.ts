// p50/p95 of bookSession with every check against a database holding 200,000 sessions. Each database runs in its
// own process (booking-worker.ts) because the app's Prisma client is chosen by DATABASE_URL at start-up.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { BenchContext, BenchRow } from "./run";

const TARGET_MS = 30;

export default async function bookingBench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [database, url] of [
    ["SQLite", ctx.sqliteUrl],
    ["PostgreSQL", ctx.pgUrl],
  ] as const) {
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), "booking-worker.ts")],
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
    const r = JSON.parse(out.trim().split("\n").pop()!) as {
      p50: number;
      p95: number;
      max: number;
      bookings: number;
      sessions: number;
      seedSeconds: number;
    };
    rows.push({
      benchmark: `bookSession, all checks, ${r.sessions.toLocaleString("en-GB")} sessions in the database`,
      database,
      figures: `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (${r.bookings} bookings; seeded in ${r.seedSeconds.toFixed(0)} s)`,
      target: `p95 < ${TARGET_MS} ms`,
      met: r.p95 < TARGET_MS,
    });
  }
  return rows;
}
