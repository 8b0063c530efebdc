// Benchmark: a hall of 300 pupils submitting the questionnaire within 2 minutes to the real app server (production
// build, loopback, so every request comes from one address, as from a school's network), and the results page's
// counts for a programme-year of 200,000 responses on PostgreSQL. Needs `npm run build` first.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { BenchContext, BenchRow } from "./run";

const PUPILS = 300;
const AT_ONCE = 10; // phones submitting at the same moment
const HALL_TARGET_MS = 150;
const RESULTS_TARGET_MS = 100;
const HERE = import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname);
const ENV = {
  NODE_ENV: "production" as const,
  TZ: "UTC",
  OUTBOX_WORKER: "off",
  SESSION_SECRET: "benchmark-session-secret-0123456789abcdef",
  DISCLOSURE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

const worker = (url: string, mode: string) =>
  JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", path.join(HERE, "evaluation-worker.ts"), mode], {
      env: { ...process.env, ...ENV, DATABASE_URL: url },
      encoding: "utf8",
      maxBuffer: 10 * 1024 * 1024,
      stdio: ["ignore", "pipe", "inherit"],
    })
      .trim()
      .split("\n")
      .pop()!,
  );

async function waitFor(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}
const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM"))));

/** One pupil's answers, varied so the database sees realistic rows. */
const answers = (i: number) =>
  new URLSearchParams({
    "q1-before": String(1 + (i % 4)),
    "q1-now": String(3 + (i % 3)),
    "q2-before": String(1 + ((i + 1) % 4)),
    "q2-now": String(3 + ((i + 1) % 3)),
    "q3-before": String(1 + (i % 3)),
    "q3-now": "1",
    q4: String(1 + (i % 3)),
    "q5-before": String(1 + ((i + 2) % 4)),
    "q5-now": String(3 + ((i + 2) % 3)),
    "q6-before": String(1 + ((i + 1) % 3)),
    "q6-now": "1",
    q7: i % 20 === 0 ? "The play made me think about who I talk to online" : "",
  });

async function hall(database: BenchRow["database"], url: string, port: number): Promise<BenchRow> {
  const { code } = worker(url, "seed-hall") as { code: string };
  const base = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, ...ENV, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: url, APP_URL: base },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`${base}/healthz`);
    const times: number[] = [];
    let failures = 0;
    const t0 = performance.now();
    for (let next = 0; next < PUPILS; next += AT_ONCE) {
      await Promise.all(
        Array.from({ length: Math.min(AT_ONCE, PUPILS - next) }, async (_, k) => {
          const start = performance.now();
          const res = await fetch(`${base}/q/${code}`, {
            method: "POST",
            body: answers(next + k),
            headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, "Sec-Fetch-Site": "same-origin" },
            redirect: "manual",
          });
          times.push(performance.now() - start);
          if (res.status !== 302) failures++;
          await res.arrayBuffer();
        }),
      );
    }
    const totalSeconds = (performance.now() - t0) / 1000;
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    return {
      benchmark: `Questionnaire: a hall of ${PUPILS} pupils from one address, ${AT_ONCE} at a time`,
      database,
      figures: `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${at(1).toFixed(0)} ms; all ${PUPILS} in ${totalSeconds.toFixed(1)} s; ${failures} failures`,
      target: `p95 < ${HALL_TARGET_MS} ms, none refused, within 2 minutes`,
      met: at(0.95) < HALL_TARGET_MS && failures === 0 && totalSeconds < 120,
    };
  } finally {
    await stop(app);
  }
}

export default async function evaluationBench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  rows.push(await hall("SQLite", ctx.sqliteUrl, 3391));
  rows.push(await hall("PostgreSQL", ctx.pgUrl, 3392));
  const r = worker(ctx.pgUrl, "results") as { p50: number; p95: number; responses: number; answers: number; seedSeconds: number };
  rows.push({
    benchmark: `Evaluation results, a programme-year of ${r.responses.toLocaleString("en-GB")} responses (${r.answers.toLocaleString("en-GB")} answers)`,
    database: "PostgreSQL",
    figures: `p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms (10 runs after 2 warm-up; seeded in ${r.seedSeconds.toFixed(0)} s)`,
    target: `< ${RESULTS_TARGET_MS} ms`,
    met: r.p95 < RESULTS_TARGET_MS,
  });
  return rows;
}
