// Prometheus metrics (prom-client, ADR 021): what this process counts and times. Figures that must be the same on
// every server (the outbox queue) are read from the database at scrape time by app/models/metrics.server.ts.
// Who may read them: metricsCallerAllowed below, used by app/routes/metrics.ts.
import { createHash, timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";
import type { Pool } from "pg";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { env } from "./env.server";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "outreach_" });
  const pools = new Set<Pool>();
  return {
    registry,
    pools,
    httpDuration: new Histogram({
      name: "outreach_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by Remix route id (static, unmatched for the rest), method and status class",
      labelNames: ["route", "method", "status_class"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: "outreach_errors_total",
      help: "Unexpected errors logged, by where they happened (request, outbox-worker, replies, tour-plan …)",
      labelNames: ["source"] as const,
      registers: [registry],
    }),
    dbPoolAcquire: new Histogram({
      name: "outreach_db_pool_acquire_seconds",
      help: "PostgreSQL only: time from asking the connection pool for a connection to getting one (waiting for a free one, or opening one)",
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    dbPoolClients: new Gauge({
      name: "outreach_db_pool_clients",
      help: "PostgreSQL only: connections in the pool (total, idle) and requests waiting for one (waiting), at scrape time",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        for (const pool of pools) if (pool.ending) pools.delete(pool);
        const live = [...pools];
        const sum = (read: (p: Pool) => number) => live.reduce((n, p) => n + read(p), 0);
        this.set(
          { state: "total" },
          sum((p) => p.totalCount),
        );
        this.set(
          { state: "idle" },
          sum((p) => p.idleCount),
        );
        this.set(
          { state: "waiting" },
          sum((p) => p.waitingCount),
        );
      },
    }),
    outboxUnsent: new Gauge({
      name: "outreach_outbox_unsent_messages",
      help: "Emails waiting to be sent (pending or being sent), read from the database at scrape time",
      registers: [registry],
    }),
    outboxOldestUnsentAge: new Gauge({
      name: "outreach_outbox_oldest_unsent_age_seconds",
      help: "Age of the oldest email not yet sent (0 when none), read from the database at scrape time",
      registers: [registry],
    }),
    outboxFailed: new Gauge({
      name: "outreach_outbox_failed_messages",
      help: "Emails given up on after OUTBOX_MAX_ATTEMPTS (listed at /outbox for a retry), read from the database at scrape time",
      registers: [registry],
    }),
    outboxDeliveries: new Counter({
      name: "outreach_outbox_deliveries_total",
      help: "Delivery attempts by this process's outbox worker, by kind of email and outcome (sent, retry, failed)",
      labelNames: ["kind", "outcome"] as const,
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: "outreach_job_runs_total",
      help: "Background job runs in this process, by job and outcome (ok, error)",
      labelNames: ["job", "outcome"] as const,
      registers: [registry],
    }),
    inboundReplies: new Counter({
      name: "outreach_inbound_replies_total",
      help: "Inbound calendar replies processed by this process, by source (SMTP, IMAP) and outcome",
      labelNames: ["source", "outcome"] as const,
      registers: [registry],
    }),
    signInFailures: new Counter({
      name: "outreach_sign_in_failures_total",
      help: "Failed sign-in steps (password or code), by reason",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    accountLockouts: new Counter({
      name: "outreach_account_lockouts_total",
      help: "Accounts locked after too many failed sign-in steps in a row",
      registers: [registry],
    }),
  };
}

declare global {
  // server.ts and the Remix build each load this module: one registry for both.
  var __outreachMetrics: ReturnType<typeof createMetrics> | undefined;
}

export const metrics = (globalThis.__outreachMetrics ??= createMetrics());

/** Count and time the connections a PostgreSQL pool hands out (pool.query and the adapter's transactions both connect). */
export function watchPool(pool: Pool) {
  metrics.pools.add(pool);
  const connect = pool.connect.bind(pool) as (callback?: (...args: unknown[]) => void) => Promise<unknown> | undefined;
  pool.connect = ((callback?: (...args: unknown[]) => void) => {
    const stop = metrics.dbPoolAcquire.startTimer();
    if (callback) {
      return connect((...args: unknown[]) => {
        stop();
        callback(...args);
      });
    }
    return connect()?.finally(stop);
  }) as Pool["connect"];
}

/** "2xx" … "5xx". */
export const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** The method as a label: anything unusual is one label, so a caller cannot invent new series. */
export const methodLabel = (method: string) => (METHODS.has(method) ? method : "OTHER");

// ───────────── Who may read /metrics ─────────────

/** "::ffff:10.0.0.1" (an IPv4 caller on a dual-stack socket) is 10.0.0.1. */
const plainAddress = (ip: string) => ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

function addressList(ranges: string): BlockList {
  const list = new BlockList();
  for (const range of ranges
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean)) {
    const [address, bits] = range.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    list.addSubnet(address, bits === undefined ? (type === "ipv4" ? 32 : 128) : Number(bits), type);
  }
  return list;
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * May this caller read the metrics? From an allowed address, or with the bearer token (compared in constant time:
 * both sides are hashed to the same length first).
 */
function metricsCallerAllowed(caller: { ip: string | null; authorization: string | null }, rules: { allow: BlockList; token?: string }) {
  const bearer = /^Bearer (\S+)$/i.exec(caller.authorization ?? "")?.[1];
  if (rules.token && bearer && timingSafeEqual(digest(bearer), digest(rules.token))) return true;
  if (!caller.ip) return false;
  const ip = plainAddress(caller.ip);
  const family = isIP(ip);
  return family !== 0 && rules.allow.check(ip, family === 6 ? "ipv6" : "ipv4");
}

let allowed: { ranges: string; list: BlockList } | undefined;

/** The check for app/routes/metrics.ts: METRICS_ALLOW and METRICS_TOKEN applied to a caller. */
export function mayReadMetrics(caller: { ip: string | null; authorization: string | null }): boolean {
  const { METRICS_ALLOW, METRICS_TOKEN } = env();
  if (allowed?.ranges !== METRICS_ALLOW) allowed = { ranges: METRICS_ALLOW, list: addressList(METRICS_ALLOW) };
  return metricsCallerAllowed(caller, { allow: allowed.list, token: METRICS_TOKEN });
}
