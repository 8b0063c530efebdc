// Mail that reaches the reply addresses (replies+<token>@REPLY_DOMAIN): answers pressed in Outlook, Google or
// Apple Calendar (iTIP METHOD:REPLY / COUNTER, RFC 5546), plain email answers, auto-replies and bounces.
// Inbound mail is hostile input: size and time limits, and processInboundMessage never throws. Every message is
// stored with what was done with it and why; the ones that changed nothing are listed for an admin.
import ICAL from "ical.js";
import type { AddressObject, ParsedMail } from "mailparser";
import { enqueueEmail } from "~/models/outbox.server";
import { applyInvitationAnswer, issueReplyAddress, replyTokenOf, type CalendarAnswer } from "~/models/invitations.server";
import { rescheduleSession } from "~/models/sessions/changes.server";
import { getSession } from "~/models/sessions/queries.server";
import { sessionDetails, sessionForVenueSelect, toCalendarSession } from "~/models/sessions/venue-details.server";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { buildCalendar } from "~/utils/ics.server";
import { renderEmail } from "~/utils/mail.server";
import { pageWindow, toPage } from "~/utils/pagination";
import { formatDateTime, londonDate, londonTime } from "~/utils/time";
import type { Role } from "~/utils/permissions";
import { hashToken } from "~/utils/tokens.server";
import { log, logError } from "~/utils/log.server";
import { metrics } from "~/utils/metrics.server";

export type InboundSource = "SMTP" | "IMAP";
export type InboundOutcome =
  "APPLIED" | "RECORDED" | "HELD" | "COUNTER" | "FORWARDED" | "AUTO_REPLY" | "BOUNCE" | "UNMATCHED" | "REFUSED" | "MALFORMED";

/** Outcomes an admin should look at: nothing was done with these messages. */
export const NEEDS_ATTENTION: InboundOutcome[] = ["UNMATCHED", "REFUSED", "MALFORMED"];

const PARSE_TIMEOUT_MS = 10_000;
/** Real replies nest two or three multiparts; hundreds are a parser attack (deep recursion, many tiny parts). */
const MAX_MULTIPARTS = 20;
const MAX_CALENDAR_CHARS = 256 * 1024;
const MAX_FORWARDED_CHARS = 10_000;
const META = { ip: null, userAgent: "calendar-replies" };

export type InboundInput = {
  raw: Buffer;
  source: InboundSource;
  /** SMTP RCPT TO addresses (the IMAP reader has only the headers). */
  envelopeTo?: string[];
  /** The message's real size when the transport stopped reading at REPLY_MAX_BYTES. */
  sizeBytes?: number;
};

export type InboundResult = { id: string | null; outcome: InboundOutcome; reason: string };

type InboundRecord = {
  outcome: InboundOutcome;
  reason: string;
  invitationId?: string;
  sessionId?: string;
  method?: string;
  partstat?: string;
  attendee?: string;
  replySequence?: number;
  proposedStart?: Date;
  proposedEnd?: Date;
  comment?: string;
  calendarText?: string;
};

type Envelope = { source: InboundSource; sizeBytes: number; messageId?: string; fromAddress?: string; subject?: string };

const clip = (s: string | undefined | null, n: number) => (s ? s.slice(0, n) : undefined);

/**
 * Read one inbound message and do what it asks, if it may. Returns the stored row's id and outcome; id is null
 * only when the row itself could not be stored (the database is down): the transport should then keep the
 * message and try again later (IMAP leaves it in the mailbox, SMTP answers 451).
 */
export async function processInboundMessage(input: InboundInput, now = new Date()): Promise<InboundResult> {
  const started = performance.now();
  const result = await processOne(input, now);
  // The stored row's id, where it came from and what was done: never the sender, subject or reason text.
  metrics.inboundReplies.inc({ source: input.source, outcome: result.outcome });
  log[result.id === null ? "warn" : "info"](
    { replyId: result.id, source: input.source, outcome: result.outcome, ms: Math.round(performance.now() - started) },
    "inbound reply",
  );
  return result;
}

async function processOne(input: InboundInput, now: Date): Promise<InboundResult> {
  const sizeBytes = input.sizeBytes ?? input.raw.length;
  const envelope: Envelope = { source: input.source, sizeBytes };
  try {
    if (sizeBytes > env().REPLY_MAX_BYTES) {
      return await store(envelope, { outcome: "REFUSED", reason: `Too large to read (${sizeBytes} bytes)` }, now);
    }
    const multiparts = input.raw.toString("latin1").match(/boundary\s*=/gi)?.length ?? 0;
    if (multiparts > MAX_MULTIPARTS) {
      return await store(envelope, { outcome: "REFUSED", reason: `Too many nested MIME parts (${multiparts})` }, now);
    }
    let mail: ParsedMail;
    try {
      mail = await parseWithTimeout(input.raw);
    } catch {
      return await store(envelope, { outcome: "MALFORMED", reason: "The message could not be read as email" }, now);
    }
    envelope.messageId = clip(mail.messageId, 300);
    envelope.fromAddress = clip(firstAddress(mail.from), 320);
    envelope.subject = clip(mail.subject, 300);
    return await decide(mail, input, envelope, now);
  } catch (error) {
    logError(error, { source: "replies" });
    try {
      return await store(envelope, { outcome: "MALFORMED", reason: "The message could not be processed" }, now);
    } catch {
      return { id: null, outcome: "MALFORMED", reason: "Not stored: the database could not be reached" };
    }
  }
}

