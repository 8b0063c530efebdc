// Targets the council commissions (pupils reached, schools covered, sessions delivered, people trained) and the
// progress towards them. Achieved figures come from reach.server.ts; this module never counts sessions itself.
import { BOOKED_STATUSES, periodInstants, reachFigures, SCHOOLS_IN_AREA, type ReachFigures } from "~/models/reach.server";
import { writeAudit, type Actor, type RequestMeta, type TargetAuditSnapshot } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { forecastSentence } from "~/utils/forecast";
import { pageWindow, toPage } from "~/utils/pagination";
import type { TargetFilter } from "~/forms/targets";
import type { TargetInput } from "~/forms/targets.server";
import { metricLabel, type TargetMetric } from "~/utils/target-metrics";
import { percentOf, targetStatus, type TargetStatus } from "~/utils/target-status";
import { formatDateRange, todayInLondon } from "~/utils/time";

const SELECT = {
  id: true,
  metric: true,
  value: true,
  fromDate: true,
  toDate: true,
  note: true,
  programmeId: true,
  programme: { select: { id: true, name: true } },
} as const;

export type TargetRow = {
  id: string;
  metric: string;
  value: number;
  fromDate: string;
  toDate: string;
  note: string | null;
  programmeId: string | null;
  programme: { id: string; name: string } | null;
};

/** What the audit row keeps of a target, before and after a change. */
type TargetSnapshot = TargetAuditSnapshot;
const snapshotOf = (t: TargetSnapshot): TargetSnapshot => ({
  metric: t.metric,
  programmeId: t.programmeId,
  value: t.value,
  fromDate: t.fromDate,
  toDate: t.toDate,
  note: t.note,
});

/** "Pupils reached (Chelsea's Choice), 1 Sep 2026 to 31 Aug 2027": how pages name a target. */
export function describeTarget(t: { metric: string; programme: { name: string } | null; fromDate: string; toDate: string }): string {
  return `${metricLabel(t.metric)}${t.programme ? ` (${t.programme.name})` : ""}, ${formatDateRange(t.fromDate, t.toDate)}`;
}

export class ProgrammeNotAvailableError extends DomainError {
  constructor(public readonly programme: { name: string } | null) {
    super(
      programme ? `${programme.name} is archived: choose a current programme, or all programmes` : "Select a programme from the list",
      "programmeId",
    );
  }
}

/** Two targets for the same thing over overlapping periods would make the progress page contradict itself. */
export class DuplicateTargetError extends DomainError {
  constructor(public readonly existing: TargetRow) {
    super(
      `There is already a target for ${describeTarget(existing)} (${existing.value.toLocaleString("en-GB")}): change that target or choose a period that does not overlap it`,
      "from",
    );
  }
}

export async function listTargets({ page, filter, today = todayInLondon() }: { page: number; filter: TargetFilter; today?: string }) {
  const where = filter === "current" ? { toDate: { gte: today } } : filter === "past" ? { toDate: { lt: today } } : {};
  const orderBy =
    filter === "past"
      ? [{ toDate: "desc" as const }, { metric: "asc" as const }]
      : [{ toDate: "asc" as const }, { metric: "asc" as const }];
  const [items, total] = await Promise.all([
    db.target.findMany({ where, orderBy: [...orderBy, { id: "asc" as const }], select: SELECT, ...pageWindow(page) }),
    db.target.count({ where }),
  ]);
  return toPage<TargetRow>(items, total, page);
}

export function getTarget(id: string): Promise<TargetRow | null> {
  return db.target.findUnique({ where: { id }, select: SELECT });
}

/**
 * What the target form offers: current programmes (plus the target's own, if archived since) and the number of open
 * secondary schools and colleges, for "every school and college covered".
 */
