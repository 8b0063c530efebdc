// "Find free dates": each of a team's working days over some weeks, judged as a booking would be.
import { availabilityBetween } from "~/models/calendars.server";
import { busyTimeAround } from "~/models/external-calendars.server";
import { breachError, EndBeforeStartError, ReferenceNotFoundError, type ClashingSession } from "~/models/sessions/errors";
import { describeClashes, holdingSessionsAround, workingWeekdaysOf } from "~/models/sessions/facts.server";
import { endsAfterStart, judgeSlot, sessionsInTheWay, type SlotBreach } from "~/models/sessions/slot-judge";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { addDays, londonDayBounds } from "~/utils/time";

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
  const range = { from: londonDayBounds(input.from).start, to: londonDayBounds(to).end };
  const { nearby, programme: turnaround } = await holdingSessionsAround(db, { ...input, ...range });
  const busy = await busyTimeAround(db, { ...input, ...range });
  const facts = {
    now,
    travelBufferMinutes: env().TRAVEL_BUFFER_MINUTES,
    programme: turnaround!,
    team: { ...team, id: input.teamId, workingWeekdays: workingWeekdaysOf(team) },
    venue: { ...venue, id: input.venueId },
    nearby,
    busy,
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
      return breachError(breach, { ...names, sessions: [] }).message;
  }
}
