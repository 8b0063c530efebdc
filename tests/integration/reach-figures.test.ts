// reachFigures against hand-made data where every figure has a known answer, including period edges in BST and GMT.
import { beforeAll, describe, expect, it } from "vitest";
import { reachFigures } from "~/models/reach.server";
import { db } from "~/utils/db.server";
import { makePerson, makeProgramme, makeRegisterEntry, makeSession, makeTeam, makeVenue } from "../factories";

type Status = "PROVISIONAL" | "INVITED" | "CONFIRMED" | "DECLINED" | "DELIVERED" | "CANCELLED";
const now = new Date("2026-06-01T11:00:00Z");
let ids: Record<string, string>;

beforeAll(async () => {
  const team = await makeTeam(db);
  const play = await makeProgramme(db, { name: "The Play" });
  const play2 = await makeProgramme(db, { name: "The Other Play" });
  const briefing = await makeProgramme(db, { name: "Staff briefing", kind: "STAFF_BRIEFING", audienceType: "STAFF" });
  const a = await makeVenue(db, { name: "A Academy", year10Count: 180 });
  const b = await makeVenue(db, { name: "B College", kind: "COLLEGE" });
  const closed = await makeVenue(db, { name: "Closed School" });
  await db.venue.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
  const archived = await makeVenue(db, { name: "Archived School" });
  await db.venue.update({ where: { id: archived.id }, data: { archivedAt: new Date("2026-01-01T00:00:00Z") } });
  const special = await makeVenue(db, { name: "Special School", kind: "SPECIAL_SCHOOL" });
  const f = await makeVenue(db, { name: "F School" });
  const g = await makeVenue(db, { name: "G School" });
  const hall = await makeVenue(db, { name: "Hall", kind: "COMMUNITY_VENUE" });
  ids = { play: play.id, play2: play2.id, briefing: briefing.id };

  const session = async (
    programmeId: string,
    venueId: string,
    date: string,
    start: string,
    end: string,
    status: Status,
    pupils: number[] = [],
    expectedPupils?: number,
  ) => {
    const s = await makeSession(db, { programmeId, venueId, teamId: team.id, date, start, end, status, expectedPupils });
    if (pupils.length)
      await db.attendanceCount.createMany({
        data: pupils.map((count, i) => ({ sessionId: s.id, yearGroup: String(9 + i), sex: i % 2 ? "MALE" : "FEMALE", count })),
      });
    return s;
  };
  // Financial Q1 2026 (1 April to 30 June, all BST).
  await session(play.id, a.id, "2026-05-05", "10:00", "11:00", "DELIVERED", [30, 25]);
  await session(play2.id, b.id, "2026-06-30", "23:30", "23:59", "DELIVERED", [20]); // 22:30 UTC on the last day: in Q1
  await session(play.id, a.id, "2026-07-01", "00:30", "01:00", "DELIVERED", [100]); // 23:30 UTC on 30 June, but Q2 in London
  await session(play.id, closed.id, "2026-05-06", "10:00", "11:00", "DELIVERED", [40]);
  await session(play.id, archived.id, "2026-05-06", "13:00", "14:00", "DELIVERED", [10]);
  await session(play.id, special.id, "2026-05-12", "10:00", "11:00", "CANCELLED", [999]);
  await session(play.id, a.id, "2026-05-07", "10:00", "11:00", "CANCELLED", [999]);
  await session(play.id, g.id, "2026-05-08", "10:00", "11:00", "CONFIRMED", [999]); // recorded against a booking never marked delivered
  const brief1 = await session(briefing.id, hall.id, "2026-05-08", "10:00", "11:00", "DELIVERED");
  const brief2 = await session(briefing.id, hall.id, "2026-05-09", "10:00", "11:00", "DELIVERED");
  const briefCancelled = await session(briefing.id, hall.id, "2026-05-10", "10:00", "11:00", "CANCELLED");
  const [p1, p2, p3, p4] = await Promise.all([makePerson(db), makePerson(db), makePerson(db), makePerson(db)]);
  await makeRegisterEntry(db, { sessionId: brief1.id, personId: p1.id, status: "ATTENDED" });
  await makeRegisterEntry(db, { sessionId: brief1.id, personId: p2.id, status: "ATTENDED" });
  await makeRegisterEntry(db, { sessionId: brief1.id, personId: p3.id, status: "ABSENT" });
  await makeRegisterEntry(db, { sessionId: brief2.id, personId: p1.id, status: "ATTENDED" });
  await makeRegisterEntry(db, { sessionId: briefCancelled.id, personId: p4.id, status: "ATTENDED" });
  // Bookings ahead of `now` (1 June).
  await session(play.id, f.id, "2026-06-10", "10:00", "11:00", "CONFIRMED", [], 120);
  await session(play.id, f.id, "2026-05-20", "10:00", "11:00", "INVITED", [], 50); // before now
  await session(play.id, a.id, "2026-06-15", "10:00", "11:00", "PROVISIONAL", [], 60); // A is already covered
  await session(play.id, f.id, "2026-06-20", "10:00", "11:00", "DECLINED", [], 500);
  await session(play.id, g.id, "2026-07-02", "10:00", "11:00", "CONFIRMED", [], 70); // after the period
  await session(play.id, closed.id, "2026-06-11", "10:00", "11:00", "CONFIRMED", [], 30); // closed school: pupils booked, not a school booked
  // A briefing ahead with names on its register: p2 is trained already, p3 (absent before) and p5 are still to come.
  const p5 = await makePerson(db);
  const briefAhead = await session(briefing.id, hall.id, "2026-06-12", "10:00", "11:00", "CONFIRMED");
  const briefAheadCancelled = await session(briefing.id, hall.id, "2026-06-13", "10:00", "11:00", "CANCELLED");
  for (const person of [p2, p3, p5]) await makeRegisterEntry(db, { sessionId: briefAhead.id, personId: person.id, status: "EXPECTED" });
  await makeRegisterEntry(db, { sessionId: briefAheadCancelled.id, personId: p4.id, status: "EXPECTED" });

  // Clock changes: last Sunday of October 2026 (25th) and of March 2027 (28th).
  await session(play.id, a.id, "2026-10-25", "23:30", "23:59", "DELIVERED", [7]); // GMT again: 23:30 UTC, still 25 October
  await session(play.id, a.id, "2026-10-26", "00:30", "01:00", "DELIVERED", [8]);
  await session(play.id, b.id, "2027-03-27", "23:30", "23:59", "DELIVERED", [9]);
  await session(play.id, b.id, "2027-03-28", "00:30", "00:50", "DELIVERED", [11]); // before the clocks go forward at 1am
});