async function parseWithTimeout(raw: Buffer): Promise<ParsedMail> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("parse timeout")), PARSE_TIMEOUT_MS);
  });
  try {
    // Loaded on first use: mailparser takes a third of a core-second to load, and most processes never read mail.
    const { simpleParser } = await import("mailparser");
    return await Promise.race([simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const firstAddress = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : [])
    .flatMap((o) => o.value)
    .find((v) => v.address)
    ?.address?.toLowerCase();

const allAddresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value).flatMap((v) => (v.address ? [v.address] : []));

function headerText(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "object" && "value" in value) {
    return String((value as { value: unknown }).value) + JSON.stringify((value as { params?: unknown }).params ?? {});
  }
  return String(value);
}

async function decide(mail: ParsedMail, input: InboundInput, envelope: Envelope, now: Date): Promise<InboundResult> {
  const bounce = deliveryReport(mail);
  if (bounce) return handleBounce(bounce, envelope, now);

  const calendar = calendarReply(mail);
  if (calendar === "UNREADABLE") {
    return store(envelope, { outcome: "MALFORMED", reason: "The calendar part could not be read" }, now);
  }
  const tokens = candidateTokens(mail, input.envelopeTo ?? [], calendar?.organizer);
  const address = await findReplyAddress(tokens);

  if (!calendar) {
    if (isAutoReply(mail))
      return store(envelope, { outcome: "AUTO_REPLY", reason: "An automatic reply (out of office)", ...linkOf(address) }, now);
    if (!address) return store(envelope, { outcome: "UNMATCHED", reason: "Not sent to a reply address of any invitation" }, now);
    return forwardPlainAnswer(mail, address, envelope, now);
  }
  if ("other" in calendar) {
    return store(envelope, { outcome: "REFUSED", reason: `A calendar ${calendar.other} is not an answer`, ...linkOf(address) }, now);
  }
  const facts = {
    method: calendar.method,
    partstat: calendar.partstat ?? undefined,
    attendee: calendar.attendee ?? undefined,
    replySequence: calendar.sequence ?? undefined,
    comment: clip(calendar.comment, 2000),
    proposedStart: calendar.proposed?.startsAt,
    proposedEnd: calendar.proposed?.endsAt,
  };
  if (!address) {
    return store(envelope, { outcome: "UNMATCHED", reason: "Not sent to a reply address of any invitation", ...facts }, now);
  }
  const link = linkOf(address);
  const { invitation } = address;
  const session = invitation.session;
  if (calendar.uid !== session.icalUid) {
    return store(envelope, { outcome: "REFUSED", reason: "The calendar UID is not this invitation's session", ...facts, ...link }, now);
  }
  if (!calendar.attendee) return store(envelope, { outcome: "REFUSED", reason: "The reply names no attendee", ...facts, ...link }, now);
  if (address.revokedAt || invitation.revokedAt) {
    if (session.status !== "CANCELLED") {
      return store(envelope, { outcome: "RECORDED", reason: "Answers an invitation that has been replaced", ...facts, ...link }, now);
    }
  }
  if (session.status === "CANCELLED") {
    return store(envelope, { outcome: "RECORDED", reason: "The session is cancelled: the answer changes nothing", ...facts, ...link }, now);
  }
  if (session.status === "DELIVERED" || session.endsAt <= now) {
    return store(
      envelope,
      { outcome: "RECORDED", reason: "The session has taken place: the answer changes nothing", ...facts, ...link },
      now,
    );
  }
  // A client that leaves SEQUENCE out answers the email it came from, whose SEQUENCE the address remembers.
  const answered = calendar.sequence ?? address.sequence;
  if (answered < session.icalSequence) {
    const reason = `Answers an older version of the invitation (SEQUENCE ${answered}, latest ${session.icalSequence}): changes nothing`;
    return store(envelope, { outcome: "RECORDED", reason, ...facts, ...link }, now);
  }
  if (calendar.attendee !== invitation.email.toLowerCase()) {
    const reason = `From ${calendar.attendee}, who is not the invited contact (a forwarded invitation): held for the coordinator`;
    return store(envelope, { outcome: "HELD", reason, ...facts, ...link, calendarText: calendar.text }, now);
  }
  const answer = answerOf(calendar);
  if (!answer) {
    return store(
      envelope,
      { outcome: "REFUSED", reason: `PARTSTAT ${calendar.partstat ?? "(none)"} is not an answer`, ...facts, ...link },
      now,
    );
  }
  return db.$transaction(async (tx) => {
    await applyInvitationAnswer(tx, { invitationId: invitation.id, answer, via: "CALENDAR" }, META, now);
    const outcome = calendar.method === "COUNTER" ? "COUNTER" : "APPLIED";
    const reason = calendar.method === "COUNTER" ? "Asked for another date in their calendar" : `Answer ${calendar.partstat} recorded`;
    return storeIn(
      tx,
      envelope,
      { outcome, reason, ...facts, ...link, calendarText: calendar.method === "COUNTER" ? calendar.text : undefined },
      now,
    );
  });
}

