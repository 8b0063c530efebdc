import { describe, expect, test } from "vitest";
import { mapOfDays, renderMapSvg } from "~/models/tour-planner/svg-map";
import { school, team } from "./tour-planner-fixtures";

describe("tour maps", () => {
  const schools = [
    school("A", 10_000, 0, 100),
    school("B", 10_000, 10_000, 100),
    { ...school("C", 0, 0, 100), name: "St Mary's & All Saints" },
  ];
  const teams = [team("t1"), team("t2", { base: { easting: 0, northing: 10_000 } })];
  const days = [
    { teamId: "t1", date: "2026-11-09", venueIds: ["A", "B"], travelKm: 34.1, travelMinutes: 34 },
    { teamId: "t2", date: "2026-11-09", venueIds: ["C"], travelKm: 20, travelMinutes: 20 },
  ];

  test("scales the grid to the box with north up, and draws each day's route from base and back in order", () => {
    const map = mapOfDays(days, schools, teams);
    // The points span 10 km both ways: 592 px across (640 less 24 px padding each side), so 0.0592 px a metre.
    expect(map.viewBox).toBe("0 0 640 640");
    const a = map.points.find((p) => p.venueId === "A")!;
    const b = map.points.find((p) => p.venueId === "B")!;
    expect([a.x, a.y]).toEqual([616, 616]); // south-east corner
    expect([b.x, b.y]).toEqual([616, 24]); // north-east corner
    expect(map.routes[0]).toMatchObject({ teamId: "t1", path: "M24 616 L616 616 L616 24 L24 616", dash: "" });
    expect(map.routes[1]).toMatchObject({ teamId: "t2", path: "M24 24 L24 616 L24 24", dash: "8 4" });
    expect(map.points.filter((p) => p.kind === "base").map((p) => p.label)).toEqual(["Team t1 base", "Team t2 base"]);
  });

  test("renders an accessible SVG with a title, a description and escaped labels", () => {
    const svg = renderMapSvg(mapOfDays(days, schools, teams), { id: "tour", title: "The whole tour", description: "2 team-days, 54 km" });
    expect(svg).toContain('role="img" aria-labelledby="tour-title tour-desc"');
    expect(svg).toContain('<title id="tour-title">The whole tour</title><desc id="tour-desc">2 team-days, 54 km</desc>');
    expect(svg).toContain("St Mary&apos;s &amp; All Saints");
    expect(svg).toContain('stroke-dasharray="8 4"');
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  test("an empty tour is an empty map, not an error", () => {
    expect(mapOfDays([], schools, teams)).toMatchObject({ points: [], routes: [] });
  });
});
