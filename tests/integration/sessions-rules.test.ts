import { describe, expect, it } from "vitest";
import { bookSession, cancelSession, rescheduleSession, type BookingInput } from "~/models/sessions/changes.server";
import {
  CapacityWarning,
  ClashError,
  EndBeforeStartError,
  NonexistentTimeError,
  NonWorkingDayError,
  NotYetDeliveredError,
  PastBookingError,
  SessionStatusError,
  TeamDayFullError,
  UnavailableDateError,
} from "~/models/sessions/errors";
import { sessionsClashingWith } from "~/models/sessions/facts.server";
import { diarySessions, getSession, listSessions } from "~/models/sessions/queries.server";
import { db } from "~/utils/db.server";
import { makeAcademicYear, makeClosure, makeProgramme, makeTeam, makeUser, makeVenue, TERMS_2026_27 } from "../factories";

const meta = { ip: null, userAgent: "vitest" };
const MONDAY = "2027-03-08";
const TUESDAY = "2027-03-09";

async function world(
  options: { getIn?: number; getOut?: number; sessionsPerDay?: number; workingWeekdays?: string; hallCapacity?: number } = {},
) {
  const user = await makeUser(db, { roles: ["COORDINATOR"] });
  const actor = { ...user, roles: ["COORDINATOR"] as const };
  const programme = await makeProgramme(db, { getInMinutes: options.getIn ?? 0, getOutMinutes: options.getOut ?? 0, capacity: 240 });
  const team = await makeTeam(db, { sessionsPerDay: options.sessionsPerDay ?? 4, workingWeekdays: options.workingWeekdays });
  const venueA = await makeVenue(db, { kind: "COMMUNITY_VENUE", name: "Venue A", hallCapacity: options.hallCapacity ?? 250 });
  const venueB = await makeVenue(db, { kind: "COMMUNITY_VENUE", name: "Venue B" });
  const base: BookingInput = {
    programmeId: programme.id,
    venueId: venueA.id,
    teamId: team.id,
    date: MONDAY,
    startTime: "10:00",
    endTime: "11:00",
    expectedPupils: 100,
  };
  const book = (over: Partial<BookingInput> = {}, now?: Date) => bookSession(actor, { ...base, ...over }, meta, now);
  return { actor, programme, team, venueA, venueB, base, book };
}

const rejection = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
};