type ReplyAddress = NonNullable<Awaited<ReturnType<typeof findReplyAddress>>>;

const linkOf = (address: ReplyAddress | null) =>
  address ? { invitationId: address.invitation.id, sessionId: address.invitation.session.id } : {};

async function findReplyAddress(tokens: string[]) {
  if (tokens.length === 0) return null;
  return db.invitationReplyAddress.findFirst({
    where: { tokenHash: { in: tokens.map(hashToken) } },
    orderBy: { createdAt: "desc" },
    select: {
      sequence: true,
      revokedAt: true,
      invitation: {
        select: {
          id: true,
          email: true,
          revokedAt: true,
          contact: { select: { name: true } },
          session: {
            select: {
              id: true,
              icalUid: true,
              icalSequence: true,
              status: true,
              endsAt: true,
              startsAt: true,
              programme: { select: { name: true } },
              venue: { select: { name: true } },
              createdBy: { select: { email: true, name: true, active: true } },
            },
          },
        },
      },
    },
  });
}

/** Reply-address tokens from the SMTP envelope, the recipient headers and the calendar's ORGANIZER (any may be missing). */
function candidateTokens(mail: ParsedMail, envelopeTo: string[], organizer: string | null | undefined): string[] {
  const addresses = [
    ...envelopeTo,
    ...allAddresses(mail.to),
    ...allAddresses(mail.cc),
    ...["delivered-to", "x-original-to"].flatMap((h) => headerText(mail, h).split(/[,\s]+/)),
    organizer ?? "",
  ];
  const tokens = addresses.map((a) => replyTokenOf(a.replace(/^<|>$/g, ""))).filter((t): t is string => t !== null);
  return [...new Set(tokens)].slice(0, 10);
}

// ───────────── The calendar part ─────────────

type CalendarReply =
  | {
      method: "REPLY" | "COUNTER";
      uid: string;
      sequence: number | null;
      attendee: string | null;
      partstat: string | null;
      organizer: string | null;
      comment: string | null;
      proposed: { startsAt: Date; endsAt: Date } | null;
      text: string;
    }
  | { other: string; organizer: string | null };

/** The first calendar part (text/calendar alternative or an .ics attachment) that is a REPLY or COUNTER. */
function calendarReply(mail: ParsedMail): CalendarReply | "UNREADABLE" | null {
  const parts = mail.attachments.filter(
    (a) => /^(text\/calendar|application\/ics)$/i.test(a.contentType) || /\.ics$/i.test(a.filename ?? ""),
  );
  if (parts.length === 0) return null;
  let other: CalendarReply | null = null;
  let unreadable = false;
  for (const part of parts) {
    if (part.size > MAX_CALENDAR_CHARS) {
      unreadable = true;
      continue;
    }
    const parsed = readCalendar(part.content.toString("utf8"));
    if (parsed === null) unreadable = true;
    else if ("other" in parsed) other ??= parsed;
    else return parsed;
  }
  return other ?? (unreadable ? "UNREADABLE" : null);
}

const mailto = (v: unknown) =>
  typeof v === "string"
    ? v
        .replace(/^mailto:/i, "")
        .trim()
        .toLowerCase()
    : null;

