// Booking sessions: every rule about when a team can be where lives here (see docs/decisions/009-booking-concurrency.md).
import { randomUUID } from "node:crypto";
import { availabilityBetween, venueAvailability, type UnavailableKind } from "~/models/calendars.server";
import {
  capacityBreach,
  clashesWith,
  endsAfterStart,
  judgeSlot,
  sessionsInTheWay,
  slotInstants,
  type Blocking,
  type CapacityBreach,
  type NearbySession,
  type SlotBreach,
  type Turnaround,
} from "~/models/sessions/slot-judge";
import { queueVenueCalendarUpdate } from "~/models/invitations.server";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { pageWindow, toPage } from "~/utils/pagination";
import { can, type Role } from "~/utils/permissions";
import { SESSION_STATUSES, STATUS_LABELS, type SessionStatus } from "~/utils/session-status";
import { addDays, addMonths, formatDateTime, isoWeekday, londonDate, londonDayBounds, londonTime, todayInLondon } from "~/utils/time";

export { SESSION_STATUSES, STATUS_LABELS, type SessionStatus };

// A cancelled or declined session holds nothing: it never clashes and does not count towards a team's day.
const HOLDING: SessionStatus[] = ["PROVISIONAL", "INVITED", "CONFIRMED", "DELIVERED"];
const CHANGEABLE: SessionStatus[] = ["PROVISIONAL", "INVITED", "CONFIRMED", "DECLINED"];
const DAY_MS = 24 * 3600_000;
const minutes = (n: number) => n * 60_000;
const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 };

type Viewer = { id: string; roles: readonly Role[] };

// ───────────────────────────── Domain errors ─────────────────────────────

export type ClashingSession = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  programmeName: string;
  venueName: string;
  teamName: string;
  /** TEAM: the team is busy (turnaround and travel included); VENUE: the hall is in use. */
  reason: "TEAM" | "VENUE";
};

export class EndBeforeStartError extends DomainError {
  constructor() {
    super("The end time must be after the start time", "endTime");
  }
}

export class NonexistentTimeError extends DomainError {
  constructor(field: "startTime" | "endTime", time: string) {
    super(`${time} does not exist on that day because the clocks go forward: enter a time after 2am`, field);
  }
}

export class PastBookingError extends DomainError {
  constructor() {
    super(
      "The session must start in the future. To record a session that has already been delivered, confirm that it was delivered",
      "date",
    );
  }
}

export class NotYetDeliveredError extends DomainError {
  constructor() {
    super("A session that has not started yet cannot be recorded as delivered", "alreadyDelivered");
  }
}

export class ClashError extends DomainError {
  constructor(public readonly clashes: ClashingSession[]) {
    const first = clashes[0];
    const what = first.reason === "TEAM" ? `${first.teamName} is already booked` : `${first.venueName} is already in use`;
    super(
      `${what}: ${first.programmeName} at ${first.venueName}, ${formatDateTime(first.startsAt)}${clashes.length > 1 ? ` (and ${clashes.length - 1} more)` : ""}`,
      "startTime",
    );
  }
}

export class TeamDayFullError extends DomainError {
  constructor(
    public readonly teamName: string,
    public readonly limit: number,
    public readonly sessions: ClashingSession[],
  ) {
    super(`${teamName} already has ${limit} ${limit === 1 ? "session" : "sessions"} that day, the most it can do`, "date");
  }
}

export class NonWorkingDayError extends DomainError {
  constructor(
    public readonly teamName: string,
    public readonly weekday: string,
  ) {
    super(`${teamName} does not work on ${weekday}s`, "date");
  }
}

export class UnavailableDateError extends DomainError {
  constructor(
    public readonly kind: UnavailableKind,
    public readonly reason: string,
    public readonly closureId?: string,
  ) {
    super(`The venue cannot be visited that day: ${reason}`, "date");
  }
}

export class CapacityWarning extends DomainError {
  constructor(
    public readonly expected: number,
    public readonly limits: { what: "programme" | "hall"; limit: number }[],
  ) {
    const names = limits.map((l) =>
      l.what === "programme" ? `the programme's capacity of ${l.limit}` : `the hall's capacity of ${l.limit}`,
    );
    super(`${expected} expected is more than ${names.join(" and ")}. To book anyway, give a reason`, "capacityOverrideReason");
  }
}

export class SessionStatusError extends DomainError {
  constructor(status: SessionStatus, action: string) {
    super(`A ${STATUS_LABELS[status].toLowerCase()} session cannot be ${action}`);
  }
}

export class ReferenceNotFoundError extends DomainError {}

export class StaleSessionError extends DomainError {
  constructor() {
    super("Someone else changed this session after you opened this page. Open the session again to see their change, then make yours");
  }
}

// ───────────────────────────── Rules ─────────────────────────────

/** Who comes and the notes: given at booking, changed later with updateSessionDetails. */
export type SessionDetails = {
  yearGroups?: string[];
  expectedPupils?: number | null;
  expectedAdults?: number | null;
  venueNotes?: string | null;
  internalNotes?: string | null;
  capacityOverrideReason?: string | null;
};

export type BookingInput = SessionDetails & {
  programmeId: string;
  venueId: string;
  teamId: string;
  /** YYYY-MM-DD and HH:mm, London wall-clock time. */
  date: string;
  startTime: string;
  endTime: string;
  /** Recording a session that already took place: the only way to book in the past. */
  alreadyDelivered?: boolean;
};

type Slot = { startsAt: Date; endsAt: Date };

/**
 * The error a coordinator sees for a rule the slot breaks. Clashes and a full day name the sessions in the way
 * (sessionsInTheWay, described); team and hall clashes are reported together.
 */
