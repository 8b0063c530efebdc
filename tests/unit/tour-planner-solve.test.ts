import { describe, expect, test } from "vitest";
import { planTour } from "~/models/tour-planner/solve";
import type { PlanResult } from "~/models/tour-planner/types";
import { breachesOf, planInput, school, team } from "./tour-planner-fixtures";

const WEEK = { from: "2026-11-09", to: "2026-11-13" }; // Monday to Friday, GMT

const sessionsAt = (r: PlanResult, venueId: string) => r.sessions.filter((s) => s.venueId === venueId);

describe("planTour on instances solved by hand", () => {
  test("three neighbours share a day, the two-show school has its own: 2 team-days, 44 km", () => {
    // Base at the origin. A, B, C lie 10, 11 and 12 km east (1 show each: 100 pupils); D lies 10 km west and has 200
    // pupils, so 2 shows of 100. Five shows at 3 a day need at least ceil(5/3) = 2 days. Pairing D with one of A-C
    // leaves the other two for a second day, and costs a 20 km crossing; the best plan is [A, B, C] and [D]:
    // day 1: 0→10→11→12→0 = 24 km; day 2: 0→(-10)→0 = 20 km. Total 44 km.
    // Day 1's clock: A 09:00–10:00, get-out to 10:30, 15 min buffer (the 1 km drive is shorter) and 30 min get-in:
    // B 11:15–12:15, C 13:30–14:30, inside 15:15.
    const input = planInput({
      ...WEEK,
      teams: [team("t")],
      schools: [school("A", 10_000, 0, 100), school("B", 11_000, 0, 100), school("C", 12_000, 0, 100), school("D", -10_000, 0, 200)],
    });
    const result = planTour(input);
    expect(result.figures.teamDaysUsed).toBe(2);
    expect(result.figures.lowerBoundTeamDays).toBe(2);
    expect(result.figures.travelKm).toBe(44);
    expect(result.figures.travelMinutes).toBe(44);
    expect(result.figures.sessionsPlanned).toBe(5);
    expect(result.figures.pupilsPlanned).toBe(500);
    expect(result.unplaced).toEqual([]);
    // On a straight line A→B→C→base and A→C→B→base are both 24 km: either order is optimal.
    const day1 = result.days.find((d) => d.venueIds.includes("A"))!;
    expect([...day1.venueIds].sort()).toEqual(["A", "B", "C"]);
    expect(day1.travelKm).toBe(24);
    const day1Times = result.sessions.filter((s) => s.date === day1.date).map((s) => [s.startTime, s.endTime]);
    expect(day1Times).toEqual([
      ["09:00", "10:00"],
      ["11:15", "12:15"],
      ["13:30", "14:30"],
    ]);
    // D's two shows back to back in its hall: 09:00–10:00, get-out and get-in, 11:00–12:00, on one day.
    expect(sessionsAt(result, "D").map((s) => [s.date, s.startTime, s.expectedPupils])).toEqual([
      [sessionsAt(result, "D")[0].date, "09:00", 100],
      [sessionsAt(result, "D")[0].date, "11:00", 100],
    ]);
    expect(breachesOf(input, result)).toEqual([]);
  });

  test("a school too far for the day's clock gets a day of its own", () => {
    // Two one-show schools 200 km apart (200 minutes' drive at 60 km/h): A 09:00–10:00, get-out 10:30, drive to
    // 13:50, get-in to 14:20, show to 15:20 > 15:15. They cannot share a day, so 2 team-days, though 2 shows fit one.
    const input = planInput({
      ...WEEK,
      teams: [team("t", { base: null })],
      schools: [school("A", 0, 0, 100), school("B", 200_000, 0, 100)],
    });
    const result = planTour(input);
    expect(result.figures.teamDaysUsed).toBe(2);
    expect(result.figures.travelKm).toBe(0); // no base, and each day has a single venue
    expect(breachesOf(input, result)).toEqual([]);
  });

  test("a school needing more shows than a day holds is split over days, and the bound sees it", () => {
    // 600 pupils at 120 a show: 5 shows; 3 a day, so 3 on one day and 2 on another (a visit is never split further).
    // Both visits have more than half a day's shows, so they cannot share a day with each other: 2 days, bound 2.
    const input = planInput({ ...WEEK, teams: [team("t")], schools: [school("BIG", 1000, 0, 600)] });
    const result = planTour(input);
    const dates = sessionsAt(result, "BIG").map((s) => s.date);
    expect(dates).toHaveLength(5);
    expect(new Set(dates).size).toBe(2);
    expect(result.figures).toMatchObject({ teamDaysUsed: 2, lowerBoundTeamDays: 2, pupilsPlanned: 600 });
    expect(breachesOf(input, result)).toEqual([]);
  });

  test("a week with a bank holiday: four open days for five one-show schools at one a day", () => {
    // Monday 3 May 2027 is the early May bank holiday; the team does one show a day, so only four of the five
    // schools fit: the fifth has no term day left, and the week is named as the reason.
    const from = "2027-05-03";
    const to = "2027-05-07";
    const holiday = { "2027-05-03": { kind: "BANK_HOLIDAY" as const, reason: "Early May bank holiday" } };
    const input = planInput({
      from,
      to,
      teams: [team("t", { sessionsPerDay: 1 })],
      schools: ["A", "B", "C", "D", "E"].map((id, i) => school(id, 1000 * i, 0, 100, { closedDates: holiday })),
    });
    const result = planTour(input);
    expect(result.sessions).toHaveLength(4);
    expect(result.sessions.map((s) => s.date).sort()).toEqual(["2027-05-04", "2027-05-05", "2027-05-06", "2027-05-07"]);
    expect(result.unplaced).toHaveLength(1);
    expect(result.unplaced[0].reason).toBe("NO_TERM_DAY_LEFT");
    expect(result.figures.lowerBoundTeamDays).toBe(4);
    expect(result.figures.lowerBoundReasons.join(" ")).toContain("can only happen in the week of 3 May 2027");
    expect(result.figures.suggestions.join(" ")).toContain("Another team working like Team t would add about 5 team-days");
    expect(breachesOf(input, result)).toEqual([]);
  });

  test("across the October clock change, 09:00 is 08:00 UTC before it and 09:00 UTC after", () => {
    // Clocks go back on Sunday 25 October 2026. School A is open only on Friday 23 October (BST), B only on Monday
    // 2 November (GMT); the half term between is closed to both.
    const from = "2026-10-23";
    const to = "2026-11-02";
    const closedExcept = (open: string) =>
      Object.fromEntries(
        ["2026-10-23", "2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30", "2026-11-02"]
          .filter((d) => d !== open)
          .map((d) => [d, { kind: "HALF_TERM" as const, reason: "Half term" }]),
      );
    const input = planInput({
      from,
      to,
      teams: [team("t")],
      schools: [
        school("A", 0, 0, 100, { closedDates: closedExcept("2026-10-23") }),
        school("B", 1000, 0, 100, { closedDates: closedExcept("2026-11-02") }),
      ],
    });
    const result = planTour(input);
    expect(sessionsAt(result, "A")).toMatchObject([{ date: "2026-10-23", startTime: "09:00", startsAt: "2026-10-23T08:00:00.000Z" }]);
    expect(sessionsAt(result, "B")).toMatchObject([{ date: "2026-11-02", startTime: "09:00", startsAt: "2026-11-02T09:00:00.000Z" }]);
    expect(breachesOf(input, result)).toEqual([]);
  });
});

