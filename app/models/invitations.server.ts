// Invitations: a venue contact is invited to a session by email (with a calendar invitation) and answers
// through a secret link, without an account. Updates, cancellations, reminders and chasers follow.
import { enqueueEmail } from "~/models/outbox.server";
import {
  coordinatorContact,
  sessionDetails,
  sessionForVenueSelect,
  toCalendarSession,
  type SessionForVenue,
} from "~/models/sessions/venue-details.server";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { buildCalendar } from "~/utils/ics.server";
import { renderEmail } from "~/utils/mail.server";
import { formatDate, formatDateTime } from "~/utils/time";
import { generateAddressToken, generateToken, hashToken } from "~/utils/tokens.server";

const INVITABLE = ["PROVISIONAL", "INVITED", "DECLINED"] as const;

/** A venue can be (re-)invited to a provisional, invited or declined session that has not ended. */
export const isInvitable = (session: { status: string; endsAt: Date }, now = new Date()) =>
  (INVITABLE as readonly string[]).includes(session.status) && session.endsAt > now;
const DAY_MS = 24 * 60 * 60_000;

export class SessionNotInvitableError extends DomainError {
  constructor(public readonly status: string) {
    super(
      status === "PASSED"
        ? "This session has already taken place, so it cannot be sent as an invitation"
        : `A ${status.toLowerCase()} session cannot be sent as an invitation: only provisional, invited or declined sessions can`,
      "contactIds",
    );
  }
}

export class NoSuchContactError extends DomainError {
  constructor() {
    super("Select contacts of this venue who have an email address", "contactIds");
  }
}

/** The link is unknown, revoked, expired or its session cancelled: all look the same to the visitor. */
export class InvitationUnavailableError extends DomainError {
  constructor() {
    super("This link is no longer valid");
  }
}

const responseUrl = (token: string) => `${env().APP_URL.replace(/\/$/, "")}/respond/${token}`;
const sessionUrl = (sessionId: string) => `${env().APP_URL.replace(/\/$/, "")}/sessions/${sessionId}`;
const subjectOf = (session: SessionForVenue) => `${session.programme.name} at ${session.venue.name}, ${formatDateTime(session.startsAt)}`;

/** `replies+<token>@REPLY_DOMAIN` → the token, or null for any other address. */
export function replyTokenOf(address: string): string | null {
  const { REPLY_DOMAIN, REPLY_LOCAL_PART } = env();
  if (!REPLY_DOMAIN) return null;
  const [local, domain] = address.trim().toLowerCase().split("@");
  if (domain !== REPLY_DOMAIN.toLowerCase() || !local) return null;
  const match = /^([a-z0-9.-]+)\+([0-9a-f]{32})$/.exec(local);
  return match && match[1] === REPLY_LOCAL_PART.toLowerCase() ? match[2] : null;
}

/**
 * A new reply address for one calendar email of an invitation, remembering the SEQUENCE it carries; null when
 * REPLY_DOMAIN is not set (ORGANIZER is then MAIL_FROM's address and replies are not read). Call in the
 * transaction that queues the email.
 */
export async function issueReplyAddress(tx: Tx, input: { invitationId: string; sequence: number }): Promise<string | null> {
  const { REPLY_DOMAIN, REPLY_LOCAL_PART } = env();
  if (!REPLY_DOMAIN) return null;
  const token = generateAddressToken();
  await tx.invitationReplyAddress.create({
    data: { invitationId: input.invitationId, tokenHash: hashToken(token), sequence: input.sequence },
  });
  return `${REPLY_LOCAL_PART}+${token}@${REPLY_DOMAIN}`.toLowerCase();
}