export function breachError(breach: SlotBreach, context: { teamName: string; sessions: ClashingSession[] }): DomainError {
  switch (breach.rule) {
    case "NONEXISTENT_TIME":
      return new NonexistentTimeError(breach.field, breach.time);
    case "INVALID_TIME":
      return new DomainError("Enter a real date and time", breach.field);
    case "END_BEFORE_START":
      return new EndBeforeStartError();
    case "PAST":
      return new PastBookingError();
    case "NOT_YET_DELIVERED":
      return new NotYetDeliveredError();
    case "NON_WORKING_DAY":
      return new NonWorkingDayError(context.teamName, breach.weekday);
    case "VENUE_CLOSED":
      return new UnavailableDateError(breach.kind, breach.reason, breach.closureId);
    case "TEAM_CLASH":
    case "HALL_CLASH":
      return new ClashError(context.sessions);
    case "DAY_FULL":
      return new TeamDayFullError(context.teamName, breach.limit, context.sessions);
    case "OVER_CAPACITY":
      return new CapacityWarning(breach.expected, breach.limits);
  }
}

/** The slot's instants, or the error for a time that has none (checked before any row is read or locked). */
function toSlot(slot: { date: string; startTime: string; endTime: string }): Slot {
  const instants = slotInstants(slot);
  if ("rule" in instants) throw breachError(instants, { teamName: "", sessions: [] });
  return instants;
}

// Only what the rules need: names are read for the few sessions that stop a booking.
const nearSelect = { id: true, startsAt: true, endsAt: true, venueId: true, teamId: true, programmeId: true } as const;

type Candidate = { teamId: string; venueId: string; programmeId: string; startsAt: Date; endsAt: Date; excludeSessionId?: string };
type ProgrammeRow = Turnaround & { id: string; archivedAt: Date | null; capacity: number | null };

/**
 * The team's and the venue's holding sessions within two days of the candidate (which covers its London day), with
 * their programmes' turnaround, and the candidate's programme. A session lasts less than a day and turnaround plus
 * travel is far less than a day, so nothing further away can clash.
 */
function sessionsNear(tx: Tx, candidate: Candidate): Promise<{ nearby: NearbySession[]; programme: ProgrammeRow | null }> {
  return holdingSessionsAround(tx, { ...candidate, from: candidate.startsAt, to: candidate.endsAt });
}

/**
 * The team's and the venue's holding sessions from two days before `from` to two days after `to`, with their
 * programmes' turnaround, and the candidate's programme: two queries, the first on the (teamId, startsAt) and
 * (venueId, startsAt) indexes.
 */
async function holdingSessionsAround(
  tx: Tx,
  range: { teamId: string; venueId: string; programmeId: string; from: Date; to: Date; excludeSessionId?: string },
): Promise<{ nearby: NearbySession[]; programme: ProgrammeRow | null }> {
  const rows = await tx.session.findMany({
    where: {
      OR: [{ teamId: range.teamId }, { venueId: range.venueId }],
      status: { in: HOLDING },
      startsAt: { gte: new Date(range.from.getTime() - 2 * DAY_MS), lt: new Date(range.to.getTime() + 2 * DAY_MS) },
      ...(range.excludeSessionId ? { id: { not: range.excludeSessionId } } : {}),
    },
    select: nearSelect,
    orderBy: { startsAt: "asc" },
  });
  const programmes = await tx.programme.findMany({
    where: { id: { in: [...new Set([range.programmeId, ...rows.map((r) => r.programmeId)])] } },
    select: { id: true, archivedAt: true, capacity: true, getInMinutes: true, getOutMinutes: true },
  });
  const byId = new Map(programmes.map((p) => [p.id, p]));
  return {
    nearby: rows.map((r) => ({ ...r, turnaround: byId.get(r.programmeId)! })),
    programme: byId.get(range.programmeId) ?? null,
  };
}

