// p50/p95 of reachFigures (a financial year), the dashboard (this year and last), the quarterly report (five columns,
// and the year before) and the annual review PDF over 200,000 sessions with pupil counts and disclosures (targets from
// issue 17, set for PostgreSQL on a national-scale dataset: see reports-worker.ts for the BENCH_* scale settings). Each database runs in its own process (reports-worker.ts): the app's Prisma client is
// chosen by DATABASE_URL at start-up.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { BenchContext, BenchRow } from "./run";

const REACH_TARGET_MS = 250;
const DASHBOARD_TARGET_MS = 50;
const QUARTERLY_TARGET_MS = 100;
const ANNUAL_PDF_TARGET_MS = 1000;

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
    const r = JSON.parse(out.trim().split("\n").pop()!) as {
      reach: Timing;
      dashboard: Timing;
      quarterly: Timing;
      annualPdf: Timing;
      dashboardRunning: Timing;
      quarterlyRunning: Timing;
      sessions: number;
      countRows: number;
      registerEntries: number;
      disclosures: number;
      venues: number;
      seedSeconds: number;
    };
    const figures = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, max ${t.max.toFixed(1)} ms (${t.runs} runs)`;
    const n = (value: number) => value.toLocaleString("en-GB");
    const sessions = `${n(r.sessions)} sessions, ${n(r.countRows)} count rows, ${n(r.registerEntries)} register entries, ${n(r.disclosures)} disclosures, ${n(r.venues)} venues`;
    rows.push(
      {
        benchmark: `reachFigures for a financial year, ${sessions}`,
        database,
        figures: `${figures(r.reach)}; seeded in ${r.seedSeconds.toFixed(0)} s`,
        target: `p95 < ${REACH_TARGET_MS} ms`,
        met: r.reach.p95 < REACH_TARGET_MS,
      },
      {
        benchmark: `Reach dashboard for a financial year and the year before, first runs of the process, ${sessions}`,
        database,
        figures: figures(r.dashboard),
        target: `p95 < ${DASHBOARD_TARGET_MS} ms`,
        met: r.dashboard.p95 < DASHBOARD_TARGET_MS,
      },
      {
        benchmark: `Reach dashboard, the same in a running server (after the runs above)`,
        database,
        figures: figures(r.dashboardRunning),
        target: `p95 < ${DASHBOARD_TARGET_MS} ms`,
        met: r.dashboardRunning.p95 < DASHBOARD_TARGET_MS,
      },
      {
        benchmark: `Quarterly report (4 quarters + year to date, and the year before), first runs of the process, ${sessions}`,
        database,
        figures: figures(r.quarterly),
        target: `p95 < ${QUARTERLY_TARGET_MS} ms`,
        met: r.quarterly.p95 < QUARTERLY_TARGET_MS,
      },
      {
        benchmark: `Quarterly report, the same in a running server (after the runs above)`,
        database,
        figures: figures(r.quarterlyRunning),
        target: `p95 < ${QUARTERLY_TARGET_MS} ms`,
        met: r.quarterlyRunning.p95 < QUARTERLY_TARGET_MS,
      },
      {
        benchmark: `Annual review PDF (academic year), ${sessions}`,
        database,
        figures: figures(r.annualPdf),
        target: `p95 < ${ANNUAL_PDF_TARGET_MS} ms`,
        met: r.annualPdf.p95 < ANNUAL_PDF_TARGET_MS,
      },
    );
  }
  return rows;
}