function invitationEmail(input: {
  session: SessionForVenue;
  contact: { name: string; email: string };
  token: string;
  replyAddress: string | null;
  kind: "NEW" | "UPDATED" | "CHASER";
}) {
  const { session, contact } = input;
  const calendar = buildCalendar({
    method: "REQUEST",
    sessions: [toCalendarSession(session)],
    attendee: contact,
    organizer: input.replyAddress ?? undefined,
  });
  const intro = {
    NEW: `We would like to bring ${session.programme.name} to ${session.venue.name}. Please tell us whether this date works for you.`,
    UPDATED: `The details of ${session.programme.name} at ${session.venue.name} have changed. The new details are below; your calendar invitation has been updated.`,
    CHASER: `We have not yet heard whether this date works for ${session.venue.name}. Please let us know using the link below.`,
  }[input.kind];
  const contactInfo = coordinatorContact();
  const body = renderEmail({
    heading: input.kind === "UPDATED" ? "Your session has changed" : "Invitation to book a session",
    paragraphs: [`Dear ${contact.name},`, intro],
    details: sessionDetails(session),
    action: { text: "Accept, decline or suggest another date", href: responseUrl(input.token) },
    footer: [
      input.kind === "NEW"
        ? "You do not need an account. The link works until the session has taken place."
        : "This link replaces the one in our earlier email.",
      `Questions? Contact the ${contactInfo.team} at ${contactInfo.email}${contactInfo.phone ? ` or ${contactInfo.phone}` : ""}.`,
    ],
  });
  const prefix = { NEW: "Invitation", UPDATED: "Updated", CHASER: "Reminder: please reply" }[input.kind];
  return {
    to: contact.email,
    subject: `${prefix}: ${subjectOf(session)}`,
    ...body,
    ics: calendar,
    icsMethod: "REQUEST" as const,
    replyTo: input.replyAddress ?? undefined,
    sessionId: session.id,
  };
}

/** The invite page: the session as the venue will see it and the venue's contacts who have an email address. */
export async function getInvitePage(sessionId: string) {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      ...sessionForVenueSelect,
      venue: {
        select: {
          ...sessionForVenueSelect.venue.select,
          contacts: {
            where: { archivedAt: null, email: { not: null } },
            orderBy: [{ isPrimary: "desc" }, { name: "asc" }],
            take: 50,
            select: { id: true, name: true, role: true, email: true, isPrimary: true },
          },
        },
      },
    },
  });
  if (!session) return null;
  return {
    session: {
      id: session.id,
      status: session.status,
      venueName: session.venue.name,
      programmeName: session.programme.name,
      startsAt: session.startsAt,
    },
    details: sessionDetails(session),
    contacts: session.venue.contacts,
    invitable: isInvitable(session),
    invitations: await invitationsForSession(session.id),
  };
}

/**
 * Invite venue contacts to a session: one invitation (and secret link) per contact, replacing that contact's
 * previous one; the session becomes INVITED; history, audit and the emails are written in the same transaction.
 */
export async function sendInvitation(
  actor: Actor,
  input: { sessionId: string; contactIds: string[] },
  meta: RequestMeta,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: input.sessionId }, select: sessionForVenueSelect });
    if (!session) throw new NotFoundError("Session not found");
    if (!(INVITABLE as readonly string[]).includes(session.status)) throw new SessionNotInvitableError(session.status);
    if (session.endsAt <= now) throw new SessionNotInvitableError("PASSED");
    const contactIds = [...new Set(input.contactIds)];
    const contacts = await tx.venueContact.findMany({
      where: { id: { in: contactIds }, venueId: session.venue.id, archivedAt: null, email: { not: null } },
      select: { id: true, name: true, email: true },
    });
    if (contacts.length === 0 || contacts.length !== contactIds.length) throw new NoSuchContactError();

    const invitationIds: string[] = [];
    for (const contact of contacts) {
      const replaced = { sessionId: session.id, contactId: contact.id, revokedAt: null };
      await tx.invitationReplyAddress.updateMany({ where: { revokedAt: null, invitation: replaced }, data: { revokedAt: now } });
      await tx.invitation.updateMany({ where: replaced, data: { revokedAt: now } });
      const token = generateToken();
      const invitation = await tx.invitation.create({
        data: {
          sessionId: session.id,
          contactId: contact.id,
          email: contact.email!,
          tokenHash: hashToken(token),
          sentAt: now,
          expiresAt: session.endsAt,
        },
        select: { id: true },
      });
      invitationIds.push(invitation.id);
      const replyAddress = await issueReplyAddress(tx, { invitationId: invitation.id, sequence: session.icalSequence });
      await enqueueEmail(
        tx,
        invitationEmail({ session, contact: { name: contact.name, email: contact.email! }, token, replyAddress, kind: "NEW" }),
      );
    }
    if (session.status !== "INVITED") {
      await tx.session.update({ where: { id: session.id }, data: { status: "INVITED" } });
    }
    await tx.sessionChange.create({
      data: {
        sessionId: session.id,
        actorId: actor.id,
        kind: "STATUS",
        summary: `Invitation sent to ${contacts.map((c) => c.name).join(", ")}`,
        details: { v: 1, from: session.status, to: "INVITED", invitationIds },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "invitation.send", entityType: "Session", entityId: session.id, details: { v: 1, invitationIds } },
    );
    return { invited: contacts.map((c) => c.name) };
  });
}

