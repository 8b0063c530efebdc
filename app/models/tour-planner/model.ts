// The planner's working model of a PlanInput: calendar days as indices, which team works which day, which school can
// be visited which day, the visits each school needs, and the timing of one team's day. Pure and deterministic.
import { judgeSlot, type NearbySession, type SlotFacts } from "~/models/sessions/slot-judge";
import { addDays, daysBetween, isoWeekday, londonDate, londonDayBounds, londonTime, londonToInstant } from "~/utils/time";
import { roadKm, travelMinutesForKm } from "./geo";
import type { GridPoint, PinnedSession, PlanInput, PlanSchool, RejectedPin } from "./types";

/** Start times are offered on a five-minute grid, as a coordinator would write them. */
export const TIME_STEP = 5;

export const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const toHhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const roundUp = (m: number) => Math.ceil(m / TIME_STEP) * TIME_STEP;

/** One stop in a team's day: a school visit to schedule, or a fixed session (existing or pinned) that stays put. */
export type Stop = {
  /** Index into PreparedInput.visits for a visit to plan; EXISTING or PINNED for a fixed session. */
  visit: number;
  /** For a pinned stop, its index in PreparedInput.pinned. */
  pinned?: number;
  venueId: string;
  location: GridPoint | null;
  performances: number;
  getIn: number;
  getOut: number;
  duration: number;
  /** Window for the performances (flexible stops) or the fixed start and end (fixed stops), in minutes of the day. */
  windowStart: number;
  windowEnd: number;
  fixedStart: number | null;
};

/** A visit: performances of one school, back to back on one day (a school needing more than fit a day has several). */
export type Visit = {
  index: number;
  school: number;
  performances: number;
  /** Pupils expected at each performance (null when the cohort is unknown). */
  expected: (number | null)[];
  /** Day indices on which the school can be visited by at least one team (open, in range, not removed, hall free). */
  allowedDays: number[];
  /** Pupils this visit reaches (0 when unknown). */
  pupils: number;
};

export const EXISTING = -1;
export const PINNED = -2;

/** A pinned session the judge accepted, with the pupils it is expected to reach. */
export type AcceptedPin = { pin: PinnedSession; team: number; day: number; school: number; expected: number | null };

export type SchoolStatus =
  | { kind: "NEEDS_VISITS" }
  | { kind: "ALREADY_VISITED" }
  | { kind: "CAPACITY"; detail: string }
  | { kind: "NO_LOCATION"; detail: string }
  | { kind: "OUTSIDE_DATE_RANGE"; detail: string }
  | { kind: "CLOSED_ON_EVERY_FREE_DAY"; detail: string };

export type PreparedInput = {
  input: PlanInput;
  dates: string[];
  /** Monday of each date's week, and a week number counted from the first week of the range. */
  weekOf: number[];
  weekMondays: string[];
  /** teamWorks[t][d]: team t can work on day d (weekday, not a day off, not left out, not past). */
  teamWorks: boolean[][];
  /** Earliest start (minutes) on each day: the "past" rule on today, 0 otherwise. */
  earliestStart: number[];
  /** schoolOpen[s][d]: the school's calendar allows day d, the pair was not removed and its hall is free. */
  schoolOpen: boolean[][];
  status: SchoolStatus[];
  visits: Visit[];
  /** Fixed stops (existing sessions of the plan's teams, and pinned sessions) on team t's day d: key t * days + d. */
  fixedStops: Map<number, Stop[]>;
  /** Sessions already counted per team-day (existing ones), for the per-day limit. */
  fixedSessions: Map<number, number>;
  /** Performances the longest school day can hold, and the most a team can do in a day: a day's true capacity. */
  dayCapacity: number;
  /** The most school visits (different venues) a day can hold. */
  maxVisitsPerDay: number;
  maxSessionsPerDay: number;
  pupilsExisting: number;
  pinned: AcceptedPin[];
  rejectedPins: RejectedPin[];
  /** Holding sessions by date, as the slot judge sees them (existing ones; the solver adds what it plans). */
  existingNearby: Map<string, NearbySession[]>;
};

/** Minutes taken by n performances back to back in one hall (the team resets the hall between them). */
export function blockLength(n: number, p: { duration: number; getIn: number; getOut: number }) {
  return n * p.duration + (n - 1) * (p.getIn + p.getOut);
}

