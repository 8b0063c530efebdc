// The one slot judge: every booking rule about when a team can be where, as a pure function of the slot and the
// facts around it. Booking, moving, "find free dates" and the tour planner all ask it, so a rule exists once.
import type { Availability, UnavailableKind } from "~/models/calendars.server";
import { InvalidLocalTimeError, isDateOnly, isoWeekday, londonDayBounds, londonToInstant } from "~/utils/time";

export const WEEKDAY_NAMES = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export type Turnaround = { getInMinutes: number; getOutMinutes: number };

/** A holding session (not cancelled or declined) of the team or at the venue, near the slot. */
export type NearbySession = { id: string; startsAt: Date; endsAt: Date; venueId: string; teamId: string; turnaround: Turnaround };

/** Busy time read from the team's or the venue's own calendar: only when, never what. */
export type ExternalBusy = { startsAt: Date; endsAt: Date; allDay: boolean; owner: "TEAM" | "VENUE" };

export type ProposedSlot = {
  programmeId: string;
  venueId: string;
  teamId: string;
  /** London wall-clock date and times: YYYY-MM-DD, HH:mm. */
  date: string;
  startTime: string;
  endTime: string;
  /** Pupils expected, or adults where no pupils are expected; null when not known. */
  expected?: number | null;
  /** Recording a session that already took place: the only way to book in the past. */
  alreadyDelivered?: boolean;
  /** When moving a session, the session itself holds nothing. */
  excludeSessionId?: string;
};

export type SlotFacts = {
  now: Date;
  /** Minutes a team needs between two sessions at different venues on top of get-out and get-in. */
  travelBufferMinutes: number;
  programme: Turnaround & { capacity: number | null };
  team: { id: string; name: string; sessionsPerDay: number; workingWeekdays: readonly number[] };
  venue: { id: string; name: string; hallCapacity: number | null };
  /** The venue's calendar on the slot's date (calendars.server's availability). */
  availability: Availability;
  /** The team's and the venue's holding sessions within two days of the slot (more cannot clash). */
  nearby: readonly NearbySession[];
  /** Busy time from the team's and the venue's own calendars near the slot (none when they have no calendar). */
  busy?: readonly ExternalBusy[];
};

export type CapacityLimit = { what: "programme" | "hall"; limit: number };

/** A rule the slot breaks, in the order a coordinator should hear about them. */
export type SlotBreach =
  | { rule: "NONEXISTENT_TIME"; field: "startTime" | "endTime"; time: string }
  | { rule: "INVALID_TIME"; field: "startTime" | "endTime" }
  | { rule: "END_BEFORE_START" }
  | { rule: "PAST" }
  | { rule: "NOT_YET_DELIVERED" }
  | { rule: "NON_WORKING_DAY"; weekday: string }
  | { rule: "VENUE_CLOSED"; kind: UnavailableKind; reason: string; closureId?: string }
  | { rule: "TEAM_CLASH"; sessionIds: string[] }
  | { rule: "HALL_CLASH"; sessionIds: string[] }
  | { rule: "EXTERNAL_BUSY"; owner: "TEAM" | "VENUE"; startsAt: Date; endsAt: Date; allDay: boolean }
  | { rule: "DAY_FULL"; limit: number; sessionIds: string[] }
  | { rule: "OVER_CAPACITY"; expected: number; limits: CapacityLimit[] };

export type Judgement = { startsAt: Date; endsAt: Date; breaches: SlotBreach[] } | { startsAt: null; endsAt: null; breaches: SlotBreach[] };

const minutes = (n: number) => n * 60_000;

/**
 * Whether the end comes after the start. London's clock maps wall-clock times to instants in order (a time the
 * autumn change repeats is its later, GMT, occurrence; the spring change's missing hour has no instants), so the
 * wall-clock times decide it, before any date is chosen.
 */
export function endsAfterStart(times: { startTime: string; endTime: string }): boolean {
  return times.endTime > times.startTime;
}

/**
 * The slot's instants, or the first breach that stops it having them: a time lost to the spring clock change, a
 * date or time that is not one, an end not after the start.
 */
