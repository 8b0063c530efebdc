// Benchmark: a venue's calendar feed with 500 sessions, served by the real app server (production build, on
// loopback), against a plain node:http server returning the same bytes; and its cold build (feed-cold-worker.ts).
// Run by scripts/bench/run.ts, or alone:
//   npm run build && npx tsx scripts/bench/feed.bench.ts <sqlite-url> [postgres-url]
// The databases must be migrated; this adds one venue, its sessions and a feed to each.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import { createDb } from "~/utils/db.server";
import { addDays, todayInLondon } from "~/utils/time";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { makeProgramme, makeSession, makeTeam, makeVenue } from "../../tests/factories";

export type BenchRow = { benchmark: string; database: "SQLite" | "PostgreSQL"; figures: string; target: string; met: boolean };

const SESSIONS = 500;
const DURATION_S = 4;
const ROUNDS = 2;
const CONNECTIONS = 10;

async function seedVenueFeed(url: string): Promise<string> {
  const client = createDb(url);
  try {
    const programme = await makeProgramme(client, { name: "Somebody's Daughter" });
    const team = await makeTeam(client);
    const venue = await makeVenue(client, { name: `Benchmark School ${Date.now()}` });
    const first = addDays(todayInLondon(), -200);
    for (let i = 0; i < SESSIONS; i++) {
      await makeSession(client, {
        programmeId: programme.id,
        venueId: venue.id,
        teamId: team.id,
        date: addDays(first, Math.floor(i / 2)),
        start: i % 2 ? "13:00" : "09:30",
        end: i % 2 ? "14:30" : "11:00",
        status: i % 10 === 0 ? "CANCELLED" : "CONFIRMED",
      });
    }
    const token = generateToken();
    await client.calendarFeed.create({ data: { scope: "VENUE", venueId: venue.id, tokenHash: hashToken(token) } });
    return token;
  } finally {
    await client.$disconnect();
  }
}

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
}

async function waitFor(url: string) {
  for (let i = 0; i < 300; i++) {
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
const load = (url: string) => autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });

type Percentiles = { p50Ms: number; p95Ms: number; maxMs: number };
type ColdBuilds = { warmUpMs: number; runs: number; freshProcess: Percentiles; runningServer: Percentiles };
const figuresOf = (p: Percentiles, runs: number) =>
  `p95 ${p.p95Ms.toFixed(1)} ms, p50 ${p.p50Ms.toFixed(1)} ms, max ${p.maxMs.toFixed(1)} ms over ${runs} builds`;

/** Times cold builds of the feed in a process of its own (feed-cold-worker.ts), with the app's code and database. */
function coldBuilds(url: string, token: string): Promise<ColdBuilds> {
  return new Promise((resolve, reject) => {
    const worker = spawn(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), "feed-cold-worker.ts")],
      {
        env: {
          ...process.env,
          DATABASE_URL: url,
          FEED_TOKEN: token,
          NODE_ENV: "production",
          TZ: "UTC",
          SESSION_SECRET: "benchmark-session-secret-0123456789abcdef",
          DISCLOSURE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
        },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    worker.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    worker.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!) as ColdBuilds) : reject(new Error(`feed-cold-worker exited ${code}`)),
    );
  });
}