/** The most performances that fit back to back in a window of the given minutes. */
export function performancesFitting(windowMinutes: number, p: { duration: number; getIn: number; getOut: number }) {
  if (windowMinutes < p.duration) return 0;
  return 1 + Math.floor((windowMinutes - p.duration) / (p.duration + p.getIn + p.getOut));
}

/** The audience a single performance at this school may have: the programme's and the hall's capacity. */
export function audienceLimit(input: PlanInput, school: PlanSchool): number | null {
  const limits = [input.programme.capacity, school.hallCapacity].filter((v): v is number => v !== null && v > 0);
  return limits.length ? Math.min(...limits) : null;
}

/** Performances a school needs for its cohort: ceil(cohort / audience limit), one when either is unknown. */
export function performancesNeeded(input: PlanInput, school: PlanSchool): number {
  const limit = audienceLimit(input, school);
  if (school.cohort === null || limit === null) return 1;
  return Math.max(1, Math.ceil(school.cohort / limit));
}

/** The cohort split as evenly as possible over the performances (larger shares first). */
export function splitCohort(cohort: number | null, performances: number): (number | null)[] {
  if (cohort === null) return Array.from({ length: performances }, () => null);
  const base = Math.floor(cohort / performances);
  return Array.from({ length: performances }, (_, i) => base + (i < cohort % performances ? 1 : 0));
}

