// The reports' charts, built from the figures the reports model already returns (never counted again here).
import { cumulative, type BarChartSpec, type ChartValue } from "~/utils/charts";
import { PROGRAMME_KIND_LABELS, PROGRAMME_KINDS } from "~/forms/reference";

const n = (value: number) => value.toLocaleString("en-GB");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;

export function pupilsByMonthChart(monthly: {
  months: { month: string; pupils: number | null }[];
  target: { value: number } | null;
}): BarChartSpec {
  // Months not yet started have no bar and the running total stops at the last month that has begun.
  const running = cumulative(monthly.months.flatMap((m) => (m.pupils === null ? [] : [m.pupils])));
  const total = running.at(-1) ?? 0;
  return {
    id: "chart-pupils-by-month",
    title: "Pupils reached per month",
    description:
      `Bars: pupils reached in each month. Line: pupils reached so far, ${n(total)} in all.` +
      (monthly.target ? ` Dashed line: the target of ${n(monthly.target.value)}.` : " No pupils target covers this period."),
    categories: monthly.months.map((m) => monthLabel(m.month)),
    series: [{ name: "Pupils in the month", values: monthly.months.map((m) => m.pupils) }],
    lines: [{ name: "Pupils so far", values: monthly.months.map((_, i) => running[i] ?? null) }],
    references: monthly.target ? [{ name: "Target", value: monthly.target.value }] : [],
  };
}

export function schoolsCoveredChart(f: { schoolsCovered: number; schoolsBooked: number; schoolsInArea: number }): BarChartSpec {
  const notBooked = f.schoolsInArea - f.schoolsCovered - f.schoolsBooked;
  return {
    id: "chart-schools",
    title: "Schools and colleges covered",
    description: `${n(f.schoolsCovered)} of the ${n(f.schoolsInArea)} open secondary schools and colleges in the area covered; ${n(f.schoolsBooked)} more booked; ${n(notBooked)} neither.`,
    categories: ["Covered", "Booked, not yet covered", "Not covered or booked"],
    series: [{ name: "Schools and colleges", values: [f.schoolsCovered, f.schoolsBooked, notBooked] }],
    references: [{ name: "All in the area", value: f.schoolsInArea }],
  };
}

export function trainedChart(t: {
  staffBriefed: number;
  driversTrained: number;
  peopleTrained: number;
  refreshersDue: number;
}): BarChartSpec {
  return {
    id: "chart-trained",
    title: "People trained and people due a refresher",
    description: `${n(t.peopleTrained)} people trained in the period (${n(t.staffBriefed)} staff briefed, ${n(t.driversTrained)} drivers trained); ${n(t.refreshersDue)} due a refresher today or overdue.`,
    categories: ["People trained", "Staff briefed", "Drivers trained", "Due a refresher"],
    series: [{ name: "People", values: [t.peopleTrained, t.staffBriefed, t.driversTrained, t.refreshersDue] }],
  };
}

type QuarterlyLike = { label: string; columns: { key: string; label: string }[]; rows: { key: string; cells: (number | string)[] }[] };
const quarterCells = (report: QuarterlyLike, key: string) => report.rows.find((r) => r.key === key)?.cells.slice(0, 4) ?? [];

export function sessionsByKindChart(report: QuarterlyLike): BarChartSpec {
  return {
    id: "chart-sessions-by-kind",
    title: `Sessions delivered by kind, ${report.label}`,
    description: "Sessions delivered in each quarter, one bar for each kind of programme.",
    categories: report.columns.slice(0, 4).map((c) => c.label),
    series: PROGRAMME_KINDS.map((kind) => ({ name: PROGRAMME_KIND_LABELS[kind], values: quarterCells(report, `sessions-${kind}`) })),
  };
}

/** A rate as the report shows it ("3.3", "withheld", "not enough pupils"): a number is drawn, text never is. */
const rateValue = (cell: number | string): ChartValue => (typeof cell === "string" && /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell);

export function disclosureRateChart(report: QuarterlyLike): BarChartSpec {
  const cells = quarterCells(report, "per-thousand").map(rateValue);
  return {
    id: "chart-disclosure-rate",
    title: `Disclosures per 1,000 pupils reached, ${report.label}`,
    description:
      "Disclosures at sessions for pupils per 1,000 pupils reached, by quarter. A quarter whose rate is withheld to protect children has no bar.",
    categories: report.columns.slice(0, 4).map((c) => c.label),
    series: [{ name: "Disclosures per 1,000 pupils", values: cells }],
  };
}

export function licensedDriversChart(d: { licensed: number; trained: number; untrained: number; renewingUntrained: number }): BarChartSpec {
  return {
    id: "chart-licensed-drivers",
    title: "Licensed taxi and private-hire drivers trained",
    description: `${n(d.trained)} of the ${n(d.licensed)} drivers on the council's licensing register have attended driver training; ${n(d.untrained)} have not, ${n(d.renewingUntrained)} of them with a licence renewing in the next 90 days.`,
    categories: ["Trained", "Not trained", "Not trained, renewing within 90 days"],
    series: [{ name: "Licensed drivers", values: [d.trained, d.untrained, d.renewingUntrained] }],
    references: [{ name: "All licensed drivers", value: d.licensed }],
  };
}