export type InvitationAnswer =
  { response: "ACCEPT" } | { response: "DECLINE"; reason: string } | { response: "ALTERNATIVE"; note: string; preferredDates: string[] };

export type InvitationResponseInput = InvitationAnswer & { expectedPupils?: number; onTheDayContact?: string };

/** An answer pressed in a calendar (iTIP REPLY / COUNTER): tentative exists there, and a counter carries a time. */
export type CalendarAnswer =
  | { response: "ACCEPT" }
  | { response: "TENTATIVE" }
  | { response: "DECLINE"; reason: string }
  | { response: "ALTERNATIVE"; note: string; preferredDates: string[]; proposed: { startsAt: Date; endsAt: Date } | null };

const liveInvitation = (token: string, now: Date) => ({
  tokenHash: hashToken(token),
  revokedAt: null,
  expiresAt: { gt: now },
  session: { status: { notIn: ["CANCELLED", "DELIVERED"] as ("CANCELLED" | "DELIVERED")[] } },
});

/** What the response page shows for a secret link, or null (the page never says why). Changes nothing. */
export async function getInvitationByToken(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const invitation = await db.invitation.findFirst({
    where: liveInvitation(token, now),
    select: {
      status: true,
      declineReason: true,
      alternativeNote: true,
      preferredDates: true,
      responseExpectedPupils: true,
      onTheDayContact: true,
      respondedAt: true,
      contact: { select: { name: true } },
      session: { select: sessionForVenueSelect },
    },
  });
  if (!invitation) return null;
  return {
    status: invitation.status,
    contactName: invitation.contact?.name ?? null,
    details: sessionDetails(invitation.session),
    venueName: invitation.session.venue.name,
    response: {
      declineReason: invitation.declineReason,
      alternativeNote: invitation.alternativeNote,
      preferredDates: invitation.preferredDates ? invitation.preferredDates.split(",") : [],
      expectedPupils: invitation.responseExpectedPupils ?? invitation.session.expectedPupils,
      onTheDayContact: invitation.onTheDayContact,
      respondedAt: invitation.respondedAt,
    },
  };
}

const RESPONSE_STATUS = {
  ACCEPT: "ACCEPTED",
  TENTATIVE: "TENTATIVE",
  DECLINE: "DECLINED",
  ALTERNATIVE: "ALTERNATIVE_PROPOSED",
} as const;

const answeringInvitationSelect = {
  id: true,
  contact: { select: { name: true } },
  email: true,
  session: { select: { ...sessionForVenueSelect, createdBy: { select: { email: true, name: true, active: true } } } },
} as const;

/**
 * Record a venue's answer (accept / decline with a reason / ask for another date) from its secret link.
 * The session becomes CONFIRMED or DECLINED (another date leaves it INVITED for the coordinator to move),
 * and the coordinator who booked it is emailed.
 */