function readCalendar(text: string): CalendarReply | null {
  try {
    const root = new ICAL.Component(ICAL.parse(text));
    if (root.name !== "vcalendar") return null;
    const method = String(root.getFirstPropertyValue("method") ?? "").toUpperCase();
    // Outlook and Exchange send their own VTIMEZONEs with Windows names ("GMT Standard Time"): use them.
    for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
      const zone = new ICAL.Timezone(vtimezone);
      if (zone.tzid && !ICAL.TimezoneService.has(zone.tzid)) ICAL.TimezoneService.register(zone);
    }
    const vevent = root.getFirstSubcomponent("vevent");
    const organizer = vevent ? mailto(vevent.getFirstPropertyValue("organizer")) : null;
    if (method !== "REPLY" && method !== "COUNTER") return { other: method ? `METHOD:${method}` : "without a METHOD", organizer };
    if (!vevent) return null;
    const uid = vevent.getFirstPropertyValue("uid");
    if (typeof uid !== "string" || !uid) return null;
    const attendees = vevent.getAllProperties("attendee");
    const attendee = attendees.length === 1 ? attendees[0] : null;
    const sequence = vevent.getFirstPropertyValue("sequence");
    const comment = vevent.getFirstPropertyValue("comment");
    let proposed: { startsAt: Date; endsAt: Date } | null = null;
    if (method === "COUNTER") {
      const event = new ICAL.Event(vevent);
      if (event.startDate && event.endDate) {
        const startsAt = event.startDate.toJSDate();
        const endsAt = event.endDate.toJSDate();
        if (!Number.isNaN(startsAt.getTime()) && endsAt > startsAt) proposed = { startsAt, endsAt };
      }
    }
    return {
      method,
      uid,
      sequence: typeof sequence === "number" && Number.isInteger(sequence) && sequence >= 0 ? sequence : null,
      attendee: attendee ? mailto(attendee.getFirstValue()) : null,
      partstat: attendee ? String(attendee.getParameter("partstat") ?? "").toUpperCase() || null : null,
      organizer,
      comment: typeof comment === "string" ? comment : null,
      proposed,
      text,
    };
  } catch {
    return null;
  }
}

type AnswerFacts = Pick<Extract<CalendarReply, { method: string }>, "method" | "partstat" | "comment" | "proposed">;

function answerOf(calendar: AnswerFacts): CalendarAnswer | null {
  if (calendar.method === "COUNTER") {
    return {
      response: "ALTERNATIVE",
      note: calendar.comment?.slice(0, 2000) ?? "",
      preferredDates: calendar.proposed ? [londonDate(calendar.proposed.startsAt)] : [],
      proposed: calendar.proposed,
    };
  }
  switch (calendar.partstat) {
    case "ACCEPTED":
      return { response: "ACCEPT" };
    case "TENTATIVE":
      return { response: "TENTATIVE" };
    case "DECLINED":
      return { response: "DECLINE", reason: calendar.comment?.slice(0, 2000) || "Declined in their calendar" };
    default:
      return null;
  }
}

// ───────────── Auto-replies, plain answers and bounces ─────────────

const AUTO_SUBJECT = /^(auto(matic)?[ -]?(reply|response)|out of (the )?office|ooo\b|abwesend|r[ée]ponse automatique|absence)/i;

function isAutoReply(mail: ParsedMail): boolean {
  const autoSubmitted = headerText(mail, "auto-submitted").toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith("no")) return true;
  if (headerText(mail, "x-autoreply") || headerText(mail, "x-autorespond")) return true;
  if (/auto_reply|bulk|junk/i.test(headerText(mail, "precedence"))) return true;
  return AUTO_SUBJECT.test(mail.subject ?? "");
}

async function forwardPlainAnswer(mail: ParsedMail, address: ReplyAddress, envelope: Envelope, now: Date): Promise<InboundResult> {
  const { invitation } = address;
  const session = invitation.session;
  const coordinator = session.createdBy;
  const text = (mail.text ?? "").trim().slice(0, MAX_FORWARDED_CHARS) || "(The email had no plain text.)";
  return db.$transaction(async (tx) => {
    if (coordinator?.active) {
      const who = invitation.contact?.name ?? invitation.email;
      const about = `${session.programme.name} at ${session.venue.name}, ${formatDateTime(session.startsAt)}`;
      await enqueueEmail(tx, {
        to: coordinator.email,
        subject: `Email from ${who}: ${about}`,
        ...renderEmail({
          heading: `${who} replied by email`,
          paragraphs: [`Dear ${coordinator.name},`, `${who} answered the invitation by email rather than with its buttons or link.`],
          details: [
            ["Session", about],
            ["From", envelope.fromAddress ?? "(unknown)"],
            ["Subject", envelope.subject ?? "(none)"],
            ["Their message", text],
          ],
          action: { text: "View the session", href: `${env().APP_URL.replace(/\/$/, "")}/sessions/${session.id}` },
        }),
        sessionId: session.id,
      });
    }
    return storeIn(
      tx,
      envelope,
      { outcome: "FORWARDED", reason: "A plain email answer: passed on to the coordinator", comment: text, ...linkOf(address) },
      now,
    );
  });
}

type DeliveryReport = { recipient: string | null; action: string; status: string; diagnostic: string; originalId: string | null };

/**
 * A delivery status notification (RFC 3464): multipart/report; report-type=delivery-status. mailparser folds its
 * message/delivery-status part into the text, so the fields are read from there.
 */
