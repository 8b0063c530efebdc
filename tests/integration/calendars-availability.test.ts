import { beforeAll, describe, expect, it } from "vitest";
import { InvalidDateError, unavailableDates, venueAvailability, availabilityBetween } from "~/models/calendars.server";
import { parseBankHolidays } from "~/utils/bank-holidays.server";
import { db } from "~/utils/db.server";
import { makeAcademicYear, makeClosure, makeVenue, TERMS_2026_27 } from "../factories";

let school: { id: string };
let academy: { id: string };
let community: { id: string };

beforeAll(async () => {
  school = await makeVenue(db, { kind: "SECONDARY_SCHOOL", name: "Northfield Academy" });
  academy = await makeVenue(db, { kind: "SECONDARY_SCHOOL", name: "Castle Mead Academy" });
  community = await makeVenue(db, { kind: "COMMUNITY_VENUE", name: "Northfield Community Centre" });
  await makeAcademicYear(db, {
    name: "2026/27",
    startDate: "2026-09-01",
    endDate: "2027-08-31",
    terms: TERMS_2026_27,
    // The academy keeps its own dates: autumn starts a week later, half-term a week earlier.
    venueTerms: {
      venueId: academy.id,
      terms: [
        { name: "Autumn", startDate: "2026-09-10", endDate: "2026-12-18", halfTermStart: "2026-10-19", halfTermEnd: "2026-10-23" },
        { name: "Spring", startDate: "2027-01-05", endDate: "2027-03-25" },
        { name: "Summer", startDate: "2027-04-12", endDate: "2027-07-21" },
      ],
    },
  });
});

describe("venueAvailability for schools", () => {
  it("a term-time weekday is available", async () => {
    expect(await venueAvailability(school.id, "2026-10-13")).toEqual({ available: true });
  });

  it("weekends are unavailable", async () => {
    expect(await venueAvailability(school.id, "2026-10-17")).toMatchObject({
      available: false,
      kind: "WEEKEND",
      reason: "Saturday 17 October 2026 is a weekend",
    });
  });

  it("bank holidays in term are unavailable, with the holiday's name", async () => {
    expect(await venueAvailability(school.id, "2027-05-03")).toMatchObject({
      available: false,
      kind: "BANK_HOLIDAY",
      reason: "Monday 3 May 2027 is a bank holiday (Early May bank holiday)",
    });
  });

  it("half-term is unavailable, in plain English", async () => {
    expect(await venueAvailability(school.id, "2026-10-27")).toEqual({
      available: false,
      kind: "HALF_TERM",
      reason: "Tuesday 27 October 2026 is in the autumn half-term",
    });
  });

  it("dates between terms are outside term", async () => {
    expect(await venueAvailability(school.id, "2026-12-22")).toMatchObject({ available: false, kind: "OUTSIDE_TERM" });
    expect(await venueAvailability(school.id, "2026-09-02")).toMatchObject({ available: false, kind: "OUTSIDE_TERM" });
  });

  it("a venue's own terms replace the council's for that year", async () => {
    expect(await venueAvailability(academy.id, "2026-09-07")).toMatchObject({
      kind: "OUTSIDE_TERM",
      reason: expect.stringContaining("Castle Mead Academy's 2026/27 term dates"),
    });
    expect(await venueAvailability(academy.id, "2026-10-20")).toMatchObject({ kind: "HALF_TERM" });
    expect(await venueAvailability(academy.id, "2026-10-27")).toEqual({ available: true });
  });

  it("a year with no calendar entered is judged on weekends, bank holidays and closures only", async () => {
    expect(await venueAvailability(school.id, "2027-09-14")).toEqual({ available: true });
    expect(await venueAvailability(school.id, "2027-08-30")).toMatchObject({ kind: "BANK_HOLIDAY" });
  });

  it("closures: the venue's own INSET day, an all-schools closure and an exam block", async () => {
    const inset = await makeClosure(db, { venueId: school.id, startDate: "2026-11-06", reason: "INSET" });
    const all = await makeClosure(db, { startDate: "2026-11-27", reason: "CLOSURE", note: "Borough-wide training" });
    const exams = await makeClosure(db, {
      venueId: school.id,
      startDate: "2027-05-10",
      endDate: "2027-05-21",
      reason: "EXAMS",
      note: "GCSEs",
    });
    expect(await venueAvailability(school.id, "2026-11-06")).toEqual({
      available: false,
      kind: "INSET",
      reason: "Friday 6 November 2026 is an INSET day for Northfield Academy",
      closureId: inset.id,
    });
    expect(await venueAvailability(academy.id, "2026-11-06")).toEqual({ available: true });
    expect(await venueAvailability(academy.id, "2026-11-27")).toEqual({
      available: false,
      kind: "CLOSURE",
      reason: "All schools are closed on Friday 27 November 2026 (Borough-wide training)",
      closureId: all.id,
    });
    expect(await venueAvailability(school.id, "2027-05-19")).toMatchObject({
      kind: "EXAMS",
      closureId: exams.id,
      reason: "Wednesday 19 May 2027 is in an exam period for Northfield Academy (GCSEs)",
    });
  });

  it("a school closed in GIAS or archived is VENUE_CLOSED", async () => {
    const closed = await makeVenue(db, { kind: "SECONDARY_SCHOOL", name: "Old Mill School" });
    await db.venue.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
    expect(await venueAvailability(closed.id, "2026-10-13")).toEqual({
      available: false,
      kind: "VENUE_CLOSED",
      reason: "Old Mill School is closed",
    });
    await db.venue.update({ where: { id: closed.id }, data: { status: "OPEN", archivedAt: new Date() } });
    expect(await venueAvailability(closed.id, "2026-10-13")).toMatchObject({ kind: "VENUE_CLOSED" });
  });
});