export function prepare(input: PlanInput): PreparedInput {
  const days = daysBetween(input.from, input.to) + 1;
  const dates = Array.from({ length: Math.max(0, days) }, (_, i) => addDays(input.from, i));
  const dayIndex = new Map(dates.map((d, i) => [d, i]));
  const weekMondays: string[] = [];
  const weekOf = dates.map((d) => {
    const monday = addDays(d, 1 - isoWeekday(d));
    if (weekMondays[weekMondays.length - 1] !== monday) weekMondays.push(monday);
    return weekMondays.length - 1;
  });
  const now = new Date(input.now);
  const today = londonDate(now);
  const nowMinutes = toMinutes(londonTime(now));
  const earliestStart = dates.map((d) => (d === today ? nowMinutes + 1 : 0));
  const excluded = new Set(input.excludedDates);
  const teamWorks = input.teams.map((team) => {
    const off = new Set(team.daysOff);
    const weekdays = new Set(team.workingWeekdays);
    return dates.map((d) => weekdays.has(isoWeekday(d)) && !off.has(d) && !excluded.has(d) && d >= today && team.sessionsPerDay > 0);
  });
  const anyTeamWorks = dates.map((_, d) => teamWorks.some((w) => w[d]));

  const schoolIndex = new Map(input.schools.map((s, i) => [s.venueId, i]));
  const removed = new Set(input.removed.map((r) => `${r.venueId}|${r.date}`));
  const hallBusy = new Set<string>();
  const existingCount = new Map<string, number>();
  let pupilsExisting = 0;
  const fixedStops = new Map<number, Stop[]>();
  const fixedSessions = new Map<number, number>();
  const teamIndex = new Map(input.teams.map((t, i) => [t.id, i]));
  const addFixed = (team: number, day: number, stop: Stop) => {
    const key = team * dates.length + day;
    fixedStops.set(
      key,
      [...(fixedStops.get(key) ?? []), stop].sort((a, b) => a.fixedStart! - b.fixedStart!),
    );
    fixedSessions.set(key, (fixedSessions.get(key) ?? 0) + 1);
  };
  const existingNearby = new Map<string, NearbySession[]>();
  for (const e of input.existing) {
    const start = new Date(e.startsAt);
    const date = londonDate(start);
    const day = dayIndex.get(date);
    if (day === undefined) continue;
    existingNearby.set(date, [
      ...(existingNearby.get(date) ?? []),
      {
        id: e.id,
        startsAt: start,
        endsAt: new Date(e.endsAt),
        venueId: e.venueId,
        teamId: e.teamId,
        turnaround: { getInMinutes: e.getInMinutes, getOutMinutes: e.getOutMinutes },
      },
    ]);
    hallBusy.add(`${e.venueId}|${date}`);
    if (e.programmeId === input.programme.id) {
      existingCount.set(e.venueId, (existingCount.get(e.venueId) ?? 0) + 1);
      pupilsExisting += e.expectedPupils ?? 0;
    }
    const team = teamIndex.get(e.teamId);
    if (team === undefined) continue;
    const s = schoolIndex.get(e.venueId);
    const startMin = toMinutes(londonTime(start));
    const endMin = startMin + Math.round((new Date(e.endsAt).getTime() - start.getTime()) / 60_000);
    addFixed(team, day, {
      visit: EXISTING,
      venueId: e.venueId,
      location: s === undefined ? null : input.schools[s].location,
      performances: 1,
      getIn: e.getInMinutes,
      getOut: e.getOutMinutes,
      duration: endMin - startMin,
      windowStart: startMin,
      windowEnd: endMin,
      fixedStart: startMin,
    });
  }

  // A team's busy time is a fixed stop nowhere in particular (it is not a session: it does not count towards the
  // day's limit); a school's busy time keeps its hall out of the plan on each day it touches.
  for (const b of input.busy ?? []) {
    const startsAt = new Date(b.startsAt);
    const endsAt = new Date(b.endsAt);
    for (let date = londonDate(startsAt); date <= input.to && londonDayBounds(date).start < endsAt; date = addDays(date, 1)) {
      if (b.venueId) hallBusy.add(`${b.venueId}|${date}`);
      const team = b.teamId === undefined ? undefined : teamIndex.get(b.teamId);
      const day = dayIndex.get(date);
      if (team === undefined || day === undefined) continue;
      const bounds = londonDayBounds(date);
      const from = startsAt > bounds.start ? toMinutes(londonTime(startsAt)) : 0;
      const to = endsAt < bounds.end ? toMinutes(londonTime(endsAt)) : 24 * 60;
      const key = team * dates.length + day;
      const stop: Stop = {
        visit: EXISTING,
        venueId: "",
        location: null,
        performances: 1,
        getIn: 0,
        getOut: 0,
        duration: to - from,
        windowStart: from,
        windowEnd: to,
        fixedStart: from,
      };
      fixedStops.set(
        key,
        [...(fixedStops.get(key) ?? []), stop].sort((x, y) => x.fixedStart! - y.fixedStart!),
      );
    }
  }

  const p = { duration: input.programme.durationMinutes, getIn: input.programme.getInMinutes, getOut: input.programme.getOutMinutes };
  const maxSessionsPerDay = Math.max(0, ...input.teams.map((t) => t.sessionsPerDay));
  // Every show of a day lies between the earliest school start and the latest school end, consecutive shows are at
  // least a get-out and a get-in apart, and shows at different venues also the travel buffer apart.
  const span = input.schools.length
    ? Math.max(...input.schools.map((s) => toMinutes(s.dayEnd))) - Math.min(...input.schools.map((s) => toMinutes(s.dayStart)))
    : 0;
  const dayCapacity = Math.min(maxSessionsPerDay, performancesFitting(span, p));
  const maxVisitsPerDay = Math.min(dayCapacity, performancesFitting(span, { ...p, getIn: p.getIn + input.travel.bufferMinutes }));

  // Pinned sessions stay exactly where the coordinator put them, if the judge still allows them.
  const pinned: AcceptedPin[] = [];
  const rejectedPins: RejectedPin[] = [];
  const pinnedCount = new Map<string, number>();
  for (const pin of input.pinned) {
    const team = teamIndex.get(pin.teamId);
    const s = schoolIndex.get(pin.venueId);
    const day = dayIndex.get(pin.date);
    if (team === undefined || s === undefined) {
      rejectedPins.push({ pin, rules: ["UNKNOWN_TEAM_OR_VENUE"] });
      continue;
    }
    if (day === undefined) {
      rejectedPins.push({ pin, rules: ["OUTSIDE_RANGE"] });
      continue;
    }
    if (!teamWorks[team][day]) {
      rejectedPins.push({ pin, rules: ["TEAM_NOT_WORKING"] });
      continue;
    }
    const school = input.schools[s];
    const startMin = toMinutes(pin.startTime);
    const endTime = toHhmm(startMin + p.duration);
    const done = pinnedCount.get(pin.venueId) ?? 0;
    const shares = splitCohort(school.cohort, performancesNeeded(input, school));
    const expected = shares[done] ?? null;
    const nearby = existingNearby.get(pin.date) ?? [];
    const verdict = judgeSlot(
      {
        programmeId: input.programme.id,
        venueId: pin.venueId,
        teamId: pin.teamId,
        date: pin.date,
        startTime: pin.startTime,
        endTime,
        expected,
      },
      slotFacts(input, team, s, pin.date, nearby),
    );
    if (verdict.breaches.length || !verdict.startsAt) {
      rejectedPins.push({ pin, rules: verdict.breaches.map((b) => b.rule) });
      continue;
    }
    existingNearby.set(pin.date, [
      ...nearby,
      {
        id: `pinned-${pinned.length}`,
        startsAt: verdict.startsAt,
        endsAt: verdict.endsAt,
        venueId: pin.venueId,
        teamId: pin.teamId,
        turnaround: { getInMinutes: p.getIn, getOutMinutes: p.getOut },
      },
    ]);
    pinnedCount.set(pin.venueId, done + 1);
    hallBusy.add(`${pin.venueId}|${pin.date}`);
    addFixed(team, day, {
      visit: PINNED,
      pinned: pinned.length,
      venueId: pin.venueId,
      location: school.location,
      performances: 1,
      getIn: p.getIn,
      getOut: p.getOut,
      duration: p.duration,
      windowStart: startMin,
      windowEnd: startMin + p.duration,
      fixedStart: startMin,
    });
    pinned.push({ pin, team, day, school: s, expected });
  }

  const schoolOpen = input.schools.map((s) =>
    dates.map((d) => !s.closedDates[d] && !removed.has(`${s.venueId}|${d}`) && !hallBusy.has(`${s.venueId}|${d}`)),
  );
  const status: SchoolStatus[] = [];
  const visits: Visit[] = [];
  const anyLocationFreeTeam = input.teams.some((t) => t.base === null);
  input.schools.forEach((school, s) => {
    const needed = performancesNeeded(input, school);
    const remaining = needed - (existingCount.get(school.venueId) ?? 0) - (pinnedCount.get(school.venueId) ?? 0);
    const fits = Math.min(maxSessionsPerDay, performancesFitting(toMinutes(school.dayEnd) - toMinutes(school.dayStart), p));
    const inCalendar = dates.some((d) => !school.closedDates[d]);
    const allowedDays = dates.flatMap((_, d) => (schoolOpen[s][d] && anyTeamWorks[d] ? [d] : []));
    if (remaining <= 0) return status.push({ kind: "ALREADY_VISITED" });
    if (fits === 0) {
      return status.push({
        kind: "CAPACITY",
        detail: `One ${p.duration}-minute performance does not fit its school day (${school.dayStart}–${school.dayEnd}), or no team can do a session a day.`,
      });
    }
    if (!school.location && !anyLocationFreeTeam) {
      return status.push({
        kind: "NO_LOCATION",
        detail: "It has no Easting and Northing, so travel to it cannot be planned: give the venue its coordinates.",
      });
    }
    if (!inCalendar) {
      return status.push({ kind: "OUTSIDE_DATE_RANGE", detail: `Its calendar has no open day between ${input.from} and ${input.to}.` });
    }
    if (!allowedDays.length) {
      return status.push({
        kind: "CLOSED_ON_EVERY_FREE_DAY",
        detail: "It is open only on days no team works (weekdays not worked, days off, dates left out, removed or past).",
      });
    }
    status.push({ kind: "NEEDS_VISITS" });
    const expected = splitCohort(school.cohort, needed).slice(needed - remaining);
    for (let first = 0; first < remaining; first += fits) {
      const share = expected.slice(first, first + fits);
      visits.push({
        index: visits.length,
        school: s,
        performances: share.length,
        expected: share,
        allowedDays,
        pupils: share.reduce<number>((sum, v) => sum + (v ?? 0), 0),
      });
    }
  });

  return {
    input,
    dates,
    weekOf,
    weekMondays,
    teamWorks,
    earliestStart,
    schoolOpen,
    status,
    visits,
    fixedStops,
    fixedSessions,
    dayCapacity,
    maxVisitsPerDay,
    maxSessionsPerDay,
    pupilsExisting,
    pinned,
    rejectedPins,
    existingNearby,
  };
}

