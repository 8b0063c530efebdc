// The forecast sentence beside each target, written from figures the database counted (targets.server.ts).
import type { TargetMetric } from "./target-metrics";
import { formatDate } from "./time";

export type Forecast = {
  metric: TargetMetric;
  value: number; // the target
  toDate: string; // the target's last day
  expected: number; // delivered + booked + expected where no count is recorded yet
  schoolsNotBooked: number; // schools in the area neither covered nor booked in the target's period
  perSession: number | null; // the programme's capacity per session, when it has one
};

const NOUNS: Record<TargetMetric, string> = {
  PUPILS_REACHED: "pupils",
  SCHOOLS_COVERED: "schools",
  SESSIONS_DELIVERED: "sessions",
  PEOPLE_TRAINED: "people trained",
};

const n = (value: number) => value.toLocaleString("en-GB");
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

/** How many more sessions would close the gap: the gap itself for a sessions target, else by the programme's capacity. */
export function sessionsNeeded(f: Pick<Forecast, "metric" | "value" | "expected" | "perSession">): number | null {
  const gap = f.value - f.expected;
  if (gap <= 0) return 0;
  if (f.metric === "SESSIONS_DELIVERED") return gap;
  if (f.metric === "SCHOOLS_COVERED") return gap; // one visit covers one school
  return f.perSession ? Math.ceil(gap / f.perSession) : null;
}

/** "With the sessions booked, 3,650 of 4,000 pupils by 22 July 2027; 2 schools not yet booked; about 4 more sessions needed." */
export function forecastSentence(f: Forecast): string {
  const parts = [`With the sessions booked, ${n(f.expected)} of ${n(f.value)} ${NOUNS[f.metric]} by ${formatDate(f.toDate)}`];
  if (f.metric === "PUPILS_REACHED" || f.metric === "SCHOOLS_COVERED")
    parts.push(`${plural(f.schoolsNotBooked, "school", "schools")} not yet booked`);
  const needed = sessionsNeeded(f);
  if (needed === 0) parts.push("the target will be met");
  else if (needed !== null) parts.push(`about ${plural(needed, "more session", "more sessions")} needed`);
  else parts.push("the programme has no capacity set, so the sessions needed cannot be estimated");
  return `${parts.join("; ")}.`;
}