export async function targetFormOptions(current?: TargetRow) {
  const [programmes, schoolsInArea] = await Promise.all([
    db.programme.findMany({
      where: { OR: [{ archivedAt: null }, ...(current?.programmeId ? [{ id: current.programmeId }] : [])] },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.venue.count({ where: SCHOOLS_IN_AREA }),
  ]);
  return { programmes, schoolsInArea };
}

/** A target and its form's options, or null when there is no such target. */
export async function targetForEdit(id: string) {
  const target = await getTarget(id);
  return target ? { target, ...(await targetFormOptions(target)) } : null;
}

const TARGET_CHANGES_LOCK = "lock.targets";

/**
 * Target changes run one at a time, so two people adding the same target at once cannot both pass the duplicate
 * check: the transaction's first statement writes one shared row, which PostgreSQL then holds locked (and SQLite
 * holds the database write lock) until commit. Targets change a few times a year, so nobody waits noticeably.
 */
async function oneTargetChangeAtATime(tx: Tx) {
  await tx.setting.upsert({ where: { key: TARGET_CHANGES_LOCK }, create: { key: TARGET_CHANGES_LOCK, value: {} }, update: { value: {} } });
}

async function checkRules(tx: Tx, input: TargetInput, current?: TargetRow) {
  await oneTargetChangeAtATime(tx);
  // A programme archived after the target was set may stay on it; a new choice must be a current programme.
  if (input.programmeId && input.programmeId !== current?.programmeId) {
    const programme = await tx.programme.findUnique({ where: { id: input.programmeId }, select: { name: true, archivedAt: true } });
    if (!programme) throw new ProgrammeNotAvailableError(null);
    if (programme.archivedAt) throw new ProgrammeNotAvailableError(programme);
  }
  const overlapping = await tx.target.findFirst({
    where: {
      metric: input.metric,
      programmeId: input.programmeId,
      fromDate: { lte: input.toDate },
      toDate: { gte: input.fromDate },
      ...(current ? { id: { not: current.id } } : {}),
    },
    orderBy: { fromDate: "asc" },
    select: SELECT,
  });
  if (overlapping) throw new DuplicateTargetError(overlapping);
}

const rowOf = (input: TargetInput) => ({
  metric: input.metric,
  programmeId: input.programmeId,
  value: input.value,
  fromDate: input.fromDate,
  toDate: input.toDate,
  note: input.note,
});

export async function createTarget(actor: Actor, input: TargetInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    await checkRules(tx, input);
    const target = await tx.target.create({ data: rowOf(input), select: SELECT });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "target.created", entityType: "Target", entityId: target.id, details: { v: 1, after: snapshotOf(target) } },
    );
    return target;
  });
}

export async function updateTarget(actor: Actor, id: string, input: TargetInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const before = await tx.target.findUnique({ where: { id }, select: SELECT });
    if (!before) throw new NotFoundError("Target not found");
    await checkRules(tx, input, before);
    const after = await tx.target.update({ where: { id }, data: rowOf(input), select: SELECT });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "target.updated",
        entityType: "Target",
        entityId: id,
        details: { v: 1, before: snapshotOf(before), after: snapshotOf(after) },
      },
    );
    return after;
  });
}

export async function deleteTarget(actor: Actor, id: string, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const before = await tx.target.findUnique({ where: { id }, select: SELECT });
    if (!before) throw new NotFoundError("Target not found");
    await tx.target.delete({ where: { id } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "target.deleted", entityType: "Target", entityId: id, details: { v: 1, before: snapshotOf(before) } },
    );
    return before;
  });
}

/** Which reach figure counts towards each metric, and which booked figure is its pipeline. */
const FIGURES: Record<TargetMetric, { achieved: keyof ReachFigures; booked: keyof ReachFigures }> = {
  PUPILS_REACHED: { achieved: "pupilsReached", booked: "pupilsBooked" },
  SCHOOLS_COVERED: { achieved: "schoolsCovered", booked: "schoolsBooked" },
  SESSIONS_DELIVERED: { achieved: "sessionsDelivered", booked: "sessionsBooked" },
  PEOPLE_TRAINED: { achieved: "peopleTrained", booked: "peopleBooked" },
};

export type TargetProgress = {
  id: string;
  metric: string;
  metricLabel: string;
  programme: { id: string; name: string } | null;
  value: number;
  fromDate: string;
  toDate: string;
  note: string | null;
  achieved: number;
  percent: number;
  /** Booked but not yet delivered, from now to the end of the period. */
  booked: number;
  /** achieved + booked. */
  pipeline: number;
  /** Open secondary schools and colleges in the area, beside a schools-covered target. */
  schoolsInArea: number | null;
  status: TargetStatus;
  /** Delivered, booked, and expected where no count is recorded yet; and the sentence that says what it means. */
  forecast: { expected: number; awaitingCount: number; schoolsNotBooked: number; sentence: string };
};