function deliveryReport(mail: ParsedMail): DeliveryReport | null {
  const contentType = mail.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  const isReport =
    contentType?.value?.toLowerCase() === "multipart/report" && /delivery-status/i.test(contentType.params?.["report-type"] ?? "");
  if (!isReport) return null;
  const text = (mail.text ?? "").slice(0, 20_000);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, "im").exec(text)?.[1]?.trim() ?? "";
  const recipient =
    field("Final-Recipient")
      .replace(/^rfc822;\s*/i, "")
      .toLowerCase() || null;
  const headers = mail.attachments
    .filter((a) => /^(text\/rfc822-headers|message\/rfc822|message\/global-headers)$/i.test(a.contentType))
    .map((a) => a.content.toString("utf8").slice(0, 50_000))
    .join("\n");
  const originalId =
    /^Message-ID:\s*<([^>]+)>/im.exec(headers)?.[1] ??
    /<([^>]+)>/.exec(headerText(mail, "in-reply-to") || headerText(mail, "references"))?.[1] ??
    null;
  return {
    recipient,
    action: field("Action").toLowerCase(),
    status: field("Status"),
    diagnostic: field("Diagnostic-Code").slice(0, 300),
    originalId,
  };
}

async function handleBounce(report: DeliveryReport, envelope: Envelope, now: Date): Promise<InboundResult> {
  if (report.action !== "failed") {
    return store(envelope, { outcome: "RECORDED", reason: `A delivery report (${report.action || "no action"}): nothing failed` }, now);
  }
  // Only a report quoting one of our own messages to that very address counts: bounces are easy to forge.
  const outboxId = report.originalId?.split("@")[0] ?? "";
  const original = /^[a-z0-9]{10,40}$/i.test(outboxId)
    ? await db.outboxMessage.findUnique({ where: { id: outboxId }, select: { to: true, sessionId: true } })
    : null;
  if (!original || !report.recipient || original.to.toLowerCase() !== report.recipient) {
    return store(envelope, { outcome: "UNMATCHED", reason: "A bounce that does not quote a message we sent to that address" }, now);
  }
  const failure = [report.status, report.diagnostic].filter(Boolean).join(" ").slice(0, 300) || "Delivery failed";
  return db.$transaction(async (tx) => {
    const contacts = await tx.venueContact.findMany({ where: { email: original.to }, select: { id: true }, take: 50 });
    await tx.venueContact.updateMany({
      where: { id: { in: contacts.map((c) => c.id) } },
      data: { emailFailingAt: now, emailFailure: failure },
    });
    if (original.sessionId) {
      await tx.sessionChange.create({
        data: {
          sessionId: original.sessionId,
          kind: "EMAIL",
          summary: `Email to ${original.to} could not be delivered`,
          details: { v: 1, failure },
        },
      });
      await tellCoordinatorOfBounce(tx, original.sessionId, original.to, failure);
    }
    return storeIn(
      tx,
      envelope,
      {
        outcome: "BOUNCE",
        reason: `Delivery to ${original.to} failed: the address is marked as failing`,
        sessionId: original.sessionId ?? undefined,
      },
      now,
      contacts.map((c) => c.id),
    );
  });
}

/** The session's coordinator learns that the venue did not get our email, so they can phone instead. */
async function tellCoordinatorOfBounce(tx: Tx, sessionId: string, to: string, failure: string) {
  const session = await tx.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      startsAt: true,
      programme: { select: { name: true } },
      venue: { select: { name: true } },
      createdBy: { select: { email: true, name: true, active: true } },
    },
  });
  const coordinator = session?.createdBy;
  if (!session || !coordinator?.active) return;
  const about = `${session.programme.name} at ${session.venue.name}, ${formatDateTime(session.startsAt)}`;
  await enqueueEmail(tx, {
    to: coordinator.email,
    subject: `Email not delivered to ${to}: ${about}`,
    ...renderEmail({
      heading: "An email to the venue could not be delivered",
      paragraphs: [
        `Dear ${coordinator.name},`,
        `Our email to ${to} came back undelivered, so the venue may not know about the session. The address is marked as failing: check it with the venue.`,
      ],
      details: [
        ["Session", about],
        ["Address", to],
        ["Reason", failure],
      ],
      action: { text: "View the session", href: `${env().APP_URL.replace(/\/$/, "")}/sessions/${session.id}` },
    }),
    sessionId: session.id,
  });
}

// ───────────── Storage ─────────────

function store(envelope: Envelope, record: InboundRecord, now: Date): Promise<InboundResult> {
  return db.$transaction((tx) => storeIn(tx, envelope, record, now));
}

