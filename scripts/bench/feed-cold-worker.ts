// Cold builds of one venue feed, in its own process so DATABASE_URL picks the database (see feed.bench.ts). Each
// build empties the feed cache first, as a calendar's first request after the 30 s cache expired would find it. The
// process first does what server.ts does before it listens (warmFeedBuilder, which also opens the database
// connection; its time is reported), then RUNS builds (a server's first feeds after it starts), then RUNS more: a
// server that has been running, where feeds are built all day (calendars poll every few minutes to hours, longer than
// the cache lasts). Prints one JSON line.
import { performance } from "node:perf_hooks";
import { renderFeed, warmFeedBuilder } from "~/models/feeds.server";
import { db } from "~/utils/db.server";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const token = process.env.FEED_TOKEN!;

async function coldBuild(): Promise<number> {
  globalThis.__outreachFeedCache?.clear();
  const started = performance.now();
  const feed = await renderFeed(token);
  const ms = performance.now() - started;
  if (!feed?.body.includes("BEGIN:VEVENT")) throw new Error("the feed was not built");
  return ms;
}

async function timed() {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await coldBuild());
  runs.sort((a, b) => a - b);
  const at = (q: number) => runs[Math.min(runs.length - 1, Math.ceil(q * runs.length) - 1)];
  return { p50Ms: at(0.5), p95Ms: at(0.95), maxMs: runs.at(-1)! };
}

const warmUpStarted = performance.now();
await warmFeedBuilder();
const warmUpMs = performance.now() - warmUpStarted;
const freshProcess = await timed();
const runningServer = await timed();
console.log(JSON.stringify({ warmUpMs, runs: RUNS, freshProcess, runningServer }));
await db.$disconnect();
