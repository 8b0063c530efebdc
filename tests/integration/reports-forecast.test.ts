// The forecast beside each target, on a dataset worked out by hand: only bookings that can still happen count, and a
// session whose count is not recorded yet counts at its expected number.
import { beforeAll, describe, expect, it } from "vitest";
import { targetsWithProgress } from "~/models/targets.server";
import { db } from "~/utils/db.server";
import { makeProgramme, makeSession, makeTarget, makeTeam, makeVenue } from "../factories";

const now = new Date("2027-03-01T12:00:00Z");

beforeAll(async () => {
  const team = await makeTeam(db);
  const play = await makeProgramme(db, { name: "The Play", capacity: 240 });
  const [a, b, c, d, e] = await Promise.all(["A", "B", "C", "D", "E", "F"].map((name) => makeVenue(db, { name: `School ${name}` })));
  type Status = "PROVISIONAL" | "CONFIRMED" | "DECLINED" | "DELIVERED" | "CANCELLED";
  const session = async (venueId: string, date: string, status: Status, expectedPupils: number, counted?: number) => {
    const s = await makeSession(db, {
      programmeId: play.id,
      venueId,
      teamId: team.id,
      date,
      start: "10:00",
      end: "11:30",
      status,
      expectedPupils,
    });
    if (counted !== undefined)
      await db.attendanceCount.create({ data: { sessionId: s.id, yearGroup: "Y10", sex: "GIRL", count: counted } });
  };
  await session(a.id, "2026-10-05", "DELIVERED", 1300, 1200); // counted: 1,200
  await session(b.id, "2026-11-05", "DELIVERED", 900, 1000); // counted: 1,000
  await session(c.id, "2027-02-10", "DELIVERED", 150); // delivered, no count yet: 150 expected
  await session(a.id, "2027-02-20", "CONFIRMED", 200); // happened, not yet marked delivered: 200 expected
  await session(e.id, "2027-05-10", "CONFIRMED", 1000); // booked ahead
  await session(b.id, "2027-06-01", "PROVISIONAL", 100); // booked ahead
  await session(d.id, "2027-04-01", "CANCELLED", 500); // cannot happen
  await session(d.id, "2027-04-02", "DECLINED", 400); // cannot happen
  await session(e.id, "2027-08-01", "CONFIRMED", 700); // after the target's end
  await makeTarget(db, { metric: "PUPILS_REACHED", value: 4000, fromDate: "2026-09-01", toDate: "2027-07-22", programmeId: play.id });
  await makeTarget(db, { metric: "SESSIONS_DELIVERED", value: 10, fromDate: "2026-09-01", toDate: "2027-07-22", programmeId: play.id });
});

describe("target forecasts", () => {
  it("pupils: 2,200 counted + 1,100 booked + 350 awaiting a count = 3,650; 350 short at 240 a session is 2 sessions", async () => {
    const { items } = await targetsWithProgress({ page: 1, filter: "current", now });
    const pupils = items.find((t) => t.metric === "PUPILS_REACHED")!;
    expect([pupils.achieved, pupils.booked]).toEqual([2200, 1100]);
    // Schools A, B, C covered; E booked; D (cancelled and declined only) and F not booked.
    expect(pupils.forecast).toEqual({
      expected: 3650,
      awaitingCount: 350,
      schoolsNotBooked: 2,
      sentence:
        "With the sessions booked, 3,650 of 4,000 pupils by Thursday 22 July 2027; 2 schools not yet booked; about 2 more sessions needed.",
    });
  });

  it("sessions: 3 delivered + 2 booked + 1 not yet marked = 6 of 10, so 4 more", async () => {
    const { items } = await targetsWithProgress({ page: 1, filter: "current", now });
    const sessions = items.find((t) => t.metric === "SESSIONS_DELIVERED")!;
    expect(sessions.forecast.expected).toBe(6);
    expect(sessions.forecast.sentence).toBe(
      "With the sessions booked, 6 of 10 sessions by Thursday 22 July 2027; about 4 more sessions needed.",
    );
  });
});