async function benchOne(database: BenchRow["database"], url: string, port: number): Promise<BenchRow[]> {
  const token = await seedVenueFeed(url);
  // Before the app server starts, so its start-up does not share the CPU with the builds being timed.
  const cold = await coldBuilds(url, token);
  const app = start(process.execPath, ["build/server.js"], {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: url,
    NODE_ENV: "production",
    OUTBOX_WORKER: "off",
    TZ: "UTC",
    APP_URL: `http://127.0.0.1:${port}`,
    SESSION_SECRET: "benchmark-session-secret-0123456789abcdef",
    DISCLOSURE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  });
  const plainPort = port + 1;
  let plain: ChildProcess | undefined;
  try {
    await waitFor(`http://127.0.0.1:${port}/healthz`);
    const feedUrl = `http://127.0.0.1:${port}/feeds/${token}.ics`;
    const t0 = performance.now();
    const first = await fetch(feedUrl);
    const body = await first.text();
    const firstMs = performance.now() - t0;
    if (first.status !== 200 || !body.includes("BEGIN:VEVENT")) throw new Error(`feed answered ${first.status}`);

    // The same bytes from a bare node:http server in its own process, as the yardstick.
    const file = path.join(mkdtempSync(path.join(tmpdir(), "feed-bench-")), "feed.ics");
    writeFileSync(file, body);
    plain = start(
      process.execPath,
      [
        "-e",
        `
      const body = require("node:fs").readFileSync(${JSON.stringify(file)});
      require("node:http").createServer((req, res) => { res.writeHead(200, { "Content-Type": "text/calendar; charset=utf-8", "Content-Length": body.length }); res.end(body); })
        .listen(${plainPort}, "127.0.0.1");
    `,
      ],
      {},
    );
    await waitFor(`http://127.0.0.1:${plainPort}/`);

    // Alternate rounds and keep the best of each, so load from other processes on the machine skews less.
    const appRuns: Result[] = [];
    const plainRuns: Result[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      appRuns.push(await load(feedUrl));
      plainRuns.push(await load(`http://127.0.0.1:${plainPort}/`));
    }
    const best = (runs: Result[]) => runs.reduce((a, b) => (b.requests.average > a.requests.average ? b : a));
    const appResult = best(appRuns);
    const plainResult = best(plainRuns);
    const ratio = appResult.requests.average / plainResult.requests.average;
    const failures = appRuns.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
    return [
      {
        benchmark: `Venue feed, ${SESSIONS} sessions: cold build (feed cache empty), a server's first ${cold.runs} after it starts`,
        database,
        figures: `${figuresOf(cold.freshProcess, cold.runs)}, after its start-up warm-up (${cold.warmUpMs.toFixed(0)} ms, opens the connection)`,
        target: "p95 < 25 ms",
        met: cold.freshProcess.p95Ms < 25,
      },
      {
        benchmark: `Venue feed, ${SESSIONS} sessions: cold build (feed cache empty), in a running server`,
        database,
        figures: `${figuresOf(cold.runningServer, cold.runs)}, after ${cold.runs + 1} builds`,
        target: "p95 < 25 ms",
        met: cold.runningServer.p95Ms < 25,
      },
      {
        benchmark: `Venue feed, ${SESSIONS} sessions (${Math.round(body.length / 1024)} KB): latency`,
        database,
        // autocannon reports p97.5, not p95: p97.5 is an upper bound of p95.
        figures: `p97.5 ${appResult.latency.p97_5} ms (so p95 ≤ that), p50 ${appResult.latency.p50} ms, first request (uncached) ${firstMs.toFixed(0)} ms; ${CONNECTIONS} connections, best of ${ROUNDS} × ${DURATION_S} s, ${failures} failures`,
        target: "p95 < 50 ms",
        met: appResult.latency.p97_5 < 50 && failures === 0,
      },
      {
        benchmark: `Venue feed, ${SESSIONS} sessions: throughput vs plain node:http`,
        database,
        figures: `${Math.round(appResult.requests.average)} req/s vs ${Math.round(plainResult.requests.average)} req/s (${Math.round(ratio * 100)}%)`,
        target: "≥ 50% of plain node:http",
        met: ratio >= 0.5,
      },
    ];
  } finally {
    await stop(app);
    if (plain) await stop(plain);
  }
}

export default async function feedBench(ctx: { pgUrl: string; sqliteUrl: string }): Promise<BenchRow[]> {
  if (!existsSync("build/index.js")) throw new Error("Run `npm run build` first: the benchmark serves the production build");
  const rows = await benchOne("SQLite", ctx.sqliteUrl, 3931);
  if (ctx.pgUrl) rows.push(...(await benchOne("PostgreSQL", ctx.pgUrl, 3933)));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [sqliteUrl, pgUrl = ""] = process.argv.slice(2);
  if (!sqliteUrl) throw new Error("Usage: tsx scripts/bench/feed.bench.ts <sqlite-url> [postgres-url]");
  console.table(await feedBench({ sqliteUrl, pgUrl }));
}