describe("booking a session", () => {
  it("creates a provisional session with a stable calendar UID, a history row and an audit row", async () => {
    const w = await world();
    const s = await w.book({ yearGroups: ["9", "10"], venueNotes: " Hall B ", internalNotes: "" });
    expect(s.status).toBe("PROVISIONAL");
    expect(s.icalUid).toBe(`${s.id}@localhost`);
    expect(s.icalSequence).toBe(0);
    const saved = await db.session.findUniqueOrThrow({ where: { id: s.id } });
    expect(saved.yearGroups).toBe("9,10");
    expect(saved.venueNotes).toBe("Hall B");
    expect(saved.internalNotes).toBeNull();
    expect(saved.startsAt.toISOString()).toBe("2027-03-08T10:00:00.000Z");
    expect(await db.sessionChange.count({ where: { sessionId: s.id, kind: "BOOKED" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "session.book", entityId: s.id, actorId: w.actor.id } })).toBe(1);
  });

  it("needs the end after the start", async () => {
    const w = await world();
    expect(await rejection(w.book({ startTime: "10:00", endTime: "10:00" }))).toBeInstanceOf(EndBeforeStartError);
    expect(await rejection(w.book({ startTime: "10:00", endTime: "09:59" }))).toBeInstanceOf(EndBeforeStartError);
    await expect(w.book({ startTime: "10:00", endTime: "10:01" })).resolves.toBeTruthy();
  });

  it("refuses the past unless recording a delivered session, and refuses 'delivered' for the future", async () => {
    const w = await world();
    const now = new Date("2027-03-08T10:00:00Z");
    expect(await rejection(w.book({}, now))).toBeInstanceOf(PastBookingError);
    await expect(w.book({ startTime: "10:01", endTime: "11:00" }, now)).resolves.toBeTruthy();
    const delivered = await w.book({ date: "2027-03-01", alreadyDelivered: true }, now);
    expect(delivered.status).toBe("DELIVERED");
    expect(await rejection(w.book({ date: "2027-03-10", alreadyDelivered: true }, now))).toBeInstanceOf(NotYetDeliveredError);
  });

  it("allows touching intervals and refuses a one-minute overlap for the team", async () => {
    const w = await world();
    await w.book();
    await expect(w.book({ venueId: w.venueA.id, startTime: "11:00", endTime: "12:00" })).resolves.toBeTruthy();
    await expect(w.book({ startTime: "09:00", endTime: "10:00" })).resolves.toBeTruthy();
    const clash = await rejection(w.book({ startTime: "10:59", endTime: "11:30" }));
    expect(clash).toBeInstanceOf(ClashError);
    expect((clash as ClashError).clashes.map((c) => c.reason)).toContain("TEAM");
    expect((clash as ClashError).message).toMatch(/is already booked/);
  });

  it("counts the programme's get-in and get-out turnaround", async () => {
    const w = await world({ getIn: 60, getOut: 45 });
    await w.book(); // busy 09:00–11:45 at venue A
    expect(await rejection(w.book({ startTime: "12:44", endTime: "13:30" }))).toBeInstanceOf(ClashError);
    await expect(w.book({ startTime: "12:45", endTime: "13:30" })).resolves.toBeTruthy();
  });

  it("adds the travel buffer (45 minutes) between two different venues, none at the same venue", async () => {
    const w = await world({ getIn: 60, getOut: 45 });
    await w.book(); // venue A, busy until 11:45; venue B get-in may start at 12:30
    const clash = await rejection(w.book({ venueId: w.venueB.id, startTime: "13:29", endTime: "14:00" }));
    expect(clash).toBeInstanceOf(ClashError);
    const candidate = {
      teamId: w.team.id,
      venueId: w.venueB.id,
      programmeId: w.programme.id,
      startsAt: new Date("2027-03-08T12:45:00Z"),
      endsAt: new Date("2027-03-08T13:00:00Z"),
    };
    expect(await sessionsClashingWith(db, candidate, 0)).toHaveLength(0);
    expect(await sessionsClashingWith(db, candidate, 45)).toHaveLength(1);
    await expect(w.book({ venueId: w.venueB.id, startTime: "13:30", endTime: "14:00" })).resolves.toBeTruthy();
  });

  it("does not double-book a venue's hall, whichever team", async () => {
    const w = await world();
    const otherTeam = await makeTeam(db);
    await w.book();
    const clash = await rejection(w.book({ teamId: otherTeam.id, startTime: "10:30", endTime: "11:30" }));
    expect(clash).toBeInstanceOf(ClashError);
    expect((clash as ClashError).clashes[0].reason).toBe("VENUE");
    expect((clash as ClashError).message).toMatch(/Venue A is already in use/);
    await expect(w.book({ teamId: otherTeam.id, startTime: "11:00", endTime: "12:00" })).resolves.toBeTruthy();
  });

  it("never lets a cancelled session clash", async () => {
    const w = await world();
    const first = await w.book();
    await cancelSession(w.actor, { sessionId: first.id, reason: "School asked" }, meta);
    await expect(w.book()).resolves.toBeTruthy();
  });

  it("respects the team's sessions per day", async () => {
    const w = await world({ sessionsPerDay: 1 });
    await w.book();
    const full = await rejection(w.book({ startTime: "14:00", endTime: "15:00" }));
    expect(full).toBeInstanceOf(TeamDayFullError);
    expect((full as TeamDayFullError).sessions).toHaveLength(1);
    await expect(w.book({ date: TUESDAY })).resolves.toBeTruthy();
  });

  it("respects the team's working weekdays", async () => {
    const w = await world();
    expect(await rejection(w.book({ date: "2027-03-13" }))).toBeInstanceOf(NonWorkingDayError);
    const sixDays = await world({ workingWeekdays: "1,2,3,4,5,6" });
    await expect(sixDays.book({ date: "2027-03-13" })).resolves.toBeTruthy();
    expect(await rejection(sixDays.book({ date: "2027-03-14" }))).toBeInstanceOf(NonWorkingDayError);
  });

  it("books schools only in term time, naming the reason", async () => {
    const w = await world();
    const school = await makeVenue(db, { kind: "SECONDARY_SCHOOL", name: "Term School" });
    await makeAcademicYear(db, { name: "2026/27", startDate: "2026-09-01", endDate: "2027-08-31", terms: TERMS_2026_27 });
    const inset = await makeClosure(db, { venueId: school.id, startDate: "2027-03-10", reason: "INSET" });
    const halfTerm = await rejection(w.book({ venueId: school.id, date: "2027-02-16" }));
    expect(halfTerm).toBeInstanceOf(UnavailableDateError);
    expect((halfTerm as UnavailableDateError).kind).toBe("HALF_TERM");
    const insetDay = (await rejection(w.book({ venueId: school.id, date: "2027-03-10" }))) as UnavailableDateError;
    expect(insetDay.kind).toBe("INSET");
    expect(insetDay.closureId).toBe(inset.id);
    expect(((await rejection(w.book({ venueId: school.id, date: "2027-04-05" }))) as UnavailableDateError).kind).toBe("OUTSIDE_TERM");
    await expect(w.book({ venueId: school.id, date: TUESDAY })).resolves.toBeTruthy();
  });

  it("warns when expected numbers exceed the programme's or the hall's capacity, and records an override reason", async () => {
    const w = await world({ hallCapacity: 200 });
    await expect(w.book({ expectedPupils: 200 })).resolves.toBeTruthy();
    const hall = (await rejection(w.book({ date: TUESDAY, expectedPupils: 201 }))) as CapacityWarning;
    expect(hall).toBeInstanceOf(CapacityWarning);
    expect(hall.limits).toEqual([{ what: "hall", limit: 200 }]);
    const both = (await rejection(w.book({ date: TUESDAY, expectedPupils: 241 }))) as CapacityWarning;
    expect(both.limits.map((l) => l.what)).toEqual(["programme", "hall"]);
    const overridden = await w.book({ date: TUESDAY, expectedPupils: 241, capacityOverrideReason: "Two sittings in the sports hall" });
    expect((await db.session.findUniqueOrThrow({ where: { id: overridden.id } })).capacityOverrideReason).toBe(
      "Two sittings in the sports hall",
    );
    const adults = (await rejection(w.book({ date: "2027-03-10", expectedPupils: null, expectedAdults: 260 }))) as CapacityWarning;
    expect(adults).toBeInstanceOf(CapacityWarning);
  });
});