describe("planTour explains every school it cannot place", () => {
  test("each reason, with a human detail", () => {
    const allWeek = Object.fromEntries(
      ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13"].map((d) => [
        d,
        { kind: "OUTSIDE_TERM" as const, reason: "Holiday" },
      ]),
    );
    const fridayOnly = Object.fromEntries(
      ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12"].map((d) => [d, { kind: "CLOSURE" as const, reason: "Building works" }]),
    );
    const input = planInput({
      ...WEEK,
      teams: [team("t", { workingWeekdays: [1, 2, 3, 4] })],
      schools: [
        school("OK", 1000, 0, 100),
        school("HOLIDAY", 2000, 0, 100, { closedDates: allWeek }),
        school("FRIDAY", 3000, 0, 100, { closedDates: fridayOnly }),
        school("SHORT-DAY", 4000, 0, 100, { dayStart: "09:00", dayEnd: "09:45" }),
        { ...school("NOWHERE", 0, 0, 100), location: null },
      ],
    });
    const result = planTour(input);
    const reasons = Object.fromEntries(result.unplaced.map((u) => [u.venueId, u.reason]));
    expect(reasons).toEqual({
      HOLIDAY: "OUTSIDE_DATE_RANGE",
      FRIDAY: "CLOSED_ON_EVERY_FREE_DAY",
      "SHORT-DAY": "CAPACITY",
      NOWHERE: "NO_LOCATION",
    });
    for (const u of result.unplaced) expect(u.detail.length).toBeGreaterThan(20);
    expect(result.sessions.map((s) => s.venueId)).toEqual(["OK"]);
  });

  test("a pupil target: the most pupils per show first, the rest left as TARGET_MET", () => {
    // Target 200. X gives 120 pupils in one show, Y 110 in one, Z 90 in one: X then Y reach 230 ≥ 200; Z is not needed.
    const input = planInput({
      ...WEEK,
      target: { kind: "PUPILS", pupils: 200 },
      teams: [team("t")],
      schools: [school("Z", 1000, 0, 90), school("X", 2000, 0, 120), school("Y", 3000, 0, 110)],
    });
    const result = planTour(input);
    expect(result.sessions.map((s) => s.venueId).sort()).toEqual(["X", "Y"]);
    expect(result.unplaced).toMatchObject([{ venueId: "Z", reason: "TARGET_MET" }]);
    expect(result.figures).toMatchObject({ pupilsPlanned: 230, targetPupils: 200, shortfallPupils: 0, suggestions: [] });
  });

  test("a target out of reach says by how much and what would reach it", () => {
    // One team, Monday to Thursday, 1 show a day, one week: at most 4 shows of 120 = 480 pupils against 1,000.
    const input = planInput({
      ...WEEK,
      target: { kind: "PUPILS", pupils: 1000 },
      teams: [team("t", { sessionsPerDay: 1, workingWeekdays: [1, 2, 3, 4] })],
      schools: ["A", "B", "C", "D", "E", "F"].map((id, i) => school(id, 1000 * i, 0, 120)),
    });
    const result = planTour(input);
    expect(result.figures.pupilsPlanned).toBe(480);
    expect(result.figures.shortfallPupils).toBe(520);
    const text = result.figures.suggestions.join(" | ");
    expect(text).toContain("about 5 more team-days"); // 520 / 120 pupils a team-day
    expect(text).toContain("Another team working like Team t would add about 4 team-days");
    expect(text).toContain("Working Fridays too adds 1 team-days");
    expect(text).toContain("Extending to 11 Dec 2026 adds up to 16 team-days"); // four more Monday–Thursday weeks
  });
});

