import { describe, expect, it } from "vitest";
import {
  InvitationUnavailableError,
  NoSuchContactError,
  SessionNotInvitableError,
  getInvitationByToken,
  invitationsForSession,
  queueRemindersAndChasers,
  queueVenueCalendarUpdate,
  respondToInvitation,
  sendInvitation,
} from "~/models/invitations.server";
import { db } from "~/utils/db.server";
import { londonToInstant } from "~/utils/time";
import { makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";
import { calendarOf, responseTokenIn, smtpSinkForThisFile } from "../support/mail";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const { sentTo } = smtpSinkForThisFile();

/** A provisional session with a venue contact, booked by a coordinator. */
async function setup(date = "2026-03-27", start = "09:30", end = "11:00") {
  const coordinator = await makeUser(db, { roles: ["COORDINATOR"] });
  const actor = { ...coordinator, roles: ["COORDINATOR"] };
  const programme = await makeProgramme(db, { name: "Somebody's Daughter" });
  const team = await makeTeam(db, { name: "Open Door touring company" });
  const contactEmail = `dsl-${Math.random().toString(36).slice(2)}@school.example`;
  const venue = await makeVenue(db, { name: "Ashgrove School", contact: { name: "Alison Reid", role: "DSL", email: contactEmail } });
  const contact = await db.venueContact.findFirstOrThrow({ where: { venueId: venue.id } });
  const session = await makeSession(db, {
    programmeId: programme.id,
    venueId: venue.id,
    teamId: team.id,
    date,
    start,
    end,
    createdById: coordinator.id,
  });
  await db.session.update({
    where: { id: session.id },
    data: { internalNotes: "INTERNAL: head teacher is difficult", venueNotes: "Please bring the register" },
  });
  return { actor, coordinator, programme, team, venue, contact, session };
}

const before = new Date("2026-03-01T12:00:00Z");

describe("sending an invitation", () => {
  it("emails the contact a REQUEST calendar invitation as an alternative part and invite.ics, with a response link", async () => {
    const { actor, contact, session, coordinator } = await setup();
    await sendInvitation(actor, { sessionId: session.id, contactIds: [contact.id] }, meta, before);

    const [email] = await sentTo(contact.email!);
    expect(email.mail.from?.value[0]).toEqual({ name: "Northfield Borough Council", address: "outreach@localhost" });
    expect(email.mail.subject).toMatch(/^Invitation: Somebody's Daughter at Ashgrove School, Friday 27 March 2026, 9:30am$/);
    expect(email.mail.text).toContain("Friday 27 March 2026, 9:30am to 11am");
    expect(email.mail.html).toContain("Ashgrove School");
    expect(email.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(email.mail.attachments.some((a) => a.filename === "invite.ics")).toBe(true);

    const ics = calendarOf(email);
    expect(ics.method).toBe("REQUEST");
    expect(ics.uid).toBe(session.icalUid);
    expect(ics.sequence).toBe(0);
    expect(ics.start).toBe("2026-03-27T09:30:00.000Z"); // GMT, before the clocks change
    expect(ics.organizer).toBe("mailto:outreach@localhost");
    expect(ics.attendees).toEqual([{ value: `mailto:${contact.email}`, rsvp: "TRUE" }]);
    expect(ics.text).not.toContain("INTERNAL");
    expect(email.mail.text).not.toContain("INTERNAL");
    expect(ics.description).toContain("Please bring the register");

    const after = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.status).toBe("INVITED");
    expect(await db.sessionChange.count({ where: { sessionId: session.id, kind: "STATUS" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "invitation.send", entityId: session.id, actorId: coordinator.id } })).toBe(1);

    // The link's token is ≥128 bits and only its SHA-256 is stored.
    const token = responseTokenIn(email.mail.text!);
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    const invitation = await db.invitation.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(invitation.tokenHash).not.toContain(token);
    expect(invitation.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.invitation.findMany())).not.toContain(token);
    expect(invitation.expiresAt.toISOString()).toBe(session.endsAt.toISOString());
  });

  it("refuses contacts of another venue, confirmed or past sessions, without writing anything", async () => {
    const { actor, session, contact } = await setup();
    const other = await setup();
    await expect(sendInvitation(actor, { sessionId: session.id, contactIds: [other.contact.id] }, meta, before)).rejects.toBeInstanceOf(
      NoSuchContactError,
    );
    await expect(
      sendInvitation(actor, { sessionId: session.id, contactIds: [contact.id] }, meta, new Date("2026-04-01T00:00:00Z")),
    ).rejects.toBeInstanceOf(SessionNotInvitableError);
    await db.session.update({ where: { id: other.session.id }, data: { status: "CONFIRMED" } });
    await expect(
      sendInvitation(actor, { sessionId: other.session.id, contactIds: [other.contact.id] }, meta, before),
    ).rejects.toBeInstanceOf(SessionNotInvitableError);
    expect(await db.invitation.count({ where: { sessionId: { in: [session.id, other.session.id] } } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { sessionId: { in: [session.id, other.session.id] } } })).toBe(0);
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("PROVISIONAL");
  });

  it("re-inviting revokes the contact's previous link", async () => {
    const { actor, contact, session } = await setup();
    await sendInvitation(actor, { sessionId: session.id, contactIds: [contact.id] }, meta, before);
    const first = responseTokenIn((await sentTo(contact.email!))[0].mail.text!);
    await sendInvitation(actor, { sessionId: session.id, contactIds: [contact.id] }, meta, before);
    const second = responseTokenIn((await sentTo(contact.email!))[1].mail.text!);
    expect(await getInvitationByToken(first, before)).toBeNull();
    expect(await getInvitationByToken(second, before)).not.toBeNull();
    await expect(respondToInvitation(first, { response: "ACCEPT" }, meta, before)).rejects.toBeInstanceOf(InvitationUnavailableError);
  });
});

describe("responding", () => {
  async function invited() {
    const s = await setup();
    await sendInvitation(s.actor, { sessionId: s.session.id, contactIds: [s.contact.id] }, meta, before);
    const token = responseTokenIn((await sentTo(s.contact.email!))[0].mail.text!);
    return { ...s, token };
  }

  it("accepting confirms the session, records numbers and contact, and tells the coordinator by email", async () => {
    const { token, session, coordinator } = await invited();
    const shown = await getInvitationByToken(token, before);
    expect(shown?.venueName).toBe("Ashgrove School");
    expect(JSON.stringify(shown)).not.toContain("INTERNAL");
    await respondToInvitation(token, { response: "ACCEPT", expectedPupils: 180, onTheDayContact: "Mr Patel, 01632 960000" }, meta, before);
    const after = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.status).toBe("CONFIRMED");
    expect(after.expectedPupils).toBe(180);
    expect((await db.sessionChange.findFirstOrThrow({ where: { sessionId: session.id }, orderBy: { at: "desc" } })).summary).toBe(
      "Alison Reid accepted the invitation",
    );
    expect(await db.auditEvent.count({ where: { action: "invitation.respond" } })).toBeGreaterThan(0);
    const [note] = await sentTo(coordinator.email);
    expect(note.mail.subject).toMatch(/^Alison Reid accepted the invitation: /);
    expect(note.mail.text).toContain("Mr Patel, 01632 960000");
    const list = await invitationsForSession(session.id);
    expect(list.items[0]).toMatchObject({ status: "ACCEPTED", responseExpectedPupils: 180, contactName: "Alison Reid" });
  });

  it("declining records the reason and declines the session; asking for another date keeps it invited", async () => {
    const a = await invited();
    await respondToInvitation(a.token, { response: "DECLINE", reason: "Exams that week" }, meta, before);
    expect((await db.session.findUniqueOrThrow({ where: { id: a.session.id } })).status).toBe("DECLINED");
    expect((await db.invitation.findFirstOrThrow({ where: { sessionId: a.session.id } })).declineReason).toBe("Exams that week");
    const [declined] = await sentTo(a.coordinator.email);
    expect(declined.mail.text).toContain("Exams that week");

    const b = await invited();
    await respondToInvitation(
      b.token,
      { response: "ALTERNATIVE", note: "Any Tuesday in May", preferredDates: ["2026-05-05", "2026-05-12"] },
      meta,
      before,
    );
    expect((await db.session.findUniqueOrThrow({ where: { id: b.session.id } })).status).toBe("INVITED");
    const invitation = await db.invitation.findFirstOrThrow({ where: { sessionId: b.session.id } });
    expect(invitation).toMatchObject({
      status: "ALTERNATIVE_PROPOSED",
      alternativeNote: "Any Tuesday in May",
      preferredDates: "2026-05-05,2026-05-12",
    });
  });

  it("a link works only for its own invitation, and unknown, tampered or expired links change nothing", async () => {
    const a = await invited();
    const b = await invited();
    await respondToInvitation(a.token, { response: "DECLINE", reason: "No hall" }, meta, before);
    expect((await db.invitation.findFirstOrThrow({ where: { sessionId: b.session.id } })).status).toBe("PENDING");
    expect((await db.session.findUniqueOrThrow({ where: { id: b.session.id } })).status).toBe("INVITED");
    const tampered = b.token.slice(0, -2) + (b.token.endsWith("AA") ? "BB" : "AA");
    await expect(respondToInvitation(tampered, { response: "ACCEPT" }, meta, before)).rejects.toBeInstanceOf(InvitationUnavailableError);
    await expect(respondToInvitation("not a token", { response: "ACCEPT" }, meta, before)).rejects.toBeInstanceOf(
      InvitationUnavailableError,
    );
    await expect(respondToInvitation(b.token, { response: "ACCEPT" }, meta, new Date("2026-03-28T00:00:00Z"))).rejects.toBeInstanceOf(
      InvitationUnavailableError,
    );
    expect(await getInvitationByToken(b.token, new Date("2026-03-28T00:00:00Z"))).toBeNull();
    expect((await db.session.findUniqueOrThrow({ where: { id: b.session.id } })).status).toBe("INVITED");
  });
});