describe("moving and cancelling", () => {
  it("moves a session, ignoring its own old slot, and records what changed", async () => {
    const w = await world();
    const s = await w.book();
    const moved = await rescheduleSession(
      w.actor,
      { sessionId: s.id, date: MONDAY, startTime: "10:30", endTime: "11:30", venueId: w.venueA.id, teamId: w.team.id, reason: "Assembly" },
      meta,
    );
    expect(moved).toMatchObject({ dateChanged: false, timeChanged: true, venueChanged: false, teamChanged: false, icalSequence: 1 });
    const change = await db.sessionChange.findFirstOrThrow({ where: { sessionId: s.id, kind: "MOVED" } });
    expect(change.actorId).toBe(w.actor.id);
    expect(change.details).toMatchObject({
      changes: [{ field: "time", from: "Monday 8 March 2027, 10am to 11:00", to: "Monday 8 March 2027, 10:30am to 11:30" }],
      reason: "Assembly",
    });
    const toB = await rescheduleSession(
      w.actor,
      { sessionId: s.id, date: TUESDAY, startTime: "10:30", endTime: "11:30", venueId: w.venueB.id, teamId: w.team.id },
      meta,
    );
    expect(toB).toMatchObject({ dateChanged: true, timeChanged: false, venueChanged: true, icalSequence: 2 });
    expect(await db.auditEvent.count({ where: { action: "session.move", entityId: s.id } })).toBe(2);
  });

  it("re-runs every rule when moving", async () => {
    const w = await world();
    const s = await w.book();
    await w.book({ date: TUESDAY });
    const into = (over: Partial<{ date: string; startTime: string; endTime: string }>) =>
      rescheduleSession(
        w.actor,
        { sessionId: s.id, date: MONDAY, startTime: "10:00", endTime: "11:00", venueId: w.venueA.id, teamId: w.team.id, ...over },
        meta,
      );
    expect(await rejection(into({ date: TUESDAY }))).toBeInstanceOf(ClashError);
    expect(await rejection(into({ date: "2027-03-13" }))).toBeInstanceOf(NonWorkingDayError);
    expect(await rejection(into({ date: "2020-03-09" }))).toBeInstanceOf(PastBookingError);
    expect(await rejection(into({ startTime: "12:00", endTime: "11:00" }))).toBeInstanceOf(EndBeforeStartError);
    expect((await db.session.findUniqueOrThrow({ where: { id: s.id } })).icalSequence).toBe(0);
  });

  it("a team change alone does not bump the calendar sequence", async () => {
    const w = await world();
    const s = await w.book();
    const other = await makeTeam(db);
    const moved = await rescheduleSession(
      w.actor,
      { sessionId: s.id, date: MONDAY, startTime: "10:00", endTime: "11:00", venueId: w.venueA.id, teamId: other.id },
      meta,
    );
    expect(moved).toMatchObject({ teamChanged: true, dateChanged: false, timeChanged: false, venueChanged: false, icalSequence: 0 });
  });

  it("cancels with a reason once, bumping the sequence; a cancelled session cannot be moved", async () => {
    const w = await world();
    const s = await w.book();
    await expect(cancelSession(w.actor, { sessionId: s.id, reason: "  " }, meta)).rejects.toThrow(/why the session is cancelled/);
    const cancelled = await cancelSession(w.actor, { sessionId: s.id, reason: "Snow" }, meta);
    expect(cancelled).toMatchObject({ icalSequence: 1, dateChanged: false, timeChanged: false, venueChanged: false });
    const saved = await db.session.findUniqueOrThrow({ where: { id: s.id } });
    expect(saved).toMatchObject({ status: "CANCELLED", cancelReason: "Snow" });
    expect(await rejection(cancelSession(w.actor, { sessionId: s.id, reason: "Again" }, meta))).toBeInstanceOf(SessionStatusError);
    expect(
      await rejection(
        rescheduleSession(
          w.actor,
          { sessionId: s.id, date: TUESDAY, startTime: "10:00", endTime: "11:00", venueId: w.venueA.id, teamId: w.team.id },
          meta,
        ),
      ),
    ).toBeInstanceOf(SessionStatusError);
    expect(await db.sessionChange.count({ where: { sessionId: s.id, kind: "CANCELLED" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "session.cancel", entityId: s.id } })).toBe(1);
  });
});