describe("planTour keeps what is already decided", () => {
  test("existing sessions count and block; pinned sessions stay; removed dates and the past are respected", () => {
    const input = planInput({
      ...WEEK,
      now: "2026-11-10T10:00:00.000Z", // Tuesday 10:00: Monday has passed, Tuesday's morning too
      teams: [team("t", { sessionsPerDay: 2 })],
      schools: [school("DONE", 1000, 0, 100), school("PIN", 2000, 0, 100), school("GONE", 3000, 0, 100), school("LATE", 4000, 0, 100)],
      existing: [
        {
          id: "e1",
          programmeId: "prog",
          teamId: "t",
          venueId: "DONE",
          startsAt: "2026-11-12T09:00:00.000Z",
          endsAt: "2026-11-12T10:00:00.000Z",
          getInMinutes: 30,
          getOutMinutes: 30,
          expectedPupils: 95,
        },
      ],
      pinned: [{ venueId: "PIN", teamId: "t", date: "2026-11-13", startTime: "13:00" }],
      removed: ["2026-11-10", "2026-11-11", "2026-11-12"].map((date) => ({ venueId: "GONE", date })),
    });
    const result = planTour(input);
    expect(sessionsAt(result, "DONE")).toEqual([]);
    expect(result.figures.pupilsExisting).toBe(95);
    expect(sessionsAt(result, "PIN")).toMatchObject([{ date: "2026-11-13", startTime: "13:00", pinned: true }]);
    expect(sessionsAt(result, "GONE").map((s) => s.date)).toEqual(["2026-11-13"]);
    for (const s of result.sessions) expect(new Date(s.startsAt).getTime()).toBeGreaterThan(Date.parse(input.now));
    expect(result.unplaced).toEqual([]);
    expect(breachesOf(input, result)).toEqual([]);
  });

  test("a pin the judge now refuses is dropped with its rule, and the school is planned afresh", () => {
    const input = planInput({
      ...WEEK,
      teams: [team("t")],
      schools: [school("A", 1000, 0, 100, { closedDates: { "2026-11-11": { kind: "INSET", reason: "INSET day" } } })],
      pinned: [{ venueId: "A", teamId: "t", date: "2026-11-11", startTime: "10:00" }],
    });
    const result = planTour(input);
    expect(result.rejectedPins).toEqual([{ pin: input.pinned[0], rules: ["VENUE_CLOSED"] }]);
    expect(result.sessions).toHaveLength(1);
    expect(result.sessions[0].date).not.toBe("2026-11-11");
  });

  test("progress is reported and a stop request returns the best so far", () => {
    const input = planInput({ ...WEEK, teams: [team("t")], schools: [school("A", 1000, 0, 100), school("B", 2000, 0, 100)] });
    const phases: string[] = [];
    const result = planTour(input, { onProgress: (p) => phases.push(p.phase), shouldStop: () => true });
    expect(phases[0]).toBe("preparing");
    expect(phases[phases.length - 1]).toBe("done");
    expect(result.sessions).toEqual([]); // stopped before placing anything: nothing half-made
    expect(result.figures.teamDaysUsed).toBe(0);
    expect(result.unplaced.map((u) => u.detail)).toEqual([
      "Planning was stopped before this school was placed: plan again to place it.",
      "Planning was stopped before this school was placed: plan again to place it.",
    ]);
  });
});