/** The slot judge's facts for a session of the plan's programme by team t at school s on a date. */
export function slotFacts(input: PlanInput, team: number, school: number, date: string, nearby: readonly NearbySession[]): SlotFacts {
  const t = input.teams[team];
  const s = input.schools[school];
  const closed = s.closedDates[date];
  return {
    now: new Date(input.now),
    travelBufferMinutes: input.travel.bufferMinutes,
    programme: {
      getInMinutes: input.programme.getInMinutes,
      getOutMinutes: input.programme.getOutMinutes,
      capacity: input.programme.capacity,
    },
    team: { id: t.id, name: t.name, sessionsPerDay: t.sessionsPerDay, workingWeekdays: t.workingWeekdays },
    venue: { id: s.venueId, name: s.name, hallCapacity: s.hallCapacity },
    availability: closed ? { available: false, ...closed } : { available: true },
    nearby,
    busy: (input.busy ?? [])
      .filter((b) => b.teamId === t.id || b.venueId === s.venueId)
      .map((b) => ({ startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt), allDay: b.allDay, owner: b.teamId ? "TEAM" : "VENUE" })),
  };
}

/** ISO instant of a London wall-clock time on a date. */
export const instantOf = (date: string, minutes: number) => londonToInstant(date, toHhmm(minutes)).toISOString();

