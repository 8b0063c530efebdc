// npm run soak [-- --minutes N] [--no-pg-restart] [--database-url postgresql://…]
//
// A bounded soak and fault test on loopback (docs/decisions/022-soak-and-fault-test.md): a throwaway PostgreSQL with
// the demo data, three app servers (ports 3400-3402, OUTBOX_WORKER=off) and two outbox workers sending to a mail sink
// in this process, under a busy council morning's mix for N minutes (10 by default). Meanwhile one app server is
// killed with SIGKILL and restarted, one worker is killed in the middle of a send and restarted, and PostgreSQL is
// stopped and started while a message is being sent (unless --no-pg-restart). Then the queue drains and the run is
// checked against the database and the sink; the exit code is 1 when an invariant fails. It uses the existing build
// (npm run build): it builds nothing. With --database-url it makes (and drops) its own database on that server
// instead of starting a cluster, and must be given --no-pg-restart. Full runs (10 minutes or more) write their
// figures to docs/performance.md. Every child process is stopped at the end, on failure and on Ctrl-C.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import prettier from "prettier";
import { migrationSql } from "../tests/setup/databases";
import { checkInvariants, type Invariant } from "./soak/checks";
import { createLoad, type RequestRecord, type SoakCast, type SoakLoad } from "./soak/load";
import { startMailSink, type MailSink } from "./soak/mail-sink";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const SERVER_PORTS = [3400, 3401, 3402];
const WORKERS = 2;
const SOAK_DOMAIN = "soak.outreach.test";
const SESSION_SECRET = "soak-session-secret-that-is-long-enough-0123456789";
const DISCLOSURE_KEY = Buffer.alloc(32, 9).toString("base64");
const APP_URL = `http://127.0.0.1:${SERVER_PORTS[0]}`;
// A claimed message whose worker died is taken over after this; short, so the run drains in minutes.
const LEASE_SECONDS = 20;

const { values: flags } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    "no-pg-restart": { type: "boolean", default: false },
    "database-url": { type: "string" },
  },
});
const minutes = Number(flags.minutes);
if (!(minutes > 0 && minutes <= 120)) fail("--minutes must be a number of minutes between 0 and 120");
const restartPostgres = !flags["no-pg-restart"];
if (flags["database-url"] && restartPostgres) fail("--database-url is a server this run does not own: add --no-pg-restart");

function fail(message: string): never {
  console.error(`soak: ${message}`);
  process.exit(2);
}

const started = Date.now();
const logDir = path.join(tmpdir(), `soak-logs-${process.pid}`);
mkdirSync(logDir, { recursive: true });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;
const say = (line: string) => console.log(`[soak ${elapsed()}] ${line}`);

// ───────────── Child processes, all stopped on the way out ─────────────

const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void> | void)[] = [];

