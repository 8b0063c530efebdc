// Who was reached by a session: pupils counted by year group (never named), or a headcount for
// performances and stalls. Named registers live in registers.server.ts.
import type { Prisma } from "~/db/generated/sqlite/client";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import {
  attendanceModeFor,
  countFieldName,
  isSex,
  isYearGroup,
  yearGroupLabel,
  YEAR_GROUPS,
  type AttendanceMode,
  type ProgrammeKind,
} from "~/utils/attendance";
import { db, type Tx } from "~/utils/db.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { can } from "~/utils/permissions";

export type Viewer = { id: string; roles: readonly string[] };

/**
 * The sessions a user may see ("read"), record attendance for ("record") or manage registers and certificates
 * of ("manage"). Coordinators and admins reach every session, managers read every session, facilitators read
 * and record only their own team's. Used in the `where` clause, so a session out of scope is simply not found.
 */
export function sessionsInScope(user: Viewer, purpose: "read" | "record" | "manage"): Prisma.SessionWhereInput {
  const nothing = { id: { in: [] } };
  if (can(user.roles, "register:manage")) return {};
  if (purpose === "manage") return nothing;
  if (purpose === "read" && can(user.roles, "session:read")) return {};
  if (can(user.roles, "attendance:record")) return { team: { members: { some: { userId: user.id } } } };
  return nothing;
}

export class AttendanceRuleError extends DomainError {}

export class OverCapacityError extends DomainError {
  constructor(
    public readonly total: number,
    public readonly capacity: number,
  ) {
    super(
      `${total} people is more than the venue's capacity of ${capacity}. Check the figures, then confirm they are right.`,
      "confirmOverCapacity",
    );
  }
}

const SESSION_SELECT = {
  id: true,
  startsAt: true,
  endsAt: true,
  status: true,
  adultsPresent: true,
  headcount: true,
  conversations: true,
  leafletsGiven: true,
  deliveredAt: true,
  programme: { select: { id: true, name: true, kind: true } },
  venue: { select: { id: true, name: true, hallCapacity: true } },
  team: { select: { id: true, name: true } },
} as const;

/** A session's attendance for its page, or null when it does not exist or is out of the user's scope. */
export async function getSessionAttendance(user: Viewer, sessionId: string) {
  const session = await db.session.findFirst({ where: { id: sessionId, ...sessionsInScope(user, "read") }, select: SESSION_SELECT });
  if (!session) return null;
  const [counts, pupils, canRecord, register] = await Promise.all([
    // At most one row per year group and sex (the unique key), so this is bounded.
    db.attendanceCount.findMany({ where: { sessionId }, select: { yearGroup: true, sex: true, count: true } }),
    db.attendanceCount.aggregate({ where: { sessionId }, _sum: { count: true } }),
    db.session.count({ where: { id: sessionId, ...sessionsInScope(user, "record") } }),
    db.registerEntry.groupBy({ by: ["status"], where: { sessionId }, _count: { _all: true } }),
  ]);
  const byYearGroup = YEAR_GROUPS.map((yearGroup) => ({
    yearGroup,
    label: yearGroupLabel(yearGroup),
    total: counts.filter((c) => c.yearGroup === yearGroup).reduce((sum, c) => sum + c.count, 0),
  })).filter((row) => counts.some((c) => c.yearGroup === row.yearGroup));
  return {
    session,
    mode: attendanceModeFor(session.programme.kind as ProgrammeKind),
    counts,
    byYearGroup,
    pupilTotal: pupils._sum.count ?? 0,
    canRecord: canRecord > 0 && can(user.roles, "attendance:record"),
    register: Object.fromEntries(register.map((r) => [r.status, r._count._all])) as Partial<
      Record<"EXPECTED" | "ATTENDED" | "ABSENT", number>
    >,
  };
}

type SessionForRecording = Prisma.SessionGetPayload<{ select: typeof SESSION_SELECT & { icalSequence: true } }>;

