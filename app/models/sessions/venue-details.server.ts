// How a session is described to people outside the service (venue emails, calendar invitations, feeds).
// Only what a venue may see: never internal notes.
import { env } from "~/utils/env.server";
import type { CalendarSession } from "~/utils/ics.server";
import { senderAddress } from "~/utils/mail.server";
import { formatDate, formatTime } from "~/utils/time";

/** How many of the team's members the venue's details name. */
export const TEAM_MEMBERS_SHOWN = 12;

export const sessionForVenueSelect = {
  id: true,
  icalUid: true,
  icalSequence: true,
  startsAt: true,
  endsAt: true,
  status: true,
  updatedAt: true,
  expectedPupils: true,
  yearGroups: true,
  venueNotes: true,
  createdById: true,
  programme: { select: { name: true, description: true, capacity: true, getInMinutes: true, getOutMinutes: true } },
  venue: { select: { id: true, name: true, addressLine1: true, addressLine2: true, town: true, postcode: true } },
  team: {
    select: {
      name: true,
      members: { select: { user: { select: { name: true } } }, orderBy: { user: { name: "asc" } }, take: TEAM_MEMBERS_SHOWN },
    },
  },
} as const;

export type SessionForVenue = {
  id: string;
  icalUid: string;
  icalSequence: number;
  startsAt: Date;
  endsAt: Date;
  status: CalendarSession["status"];
  updatedAt: Date;
  expectedPupils: number | null;
  yearGroups: string | null;
  venueNotes: string | null;
  createdById: string | null;
  programme: { name: string; description: string | null; capacity: number | null; getInMinutes: number; getOutMinutes: number };
  venue: {
    id: string;
    name: string;
    addressLine1: string | null;
    addressLine2: string | null;
    town: string | null;
    postcode: string | null;
  };
  team: { name: string; members: { user: { name: string } }[] };
};

/** What a calendar entry and the venue's details are written from (a feed reads no more than this). */
export type SessionForCalendar = Omit<SessionForVenue, "id" | "createdById" | "programme"> & {
  programme: Omit<SessionForVenue["programme"], "description">;
};

export function venueAddress(venue: SessionForVenue["venue"]): string {
  return [venue.name, venue.addressLine1, venue.addressLine2, venue.town, venue.postcode].filter(Boolean).join(", ");
}

export function when(session: Pick<SessionForVenue, "startsAt" | "endsAt">): string {
  return `${formatDate(session.startsAt)}, ${formatTime(session.startsAt)} to ${formatTime(session.endsAt)}`;
}

/** What the venue needs to provide: the room, and access for setting up and clearing away. */
export function venueNeeds(session: SessionForCalendar): string {
  const from = new Date(session.startsAt.getTime() - session.programme.getInMinutes * 60_000);
  const until = new Date(session.endsAt.getTime() + session.programme.getOutMinutes * 60_000);
  const room = session.programme.capacity ? `A hall or large room for up to ${session.programme.capacity} people` : "A hall or large room";
  return [`${room}, available from ${formatTime(from)} (to set up) until ${formatTime(until)} (to clear away).`, session.venueNotes]
    .filter(Boolean)
    .join("\n");
}

function whoIsComing(session: SessionForCalendar): string {
  const names = session.team.members.map((m) => m.user.name);
  return names.length ? `${session.team.name}: ${names.join(", ")}` : session.team.name;
}

/** Label / value rows for emails. */
export function sessionDetails(session: SessionForCalendar): [string, string][] {
  const rows: [string, string][] = [
    ["What", session.programme.name],
    ["When", when(session)],
    ["Where", venueAddress(session.venue)],
    ["Who is coming", whoIsComing(session)],
  ];
  if (session.yearGroups)
    rows.push([
      "Year groups",
      session.yearGroups
        .split(",")
        .map((y) => `Year ${y.trim()}`)
        .join(", "),
    ]);
  if (session.expectedPupils) rows.push(["Expected pupils", String(session.expectedPupils)]);
  rows.push(["What we need from you", venueNeeds(session)]);
  return rows;
}

export function toCalendarSession(session: SessionForCalendar): CalendarSession {
  return {
    icalUid: session.icalUid,
    icalSequence: session.icalSequence,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    status: session.status,
    updatedAt: session.updatedAt,
    summary: `${session.programme.name} – ${session.venue.name}`,
    description: sessionDetails(session)
      .map(([k, v]) => `${k}: ${v}`)
      .join("\n"),
    location: venueAddress(session.venue),
  };
}

/** How venues reach the coordinators. */
export function coordinatorContact(): { team: string; email: string; phone: string | null } {
  const e = env();
  return {
    team: `${e.COUNCIL_NAME} prevention team`,
    email: e.CONTACT_EMAIL || senderAddress(),
    phone: e.CONTACT_PHONE || null,
  };
}