/** Runs a script: JavaScript (the built server) as it is, TypeScript through tsx. */
function startChild(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const out = openSync(path.join(logDir, `${name}.log`), "a");
  const args = script.endsWith(".ts") ? ["--import", "tsx", script] : [script];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", out, out] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all([...children].map((c) => stopChild(c)));
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`soak: clean-up step failed: ${String(error)}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    say(`${signal}: stopping every child process`);
    void cleanUp().then(() => process.exit(130));
  });
}
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.once(event, (error: unknown) => {
    console.error(error);
    say(`crashed; stopping every child process (logs in ${logDir})`);
    void cleanUp().then(() => process.exit(1));
  });
}

/** The soak's own queries: a pool, so a connection PostgreSQL ends on restart is replaced rather than fatal. */
let pool: pg.Pool;
async function query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  return (await pool.query<R>(sql, params)).rows;
}

// ───────────── PostgreSQL ─────────────

const pgBin = () => {
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort((a, b) => Number(a) - Number(b)) : [];
  if (!versions.length) fail("PostgreSQL server binaries not found (apt-get install postgresql)");
  return `/usr/lib/postgresql/${versions.at(-1)}/bin`;
};
/** pg_ctl as the cluster's owner (the postgres user when running as root, as scripts/pg-start.sh does). */
function pgCtl(pgDir: string, args: string) {
  const command = `${pgBin()}/pg_ctl -D '${pgDir}' ${args}`;
  execFileSync("sh", ["-c", process.getuid?.() === 0 ? `su postgres -s /bin/sh -c "${command}"` : command], { stdio: "ignore" });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function startPostgres(): Promise<{ url: string; restart?: (whileDown: () => Promise<void>) => Promise<void> }> {
  const external = flags["database-url"];
  if (external) {
    const name = `soak_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: external });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    });
    const url = new URL(external);
    url.pathname = `/${name}`;
    return { url: url.toString() };
  }
  let port = 54450;
  while (!(await portIsFree(port))) if (++port > 54499) fail("no free port for PostgreSQL in 54450-54499");
  const pgDir = `/tmp/soak-pg-${process.pid}`;
  cleanups.push(() => void execFileSync("sh", [path.join(ROOT, "scripts/pg-stop.sh"), pgDir]));
  const url = execFileSync("sh", [path.join(ROOT, "scripts/pg-start.sh")], {
    env: { ...process.env, PGDIR: pgDir, PGPORT: String(port) },
    encoding: "utf8",
  }).trim();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${pgDir} -c fsync=off -c max_connections=200`;
  return {
    url,
    restart: async (whileDown) => {
      pgCtl(pgDir, "-m fast -w stop");
      await whileDown();
      pgCtl(pgDir, `-l '${pgDir}/log' -o '${options}' -w start`);
    },
  };
}

// ───────────── The run ─────────────

type Fault = { name: string; at: number; recoveredAt: number | null; note: string };

async function main() {
  if (!existsSync(path.join(ROOT, "build/server.js"))) {
    fail("build/server.js is missing. The soak uses the existing build and builds nothing itself: run `npm run build` first.");
  }
  for (const port of SERVER_PORTS)
    if (!(await portIsFree(port))) fail(`port ${port} is in use (the soak's app servers use ${SERVER_PORTS.join(", ")})`);
  say(`${minutes} minute(s), PostgreSQL restart ${restartPostgres ? "on" : "off"}; logs in ${logDir}`);

  const database = await startPostgres();
  const databaseUrl = database.url;
  const migrator = new pg.Client({ connectionString: databaseUrl });
  await migrator.connect();
  for (const sql of migrationSql(path.join(ROOT, "prisma/postgres/migrations"))) await migrator.query(sql);
  await migrator.end();
  pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  pool.on("error", () => undefined);
  cleanups.push(() => pool.end());
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    TZ: "UTC",
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    SESSION_SECRET,
    DISCLOSURE_ENCRYPTION_KEY: DISCLOSURE_KEY,
    APP_URL,
    OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
  };
  say("seeding the demo data");
  await new Promise<void>((resolve, reject) => {
    const seed = startChild("seed", "prisma/seed.ts", { ...baseEnv, NODE_ENV: "development" });
    seed.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the seed failed (${logDir}/seed.log)`))));
  });

  const sink = await startMailSink();
  Object.assign(process.env, baseEnv);
  const cast = await makeCast();
  const sentBeforeStart = new Set((await query<{ id: string }>(`SELECT id FROM "OutboxMessage" WHERE status = 'SENT'`)).map((r) => r.id));

  const serverEnv = (port: number) => ({
    ...baseEnv,
    PORT: String(port),
    HOST: "127.0.0.1",
    OUTBOX_WORKER: "off",
    TRUST_PROXY: "loopback",
  });
  const workerEnv = { ...baseEnv, SMTP_URL: sink.url, OUTBOX_POLL_SECONDS: "1" };
  const servers = SERVER_PORTS.map((port, i) => startChild(`server-${i + 1}`, "build/server.js", serverEnv(port)));
  const workers = Array.from({ length: WORKERS }, (_, i) => startChild(`worker-${i + 1}`, "build/worker.js", workerEnv));
  const bases = SERVER_PORTS.map((port) => `http://127.0.0.1:${port}`);
  await Promise.all(bases.map((base) => waitUntilServing(base)));
  say("three app servers and two workers are up");

  const lookupInvitation = async (tokenHash: string) => {
    for (let attempt = 0; attempt < 30; attempt++) {
      try {
        const rows = await query<{ id: string }>(`SELECT id FROM "Invitation" WHERE "tokenHash" = $1`, [tokenHash]);
        return rows[0]?.id ?? null;
      } catch {
        await sleep(1000);
      }
    }
    return null;
  };
  const load = createLoad({ bases, cast, lookupInvitation });
  sink.onMessage((message) => void load.noticeEmail(message));

  const duration = minutes * 60_000;
  const loadStart = Date.now();
  const running = load.start({ schools: 3, calendarClients: 3, burstEveryMs: Math.min(60_000, duration / 4) });
  const at = (fraction: number) => sleep(Math.max(0, loadStart + duration * fraction - Date.now()));
  // Each fault at its time, beside the load; each waits for its own recovery (probing if the load has stopped).
  const faultRuns: Promise<Fault>[] = [
    at(0.2).then(() => killAppServer(servers, 1, serverEnv(SERVER_PORTS[1]), load)),
    at(0.4).then(() => killWorkerMidSend(workers, workerEnv, sink)),
  ];
  if (restartPostgres && database.restart) faultRuns.push(at(0.6).then(() => restartPostgresMidSend(database.restart!, sink, load)));
  await at(1);
  load.stopLoad();
  say(`load stopped after ${((Date.now() - loadStart) / 1000).toFixed(0)}s; draining the outbox and the last answers`);
  const drained = await drain(load.unanswered);
  load.stopSchools();
  await running;
  const drainedAgain = await drain(() => 0);
  say(drained && drainedAgain ? "drained" : "the drain timed out: what is left is reported below");
  const faults = await Promise.all(faultRuns);

  await Promise.all([...children].map((c) => stopChild(c)));
  const invariants = await checkInvariants({
    databaseUrl,
    acked: load.acked,
    answers: load.answers,
    unsureAnswers: load.unsureAnswers,
    sink: sink.accepted,
    sentBeforeStart,
    soakContactDomain: SOAK_DOMAIN,
  });
  const bursts = load.bursts;
  // Two winners is a double-booking; no winner is wrong only when every loser was properly refused (422), not cut off by a fault.
  const badBursts = bursts.filter((b) => b.winners > 1 || (b.winners === 0 && b.statuses.every((s) => s === 422)));
  invariants.push({
    name: "conflicting bursts without exactly one winner",
    found: badBursts.length,
    detail: `${bursts.length} bursts of ${bursts[0]?.statuses.length ?? 0}: ${bursts.map((b) => (b.winners === 1 ? "1 winner" : `${b.winners} winners (${b.statuses.join(" ")})`)).join(", ")}`,
  });
  const report = summarise({ records: load.records, faults, invariants, loadStart, loadEnd: loadStart + duration, sink });
  console.log(`\n${report}\n`);
  if (minutes >= 10) {
    await writePerformanceSection(report);
    say("docs/performance.md updated");
  }
  await sink.close();
  return invariants.every((i) => i.found === 0) ? 0 : 1;
}

/** The people and things the clients use, made in the soak's database, and their sign-in cookies (no 2FA). */
async function makeCast(): Promise<SoakCast> {
  const { db } = await import("../app/utils/db.server");
  const { startAuthSession } = await import("../app/utils/auth.server");
  const { createFeed } = await import("../app/models/feeds.server");
  const { makeProgramme, makeSession, makeTeam, makeUser, makeVenue } = await import("../tests/factories");
  const meta = { ip: "127.0.0.1", userAgent: "soak" };
  const cookie = async (user: { id: string }, roles: ("COORDINATOR" | "FACILITATOR" | "MANAGER")[]) =>
    (await startAuthSession(user.id, roles, meta)).split(";")[0];
  const programme = await makeProgramme(db, { name: "Soak play", getInMinutes: 0, getOutMinutes: 0, capacity: 500 });
  let venueCount = 0;
  const venue = () =>
    makeVenue(db, {
      kind: "COMMUNITY_VENUE",
      name: `Soak venue ${++venueCount}`,
      contact: { name: `Contact ${venueCount}`, role: "Manager", email: `contact-${venueCount}@${SOAK_DOMAIN}` },
    });
  const coordinators: SoakCast["coordinators"] = [];
  for (let i = 0; i < 4; i++) {
    const team = await makeTeam(db, { name: `Soak team ${i + 1}`, sessionsPerDay: 30 });
    const user = await makeUser(db, { roles: ["COORDINATOR"], email: `coordinator-${i + 1}@${SOAK_DOMAIN}` });
    const venues = [];
    for (let v = 0; v < 6; v++) {
      const made = await venue();
      const contact = await db.venueContact.findFirstOrThrow({ where: { venueId: made.id }, select: { id: true } });
      venues.push({ id: made.id, contactId: contact.id });
    }
    coordinators.push({ cookie: await cookie(user, ["COORDINATOR"]), teamId: team.id, venues });
  }
  const burstTeams = [];
  const burstVenues = [];
  for (let i = 0; i < 12; i++) burstTeams.push((await makeTeam(db, { name: `Soak burst team ${i + 1}`, sessionsPerDay: 30 })).id);
  for (let i = 0; i < 12; i++) burstVenues.push((await venue()).id);

  const facilitators: SoakCast["facilitators"] = [];
  const fieldTeam = await makeTeam(db, { name: "Soak field team", sessionsPerDay: 30 });
  for (let i = 0; i < 3; i++) {
    const user = await makeUser(db, { roles: ["FACILITATOR"], teamId: fieldTeam.id, email: `facilitator-${i + 1}@${SOAK_DOMAIN}` });
    const sessionIds = [];
    for (let s = 0; s < 8; s++) {
      const held = await makeSession(db, {
        programmeId: programme.id,
        venueId: (await venue()).id,
        teamId: fieldTeam.id,
        date: `2026-${String(9 + i).padStart(2, "0")}-${String(1 + s * 3).padStart(2, "0")}`,
        start: "10:00",
        end: "11:00",
        status: "CONFIRMED",
      });
      sessionIds.push(held.id);
    }
    facilitators.push({ cookie: await cookie(user, ["FACILITATOR"]), sessionIds });
  }
  const managers = [];
  for (let i = 0; i < 2; i++) {
    const user = await makeUser(db, { roles: ["MANAGER"], email: `manager-${i + 1}@${SOAK_DOMAIN}` });
    managers.push({ cookie: await cookie(user, ["MANAGER"]) });
  }
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.outreach.test" }, select: { id: true, email: true } });
  const feedPaths = [];
  for (const c of coordinators) {
    const urls = await createFeed({ ...admin, roles: ["ADMIN"] }, { teamId: c.teamId }, meta);
    feedPaths.push(new URL(urls.https).pathname);
  }
  await db.$disconnect();
  return {
    programmeId: programme.id,
    coordinators,
    burst: { teamIds: burstTeams, venueIds: burstVenues },
    facilitators,
    managers,
    feedPaths,
  };
}

/** Ready when /healthz says the database answers and a real page renders. */
async function waitUntilServing(base: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await Promise.all(
      ["/healthz", "/sign-in"].map((p) =>
        fetch(`${base}${p}`, { signal: AbortSignal.timeout(5000) }).then(
          (r) => r.status === 200,
          () => false,
        ),
      ),
    );
    if (ok.every(Boolean)) return;
    await sleep(250);
  }
  throw new Error(`${base} did not start within ${timeoutMs / 1000} s (see ${logDir})`);
}

