// One place that writes iCalendar: invitations (REQUEST / CANCEL) and subscribable feeds (PUBLISH).
// Times are written in UTC ("Z"), which every calendar (Outlook included) reads the same way.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { env } from "./env.server";
import { senderAddress } from "./mail.server";

export type IcsMethod = "REQUEST" | "CANCEL" | "PUBLISH";

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
};

function eventStatus(session: CalendarSession, method: IcsMethod): ICalEventStatus {
  if (method === "CANCEL" || session.status === "CANCELLED" || session.status === "DECLINED") return ICalEventStatus.CANCELLED;
  return session.status === "CONFIRMED" || session.status === "DELIVERED" ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE;
}

/**
 * A VCALENDAR for one method. REQUEST and CANCEL carry one session and its attendee (RSVP=TRUE);
 * PUBLISH (feeds) carries many sessions and no attendees. UID and SEQUENCE come from the session row.
 */
export function buildCalendar(input: {
  method: IcsMethod;
  sessions: CalendarSession[];
  attendee?: { name: string; email: string };
  name?: string;
}): string {
  const calendar = ical({
    prodId: { company: env().COUNCIL_NAME, product: "Outreach", language: "EN" },
    method: METHODS[input.method],
    name: input.name ?? null,
  });
  const organizer = { name: env().COUNCIL_NAME, email: senderAddress() };
  for (const session of input.sessions) {
    calendar.createEvent({
      id: session.icalUid,
      sequence: session.icalSequence,
      start: session.startsAt,
      end: session.endsAt,
      stamp: session.updatedAt,
      lastModified: session.updatedAt,
      summary: session.summary,
      description: session.description,
      location: session.location,
      status: eventStatus(session, input.method),
      url: session.url ?? null,
      organizer: input.method === "PUBLISH" ? null : organizer,
      attendees:
        input.attendee && input.method !== "PUBLISH"
          ? [{
              name: input.attendee.name,
              email: input.attendee.email,
              rsvp: true,
              role: ICalAttendeeRole.REQ,
              status: ICalAttendeeStatus.NEEDSACTION,
            }]
          : [],
    });
  }
  return calendar.toString();
}
