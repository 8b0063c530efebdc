// One place that writes iCalendar: invitations (REQUEST / CANCEL) and subscribable feeds (PUBLISH).
// Times are written in UTC ("Z"), which every calendar (Outlook included) reads the same way.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { env } from "./env.server";
import { senderAddress } from "./mail.server";

export type IcsMethod = "REQUEST" | "CANCEL" | "PUBLISH" | "DECLINECOUNTER";

/** What a calendar may show about a session. Internal notes are deliberately not part of this type. */
export type CalendarSession = {
  icalUid: string;
  icalSequence: number;
  startsAt: Date;
  endsAt: Date;
  status: "PROVISIONAL" | "INVITED" | "CONFIRMED" | "DECLINED" | "DELIVERED" | "CANCELLED";
  summary: string;
  description: string;
  location: string;
  /** When the session last changed: written as DTSTAMP/LAST-MODIFIED so a feed's bytes only change with its data. */
  updatedAt: Date;
  url?: string;
};

const METHODS: Record<IcsMethod, ICalCalendarMethod> = {
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
  PUBLISH: ICalCalendarMethod.PUBLISH,
  DECLINECOUNTER: ICalCalendarMethod.DECLINECOUNTER,
};

/** A COMMENT property line: text escaped (RFC 5545 3.3.11) and folded at 75 octets. */
function commentLine(text: string): string {
  const escaped = text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  const line = Buffer.from(`COMMENT:${escaped}`, "utf8");
  const parts: string[] = [];
  let start = 0;
  while (start < line.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), line.length);
    while (end < line.length && (line[end] & 0xc0) === 0x80) end--; // never split a UTF-8 character
    parts.push(line.subarray(start, end).toString("utf8"));
    start = end;
  }
  return parts.join("\r\n ") + "\r\n";
}

function eventStatus(session: CalendarSession, method: IcsMethod): ICalEventStatus {
  if (method === "CANCEL" || session.status === "CANCELLED" || session.status === "DECLINED") return ICalEventStatus.CANCELLED;
  return session.status === "CONFIRMED" || session.status === "DELIVERED" ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE;
}

type EventInput = Parameters<ReturnType<typeof ical>["createEvent"]>[0];

function eventData(
  session: CalendarSession,
  method: IcsMethod,
  attendee?: { name: string; email: string },
  organizer: string = senderAddress(),
): EventInput {
  return {
    id: session.icalUid,
    sequence: session.icalSequence,
    start: session.startsAt,
    end: session.endsAt,
    stamp: session.updatedAt,
    lastModified: session.updatedAt,
    summary: session.summary,
    description: session.description,
    location: session.location,
    status: eventStatus(session, method),
    url: session.url ?? null,
    organizer: method === "PUBLISH" ? null : { name: env().COUNCIL_NAME, email: organizer },
    attendees:
      attendee && method !== "PUBLISH"
        ? [{ name: attendee.name, email: attendee.email, rsvp: true, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION }]
        : [],
  };
}

// Feeds write hundreds of events per request, and ical-generator's general code (option objects, per-field date
// handling) costs ~0.1 ms an event. A PUBLISH event has a fixed shape, so it is written directly here, byte for byte
// as ical-generator 10 writes it (tests/unit/ics-publish.test.ts compares the two on hostile text).

/** TEXT escaping exactly as ical-generator does it: backslash, semicolon and comma escaped, line breaks as \n. */
const escapeText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** 20270107T093000Z */
function utcStamp(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) {
    const iso = date.toISOString(); // as ical-generator writes years that are not four digits
    return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  }
  return `${year}${twoDigits(date.getUTCMonth() + 1)}${twoDigits(date.getUTCDate())}T${twoDigits(date.getUTCHours())}${twoDigits(date.getUTCMinutes())}${twoDigits(date.getUTCSeconds())}Z`;
}

/**
 * A feed's bytes, written as they are made: building the whole calendar as a string and then encoding it cost more
 * than writing it (the text has non-Latin-1 characters, such as the dash in every SUMMARY, so it is two bytes a
 * character until encoded).
 */
