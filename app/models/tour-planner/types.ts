// The tour planner's input and output: plain, serialisable data, so a plan can be made in a worker thread, saved as
// a version, written by the command line as JSON (docs/plan-format.md) and checked by tests without a database.
import type { UnavailableKind } from "~/models/calendars.server";

/** British National Grid coordinates in metres (GIAS Easting and Northing). */
export type GridPoint = { easting: number; northing: number };

export type TravelModel = {
  /** Straight-line distance × this factor approximates the road distance (default 1.3). */
  roadFactor: number;
  /** Average speed between venues in km/h (default 30). */
  speedKmh: number;
  /** The booking rule's minimum gap between sessions at different venues (TRAVEL_BUFFER_MINUTES). */
  bufferMinutes: number;
};

export type PlanTeam = {
  id: string;
  name: string;
  /** The most sessions the team does in a day (the smaller of the team's setting and the plan's limit). */
  sessionsPerDay: number;
  /** ISO weekdays, 1 = Monday. */
  workingWeekdays: number[];
  /** YYYY-MM-DD dates the team does not work. */
  daysOff: string[];
  /** Where the team sets out from and returns to each day; null: travel to and from base is not counted. */
  base: GridPoint | null;
};

export type PlanSchool = {
  venueId: string;
  urn: string | null;
  name: string;
  location: GridPoint | null;
  /** Pupils the programme should reach at this school (e.g. the Year 10 count); null when unknown. */
  cohort: number | null;
  hallCapacity: number | null;
  /** The school day's window, HH:mm London time (default 09:00–15:15). */
  dayStart: string;
  dayEnd: string;
  /** Dates in the plan's range on which the venue cannot be visited, with the calendar's reason. */
  closedDates: Record<string, { kind: UnavailableKind; reason: string; closureId?: string }>;
};

/** A session already in the diary (holding: not cancelled or declined): it stays where it is and counts. */
export type ExistingSession = {
  id: string;
  programmeId: string;
  teamId: string;
  venueId: string;
  startsAt: string;
  endsAt: string;
  getInMinutes: number;
  getOutMinutes: number;
  expectedPupils: number | null;
};

/** Busy time from a team's or a venue's own calendar (only when, never what): a planned session must not touch it. */
export type PlanBusy = { teamId?: string; venueId?: string; startsAt: string; endsAt: string; allDay: boolean };

export type PlanTarget = { kind: "PUPILS"; pupils: number } | { kind: "EVERY_SCHOOL" };

/** A session the coordinator fixed in an earlier version: the planner keeps it exactly (if the judge allows it). */
export type PinnedSession = { venueId: string; teamId: string; date: string; startTime: string };

export type PlanInput = {
  /** ISO instant: sessions must start after it (the slot judge's "past" rule). */
  now: string;
  /** Inclusive YYYY-MM-DD range. */
  from: string;
  to: string;
  programme: { id: string; name: string; durationMinutes: number; capacity: number | null; getInMinutes: number; getOutMinutes: number };
  teams: PlanTeam[];
  schools: PlanSchool[];
  existing: ExistingSession[];
  /** Busy time from the teams' and schools' own calendars in the range (absent in plans made before calendars). */
  busy?: PlanBusy[];
  target: PlanTarget;
  travel: TravelModel;
  /** Dates the coordinator left out for every team. */
  excludedDates: string[];
  pinned: PinnedSession[];
  /** Venues of sessions the coordinator removed from an earlier version: not visited on that date. */
  removed: { venueId: string; date: string }[];
  /** Seed of every random choice, so the same input gives the same plan. */
  seed: number;
};

export type PlannedSession = {
  venueId: string;
  urn: string | null;
  teamId: string;
  date: string;
  startTime: string;
  endTime: string;
  /** ISO instants (UTC). */
  startsAt: string;
  endsAt: string;
  expectedPupils: number | null;
  pinned: boolean;
};

export type PlannedDay = {
  teamId: string;
  date: string;
  /** Venues in visiting order. */
  venueIds: string[];
  travelKm: number;
  travelMinutes: number;
};

export type UnplacedReason =
  "OUTSIDE_DATE_RANGE" | "NO_TERM_DAY_LEFT" | "CLOSED_ON_EVERY_FREE_DAY" | "CAPACITY" | "NO_LOCATION" | "TARGET_MET";

export type UnplacedSchool = { venueId: string; urn: string | null; name: string; reason: UnplacedReason; detail: string };

export type PlanFigures = {
  teamDaysUsed: number;
  /** A proven lower bound on the team-days any plan needs for the same sessions. */
  lowerBoundTeamDays: number;
  /** Why the bound is what it is, e.g. the weeks that force extra days. */
  lowerBoundReasons: string[];
  travelKm: number;
  travelMinutes: number;
  sessionsPlanned: number;
  /** Pupils expected from planned sessions and from existing sessions in the range. */
  pupilsPlanned: number;
  pupilsExisting: number;
  targetPupils: number | null;
  /** How far the plan falls short of the target (0 when met), and what would close the gap. */
  shortfallPupils: number;
  suggestions: string[];
};

/** A pinned session the planner could not keep: the slot judge's rules it now breaks, or why it could not be judged. */
export type RejectedPin = { pin: PinnedSession; rules: string[] };

export type PlanResult = {
  sessions: PlannedSession[];
  days: PlannedDay[];
  unplaced: UnplacedSchool[];
  figures: PlanFigures;
  /** Pins dropped because they no longer pass the judge (a new closure, a clash) or name an unknown team or venue. */
  rejectedPins?: RejectedPin[];
};

export type PlanProgress = { phase: "preparing" | "constructing" | "improving" | "done"; fraction: number };