describe("who sees what", () => {
  it("shows facilitators their own team's sessions only", async () => {
    const w = await world();
    const mine = await w.book();
    const otherTeam = await makeTeam(db);
    const theirs = await w.book({ teamId: otherTeam.id, venueId: w.venueB.id });
    const facilitator = await makeUser(db, { roles: ["FACILITATOR"], teamId: w.team.id });
    const viewer = { id: facilitator.id, roles: ["FACILITATOR" as const] };
    expect(await getSession(viewer, mine.id)).not.toBeNull();
    expect(await getSession(viewer, theirs.id)).toBeNull();
    const listed = await listSessions({ viewer, filters: {}, page: 1 });
    expect(listed.items.map((s) => s.id)).toEqual([mine.id]);
    expect((await getSession(viewer, mine.id))?.actions).toEqual({ edit: false, move: false, cancel: false });
    expect(await getSession({ id: "x", roles: ["LEAD"] }, mine.id)).toBeNull();
  });
});

describe("clock changes", () => {
  const before = new Date("2026-01-01T00:00:00Z");
  for (const [label, date, utcStart] of [
    ["last Sunday of March 2026 (clocks go forward)", "2026-03-29", "2026-03-29T09:00:00.000Z"],
    ["the Sunday after", "2026-04-05", "2026-04-05T09:00:00.000Z"],
    ["last Sunday of October 2026 (clocks go back)", "2026-10-25", "2026-10-25T10:00:00.000Z"],
    ["the Sunday after", "2026-11-01", "2026-11-01T10:00:00.000Z"],
  ] as const) {
    it(`keeps 10:00 to 11:30 on ${label}, on the session page and in the diary`, async () => {
      const w = await world({ workingWeekdays: "1,2,3,4,5,6,7" });
      const s = await w.book({ date, startTime: "10:00", endTime: "11:30" }, before);
      const saved = await db.session.findUniqueOrThrow({ where: { id: s.id } });
      expect(saved.startsAt.toISOString()).toBe(utcStart);
      const page = await getSession(w.actor, s.id);
      expect(page).toMatchObject({ date, startTime: "10:00", endTime: "11:30" });
      const diary = await diarySessions({ viewer: w.actor, filters: { teamId: w.team.id }, fromDate: date, toDate: "2026-12-31" });
      expect(diary[0]).toMatchObject({ id: s.id, date, startTime: "10:00", endTime: "11:30" });
    });
  }

  it("refuses 01:30 on the spring-forward night and accepts 01:30 on the autumn night", async () => {
    const w = await world({ workingWeekdays: "1,2,3,4,5,6,7" });
    const error = await rejection(w.book({ date: "2026-03-29", startTime: "01:30", endTime: "03:00" }, before));
    expect(error).toBeInstanceOf(NonexistentTimeError);
    expect((error as NonexistentTimeError).field).toBe("startTime");
    await expect(w.book({ date: "2026-10-25", startTime: "01:30", endTime: "03:00" }, before)).resolves.toBeTruthy();
  });
});