/** The first answer from this server that is not a server error, to a request started at or after `since`. */
function firstSuccess(records: RequestRecord[], since: number, server: number): number | null {
  let best: number | null = null;
  for (const r of records) {
    if (r.at < since || r.server !== server || r.status === 0 || r.status >= 500) continue;
    const done = r.at + r.ms;
    if (best === null || done < best) best = done;
  }
  return best;
}

/** When the server first answered after `since`: from the clients' requests, or from probes once they have stopped. */
async function recoveryOf(load: SoakLoad, since: number, server: number, timeoutMs = 180_000): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const seen = firstSuccess(load.records, since, server);
    if (seen !== null) return seen;
    await load.probe(server);
    await sleep(250);
  }
  return null;
}

async function waitFor<T>(probe: () => T | null | Promise<T | null>, timeoutMs: number): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => null);
    if (value !== null) return value;
    await sleep(200);
  }
  return null;
}

async function killAppServer(servers: ChildProcess[], index: number, env: NodeJS.ProcessEnv, load: SoakLoad): Promise<Fault> {
  const at = Date.now();
  say(`fault: SIGKILL app server ${index + 1}; a supervisor restarts it a second later`);
  await stopChild(servers[index], "SIGKILL");
  await sleep(1000);
  servers[index] = startChild(`server-${index + 1}`, "build/server.js", env);
  const recoveredAt = await recoveryOf(load, at, index);
  say(`app server ${index + 1} answers again`);
  return { name: `app server ${index + 1} killed (SIGKILL) and restarted`, at, recoveredAt, note: "first answer from that server" };
}

