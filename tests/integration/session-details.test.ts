// Changing who comes to a session and its notes (not when or where): the rules in updateSessionDetails, the page at
// /sessions/:id/edit, and what an invited venue is sent (real outbox, SMTP sink and ical.js).
import { describe, expect, it } from "vitest";
import { respondToInvitation, sendInvitation } from "~/models/invitations.server";
import { bookSession, cancelSession, updateSessionDetails, type DetailsInput } from "~/models/sessions/changes.server";
import * as edit from "~/routes/sessions.$sessionId.edit";
import * as sessionPage from "~/routes/sessions.$sessionId._index";
import { db } from "~/utils/db.server";
import type { ErrorReply } from "~/web/errors.server";
import { makeProgramme, makeTeam, makeUser, makeVenue } from "../factories";
import { get, post, run, signedInAs } from "../setup/requests";
import { calendarOf, responseTokenIn, smtpSinkForThisFile } from "../support/mail";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const now = new Date("2027-03-01T12:00:00Z");
const { sentTo } = smtpSinkForThisFile();

/** A provisional session on Friday 26 March 2027 for 100 Year 10 pupils, with a programme capacity of 240 and a hall of 200. */
async function booked() {
  const coordinator = await makeUser(db, { roles: ["COORDINATOR"] });
  const actor = { ...coordinator, roles: ["COORDINATOR"] as const };
  const programme = await makeProgramme(db, { name: "Somebody's Daughter", capacity: 240, getInMinutes: 0, getOutMinutes: 0 });
  const team = await makeTeam(db);
  const email = `dsl-${Math.random().toString(36).slice(2)}@venue.example`;
  const venue = await makeVenue(db, {
    kind: "COMMUNITY_VENUE",
    name: "Ashgrove Hall",
    hallCapacity: 200,
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
      yearGroups: ["10"],
      expectedPupils: 100,
      venueNotes: "Main hall",
      internalNotes: "Head is keen",
    },
    meta,
    now,
  );
  const version = async () =>
    (await db.session.findUniqueOrThrow({ where: { id: session.id }, select: { updatedAt: true } })).updatedAt.getTime();
  const change = async (over: Partial<DetailsInput>) =>
    updateSessionDetails(
      actor,
      {
        sessionId: session.id,
        version: await version(),
        yearGroups: ["10"],
        expectedPupils: 100,
        venueNotes: "Main hall",
        internalNotes: "Head is keen",
        ...over,
      },
      meta,
      now,
    );
  const invite = async () => {
    await sendInvitation(actor, { sessionId: session.id, contactIds: [contact.id] }, meta, now);
    const [invitation] = await sentTo(email);
    await respondToInvitation(responseTokenIn(invitation.mail.text!), { response: "ACCEPT" }, meta, now);
  };
  return { actor, session, email, version, change, invite };
}

const saved = (id: string) =>
  db.session.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      icalSequence: true,
      yearGroups: true,
      expectedPupils: true,
      expectedAdults: true,
      venueNotes: true,
      internalNotes: true,
      capacityOverrideReason: true,
    },
  });