export async function respondToInvitation(token: string, input: InvitationResponseInput, meta: RequestMeta, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new InvitationUnavailableError();
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: liveInvitation(token, now), select: answeringInvitationSelect });
    if (!invitation) throw new InvitationUnavailableError();
    return applyInvitationAnswer(tx, { invitationId: invitation.id, answer: input, via: "PAGE" }, meta, now);
  });
}

/**
 * The one set of rules for an answer, from the response page or from a calendar: the invitation's status, the
 * session's status (accept → CONFIRMED, decline → DECLINED, tentative or another date leave it for the
 * coordinator), history, audit, and the coordinator's email. Runs in the caller's transaction.
 */
export async function applyInvitationAnswer(
  tx: Tx,
  input: { invitationId: string; answer: InvitationResponseInput | CalendarAnswer; via: "PAGE" | "CALENDAR" },
  meta: RequestMeta,
  now = new Date(),
) {
  const answer = input.answer;
  const extra: { expectedPupils?: number; onTheDayContact?: string } =
    "expectedPupils" in answer || "onTheDayContact" in answer ? answer : {};
  const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: input.invitationId }, select: answeringInvitationSelect });
  const status = RESPONSE_STATUS[answer.response];
  await tx.invitation.update({
    where: { id: invitation.id },
    data: {
      status,
      respondedAt: now,
      declineReason: answer.response === "DECLINE" ? answer.reason : null,
      alternativeNote: answer.response === "ALTERNATIVE" ? answer.note : null,
      preferredDates: answer.response === "ALTERNATIVE" && answer.preferredDates.length ? answer.preferredDates.join(",") : null,
      responseExpectedPupils: extra.expectedPupils ?? null,
      onTheDayContact: extra.onTheDayContact ?? null,
    },
  });
  const session = invitation.session;
  const newStatus = answer.response === "ACCEPT" ? "CONFIRMED" : answer.response === "DECLINE" ? "DECLINED" : session.status;
  await tx.session.update({
    where: { id: session.id },
    data: { status: newStatus, ...(extra.expectedPupils !== undefined ? { expectedPupils: extra.expectedPupils } : {}) },
  });
  const who = invitation.contact?.name ?? invitation.email;
  const where = input.via === "CALENDAR" ? " in their calendar" : "";
  const summary = {
    ACCEPT: `${who} accepted the invitation${where}`,
    TENTATIVE: `${who} tentatively accepted the invitation${where}`,
    DECLINE: `${who} declined the invitation${where}`,
    ALTERNATIVE: `${who} asked for another date${where}`,
  }[answer.response];
  const proposed = answer.response === "ALTERNATIVE" && "proposed" in answer ? answer.proposed : null;
  await tx.sessionChange.create({
    data: {
      sessionId: session.id,
      actorId: null,
      kind: "STATUS",
      summary: proposed ? `${summary}: ${formatDateTime(proposed.startsAt)}` : summary,
      details: {
        v: 1,
        from: session.status,
        to: newStatus,
        invitationId: invitation.id,
        response: status,
        via: input.via,
        expectedPupils: extra.expectedPupils ?? null,
        ...(proposed ? { proposedStart: proposed.startsAt.toISOString(), proposedEnd: proposed.endsAt.toISOString() } : {}),
      },
    },
  });
  await writeAudit(
    tx,
    { actor: null, meta },
    {
      action: "invitation.respond",
      entityType: "Invitation",
      entityId: invitation.id,
      details: { v: 1, response: status, via: input.via },
    },
  );

  const coordinator = session.createdBy;
  if (coordinator?.active) {
    const details: [string, string][] = [
      ["Session", subjectOf(session)],
      ["Answer", summary],
    ];
    if (answer.response === "DECLINE") details.push(["Reason", answer.reason]);
    if (proposed) details.push(["Proposed time", `${formatDateTime(proposed.startsAt)} to ${formatDateTime(proposed.endsAt)}`]);
    if (answer.response === "ALTERNATIVE") {
      if (answer.note) details.push(["Their message", answer.note]);
      if (answer.preferredDates.length && !proposed) {
        details.push(["Preferred dates", answer.preferredDates.map((d) => formatDate(d)).join("\n")]);
      }
    }
    if (extra.expectedPupils !== undefined) details.push(["Expected pupils", String(extra.expectedPupils)]);
    if (extra.onTheDayContact) details.push(["Contact on the day", extra.onTheDayContact]);
    await enqueueEmail(tx, {
      to: coordinator.email,
      subject: `${summary}: ${subjectOf(session)}`,
      ...renderEmail({
        heading: summary,
        paragraphs: [`Dear ${coordinator.name},`],
        details,
        action: { text: "View the session", href: sessionUrl(session.id) },
      }),
      sessionId: session.id,
    });
  }
  return { status, sessionStatus: newStatus };
}