async function outboxRow(outboxId: string) {
  const rows = await query<{ lockedBy: string | null; status: string }>(`SELECT "lockedBy", status FROM "OutboxMessage" WHERE id = $1`, [
    outboxId,
  ]);
  return rows[0] ?? null;
}

async function killWorkerMidSend(workers: ChildProcess[], env: NodeJS.ProcessEnv, sink: MailSink): Promise<Fault> {
  const held = await sink.holdNext(60_000);
  const lockedBy = held?.outboxId ? (await outboxRow(held.outboxId))?.lockedBy : null;
  const pid = Number(lockedBy?.split(":")[1]);
  const index = Math.max(
    0,
    workers.findIndex((w) => w.pid === pid),
  );
  const at = Date.now();
  say(`fault: SIGKILL worker ${index + 1} ${held ? `while it sends outbox message ${held.outboxId}` : "(no message was being sent)"}`);
  await stopChild(workers[index], "SIGKILL");
  await sleep(200);
  held?.release();
  await sleep(1000);
  workers[index] = startChild(`worker-${index + 1}`, "build/worker.js", env);
  const recoveredAt = await waitFor(
    async () => sink.accepted.find((m) => (held?.outboxId ? m.outboxId === held.outboxId : true) && m.at >= at)?.at ?? null,
    (LEASE_SECONDS + 120) * 1000,
  );
  say(`the message the killed worker was sending has been delivered${recoveredAt ? "" : ": NOT within the time allowed"}`);
  return {
    name: `worker ${index + 1} killed (SIGKILL) mid-send and restarted`,
    at,
    recoveredAt,
    note: held ? "until the message it was sending was delivered by a worker" : "first message delivered after",
  };
}