describe("reachFigures", () => {
  it("counts each figure for a period, excluding cancelled, undelivered, closed and archived", async () => {
    expect(await reachFigures({ from: "2026-04-01", to: "2026-06-30" }, now)).toEqual({
      sessionsDelivered: 6, // A, B (23:30 on the last day), closed, archived, two briefings
      pupilsReached: 125, // 55 + 20 + 40 + 10
      schoolsCovered: 2, // A and B: the closed and archived schools are not counted
      schoolsInArea: 4, // A, B, F, G
      peopleTrained: 2, // p1 (twice) and p2; absent and cancelled do not count
      pupilsBooked: 210, // F 120 + A 60 + closed 30; past, declined and later bookings excluded
      schoolsBooked: 1, // F: A is covered already, the closed school is not in the area
      sessionsBooked: 4, // F, A, the closed school and the briefing ahead; past, declined, cancelled and later excluded
      peopleBooked: 2, // p3 and p5 on the briefing ahead: p2 is trained already, p4's session is cancelled
    });
  });

  it("filters by programme", async () => {
    expect(await reachFigures({ from: "2026-04-01", to: "2026-06-30", programmeId: ids.play2 }, now)).toEqual({
      sessionsDelivered: 1,
      pupilsReached: 20,
      schoolsCovered: 1,
      schoolsInArea: 4,
      peopleTrained: 0,
      pupilsBooked: 0,
      schoolsBooked: 0,
      sessionsBooked: 0,
      peopleBooked: 0,
    });
    expect(await reachFigures({ from: "2026-04-01", to: "2026-06-30", programmeId: ids.briefing }, now)).toMatchObject({
      sessionsDelivered: 2,
      pupilsReached: 0,
      peopleTrained: 2,
      sessionsBooked: 1,
      peopleBooked: 2,
    });
    expect(await reachFigures({ from: "2026-04-01", to: "2026-06-30", programmeId: ids.play }, now)).toMatchObject({
      sessionsDelivered: 3,
      pupilsReached: 105,
      schoolsCovered: 1,
      pupilsBooked: 210,
      schoolsBooked: 1,
      sessionsBooked: 3,
      peopleBooked: 0,
    });
  });

  it("a session at 00:30 London on the first day of the next period belongs to that period", async () => {
    expect(await reachFigures({ from: "2026-07-01", to: "2026-09-30" }, now)).toMatchObject({
      sessionsDelivered: 1,
      pupilsReached: 100,
      schoolsCovered: 1,
      pupilsBooked: 70,
      schoolsBooked: 1,
    });
  });

  it("period edges on the last Sundays of October and March", async () => {
    expect(await reachFigures({ from: "2026-10-01", to: "2026-10-25" }, now)).toMatchObject({ sessionsDelivered: 1, pupilsReached: 7 });
    expect(await reachFigures({ from: "2026-10-26", to: "2026-10-31" }, now)).toMatchObject({ sessionsDelivered: 1, pupilsReached: 8 });
    expect(await reachFigures({ from: "2027-03-28", to: "2027-03-31" }, now)).toMatchObject({ sessionsDelivered: 1, pupilsReached: 11 });
    expect(await reachFigures({ from: "2027-03-01", to: "2027-03-27" }, now)).toMatchObject({ sessionsDelivered: 1, pupilsReached: 9 });
  });

  it("after the period has ended nothing is booked ahead", async () => {
    expect(await reachFigures({ from: "2026-04-01", to: "2026-06-30" }, new Date("2026-07-15T00:00:00Z"))).toMatchObject({
      pupilsBooked: 0,
      schoolsBooked: 0,
    });
  });
});