/** The invitations of a session for its page, newest first, with the venue's answers. */
export async function invitationsForSession(sessionId: string) {
  const where = { sessionId };
  const [items, total] = await Promise.all([
    db.invitation.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: 25,
      select: {
        id: true,
        email: true,
        status: true,
        declineReason: true,
        alternativeNote: true,
        preferredDates: true,
        responseExpectedPupils: true,
        onTheDayContact: true,
        sentAt: true,
        respondedAt: true,
        lastChasedAt: true,
        revokedAt: true,
        expiresAt: true,
        contact: { select: { name: true, email: true, emailFailingAt: true, emailFailure: true } },
      },
    }),
    db.invitation.count({ where }),
  ]);
  return {
    total,
    items: items.map((i) => ({
      ...i,
      contactName: i.contact?.name ?? i.email,
      /** Our email to this address bounced (and the contact still has it). */
      emailFailure: i.contact?.emailFailingAt && i.contact.email === i.email ? (i.contact.emailFailure ?? "Delivery failed") : null,
      preferredDates: i.preferredDates ? i.preferredDates.split(",") : [],
    })),
  };
}

/**
 * Tell invited venues that their session moved, changed what they see, or was cancelled. Call it INSIDE the
 * transaction that changed the session, after icalSequence was bumped: a moved session (or new details) sends an
 * "Updated:" REQUEST with the same UID and the new SEQUENCE and a fresh link (a new date needs a new answer: the
 * response goes back to PENDING); a cancelled one sends METHOD:CANCEL and ends the links. A change the venue does
 * not see (team, internal notes) sends nothing: don't call it.
 */
