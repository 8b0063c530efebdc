// The errors a booking, move or change of a session can end in, and the one place a slot judge's breach becomes one.
import type { UnavailableKind } from "~/models/calendars.server";
import type { SlotBreach } from "~/models/sessions/slot-judge";
import { DomainError } from "~/utils/errors";
import { STATUS_LABELS, type SessionStatus } from "~/utils/session-status";
import { formatDate, formatDateTime, formatTime, londonDate } from "~/utils/time";

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

/** When a busy time from an external calendar is, in words: never what it is (its details are not kept). */
export function busyTimeText(busy: { startsAt: Date; endsAt: Date; allDay: boolean }): string {
  const lastDay = londonDate(new Date(busy.endsAt.getTime() - 1));
  if (busy.allDay) {
    const first = londonDate(busy.startsAt);
    return first === lastDay ? `all day on ${formatDate(first)}` : `all day from ${formatDate(first)} to ${formatDate(lastDay)}`;
  }
  if (londonDate(busy.startsAt) === londonDate(busy.endsAt)) return `${formatTime(busy.startsAt)} to ${formatTime(busy.endsAt)}`;
  return `${formatDateTime(busy.startsAt)} to ${formatDateTime(busy.endsAt)}`;
}

/** The team or the venue is busy at that time according to its own calendar. */
export class ExternalBusyError extends DomainError {
  constructor(
    public readonly owner: "TEAM" | "VENUE",
    public readonly busy: { startsAt: Date; endsAt: Date; allDay: boolean },
    name: string,
  ) {
    super(`${name} is busy (from the ${owner === "TEAM" ? "team's" : "venue's"} calendar) ${busyTimeText(busy)}`, "startTime");
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

/**
 * The error a coordinator sees for a rule the slot breaks. Clashes and a full day name the sessions in the way
 * (sessionsInTheWay, described); team and hall clashes are reported together.
 */
export function breachError(
  breach: SlotBreach,
  context: { teamName: string; venueName?: string; sessions: ClashingSession[] },
): DomainError {
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
    case "EXTERNAL_BUSY":
      return new ExternalBusyError(breach.owner, breach, breach.owner === "TEAM" ? context.teamName : (context.venueName ?? "The venue"));
    case "DAY_FULL":
      return new TeamDayFullError(context.teamName, breach.limit, context.sessions);
    case "OVER_CAPACITY":
      return new CapacityWarning(breach.expected, breach.limits);
  }
}
