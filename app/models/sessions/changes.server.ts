// Changing the diary: book, move, cancel a session, or change who comes. Each runs in one transaction with its
// history row, audit row and any calendar update for an invited venue.
import { randomUUID } from "node:crypto";
import { queueVenueCalendarUpdate } from "~/models/invitations.server";
import { SessionStatusError, StaleSessionError } from "~/models/sessions/errors";
import { capacityOverrideFor, judgeBooking, lockTeamsAndVenues, toSlot, type Slot } from "~/models/sessions/facts.server";
import { capacityBreach } from "~/models/sessions/slot-judge";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { STATUS_LABELS, type SessionStatus } from "~/utils/session-status";
import { formatDateTime, londonDate, londonTime } from "~/utils/time";

export const CHANGEABLE: SessionStatus[] = ["PROVISIONAL", "INVITED", "CONFIRMED", "DECLINED"];
const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 };

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

export function icalUidFor(sessionId: string): string {
  return `${sessionId}@${new URL(env().APP_URL).hostname}`;
}

const normaliseText = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** Book a session (status PROVISIONAL, or DELIVERED when recording one that already took place). */
export async function bookSession(actor: Actor, input: BookingInput, meta: RequestMeta, now = new Date()) {
  const slot = toSlot(input);
  return db.$transaction(async (tx) => {
    const locked = await lockTeamsAndVenues(tx, [input.teamId], [input.venueId]);
    const { capacityOverrideReason } = await judgeBooking(
      tx,
      { ...input, ...slot },
      { team: locked.teams.get(input.teamId), venue: locked.venues.get(input.venueId) },
      { now },
    );
    return createBookedSession(tx, actor, meta, { ...input, ...slot }, capacityOverrideReason);
  }, TX_OPTIONS);
}

/**
 * Write a judged booking inside the caller's transaction: the session, its BOOKED history row and the audit row.
 * Callers lock the team and venue and ask judgeBooking first (bookSession; the tour planner books a plan this way).
 */
export async function createBookedSession(
  tx: Tx,
  actor: Actor | null,
  meta: RequestMeta,
  input: BookingInput & Slot,
  capacityOverrideReason: string | null,
) {
  const id = randomUUID();
  const status: SessionStatus = input.alreadyDelivered ? "DELIVERED" : "PROVISIONAL";
  const session = await tx.session.create({
    data: {
      id,
      programmeId: input.programmeId,
      venueId: input.venueId,
      teamId: input.teamId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      status,
      yearGroups: input.yearGroups?.length ? input.yearGroups.join(",") : null,
      expectedPupils: input.expectedPupils ?? null,
      expectedAdults: input.expectedAdults ?? null,
      capacityOverrideReason,
      venueNotes: normaliseText(input.venueNotes),
      internalNotes: normaliseText(input.internalNotes),
      deliveredAt: status === "DELIVERED" ? input.endsAt : null,
      icalUid: icalUidFor(id),
      createdById: actor?.id ?? null,
    },
    select: { id: true, startsAt: true, endsAt: true, status: true, icalUid: true, icalSequence: true },
  });
  await tx.sessionChange.create({
    data: {
      sessionId: id,
      actorId: actor?.id ?? null,
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
    const { capacityOverrideReason } = await judgeBooking(
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
