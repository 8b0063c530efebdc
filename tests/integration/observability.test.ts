// Logs, metrics and readiness (issue 19, ADR 021), against the real server (server.ts + the build) where only it
// can answer: a request's log line names its route id, never the URL, a token or personal data; the error page
// and the log share the request id; /metrics refuses callers who are not allowed; the counters move.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeUser } from "../factories";
import { startAppServer, type AppServer } from "../setup/app-server";
import { createRouteFixture, type RouteFixture } from "../setup/route-fixture";
import { browserCookie } from "../setup/route-calls";
import { deliverDueMessages, messageKind } from "~/models/outbox.server";
import { metricsExposition } from "~/models/metrics.server";
import { loader as metricsLoader } from "~/routes/metrics";
import { loader as readyzLoader } from "~/routes/readyz";
import { createDb, db, usingPostgres } from "~/utils/db.server";
import { log } from "~/utils/log.server";
import { readiness } from "~/utils/readiness.server";

const METRICS_TOKEN = "test-metrics-token-0123456789abcdefghijklmnop";
let server: AppServer;
let f: RouteFixture;

beforeAll(async () => {
  f = await createRouteFixture();
  // X-Forwarded-For from the test (loopback, a trusted proxy) stands in for callers at other addresses.
  server = await startAppServer({
    TRUST_PROXY: "loopback",
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
    METRICS_ALLOW: "10.1.0.0/16, 2001:db8::/32",
    METRICS_TOKEN,
    OUTBOX_WORKER: "off",
  });
});
afterAll(async () => {
  await server?.stop();
});

type LogLine = Record<string, unknown> & { msg: string; level: number };

function logLines(): LogLine[] {
  return server
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as LogLine);
}

/** The request's log line, written when the response has been sent: waited for, not slept for. */
async function requestLine(requestId: string | null): Promise<LogLine> {
  expect(requestId).toBeTruthy();
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
    const line = logLines().find((l) => l.msg === "request" && l.requestId === requestId);
    if (line) return line;
  }
  throw new Error(`no log line for request ${requestId}:\n${server.output()}`);
}

/** The raw log text of one request: every line that carries its id. */
const linesOf = (requestId: string) =>
  server
    .output()
    .split("\n")
    .filter((l) => l.includes(requestId))
    .join("\n");

const scrape = async (headers: HeadersInit = { Authorization: `Bearer ${METRICS_TOKEN}` }) => {
  const res = await fetch(`${server.url}/metrics`, { headers });
  return { status: res.status, text: await res.text(), type: res.headers.get("content-type") };
};

