import { describe, expect, test } from "vitest";
import { planView } from "~/models/tour-planner/plan-view";
import { planTour } from "~/models/tour-planner/solve";
import { planInput, school, team } from "./tour-planner-fixtures";

describe("a plan's page view", () => {
  // Two schools of one performance each, 10 km apart, one team: one day, base → A → B → base.
  const input = planInput({
    from: "2026-11-09",
    to: "2026-11-09",
    schools: [school("A", 10_000, 0, 100), { ...school("B", 10_000, 10_000, 100), name: "St Mary's <School>" }],
    teams: [team("t1", { sessionsPerDay: 2 })],
  });
  const result = planTour(input);
  const view = planView(input, result);

  test("lists each team's days with the sessions in visiting order and the names of the schools", () => {
    expect(result.sessions).toHaveLength(2);
    expect(view.days).toHaveLength(1);
    expect(view.days[0]).toMatchObject({ teamName: "Team t1", date: "2026-11-09" });
    const starts = view.days[0].stops.map((s) => s.startTime);
    expect(starts).toEqual([...starts].sort());
    expect(view.days[0].stops.map((s) => s.name).sort()).toEqual(["School A", "St Mary's <School>"]);
  });

  test("draws the tour and each day as accessible SVG, with the same stops as table data and names escaped", () => {
    expect(view.tour.svg).toContain('aria-labelledby="map-tour-title map-tour-desc"');
    expect(view.tour.svg).toContain(`<desc id="map-tour-desc">${view.tour.description}</desc>`);
    expect(view.tour.description).toMatch(/^1 team-day visiting 2 schools; [\d.]+ km of travel$/);
    expect(view.tour.svg).toContain("St Mary&apos;s &lt;School&gt;");
    expect(view.tour.svg).not.toContain("<School>");
    expect(view.dayMaps).toHaveLength(1);
    expect(view.dayMaps[0].title).toBe("Team t1, 2026-11-09: route");
    expect(view.dayMaps[0].svg).toContain(`<title id="map-day-1-title">Team t1, 2026-11-09: route</title>`);
    expect(view.dayMaps[0].description).toMatch(/^2 sessions at .+; [\d.]+ km of travel$/);
    expect(view.dayMaps[0].days).toEqual([view.days[0]]);
  });
});
