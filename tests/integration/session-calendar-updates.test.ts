// Moving or cancelling a booked session tells the invited venue, through the real outbox and SMTP path.
import { describe, expect, it } from "vitest";
import { respondToInvitation, sendInvitation } from "~/models/invitations.server";
import { bookSession, cancelSession, rescheduleSession } from "~/models/sessions/changes.server";
import { db } from "~/utils/db.server";
import { makeProgramme, makeTeam, makeUser, makeVenue } from "../factories";
import { calendarOf, responseTokenIn, smtpSinkForThisFile } from "../support/mail";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const now = new Date("2027-03-01T12:00:00Z");
const { sentTo } = smtpSinkForThisFile();

/** A session booked through the booking rules on Friday 26 March 2027 (GMT), invited and accepted. */
async function bookedInvitedAccepted() {
  const coordinator = await makeUser(db, { roles: ["COORDINATOR"] });
  const actor = { ...coordinator, roles: ["COORDINATOR"] as const };
  const programme = await makeProgramme(db, { name: "Somebody's Daughter", getInMinutes: 0, getOutMinutes: 0 });
  const team = await makeTeam(db);
  const email = `dsl-${Math.random().toString(36).slice(2)}@venue.example`;
  const venue = await makeVenue(db, {
    kind: "COMMUNITY_VENUE",
    name: "Ashgrove Hall",
    contact: { name: "Alison Reid", role: "Manager", email },
  });
  const contact = await db.venueContact.findFirstOrThrow({ where: { venueId: venue.id } });
  const session = await bookSession(
    actor,
    {
      programmeId: programme.id,
      venueId: venue.id,
      teamId: team.id,
      date: "2027-03-26",
      startTime: "09:30",
      endTime: "11:00",
      expectedPupils: 100,
    },
    meta,
    now,
  );
  await sendInvitation(actor, { sessionId: session.id, contactIds: [contact.id] }, meta, now);
  const [invitation] = await sentTo(email);
  await respondToInvitation(responseTokenIn(invitation.mail.text!), { response: "ACCEPT" }, meta, now);
  const move = (over: Partial<{ date: string; startTime: string; endTime: string; venueId: string; teamId: string }>) =>
    rescheduleSession(
      actor,
      { sessionId: session.id, date: "2027-03-26", startTime: "09:30", endTime: "11:00", venueId: venue.id, teamId: team.id, ...over },
      meta,
      now,
    );
  return { actor, coordinator, team, venue, email, session, move };
}

const saved = (id: string) => db.session.findUniqueOrThrow({ where: { id }, select: { status: true, icalSequence: true, venueId: true } });

describe("moving and cancelling a session tells the invited venue", () => {
  it("a move to a new date sends an Updated REQUEST (same UID, SEQUENCE + 1, new London time) and asks for a new answer; a cancel sends METHOD:CANCEL", async () => {
    const w = await bookedInvitedAccepted();
    expect(await saved(w.session.id)).toMatchObject({ status: "CONFIRMED", icalSequence: 0 });

    // Across the spring clock change (Sunday 28 March 2027): 9:30 London is 09:30Z before and 08:30Z after.
    await w.move({ date: "2027-03-29" });
    const updated = (await sentTo(w.email))[1];
    expect(updated.mail.subject).toBe("Updated: Somebody's Daughter at Ashgrove Hall, Monday 29 March 2027, 9:30am");
    expect(updated.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(calendarOf(updated)).toMatchObject({
      method: "REQUEST",
      uid: w.session.icalUid,
      sequence: 1,
      start: "2027-03-29T08:30:00.000Z",
    });
    // The sequence rose once; the venue must say yes to the new date.
    expect(await saved(w.session.id)).toMatchObject({ status: "INVITED", icalSequence: 1 });
    expect(await db.invitation.findFirstOrThrow({ where: { sessionId: w.session.id } })).toMatchObject({
      status: "PENDING",
      respondedAt: null,
      revokedAt: null,
    });
    expect(
      await db.sessionChange.count({ where: { sessionId: w.session.id, summary: "Waiting for the venue to confirm the new date" } }),
    ).toBe(1);

    await cancelSession(w.actor, { sessionId: w.session.id, reason: "Hall flooded" }, meta, now);
    const emails = await sentTo(w.email);
    expect(emails).toHaveLength(3);
    const cancelled = emails[2];
    expect(cancelled.mail.subject).toBe("Cancelled: Somebody's Daughter at Ashgrove Hall, Monday 29 March 2027, 9:30am");
    expect(cancelled.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    expect(calendarOf(cancelled)).toMatchObject({ method: "CANCEL", uid: w.session.icalUid, sequence: 2, status: "CANCELLED" });
    expect(await saved(w.session.id)).toMatchObject({ status: "CANCELLED", icalSequence: 2 });
    expect(await db.invitation.count({ where: { sessionId: w.session.id, revokedAt: null } })).toBe(0);
  });

  it("a new time on the same day sends an update but keeps the venue's answer", async () => {
    const w = await bookedInvitedAccepted();
    await w.move({ startTime: "13:00", endTime: "14:30" });
    const updated = (await sentTo(w.email))[1];
    expect(updated.mail.subject).toBe("Updated: Somebody's Daughter at Ashgrove Hall, Friday 26 March 2027, 1pm");
    expect(calendarOf(updated)).toMatchObject({ uid: w.session.icalUid, sequence: 1, start: "2027-03-26T13:00:00.000Z" });
    expect(await saved(w.session.id)).toMatchObject({ status: "CONFIRMED", icalSequence: 1 });
    expect((await db.invitation.findFirstOrThrow({ where: { sessionId: w.session.id } })).status).toBe("ACCEPTED");
  });

  it("a move to another venue cancels the old venue's invitation and leaves the session provisional, the sequence up once", async () => {
    const w = await bookedInvitedAccepted();
    const elsewhere = await makeVenue(db, { kind: "COMMUNITY_VENUE", name: "Riverside Centre" });
    await w.move({ venueId: elsewhere.id });
    const cancelled = (await sentTo(w.email))[1];
    expect(cancelled.mail.subject).toBe("Cancelled: Somebody's Daughter at Ashgrove Hall, Friday 26 March 2027, 9:30am");
    expect(calendarOf(cancelled)).toMatchObject({ method: "CANCEL", uid: w.session.icalUid, sequence: 1 });
    expect(await saved(w.session.id)).toMatchObject({ status: "PROVISIONAL", icalSequence: 1, venueId: elsewhere.id });
  });

  it("a new team alone sends nothing and changes neither sequence nor status", async () => {
    const w = await bookedInvitedAccepted();
    const other = await makeTeam(db);
    await w.move({ teamId: other.id });
    expect(await sentTo(w.email)).toHaveLength(1);
    expect(await db.outboxMessage.count({ where: { sessionId: w.session.id, subject: { startsWith: "Updated" } } })).toBe(0);
    expect(await saved(w.session.id)).toMatchObject({ status: "CONFIRMED", icalSequence: 0 });
  });

  it("a failed move sends nothing", async () => {
    const w = await bookedInvitedAccepted();
    await expect(w.move({ date: "2027-03-27" })).rejects.toThrow(/does not work on Saturdays/);
    expect(await sentTo(w.email)).toHaveLength(1);
    expect(await saved(w.session.id)).toMatchObject({ status: "CONFIRMED", icalSequence: 0 });
  });
});