async function restartPostgresMidSend(
  restart: (whileDown: () => Promise<void>) => Promise<void>,
  sink: MailSink,
  load: SoakLoad,
): Promise<Fault> {
  const held = await sink.holdNext(60_000);
  const at = Date.now();
  say(`fault: PostgreSQL stopped and started${held ? ` while outbox message ${held.outboxId} is being sent` : ""}`);
  let downAt = at;
  // The relay accepts the message while the database is down: the worker must still record it as sent, once.
  await restart(async () => {
    downAt = Date.now();
    held?.release();
    await sleep(1500);
  });
  const servers = await Promise.all(SERVER_PORTS.map((_, i) => recoveryOf(load, downAt, i)));
  const everyServer = servers.every((t) => t !== null) ? Math.max(...(servers as number[])) : null;
  const sent = held?.outboxId
    ? await waitFor(async () => ((await outboxRow(held.outboxId!))?.status === "SENT" ? Date.now() : null), 120_000)
    : null;
  say("PostgreSQL is back and every app server answers");
  return {
    name: "PostgreSQL stopped and started",
    at,
    recoveredAt: everyServer,
    note: `first answer from every app server${held ? `; the message sent meanwhile was recorded as sent ${sent ? `after ${((sent - at) / 1000).toFixed(1)} s` : "NEVER"}` : ""}`,
  };
}