export function slotInstants(slot: Pick<ProposedSlot, "date" | "startTime" | "endTime">): { startsAt: Date; endsAt: Date } | SlotBreach {
  const instant = (time: string, field: "startTime" | "endTime"): Date | SlotBreach => {
    try {
      return londonToInstant(slot.date, time);
    } catch (error) {
      if (error instanceof InvalidLocalTimeError) return { rule: "NONEXISTENT_TIME", field, time };
      return { rule: "INVALID_TIME", field };
    }
  };
  const startsAt = instant(slot.startTime, "startTime");
  if (!(startsAt instanceof Date)) return startsAt;
  const endsAt = instant(slot.endTime, "endTime");
  if (!(endsAt instanceof Date)) return endsAt;
  if (!endsAfterStart(slot)) return { rule: "END_BEFORE_START" };
  return { startsAt, endsAt };
}

/**
 * Sessions in the slot's way. The team is busy from get-in before a session to get-out after it, plus the travel
 * buffer when the two venues differ; the hall is in use from get-in to get-out. Touching intervals do not clash.
 */
export function clashesWith(
  slot: { teamId: string; venueId: string; startsAt: Date; endsAt: Date; excludeSessionId?: string },
  facts: Pick<SlotFacts, "programme" | "nearby" | "travelBufferMinutes">,
): { team: string[]; hall: string[] } {
  const busyFrom = slot.startsAt.getTime() - minutes(facts.programme.getInMinutes);
  const busyTo = slot.endsAt.getTime() + minutes(facts.programme.getOutMinutes);
  const team: string[] = [];
  const hall: string[] = [];
  for (const s of facts.nearby) {
    if (s.id === slot.excludeSessionId) continue;
    const from = s.startsAt.getTime() - minutes(s.turnaround.getInMinutes);
    const to = s.endsAt.getTime() + minutes(s.turnaround.getOutMinutes);
    const gap = s.venueId === slot.venueId ? 0 : minutes(facts.travelBufferMinutes);
    if (s.teamId === slot.teamId && busyFrom < to + gap && from < busyTo + gap) team.push(s.id);
    else if (s.venueId === slot.venueId && busyFrom < to && from < busyTo) hall.push(s.id);
  }
  return { team, hall };
}

/**
 * The first busy time from the team's calendar, then from the venue's, in the slot's way: the team is busy from
 * get-in to get-out (no travel buffer: where the busy time is, is not known); the venue's hall for the slot itself
 * and its get-in and get-out. Touching intervals do not clash.
 */
export function externalBusyIn(
  slot: { startsAt: Date; endsAt: Date },
  facts: Pick<SlotFacts, "programme" | "busy">,
): Extract<SlotBreach, { rule: "EXTERNAL_BUSY" }>[] {
  const from = slot.startsAt.getTime() - minutes(facts.programme.getInMinutes);
  const to = slot.endsAt.getTime() + minutes(facts.programme.getOutMinutes);
  const found: Extract<SlotBreach, { rule: "EXTERNAL_BUSY" }>[] = [];
  for (const owner of ["TEAM", "VENUE"] as const) {
    const hit = (facts.busy ?? []).find((b) => b.owner === owner && b.startsAt.getTime() < to && from < b.endsAt.getTime());
    if (hit) found.push({ rule: "EXTERNAL_BUSY", owner, startsAt: hit.startsAt, endsAt: hit.endsAt, allDay: hit.allDay });
  }
  return found;
}

/** Limits the expected number goes over (the programme's capacity per session, the hall's capacity). */
export function capacityLimitsExceeded(
  expected: number | null | undefined,
  limits: { programmeCapacity: number | null; hallCapacity: number | null },
): CapacityLimit[] {
  if (expected === null || expected === undefined) return [];
  const over: CapacityLimit[] = [];
  if (limits.programmeCapacity !== null && expected > limits.programmeCapacity)
    over.push({ what: "programme", limit: limits.programmeCapacity });
  if (limits.hallCapacity !== null && expected > limits.hallCapacity) over.push({ what: "hall", limit: limits.hallCapacity });
  return over;
}

export type CapacityBreach = Extract<SlotBreach, { rule: "OVER_CAPACITY" }>;