/** Names and times of the sessions in the way, for the error a coordinator sees. */
async function describeClashes(tx: Tx, blocking: Blocking[]): Promise<ClashingSession[]> {
  if (!blocking.length) return [];
  const rows = await tx.session.findMany({
    where: { id: { in: blocking.map((b) => b.id) } },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      programme: { select: { name: true } },
      venue: { select: { name: true } },
      team: { select: { name: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return blocking.map(({ id, reason }) => {
    const s = byId.get(id)!;
    return {
      id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      programmeName: s.programme.name,
      venueName: s.venue.name,
      teamName: s.team.name,
      reason,
    };
  });
}

/**
 * Sessions that stop this booking: the team's sessions whose busy time (get-in before, get-out after, and the
 * travel buffer when the venue differs) overlaps the new one's, and the venue's sessions using the hall at the
 * same time (get-in and get-out included), as the slot judge finds them. Touching intervals do not clash.
 */
export async function sessionsClashingWith(
  tx: Tx,
  candidate: Candidate,
  travelBufferMinutes = env().TRAVEL_BUFFER_MINUTES,
): Promise<ClashingSession[]> {
  const { nearby, programme } = await sessionsNear(tx, candidate);
  if (!programme) throw new ReferenceNotFoundError("Select a programme from the list", "programmeId");
  const { team, hall } = clashesWith(candidate, { programme, nearby, travelBufferMinutes });
  return describeClashes(tx, [
    ...team.map((id) => ({ id, reason: "TEAM" as const })),
    ...hall.map((id) => ({ id, reason: "VENUE" as const })),
  ]);
}

type TeamRow = { id: string; name: string; archivedAt: Date | null; sessionsPerDay: number; workingWeekdays: string };
type VenueRow = { id: string; name: string; archivedAt: Date | null; hallCapacity: number | null };

const workingWeekdaysOf = (team: Pick<TeamRow, "workingWeekdays">) => team.workingWeekdays.split(",").map(Number);

/**
 * Judge a booking or a move inside the transaction that holds the team and venue locks (which read their rows):
 * gather the facts, ask the slot judge, and throw the error for the first rule broken. Returns the capacity
 * override reason to record (null when the numbers fit).
 */
async function checkBooking(
  tx: Tx,
  input: BookingInput & Slot,
  locked: { team: TeamRow | undefined; venue: VenueRow | undefined },
  options: { excludeSessionId?: string; now: Date; existingOverrideReason?: string | null },
) {
  const { team, venue } = locked;
  if (!venue || venue.archivedAt) throw new ReferenceNotFoundError("Select a venue from the list", "venueId");
  if (!team || team.archivedAt) throw new ReferenceNotFoundError("Select a team from the list", "teamId");
  const slot = { ...input, excludeSessionId: options.excludeSessionId, expected: input.expectedPupils ?? input.expectedAdults ?? null };
  const { nearby, programme } = await sessionsNear(tx, slot);
  if (!programme || programme.archivedAt) throw new ReferenceNotFoundError("Select a programme from the list", "programmeId");
  const { breaches } = judgeSlot(slot, {
    now: options.now,
    travelBufferMinutes: env().TRAVEL_BUFFER_MINUTES,
    programme,
    team: { ...team, workingWeekdays: workingWeekdaysOf(team) },
    venue,
    availability: await venueAvailability(venue.id, input.date, tx),
    nearby,
  });
  const [first] = breaches;
  if (first && first.rule !== "OVER_CAPACITY") {
    throw breachError(first, { teamName: team.name, sessions: await describeClashes(tx, sessionsInTheWay(breaches)) });
  }
  return {
    capacityOverrideReason: capacityOverrideFor(first, {
      given: input.capacityOverrideReason,
      existing: options.existingOverrideReason,
    }),
  };
}

/**
 * More people than the programme or the hall takes needs a reason, recorded with the session; a reason given
 * before still stands. Null when the numbers fit.
 */
function capacityOverrideFor(over: CapacityBreach | null | undefined, reasons: { given?: string | null; existing?: string | null }) {
  if (!over) return null;
  const reason = reasons.given?.trim() || reasons.existing || null;
  if (!reason) throw breachError(over, { teamName: "", sessions: [] });
  return reason;
}

/**
 * Serialise bookings of one team and one venue: the first statements of the transaction write their rows (and read
 * them back), so PostgreSQL holds row locks and SQLite the database write lock until commit, and the checks that
 * follow see every booking committed before. Teams are always locked before venues, so two transactions never wait
 * on each other in a circle.
 */
async function lockTeamsAndVenues(tx: Tx, teamIds: string[], venueIds: string[]) {
  const teams = new Map<string, TeamRow>();
  const venues = new Map<string, VenueRow>();
  const lock = { lockVersion: { increment: 1 } };
  for (const id of [...new Set(teamIds)].sort()) {
    const [team] = await tx.team.updateManyAndReturn({
      where: { id },
      data: lock,
      select: { id: true, name: true, archivedAt: true, sessionsPerDay: true, workingWeekdays: true },
    });
    if (team) teams.set(id, team);
  }
  for (const id of [...new Set(venueIds)].sort()) {
    const [venue] = await tx.venue.updateManyAndReturn({
      where: { id },
      data: lock,
      select: { id: true, name: true, archivedAt: true, hallCapacity: true },
    });
    if (venue) venues.set(id, venue);
  }
  return { teams, venues };
}

export type FreeDatesInput = {
  programmeId: string;
  venueId: string;
  teamId: string;
  from: string;
  weeks: number;
  startTime: string;
  endTime: string;
};
export type DateOption = { date: string; free: true } | { date: string; free: false; reason: string; sessions: ClashingSession[] };
export const MAX_SEARCH_WEEKS = 12;

/**
 * The team's working days from `from` for `weeks` weeks, each either free for this programme at this venue and
 * time or with the first rule that stops it, judged as bookSession would judge it (the booking itself checks again).
 * Three reads for the whole range: the venue's calendar, the nearby sessions and their names.
 */
export async function findFreeDates(input: FreeDatesInput, now = new Date()) {
  const [programme, venue, team] = await Promise.all([
    db.programme.findUnique({ where: { id: input.programmeId }, select: { name: true, archivedAt: true } }),
    db.venue.findUnique({ where: { id: input.venueId }, select: { name: true, archivedAt: true, hallCapacity: true } }),
    db.team.findUnique({
      where: { id: input.teamId },
      select: { name: true, archivedAt: true, sessionsPerDay: true, workingWeekdays: true },
    }),
  ]);
  if (!programme || programme.archivedAt) throw new ReferenceNotFoundError("Select a programme from the list", "programmeId");
  if (!venue || venue.archivedAt) throw new ReferenceNotFoundError("Select a venue from the list", "venueId");
  if (!team || team.archivedAt) throw new ReferenceNotFoundError("Select a team from the list", "teamId");
  if (!endsAfterStart(input)) throw new EndBeforeStartError();
  const weeks = Math.min(Math.max(1, input.weeks), MAX_SEARCH_WEEKS);
  const to = addDays(input.from, weeks * 7 - 1);
  const calendar = await availabilityBetween(input.venueId, input.from, to);
  const { nearby, programme: turnaround } = await holdingSessionsAround(db, {
    ...input,
    from: londonDayBounds(input.from).start,
    to: londonDayBounds(to).end,
  });
  const facts = {
    now,
    travelBufferMinutes: env().TRAVEL_BUFFER_MINUTES,
    programme: turnaround!,
    team: { ...team, id: input.teamId, workingWeekdays: workingWeekdaysOf(team) },
    venue: { ...venue, id: input.venueId },
    nearby,
  };
  const judged = calendar
    .map(({ date, availability }) => ({ date, breaches: judgeSlot({ ...input, date }, { ...facts, availability }).breaches }))
    // Days the team does not work are not offered at all.
    .filter(({ breaches }) => !breaches.some((b) => b.rule === "NON_WORKING_DAY"))
    .map(({ date, breaches }) => ({
      date,
      reason: breaches.length ? freeDateReason(breaches[0], { teamName: team.name, venueName: venue.name }) : undefined,
      blocking: sessionsInTheWay(breaches),
    }));
  const described = new Map(
    (
      await describeClashes(
        db,
        judged.flatMap((d) => d.blocking),
      )
    ).map((c) => [c.id, c]),
  );
  const options = judged.map((d): DateOption =>
    d.reason === undefined
      ? { date: d.date, free: true }
      : { date: d.date, free: false, reason: d.reason, sessions: d.blocking.map((b) => described.get(b.id)!) },
  );
  return { programmeName: programme.name, venueName: venue.name, teamName: team.name, from: input.from, to, options };
}

/** Why a date cannot be booked, as the list of free dates says it (shorter than a booking's error). */
function freeDateReason(breach: SlotBreach, names: { teamName: string; venueName: string }): string {
  switch (breach.rule) {
    case "PAST":
      return "This date has passed";
    case "VENUE_CLOSED":
      return breach.reason;
    case "TEAM_CLASH":
      return `${names.teamName} is already booked at that time`;
    case "HALL_CLASH":
      return `${names.venueName} is already in use at that time`;
    case "DAY_FULL": {
      const n = breach.sessionIds.length;
      return `${names.teamName} already has ${n} ${n === 1 ? "session" : "sessions"} that day`;
    }
    default:
      return breachError(breach, { teamName: names.teamName, sessions: [] }).message;
  }
}

export function icalUidFor(sessionId: string): string {
  return `${sessionId}@${new URL(env().APP_URL).hostname}`;
}

const normaliseText = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** Book a session (status PROVISIONAL, or DELIVERED when recording one that already took place). */
export async function bookSession(actor: Actor, input: BookingInput, meta: RequestMeta, now = new Date()) {
  const slot = toSlot(input);
  return db.$transaction(async (tx) => {
    const locked = await lockTeamsAndVenues(tx, [input.teamId], [input.venueId]);
    const { capacityOverrideReason } = await checkBooking(
      tx,
      { ...input, ...slot },
      { team: locked.teams.get(input.teamId), venue: locked.venues.get(input.venueId) },
      { now },
    );
    const id = randomUUID();
    const status: SessionStatus = input.alreadyDelivered ? "DELIVERED" : "PROVISIONAL";
    const session = await tx.session.create({
      data: {
        id,
        programmeId: input.programmeId,
        venueId: input.venueId,
        teamId: input.teamId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        status,
        yearGroups: input.yearGroups?.length ? input.yearGroups.join(",") : null,
        expectedPupils: input.expectedPupils ?? null,
        expectedAdults: input.expectedAdults ?? null,
        capacityOverrideReason,
        venueNotes: normaliseText(input.venueNotes),
        internalNotes: normaliseText(input.internalNotes),
        deliveredAt: status === "DELIVERED" ? slot.endsAt : null,
        icalUid: icalUidFor(id),
        createdById: actor.id,
      },
      select: { id: true, startsAt: true, endsAt: true, status: true, icalUid: true, icalSequence: true },
    });
    await tx.sessionChange.create({
      data: {
        sessionId: id,
        actorId: actor.id,
        kind: "BOOKED",
        summary: status === "DELIVERED" ? "Recorded as already delivered" : "Booked as provisional",
        details: { v: 1, changes: [], ...(capacityOverrideReason ? { capacityOverrideReason } : {}) },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "session.book",
        entityType: "Session",
        entityId: id,
        details: { v: 1, status, capacityOverridden: !!capacityOverrideReason },
      },
    );
    return session;
  }, TX_OPTIONS);
}

export type RescheduleInput = {
  sessionId: string;
  date: string;
  startTime: string;
  endTime: string;
  venueId: string;
  teamId: string;
  reason?: string | null;
  capacityOverrideReason?: string | null;
};

export type FieldChange = { field: string; from: string; to: string };
export type RescheduleResult = {
  sessionId: string;
  dateChanged: boolean;
  timeChanged: boolean;
  venueChanged: boolean;
  teamChanged: boolean;
  icalSequence: number;
};

/**
 * Move a session to another date, time, venue or team. Every booking rule runs again, ignoring the session itself.
 * The history row, audit row and sequence bump commit with the move; the caller learns what changed so calendar
 * updates can be sent in the same transaction.
 */
export async function rescheduleSession(
  actor: Actor,
  input: RescheduleInput,
  meta: RequestMeta,
  now = new Date(),
): Promise<RescheduleResult> {
  const slot = toSlot(input);
  return db.$transaction(async (tx) => {
    // Only the destination team and venue need the lock: leaving the old slot can only free time there.
    const locked = await lockTeamsAndVenues(tx, [input.teamId], [input.venueId]);
    const before = await tx.session.findUnique({
      where: { id: input.sessionId },
      select: {
        id: true,
        status: true,
        startsAt: true,
        endsAt: true,
        programmeId: true,
        venueId: true,
        teamId: true,
        icalSequence: true,
        updatedAt: true,
        expectedPupils: true,
        expectedAdults: true,
        capacityOverrideReason: true,
        venue: { select: { name: true } },
        team: { select: { name: true } },
      },
    });
    if (!before) throw new NotFoundError("Session not found");
    if (!CHANGEABLE.includes(before.status as SessionStatus)) throw new SessionStatusError(before.status as SessionStatus, "moved");
    const { capacityOverrideReason } = await checkBooking(
      tx,
      { ...input, ...slot, programmeId: before.programmeId, expectedPupils: before.expectedPupils, expectedAdults: before.expectedAdults },
      { team: locked.teams.get(input.teamId), venue: locked.venues.get(input.venueId) },
      { now, excludeSessionId: before.id, existingOverrideReason: before.capacityOverrideReason },
    );
    const dateChanged = londonDate(before.startsAt) !== input.date;
    const timeChanged = londonTime(before.startsAt) !== input.startTime || londonTime(before.endsAt) !== input.endTime;
    const venueChanged = before.venueId !== input.venueId;
    const teamChanged = before.teamId !== input.teamId;
    if (!dateChanged && !timeChanged && !venueChanged && !teamChanged)
      throw new DomainError("Change the date, time, venue or team to move the session", "date");

    const venue = venueChanged ? await tx.venue.findUniqueOrThrow({ where: { id: input.venueId }, select: { name: true } }) : before.venue;
    const team = teamChanged ? await tx.team.findUniqueOrThrow({ where: { id: input.teamId }, select: { name: true } }) : before.team;
    const changes: FieldChange[] = [];
    const when = (s: Slot) => `${formatDateTime(s.startsAt)} to ${londonTime(s.endsAt)}`;
    if (dateChanged || timeChanged) changes.push({ field: "time", from: when(before), to: when(slot) });
    if (venueChanged) changes.push({ field: "venue", from: before.venue.name, to: venue.name });
    if (teamChanged) changes.push({ field: "team", from: before.team.name, to: team.name });
    // A new time or place is news to a calendar; a new team alone is not.
    const calendarChanged = dateChanged || timeChanged || venueChanged;
    const icalSequence = before.icalSequence + (calendarChanged ? 1 : 0);
    // Another move of this session may hold different locks: refuse if it changed since we read it.
    const updated = await tx.session.updateMany({
      where: { id: before.id, updatedAt: before.updatedAt, status: before.status },
      data: {
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        venueId: input.venueId,
        teamId: input.teamId,
        icalSequence,
        capacityOverrideReason,
      },
    });
    if (updated.count !== 1) throw new DomainError("Someone else changed this session at the same time. Check it and try again");
    const reason = normaliseText(input.reason);
    await tx.sessionChange.create({
      data: {
        sessionId: before.id,
        actorId: actor.id,
        kind: "MOVED",
        summary: `Moved${reason ? `: ${reason}` : ""}`,
        details: { v: 1, changes, ...(reason ? { reason } : {}) },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "session.move", entityType: "Session", entityId: before.id, details: { v: 1, changed: changes.map((c) => c.field) } },
    );
    // Invited venues hear of a new time or place (a new team is not their business); this may also reset the status.
    if (calendarChanged) await queueVenueCalendarUpdate(tx, { sessionId: before.id, change: "MOVED", dateChanged }, now);
    return { sessionId: before.id, dateChanged, timeChanged, venueChanged, teamChanged, icalSequence };
  }, TX_OPTIONS);
}

export type CancelResult = { sessionId: string; dateChanged: false; timeChanged: false; venueChanged: false; icalSequence: number };

/** Cancel with a reason. The slot is free at once; history, audit and sequence bump commit with it. */
export async function cancelSession(
  actor: Actor,
  input: { sessionId: string; reason: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<CancelResult> {
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("Enter why the session is cancelled", "reason");
  return db.$transaction(async (tx) => {
    const before = await tx.session.findUnique({ where: { id: input.sessionId }, select: { id: true, status: true, icalSequence: true } });
    if (!before) throw new NotFoundError("Session not found");
    const status = before.status as SessionStatus;
    if (!CHANGEABLE.includes(status)) throw new SessionStatusError(status, "cancelled");
    const icalSequence = before.icalSequence + 1;
    // The status guard in the where clause makes two simultaneous cancels record one change.
    const updated = await tx.session.updateMany({
      where: { id: before.id, status },
      data: { status: "CANCELLED", cancelReason: reason, cancelledAt: now, icalSequence },
    });
    if (updated.count !== 1) throw new SessionStatusError("CANCELLED", "cancelled");
    await tx.sessionChange.create({
      data: {
        sessionId: before.id,
        actorId: actor.id,
        kind: "CANCELLED",
        summary: `Cancelled: ${reason}`,
        details: { v: 1, changes: [{ field: "status", from: STATUS_LABELS[status], to: STATUS_LABELS.CANCELLED }], reason },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "session.cancel", entityType: "Session", entityId: before.id, details: { v: 1, previousStatus: status } },
    );
    await queueVenueCalendarUpdate(tx, { sessionId: before.id, change: "CANCELLED", dateChanged: false }, now);
    return { sessionId: before.id, dateChanged: false, timeChanged: false, venueChanged: false, icalSequence };
  }, TX_OPTIONS);
}

export type DetailsInput = SessionDetails & {
  sessionId: string;
  /** When the session last changed, as the form saw it (milliseconds): a later change is not overwritten. */
  version: number;
};
export type DetailsResult = { sessionId: string; changed: string[]; venueUpdated: boolean };

const joinYears = (years: string[] | undefined) => (years?.length ? years.join(",") : null);
const yearsText = (years: string | null) =>
  years
    ? years
        .split(",")
        .map((y) => `Year ${y}`)
        .join(", ")
    : "none";
const numberText = (n: number | null) => (n === null ? "not given" : String(n));
const notesText = (t: string | null) => t ?? "none";

/**
 * Change who comes to a session and its notes, not when or where it is. Venues already invited are sent the new
 * details (and their calendars a new version) when something they see changed: year groups, expected pupils or
 * the notes for them. Internal notes stay in the office: the history names the change without the text.
 */
export async function updateSessionDetails(actor: Actor, input: DetailsInput, meta: RequestMeta, now = new Date()): Promise<DetailsResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.session.findUnique({
      where: { id: input.sessionId },
      select: {
        id: true,
        status: true,
        updatedAt: true,
        icalSequence: true,
        yearGroups: true,
        expectedPupils: true,
        expectedAdults: true,
        venueNotes: true,
        internalNotes: true,
        capacityOverrideReason: true,
        programme: { select: { capacity: true } },
        venue: { select: { hallCapacity: true } },
      },
    });
    if (!before) throw new NotFoundError("Session not found");
    const status = before.status as SessionStatus;
    if (!CHANGEABLE.includes(status)) throw new SessionStatusError(status, "changed");
    if (before.updatedAt.getTime() !== input.version) throw new StaleSessionError();

    const after = {
      yearGroups: joinYears(input.yearGroups),
      expectedPupils: input.expectedPupils ?? null,
      expectedAdults: input.expectedAdults ?? null,
      venueNotes: normaliseText(input.venueNotes),
      internalNotes: normaliseText(input.internalNotes),
    };
    const capacityOverrideReason = capacityOverrideFor(
      capacityBreach(after.expectedPupils ?? after.expectedAdults, {
        programmeCapacity: before.programme.capacity,
        hallCapacity: before.venue.hallCapacity,
      }),
      { given: input.capacityOverrideReason, existing: before.capacityOverrideReason },
    );
    // What the venue sees, with the old and new values for the history.
    const seenByVenue: FieldChange[] = [];
    if (after.yearGroups !== before.yearGroups)
      seenByVenue.push({ field: "year groups", from: yearsText(before.yearGroups), to: yearsText(after.yearGroups) });
    if (after.expectedPupils !== before.expectedPupils)
      seenByVenue.push({ field: "expected pupils", from: numberText(before.expectedPupils), to: numberText(after.expectedPupils) });
    if (after.venueNotes !== before.venueNotes)
      seenByVenue.push({ field: "notes for the venue", from: notesText(before.venueNotes), to: notesText(after.venueNotes) });
    const changes = [...seenByVenue];
    if (after.expectedAdults !== before.expectedAdults)
      changes.push({ field: "expected adults", from: numberText(before.expectedAdults), to: numberText(after.expectedAdults) });
    const internalChanged = after.internalNotes !== before.internalNotes;
    const reasonChanged = capacityOverrideReason !== before.capacityOverrideReason;
    if (!changes.length && !internalChanged && !reasonChanged) return { sessionId: before.id, changed: [], venueUpdated: false };

    const icalSequence = before.icalSequence + (seenByVenue.length ? 1 : 0);
    const updated = await tx.session.updateMany({
      where: { id: before.id, updatedAt: before.updatedAt, status },
      data: { ...after, capacityOverrideReason, icalSequence },
    });
    if (updated.count !== 1) throw new StaleSessionError();
    const changed = [
      ...changes.map((c) => c.field),
      ...(internalChanged ? ["internal notes"] : []),
      ...(reasonChanged ? ["capacity reason"] : []),
    ];
    await tx.sessionChange.create({
      data: {
        sessionId: before.id,
        actorId: actor.id,
        kind: "EDITED",
        summary: `Details changed: ${changed.join(", ")}`,
        details: { v: 1, changes },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "session.update_details", entityType: "Session", entityId: before.id, details: { v: 1, changed } },
    );
    const liveInvitations = seenByVenue.length
      ? await tx.invitation.count({ where: { sessionId: before.id, revokedAt: null, status: { not: "DECLINED" } } })
      : 0;
    if (liveInvitations) await queueVenueCalendarUpdate(tx, { sessionId: before.id, change: "DETAILS", dateChanged: false }, now);
    return { sessionId: before.id, changed, venueUpdated: liveInvitations > 0 };
  }, TX_OPTIONS);
}

// ───────────────────────────── Queries (scoped by viewer) ─────────────────────────────

/** The sessions a user may see: everything with session:read, their own team's with session:read-own-team. */
export function visibleSessionsWhere(viewer: Viewer) {
  if (can(viewer.roles, "session:read")) return {};
  if (can(viewer.roles, "session:read-own-team")) return { team: { members: { some: { userId: viewer.id } } } };
  return { id: "__none__" };
}

export async function getSession(viewer: Viewer, sessionId: string) {
  const session = await db.session.findFirst({
    where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      yearGroups: true,
      expectedPupils: true,
      expectedAdults: true,
      capacityOverrideReason: true,
      venueNotes: true,
      internalNotes: true,
      cancelReason: true,
      cancelledAt: true,
      deliveredAt: true,
      icalUid: true,
      icalSequence: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      programme: { select: { id: true, name: true, kind: true, getInMinutes: true, getOutMinutes: true, capacity: true } },
      venue: {
        select: {
          id: true,
          name: true,
          kind: true,
          addressLine1: true,
          addressLine2: true,
          town: true,
          postcode: true,
          phone: true,
          hallCapacity: true,
          contacts: {
            where: { archivedAt: null },
            select: { name: true, role: true, email: true, phone: true, isPrimary: true },
            orderBy: [{ isPrimary: "desc" }, { name: "asc" }],
            take: 5,
          },
        },
      },
      team: { select: { id: true, name: true } },
      changes: {
        select: { id: true, at: true, kind: true, summary: true, details: true, actor: { select: { name: true } } },
        orderBy: { at: "desc" },
        take: 50,
      },
    },
  });
  if (!session) return null;
  const canBook = can(viewer.roles, "session:book");
  const changeable = CHANGEABLE.includes(session.status as SessionStatus);
  return {
    ...session,
    status: session.status as SessionStatus,
    date: londonDate(session.startsAt),
    startTime: londonTime(session.startsAt),
    endTime: londonTime(session.endsAt),
    // Internal notes are for the booking office, not the touring team's phones.
    internalNotes: canBook ? session.internalNotes : null,
    changes: session.changes.map((c) => ({ ...c, fieldChanges: fieldChangesOf(c.details) })),
    actions: { edit: canBook && changeable, move: canBook && changeable, cancel: canBook && changeable },
  };
}

function fieldChangesOf(details: unknown): FieldChange[] {
  const changes = (details as { changes?: unknown } | null)?.changes;
  return Array.isArray(changes) ? (changes as FieldChange[]) : [];
}

export type SessionFilters = { teamId?: string; venueId?: string; programmeId?: string; status?: SessionStatus; from?: Date; to?: Date };

function filtersWhere(viewer: Viewer, f: SessionFilters) {
  return {
    AND: [
      visibleSessionsWhere(viewer),
      {
        ...(f.teamId ? { teamId: f.teamId } : {}),
        ...(f.venueId ? { venueId: f.venueId } : {}),
        ...(f.programmeId ? { programmeId: f.programmeId } : {}),
        ...(f.status ? { status: f.status } : {}),
        ...(f.from || f.to ? { startsAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
      },
    ],
  };
}

const listSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  status: true,
  expectedPupils: true,
  expectedAdults: true,
  yearGroups: true,
  programme: { select: { name: true } },
  venue: { select: { name: true, postcode: true } },
  team: { select: { name: true } },
} as const;

type ListedRow = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  programme: { name: string };
  venue: { name: string; postcode: string | null };
  team: { name: string };
};

const toListItem = <T extends ListedRow>(s: T) => ({
  ...s,
  status: s.status as SessionStatus,
  date: londonDate(s.startsAt),
  startTime: londonTime(s.startsAt),
  endTime: londonTime(s.endsAt),
});

export async function listSessions({ viewer, filters, page }: { viewer: Viewer; filters: SessionFilters; page: number }) {
  const where = filtersWhere(viewer, filters);
  const [items, total, choices] = await Promise.all([
    db.session.findMany({ where, select: listSelect, orderBy: [{ startsAt: "asc" }, { id: "asc" }], ...pageWindow(page) }),
    db.session.count({ where }),
    diaryChoices(viewer),
  ]);
  return { ...toPage(items.map(toListItem), total, page), choices };
}

export const CSV_ROW_LIMIT = 20_000;

/** Rows for the CSV download of a filtered list (capped; narrow the filters for more). */
export async function sessionsForExport({ viewer, filters }: { viewer: Viewer; filters: SessionFilters }) {
  const rows = await db.session.findMany({
    where: filtersWhere(viewer, filters),
    select: listSelect,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: CSV_ROW_LIMIT,
  });
  return {
    header: [
      "Date",
      "Start",
      "End",
      "Programme",
      "Venue",
      "Postcode",
      "Team",
      "Status",
      "Year groups",
      "Expected pupils",
      "Expected adults",
      "Session ID",
    ],
    rows: rows
      .map(toListItem)
      .map((s) => [
        s.date,
        s.startTime,
        s.endTime,
        s.programme.name,
        s.venue.name,
        s.venue.postcode,
        s.team.name,
        STATUS_LABELS[s.status],
        s.yearGroups,
        s.expectedPupils,
        s.expectedAdults,
        s.id,
      ]),
  };
}

/** Sessions in [from, to) for the week and month diaries; a month holds a bounded number of sessions per team. */
export async function diarySessions({
  viewer,
  filters,
  fromDate,
  toDate,
}: {
  viewer: Viewer;
  filters: SessionFilters;
  fromDate: string;
  toDate: string;
}) {
  const rows = await db.session.findMany({
    where: filtersWhere(viewer, { ...filters, from: londonDayBounds(fromDate).start, to: londonDayBounds(toDate).start }),
    select: listSelect,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 2000,
  });
  return rows.map(toListItem);
}

/** Choices for the filters and booking form. */
export async function bookingChoices() {
  const [programmes, venues, teams] = await Promise.all([
    db.programme.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.venue.findMany({
      where: { archivedAt: null },
      select: { id: true, name: true, postcode: true },
      orderBy: { name: "asc" },
      take: 5000,
    }),
    db.team.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { programmes, venues, teams };
}

/** Choices for the diary filters: the teams a viewer can see, and every programme and venue. */
export async function diaryChoices(viewer: Viewer) {
  const [teams, { programmes, venues }] = await Promise.all([visibleTeams(viewer), bookingChoices()]);
  return { teams, programmes, venues };
}

/** Teams a viewer can see the diary of (facilitators: their own). */
export async function visibleTeams(viewer: Viewer) {
  const where = can(viewer.roles, "session:read") ? { archivedAt: null } : { archivedAt: null, members: { some: { userId: viewer.id } } };
  return db.team.findMany({ where, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/**
 * A team's day, in order: where to be, when to get in, who to ask for, and the gap to travel between venues.
 * Null when the viewer may not see the team.
 */
export async function teamDaySheet(viewer: Viewer, teamId: string, date: string) {
  const team = await db.team.findFirst({
    where: { id: teamId, ...(can(viewer.roles, "session:read") ? {} : { members: { some: { userId: viewer.id } } }) },
    select: { id: true, name: true, basePostcode: true },
  });
  if (!team) return null;
  const day = londonDayBounds(date);
  const sessions = await db.session.findMany({
    where: { teamId, status: { in: HOLDING }, startsAt: { gte: day.start, lt: day.end } },
    orderBy: { startsAt: "asc" },
    take: 50,
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      expectedPupils: true,
      expectedAdults: true,
      yearGroups: true,
      venueNotes: true,
      programme: { select: { name: true, getInMinutes: true, getOutMinutes: true } },
      venue: {
        select: {
          id: true,
          name: true,
          addressLine1: true,
          addressLine2: true,
          town: true,
          postcode: true,
          phone: true,
          accessibilityNotes: true,
          contacts: {
            where: { archivedAt: null },
            select: { name: true, role: true, phone: true, email: true },
            orderBy: [{ isPrimary: "desc" }, { name: "asc" }],
            take: 1,
          },
        },
      },
    },
  });
  let previous: { endsAt: Date; getOut: number; venueId: string } | null = null;
  const items = sessions.map((s) => {
    const getInAt = new Date(s.startsAt.getTime() - minutes(s.programme.getInMinutes));
    const travelMinutes =
      previous && previous.venueId !== s.venue.id
        ? Math.round((getInAt.getTime() - previous.endsAt.getTime() - minutes(previous.getOut)) / 60_000)
        : null;
    previous = { endsAt: s.endsAt, getOut: s.programme.getOutMinutes, venueId: s.venue.id };
    return {
      ...s,
      status: s.status as SessionStatus,
      startTime: londonTime(s.startsAt),
      endTime: londonTime(s.endsAt),
      getInTime: londonTime(getInAt),
      getOutTime: londonTime(new Date(s.endsAt.getTime() + minutes(s.programme.getOutMinutes))),
      contact: s.venue.contacts[0] ?? null,
      travelMinutesBefore: travelMinutes,
    };
  });
  return { team, date, sessions: items };
}

/** What the details form needs: the session's details as they are now. Null when they cannot be changed. */
export async function detailsFormData(viewer: Viewer, sessionId: string) {
  const session = await getSession(viewer, sessionId);
  if (!session?.actions.edit) return null;
  const liveInvitations = await db.invitation.count({ where: { sessionId: session.id, revokedAt: null, status: { not: "DECLINED" } } });
  return {
    session: {
      id: session.id,
      programmeName: session.programme.name,
      venueName: session.venue.name,
      date: session.date,
      yearGroups: session.yearGroups ? session.yearGroups.split(",") : [],
      expectedPupils: session.expectedPupils === null ? "" : String(session.expectedPupils),
      expectedAdults: session.expectedAdults === null ? "" : String(session.expectedAdults),
      venueNotes: session.venueNotes ?? "",
      internalNotes: session.internalNotes ?? "",
      capacityOverrideReason: session.capacityOverrideReason ?? "",
      version: String(session.updatedAt.getTime()),
    },
    venueInvited: liveInvitations > 0,
  };
}

/** What the move form needs: the session as typed, and where it could go. Null when it cannot be moved. */
export async function moveFormData(viewer: Viewer, sessionId: string) {
  const session = await getSession(viewer, sessionId);
  if (!session?.actions.move) return null;
  const choices = await bookingChoices();
  return {
    session: {
      id: session.id,
      programmeName: session.programme.name,
      venueId: session.venue.id,
      teamId: session.team.id,
      date: session.date,
      startTime: session.startTime,
      endTime: session.endTime,
    },
    choices: { venues: choices.venues, teams: choices.teams },
  };
}

export const toFilters = (q: { team?: string; venue?: string; programme?: string; status?: SessionStatus }): SessionFilters => ({
  teamId: q.team,
  venueId: q.venue,
  programmeId: q.programme,
  status: q.status,
});

/** The week (Monday to Sunday) holding a date, each day with its sessions. */
export async function diaryWeek({ viewer, filters, date = todayInLondon() }: { viewer: Viewer; filters: SessionFilters; date?: string }) {
  const start = addDays(date, 1 - isoWeekday(date));
  const end = addDays(start, 7);
  const sessions = await diarySessions({ viewer, filters, fromDate: start, toDate: end });
  const days = Array.from({ length: 7 }, (_, i) => addDays(start, i)).map((day) => ({
    date: day,
    sessions: sessions.filter((s) => s.date === day),
  }));
  return { start, end: addDays(end, -1), previous: addDays(start, -7), next: end, days, choices: await diaryChoices(viewer) };
}

/** A month as weeks of seven days (Monday first), each day with its sessions. */
export async function diaryMonth({
  viewer,
  filters,
  month = todayInLondon().slice(0, 7),
}: {
  viewer: Viewer;
  filters: SessionFilters;
  month?: string;
}) {
  const first = `${month}-01`;
  const nextFirst = addMonths(first, 1);
  const gridStart = addDays(first, 1 - isoWeekday(first));
  const lastDay = addDays(nextFirst, -1);
  const gridEnd = addDays(lastDay, 8 - isoWeekday(lastDay));
  const sessions = await diarySessions({ viewer, filters, fromDate: first, toDate: nextFirst });
  const weeks: { date: string; inMonth: boolean; sessions: typeof sessions }[][] = [];
  for (let day = gridStart; day < gridEnd; day = addDays(day, 1)) {
    if (isoWeekday(day) === 1) weeks.push([]);
    weeks[weeks.length - 1].push({
      date: day,
      inMonth: day >= first && day < nextFirst,
      sessions: day >= first && day < nextFirst ? sessions.filter((s) => s.date === day) : [],
    });
  }
  return {
    month,
    first,
    previous: addMonths(first, -1).slice(0, 7),
    next: nextFirst.slice(0, 7),
    weeks,
    choices: await diaryChoices(viewer),
  };
}