describe("updateSessionDetails", () => {
  it("saves the new details with a history row and an audit row, and sends nothing before the venue is invited", async () => {
    const w = await booked();
    const result = await w.change({
      yearGroups: ["9", "10"],
      expectedPupils: 150,
      venueNotes: "Drama studio, not the hall",
      internalNotes: "Bring the banner",
    });
    expect(result).toEqual({
      sessionId: w.session.id,
      changed: ["year groups", "expected pupils", "notes for the venue", "internal notes"],
      venueUpdated: false,
    });
    expect(await saved(w.session.id)).toMatchObject({
      yearGroups: "9,10",
      expectedPupils: 150,
      venueNotes: "Drama studio, not the hall",
      internalNotes: "Bring the banner",
      icalSequence: 1,
      status: "PROVISIONAL",
    });
    const change = await db.sessionChange.findFirstOrThrow({ where: { sessionId: w.session.id, kind: "EDITED" } });
    expect(change.summary).toBe("Details changed: year groups, expected pupils, notes for the venue, internal notes");
    // The history names an internal-notes change without its text: facilitators read the history.
    expect(JSON.stringify(change.details)).not.toContain("Bring the banner");
    expect(change.details).toEqual({
      v: 1,
      changes: [
        { field: "year groups", from: "Year 10", to: "Year 9, Year 10" },
        { field: "expected pupils", from: "100", to: "150" },
        { field: "notes for the venue", from: "Main hall", to: "Drama studio, not the hall" },
      ],
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: w.session.id, action: "session.update_details" } });
    expect(audit.details).toEqual({ v: 1, changed: ["year groups", "expected pupils", "notes for the venue", "internal notes"] });
    expect(await sentTo(w.email)).toHaveLength(0);
  });

  it("an invited venue is sent the new notes with an updated calendar (same UID, SEQUENCE + 1) and keeps its answer", async () => {
    const w = await booked();
    await w.invite();
    expect(await saved(w.session.id)).toMatchObject({ status: "CONFIRMED", icalSequence: 0 });
    const result = await w.change({ venueNotes: "Please clear the hall by 9:00", expectedPupils: 120 });
    expect(result.venueUpdated).toBe(true);
    const emails = await sentTo(w.email);
    expect(emails).toHaveLength(2);
    const updated = emails[1];
    expect(updated.mail.subject).toBe("Updated: Somebody's Daughter at Ashgrove Hall, Friday 26 March 2027, 9:30am");
    expect(updated.mail.text).toContain("Please clear the hall by 9:00");
    expect(updated.mail.text).not.toContain("Head is keen");
    const calendar = calendarOf(updated);
    expect(calendar).toMatchObject({ method: "REQUEST", uid: w.session.icalUid, sequence: 1, start: "2027-03-26T09:30:00.000Z" });
    expect(calendar.description).toContain("Please clear the hall by 9:00");
    expect(calendar.description).toContain("120");
    // New details are not a new date: the venue's yes stands.
    expect(await saved(w.session.id)).toMatchObject({ status: "CONFIRMED", icalSequence: 1 });
    expect((await db.invitation.findFirstOrThrow({ where: { sessionId: w.session.id } })).status).toBe("ACCEPTED");
  });

  it("a change the venue does not see (internal notes, expected adults) sends nothing and keeps the calendar version", async () => {
    const w = await booked();
    await w.invite();
    const result = await w.change({ internalNotes: "Deputy head will meet us", expectedAdults: 6 });
    expect(result).toEqual({ sessionId: w.session.id, changed: ["expected adults", "internal notes"], venueUpdated: false });
    expect(await sentTo(w.email)).toHaveLength(1);
    expect(await saved(w.session.id)).toMatchObject({ icalSequence: 0, internalNotes: "Deputy head will meet us", expectedAdults: 6 });
  });

  it("saving without a change writes nothing", async () => {
    const w = await booked();
    const before = await w.version();
    expect(await w.change({})).toEqual({ sessionId: w.session.id, changed: [], venueUpdated: false });
    expect(await w.version()).toBe(before);
    expect(await db.sessionChange.count({ where: { sessionId: w.session.id, kind: "EDITED" } })).toBe(0);
  });

  it("clears year groups, numbers and notes left empty", async () => {
    const w = await booked();
    await w.change({ yearGroups: [], expectedPupils: undefined, venueNotes: "  ", internalNotes: undefined });
    expect(await saved(w.session.id)).toMatchObject({ yearGroups: null, expectedPupils: null, venueNotes: null, internalNotes: null });
  });

  it("more pupils than the hall or programme takes needs a reason, which is kept", async () => {
    const w = await booked();
    await expect(w.change({ expectedPupils: 260 })).rejects.toMatchObject({ name: "CapacityWarning", field: "capacityOverrideReason" });
    expect((await saved(w.session.id)).expectedPupils).toBe(100);
    await w.change({ expectedPupils: 260, capacityOverrideReason: "Two year groups in the sports hall" });
    expect(await saved(w.session.id)).toMatchObject({ expectedPupils: 260, capacityOverrideReason: "Two year groups in the sports hall" });
    // Back within capacity: the reason no longer applies.
    await w.change({ expectedPupils: 150 });
    expect((await saved(w.session.id)).capacityOverrideReason).toBeNull();
  });

  it("refuses a form opened before someone else's change, and a cancelled session", async () => {
    const w = await booked();
    const stale = await w.version();
    await w.change({ venueNotes: "Changed by a colleague" });
    await expect(w.change({ version: stale, venueNotes: "Mine" })).rejects.toMatchObject({ name: "StaleSessionError" });
    expect((await saved(w.session.id)).venueNotes).toBe("Changed by a colleague");
    await cancelSession(w.actor, { sessionId: w.session.id, reason: "School closed" }, meta, now);
    await expect(w.change({ venueNotes: "Too late" })).rejects.toThrow("A cancelled session cannot be changed");
  });
});