/**
 * What has happened in the target's period but is not counted yet: sessions already started that are still booked
 * (not yet marked delivered, cancelled or declined), and for pupils also delivered sessions with no count recorded,
 * each at its expected number.
 */
async function awaitingCount(t: TargetRow, now: Date): Promise<number> {
  const { start, end } = periodInstants({ from: t.fromDate, to: t.toDate });
  const started = { gte: start, lt: now < end ? now : end };
  const programme = t.programmeId ? { programmeId: t.programmeId } : {};
  if (t.metric === "SESSIONS_DELIVERED")
    return db.session.count({ where: { status: { in: [...BOOKED_STATUSES] }, startsAt: started, ...programme } });
  if (t.metric !== "PUPILS_REACHED") return 0;
  const sum = await db.session.aggregate({
    _sum: { expectedPupils: true },
    where: {
      startsAt: started,
      ...programme,
      OR: [{ status: { in: [...BOOKED_STATUSES] } }, { status: "DELIVERED", attendance: { none: {} } }],
    },
  });
  return sum._sum.expectedPupils ?? 0;
}

/** Progress of each target at `now`: achieved figures from reachFigures over the target's period and programme. */
export async function targetProgress(targets: TargetRow[], now: Date = new Date()): Promise<TargetProgress[]> {
  const today = todayInLondon(now);
  return Promise.all(
    targets.map(async (t) => {
      const [figures, awaiting, programme] = await Promise.all([
        reachFigures({ from: t.fromDate, to: t.toDate, programmeId: t.programmeId }, now),
        awaitingCount(t, now),
        t.programmeId ? db.programme.findUnique({ where: { id: t.programmeId }, select: { capacity: true } }) : null,
      ]);
      const which = FIGURES[t.metric as TargetMetric] as (typeof FIGURES)[TargetMetric] | undefined;
      if (!which) throw new Error(`Target ${t.id} has an unknown metric`);
      const achieved = figures[which.achieved];
      const booked = figures[which.booked];
      const schoolsNotBooked = figures.schoolsInArea - figures.schoolsCovered - figures.schoolsBooked;
      return {
        id: t.id,
        metric: t.metric,
        metricLabel: metricLabel(t.metric),
        programme: t.programme,
        value: t.value,
        fromDate: t.fromDate,
        toDate: t.toDate,
        note: t.note,
        achieved,
        percent: percentOf(achieved, t.value),
        booked,
        pipeline: achieved + booked,
        schoolsInArea: t.metric === "SCHOOLS_COVERED" ? figures.schoolsInArea : null,
        status: targetStatus({ value: t.value, achieved, booked, fromDate: t.fromDate, toDate: t.toDate, today }),
        forecast: {
          expected: achieved + booked + awaiting,
          awaitingCount: awaiting,
          schoolsNotBooked,
          sentence: forecastSentence({
            metric: t.metric as TargetMetric,
            value: t.value,
            toDate: t.toDate,
            expected: achieved + booked + awaiting,
            schoolsNotBooked,
            perSession: programme?.capacity ?? null,
          }),
        },
      };
    }),
  );
}

/** The targets running at any time in a period (at most 50, earliest first), with their progress: for the annual review. */
export async function targetsOverlapping(period: { from: string; to: string }, now: Date = new Date()) {
  const targets = await db.target.findMany({
    where: { fromDate: { lte: period.to }, toDate: { gte: period.from } },
    orderBy: [{ fromDate: "asc" }, { metric: "asc" }, { id: "asc" }],
    select: SELECT,
    take: 50,
  });
  return targetProgress(targets, now);
}

/** One page of targets with their progress: what /reports/targets shows. */
export async function targetsWithProgress({ page, filter, now = new Date() }: { page: number; filter: TargetFilter; now?: Date }) {
  const targets = await listTargets({ page, filter, today: todayInLondon(now) });
  return { ...targets, items: await targetProgress(targets.items, now) };
}