/** Load a session the actor may record for, and check it can take attendance now. */
export async function sessionForRecording(
  tx: Tx,
  actor: Viewer,
  sessionId: string,
  mode: AttendanceMode,
  now: Date,
): Promise<SessionForRecording> {
  const session = await tx.session.findFirst({
    where: { id: sessionId, ...sessionsInScope(actor, "record") },
    select: { ...SESSION_SELECT, icalSequence: true },
  });
  if (!session) throw new NotFoundError("Session not found");
  const actual = attendanceModeFor(session.programme.kind as ProgrammeKind);
  if (actual !== mode) {
    const how = { PUPIL_COUNTS: "pupil counts by year group", HEADCOUNT: "a headcount", REGISTER: "a named register" }[actual];
    throw new AttendanceRuleError(`This session records ${how}`);
  }
  if (session.status === "CANCELLED") throw new AttendanceRuleError("This session was cancelled, so there is no attendance to record");
  if (session.status === "DECLINED") throw new AttendanceRuleError("The venue declined this session, so there is no attendance to record");
  if (session.startsAt > now) throw new AttendanceRuleError("You can record attendance once the session has started");
  return session;
}

/**
 * The first record of attendance makes the session delivered: status, SEQUENCE + 1 for calendars and a
 * history row. Later records are corrections and leave the status alone.
 */
export async function markDeliveredOnce(tx: Tx, actor: Viewer, session: { id: string; status: string }, now: Date): Promise<boolean> {
  if (session.status === "DELIVERED") return false;
  await tx.session.update({
    where: { id: session.id },
    data: { status: "DELIVERED", deliveredAt: now, icalSequence: { increment: 1 } },
  });
  await tx.sessionChange.create({
    data: {
      sessionId: session.id,
      actorId: actor.id,
      at: now,
      kind: "STATUS",
      summary: "Marked as delivered when attendance was recorded",
      details: { field: "status", old: session.status, new: "DELIVERED" },
    },
  });
  return true;
}

export type PupilCount = { yearGroup: string; sex: string; count: number };
export type PupilAttendanceInput = {
  sessionId: string;
  counts: PupilCount[];
  adultsPresent: number | null;
  confirmOverCapacity: boolean;
};

const MAX_COUNT = 100_000;

function checkCount(value: number | null, field: string, what: string) {
  if (value === null) return;
  if (!Number.isInteger(value) || value < 0 || value > MAX_COUNT) {
    throw new AttendanceRuleError(`Enter ${what} as a whole number, 0 or more`, field);
  }
}

function checkCounts(counts: PupilCount[]) {
  const seen = new Set<string>();
  for (const c of counts) {
    if (!isYearGroup(c.yearGroup)) throw new AttendanceRuleError(`"${c.yearGroup}" is not a year group: record Year 5 to Year 13 only`);
    if (!isSex(c.sex)) throw new AttendanceRuleError(`"${c.sex}" is not a recorded sex: use girls, boys, or other or not recorded`);
    checkCount(c.count, countFieldName(c.yearGroup, c.sex), `the number of pupils in ${yearGroupLabel(c.yearGroup)}`);
    const key = `${c.yearGroup}-${c.sex}`;
    if (seen.has(key)) throw new AttendanceRuleError(`${yearGroupLabel(c.yearGroup)} is counted twice`);
    seen.add(key);
  }
}

function checkCapacity(total: number, capacity: number | null, confirmed: boolean) {
  if (capacity !== null && total > capacity && !confirmed) throw new OverCapacityError(total, capacity);
}

const describeCounts = (counts: PupilCount[]) =>
  counts.length === 0 ? "none" : counts.map((c) => `${yearGroupLabel(c.yearGroup)} ${c.sex.toLowerCase()}: ${c.count}`).join(", ");