/** A sample's value in the exposition text, 0 when the series is not there yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (m && m[1] === name && wanted.every((w) => (m[2] ?? "").split(",").includes(w))) return Number(m[3]);
  }
  return 0;
}

describe("request log lines", () => {
  it("name the route id of token URLs, never the token", async () => {
    const cases = [
      { path: `/respond/${f.tokens.invitation}`, route: "routes/respond.$token", token: f.tokens.invitation },
      { path: `/feeds/${f.tokens.venueFeed}.ics`, route: "routes/feeds.$token[.ics]", token: f.tokens.venueFeed },
      { path: `/reset-password/${f.tokens.passwordReset}`, route: "routes/reset-password.$token", token: f.tokens.passwordReset },
      { path: `/respond/${f.tokens.invitation}.data`, route: "routes/respond.$token", token: f.tokens.invitation },
    ];
    for (const c of cases) {
      const res = await fetch(`${server.url}${c.path}?utm=${c.token}`);
      await res.text();
      expect(res.status, c.path).toBe(200); // the feed through server.ts's fast path, beside the app's build
      const line = await requestLine(res.headers.get("x-request-id"));
      expect(line, c.path).toMatchObject({ method: "GET", route: c.route, status: res.status, userId: null });
      expect(typeof line.ms).toBe("number");
      expect(linesOf(String(line.requestId)), c.path).not.toContain(c.token);
    }
    expect(server.output()).not.toContain(f.tokens.invitation);
    expect(server.output()).not.toContain(f.tokens.venueFeed);
    expect(server.output()).not.toContain(f.tokens.passwordReset);
  });

  it("give a signed-in user's id and nothing else about them", async () => {
    const user = f.users.COORDINATOR;
    const res = await fetch(`${server.url}/programmes`, { headers: { Cookie: (await browserCookie(f, "COORDINATOR")) ?? "" } });
    await res.text();
    const line = await requestLine(res.headers.get("x-request-id"));
    expect(line).toMatchObject({ method: "GET", route: "routes/programmes._index", status: 200, userId: user.id });
    const text = linesOf(String(line.requestId));
    expect(text).not.toContain(user.email);
    expect(text).not.toContain(user.name);
  });

  it("of a failed sign-in hold neither the email address nor the password sent", async () => {
    const email = "someone.private@example.test";
    const res = await fetch(`${server.url}/sign-in`, {
      method: "POST",
      body: new URLSearchParams({ email, password: "a-secret-password-typed" }),
      redirect: "manual",
    });
    await res.text();
    expect(res.status).toBe(401);
    const line = await requestLine(res.headers.get("x-request-id"));
    expect(line).toMatchObject({ method: "POST", route: "routes/sign-in", status: 401, userId: null });
    expect(server.output()).not.toContain(email);
    expect(server.output()).not.toContain("someone.private");
    expect(server.output()).not.toContain("a-secret-password-typed");
  });

  it("label files as static and keep a sane X-Request-Id from a load balancer, replacing any other", async () => {
    const asset = await fetch(`${server.url}/assets/govuk-frontend.min.js`, { headers: { "X-Request-Id": "lb-7f3a9c21" } });
    await asset.text();
    expect(asset.headers.get("x-request-id")).toBe("lb-7f3a9c21");
    const odd = await fetch(`${server.url}/sign-in`, { headers: { "X-Request-Id": `${"x".repeat(65)}` } });
    await odd.text();
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9A-F]{8}$/);
    // Files are logged at debug; the histogram has them under "static" (checked below).
    const { text } = await scrape();
    expect(sample(text, "outreach_http_request_duration_seconds_count", { route: "static", method: "GET" })).toBeGreaterThan(0);
    expect(text).not.toContain("govuk-frontend.min.js");
  });
});

describe("error pages", () => {
  it("show the request id that the response header and the error's log line carry", async () => {
    const cookie = (await browserCookie(f, "COORDINATOR")) ?? "";
    // The programmes table is away for a moment: the page fails with an unexpected error.
    await db.$executeRawUnsafe(`ALTER TABLE "Programme" RENAME TO "ProgrammeAway"`);
    let res: Response;
    let html: string;
    try {
      res = await fetch(`${server.url}/programmes`, { headers: { Cookie: cookie } });
      html = await res.text();
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "ProgrammeAway" RENAME TO "Programme"`);
    }
    expect(res.status).toBe(500);
    const requestId = res.headers.get("x-request-id") ?? "";
    expect(html).toContain("Sorry, there is a problem with the service");
    expect(html.replaceAll("<!-- -->", "")).toContain(
      `give this reference: <strong class="govuk-!-font-weight-bold">${requestId}</strong>`,
    );
    expect(await requestLine(requestId)).toMatchObject({ route: "routes/programmes._index", status: 500, level: 50 });
    const errorLine = logLines().find((l) => l.msg === "unexpected error" && l.requestId === requestId);
    expect(errorLine).toMatchObject({ source: "request", level: 50 });
  });
  it("outside Remix too (the calendar feeds fast path): a 500 page with the reference, logged once, without the token", async () => {
    await db.$executeRawUnsafe(`ALTER TABLE "CalendarFeed" RENAME TO "CalendarFeedAway"`);
    let res: Response;
    let html: string;
    try {
      res = await fetch(`${server.url}/feeds/${f.tokens.teamFeed}.ics`);
      html = await res.text();
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "CalendarFeedAway" RENAME TO "CalendarFeed"`);
    }
    expect(res.status).toBe(500);
    const requestId = res.headers.get("x-request-id") ?? "";
    expect(html).toContain(`Reference: ${requestId}`);
    expect(await requestLine(requestId)).toMatchObject({ route: "routes/feeds.$token[.ics]", status: 500 });
    expect(logLines().filter((l) => l.msg === "unexpected error" && l.requestId === requestId)).toHaveLength(1);
    expect(server.output()).not.toContain(f.tokens.teamFeed);
  });
});

describe("/metrics", () => {
  it("refuses callers from other addresses, without a token or with a wrong one, with a bare 404", async () => {
    const refused: Record<string, string>[] = [
      {},
      { "X-Forwarded-For": "192.0.2.7" },
      { "X-Forwarded-For": "10.2.0.1" },
      { Authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}x` },
      { Authorization: `Bearer ${METRICS_TOKEN}`.toUpperCase() },
      { Authorization: METRICS_TOKEN },
    ];
    for (const headers of refused) {
      const res = await scrape(headers);
      expect(res.status, JSON.stringify(headers)).toBe(404);
      expect(res.text, JSON.stringify(headers)).not.toContain("outreach_");
    }
    const post = await fetch(`${server.url}/metrics`, { method: "POST", headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(post.status).toBe(405);
    expect(await post.text()).not.toContain("outreach_");
  });

  it("answers allowed addresses (IPv4 and IPv6 ranges) and the bearer token", async () => {
    const allowed: Record<string, string>[] = [
      { "X-Forwarded-For": "10.1.200.3" },
      { "X-Forwarded-For": "2001:db8::17" },
      { Authorization: `Bearer ${METRICS_TOKEN}` },
    ];
    for (const headers of allowed) {
      const res = await scrape(headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(res.type).toContain("text/plain");
      expect(res.text).toContain("# TYPE outreach_http_request_duration_seconds histogram");
      expect(res.text).toContain("outreach_outbox_unsent_messages");
    }
  });

  it("lets loopback callers in by default (METRICS_ALLOW unset), IPv4-mapped too, and no one else", async () => {
    const call = (ip: string) =>
      metricsLoader({ request: new Request("http://x/metrics", { headers: { "x-client-ip": ip } }), params: {}, context: {} as never });
    expect((await call("127.0.0.1")).status).toBe(200);
    expect((await call("::ffff:127.0.0.1")).status).toBe(200);
    expect((await call("::1")).status).toBe(200);
    await expect(call("192.0.2.1")).rejects.toMatchObject({ status: 404 });
  });

  it("counts requests in the latency histogram by route id, method and status class", async () => {
    const labels = { route: "routes/sign-in", method: "GET", status_class: "2xx" };
    const before = sample((await scrape()).text, "outreach_http_request_duration_seconds_count", labels);
    const ids: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/sign-in`);
      await res.text();
      ids.push(res.headers.get("x-request-id"));
    }
    // Each sample is taken with the log line, so once the lines are there the histogram has them.
    for (const id of ids) await requestLine(id);
    const after = (await scrape()).text;
    expect(sample(after, "outreach_http_request_duration_seconds_count", labels)).toBe(before + 3);
    expect(sample(after, "outreach_http_request_duration_seconds_bucket", { ...labels, le: "+Inf" })).toBe(before + 3);
  });

  it("counts failed sign-ins and the lock-out they cause, without logging the address", async () => {
    const user = await makeUser(db, { roles: ["COORDINATOR"], email: "to-be-locked@example.test" });
    const before = (await scrape()).text;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/sign-in`, {
        method: "POST",
        body: new URLSearchParams({ email: user.email, password: `wrong-password-${i}` }),
        redirect: "manual",
      });
      await res.text();
      await requestLine(res.headers.get("x-request-id"));
    }
    const after = (await scrape()).text;
    expect(sample(after, "outreach_account_lockouts_total")).toBe(sample(before, "outreach_account_lockouts_total") + 1);
    const failures = (text: string) =>
      sample(text, "outreach_sign_in_failures_total", { reason: "invalid" }) +
      sample(text, "outreach_sign_in_failures_total", { reason: "locked" });
    expect(failures(after)).toBe(failures(before) + 5);
    expect(sample(after, "outreach_sign_in_failures_total", { reason: "locked" })).toBeGreaterThan(0);
    expect(server.output()).not.toContain(user.email);
  });

  it("times waits for a PostgreSQL connection (and has none on SQLite)", async () => {
    const text = (await scrape()).text;
    const acquired = sample(text, "outreach_db_pool_acquire_seconds_count");
    if (usingPostgres()) {
      expect(acquired).toBeGreaterThan(0);
      expect(sample(text, "outreach_db_pool_clients", { state: "total" })).toBeGreaterThan(0);
    } else {
      expect(acquired).toBe(0);
      expect(sample(text, "outreach_db_pool_clients", { state: "total" })).toBe(0);
    }
  });
});

describe("outbox figures", () => {
  it("give the unsent depth, the age of the oldest unsent email and the failed count, from the database", async () => {
    await db.outboxMessage.deleteMany();
    const now = new Date("2026-11-05T10:00:00Z");
    const ago = (s: number) => new Date(now.getTime() - s * 1000);
    const email = { to: "venue@example.test", subject: "s", text: "t" };
    await db.outboxMessage.createMany({
      data: [
        { ...email, status: "PENDING", createdAt: ago(600) },
        { ...email, status: "SENDING", createdAt: ago(120), lockedAt: ago(5), lockedBy: "w" },
        { ...email, status: "PENDING", createdAt: ago(30), attempts: 2 },
        { ...email, status: "FAILED", createdAt: ago(7200) },
        { ...email, status: "SENT", createdAt: ago(9000), sentAt: ago(8000) },
      ],
    });
    const { body } = await metricsExposition(now);
    expect(sample(body, "outreach_outbox_unsent_messages")).toBe(3);
    expect(sample(body, "outreach_outbox_oldest_unsent_age_seconds")).toBe(600);
    expect(sample(body, "outreach_outbox_failed_messages")).toBe(1);

    await db.outboxMessage.updateMany({ where: { status: { in: ["PENDING", "SENDING"] } }, data: { status: "SENT" } });
    const empty = (await metricsExposition(now)).body;
    expect(sample(empty, "outreach_outbox_unsent_messages")).toBe(0);
    expect(sample(empty, "outreach_outbox_oldest_unsent_age_seconds")).toBe(0);
  });

  it("log each delivery with the message id, kind, outcome, attempt and duration, and no address or text", async () => {
    await db.outboxMessage.deleteMany();
    const sent = await db.outboxMessage.create({
      data: { to: "head@school.example.test", subject: "Reminder: session", text: "Dear Ms Private", dedupeKey: "reminder:inv1:7:x" },
    });
    const bounced = await db.outboxMessage.create({
      data: { to: "nobody@school.example.test", subject: "Invitation", text: "Hello", icsMethod: "REQUEST" },
    });
    const info = vi.spyOn(log, "info");
    const warn = vi.spyOn(log, "warn");
    try {
      await deliverDueMessages({
        workerId: "test-worker",
        maxAttempts: 3,
        send: async (m) => {
          if (m.id === bounced.id)
            throw Object.assign(new Error("550 5.1.1 <nobody@school.example.test>: no such user"), { responseCode: 550 });
        },
      });
      const calls = [...info.mock.calls, ...warn.mock.calls].filter((c) => c[1] === "outbox delivery").map((c) => c[0] as object);
      expect(calls).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ messageId: sent.id, kind: "reminder", outcome: "sent", attempt: 1, ms: expect.any(Number) }),
          expect.objectContaining({ messageId: bounced.id, kind: "calendar-request", outcome: "retry", attempt: 1, error: "550" }),
        ]),
      );
      const text = JSON.stringify(calls);
      for (const secret of ["school.example.test", "Dear Ms Private", "Reminder: session", "no such user"])
        expect(text).not.toContain(secret);
    } finally {
      info.mockRestore();
      warn.mockRestore();
    }
    expect(messageKind({ dedupeKey: null, icsMethod: null })).toBe("email");
  });
});

describe("/readyz", () => {
  it("is 200 when every shipped migration has been applied", async () => {
    const res = await readyzLoader();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok", migrations: "current" });
  });

  it("is 503 while a shipped migration is missing from the database, and 200 again once it is applied", async () => {
    const [latest] = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`,
    );
    const hide = (from: string, to: string) =>
      db.$executeRaw`UPDATE _prisma_migrations SET migration_name = ${to} WHERE migration_name = ${from}`;
    await hide(latest.migration_name, `${latest.migration_name}-not-yet`);
    try {
      const res = await readyzLoader();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "unavailable", database: "ok", migrations: "behind", pending: 1, failed: 0 });
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await hide(`${latest.migration_name}-not-yet`, latest.migration_name);
    }
    expect((await readyzLoader()).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it("is not ready while a migration has started and not finished", async () => {
    await db.$executeRawUnsafe(
      `UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = (SELECT MIN(migration_name) FROM _prisma_migrations)`,
    );
    try {
      expect(await readiness()).toMatchObject({ ready: false, migrations: "behind", failed: 1, pending: 1 });
    } finally {
      await db.$executeRawUnsafe(`UPDATE _prisma_migrations SET finished_at = started_at WHERE finished_at IS NULL`);
    }
    expect(await readiness()).toMatchObject({ ready: true });
  });

  it("is 503 when the database does not answer", async () => {
    const unreachable = createDb("postgresql://nobody:nothing@127.0.0.1:9/none?connect_timeout=1");
    try {
      expect(await readiness(unreachable)).toEqual({ ready: false, database: "unreachable" });
    } finally {
      await unreachable.$disconnect().catch(() => {});
    }
  });
});
