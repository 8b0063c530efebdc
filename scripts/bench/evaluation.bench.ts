// Benchmark: a hall of 300 pupils submitting the questionnaire within 2 minutes to the real app server (production
// build, loopback, so every request comes from one address, as from a school's network), the same 300 as fast as the
// server answers them (a stress test, about 20 times the hall's rate), and the results page's
// counts for a programme-year of 200,000 responses on PostgreSQL. Needs `npm run build` first.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { BenchContext, BenchRow } from "./run";

const PUPILS = 300;
const AT_ONCE = 10; // phones submitting at the same moment
const HALL_SECONDS = 120;
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

/**
 * How the hall's submissions arrive:
 * - "hall": the hall, 300 pupils within 2 minutes, each at a moment of their own (a fixed seed, so every run
 *   plays the same hall): about 2.5 a second, several at once where moments fall close together;
 * - "stress": AT_ONCE phones at the same moment, the next AT_ONCE as soon as those are answered (about 20 times the
 *   hall's rate, and never fewer than AT_ONCE waiting).
 */
type Shape = "hall" | "stress";

function arrivalMoments(count: number): number[] {
  let seed = 20261204; // mulberry32
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => Math.round(random() * (HALL_SECONDS - 10) * 1000)).sort((a, b) => a - b);
}

async function hall(database: BenchRow["database"], url: string, port: number, shape: Shape): Promise<BenchRow> {
  const { code } = worker(url, "seed-hall") as { code: string };
  const base = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, ["build/server.js"], {
    env: { ...process.env, ...ENV, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: url, APP_URL: base },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`${base}/healthz`);
    const times: number[] = [];
    let failures = 0;
    const submit = async (pupil: number) => {
      const start = performance.now();
      const res = await fetch(`${base}/q/${code}`, {
        method: "POST",
        body: answers(pupil),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, "Sec-Fetch-Site": "same-origin" },
        redirect: "manual",
      });
      times.push(performance.now() - start);
      if (res.status !== 302) failures++;
      await res.arrayBuffer();
    };
    const t0 = performance.now();
    if (shape === "stress") {
      for (let first = 0; first < PUPILS; first += AT_ONCE) {
        await Promise.all(Array.from({ length: Math.min(AT_ONCE, PUPILS - first) }, (_, k) => submit(first + k)));
      }
    } else {
      await Promise.all(
        arrivalMoments(PUPILS).map(async (at, pupil) => {
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - (performance.now() - t0))));
          await submit(pupil);
        }),
      );
    }
    const totalSeconds = (performance.now() - t0) / 1000;
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    return {
      benchmark:
        shape === "hall"
          ? `Questionnaire: a hall of ${PUPILS} pupils from one address within ${HALL_SECONDS / 60} minutes, each at a random moment`
          : `Questionnaire: ${PUPILS} pupils from one address, ${AT_ONCE} at a time, each ${AT_ONCE} as soon as the last are answered (stress)`,
      database,
      figures: `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${at(1).toFixed(0)} ms; all ${PUPILS} in ${totalSeconds.toFixed(1)} s; ${failures} failures`,
      target: `p95 < ${HALL_TARGET_MS} ms, none refused, within 2 minutes`,
      met: at(0.95) < HALL_TARGET_MS && failures === 0 && totalSeconds < HALL_SECONDS,
    };
  } finally {
    await stop(app);
  }
}

export default async function evaluationBench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const shape of ["hall", "stress"] as const) {
    rows.push(await hall("SQLite", ctx.sqliteUrl, 3391, shape));
    rows.push(await hall("PostgreSQL", ctx.pgUrl, 3392, shape));
  }
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
