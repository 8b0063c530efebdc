import { describe, expect, it } from "vitest";
import { disclosureRateChart, pupilsByMonthChart, schoolsCoveredChart } from "~/models/report-charts";
import { barChartSvg, cumulative, linearScale, niceMax, ticks } from "~/utils/charts";
import { SUPPRESSED, WITHHELD } from "~/utils/suppression";

const bars = (svg: string) => [...svg.matchAll(/<rect class="app-chart__bar" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g)];
const labels = (svg: string) => [...svg.matchAll(/<text class="app-chart__label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe("chart scales", () => {
  it("end the axis on 1, 2 or 5 times a power of ten", () => {
    expect([niceMax(0), niceMax(3), niceMax(10), niceMax(11), niceMax(4000), niceMax(4001), niceMax(0.7)]).toEqual([
      1, 5, 10, 20, 5000, 5000, 1,
    ]);
    expect(ticks(5000)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(ticks(2)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(ticks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("map 0 to the bottom and the maximum to the top", () => {
    const y = linearScale(200, 280, 16);
    expect([y(0), y(100), y(200)]).toEqual([280, 148, 16]);
  });

  it("add up running totals", () => {
    expect(cumulative([3, 0, 4])).toEqual([3, 3, 7]);
  });
});

describe("bar chart SVG", () => {
  const svg = barChartSvg({
    id: "c1",
    title: "Pupils & <schools>",
    description: "Two quarters",
    categories: ["Q1", "Q2", "Q3"],
    series: [{ name: "Pupils", values: [100, 50, SUPPRESSED] }],
    lines: [{ name: "So far", values: [100, 150, null] }],
    references: [{ name: "Target", value: 400 }],
  });

  it("is an image named by its title and description, with text escaped", () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Pupils &amp; &lt;schools&gt;</title>');
    expect(svg).toContain('<desc id="c1-desc">Two quarters</desc>');
    expect(svg).not.toContain("<script");
  });

  it("draws bars to scale with their values as labels, and never draws a suppressed value", () => {
    // Axis 0–500 over y 280 (bottom) to 16 (top): 264 px, so 100 is 52.8 px tall and 50 is 26.4 px.
    expect(bars(svg).map((m) => Number(m[2]))).toEqual([52.8, 26.4]);
    expect(labels(svg)).toEqual(["100", "50", SUPPRESSED]);
    expect(svg).toContain('fill="url(#c1-pattern-0)"');
  });

  it("draws the line through the known points, and the target with its label", () => {
    expect(svg).toMatch(/<polyline class="app-chart__line" points="[\d.]+,227.2 [\d.]+,200.8"/);
    expect(svg).toContain('class="app-chart__reference" x1="56" x2="508" y1="68.8" y2="68.8"');
    expect(svg).toContain(">Target: 400<");
    expect(svg).toContain(">So far: 150<");
  });

  it("gives small counts a whole-number axis from 0 to 5", () => {
    const svg = barChartSvg({ id: "s", title: "t", description: "d", categories: ["A"], series: [{ name: "One", values: [0] }] });
    expect([...svg.matchAll(/text-anchor="end" fill="#0b0c0c">([^<]*)</g)].map((m) => m[1])).toEqual(["0", "1", "2", "3", "4", "5"]);
  });

  it("tells series apart by pattern, with a legend naming each", () => {
    const grouped = barChartSvg({
      id: "g",
      title: "t",
      description: "d",
      categories: ["A"],
      series: [
        { name: "One", values: [1] },
        { name: "Two", values: [2] },
      ],
    });
    expect(grouped).toContain('<pattern id="g-pattern-0"');
    expect(grouped).toContain('<pattern id="g-pattern-1"');
    expect(grouped).toContain(">One</text>");
    expect(grouped).toContain(">Two</text>");
  });
});

describe("the reports' charts", () => {
  it("pupils per month: the cumulative line and the target", () => {
    const spec = pupilsByMonthChart({
      months: [
        { month: "2026-09", pupils: 120 },
        { month: "2026-10", pupils: 80 },
      ],
      target: { value: 4000 },
    });
    expect(spec.categories).toEqual(["Sep 26", "Oct 26"]);
    expect(spec.lines![0].values).toEqual([120, 200]);
    expect(spec.description).toBe(
      "Bars: pupils reached in each month. Line: pupils reached so far, 200 in all. Dashed line: the target of 4,000.",
    );
  });

  it("schools: covered, booked and neither, out of all in the area", () => {
    expect(schoolsCoveredChart({ schoolsCovered: 12, schoolsBooked: 3, schoolsInArea: 31 }).series[0].values).toEqual([12, 3, 16]);
  });

  it("disclosure rate: a withheld quarter is never drawn or labelled as a number", () => {
    const spec = disclosureRateChart({
      label: "2026-27",
      columns: ["Q1", "Q2", "Q3", "Q4", "Year to date"].map((label) => ({ key: label, label })),
      rows: [{ key: "per-thousand", cells: ["3.3", WITHHELD, "not enough pupils", "0.0", "1.2"] }],
    });
    expect(spec.series[0].values).toEqual([3.3, WITHHELD, "not enough pupils", 0]);
    const svg = barChartSvg(spec);
    expect(bars(svg)).toHaveLength(2);
    expect(labels(svg)).toEqual(["3.3", WITHHELD, "not enough pupils", "0"]);
  });
});