/** The over-capacity breach of an expected number (also judged when only the numbers of a booked session change). */
export function capacityBreach(
  expected: number | null | undefined,
  limits: { programmeCapacity: number | null; hallCapacity: number | null },
): CapacityBreach | null {
  const over = capacityLimitsExceeded(expected, limits);
  return over.length ? { rule: "OVER_CAPACITY", expected: expected!, limits: over } : null;
}

/** Why a session named by a breach stands in the way: TEAM, the team is busy; VENUE, the hall is in use. */
export type Blocking = { id: string; reason: "TEAM" | "VENUE" };

/**
 * The sessions in the way of the first rule broken: for a clash, the team's clashes then the hall's (one clash is
 * reported with all of them), for a full day the team's sessions that day; none for any other rule.
 */
export function sessionsInTheWay(breaches: readonly SlotBreach[]): Blocking[] {
  const first = breaches[0];
  if (first?.rule === "DAY_FULL") return first.sessionIds.map((id) => ({ id, reason: "TEAM" }));
  if (first?.rule !== "TEAM_CLASH" && first?.rule !== "HALL_CLASH") return [];
  return breaches.flatMap((b): Blocking[] => {
    if (b.rule === "TEAM_CLASH") return b.sessionIds.map((id) => ({ id, reason: "TEAM" }));
    if (b.rule === "HALL_CLASH") return b.sessionIds.map((id) => ({ id, reason: "VENUE" }));
    return [];
  });
}

/**
 * Every rule the slot breaks, in the order a coordinator hears about them: time, past, working day, venue calendar,
 * team clash, hall clash, busy time from the team's then the venue's own calendar, full day, capacity. The rules of
 * the date (working day, calendar, full day, capacity) are judged even when the times have no instants, as long as
 * the date is real; those of the instants (past, clashes, busy time) then cannot be. An empty list means the slot can be booked; over capacity can still be booked with a reason.
 */
export function judgeSlot(slot: ProposedSlot, facts: SlotFacts): Judgement {
  const instants = slotInstants(slot);
  const timed = "startsAt" in instants ? instants : null;
  const breaches: SlotBreach[] = timed ? [] : [instants as SlotBreach];
  // Not a calendar date: nothing else can be judged.
  if (!timed && !isDateOnly(slot.date)) return { startsAt: null, endsAt: null, breaches };

  if (timed) {
    if (slot.alreadyDelivered) {
      if (timed.startsAt > facts.now) breaches.push({ rule: "NOT_YET_DELIVERED" });
    } else if (timed.startsAt <= facts.now) {
      breaches.push({ rule: "PAST" });
    }
  }

  const weekday = isoWeekday(slot.date);
  if (!facts.team.workingWeekdays.includes(weekday)) breaches.push({ rule: "NON_WORKING_DAY", weekday: WEEKDAY_NAMES[weekday] });

  if (!facts.availability.available) {
    const { kind, reason, closureId } = facts.availability;
    breaches.push({ rule: "VENUE_CLOSED", kind, reason, ...(closureId ? { closureId } : {}) });
  }

  if (timed) {
    const clashes = clashesWith({ ...slot, ...timed }, facts);
    if (clashes.team.length) breaches.push({ rule: "TEAM_CLASH", sessionIds: clashes.team });
    if (clashes.hall.length) breaches.push({ rule: "HALL_CLASH", sessionIds: clashes.hall });
    breaches.push(...externalBusyIn(timed, facts));
  }

  const day = londonDayBounds(slot.date);
  const sameDay = facts.nearby.filter(
    (s) => s.id !== slot.excludeSessionId && s.teamId === slot.teamId && s.startsAt >= day.start && s.startsAt < day.end,
  );
  if (sameDay.length >= facts.team.sessionsPerDay) {
    breaches.push({ rule: "DAY_FULL", limit: facts.team.sessionsPerDay, sessionIds: sameDay.map((s) => s.id) });
  }

  const over = capacityBreach(slot.expected, { programmeCapacity: facts.programme.capacity, hallCapacity: facts.venue.hallCapacity });
  if (over) breaches.push(over);

  return timed ? { ...timed, breaches } : { startsAt: null, endsAt: null, breaches };
}