export async function queueVenueCalendarUpdate(
  tx: Tx,
  input: { sessionId: string; change: "MOVED" | "DETAILS" | "CANCELLED"; dateChanged: boolean },
  now = new Date(),
): Promise<void> {
  const session = await tx.session.findUnique({ where: { id: input.sessionId }, select: sessionForVenueSelect });
  if (!session) throw new NotFoundError("Session not found");
  const invitations = await tx.invitation.findMany({
    where: { sessionId: session.id, revokedAt: null, status: { not: "DECLINED" } },
    select: {
      id: true,
      email: true,
      status: true,
      contact: { select: { name: true, venue: { select: sessionForVenueSelect.venue.select } } },
    },
  });
  let venueChanged = false;
  for (const invitation of invitations) {
    const contact = { name: invitation.contact?.name ?? invitation.email, email: invitation.email };
    // A session moved to another venue is, for the old venue, a cancellation.
    const oldVenue = invitation.contact && invitation.contact.venue.id !== session.venue.id ? invitation.contact.venue : null;
    venueChanged ||= oldVenue !== null;
    if (input.change === "CANCELLED" || oldVenue) {
      await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: now } });
      const asTheyKnewIt = { ...session, venue: oldVenue ?? session.venue };
      // Replies to a cancellation are still read (and recorded without changing anything).
      const replyAddress = await issueReplyAddress(tx, { invitationId: invitation.id, sequence: session.icalSequence });
      await enqueueEmail(tx, {
        to: contact.email,
        subject: `Cancelled: ${subjectOf(asTheyKnewIt)}`,
        ...renderEmail({
          heading: "Session cancelled",
          paragraphs: [
            `Dear ${contact.name},`,
            `We are sorry: ${session.programme.name} at ${asTheyKnewIt.venue.name} on ${formatDateTime(session.startsAt)} has been cancelled. It has been removed from your calendar.`,
          ],
          footer: [`Questions? Contact the ${coordinatorContact().team} at ${coordinatorContact().email}.`],
        }),
        ics: buildCalendar({
          method: "CANCEL",
          sessions: [{ ...toCalendarSession(asTheyKnewIt), status: "CANCELLED" }],
          attendee: contact,
          organizer: replyAddress ?? undefined,
        }),
        icsMethod: "CANCEL",
        replyTo: replyAddress ?? undefined,
        sessionId: session.id,
      });
      continue;
    }
    const token = generateToken();
    await tx.invitation.update({
      where: { id: invitation.id },
      data: {
        tokenHash: hashToken(token),
        expiresAt: session.endsAt,
        ...(input.dateChanged ? { status: "PENDING", respondedAt: null, sentAt: now, lastChasedAt: null } : {}),
      },
    });
    const replyAddress = await issueReplyAddress(tx, { invitationId: invitation.id, sequence: session.icalSequence });
    await enqueueEmail(tx, invitationEmail({ session, contact, token, replyAddress, kind: "UPDATED" }));
  }
  if (input.change !== "MOVED" || invitations.length === 0) return;
  // The venue must answer again: a new venue has not been invited yet; a new date needs a new yes.
  const liveAtNewVenue = await tx.invitation.count({ where: { sessionId: session.id, revokedAt: null, status: { not: "DECLINED" } } });
  const next =
    venueChanged && liveAtNewVenue === 0 ? "PROVISIONAL" : input.dateChanged && session.status === "CONFIRMED" ? "INVITED" : null;
  if (next && next !== session.status) {
    await tx.session.update({ where: { id: session.id }, data: { status: next } });
    await tx.sessionChange.create({
      data: {
        sessionId: session.id,
        kind: "STATUS",
        summary: next === "PROVISIONAL" ? "The new venue has not been invited yet" : "Waiting for the venue to confirm the new date",
        details: { v: 1, from: session.status, to: next },
      },
    });
  }
}

/**
 * Reminders (REMINDER_DAYS before a confirmed session, to contacts who accepted) and chasers (to invitations
 * unanswered CHASER_DAYS after sending). Each is sent once: reminders by the outbox dedupe key, chasers by
 * lastChasedAt, so running it again (or after a restart) queues nothing new. The worker calls it every minute.
 */