async function storeIn(tx: Tx, envelope: Envelope, record: InboundRecord, now: Date, failingContactIds?: string[]): Promise<InboundResult> {
  const row = await tx.inboundMessage.create({
    data: {
      receivedAt: now,
      source: envelope.source,
      sizeBytes: envelope.sizeBytes,
      messageId: envelope.messageId,
      fromAddress: envelope.fromAddress,
      subject: envelope.subject,
      ...record,
      calendarText: clip(record.calendarText, MAX_CALENDAR_CHARS),
    },
    select: { id: true },
  });
  await writeAudit(
    tx,
    { actor: null, meta: META },
    {
      action: "inbound.message",
      entityType: "InboundMessage",
      entityId: row.id,
      details: {
        v: 1,
        outcome: record.outcome,
        source: envelope.source,
        ...(record.invitationId ? { invitationId: record.invitationId } : {}),
        ...(failingContactIds ? { failingContactIds } : {}),
      },
    },
  );
  return { id: row.id, outcome: record.outcome, reason: record.reason };
}

/** Messages nothing was done with (unmatched, refused, unreadable), newest first, for the admin page. */
export async function listUnprocessedMessages(input: { page: number }) {
  const where = { outcome: { in: NEEDS_ATTENTION } };
  const [total, items] = await Promise.all([
    db.inboundMessage.count({ where }),
    db.inboundMessage.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      ...pageWindow(input.page),
      select: { id: true, receivedAt: true, source: true, fromAddress: true, subject: true, sizeBytes: true, outcome: true, reason: true },
    }),
  ]);
  return toPage(items, total, input.page);
}

// ───────────── Replies the coordinator decides on or reads: forwarded invitations and plain emails ─────────────

/** Calendar answers from someone the invitation was forwarded to, waiting for the coordinator, for the session page. */
export async function heldRepliesForSession(sessionId: string) {
  return db.inboundMessage.findMany({
    where: { sessionId, outcome: "HELD", decidedAt: null },
    orderBy: { receivedAt: "desc" },
    take: 10,
    select: { id: true, receivedAt: true, attendee: true, method: true, partstat: true },
  });
}

/** Plain email answers passed on to the coordinator, newest first, for the session page. */
export async function emailAnswersForSession(sessionId: string) {
  return db.inboundMessage.findMany({
    where: { sessionId, outcome: "FORWARDED" },
    orderBy: { receivedAt: "desc" },
    take: 10,
    select: { id: true, receivedAt: true, fromAddress: true, subject: true, comment: true },
  });
}

/** What a held answer would do, in words: "accept", "decline", "ask for another date". */
export function heldAnswerLabel(message: { method: string | null; partstat: string | null }) {
  if (message.method === "COUNTER") return "ask for another date";
  return { ACCEPTED: "accept", TENTATIVE: "tentatively accept", DECLINED: "decline" }[message.partstat ?? ""] ?? "no answer";
}

export class HeldReplyError extends DomainError {}

/** One undecided held reply for its page, or null (also when the user may not see the session or move it). */
export async function heldReply(user: Actor & { roles: readonly Role[] }, input: { sessionId: string; messageId: string }) {
  const session = await getSession(user, input.sessionId);
  if (!session?.actions.move) return null;
  const message = await db.inboundMessage.findFirst({
    where: { id: input.messageId, sessionId: session.id, outcome: "HELD", decidedAt: null },
    select: {
      attendee: true,
      method: true,
      partstat: true,
      comment: true,
      proposedStart: true,
      receivedAt: true,
      fromAddress: true,
      invitation: { select: { email: true, contact: { select: { name: true } } } },
    },
  });
  if (!message) return null;
  return {
    sessionId: session.id,
    programmeName: session.programme.name,
    venueName: session.venue.name,
    sessionStartsAt: session.startsAt,
    invitedContact: message.invitation ? (message.invitation.contact?.name ?? message.invitation.email) : null,
    attendee: message.attendee,
    answer: heldAnswerLabel(message),
    comment: message.comment,
    proposedStart: message.proposedStart,
    receivedAt: message.receivedAt,
  };
}

async function undecidedHeld(tx: Tx, input: { sessionId: string; messageId: string }) {
  const message = await tx.inboundMessage.findFirst({
    where: { id: input.messageId, sessionId: input.sessionId, outcome: "HELD", decidedAt: null, invitationId: { not: null } },
    select: {
      id: true,
      method: true,
      partstat: true,
      attendee: true,
      comment: true,
      replySequence: true,
      proposedStart: true,
      proposedEnd: true,
      invitation: {
        select: { id: true, revokedAt: true, session: { select: { id: true, status: true, endsAt: true, icalSequence: true } } },
      },
    },
  });
  if (!message?.invitation) throw new NotFoundError("Held reply not found");
  return { ...message, invitation: message.invitation };
}

/**
 * Approve an answer from someone the invitation was forwarded to: it then counts as the invited contact's answer,
 * through the same rules as any calendar answer (a cancelled or past session, a replaced invitation or a newer
 * SEQUENCE refuse it). An approved "Propose new time" becomes a proposal for the coordinator to accept or decline.
 */