/** The stop for a visit. */
export function visitStop(prep: PreparedInput, visit: Visit): Stop {
  const school = prep.input.schools[visit.school];
  const { programme } = prep.input;
  return {
    visit: visit.index,
    venueId: school.venueId,
    location: school.location,
    performances: visit.performances,
    getIn: programme.getInMinutes,
    getOut: programme.getOutMinutes,
    duration: programme.durationMinutes,
    windowStart: toMinutes(school.dayStart),
    windowEnd: toMinutes(school.dayEnd),
    fixedStart: null,
  };
}

export type Leg = { km: number; minutes: number };

/** Road km and minutes between two points; nothing known when either has no coordinates. */
export function leg(prep: PreparedInput, a: GridPoint | null, b: GridPoint | null): Leg {
  if (!a || !b) return { km: 0, minutes: 0 };
  const km = roadKm(a, b, prep.input.travel);
  return { km, minutes: travelMinutesForKm(km, prep.input.travel) };
}

export type ScheduledStop = { stop: Stop; start: number; end: number };
export type DaySchedule = { stops: ScheduledStop[]; km: number; minutes: number };

/**
 * Times for the stops in the given order, each as early as it can be, or null when the order does not fit. A team
 * is busy from get-in before its first performance at a venue to get-out after its last; between venues it needs the
 * drive and at least the booking rule's travel buffer. Performances stay inside the school's window; the get-in may
 * come before it (the crew arrives before pupils do). Base legs count in km and minutes but not in the day's clock.
 */
export function schedule(prep: PreparedInput, team: number, day: number, stops: readonly Stop[]): DaySchedule | null {
  const buffer = prep.input.travel.bufferMinutes;
  const base = prep.input.teams[team].base;
  const out: ScheduledStop[] = [];
  let km = 0;
  let minutes = 0;
  let freeAt = -Infinity;
  let previous: Stop | null = null;
  let lastLocated: GridPoint | null = base;
  for (const stop of stops) {
    if (stop.location) {
      const l = leg(prep, lastLocated, stop.location);
      km += l.km;
      minutes += l.minutes;
    }
    let ready = freeAt;
    if (previous && previous.venueId !== stop.venueId) {
      ready += Math.max(buffer, Math.ceil(leg(prep, previous.location, stop.location).minutes));
    }
    const earliest = Math.max(ready + stop.getIn, prep.earliestStart[day]);
    let start: number;
    if (stop.fixedStart !== null) {
      if (stop.fixedStart < earliest) return null;
      start = stop.fixedStart;
    } else {
      start = roundUp(Math.max(earliest, stop.windowStart));
      if (start + blockLength(stop.performances, stop) > stop.windowEnd) return null;
    }
    const end = start + blockLength(stop.performances, stop);
    out.push({ stop, start, end });
    freeAt = end + stop.getOut;
    previous = stop;
    if (stop.location) lastLocated = stop.location;
  }
  if (base && lastLocated && out.length) {
    const l = leg(prep, lastLocated, base);
    km += l.km;
    minutes += l.minutes;
  }
  return { stops: out, km, minutes };
}
