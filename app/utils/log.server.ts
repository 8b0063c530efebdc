// The one logger (pino, ADR 021): JSON lines in production, one readable line per event in the demo and development.
// Log lines carry ids, names of things (route ids, job names, outcomes), counts and durations; never names,
// email addresses, tokens, URLs, disclosure text or anything a user typed. The redaction list below is a second
// line of defence for a field that slips through, not a licence to log whole objects.
import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type Logger } from "pino";
import pretty from "pino-pretty";
import { env } from "./env.server";
import { metrics } from "./metrics.server";

/** What every line logged while serving one request carries. */
export type RequestScope = { requestId: string; userId?: string };

type Shared = { logger: Logger; scope: AsyncLocalStorage<RequestScope> };

declare global {
  // server.ts and the Remix build each load this module: one logger and one request scope for both.
  var __outreachLog: Shared | undefined;
}

// Fields that must never reach a log line with a value, at the top level or one object down.
const SECRET_FIELDS = [
  "email",
  "to",
  "from",
  "name",
  "password",
  "token",
  "url",
  "subject",
  "text",
  "html",
  "body",
  "headers",
  "cookie",
  "authorization",
  "disclosure",
];
export const REDACTED = "[redacted]";

function createShared(): Shared {
  const config = env();
  const readable = (config.LOG_FORMAT ?? (config.DEMO_MODE || config.NODE_ENV === "development" ? "pretty" : "json")) === "pretty";
  const scope = new AsyncLocalStorage<RequestScope>();
  const logger = pino(
    {
      level: config.LOG_LEVEL ?? (config.NODE_ENV === "test" ? "warn" : "info"),
      base: { pid: process.pid },
      redact: { paths: SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]), censor: REDACTED },
      serializers: { err: serializeError },
      // Lines written while serving a request name it, so an error can be found from the reference on its page.
      mixin: () => {
        const current = scope.getStore();
        return current ? { requestId: current.requestId } : {};
      },
    },
    readable
      ? pretty({
          sync: true,
          colorize: process.stdout.isTTY,
          translateTime: "HH:MM:ss",
          singleLine: true,
          ignore: "pid,hostname,method,route,status,ms",
          messageFormat: readableMessage,
        })
      : undefined,
  );
  return { logger, scope };
}

/** The demo's line: "GET routes/sign-in 200 (12 ms)" for a request, the message and its duration for the rest. */
function readableMessage(line: Record<string, unknown>, messageKey: string): string {
  const ms = typeof line.ms === "number" ? ` (${line.ms} ms)` : "";
  if (line[messageKey] === "request") return `${String(line.method)} ${String(line.route)} ${String(line.status)}${ms}`;
  return `${String(line[messageKey] ?? "")}${ms}`;
}

const shared = (globalThis.__outreachLog ??= createShared());

export const log: Logger = shared.logger;

/** Run `next` (the rest of a request) with its scope: lines logged inside carry its request id. */
export function withRequestScope<T>(requestScope: RequestScope, next: () => T): T {
  return shared.scope.run(requestScope, next);
}

/** The signed-in user of the current request, for its log line (an id only). */
export function noteRequestUser(userId: string) {
  const current = shared.scope.getStore();
  if (current) current.userId = userId;
}

/** Only the error's kind, message, code and a few stack frames: error objects can carry addresses or rows. */
function serializeError(error: unknown) {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  return {
    type: e.name,
    message: e.message,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    stack: e.stack?.split("\n").slice(1, 6).join("\n"),
  };
}

/** An unexpected error. `where` says where it happened; the request id is added inside a request. */
export function logError(error: unknown, where: { source: string; requestId?: string }) {
  metrics.errors.inc({ source: where.source });
  log.error({ err: error, source: where.source, ...(where.requestId ? { requestId: where.requestId } : {}) }, "unexpected error");
}

/**
 * Run one pass of a background job: a log line (job, outcome, duration, and the counts it returns) and
 * outreach_job_runs_total. A failure is logged and counted, and the caller carries on (undefined). A pass that
 * did nothing (every count 0) is logged at debug, so a job polling every few seconds does not fill the log.
 * With rethrow the failure is logged, counted and thrown on, for a caller that records it (a tour plan's status).
 */
export async function runJob<T extends Record<string, number> | void>(
  job: string,
  run: () => Promise<T>,
  options: { rethrow?: boolean } = {},
): Promise<T | undefined> {
  const started = performance.now();
  try {
    const counts = await run();
    const ms = Math.round(performance.now() - started);
    metrics.jobRuns.inc({ job, outcome: "ok" });
    const idle = counts && Object.values(counts).every((n) => n === 0);
    const line: Record<string, unknown> = { job, outcome: "ok", ms, ...counts };
    log[idle ? "debug" : "info"](line, "job");
    return counts;
  } catch (error) {
    metrics.jobRuns.inc({ job, outcome: "error" });
    log.error({ job, outcome: "error", ms: Math.round(performance.now() - started), err: error }, "job");
    metrics.errors.inc({ source: job });
    if (options.rethrow) throw error;
    return undefined;
  }
}
