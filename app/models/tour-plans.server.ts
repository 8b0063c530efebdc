// Tour plans (issue 15, ADR 017): gather a plan's input from the database, run the pure solver in a worker thread
// with its progress on the version row, keep every run as a version, and book a finished plan all or nothing through
// the booking rules, then invite every school through the invitation flow.
import { EventEmitter } from "node:events";
import { existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { unavailableDates, MAX_RANGE_DAYS } from "~/models/calendars.server";
import { sendInvitation } from "~/models/invitations.server";
import { createBookedSession } from "~/models/sessions/changes.server";
import { bookingBreaches, HOLDING, lockTeamsAndVenues, toSlot } from "~/models/sessions/facts.server";
import type { PlanWorkerData, PlanWorkerMessage } from "~/models/tour-planner/plan-worker";
import { DEFAULT_TRAVEL } from "~/models/tour-planner/geo";
import { agesOfYearGroup } from "~/models/year-groups";
import type { ExistingSession, PinnedSession, PlanBusy, PlanInput, PlanResult, PlanTarget, TravelModel } from "~/models/tour-planner/types";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { log, logError, runJob } from "~/utils/log.server";
import { pageWindow, toPage } from "~/utils/pagination";
import { addMonths, daysBetween, isDateOnly, isTimeOfDay, londonDate, londonDayBounds, londonTime, todayInLondon } from "~/utils/time";

export const DEFAULT_DAY_START = "09:00";
export const DEFAULT_DAY_END = "15:15";
/** Every run uses this seed: the same input gives the same plan. */
export const PLAN_SEED = 17;
/** The Setting holding the travel model ({ roadFactor, speedKmh }); DEFAULT_TRAVEL when absent. */
export const TRAVEL_SETTING_KEY = "planner.travel";
const SCHOOL_KINDS = ["SECONDARY_SCHOOL", "COLLEGE", "SPECIAL_SCHOOL", "PRIMARY_SCHOOL"] as const;
// Programmes without year groups are for secondary ages.
const SECONDARY_YEARS = [7, 8, 9, 10, 11];
const BOOK_TX_OPTIONS = { maxWait: 20_000, timeout: 120_000 };

export type PlanStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED" | "CANCELLED";

/** What a coordinator asks for. */
export type PlanRequest = {
  programmeId: string;
  teamIds: string[];
  /** Inclusive YYYY-MM-DD range. */
  from: string;
  to: string;
  /** The schools to plan; default: defaultPlanSchools. */
  venueIds?: string[];
  target: PlanTarget;
  /** The most sessions per team-day (each team's own setting when lower or when this is absent). */
  sessionsPerDay?: number | null;
  /** The school day's window (HH:mm) where a school has none of its own. */
  dayStart?: string;
  dayEnd?: string;
  /** Dates left out for every team. */
  excludedDates?: string[];
  /** Days each team does not work, by team id. */
  teamDaysOff?: Record<string, string[]>;
};

/** A request that cannot be planned, naming the field at fault (the form's field name). */
export class PlanRequestError extends DomainError {}

/** The version is not in a state that allows the action (e.g. booking a plan that is still running). */
export class PlanStateError extends DomainError {}

export type BookingFailure = {
  venueId: string;
  venueName: string;
  teamId: string;
  date: string;
  startTime: string;
  /** Each rule the session breaks (the slot judge's rule names) with the message a coordinator sees. */
  rules: { rule: string; message: string }[];
};

/** Booking a plan stopped: nothing was created; every session that failed is listed with its rules. */
export class PlanBookingError extends DomainError {
  constructor(public readonly failures: BookingFailure[]) {
    super(
      `${failures.length} of the plan's sessions cannot be booked, so none were: ${failures[0].venueName}, ${failures[0].date}: ${failures[0].rules[0].message}`,
    );
  }
}

// ───────────── Schools eligible for a programme ─────────────

/** The programme's year groups (secondary ages when it has none). */
export function yearGroupsOf(programme: { yearGroups: string | null }): number[] {
  const years = (programme.yearGroups ?? "")
    .split(",")
    .filter((y) => y.trim() !== "")
    .map((y) => Number(y.trim()))
    .filter((y) => Number.isInteger(y) && y >= 0 && y <= 14);
  return years.length ? years : SECONDARY_YEARS;
}

/** Schools whose statutory age range teaches one of the year groups (teachesYearGroup); without a range, by kind. */
function eligibilityWhere(years: number[]) {
  const kinds = new Set<string>();
  for (const y of years) {
    if (y <= 6) kinds.add("PRIMARY_SCHOOL");
    if (y >= 7 && y <= 11) kinds.add("SECONDARY_SCHOOL");
    if (y >= 12) kinds.add("COLLEGE");
    kinds.add("SPECIAL_SCHOOL");
  }
  return {
    OR: [
      ...years.map((y) => ({
        statutoryLowAge: { lte: agesOfYearGroup(y).youngest },
        statutoryHighAge: { gte: agesOfYearGroup(y).oldest },
      })),
      { statutoryLowAge: null, statutoryHighAge: null, kind: { in: [...kinds] as (typeof SCHOOL_KINDS)[number][] } },
    ],
  };
}

/**
 * The schools a plan covers by default: open schools whose age range fits the programme's year groups and that the
 * programme has not visited (a holding session) in the 12 months before now. Ordered by name.
 */
export async function defaultPlanSchools(programmeId: string, now = new Date()) {
  const programme = await db.programme.findUnique({ where: { id: programmeId }, select: { yearGroups: true } });
  if (!programme) throw new PlanRequestError("Select a programme from the list", "programmeId");
  const since = londonDayBounds(addMonths(todayInLondon(now), -12)).start;
  return db.venue.findMany({
    where: {
      kind: { in: [...SCHOOL_KINDS] },
      status: "OPEN",
      archivedAt: null,
      ...eligibilityWhere(yearGroupsOf(programme)),
      sessions: { none: { programmeId, status: { in: HOLDING }, startsAt: { gte: since, lte: now } } },
    },
    select: { id: true, name: true, urn: true, kind: true, postcode: true, statutoryLowAge: true, statutoryHighAge: true, cohort: true },
    orderBy: { name: "asc" },
  });
}

// ───────────── The solver's input, from the database ─────────────

const travelSetting = (value: unknown): Omit<TravelModel, "bufferMinutes"> => {
  const v = value as Partial<TravelModel> | null;
  const ok = (n: unknown, min: number, max: number) => typeof n === "number" && n >= min && n <= max;
  return v && ok(v.roadFactor, 1, 3) && ok(v.speedKmh, 5, 120) ? { roadFactor: v.roadFactor!, speedKmh: v.speedKmh! } : DEFAULT_TRAVEL;
};

function checkRequest(request: PlanRequest) {
  if (!isDateOnly(request.from)) throw new PlanRequestError("Enter the first date of the plan as a real date", "from");
  if (!isDateOnly(request.to)) throw new PlanRequestError("Enter the last date of the plan as a real date", "to");
  if (request.to < request.from) throw new PlanRequestError("The last date must be on or after the first date", "to");
  if (daysBetween(request.from, request.to) > MAX_RANGE_DAYS)
    throw new PlanRequestError(`A plan covers at most ${MAX_RANGE_DAYS} days`, "to");
  if (!request.teamIds.length) throw new PlanRequestError("Select at least one team", "teamIds");
  if (request.target.kind === "PUPILS" && !(Number.isInteger(request.target.pupils) && request.target.pupils > 0))
    throw new PlanRequestError("Enter the pupils to reach as a whole number above 0", "targetPupils");
  const limit = request.sessionsPerDay;
  if (limit != null && !(Number.isInteger(limit) && limit >= 1 && limit <= 12))
    throw new PlanRequestError("Enter sessions per day as a whole number from 1 to 12", "sessionsPerDay");
  for (const [field, value] of [
    ["dayStart", request.dayStart],
    ["dayEnd", request.dayEnd],
  ] as const)
    if (value !== undefined && !isTimeOfDay(value)) throw new PlanRequestError("Enter a time of day such as 09:00", field);
  if ((request.dayStart ?? DEFAULT_DAY_START) >= (request.dayEnd ?? DEFAULT_DAY_END))
    throw new PlanRequestError("The school day must end after it starts", "dayEnd");
  for (const date of request.excludedDates ?? [])
    if (!isDateOnly(date)) throw new PlanRequestError(`${date} is not a date (YYYY-MM-DD)`, "excludedDates");
}

/**
 * The solver's whole input for a request, read from the database: the programme, the teams (their limit, working
 * weekdays, base), the schools (coordinates, cohort, hall, school day, every date in the range they cannot be
 * visited, from the calendar model), the holding sessions of those teams and schools in the range, the travel
 * model (setting planner.travel, the booking rule's buffer). Throws PlanRequestError naming the field at fault.
 */
export async function buildPlanInput(
  request: PlanRequest,
  options: { now?: Date; pinned?: PinnedSession[]; removed?: { venueId: string; date: string }[]; seed?: number } = {},
): Promise<PlanInput> {
  checkRequest(request);
  const now = options.now ?? new Date();
  const programme = await db.programme.findUnique({ where: { id: request.programmeId } });
  if (!programme || programme.archivedAt) throw new PlanRequestError("Select a programme from the list", "programmeId");
  const teamIds = [...new Set(request.teamIds)];
  const teams = await db.team.findMany({ where: { id: { in: teamIds }, archivedAt: null }, orderBy: { name: "asc" } });
  if (teams.length !== teamIds.length) throw new PlanRequestError("Select teams from the list", "teamIds");
  const venueIds = request.venueIds ?? (await defaultPlanSchools(programme.id, now)).map((v) => v.id);
  const venues = await db.venue.findMany({ where: { id: { in: venueIds }, archivedAt: null }, orderBy: { name: "asc" } });
  if (!venues.length) throw new PlanRequestError("There are no schools to plan: add at least one school", "venueIds");
  if (venues.length !== new Set(venueIds).size) throw new PlanRequestError("Select schools from the list", "venueIds");

  const years = yearGroupsOf(programme);
  const schools = [];
  for (const v of venues) {
    const closed = await unavailableDates(v.id, request.from, request.to);
    schools.push({
      venueId: v.id,
      urn: v.urn,
      name: v.name,
      location: v.easting != null && v.northing != null ? { easting: v.easting, northing: v.northing } : null,
      cohort: v.cohort ?? (years.includes(10) && years.length === 1 ? v.year10Count : null),
      hallCapacity: v.hallCapacity,
      dayStart: v.dayStart ?? request.dayStart ?? DEFAULT_DAY_START,
      dayEnd: v.dayEnd ?? request.dayEnd ?? DEFAULT_DAY_END,
      closedDates: Object.fromEntries(
        closed.map((c) => [c.date, { kind: c.kind, reason: c.reason, ...(c.closureId ? { closureId: c.closureId } : {}) }]),
      ),
    });
  }

  const rows = await db.session.findMany({
    where: {
      OR: [{ teamId: { in: teamIds } }, { venueId: { in: venues.map((v) => v.id) } }],
      status: { in: HOLDING },
      startsAt: { gte: londonDayBounds(request.from).start, lt: londonDayBounds(request.to).end },
    },
    select: {
      id: true,
      programmeId: true,
      teamId: true,
      venueId: true,
      startsAt: true,
      endsAt: true,
      expectedPupils: true,
      programme: { select: { getInMinutes: true, getOutMinutes: true } },
    },
    orderBy: { startsAt: "asc" },
  });
  const existing: ExistingSession[] = rows.map((r) => ({
    id: r.id,
    programmeId: r.programmeId,
    teamId: r.teamId,
    venueId: r.venueId,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    getInMinutes: r.programme.getInMinutes,
    getOutMinutes: r.programme.getOutMinutes,
    expectedPupils: r.expectedPupils,
  }));
  const busyRows = await db.busyInterval.findMany({
    where: {
      OR: [{ teamId: { in: teamIds } }, { venueId: { in: venues.map((v) => v.id) } }],
      startsAt: { lt: londonDayBounds(request.to).end },
      endsAt: { gt: londonDayBounds(request.from).start },
    },
    select: { teamId: true, venueId: true, startsAt: true, endsAt: true, allDay: true },
    orderBy: { startsAt: "asc" },
  });
  const busy: PlanBusy[] = busyRows.map((b) => ({
    ...(b.teamId ? { teamId: b.teamId } : { venueId: b.venueId! }),
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    allDay: b.allDay,
  }));
  const travel = await db.setting.findUnique({ where: { key: TRAVEL_SETTING_KEY }, select: { value: true } });

  return {
    now: now.toISOString(),
    from: request.from,
    to: request.to,
    programme: {
      id: programme.id,
      name: programme.name,
      durationMinutes: programme.defaultDurationMinutes,
      capacity: programme.capacity,
      getInMinutes: programme.getInMinutes,
      getOutMinutes: programme.getOutMinutes,
    },
    teams: teams.map((t) => ({
      id: t.id,
      name: t.name,
      sessionsPerDay: Math.min(t.sessionsPerDay, request.sessionsPerDay ?? t.sessionsPerDay),
      workingWeekdays: t.workingWeekdays.split(",").map(Number),
      daysOff: [...(request.teamDaysOff?.[t.id] ?? [])].sort(),
      base: t.baseEasting != null && t.baseNorthing != null ? { easting: t.baseEasting, northing: t.baseNorthing } : null,
    })),
    schools,
    existing,
    busy,
    target: request.target,
    travel: { ...travelSetting(travel?.value), bufferMinutes: env().TRAVEL_BUFFER_MINUTES },
    excludedDates: [...new Set(request.excludedDates ?? [])].sort(),
    pinned: options.pinned ?? [],
    removed: options.removed ?? [],
    seed: options.seed ?? PLAN_SEED,
  };
}

// ───────────── Running the solver in a worker thread ─────────────

// The worker is TypeScript: a small ES module loads it through tsx's API (Node 20 does not apply `--import tsx` to a
// worker's entry). In the Remix build this module is bundled elsewhere, so fall back to the source path.
function workerEntry(): URL {
  const beside = fileURLToPath(new URL("./tour-planner/plan-worker.ts", import.meta.url));
  const file = pathToFileURL(existsSync(beside) ? beside : path.resolve("app/models/tour-planner/plan-worker.ts")).href;
  const tsxApi = pathToFileURL(
    path.join(path.dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs"),
  ).href;
  const code = `import { tsImport } from ${JSON.stringify(tsxApi)}; await tsImport(${JSON.stringify(file)}, ${JSON.stringify(file)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

type Run = { stop: Int32Array; finished: Promise<void> };
const runs = new Map<string, Run>();
// One solver at a time per process: planning uses a whole core and must not starve the request thread.
let queue: Promise<void> = Promise.resolve();

/**
 * A process holds each version it queues or runs for PLAN_LEASE_MS and renews the hold every PLAN_HEARTBEAT_MS, so a
 * version left QUEUED or RUNNING by a process that stopped (a restart, a crash, a deploy) is seen to be abandoned
 * within minutes and another process resumes it from its saved input (resumeAbandonedPlans).
 */
export const PLAN_LEASE_MS = 2 * 60_000;
const PLAN_HEARTBEAT_MS = 30_000;
const leaseFrom = (now: Date) => new Date(now.getTime() + PLAN_LEASE_MS);
let heartbeat: NodeJS.Timeout | null = null;

function renewLeases() {
  const ids = [...runs.keys()];
  if (ids.length === 0) return;
  db.tourPlanVersion
    .updateMany({ where: { id: { in: ids }, status: { in: ["QUEUED", "RUNNING"] } }, data: { leaseUntil: leaseFrom(new Date()) } })
    .catch((error: unknown) => logError(error, { source: "tour-plan-lease" }));
}

function startRun(versionId: string, input: PlanInput): Run {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  // A run never rejects: the queue must go on, and nobody may be left with an unhandled rejection.
  const finished = (queue = queue
    .then(() => runJob("tour-plan", () => runWorker(versionId, input, stop), { rethrow: true }))
    .catch((error: unknown) => markFailed(versionId, error))
    .finally(() => {
      runs.delete(versionId);
      if (runs.size === 0 && heartbeat) {
        clearInterval(heartbeat);
        heartbeat = null;
      }
    }));
  const run = { stop, finished };
  runs.set(versionId, run);
  // unref: a command-line run ends when its plan does, not when the next heartbeat is due.
  heartbeat ??= setInterval(renewLeases, PLAN_HEARTBEAT_MS).unref();
  return run;
}

/**
 * Resume the versions other processes left behind: QUEUED or RUNNING with a lapsed lease. Each is claimed with a
 * conditional update (so of several app servers exactly one takes it), set back to QUEUED and run again from its
 * saved input, which gives the same plan (the seed is part of the input). Returns the ids resumed here. The server
 * calls this at start and every minute.
 */
export async function resumeAbandonedPlans(now = new Date()): Promise<string[]> {
  const abandoned = {
    status: { in: ["QUEUED" as const, "RUNNING" as const] },
    OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
  };
  const candidates = await db.tourPlanVersion.findMany({ where: abandoned, select: { id: true }, orderBy: { createdAt: "asc" }, take: 50 });
  const resumed: string[] = [];
  for (const { id } of candidates) {
    if (runs.has(id)) continue;
    const claimed = await db.tourPlanVersion.updateMany({
      where: { id, ...abandoned },
      data: { status: "QUEUED", progress: 0, leaseUntil: leaseFrom(now) },
    });
    if (claimed.count !== 1) continue;
    const { input } = await db.tourPlanVersion.findUniqueOrThrow({ where: { id }, select: { input: true } });
    startRun(id, JSON.parse(input) as PlanInput);
    resumed.push(id);
  }
  return resumed;
}

const progressEvents = new EventEmitter();
export type PlanProgressEvent = { versionId: string; fraction: number };

/**
 * Listen to the progress this process writes to version rows (after each write), e.g. for a live view; returns the
 * function that stops listening. Pages read the row instead, which works across servers.
 */
export function onPlanProgress(listener: (event: PlanProgressEvent) => void): () => void {
  progressEvents.on("progress", listener);
  return () => progressEvents.off("progress", listener);
}

async function markFailed(versionId: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  try {
    await db.tourPlanVersion.updateMany({
      where: { id: versionId, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "FAILED", error: message.slice(0, 2000) },
    });
  } catch (writeError) {
    log.error({ versionId, err: writeError }, "tour plan failed and could not be marked failed");
  }
}

async function runWorker(versionId: string, input: PlanInput, stop: Int32Array): Promise<void> {
  const started = await db.tourPlanVersion.updateMany({
    where: { id: versionId, status: "QUEUED" },
    data: { status: "RUNNING", leaseUntil: leaseFrom(new Date()) },
  });
  if (started.count !== 1) return; // cancelled while queued
  const data: PlanWorkerData = { input, stop: stop.buffer as SharedArrayBuffer };
  const worker = new Worker(workerEntry(), { workerData: data });
  let writes = Promise.resolve();
  let lastWritten = 0;
  const stillRunning = { id: versionId, status: "RUNNING" as const };
  const outcome = await new Promise<PlanWorkerMessage>((resolve) => {
    worker.on("message", (message: PlanWorkerMessage) => {
      if (message.type !== "progress") return resolve(message);
      const fraction = Math.min(0.99, message.progress.fraction);
      if (fraction - lastWritten < 0.05) return;
      lastWritten = fraction;
      // A version cancelled elsewhere (another instance) is no longer RUNNING: stop the solver.
      writes = writes.then(async () => {
        const { count } = await db.tourPlanVersion.updateMany({
          where: stillRunning,
          data: { progress: fraction, leaseUntil: leaseFrom(new Date()) },
        });
        if (count === 0) Atomics.store(stop, 0, 1);
        else progressEvents.emit("progress", { versionId, fraction } satisfies PlanProgressEvent);
      });
    });
    worker.on("error", (error) => resolve({ type: "failed", error: error.message }));
    worker.on("exit", (code) => resolve({ type: "failed", error: `The planner stopped unexpectedly (exit code ${code})` }));
  });
  await worker.terminate();
  await writes;
  if (outcome.type === "done") {
    await db.tourPlanVersion.updateMany({
      where: stillRunning,
      data: { status: "DONE", progress: 1, result: JSON.stringify(outcome.result) },
    });
  } else if (outcome.type === "failed") {
    await db.tourPlanVersion.updateMany({ where: stillRunning, data: { status: "FAILED", error: outcome.error.slice(0, 2000) } });
  }
}

/**
 * Resolves when this process's run of the version has finished (at once if none is running here), then returns the
 * version's status. For the command line and tests; pages show progress from the row instead.
 */
export async function waitForPlanVersion(versionId: string): Promise<PlanStatus> {
  await runs.get(versionId)?.finished;
  const row = await db.tourPlanVersion.findUnique({ where: { id: versionId }, select: { status: true } });
  if (!row) throw new NotFoundError("Plan version not found");
  return row.status;
}

async function createVersion(tx: Tx, planId: string, input: PlanInput) {
  const last = await tx.tourPlanVersion.findFirst({ where: { planId }, orderBy: { number: "desc" }, select: { number: true } });
  return tx.tourPlanVersion.create({
    data: { planId, number: (last?.number ?? 0) + 1, input: JSON.stringify(input), leaseUntil: leaseFrom(new Date()) },
    select: { id: true, number: true },
  });
}

/**
 * Ask for a plan (permission plan:create): saves the plan and its version 1 (QUEUED) with the audit row, then runs
 * the solver in a worker thread. Returns at once; follow the version with getPlanVersion (status, progress).
 */
export async function requestPlan(actor: Actor | null, request: PlanRequest, meta: RequestMeta, now = new Date()) {
  const input = await buildPlanInput(request, { now });
  const saved = await db.$transaction(async (tx) => {
    const plan = await tx.tourPlan.create({
      data: {
        programmeId: request.programmeId,
        teamIds: input.teams.map((t) => t.id).join(","),
        fromDate: request.from,
        toDate: request.to,
        targetKind: request.target.kind,
        targetPupils: request.target.kind === "PUPILS" ? request.target.pupils : null,
        sessionsPerDay: request.sessionsPerDay ?? null,
        dayStart: request.dayStart ?? DEFAULT_DAY_START,
        dayEnd: request.dayEnd ?? DEFAULT_DAY_END,
        createdById: actor?.id ?? null,
      },
      select: { id: true },
    });
    const version = await createVersion(tx, plan.id, input);
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "plan.request",
        entityType: "TourPlan",
        entityId: plan.id,
        details: { v: 1, versionId: version.id, schools: input.schools.length },
      },
    );
    return { planId: plan.id, versionId: version.id, number: version.number };
  });
  startRun(saved.versionId, input);
  return saved;
}

export type ReplanChanges = {
  /** The sessions to keep exactly; default: the previous version's pins. */
  pins?: PinnedSession[];
  /** Visits taken out (no visit to the venue on the date); added to the previous version's. */
  removals?: { venueId: string; date: string }[];
  /** Dates left out for every team; added to the previous version's. */
  excludedDates?: string[];
};

/**
 * Plan again from a version (permission plan:create) with pins, removals and dates left out: a new version of the
 * same plan, its input read afresh from the database (new closures and sessions count). Returns like requestPlan.
 */
export async function replan(actor: Actor | null, versionId: string, changes: ReplanChanges, meta: RequestMeta, now = new Date()) {
  const previous = await db.tourPlanVersion.findUnique({ where: { id: versionId }, include: { plan: true } });
  if (!previous) throw new NotFoundError("Plan version not found");
  const before = JSON.parse(previous.input) as PlanInput;
  const { plan } = previous;
  for (const pin of changes.pins ?? []) {
    if (!isDateOnly(pin.date) || !isTimeOfDay(pin.startTime))
      throw new PlanRequestError("A pinned session needs a date and a start time", "pins");
  }
  for (const removal of changes.removals ?? []) {
    if (!isDateOnly(removal.date)) throw new PlanRequestError("A removed session needs a date", "removals");
  }
  const key = (r: { venueId: string; date: string }) => `${r.venueId}|${r.date}`;
  const removed = new Map([...before.removed, ...(changes.removals ?? [])].map((r) => [key(r), r]));
  const input = await buildPlanInput(
    {
      programmeId: plan.programmeId,
      teamIds: plan.teamIds.split(","),
      from: plan.fromDate,
      to: plan.toDate,
      venueIds: before.schools.map((s) => s.venueId),
      target: plan.targetKind === "PUPILS" ? { kind: "PUPILS", pupils: plan.targetPupils ?? 0 } : { kind: "EVERY_SCHOOL" },
      sessionsPerDay: plan.sessionsPerDay,
      dayStart: plan.dayStart,
      dayEnd: plan.dayEnd,
      excludedDates: [...before.excludedDates, ...(changes.excludedDates ?? [])],
      teamDaysOff: Object.fromEntries(before.teams.map((t) => [t.id, t.daysOff])),
    },
    { now, pinned: changes.pins ?? before.pinned, removed: [...removed.values()], seed: before.seed },
  );
  const saved = await db.$transaction(async (tx) => {
    const version = await createVersion(tx, plan.id, input);
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "plan.replan",
        entityType: "TourPlan",
        entityId: plan.id,
        details: { v: 1, fromVersionId: versionId, versionId: version.id },
      },
    );
    return { planId: plan.id, versionId: version.id, number: version.number };
  });
  startRun(saved.versionId, input);
  return saved;
}

/** Stop a queued or running version (permission plan:create): it becomes CANCELLED and keeps no result. */
export async function cancelPlanVersion(actor: Actor | null, versionId: string, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.tourPlanVersion.updateMany({
      where: { id: versionId, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "CANCELLED" },
    });
    if (count !== 1) {
      const exists = await tx.tourPlanVersion.findUnique({ where: { id: versionId }, select: { status: true } });
      if (!exists) throw new NotFoundError("Plan version not found");
      throw new PlanStateError("Only a plan that is waiting or running can be cancelled");
    }
    const { planId } = await tx.tourPlanVersion.findUniqueOrThrow({ where: { id: versionId }, select: { planId: true } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "plan.cancel", entityType: "TourPlan", entityId: planId, details: { v: 1, versionId } },
    );
  });
  const run = runs.get(versionId);
  if (run) Atomics.store(run.stop, 0, 1);
}

// ───────────── Reading plans ─────────────

/**
 * One version (permission plan:read): its status and progress, the plan it belongs to (programme, teams, range,
 * target), its input and, when DONE, its result; the other versions' numbers and statuses.
 */
export async function getPlanVersion(versionId: string) {
  const row = await db.tourPlanVersion.findUnique({
    where: { id: versionId },
    include: {
      plan: {
        include: {
          programme: { select: { id: true, name: true } },
          createdBy: { select: { id: true, name: true } },
          versions: {
            select: { id: true, number: true, status: true, createdAt: true, bookedAt: true },
            orderBy: { number: "desc" },
            take: 50,
          },
        },
      },
    },
  });
  if (!row) throw new NotFoundError("Plan version not found");
  const { plan, input, result, bookedSessionIds, ...version } = row;
  const parsedInput = JSON.parse(input) as PlanInput;
  return {
    ...version,
    input: parsedInput,
    result: result ? (JSON.parse(result) as PlanResult) : null,
    bookedSessionIds: bookedSessionIds ? (JSON.parse(bookedSessionIds) as string[]) : [],
    plan: {
      id: plan.id,
      programme: plan.programme,
      teams: parsedInput.teams.map((t) => ({ id: t.id, name: t.name })),
      from: plan.fromDate,
      to: plan.toDate,
      target:
        plan.targetKind === "PUPILS" ? ({ kind: "PUPILS", pupils: plan.targetPupils ?? 0 } as const) : ({ kind: "EVERY_SCHOOL" } as const),
      sessionsPerDay: plan.sessionsPerDay,
      dayStart: plan.dayStart,
      dayEnd: plan.dayEnd,
      createdBy: plan.createdBy,
      createdAt: plan.createdAt,
      versions: plan.versions,
    },
  };
}

/** Plans, newest first (permission plan:read), each with its latest version's number, status and progress. */
/** A plan in draft: planned (a version is DONE) and not booked (no version booked). The home figure counts these. */
export const DRAFT_PLANS = { versions: { some: { status: "DONE" as const }, none: { bookedAt: { not: null } } } };

export async function listPlans({ page, programmeId, draftOnly = false }: { page: number; programmeId?: string; draftOnly?: boolean }) {
  const where = { ...(programmeId ? { programmeId } : {}), ...(draftOnly ? DRAFT_PLANS : {}) };
  const [rows, total] = await Promise.all([
    db.tourPlan.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        fromDate: true,
        toDate: true,
        targetKind: true,
        targetPupils: true,
        createdAt: true,
        programme: { select: { id: true, name: true } },
        createdBy: { select: { id: true, name: true } },
        versions: {
          select: { id: true, number: true, status: true, progress: true, bookedAt: true },
          orderBy: { number: "desc" },
          take: 1,
        },
      },
      ...pageWindow(page),
    }),
    db.tourPlan.count({ where }),
  ]);
  return toPage(
    rows.map(({ versions, ...plan }) => ({ ...plan, latest: versions[0] ?? null })),
    total,
    page,
  );
}

// ───────────── Booking a plan, inviting its schools ─────────────

/**
 * Turn a DONE version into PROVISIONAL sessions (permission session:book and plan:create), all or nothing in one
 * transaction: every session is judged by the booking rules against the diary as it is now (and the plan's sessions
 * booked before it). If any fails, nothing is created and PlanBookingError lists each failure with its rules.
 */
export async function bookPlanVersion(actor: Actor | null, versionId: string, meta: RequestMeta, now = new Date()) {
  return db.$transaction(async (tx) => {
    const version = await tx.tourPlanVersion.findUnique({
      where: { id: versionId },
      select: { status: true, result: true, input: true, planId: true, bookedAt: true },
    });
    if (!version) throw new NotFoundError("Plan version not found");
    if (version.status !== "DONE" || !version.result) throw new PlanStateError("Only a finished plan can be booked");
    if (version.bookedAt) throw new PlanStateError("This plan has already been booked");
    const input = JSON.parse(version.input) as PlanInput;
    const result = JSON.parse(version.result) as PlanResult;
    const planned = [...result.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.venueId.localeCompare(b.venueId));
    if (!planned.length) throw new PlanStateError("The plan has no sessions to book");
    const locked = await lockTeamsAndVenues(
      tx,
      planned.map((s) => s.teamId),
      planned.map((s) => s.venueId),
    );
    // Another booking of this version waits on the locks above, then finds it booked.
    const claimed = await tx.tourPlanVersion.updateMany({ where: { id: versionId, bookedAt: null }, data: { bookedAt: now } });
    if (claimed.count !== 1) throw new PlanStateError("This plan has already been booked");
    const programme = await tx.programme.findUniqueOrThrow({ where: { id: input.programme.id }, select: { yearGroups: true } });
    const yearGroups = programme.yearGroups ? programme.yearGroups.split(",").map((y) => y.trim()) : [];
    const names = new Map(input.schools.map((s) => [s.venueId, s.name]));
    const failures: BookingFailure[] = [];
    const sessionIds: string[] = [];
    for (const s of planned) {
      const booking = {
        programmeId: input.programme.id,
        venueId: s.venueId,
        teamId: s.teamId,
        date: s.date,
        startTime: s.startTime,
        endTime: s.endTime,
        expectedPupils: s.expectedPupils,
        yearGroups,
        ...toSlot(s),
      };
      const lockedRows = { team: locked.teams.get(s.teamId), venue: locked.venues.get(s.venueId) };
      const { breaches, errorOf } = await bookingBreaches(tx, booking, lockedRows, { now });
      if (breaches.length) {
        const rules = [];
        for (const breach of breaches) rules.push({ rule: breach.rule, message: (await errorOf(breach)).message });
        failures.push({
          venueId: s.venueId,
          venueName: names.get(s.venueId) ?? s.venueId,
          teamId: s.teamId,
          date: s.date,
          startTime: s.startTime,
          rules,
        });
        continue;
      }
      const session = await createBookedSession(tx, actor, meta, booking, null);
      sessionIds.push(session.id);
    }
    if (failures.length) throw new PlanBookingError(failures);
    await tx.tourPlanVersion.update({ where: { id: versionId }, data: { bookedSessionIds: JSON.stringify(sessionIds) } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "plan.book", entityType: "TourPlan", entityId: version.planId, details: { v: 1, versionId, sessions: sessionIds.length } },
    );
    return { sessionIds };
  }, BOOK_TX_OPTIONS);
}

export type InviteOutcome = { sessionId: string; venueName: string; date: string; time: string };

/**
 * Invite every school of a booked version (permission invitation:send) through the invitation flow: each session
 * still PROVISIONAL is sent to its venue's primary contact with an email (else its first contact with one). Each
 * invitation is its own transaction; sessions without such a contact, or no longer provisional, are skipped.
 */
export async function inviteAllForPlan(actor: Actor, versionId: string, meta: RequestMeta, now = new Date()) {
  const version = await db.tourPlanVersion.findUnique({ where: { id: versionId }, select: { bookedSessionIds: true } });
  if (!version) throw new NotFoundError("Plan version not found");
  if (!version.bookedSessionIds) throw new PlanStateError("Book the plan before inviting its schools");
  const ids = JSON.parse(version.bookedSessionIds) as string[];
  const sessions = await db.session.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      startsAt: true,
      venue: {
        select: {
          name: true,
          contacts: {
            where: { archivedAt: null, email: { not: null } },
            orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }],
            select: { id: true },
            take: 1,
          },
        },
      },
    },
    orderBy: { startsAt: "asc" },
  });
  const invited: InviteOutcome[] = [];
  const skipped: (InviteOutcome & { reason: "NOT_PROVISIONAL" | "NO_CONTACT" })[] = [];
  for (const s of sessions) {
    const outcome = { sessionId: s.id, venueName: s.venue.name, date: londonDate(s.startsAt), time: londonTime(s.startsAt) };
    const [contact] = s.venue.contacts;
    if (s.status !== "PROVISIONAL") skipped.push({ ...outcome, reason: "NOT_PROVISIONAL" });
    else if (!contact) skipped.push({ ...outcome, reason: "NO_CONTACT" });
    else {
      await sendInvitation(actor, { sessionId: s.id, contactIds: [contact.id] }, meta, now);
      invited.push(outcome);
    }
  }
  return { invited, skipped };
}

/** The choices of the "plan a tour" form (permission plan:create): active programmes and teams, by name. */
export async function planFormOptions() {
  const [programmes, teams] = await Promise.all([
    db.programme.findMany({
      where: { archivedAt: null },
      select: { id: true, name: true, yearGroups: true },
      orderBy: { name: "asc" },
      take: 200,
    }),
    db.team.findMany({
      where: { archivedAt: null },
      select: { id: true, name: true, sessionsPerDay: true },
      orderBy: { name: "asc" },
      take: 200,
    }),
  ]);
  return { programmes, teams };
}

/** Version of the JSON document below (docs/plan-format.md); bump on any incompatible change. */
export const PLAN_FORMAT = "outreach-tour-plan/1";

/**
 * A DONE version as the documented JSON document (docs/plan-format.md): each session with its venue's URN and id,
 * team, start and end instants and expected pupils; each school not placed with its reason; the figures.
 */
export function planDocument(version: Awaited<ReturnType<typeof getPlanVersion>>) {
  if (!version.result) throw new PlanStateError("The plan has no result yet");
  const schools = new Map(version.input.schools.map((s) => [s.venueId, s]));
  const teams = new Map(version.input.teams.map((t) => [t.id, t.name]));
  const { figures } = version.result;
  return {
    format: PLAN_FORMAT,
    planId: version.plan.id,
    versionId: version.id,
    version: version.number,
    programme: version.plan.programme,
    teams: version.plan.teams,
    from: version.plan.from,
    to: version.plan.to,
    target: version.plan.target,
    sessions: version.result.sessions.map((s) => ({
      venueId: s.venueId,
      urn: s.urn,
      venueName: schools.get(s.venueId)?.name ?? null,
      teamId: s.teamId,
      teamName: teams.get(s.teamId) ?? null,
      date: s.date,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      expectedPupils: s.expectedPupils,
      pinned: s.pinned,
    })),
    unplaced: version.result.unplaced.map((u) => ({ venueId: u.venueId, urn: u.urn, name: u.name, reason: u.reason, detail: u.detail })),
    figures: {
      teamDaysUsed: figures.teamDaysUsed,
      lowerBoundTeamDays: figures.lowerBoundTeamDays,
      lowerBoundReasons: figures.lowerBoundReasons,
      travelKm: figures.travelKm,
      travelMinutes: figures.travelMinutes,
      sessionsPlanned: figures.sessionsPlanned,
      pupilsPlanned: figures.pupilsPlanned,
      pupilsExisting: figures.pupilsExisting,
      targetPupils: figures.targetPupils,
      shortfallPupils: figures.shortfallPupils,
      suggestions: figures.suggestions,
    },
    bookedSessionIds: version.bookedSessionIds,
  };
}

export type PlanDocument = ReturnType<typeof planDocument>;
