// How a session is described to people outside the service (venue emails, calendar invitations, feeds).
// Only what a venue may see: never internal notes.
import { env } from "~/utils/env.server";
import { IcsText, type CalendarSession, type PublishedEvent } from "~/utils/ics.server";
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
  const from = session.startsAt.getTime() - session.programme.getInMinutes * 60_000;
  const until = session.endsAt.getTime() + session.programme.getOutMinutes * 60_000;
  const room = session.programme.capacity ? `A hall or large room for up to ${session.programme.capacity} people` : "A hall or large room";
  const needs = `${room}, available from ${formatTime(from)} (to set up) until ${formatTime(until)} (to clear away).`;
  return session.venueNotes ? `${needs}\n${session.venueNotes}` : needs;
}

function whoIsComing(session: SessionForCalendar): string {
  const names = session.team.members.map((m) => m.user.name);
  return names.length ? `${session.team.name}: ${names.join(", ")}` : session.team.name;
}

const yearGroupsText = (session: SessionForCalendar) =>
  session.yearGroups
    ?.split(",")
    .map((y) => `Year ${y.trim()}`)
    .join(", ");

/**
 * The rows of a session's details, in order. `sharedBy` names the part of the session a row depends on alone, so a
 * feed works its text out once for all the sessions that share that programme, venue or team. An optional row is left
 * out when it has no value.
 */
const DETAIL_ROWS: {
  label: string;
  value: (session: SessionForCalendar) => string | null | undefined;
  sharedBy?: "programme" | "venue" | "team";
  optional?: true;
}[] = [
  { label: "What", value: (s) => s.programme.name, sharedBy: "programme" },
  { label: "When", value: when },
  { label: "Where", value: (s) => venueAddress(s.venue), sharedBy: "venue" },
  { label: "Who is coming", value: whoIsComing, sharedBy: "team" },
  { label: "Year groups", value: yearGroupsText, optional: true },
  { label: "Expected pupils", value: (s) => (s.expectedPupils ? String(s.expectedPupils) : null), optional: true },
  { label: "What we need from you", value: venueNeeds },
];

/** Label / value rows for emails. */
export function sessionDetails(session: SessionForCalendar): [string, string][] {
  const rows: [string, string][] = [];
  for (const row of DETAIL_ROWS) {
    const value = row.value(session);
    if (value || !row.optional) rows.push([row.label, value ?? ""]);
  }
  return rows;
}

const summary = (session: SessionForCalendar) => `${session.programme.name} – ${session.venue.name}`;

/**
 * A calendar entry of the session with the given text: strings for an invitation, shared pieces for a feed. An object
 * literal rather than a spread of the session's fields: a feed makes 500 of these a build, and the spread took a
 * quarter of the build's time.
 */
function calendarEntry<Text>(session: SessionForCalendar, text: { summary: Text; description: Text; location: Text }) {
  return {
    icalUid: session.icalUid,
    icalSequence: session.icalSequence,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    status: session.status,
    updatedAt: session.updatedAt,
    summary: text.summary,
    description: text.description,
    location: text.location,
  };
}

export function toCalendarSession(session: SessionForCalendar): CalendarSession {
  return calendarEntry(session, {
    summary: summary(session),
    description: DETAIL_ROWS.map((_, index) => detailLine(session, index)).join(""),
    location: venueAddress(session.venue),
  });
}

/**
 * Feed text made once for each programme, venue and team object (a feed's sessions share them) and dropped with them.
 * Keyed by the object, so the objects must not change after their first use: a feed reads them and only reads.
 */
const sharedTexts = new WeakMap<object, Map<string, IcsText>>();
const sharedText = (owner: object, key: string) => sharedTexts.get(owner)?.get(key);
function keepSharedText(owner: object, key: string, text: string): IcsText {
  let texts = sharedTexts.get(owner);
  if (!texts) sharedTexts.set(owner, (texts = new Map()));
  const kept = new IcsText(text);
  texts.set(key, kept);
  return kept;
}

/** A row of the details as a line of a description, with its line feed unless it is the last ("" when left out). */
function detailLine(session: SessionForCalendar, index: number): string {
  const row = DETAIL_ROWS[index];
  const value = row.value(session);
  if (!value && row.optional) return "";
  return `${row.label}: ${value ?? ""}${index === DETAIL_ROWS.length - 1 ? "" : "\n"}`;
}

/**
 * A session as a feed event: the text of toCalendarSession, with what depends only on the programme, venue or team
 * made once for each. The description's lines end with their line feed, so its pieces escape as the whole would.
 * (No closures here: the server's TypeScript loader names every function made, which made a feed's build allocate more.)
 */
export function toFeedEvent(session: SessionForCalendar): PublishedEvent {
  const description: (string | IcsText)[] = [];
  for (let index = 0; index < DETAIL_ROWS.length; index++) {
    const sharedBy = DETAIL_ROWS[index].sharedBy;
    if (sharedBy) {
      const owner = session[sharedBy];
      description.push(
        sharedText(owner, DETAIL_ROWS[index].label) ?? keepSharedText(owner, DETAIL_ROWS[index].label, detailLine(session, index)),
      );
    } else {
      const line = detailLine(session, index);
      if (line) description.push(line);
    }
  }
  return calendarEntry<PublishedEvent["summary"]>(session, {
    summary: sharedText(session.programme, session.venue.id) ?? keepSharedText(session.programme, session.venue.id, summary(session)),
    description,
    location: sharedText(session.venue, "location") ?? keepSharedText(session.venue, "location", venueAddress(session.venue)),
  });
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
