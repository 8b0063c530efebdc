// Reading the diary, scoped by the viewer: one session, lists and their CSV, the week, the month, a team's day sheet,
// and what the booking, details and move forms need.
import { CHANGEABLE, type FieldChange } from "~/models/sessions/changes.server";
import { busyTimeText } from "~/models/sessions/errors";
import { HOLDING } from "~/models/sessions/facts.server";
import { db } from "~/utils/db.server";
import { pageWindow, toPage } from "~/utils/pagination";
import { can, type Role } from "~/utils/permissions";
import { STATUS_LABELS, type SessionStatus } from "~/utils/session-status";
import { addDays, addMonths, isoWeekday, londonDate, londonDayBounds, londonTime, todayInLondon } from "~/utils/time";

type Viewer = { id: string; roles: readonly Role[] };
const minutes = (n: number) => n * 60_000;

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
  const busy = await diaryBusyTime(viewer, filters, start, end);
  const days = Array.from({ length: 7 }, (_, i) => addDays(start, i)).map((day) => ({
    date: day,
    sessions: sessions.filter((s) => s.date === day),
    busy: busy.filter((b) => b.startsAt < londonDayBounds(day).end && londonDayBounds(day).start < b.endsAt),
  }));
  return { start, end: addDays(end, -1), previous: addDays(start, -7), next: end, days, choices: await diaryChoices(viewer) };
}

/**
 * Busy time from the visible teams' own calendars (and the filtered venue's) in a range of days, as the diary shows
 * it: whose, and when; never what (it is not stored).
 */
async function diaryBusyTime(viewer: Viewer, filters: SessionFilters, fromDate: string, toDate: string) {
  const teams = (await visibleTeams(viewer)).filter((t) => !filters.teamId || t.id === filters.teamId);
  const rows = await db.busyInterval.findMany({
    where: {
      OR: [{ teamId: { in: teams.map((t) => t.id) } }, ...(filters.venueId ? [{ venueId: filters.venueId }] : [])],
      startsAt: { lt: londonDayBounds(toDate).start },
      endsAt: { gt: londonDayBounds(fromDate).start },
    },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      allDay: true,
      calendar: { select: { team: { select: { name: true } }, venue: { select: { name: true } } } },
    },
    orderBy: { startsAt: "asc" },
    take: 500,
  });
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    text: r.calendar.team
      ? `${r.calendar.team.name}: busy (from the team's calendar) ${busyTimeText(r)}`
      : `${r.calendar.venue?.name}: busy (from the venue's calendar) ${busyTimeText(r)}`,
  }));
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