export async function approveHeldReply(actor: Actor, input: { sessionId: string; messageId: string }, meta: RequestMeta, now = new Date()) {
  return db.$transaction(async (tx) => {
    const message = await undecidedHeld(tx, input);
    const { invitation } = message;
    const session = invitation.session;
    if (session.status === "CANCELLED") throw new HeldReplyError("The session is cancelled, so the answer cannot count");
    if (session.status === "DELIVERED" || session.endsAt <= now)
      throw new HeldReplyError("The session has taken place, so the answer cannot count");
    if (invitation.revokedAt) throw new HeldReplyError("The invitation has been replaced, so the answer cannot count");
    if (message.replySequence !== null && message.replySequence < session.icalSequence) {
      throw new HeldReplyError("The session has changed since this answer was sent, so it cannot count");
    }
    const proposed = message.proposedStart && message.proposedEnd ? { startsAt: message.proposedStart, endsAt: message.proposedEnd } : null;
    const answer = answerOf({
      method: message.method === "COUNTER" ? "COUNTER" : "REPLY",
      partstat: message.partstat,
      comment: message.comment,
      proposed,
    });
    if (!answer) throw new HeldReplyError("The reply holds no answer to apply");
    await applyInvitationAnswer(tx, { invitationId: invitation.id, answer, via: "CALENDAR" }, meta, now);
    const counter = message.method === "COUNTER";
    await tx.inboundMessage.update({
      where: { id: message.id },
      data: counter
        ? { outcome: "COUNTER", reason: `Held (forwarded invitation), approved by ${actor.email}: asked for another date` }
        : { outcome: "APPLIED", reason: `Held (forwarded invitation), approved by ${actor.email}`, decidedAt: now, decidedById: actor.id },
    });
    await tx.sessionChange.create({
      data: {
        sessionId: session.id,
        actorId: actor.id,
        kind: "STATUS",
        summary: `Approved the calendar answer from ${message.attendee ?? "an unknown address"} (a forwarded invitation)`,
        details: { v: 1, inboundMessageId: message.id, invitationId: invitation.id },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "inbound.held_approve", entityType: "InboundMessage", entityId: message.id, details: { v: 1, sessionId: session.id } },
    );
    return { sessionId: session.id, counter };
  });
}

/** Reject a held answer: it is kept, marked decided, and changes nothing. */
export async function rejectHeldReply(actor: Actor, input: { sessionId: string; messageId: string }, meta: RequestMeta, now = new Date()) {
  return db.$transaction(async (tx) => {
    const message = await undecidedHeld(tx, input);
    await tx.inboundMessage.update({
      where: { id: message.id },
      data: {
        outcome: "RECORDED",
        reason: `Held (forwarded invitation), rejected by ${actor.email}`,
        decidedAt: now,
        decidedById: actor.id,
      },
    });
    await tx.sessionChange.create({
      data: {
        sessionId: input.sessionId,
        actorId: actor.id,
        kind: "STATUS",
        summary: `Rejected the calendar answer from ${message.attendee ?? "an unknown address"} (a forwarded invitation)`,
        details: { v: 1, inboundMessageId: message.id, invitationId: message.invitation.id },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "inbound.held_reject", entityType: "InboundMessage", entityId: message.id, details: { v: 1, sessionId: input.sessionId } },
    );
    return { sessionId: input.sessionId };
  });
}

// ───────────── "Propose new time" (COUNTER): the coordinator accepts or declines ─────────────

/** A counter the coordinator has not decided yet, for the session page. */
export async function counterProposalsForSession(sessionId: string) {
  return db.inboundMessage.findMany({
    where: { sessionId, outcome: "COUNTER", decidedAt: null, proposedStart: { not: null } },
    orderBy: { receivedAt: "desc" },
    take: 10,
    select: { id: true, receivedAt: true, attendee: true, comment: true, proposedStart: true, proposedEnd: true },
  });
}

export class CounterTimeError extends DomainError {
  constructor() {
    super("The proposed time ends on another day, so it cannot be booked as one session: move the session yourself");
  }
}

async function undecidedCounter(sessionId: string, messageId: string) {
  const message = await db.inboundMessage.findFirst({
    where: { id: messageId, sessionId, outcome: "COUNTER", decidedAt: null, proposedStart: { not: null }, proposedEnd: { not: null } },
    select: { id: true, proposedStart: true, proposedEnd: true, invitationId: true },
  });
  if (!message?.proposedStart || !message.proposedEnd || !message.invitationId) throw new NotFoundError("Proposal not found");
  return { ...message, proposedStart: message.proposedStart, proposedEnd: message.proposedEnd, invitationId: message.invitationId };
}

/**
 * Accept a venue's proposed time: the session moves through the normal booking rules (a clash or closure refuses
 * it), which sends the updated invitation with the same UID and SEQUENCE + 1. Then the proposal is marked decided.
 */
export async function acceptCounterProposal(
  actor: Actor,
  input: { sessionId: string; messageId: string },
  meta: RequestMeta,
  now = new Date(),
) {
  const message = await undecidedCounter(input.sessionId, input.messageId);
  const date = londonDate(message.proposedStart);
  if (londonDate(message.proposedEnd) !== date) throw new CounterTimeError();
  const session = await db.session.findUniqueOrThrow({ where: { id: input.sessionId }, select: { venueId: true, teamId: true } });
  const moved = await rescheduleSession(
    actor,
    {
      sessionId: input.sessionId,
      date,
      startTime: londonTime(message.proposedStart),
      endTime: londonTime(message.proposedEnd),
      venueId: session.venueId,
      teamId: session.teamId,
      reason: "the venue's proposed time, accepted",
    },
    meta,
    now,
  );
  await db.$transaction(async (tx) => {
    await tx.inboundMessage.updateMany({ where: { id: message.id, decidedAt: null }, data: { decidedAt: now, decidedById: actor.id } });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "invitation.counter_accept",
        entityType: "Session",
        entityId: input.sessionId,
        details: { v: 1, inboundMessageId: message.id },
      },
    );
  });
  return moved;
}

