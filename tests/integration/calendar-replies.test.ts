// Answers pressed in calendars (iTIP REPLY / COUNTER), plain email answers, auto-replies and bounces, as the real
// clients send them, fed to the one inbound-message processor. Fixtures are written here, shaped after captured
// messages from Outlook desktop/web/Outlook.com, Google Calendar and Apple Calendar.
import { describe, expect, it, vi } from "vitest";
import {
  acceptCounterProposal,
  approveHeldReply,
  counterProposal,
  counterProposalsForSession,
  declineCounterProposal,
  heldReply,
  listUnprocessedMessages,
  processInboundMessage,
  rejectHeldReply,
} from "~/models/calendar-replies.server";
import { invitationsForSession, sendInvitation } from "~/models/invitations.server";
import { updateContact, venuePage } from "~/models/venues.server";
import { sessionPage } from "~/models/sessions/page.server";
import { db } from "~/utils/db.server";
import { formatDateTime } from "~/utils/time";
import { hashToken } from "~/utils/tokens.server";
import { makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";
import { calendarOf, smtpSinkForThisFile } from "../support/mail";
import { appleReply, b64, crlf, googleReply, outlookReply, plainEmail, vcalendar, type Reply } from "../support/reply-messages";

vi.hoisted(() => {
  process.env.REPLY_DOMAIN = "replies.outreach.test"; // before anything reads the environment
});

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const { sentTo } = smtpSinkForThisFile();
const now = new Date("2026-03-01T12:00:00Z");

/** An invited session (Friday 27 March 2026, 9:30–11:00 London) and the reply address of its invitation email. */
async function invited() {
  const coordinator = await makeUser(db, { roles: ["COORDINATOR"] });
  const programme = await makeProgramme(db, { name: "Somebody's Daughter" });
  const team = await makeTeam(db, { name: "Open Door touring company" });
  const email = `dsl-${Math.random().toString(36).slice(2)}@ashgrove.sch.uk`;
  const venue = await makeVenue(db, { name: "Ashgrove School", contact: { name: "Alison Reid", role: "DSL", email } });
  const contact = await db.venueContact.findFirstOrThrow({ where: { venueId: venue.id } });
  const session = await makeSession(db, {
    programmeId: programme.id,
    venueId: venue.id,
    teamId: team.id,
    date: "2026-03-27",
    start: "09:30",
    end: "11:00",
    createdById: coordinator.id,
  });
  await sendInvitation({ ...coordinator, roles: ["COORDINATOR"] }, { sessionId: session.id, contactIds: [contact.id] }, meta, now);
  const [sent] = await sentTo(email);
  const replyAddress = sent.mail.replyTo!.value[0].address!;
  const invitation = await db.invitation.findFirstOrThrow({ where: { sessionId: session.id } });
  return { coordinator, contact, email, session, sent, replyAddress, invitation, uid: session.icalUid };
}

const process_ = (raw: Buffer, envelopeTo?: string[]) => processInboundMessage({ raw, source: "IMAP", envelopeTo }, now);

describe("reply addresses", () => {
  it("puts replies+<token>@REPLY_DOMAIN in the invitation's ORGANIZER and Reply-To, and stores only the token's hash", async () => {
    const { sent, replyAddress, invitation } = await invited();
    expect(replyAddress).toMatch(/^replies\+[0-9a-f]{32}@replies\.outreach\.test$/);
    expect(calendarOf(sent).organizer).toBe(`mailto:${replyAddress}`);
    const token = replyAddress.slice("replies+".length, replyAddress.indexOf("@"));
    const rows = await db.invitationReplyAddress.findMany({ where: { invitationId: invitation.id } });
    expect(rows).toEqual([expect.objectContaining({ tokenHash: hashToken(token), sequence: 0, revokedAt: null })]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});

describe("answers pressed in calendars", () => {
  it("Outlook desktop Accept confirms the session, says 'in their calendar' and tells the coordinator", async () => {
    const { session, email, replyAddress, uid, coordinator, invitation } = await invited();
    const result = await process_(outlookReply({ to: replyAddress, uid, attendee: email }));
    expect(result).toMatchObject({ outcome: "APPLIED" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("ACCEPTED");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("CONFIRMED");
    const change = await db.sessionChange.findFirstOrThrow({ where: { sessionId: session.id }, orderBy: { at: "desc" } });
    expect(change.summary).toBe("Alison Reid accepted the invitation in their calendar");
    const [told] = await sentTo(coordinator.email);
    expect(told.mail.subject).toMatch(/^Alison Reid accepted the invitation in their calendar: Somebody's Daughter/);
    expect(await db.auditEvent.count({ where: { action: "inbound.message", entityId: result.id! } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "invitation.respond", entityId: invitation.id } })).toBe(1);
  });

  it("Outlook on the web Tentative records a tentative answer and leaves the session invited", async () => {
    const { session, email, replyAddress, uid, invitation } = await invited();
    const result = await process_(
      outlookReply({ to: replyAddress, uid, attendee: email.toUpperCase(), partstat: "TENTATIVE" }, "Tentative"),
    );
    expect(result.outcome).toBe("APPLIED");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("TENTATIVE");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("INVITED");
  });

  it("Google Calendar Decline (inline part and invite.ics) declines with the comment as the reason", async () => {
    const { session, email, replyAddress, uid, invitation } = await invited();
    const raw = googleReply({ to: replyAddress, uid, attendee: email, partstat: "DECLINED", comment: "Year 10 are on work experience" });
    const result = await process_(raw);
    expect(result.outcome).toBe("APPLIED");
    const after = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(after).toMatchObject({ status: "DECLINED", declineReason: "Year 10 are on work experience" });
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("DECLINED");
    // Both calendar parts are the same answer: it is applied once.
    expect(await db.sessionChange.count({ where: { sessionId: session.id, summary: { contains: "declined" } } })).toBe(1);
  });

  it("Apple Calendar Accept without SEQUENCE answers the email it came from", async () => {
    const { session, email, replyAddress, uid } = await invited();
    const result = await process_(appleReply({ to: replyAddress, uid, attendee: email, sequence: null }));
    expect(result.outcome).toBe("APPLIED");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("CONFIRMED");
  });

  it("Outlook.com replies without ORGANIZER are matched by the address they were sent to", async () => {
    const { session, email, replyAddress, uid } = await invited();
    const result = await process_(outlookReply({ to: replyAddress, uid, attendee: email, organizer: false }));
    expect(result.outcome).toBe("APPLIED");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("CONFIRMED");
  });

  it("the SMTP envelope's recipient is enough when the To header names someone else", async () => {
    const { session, email, replyAddress, uid } = await invited();
    const raw = outlookReply({ to: "someone@ashgrove.sch.uk", uid, attendee: email, organizer: false });
    expect((await process_(raw, [replyAddress])).outcome).toBe("APPLIED");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("CONFIRMED");
  });

  it("Outlook 'Propose new time' (COUNTER, Windows zone) asks for another date with the proposed London time, after the clocks change", async () => {
    const { session, email, replyAddress, uid, invitation, coordinator } = await invited();
    const raw = outlookReply(
      {
        to: replyAddress,
        uid,
        attendee: email,
        method: "COUNTER",
        start: "20260331T100000",
        end: "20260331T113000",
        comment: "Tuesday is better",
      },
      "New Time Proposed",
    );
    const result = await process_(raw);
    expect(result.outcome).toBe("COUNTER");
    const stored = await db.inboundMessage.findUniqueOrThrow({ where: { id: result.id! } });
    // 10:00 British Summer Time on 31 March 2026 is 09:00 UTC.
    expect(stored.proposedStart?.toISOString()).toBe("2026-03-31T09:00:00.000Z");
    expect(stored.proposedEnd?.toISOString()).toBe("2026-03-31T10:30:00.000Z");
    expect(stored.calendarText).toContain("METHOD:COUNTER");
    const after = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(after).toMatchObject({ status: "ALTERNATIVE_PROPOSED", preferredDates: "2026-03-31", alternativeNote: "Tuesday is better" });
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("INVITED");
    const change = await db.sessionChange.findFirstOrThrow({ where: { sessionId: session.id }, orderBy: { at: "desc" } });
    expect(change.summary).toBe("Alison Reid asked for another date in their calendar: Tuesday 31 March 2026, 10am");
    const [told] = await sentTo(coordinator.email);
    expect(told.mail.text).toContain("Proposed time: Tuesday 31 March 2026, 10am to Tuesday 31 March 2026, 11:30am");
  });
});

describe("replies that change nothing", () => {
  it("a reply to an older SEQUENCE is recorded and changes nothing", async () => {
    const { session, email, replyAddress, uid, invitation } = await invited();
    await db.session.update({ where: { id: session.id }, data: { icalSequence: 1 } }); // an updated invitation went out since
    const result = await process_(outlookReply({ to: replyAddress, uid, attendee: email, sequence: 0 }));
    expect(result).toMatchObject({
      outcome: "RECORDED",
      reason: expect.stringContaining("older version of the invitation (SEQUENCE 0, latest 1)"),
    });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("PENDING");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("INVITED");
  });

  it("a reply about a cancelled session is recorded and changes nothing", async () => {
    const { session, email, replyAddress, uid, invitation } = await invited();
    await db.session.update({ where: { id: session.id }, data: { status: "CANCELLED" } });
    const result = await process_(outlookReply({ to: replyAddress, uid, attendee: email }));
    expect(result).toMatchObject({ outcome: "RECORDED", reason: expect.stringContaining("cancelled") });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("PENDING");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("CANCELLED");
  });

  it("a reply from someone the invitation was forwarded to is held for the coordinator", async () => {
    const { session, replyAddress, uid, invitation } = await invited();
    const result = await process_(outlookReply({ to: replyAddress, uid, attendee: "head.of.year10@ashgrove.sch.uk" }));
    expect(result).toMatchObject({ outcome: "HELD", reason: expect.stringContaining("head.of.year10@ashgrove.sch.uk") });
    const stored = await db.inboundMessage.findUniqueOrThrow({ where: { id: result.id! } });
    expect(stored).toMatchObject({ invitationId: invitation.id, sessionId: session.id, partstat: "ACCEPTED" });
    expect(stored.calendarText).toContain("METHOD:REPLY");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("INVITED");
  });

  it("forged replies count for nothing: a guessed token, the right token with another UID, no attendee", async () => {
    const { session, email, replyAddress, uid } = await invited();
    const forgedToken = await process_(outlookReply({ to: `replies+${"ab".repeat(16)}@replies.outreach.test`, uid, attendee: email }));
    expect(forgedToken).toMatchObject({ outcome: "UNMATCHED" });
    const otherUid = await process_(outlookReply({ to: replyAddress, uid: "someone-else@outreach", attendee: email }));
    expect(otherUid).toMatchObject({ outcome: "REFUSED", reason: expect.stringContaining("UID") });
    const wrongDomain = await process_(
      outlookReply({ to: replyAddress.replace("replies.outreach.test", "evil.example"), uid, attendee: email }),
    );
    expect(wrongDomain.outcome).toBe("UNMATCHED");
    const noAttendee = await process_(
      Buffer.from(
        outlookReply({ to: replyAddress, uid, attendee: email })
          .toString("utf8")
          .replace(b64Of(email, uid, replyAddress), b64NoAttendee(uid, replyAddress)),
      ),
    );
    expect(noAttendee).toMatchObject({ outcome: "REFUSED", reason: "The reply names no attendee" });
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("INVITED");
  });

  it("an out-of-office reply is set aside without an error and is not listed for the admin", async () => {
    const { replyAddress, email, session } = await invited();
    const raw = plainEmail({
      to: replyAddress,
      from: email,
      subject: "Automatic reply: Invitation: Somebody's Daughter at Ashgrove School",
      body: "I am out of the office until Monday.",
      headers: ["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"],
    });
    const result = await process_(raw);
    expect(result.outcome).toBe("AUTO_REPLY");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("INVITED");
    const listed = await listUnprocessedMessages({ page: 1 });
    expect(listed.items.map((i) => i.id)).not.toContain(result.id);
  });
});

describe("the coordinator approves or rejects an answer from a forwarded invitation", () => {
  const forwardedTo = "head.of.year10@ashgrove.sch.uk";
  async function heldOne(r: Partial<Reply> = {}) {
    const setup = await invited();
    const result = await process_(outlookReply({ to: setup.replyAddress, uid: setup.uid, attendee: forwardedTo, ...r }));
    expect(result.outcome).toBe("HELD");
    const actor = { ...setup.coordinator, roles: ["COORDINATOR"] as const };
    return { ...setup, actor, messageId: result.id! };
  }

  it("is listed on the session page, and approving applies it by the same rules as the invited contact's answer", async () => {
    const { actor, session, invitation, messageId, coordinator } = await heldOne();
    const page = await sessionPage(actor, session.id, now);
    expect(page?.held).toEqual([expect.objectContaining({ id: messageId, attendee: forwardedTo, answer: "accept" })]);
    expect(await heldReply(actor, { sessionId: session.id, messageId })).toMatchObject({ attendee: forwardedTo, answer: "accept" });
    const facilitator = await makeUser(db, { roles: ["FACILITATOR"] });
    expect(await heldReply({ ...facilitator, roles: ["FACILITATOR"] }, { sessionId: session.id, messageId })).toBeNull();

    await approveHeldReply(actor, { sessionId: session.id, messageId }, meta, now);
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("CONFIRMED");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("ACCEPTED");
    const stored = await db.inboundMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(stored).toMatchObject({ outcome: "APPLIED", decidedById: coordinator.id, decidedAt: now });
    const history = await db.sessionChange.findMany({ where: { sessionId: session.id }, select: { summary: true, actorId: true } });
    expect(history).toEqual(
      expect.arrayContaining([
        { summary: "Alison Reid accepted the invitation in their calendar", actorId: null },
        { summary: `Approved the calendar answer from ${forwardedTo} (a forwarded invitation)`, actorId: coordinator.id },
      ]),
    );
    expect(await db.auditEvent.count({ where: { action: "inbound.held_approve", entityId: messageId, actorId: coordinator.id } })).toBe(1);
    expect((await sessionPage(actor, session.id, now))?.held).toEqual([]);
    await expect(approveHeldReply(actor, { sessionId: session.id, messageId }, meta, now)).rejects.toThrow("Held reply not found");
  });

  it("rejecting keeps the message, changes nothing, and is in the history and the audit", async () => {
    const { actor, session, invitation, messageId, coordinator } = await heldOne({ partstat: "DECLINED" });
    await rejectHeldReply(actor, { sessionId: session.id, messageId }, meta, now);
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("INVITED");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("PENDING");
    expect(await db.inboundMessage.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ outcome: "RECORDED", decidedAt: now });
    expect(
      await db.sessionChange.count({
        where: { sessionId: session.id, summary: `Rejected the calendar answer from ${forwardedTo} (a forwarded invitation)` },
      }),
    ).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "inbound.held_reject", entityId: messageId, actorId: coordinator.id } })).toBe(1);
    await expect(rejectHeldReply(actor, { sessionId: session.id, messageId }, meta, now)).rejects.toThrow("Held reply not found");
  });

  it("approval is refused once the session is cancelled or a newer invitation has gone out, and nothing changes", async () => {
    const cancelled = await heldOne();
    await db.session.update({ where: { id: cancelled.session.id }, data: { status: "CANCELLED" } });
    await expect(
      approveHeldReply(cancelled.actor, { sessionId: cancelled.session.id, messageId: cancelled.messageId }, meta, now),
    ).rejects.toThrow("The session is cancelled");
    const stale = await heldOne();
    await db.session.update({ where: { id: stale.session.id }, data: { icalSequence: 1 } });
    await expect(approveHeldReply(stale.actor, { sessionId: stale.session.id, messageId: stale.messageId }, meta, now)).rejects.toThrow(
      "The session has changed",
    );
    expect((await db.invitation.findUniqueOrThrow({ where: { id: stale.invitation.id } })).status).toBe("PENDING");
    expect(await db.inboundMessage.findUniqueOrThrow({ where: { id: stale.messageId } })).toMatchObject({
      outcome: "HELD",
      decidedAt: null,
    });
  });

  it("an approved 'Propose new time' becomes a proposal for the coordinator to accept or decline", async () => {
    const { actor, session, messageId } = await heldOne({ method: "COUNTER", start: "20260331T100000", end: "20260331T113000" });
    const { counter } = await approveHeldReply(actor, { sessionId: session.id, messageId }, meta, now);
    expect(counter).toBe(true);
    expect(await counterProposalsForSession(session.id)).toEqual([
      expect.objectContaining({ id: messageId, proposedStart: new Date("2026-03-31T09:00:00Z") }),
    ]);
  });
});

const b64Of = (email: string, uid: string, to: string) => b64(vcalendar({ to, uid, attendee: email }, "Microsoft Exchange Server 2010"));
const b64NoAttendee = (uid: string, to: string) =>
  b64(
    vcalendar({ to, uid, attendee: "x@y" }, "Microsoft Exchange Server 2010")
      .split("\n")
      .filter((l) => !l.startsWith("ATTENDEE"))
      .join("\n"),
  );

describe("plain answers and bounces", () => {
  it("a plain email answer is passed on to the coordinator", async () => {
    const { replyAddress, email, coordinator, session } = await invited();
    const result = await process_(
      plainEmail({
        to: replyAddress,
        from: `Alison Reid <${email}>`,
        subject: "RE: Invitation",
        body: "Could you come in the afternoon instead?",
      }),
    );
    expect(result.outcome).toBe("FORWARDED");
    const [told] = await sentTo(coordinator.email);
    expect(told.mail.subject).toMatch(/^Email from Alison Reid: Somebody's Daughter at Ashgrove School/);
    expect(told.mail.text).toContain("Could you come in the afternoon instead?");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("INVITED");
    const page = await sessionPage({ ...coordinator, roles: ["COORDINATOR"] }, session.id, now);
    expect(page?.emailAnswers).toEqual([
      expect.objectContaining({ fromAddress: email, subject: "RE: Invitation", comment: "Could you come in the afternoon instead?" }),
    ]);
  });

  it("a bounce quoting our invitation marks the contact's address as failing; a bounce we did not cause does not", async () => {
    const { email, contact, session, coordinator } = await invited();
    const outbox = await db.outboxMessage.findFirstOrThrow({ where: { to: email } });
    const dsn = (messageId: string, recipient: string) =>
      Buffer.from(
        crlf(`From: Mail Delivery System <MAILER-DAEMON@mx.ashgrove.sch.uk>
To: ${"outreach@localhost"}
Subject: Undelivered Mail Returned to Sender
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

--dsn
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.ashgrove.sch.uk. Your message could not be delivered.

--dsn
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.ashgrove.sch.uk

Final-Recipient: rfc822; ${recipient}
Original-Recipient: rfc822;${recipient}
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <${recipient}>: Recipient address rejected: User unknown

--dsn
Content-Type: text/rfc822-headers

From: Northfield Borough Council <outreach@localhost>
To: ${recipient}
Subject: Invitation: Somebody's Daughter at Ashgrove School
Message-ID: ${messageId}

--dsn--
`),
      );
    const forged = await process_(dsn("<not-ours@elsewhere>", email));
    expect(forged.outcome).toBe("UNMATCHED");
    expect((await db.venueContact.findUniqueOrThrow({ where: { id: contact.id } })).emailFailingAt).toBeNull();

    const result = await process_(dsn(`<${outbox.id}@localhost>`, email));
    expect(result.outcome).toBe("BOUNCE");
    const after = await db.venueContact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(after.emailFailingAt?.toISOString()).toBe(now.toISOString());
    expect(after.emailFailure).toContain("5.1.1");
    expect(await db.sessionChange.count({ where: { sessionId: session.id, summary: `Email to ${email} could not be delivered` } })).toBe(1);

    const [told] = await sentTo(coordinator.email);
    expect(told.mail.subject).toBe(
      `Email not delivered to ${email}: Somebody's Daughter at Ashgrove School, ${formatDateTime(session.startsAt)}`,
    );
    expect(told.mail.text).toContain("5.1.1");
    expect((await invitationsForSession(session.id)).items).toEqual([
      expect.objectContaining({ email, emailFailure: expect.stringContaining("5.1.1") }),
    ]);
    const venue = await venuePage(contact.venueId);
    expect(venue?.contacts).toEqual([expect.objectContaining({ id: contact.id, emailFailingAt: now })]);
    // A corrected address has not failed yet.
    await updateContact(
      { ...coordinator, roles: ["COORDINATOR"] },
      contact.venueId,
      contact.id,
      {
        name: contact.name,
        role: contact.role ?? undefined,
        email: `new-${email}`,
        phone: contact.phone ?? undefined,
        isPrimary: contact.isPrimary,
      },
      meta,
    );
    expect(await db.venueContact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({
      emailFailingAt: null,
      emailFailure: null,
    });
  });
});

describe("hostile and broken input", () => {
  it("malformed, huge and hostile messages are stored with a reason, never throw, and the next message is still read", async () => {
    const { session, email, replyAddress, uid } = await invited();
    const inputs = [
      Buffer.alloc(0),
      Buffer.from("\u0000\u0001\u0002 not an email at all \uffff"),
      Buffer.from(
        crlf(
          `To: ${replyAddress}\nContent-Type: multipart/mixed; boundary="x"\n\n--x\nContent-Type: text/calendar; method=REPLY\n\nBEGIN:VCALENDAR\nMETHOD:REPLY\nBEGIN:VEVENT\nUID:${uid}\nDTSTART:garbage\n`,
        ),
      ),
      Buffer.from(crlf(`To: ${replyAddress}\nContent-Type: text/calendar; method=REPLY\n\nBEGIN:VCALENDAR\r\nEND:VEVENT\r\n:::\n`)),
      Buffer.concat([
        Buffer.from(crlf(`To: ${replyAddress}\nSubject: big\nContent-Type: text/plain\n\n`)),
        Buffer.alloc(10 * 1024 * 1024, "A"),
      ]),
    ];
    const results: Awaited<ReturnType<typeof process_>>[] = [];
    for (const raw of inputs) results.push(await process_(raw));
    expect(results.every((r) => r.id !== null)).toBe(true);
    // Nothing readable names a reply address: listed for the admin as unmatched.
    expect(results[0].outcome).toBe("UNMATCHED");
    expect(results[1].outcome).toBe("UNMATCHED");
    expect(results[2].outcome).toBe("MALFORMED");
    expect(results[3].outcome).toBe("MALFORMED");
    expect(results[4]).toMatchObject({ outcome: "REFUSED", reason: expect.stringContaining("Too large") });

    // MIME nested a thousand deep is refused before the parser sees it.
    const deep = Array.from({ length: 1000 }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`).join("");
    const nested = await process_(Buffer.from(`To: ${replyAddress}\r\n${deep}Content-Type: text/plain\r\n\r\nhi\r\n`));
    expect(nested).toMatchObject({ outcome: "REFUSED", reason: "Too many nested MIME parts (1000)" });

    const next = await process_(outlookReply({ to: replyAddress, uid, attendee: email }));
    expect(next.outcome).toBe("APPLIED");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("CONFIRMED");

    const listed = await listUnprocessedMessages({ page: 1 });
    for (const r of [results[2], results[3], results[4]]) expect(listed.items.map((i) => i.id)).toContain(r.id);
    expect(listed.items.find((i) => i.id === results[4].id)).toMatchObject({
      outcome: "REFUSED",
      sizeBytes: inputs[4].length,
    });
  });

  it("lists unmatched messages newest first, 25 a page", async () => {
    const before = (await listUnprocessedMessages({ page: 1 })).total;
    for (let i = 0; i < 26; i++) {
      await processInboundMessage(
        {
          raw: plainEmail({ to: "nobody@replies.outreach.test", from: "spam@example.com", subject: `spam ${i}`, body: "buy" }),
          source: "SMTP",
        },
        new Date(now.getTime() + i * 1000),
      );
    }
    const first = await listUnprocessedMessages({ page: 1 });
    expect(first.total).toBe(before + 26);
    expect(first.items).toHaveLength(25);
    expect(first.items[0]).toMatchObject({
      subject: "spam 25",
      outcome: "UNMATCHED",
      reason: "Not sent to a reply address of any invitation",
    });
    const second = await listUnprocessedMessages({ page: 2 });
    expect(second.items.length).toBe(first.total - 25);
  });
});

describe("the coordinator decides on a proposed time", () => {
  async function countered() {
    const setup = await invited();
    const raw = outlookReply(
      {
        to: setup.replyAddress,
        uid: setup.uid,
        attendee: setup.email,
        method: "COUNTER",
        start: "20260331T100000",
        end: "20260331T113000",
      },
      "New Time Proposed",
    );
    const result = await process_(raw);
    expect(result.outcome).toBe("COUNTER");
    const actor = { ...setup.coordinator, roles: ["COORDINATOR"] };
    return { ...setup, actor, messageId: result.id! };
  }

  it("accepting moves the session through the booking rules and sends the updated invitation, same UID, SEQUENCE + 1", async () => {
    const { actor, session, email, messageId } = await countered();
    const page = await sessionPage({ ...actor, roles: ["COORDINATOR"] }, session.id, now);
    expect(page?.proposals).toEqual([expect.objectContaining({ id: messageId, proposedStart: new Date("2026-03-31T09:00:00Z") })]);
    expect(await counterProposal({ ...actor, roles: ["COORDINATOR"] }, { sessionId: session.id, messageId })).toMatchObject({
      venueName: "Ashgrove School",
      proposedEnd: new Date("2026-03-31T10:30:00Z"),
    });
    const facilitator = await makeUser(db, { roles: ["FACILITATOR"] });
    expect(await counterProposal({ ...facilitator, roles: ["FACILITATOR"] }, { sessionId: session.id, messageId })).toBeNull();
    await acceptCounterProposal(actor, { sessionId: session.id, messageId }, meta, now);
    const after = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.startsAt.toISOString()).toBe("2026-03-31T09:00:00.000Z");
    expect(after.endsAt.toISOString()).toBe("2026-03-31T10:30:00.000Z");
    expect(after.icalSequence).toBe(1);
    const mails = await sentTo(email);
    const update = calendarOf(mails.at(-1)!);
    expect(mails.at(-1)!.mail.subject).toMatch(/^Updated: /);
    expect(update).toMatchObject({ method: "REQUEST", uid: session.icalUid, sequence: 1, start: "2026-03-31T09:00:00.000Z" });
    expect(await counterProposalsForSession(session.id)).toEqual([]);
    await expect(acceptCounterProposal(actor, { sessionId: session.id, messageId }, meta, now)).rejects.toThrow("Proposal not found");
  });

  it("declining sends METHOD:DECLINECOUNTER with the note and asks again for the original time", async () => {
    const { actor, session, email, messageId, invitation } = await countered();
    await declineCounterProposal(
      actor,
      { sessionId: session.id, messageId, note: "The team is in Leeds that week; sorry, 27 March only" },
      meta,
      now,
    );
    const mails = await sentTo(email);
    const declined = mails.at(-1)!;
    expect(declined.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=DECLINECOUNTER/i);
    const ics = calendarOf(declined);
    expect(ics).toMatchObject({ method: "DECLINECOUNTER", uid: session.icalUid, sequence: 0, start: "2026-03-27T09:30:00.000Z" });
    expect(ics.text.replace(/\r\n /g, "")).toContain("COMMENT:The team is in Leeds that week\\; sorry\\, 27 March only");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("PENDING");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).startsAt.toISOString()).toBe("2026-03-27T09:30:00.000Z");
    await expect(declineCounterProposal(actor, { sessionId: session.id, messageId, note: "again" }, meta, now)).rejects.toThrow(
      "Proposal not found",
    );
  });
});