export async function queueRemindersAndChasers(now = new Date()) {
  const { REMINDER_DAYS, CHASER_DAYS } = env();
  let reminders = 0;
  let chasers = 0;
  const furthest = REMINDER_DAYS.at(-1);
  if (furthest) {
    const accepted = await db.invitation.findMany({
      where: {
        status: "ACCEPTED",
        revokedAt: null,
        session: { status: "CONFIRMED", startsAt: { gt: now, lte: new Date(now.getTime() + furthest * DAY_MS) } },
      },
      select: { id: true, email: true, contact: { select: { name: true } }, session: { select: sessionForVenueSelect } },
      take: 500,
    });
    for (const invitation of accepted) {
      const session = invitation.session;
      // The nearest reminder point the session has reached; a move gives it new reminders.
      const days = REMINDER_DAYS.find((d) => session.startsAt.getTime() <= now.getTime() + d * DAY_MS)!;
      const queued = await enqueueEmail(db, {
        to: invitation.email,
        subject: `Reminder: ${subjectOf(session)}`,
        ...renderEmail({
          heading: `Reminder: ${session.programme.name} on ${formatDate(session.startsAt)}`,
          paragraphs: [
            `Dear ${invitation.contact?.name ?? invitation.email},`,
            `This is a reminder of ${session.programme.name} at ${session.venue.name}.`,
          ],
          details: sessionDetails(session),
          footer: [`If anything has changed, contact the ${coordinatorContact().team} at ${coordinatorContact().email}.`],
        }),
        dedupeKey: `reminder:${invitation.id}:${days}:${session.startsAt.toISOString()}`,
        sessionId: session.id,
      });
      if (queued) reminders++;
    }
  }
  const unanswered = await db.invitation.findMany({
    where: {
      status: "PENDING",
      revokedAt: null,
      lastChasedAt: null,
      expiresAt: { gt: now },
      sentAt: { lte: new Date(now.getTime() - CHASER_DAYS * DAY_MS) },
      session: { status: "INVITED", startsAt: { gt: now } },
    },
    select: { id: true },
    take: 500,
  });
  for (const { id } of unanswered) {
    const chased = await db.$transaction(async (tx) => {
      const token = generateToken();
      // Compare-and-set: a second worker (or run) finds lastChasedAt already set and does nothing.
      const { count } = await tx.invitation.updateMany({
        where: { id, lastChasedAt: null },
        data: { lastChasedAt: now, tokenHash: hashToken(token) },
      });
      if (count === 0) return false;
      return queueChaser(tx, id, token, `chaser:${id}`);
    });
    if (chased) chasers++;
  }
  return { reminders, chasers };
}

/** The chaser email for an invitation whose link was just replaced by `token`. */
async function queueChaser(tx: Tx, invitationId: string, token: string, dedupeKey: string) {
  const invitation = await tx.invitation.findUniqueOrThrow({
    where: { id: invitationId },
    select: { email: true, contact: { select: { name: true } }, session: { select: sessionForVenueSelect } },
  });
  const contact = { name: invitation.contact?.name ?? invitation.email, email: invitation.email };
  const replyAddress = await issueReplyAddress(tx, { invitationId, sequence: invitation.session.icalSequence });
  return enqueueEmail(tx, { ...invitationEmail({ session: invitation.session, contact, token, replyAddress, kind: "CHASER" }), dedupeKey });
}

export class NothingToChaseError extends DomainError {
  constructor() {
    super("This session has no invitation waiting for a reply: only upcoming invited sessions with an unanswered invitation can be chased");
  }
}

/**
 * A coordinator's "chase": every unanswered invitation of an upcoming invited session gets the reminder email with a
 * new link (the old one stops working), and lastChasedAt so the worker's automatic chaser does not send another.
 * History and audit in the same transaction.
 */
export async function chaseInvitations(actor: Actor, input: { sessionId: string }, meta: RequestMeta, now = new Date()) {
  return db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: input.sessionId }, select: { id: true, status: true, startsAt: true } });
    if (!session) throw new NotFoundError("Session not found");
    const pending =
      session.status === "INVITED" && session.startsAt > now
        ? await tx.invitation.findMany({
            where: { sessionId: session.id, status: "PENDING", revokedAt: null, expiresAt: { gt: now } },
            select: { id: true, email: true },
            orderBy: { id: "asc" },
            take: 50,
          })
        : [];
    if (pending.length === 0) throw new NothingToChaseError();
    for (const invitation of pending) {
      const token = generateToken();
      await tx.invitation.update({ where: { id: invitation.id }, data: { lastChasedAt: now, tokenHash: hashToken(token) } });
      await queueChaser(tx, invitation.id, token, `chaser:${invitation.id}:${now.toISOString()}`);
    }
    const invitationIds = pending.map((i) => i.id);
    await tx.sessionChange.create({
      data: {
        sessionId: session.id,
        actorId: actor.id,
        kind: "STATUS",
        summary: `Reminder to reply sent to ${pending.map((i) => i.email).join(", ")}`,
        details: { v: 1, from: session.status, to: session.status, invitationIds },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "invitation.chase", entityType: "Session", entityId: session.id, details: { v: 1, invitationIds } },
    );
    return { chased: pending.map((i) => i.email) };
  });
}
