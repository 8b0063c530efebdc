// Small hand-made planning inputs for the tour planner's unit tests.
import { judgeSlot, type NearbySession } from "~/models/sessions/slot-judge";
import type { PlanInput, PlannedSession, PlanResult, PlanSchool, PlanTeam } from "~/models/tour-planner/types";
import { addDays, daysBetween, isoWeekday } from "~/utils/time";

/** Closed dates for weekends in a range, plus any extra closures given. */
export function closures(from: string, to: string, extra: PlanSchool["closedDates"] = {}): PlanSchool["closedDates"] {
  const closed: PlanSchool["closedDates"] = {};
  for (let i = 0; i <= daysBetween(from, to); i++) {
    const d = addDays(from, i);
    if (isoWeekday(d) > 5) closed[d] = { kind: "WEEKEND", reason: "Weekend" };
  }
  return { ...closed, ...extra };
}

export function school(id: string, easting: number, northing: number, cohort: number | null, extra: Partial<PlanSchool> = {}): PlanSchool {
  return {
    venueId: id,
    urn: `urn-${id}`,
    name: `School ${id}`,
    location: { easting, northing },
    cohort,
    hallCapacity: null,
    dayStart: "09:00",
    dayEnd: "15:15",
    closedDates: {},
    ...extra,
  };
}

export function team(id: string, extra: Partial<PlanTeam> = {}): PlanTeam {
  return {
    id,
    name: `Team ${id}`,
    sessionsPerDay: 3,
    workingWeekdays: [1, 2, 3, 4, 5],
    daysOff: [],
    base: { easting: 0, northing: 0 },
    ...extra,
  };
}

/**
 * A plan input with easy arithmetic: shows of 60 minutes with 30 minutes' get-in and get-out, 120 pupils a show,
 * straight-line distance as road distance (factor 1) at 60 km/h, so a km is a minute, and a 15-minute travel buffer.
 */
export function planInput(over: Partial<PlanInput> & Pick<PlanInput, "from" | "to" | "schools" | "teams">): PlanInput {
  const schools = over.schools.map((s) => ({ ...s, closedDates: { ...closures(over.from, over.to), ...s.closedDates } }));
  return {
    now: "2026-01-01T00:00:00.000Z",
    programme: { id: "prog", name: "The play", durationMinutes: 60, capacity: 120, getInMinutes: 30, getOutMinutes: 30 },
    existing: [],
    target: { kind: "EVERY_SCHOOL" },
    travel: { roadFactor: 1, speedKmh: 60, bufferMinutes: 15 },
    excludedDates: [],
    pinned: [],
    removed: [],
    seed: 7,
    ...over,
    schools,
  };
}

/**
 * Judges every planned session against everything else in the diary that day (the other planned sessions and the
 * existing ones), as booking would; returns the sessions with the rules they break.
 */
export function breachesOf(input: PlanInput, result: PlanResult): { session: PlannedSession; rules: string[] }[] {
  const others = (except: number): NearbySession[] => [
    ...result.sessions.flatMap((s, i) =>
      i === except
        ? []
        : [
            {
              id: `p${i}`,
              startsAt: new Date(s.startsAt),
              endsAt: new Date(s.endsAt),
              venueId: s.venueId,
              teamId: s.teamId,
              turnaround: { getInMinutes: input.programme.getInMinutes, getOutMinutes: input.programme.getOutMinutes },
            },
          ],
    ),
    ...input.existing.map((e) => ({
      id: e.id,
      startsAt: new Date(e.startsAt),
      endsAt: new Date(e.endsAt),
      venueId: e.venueId,
      teamId: e.teamId,
      turnaround: { getInMinutes: e.getInMinutes, getOutMinutes: e.getOutMinutes },
    })),
  ];
  return result.sessions.flatMap((session, i) => {
    const t = input.teams.find((x) => x.id === session.teamId)!;
    const s = input.schools.find((x) => x.venueId === session.venueId)!;
    const closed = s.closedDates[session.date];
    const verdict = judgeSlot(
      {
        programmeId: input.programme.id,
        venueId: s.venueId,
        teamId: t.id,
        date: session.date,
        startTime: session.startTime,
        endTime: session.endTime,
        expected: session.expectedPupils,
      },
      {
        now: new Date(input.now),
        travelBufferMinutes: input.travel.bufferMinutes,
        programme: { ...input.programme },
        team: { id: t.id, name: t.name, sessionsPerDay: t.sessionsPerDay, workingWeekdays: t.workingWeekdays },
        venue: { id: s.venueId, name: s.name, hallCapacity: s.hallCapacity },
        availability: closed ? { available: false, ...closed } : { available: true },
        nearby: others(i),
      },
    );
    const extra: string[] = [];
    if (verdict.startsAt?.toISOString() !== session.startsAt) extra.push("STARTS_AT_MISMATCH");
    if (t.daysOff.includes(session.date) || input.excludedDates.includes(session.date)) extra.push("DAY_OFF_OR_EXCLUDED");
    const rules = [...verdict.breaches.map((b) => b.rule), ...extra];
    return rules.length ? [{ session, rules }] : [];
  });
}