/**
 * Decline a venue's proposed time: METHOD:DECLINECOUNTER (same UID and SEQUENCE) with the coordinator's note goes
 * to the contact, their answer goes back to waiting for the original time, and the proposal is marked decided.
 */
export async function declineCounterProposal(
  actor: Actor,
  input: { sessionId: string; messageId: string; note: string },
  meta: RequestMeta,
  now = new Date(),
) {
  const message = await undecidedCounter(input.sessionId, input.messageId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.inboundMessage.updateMany({
      where: { id: message.id, decidedAt: null },
      data: { decidedAt: now, decidedById: actor.id },
    });
    if (count !== 1) throw new NotFoundError("Proposal not found");
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { id: message.invitationId },
      select: { id: true, email: true, status: true, contact: { select: { name: true } }, session: { select: sessionForVenueSelect } },
    });
    const session = invitation.session;
    const contact = { name: invitation.contact?.name ?? invitation.email, email: invitation.email };
    const replyAddress = await issueReplyAddress(tx, { invitationId: invitation.id, sequence: session.icalSequence });
    if (invitation.status === "ALTERNATIVE_PROPOSED") {
      await tx.invitation.update({ where: { id: invitation.id }, data: { status: "PENDING", respondedAt: null } });
    }
    const when = formatDateTime(message.proposedStart);
    await enqueueEmail(tx, {
      to: contact.email,
      subject: `New time declined: ${session.programme.name} at ${session.venue.name}, ${formatDateTime(session.startsAt)}`,
      ...renderEmail({
        heading: "We cannot move the session to the time you proposed",
        paragraphs: [
          `Dear ${contact.name},`,
          `Thank you for proposing ${when}. We are not able to move the session to that time.`,
          input.note,
        ],
        details: sessionDetails(session),
      }),
      ics: buildCalendar({
        method: "DECLINECOUNTER",
        sessions: [toCalendarSession(session)],
        attendee: contact,
        organizer: replyAddress ?? undefined,
        comment: input.note,
      }),
      icsMethod: "DECLINECOUNTER",
      replyTo: replyAddress ?? undefined,
      sessionId: session.id,
    });
    await tx.sessionChange.create({
      data: {
        sessionId: session.id,
        actorId: actor.id,
        kind: "STATUS",
        summary: `Declined ${contact.name}'s proposed time (${when})`,
        details: { v: 1, inboundMessageId: message.id, invitationId: invitation.id },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "invitation.counter_decline",
        entityType: "Session",
        entityId: session.id,
        details: { v: 1, inboundMessageId: message.id },
      },
    );
    return { sessionId: session.id };
  });
}

/** One undecided proposal for its page, or null (also when the user may not see the session). */
export async function counterProposal(user: Actor & { roles: readonly Role[] }, input: { sessionId: string; messageId: string }) {
  const session = await getSession(user, input.sessionId);
  if (!session?.actions.move) return null;
  const message = await db.inboundMessage.findFirst({
    where: { id: input.messageId, sessionId: session.id, outcome: "COUNTER", decidedAt: null },
    select: { attendee: true, comment: true, proposedStart: true, proposedEnd: true },
  });
  if (!message?.proposedStart || !message.proposedEnd) return null;
  return {
    sessionId: session.id,
    programmeName: session.programme.name,
    venueName: session.venue.name,
    sessionStartsAt: session.startsAt,
    attendee: message.attendee,
    comment: message.comment,
    proposedStart: message.proposedStart,
    proposedEnd: message.proposedEnd,
  };
}