class Utf8Writer {
  private buffer: Buffer;
  private length = 0;

  constructor(expectedBytes = 4096) {
    this.buffer = Buffer.allocUnsafe(expectedBytes);
  }

  write(text: string) {
    if (this.length + text.length * 3 > this.buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + text.length * 3));
      this.buffer.copy(larger, 0, 0, this.length);
      this.buffer = larger;
    }
    this.length += this.buffer.write(text, this.length);
  }

  /** The bytes written, in a buffer of their own size. */
  bytes(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }
}

/** One VEVENT of a feed (no organiser, no attendees), with CRLF line ends. */
function writePublishedEvent(session: CalendarSession, out: Utf8Writer) {
  const [start, end] = session.startsAt > session.endsAt ? [session.endsAt, session.startsAt] : [session.startsAt, session.endsAt];
  const stamp = utcStamp(session.updatedAt);
  out.write(`BEGIN:VEVENT\r\nUID:${session.icalUid}\r\nSEQUENCE:${session.icalSequence}\r\nDTSTAMP:${stamp}\r\n`);
  out.write(`DTSTART:${utcStamp(start)}\r\nDTEND:${utcStamp(end)}\r\nSUMMARY:`);
  out.write(escapeText(session.summary));
  if (session.location) {
    out.write("\r\nLOCATION:");
    out.write(escapeText(session.location));
  }
  out.write("\r\nDESCRIPTION:"); // written even when empty, as ical-generator does
  out.write(escapeText(session.description));
  if (session.url) {
    out.write("\r\nURL;VALUE=URI:");
    out.write(escapeText(session.url));
  }
  out.write(`\r\nSTATUS:${eventStatus(session, "PUBLISH")}\r\nLAST-MODIFIED:${stamp}\r\nEND:VEVENT\r\n`);
}

/** One VEVENT of a feed, as text. */
export function publishedEvent(session: CalendarSession): string {
  const out = new Utf8Writer();
  writePublishedEvent(session, out);
  return out.bytes().toString("utf8");
}

/** Room for a typical feed event (about 700 bytes), so a feed's buffer is rarely copied to grow. */
const BYTES_PER_EVENT = 1024;

/** A feed (METHOD:PUBLISH, many sessions, no attendees), as UTF-8 bytes. */
export function publishedCalendar(input: { name: string | null; sessions: CalendarSession[] }): Buffer {
  const empty = newCalendar("PUBLISH", input.name).toString();
  const end = empty.lastIndexOf("END:VCALENDAR");
  const out = new Utf8Writer(empty.length + input.sessions.length * BYTES_PER_EVENT);
  out.write(empty.slice(0, end));
  for (const session of input.sessions) writePublishedEvent(session, out);
  out.write(empty.slice(end));
  return out.bytes();
}

const newCalendar = (method: IcsMethod, name: string | null) =>
  ical({ prodId: { company: env().COUNCIL_NAME, product: "Outreach", language: "EN" }, method: METHODS[method], name });

/**
 * A VCALENDAR for one method. REQUEST and CANCEL carry one session and its attendee (RSVP=TRUE);
 * PUBLISH (feeds) carries many sessions and no attendees. UID and SEQUENCE come from the session row.
 */
export function buildCalendar(input: {
  method: IcsMethod;
  sessions: CalendarSession[];
  attendee?: { name: string; email: string };
  /** The ORGANIZER address of a REQUEST or CANCEL (an invitation's reply address); MAIL_FROM's address by default. */
  organizer?: string;
  /** A COMMENT on the event (the coordinator's note with a DECLINECOUNTER). */
  comment?: string;
  name?: string;
}): string {
  if (input.method === "PUBLISH") return publishedCalendar({ name: input.name ?? null, sessions: input.sessions }).toString("utf8");
  const calendar = newCalendar(input.method, input.name ?? null);
  for (const session of input.sessions) calendar.createEvent(eventData(session, input.method, input.attendee, input.organizer));
  const text = calendar.toString();
  return input.comment ? text.replace("END:VEVENT", `${commentLine(input.comment)}END:VEVENT`) : text;
}