/** Until nothing is waiting in the outbox and no answer is waiting to be given, three checks in a row. */
async function drain(unanswered: () => number, timeoutMs = (LEASE_SECONDS * 2 + 150) * 1000): Promise<boolean> {
  let quiet = 0;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const waiting = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE status IN ('PENDING', 'SENDING')`,
    ).then(
      (rows) => rows[0].n,
      () => 1,
    );
    quiet = waiting === 0 && unanswered() === 0 ? quiet + 1 : 0;
    if (quiet >= 3) return true;
    await sleep(1000);
  }
  return false;
}

const p95 = (values: number[]) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
};

function summarise(input: {
  records: RequestRecord[];
  faults: Fault[];
  invariants: Invariant[];
  loadStart: number;
  loadEnd: number;
  sink: MailSink;
}): string {
  const { records, faults, invariants } = input;
  // A fault's window runs from the fault until its recovery and two seconds more (requests already in flight).
  const windows = faults.map((f) => [f.at, (f.recoveredAt ?? input.loadEnd) + 2000] as const);
  const inWindow = (r: RequestRecord) => windows.some(([from, to]) => r.at + r.ms >= from && r.at <= to);
  const isError = (r: RequestRecord) => r.status === 0 || r.status >= 500;
  const outside = records.filter((r) => !inWindow(r));
  const inside = records.filter(inWindow);
  const errorsOutside = outside.filter(isError).length;
  const rate = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(2)}%` : "0%");
  const kinds = [...new Set(records.map((r) => r.kind))].filter((k) => k !== "probe").sort();
  const lines = [
    `Soak and fault test: ${minutes} minute(s) of load, ${new Date(input.loadStart).toISOString().slice(0, 16).replace("T", " ")} UTC, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} at the end (1/5/15 min, ${String(SERVER_PORTS.length)} app servers, ${WORKERS} workers, PostgreSQL)`,
    "",
    "| Figure | Value |",
    "|---|---|",
    `| Requests served | ${records.length.toLocaleString("en-GB")} (${(records.length / ((input.loadEnd - input.loadStart) / 1000)).toFixed(1)} a second) |`,
    `| Error rate outside fault windows (network errors and 5xx) | ${rate(errorsOutside, outside.length)} (${errorsOutside} of ${outside.length}) |`,
    `| Errors inside fault windows | ${inside.filter(isError).length} of ${inside.length} |`,
    `| Emails delivered to the relay | ${input.sink.accepted.length} |`,
    ...faults.map(
      (f) =>
        `| Recovery: ${f.name} | ${f.recoveredAt ? `${((f.recoveredAt - f.at) / 1000).toFixed(1)} s` : "**not recovered**"} (${f.note}) |`,
    ),
    ...invariants.map((i) => `| ${i.name} (must be 0) | ${i.found === 0 ? "0" : `**${i.found}**`} (${i.detail}) |`),
    "",
    "| Kind | Requests | p95 latency | Server errors outside fault windows |",
    "|---|---|---|---|",
    ...kinds.map((kind) => {
      const of = records.filter((r) => r.kind === kind);
      const ok = of.filter((r) => !isError(r));
      return `| ${kind} | ${of.length} | ${p95(ok.map((r) => r.ms)).toFixed(0)} ms | ${of.filter((r) => isError(r) && !inWindow(r)).length} |`;
    }),
  ];
  return lines.join("\n");
}

const START = "<!-- soak:results:start -->";
const END = "<!-- soak:results:end -->";

async function writePerformanceSection(report: string) {
  const file = path.join(ROOT, "docs/performance.md");
  const current = readFileSync(file, "utf8");
  const block = `${START}\n${report}\n${END}`;
  const next =
    current.includes(START) && current.includes(END)
      ? current.slice(0, current.indexOf(START)) + block + current.slice(current.indexOf(END) + END.length)
      : `${current.trimEnd()}\n\n## Soak and fault test\n\n\`npm run soak\` (scripts/soak.ts, ADR 022); how to read it: docs/operations.md.\n\n${block}\n`;
  // Laid out as `npm run lint` (prettier --check) expects.
  writeFileSync(file, await prettier.format(next, { ...(await prettier.resolveConfig(file)), filepath: file }));
}

main()
  .then(async (code) => {
    await cleanUp();
    say(code === 0 ? "every invariant held" : "an invariant failed (see the table)");
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    say(`failed; child logs in ${logDir}`);
    await cleanUp();
    process.exit(1);
  });