describe("updates and cancellations", () => {
  it("a move across the spring clock change sends an Updated REQUEST (same UID, higher SEQUENCE), then a cancel sends METHOD:CANCEL", async () => {
    const { actor, contact, session } = await setup("2026-03-27", "09:30", "11:00");
    await sendInvitation(actor, { sessionId: session.id, contactIds: [contact.id] }, meta, before);
    const firstToken = responseTokenIn((await sentTo(contact.email!))[0].mail.text!);
    await respondToInvitation(firstToken, { response: "ACCEPT" }, meta, before);

    // What the booking module does when it moves a session: new times, SEQUENCE + 1, then this hook in its transaction.
    await db.$transaction(async (tx) => {
      await tx.session.update({
        where: { id: session.id },
        data: {
          startsAt: londonToInstant("2026-03-30", "09:30"),
          endsAt: londonToInstant("2026-03-30", "11:00"),
          icalSequence: { increment: 1 },
        },
      });
      await queueVenueCalendarUpdate(tx, { sessionId: session.id, change: "MOVED", dateChanged: true }, before);
    });
    const updated = (await sentTo(contact.email!))[1];
    expect(updated.mail.subject).toMatch(/^Updated: Somebody's Daughter at Ashgrove School, Monday 30 March 2026, 9:30am$/);
    expect(updated.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const moved = calendarOf(updated);
    expect(moved).toMatchObject({ method: "REQUEST", uid: session.icalUid, sequence: 1, start: "2026-03-30T08:30:00.000Z" }); // BST
    const invitation = await db.invitation.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(invitation.status).toBe("PENDING");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("INVITED");
    const secondToken = responseTokenIn(updated.mail.text!);
    expect(await getInvitationByToken(firstToken, before)).toBeNull();
    expect(await getInvitationByToken(secondToken, before)).not.toBeNull();

    await db.$transaction(async (tx) => {
      await tx.session.update({
        where: { id: session.id },
        data: { status: "CANCELLED", cancelledAt: before, icalSequence: { increment: 1 } },
      });
      await queueVenueCalendarUpdate(tx, { sessionId: session.id, change: "CANCELLED", dateChanged: false }, before);
    });
    const cancelled = (await sentTo(contact.email!))[2];
    expect(cancelled.mail.subject).toMatch(/^Cancelled: /);
    expect(cancelled.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    expect(calendarOf(cancelled)).toMatchObject({ method: "CANCEL", uid: session.icalUid, sequence: 2, status: "CANCELLED" });
    expect(await getInvitationByToken(secondToken, before)).toBeNull();
  });

  it("a same-day move across the autumn clock change keeps the answer and shows the booked London time", async () => {
    const { actor, contact, session } = await setup("2026-10-23", "13:00", "14:30");
    const autumn = new Date("2026-10-01T12:00:00Z");
    await sendInvitation(actor, { sessionId: session.id, contactIds: [contact.id] }, meta, autumn);
    const first = calendarOf((await sentTo(contact.email!))[0]);
    expect(first.start).toBe("2026-10-23T12:00:00.000Z"); // BST
    const token = responseTokenIn((await sentTo(contact.email!))[0].mail.text!);
    await respondToInvitation(token, { response: "ACCEPT" }, meta, autumn);
    await db.$transaction(async (tx) => {
      await tx.session.update({
        where: { id: session.id },
        data: {
          startsAt: londonToInstant("2026-10-26", "13:00"),
          endsAt: londonToInstant("2026-10-26", "14:30"),
          icalSequence: { increment: 1 },
        },
      });
      await queueVenueCalendarUpdate(tx, { sessionId: session.id, change: "MOVED", dateChanged: true }, autumn);
    });
    const moved = calendarOf((await sentTo(contact.email!))[1]);
    expect(moved).toMatchObject({ uid: session.icalUid, sequence: 1, start: "2026-10-26T13:00:00.000Z" }); // GMT
  });
});

describe("a move to another venue", () => {
  it("cancels the old venue's invitation (same UID) and leaves the session to be invited again", async () => {
    const { actor, contact, session } = await setup("2026-05-12", "09:30", "11:00");
    const elsewhere = await makeVenue(db, { name: "Riverside Community College" });
    await sendInvitation(actor, { sessionId: session.id, contactIds: [contact.id] }, meta, before);
    await sentTo(contact.email!);
    await db.$transaction(async (tx) => {
      await tx.session.update({ where: { id: session.id }, data: { venueId: elsewhere.id, icalSequence: { increment: 1 } } });
      await queueVenueCalendarUpdate(tx, { sessionId: session.id, change: "MOVED", dateChanged: false }, before);
    });
    const cancelled = (await sentTo(contact.email!))[1];
    expect(cancelled.mail.subject).toBe("Cancelled: Somebody's Daughter at Ashgrove School, Tuesday 12 May 2026, 9:30am");
    expect(calendarOf(cancelled)).toMatchObject({ method: "CANCEL", uid: session.icalUid, sequence: 1, status: "CANCELLED" });
    const after = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.status).toBe("PROVISIONAL");
    expect(await db.invitation.count({ where: { sessionId: session.id, revokedAt: null } })).toBe(0);
  });
});

describe("reminders and chasers", () => {
  it("reminds accepted contacts 7 and 1 days before, chases unanswered invitations after 5 days, each once", async () => {
    const accepted = await setup("2026-06-15", "09:30", "11:00");
    await sendInvitation(
      accepted.actor,
      { sessionId: accepted.session.id, contactIds: [accepted.contact.id] },
      meta,
      new Date("2026-05-01T09:00:00Z"),
    );
    const token = responseTokenIn((await sentTo(accepted.contact.email!))[0].mail.text!);
    await respondToInvitation(token, { response: "ACCEPT" }, meta, new Date("2026-05-01T10:00:00Z"));

    const waiting = await setup("2026-06-20", "09:30", "11:00");
    await sendInvitation(
      waiting.actor,
      { sessionId: waiting.session.id, contactIds: [waiting.contact.id] },
      meta,
      new Date("2026-06-01T09:00:00Z"),
    );
    const firstWaitingToken = responseTokenIn((await sentTo(waiting.contact.email!))[0].mail.text!);

    expect(await queueRemindersAndChasers(new Date("2026-06-05T10:00:00Z"))).toEqual({ reminders: 0, chasers: 0 });
    const sixDaysAfter = new Date("2026-06-07T10:00:00Z"); // 8 days before the first session, 6 after the second's invitation
    const run1 = await queueRemindersAndChasers(sixDaysAfter);
    expect(run1.chasers).toBe(1);
    expect(await queueRemindersAndChasers(sixDaysAfter)).toEqual({ reminders: 0, chasers: 0 });
    const chaser = (await sentTo(waiting.contact.email!))[1];
    expect(chaser.mail.subject).toMatch(/^Reminder: please reply: /);
    const chaserToken = responseTokenIn(chaser.mail.text!);
    expect(await getInvitationByToken(chaserToken, sixDaysAfter)).not.toBeNull();
    expect(await getInvitationByToken(firstWaitingToken, sixDaysAfter)).toBeNull();

    const weekBefore = new Date("2026-06-08T10:00:00Z");
    expect((await queueRemindersAndChasers(weekBefore)).reminders).toBe(1);
    expect((await queueRemindersAndChasers(new Date("2026-06-09T10:00:00Z"))).reminders).toBe(0);
    const dayBefore = new Date("2026-06-14T10:00:00Z");
    expect((await queueRemindersAndChasers(dayBefore)).reminders).toBe(1);
    expect((await queueRemindersAndChasers(dayBefore)).reminders).toBe(0);
    const reminders = (await sentTo(accepted.contact.email!)).filter((r) => r.mail.subject?.startsWith("Reminder:"));
    expect(reminders.map((r) => r.mail.text!.split("\n")[0])).toEqual([
      "Reminder: Somebody's Daughter on Monday 15 June 2026",
      "Reminder: Somebody's Daughter on Monday 15 June 2026",
    ]);
    expect(new Set(reminders.map((r) => r.mail.messageId)).size).toBe(2);
  });
});
