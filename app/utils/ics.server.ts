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

function eventStatus(session: Pick<CalendarSession, "status">, method: IcsMethod): ICalEventStatus {
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
const escapeText = (text: string) => text.replace(/[\\;,]/g, "\\$&").replace(/\r\n|\r|\n/g, "\\n");

/**
 * Text of a feed event, escaped and encoded once: what many events of a feed share (a programme's, venue's or team's
 * part of the details) is made once and copied into each. Escaping pieces one by one gives the bytes of escaping their
 * concatenation as long as no piece ends with a carriage return that the next piece's line feed would have joined
 * (RFC 5545 3.3.11 writes a CRLF as one \n): the pieces made for feeds end their lines with the line feed.
 */
export class IcsText {
  readonly bytes: Buffer;
  constructor(text: string) {
    this.bytes = Buffer.from(escapeText(text), "utf8");
  }
}

/** A feed event's text: a string is escaped as it is written; the pieces of an array are written one after another. */
type EventText = string | IcsText | readonly (string | IcsText)[];

/** A feed event (METHOD:PUBLISH): a CalendarSession, or one whose text comes in shared pieces. */
export type PublishedEvent = Omit<CalendarSession, "summary" | "description" | "location"> & {
  summary: EventText;
  description: EventText;
  location: EventText;
};

/**
 * A feed's bytes, written as they are made: building the whole calendar as a string and then encoding it cost more
 * than writing it (the text has non-Latin-1 characters, such as the dash in every SUMMARY, so it is two bytes a
 * character until encoded). One buffer, grown as needed, serves every feed the process writes (a feed is written in
 * one synchronous call): a new half-megabyte buffer for each build was external memory that made V8 collect garbage
 * sooner.
 */
class Utf8Writer {
  private static shared = Buffer.allocUnsafe(64 * 1024);
  private buffer = Utf8Writer.shared;
  private length = 0;

  private ensure(bytes: number) {
    if (this.length + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = Utf8Writer.shared = larger;
  }

  write(text: string) {
    this.ensure(text.length * 3);
    this.length += this.buffer.write(text, this.length);
  }

  writeText(text: EventText) {
    if (typeof text === "string") this.write(escapeText(text));
    else if (text instanceof IcsText) {
      this.ensure(text.bytes.length);
      this.length += text.bytes.copy(this.buffer, this.length);
    } else for (const piece of text as readonly (string | IcsText)[]) this.writeText(piece);
  }

  /** 20270107T093000Z, written as ASCII digits (no string made): a feed writes three for each event. */
  utcStamp(date: Date) {
    const year = date.getUTCFullYear();
    if (year < 1000 || year > 9999) {
      const iso = date.toISOString(); // as ical-generator writes years that are not four digits
      this.write(`${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`);
      return;
    }
    this.ensure(16);
    this.digits(year, 4);
    this.digits(date.getUTCMonth() + 1, 2);
    this.digits(date.getUTCDate(), 2);
    this.buffer[this.length++] = 84; // T
    this.digits(date.getUTCHours(), 2);
    this.digits(date.getUTCMinutes(), 2);
    this.digits(date.getUTCSeconds(), 2);
    this.buffer[this.length++] = 90; // Z
  }

  private digits(n: number, width: number) {
    for (let i = width - 1; i >= 0; i--, n = Math.floor(n / 10)) this.buffer[this.length + i] = 48 + (n % 10);
    this.length += width;
  }

  /** The bytes written, in a buffer of their own. */
  bytes(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }
}

const isEmpty = (text: EventText) =>
  typeof text === "string" ? !text : text instanceof IcsText ? !text.bytes.length : text.every(isEmpty);

/** One VEVENT of a feed (no organiser, no attendees), with CRLF line ends. */
function writePublishedEvent(event: PublishedEvent, out: Utf8Writer) {
  const [start, end] = event.startsAt > event.endsAt ? [event.endsAt, event.startsAt] : [event.startsAt, event.endsAt];
  out.write(`BEGIN:VEVENT\r\nUID:${event.icalUid}\r\nSEQUENCE:${event.icalSequence}\r\nDTSTAMP:`);
  out.utcStamp(event.updatedAt);
  out.write("\r\nDTSTART:");
  out.utcStamp(start);
  out.write("\r\nDTEND:");
  out.utcStamp(end);
  out.write("\r\nSUMMARY:");
  out.writeText(event.summary);
  if (!isEmpty(event.location)) {
    out.write("\r\nLOCATION:");
    out.writeText(event.location);
  }
  out.write("\r\nDESCRIPTION:"); // written even when empty, as ical-generator does
  out.writeText(event.description);
  if (event.url) {
    out.write("\r\nURL;VALUE=URI:");
    out.write(escapeText(event.url));
  }
  out.write(`\r\nSTATUS:${eventStatus(event, "PUBLISH")}\r\nLAST-MODIFIED:`);
  out.utcStamp(event.updatedAt);
  out.write("\r\nEND:VEVENT\r\n");
}

/** One VEVENT of a feed, as text. */
export function publishedEvent(event: PublishedEvent): string {
  const out = new Utf8Writer();
  writePublishedEvent(event, out);
  return out.bytes().toString("utf8");
}

/** A feed (METHOD:PUBLISH, many sessions, no attendees), as UTF-8 bytes. */
export function publishedCalendar(input: { name: string | null; sessions: Iterable<PublishedEvent> }): Buffer {
  const empty = newCalendar("PUBLISH", input.name).toString();
  const end = empty.lastIndexOf("END:VCALENDAR");
  const out = new Utf8Writer();
  out.write(empty.slice(0, end));
  for (const event of input.sessions) writePublishedEvent(event, out);
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