/** Record (or correct) pupil counts by year group and sex, plus adults present. */
export async function recordPupilAttendance(actor: Actor, input: PupilAttendanceInput, meta: RequestMeta, now = new Date()) {
  checkCounts(input.counts);
  checkCount(input.adultsPresent, "adultsPresent", "the number of adults present");
  if (input.counts.length === 0 && input.adultsPresent === null) {
    throw new AttendanceRuleError("Enter at least one count. A count of 0 is allowed", countFieldName("Y5", "GIRL"));
  }
  const pupils = input.counts.reduce((sum, c) => sum + c.count, 0);
  return db.$transaction(async (tx) => {
    const session = await sessionForRecording(tx, actor, input.sessionId, "PUPIL_COUNTS", now);
    checkCapacity(pupils + (input.adultsPresent ?? 0), session.venue.hallCapacity, input.confirmOverCapacity);
    const before = await tx.attendanceCount.findMany({
      where: { sessionId: session.id },
      select: { yearGroup: true, sex: true, count: true },
      orderBy: [{ yearGroup: "asc" }, { sex: "asc" }],
    });
    const correction = before.length > 0 || session.adultsPresent !== null;
    await tx.attendanceCount.deleteMany({ where: { sessionId: session.id } });
    if (input.counts.length) {
      await tx.attendanceCount.createMany({
        data: input.counts.map((c) => ({ sessionId: session.id, yearGroup: c.yearGroup, sex: c.sex, count: c.count })),
      });
    }
    await tx.session.update({ where: { id: session.id }, data: { adultsPresent: input.adultsPresent } });
    await markDeliveredOnce(tx, actor, session, now);
    const oldPupils = before.reduce((sum, c) => sum + c.count, 0);
    await tx.sessionChange.create({
      data: {
        sessionId: session.id,
        actorId: actor.id,
        at: now,
        kind: "ATTENDANCE",
        summary: correction
          ? `Attendance corrected: pupils ${oldPupils} → ${pupils}, adults ${session.adultsPresent ?? "not recorded"} → ${input.adultsPresent ?? "not recorded"}`
          : `Attendance recorded: ${pupils} pupils, ${input.adultsPresent ?? "no"} adults`,
        details: {
          old: { counts: describeCounts(before), pupils: oldPupils, adultsPresent: session.adultsPresent },
          new: { counts: describeCounts(input.counts), pupils, adultsPresent: input.adultsPresent },
        },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "attendance.record",
        entityType: "Session",
        entityId: session.id,
        details: { v: 1, correction, pupils, adults: input.adultsPresent, headcount: null },
      },
    );
    return { pupils, correction };
  });
}

export type HeadcountInput = {
  sessionId: string;
  headcount: number;
  adultsPresent: number | null;
  conversations: number | null;
  leafletsGiven: number | null;
  confirmOverCapacity: boolean;
};

/** Record (or correct) a community performance's or stall's headcount; stalls also record conversations and leaflets. */
export async function recordHeadcount(actor: Actor, input: HeadcountInput, meta: RequestMeta, now = new Date()) {
  checkCount(input.headcount, "headcount", "the number of people");
  checkCount(input.adultsPresent, "adultsPresent", "the number of adults present");
  checkCount(input.conversations, "conversations", "the number of conversations held");
  checkCount(input.leafletsGiven, "leafletsGiven", "the number of leaflets given");
  return db.$transaction(async (tx) => {
    const session = await sessionForRecording(tx, actor, input.sessionId, "HEADCOUNT", now);
    const isStall = session.programme.kind === "AWARENESS_STALL";
    checkCapacity(input.headcount, session.venue.hallCapacity, input.confirmOverCapacity);
    const next = {
      headcount: input.headcount,
      adultsPresent: input.adultsPresent,
      conversations: isStall ? input.conversations : null,
      leafletsGiven: isStall ? input.leafletsGiven : null,
    };
    const old = {
      headcount: session.headcount,
      adultsPresent: session.adultsPresent,
      conversations: session.conversations,
      leafletsGiven: session.leafletsGiven,
    };
    const correction = old.headcount !== null;
    await tx.session.update({ where: { id: session.id }, data: next });
    await markDeliveredOnce(tx, actor, session, now);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== old[k]);
    await tx.sessionChange.create({
      data: {
        sessionId: session.id,
        actorId: actor.id,
        at: now,
        kind: "ATTENDANCE",
        summary: correction
          ? `Attendance corrected: ${changed.map((k) => `${k} ${old[k] ?? "not recorded"} → ${next[k] ?? "not recorded"}`).join(", ") || "no change"}`
          : `Attendance recorded: headcount ${input.headcount}`,
        details: { old, new: next },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "attendance.record",
        entityType: "Session",
        entityId: session.id,
        details: { v: 1, correction, pupils: 0, adults: input.adultsPresent, headcount: input.headcount },
      },
    );
    return { correction };
  });
}
