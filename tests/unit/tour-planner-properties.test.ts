import { describe, expect, test } from "vitest";
import { generateInstance } from "~/models/tour-planner/generate";
import { performancesNeeded } from "~/models/tour-planner/model";
import { seededRandom } from "~/models/tour-planner/random";
import { planTour } from "~/models/tour-planner/solve";
import type { PlanInput } from "~/models/tour-planner/types";
import { addDays } from "~/utils/time";
import { breachesOf } from "./tour-planner-fixtures";

/** Fifty small random instances: a borough's geography, two to three weeks of a term, one or two teams. */
function instances(): PlanInput[] {
  const random = seededRandom(15);
  return Array.from({ length: 50 }, (_, n) => {
    const from = addDays("2026-09-14", 7 * Math.floor(random() * 10)); // some weeks span the half term and clock change
    const input = generateInstance({
      seed: 1000 + n,
      size: "borough",
      schools: 4 + Math.floor(random() * 9),
      teams: 1 + Math.floor(random() * 2),
      sessionsPerDay: 1 + Math.floor(random() * 3),
      from,
      to: addDays(from, 11 + Math.floor(random() * 10)),
    });
    if (random() < 0.3) input.target = { kind: "PUPILS", pupils: 200 + Math.floor(random() * 800) };
    if (random() < 0.3) {
      // An existing session of the first team at the first school, on the first Wednesday, counts and blocks.
      const date = addDays(from, 2);
      input.existing.push({
        id: "existing-1",
        programmeId: input.programme.id,
        teamId: input.teams[0].id,
        venueId: input.schools[0].venueId,
        startsAt: `${date}T10:00:00.000Z`,
        endsAt: `${date}T11:00:00.000Z`,
        getInMinutes: 45,
        getOutMinutes: 30,
        expectedPupils: 100,
      });
    }
    return input;
  });
}

describe("planTour on random instances", () => {
  const cases = instances().map((input, i) => ({ i, input, result: planTour(input) }));

  test("every planned session passes the slot judge against the rest of the diary", () => {
    for (const { input, result } of cases) expect(breachesOf(input, result)).toEqual([]);
    expect(cases.reduce((n, c) => n + c.result.sessions.length, 0)).toBeGreaterThan(200);
  });

  test("no school has more shows than its cohort needs, and no team more than its sessions a day", () => {
    for (const { input, result } of cases) {
      for (const school of input.schools) {
        const planned = result.sessions.filter((s) => s.venueId === school.venueId).length;
        const existing = input.existing.filter((e) => e.venueId === school.venueId).length;
        expect(planned + existing).toBeLessThanOrEqual(Math.max(existing, performancesNeeded(input, school)));
      }
      const perTeamDay = new Map<string, number>();
      for (const s of result.sessions) perTeamDay.set(`${s.teamId}|${s.date}`, (perTeamDay.get(`${s.teamId}|${s.date}`) ?? 0) + 1);
      for (const e of input.existing) {
        const key = `${e.teamId}|${e.startsAt.slice(0, 10)}`;
        if (perTeamDay.has(key)) perTeamDay.set(key, perTeamDay.get(key)! + 1);
      }
      for (const [key, n] of perTeamDay) {
        const team = input.teams.find((t) => t.id === key.split("|")[0])!;
        expect(n).toBeLessThanOrEqual(team.sessionsPerDay);
      }
    }
  });

  test("a school's shows are back to back on one day unless they cannot fit one", () => {
    for (const { input, result } of cases) {
      const perDay = Math.max(...input.teams.map((t) => t.sessionsPerDay));
      for (const school of input.schools) {
        const dates = new Set(result.sessions.filter((s) => s.venueId === school.venueId).map((s) => s.date));
        const shows = result.sessions.filter((s) => s.venueId === school.venueId).length;
        expect(dates.size).toBeLessThanOrEqual(Math.ceil(shows / Math.min(perDay, 3)));
      }
    }
  });

  test("the plan never uses fewer team-days than the proven lower bound", () => {
    for (const { result } of cases) {
      expect(result.figures.teamDaysUsed).toBeGreaterThanOrEqual(result.figures.lowerBoundTeamDays);
      expect(result.figures.teamDaysUsed).toBe(new Set(result.sessions.map((s) => `${s.teamId}|${s.date}`)).size);
    }
  });

  test("every school is planned, already visited, or listed with a reason", () => {
    for (const { input, result } of cases) {
      const listed = new Set(result.unplaced.map((u) => u.venueId));
      for (const school of input.schools) {
        const planned = result.sessions.some((s) => s.venueId === school.venueId);
        const visited = input.existing.some((e) => e.venueId === school.venueId);
        expect(planned || visited || listed.has(school.venueId)).toBe(true);
      }
    }
  });

  test("the same input gives the same plan", () => {
    for (const { input, result } of cases.slice(0, 20)) expect(planTour(structuredClone(input))).toEqual(result);
  });
});
