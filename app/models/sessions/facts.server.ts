// What the slot judge needs to know, read from the database: the team and venue rows (locked, so bookings of one
// team or venue take turns; see docs/decisions/009-booking-concurrency.md), the holding sessions near a slot with
// their programmes' turnaround, and the venue's calendar. judgeBooking asks the judge and throws the first breach.
import { venueAvailability } from "~/models/calendars.server";
import { busyTimeAround } from "~/models/external-calendars.server";
import type { BookingInput } from "~/models/sessions/changes.server";
import { breachError, ReferenceNotFoundError, type ClashingSession } from "~/models/sessions/errors";
import {
  clashesWith,
  judgeSlot,
  sessionsInTheWay,
  slotInstants,
  type Blocking,
  type CapacityBreach,
  type NearbySession,
  type Turnaround,
} from "~/models/sessions/slot-judge";
import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { SessionStatus } from "~/utils/session-status";

// A cancelled or declined session holds nothing: it never clashes and does not count towards a team's day.
export const HOLDING: SessionStatus[] = ["PROVISIONAL", "INVITED", "CONFIRMED", "DELIVERED"];
const DAY_MS = 24 * 3600_000;

export type Slot = { startsAt: Date; endsAt: Date };

/** The slot's instants, or the error for a time that has none (checked before any row is read or locked). */
export function toSlot(slot: { date: string; startTime: string; endTime: string }): Slot {
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
export async function holdingSessionsAround(
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
export async function describeClashes(tx: Tx, blocking: Blocking[]): Promise<ClashingSession[]> {
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

export const workingWeekdaysOf = (team: Pick<TeamRow, "workingWeekdays">) => team.workingWeekdays.split(",").map(Number);

/**
 * Every rule a booking or a move breaks, judged inside the transaction that holds the team and venue locks (which
 * read their rows), each with the error a coordinator sees. Unknown or archived references throw.
 */
export async function bookingBreaches(
  tx: Tx,
  input: BookingInput & Slot,
  locked: { team: TeamRow | undefined; venue: VenueRow | undefined },
  options: { excludeSessionId?: string; now: Date },
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
    busy: await busyTimeAround(tx, {
      teamId: team.id,
      venueId: venue.id,
      from: new Date(input.startsAt.getTime() - DAY_MS),
      to: new Date(input.endsAt.getTime() + DAY_MS),
    }),
  });
  const names = { teamName: team.name, venueName: venue.name };
  const errorOf = async (breach: (typeof breaches)[number]) =>
    breachError(breach, { ...names, sessions: await describeClashes(tx, sessionsInTheWay([breach])) });
  return { breaches, errorOf };
}

/**
 * Judge a booking or a move inside the transaction that holds the team and venue locks: ask the slot judge and
 * throw the error for the first rule broken. Returns the capacity override reason to record (null when the numbers
 * fit).
 */
export async function judgeBooking(
  tx: Tx,
  input: BookingInput & Slot,
  locked: { team: TeamRow | undefined; venue: VenueRow | undefined },
  options: { excludeSessionId?: string; now: Date; existingOverrideReason?: string | null },
) {
  const { breaches } = await bookingBreaches(tx, input, locked, options);
  const [first] = breaches;
  if (first && first.rule !== "OVER_CAPACITY") {
    throw breachError(first, {
      teamName: locked.team!.name,
      venueName: locked.venue!.name,
      sessions: await describeClashes(tx, sessionsInTheWay(breaches)),
    });
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
export function capacityOverrideFor(over: CapacityBreach | null | undefined, reasons: { given?: string | null; existing?: string | null }) {
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
export async function lockTeamsAndVenues(tx: Tx, teamIds: string[], venueIds: string[]) {
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