describe("the change-details page", () => {
  const reply = (data: unknown) => data as ErrorReply;

  it("is linked from the session page for coordinators and shows the details as they are", async () => {
    const w = await booked();
    const coordinator = await signedInAs(["COORDINATOR"]);
    const page = await run(sessionPage.loader, get(`/sessions/${w.session.id}`, coordinator.cookie), { sessionId: w.session.id });
    expect((page.data as { actions: { edit: boolean } }).actions.edit).toBe(true);
    const form = await run(edit.loader, get(`/sessions/${w.session.id}/edit`, coordinator.cookie), { sessionId: w.session.id });
    expect(form.status).toBe(200);
    expect(form.data).toMatchObject({
      session: {
        yearGroups: ["10"],
        expectedPupils: "100",
        venueNotes: "Main hall",
        internalNotes: "Head is keen",
        version: String(await w.version()),
      },
      venueInvited: false,
    });
    const facilitator = await signedInAs(["FACILITATOR"]);
    expect((await run(edit.loader, get(`/sessions/${w.session.id}/edit`, facilitator.cookie), { sessionId: w.session.id })).status).toBe(
      403,
    );
  });

  it("keeps what was typed and names each problem; nothing is saved", async () => {
    const w = await booked();
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const typed = {
      version: String(await w.version()),
      yearGroups: ["10", "14"],
      expectedPupils: "lots",
      expectedAdults: "0",
      venueNotes: "x".repeat(2001),
      internalNotes: "Kept",
    };
    const res = await run(edit.action, post(`/sessions/${w.session.id}/edit`, typed, cookie), { sessionId: w.session.id });
    expect(res.status).toBe(400);
    const { errors, values } = reply(res.data);
    expect(Object.keys(errors).sort()).toEqual(["expectedAdults", "expectedPupils", "venueNotes", "yearGroups"]);
    expect(errors.expectedPupils[0]).toBe("Expected pupils must be a whole number");
    expect(errors.expectedAdults[0]).toBe("Expected adults must be 1 or more");
    expect(errors.venueNotes[0]).toBe("Notes for the venue must be 2000 characters or fewer");
    expect(values).toMatchObject({ expectedPupils: "lots", internalNotes: "Kept" });
    expect(await saved(w.session.id)).toMatchObject({ expectedPupils: 100, internalNotes: "Head is keen" });

    const noVersion = await run(edit.action, post(`/sessions/${w.session.id}/edit`, { expectedPupils: "90" }, cookie), {
      sessionId: w.session.id,
    });
    expect(noVersion.status).toBe(400);
    expect(reply(noVersion.data).errors[""][0]).toMatch(/out of date/);

    const stale = await run(edit.action, post(`/sessions/${w.session.id}/edit`, { version: "1", expectedPupils: "90" }, cookie), {
      sessionId: w.session.id,
    });
    expect(stale.status).toBe(422);
    expect(reply(stale.data).errors[""][0]).toMatch(/Someone else changed this session/);

    const over = await run(
      edit.action,
      post(`/sessions/${w.session.id}/edit`, { version: String(await w.version()), expectedPupils: "300" }, cookie),
      { sessionId: w.session.id },
    );
    expect(over.status).toBe(422);
    expect(reply(over.data)).toMatchObject({
      capacityWarning: true,
      errors: { capacityOverrideReason: [expect.stringMatching(/capacity/)] },
    });
    expect((await saved(w.session.id)).expectedPupils).toBe(100);
  });

  it("saves and goes back to the session; unknown and cancelled sessions are 404", async () => {
    const w = await booked();
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const res = await run(
      edit.action,
      post(
        `/sessions/${w.session.id}/edit`,
        { version: String(await w.version()), yearGroups: ["10", "11"], expectedPupils: "180" },
        cookie,
      ),
      { sessionId: w.session.id },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/sessions/${w.session.id}`);
    expect(await saved(w.session.id)).toMatchObject({ yearGroups: "10,11", expectedPupils: 180, venueNotes: null });
    expect((await run(edit.loader, get("/sessions/no-such-session/edit", cookie), { sessionId: "no-such-session" })).status).toBe(404);
    await cancelSession(w.actor, { sessionId: w.session.id, reason: "School closed" }, meta, now);
    expect((await run(edit.loader, get(`/sessions/${w.session.id}/edit`, cookie), { sessionId: w.session.id })).status).toBe(404);
  });
});