describe("venueAvailability for other venues", () => {
  it("ignores weekends, terms, bank holidays and all-schools closures; honours its own closures", async () => {
    expect(await venueAvailability(community.id, "2026-10-17")).toEqual({ available: true });
    expect(await venueAvailability(community.id, "2026-10-27")).toEqual({ available: true });
    expect(await venueAvailability(community.id, "2026-12-25")).toEqual({ available: true });
    expect(await venueAvailability(community.id, "2026-11-27")).toEqual({ available: true });
    const refurb = await makeClosure(db, {
      venueId: community.id,
      startDate: "2027-01-11",
      endDate: "2027-01-15",
      reason: "CLOSURE",
      note: "Refurbishment",
    });
    expect(await venueAvailability(community.id, "2027-01-13")).toEqual({
      available: false,
      kind: "CLOSURE",
      reason: "Northfield Community Centre is closed on Wednesday 13 January 2027 (Refurbishment)",
      closureId: refurb.id,
    });
  });
});

describe("bad input", () => {
  it("an unknown venue is reported unavailable, not thrown", async () => {
    expect(await venueAvailability("no-such-venue", "2026-10-13")).toMatchObject({ available: false, kind: "VENUE_CLOSED" });
  });

  it("malformed dates and inverted or huge ranges are refused", async () => {
    await expect(venueAvailability(school.id, "2026-02-30")).rejects.toBeInstanceOf(InvalidDateError);
    await expect(venueAvailability(school.id, "13/10/2026")).rejects.toBeInstanceOf(InvalidDateError);
    await expect(unavailableDates(school.id, "2026-10-20", "2026-10-10")).rejects.toBeInstanceOf(InvalidDateError);
    await expect(unavailableDates(school.id, "2026-01-01", "2028-01-01")).rejects.toBeInstanceOf(InvalidDateError);
  });

  it("a bank-holiday file of the wrong shape is refused", () => {
    expect(() => parseBankHolidays(JSON.stringify({ scotland: { events: [] } }))).toThrow();
    expect(
      parseBankHolidays(JSON.stringify({ "england-and-wales": { events: [{ title: "New Year’s Day", date: "2027-01-01" }] } })).get(
        "2027-01-01",
      ),
    ).toBe("New Year's Day");
  });
});

describe("ranges", () => {
  it("unavailableDates lists each unavailable day of the autumn half-term week with its reason", async () => {
    const dates = await unavailableDates(school.id, "2026-10-24", "2026-11-01");
    expect(dates.map((d) => [d.date, d.kind])).toEqual([
      ["2026-10-24", "WEEKEND"],
      ["2026-10-25", "WEEKEND"],
      ["2026-10-26", "HALF_TERM"],
      ["2026-10-27", "HALF_TERM"],
      ["2026-10-28", "HALF_TERM"],
      ["2026-10-29", "HALF_TERM"],
      ["2026-10-30", "HALF_TERM"],
      ["2026-10-31", "WEEKEND"],
      ["2026-11-01", "WEEKEND"],
    ]);
  });

  it("agrees with venueAvailability day by day across a year boundary and the October clock change", async () => {
    const from = "2026-08-24";
    const to = "2026-11-08";
    const week = await availabilityBetween(school.id, from, to);
    for (const { date, availability } of week) expect(await venueAvailability(school.id, date)).toEqual(availability);
    expect(week.find((d) => d.date === "2026-10-25")?.availability).toMatchObject({ kind: "WEEKEND" });
  });
});
