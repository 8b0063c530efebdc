// How a target is doing, in plain words. Pure, so the rules are tested at every edge of the period.
import { daysBetween } from "./time";

export const TARGET_STATUSES = ["Achieved", "On track", "At risk", "Not started", "Ended – not met"] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const TARGET_STATUS_COLOURS = {
  Achieved: "green",
  "On track": "blue",
  "At risk": "red",
  "Not started": "grey",
  "Ended – not met": "grey",
} as const satisfies Record<TargetStatus, string>;

export type StatusInput = {
  value: number;
  achieved: number;
  /** Booked but not yet delivered, for metrics that have a pipeline (pupils, schools); 0 otherwise. */
  booked: number;
  fromDate: string;
  toDate: string;
  /** Today in London, "YYYY-MM-DD". */
  today: string;
};

/** The share of the period already behind us: 0 on the first day, (n-1)/n on the last (today is still to run). */
export function elapsedFraction(fromDate: string, toDate: string, today: string): number {
  const length = daysBetween(fromDate, toDate) + 1;
  const done = Math.min(Math.max(daysBetween(fromDate, today), 0), length);
  return done / length;
}

export function targetStatus({ value, achieved, booked, fromDate, toDate, today }: StatusInput): TargetStatus {
  if (today < fromDate) return "Not started";
  if (achieved >= value) return "Achieved";
  if (today > toDate) return "Ended – not met";
  if (achieved + booked >= value) return "On track";
  if (achieved / value >= elapsedFraction(fromDate, toDate, today)) return "On track";
  return "At risk";
}

/** Whole percent achieved, rounded; a target not yet met never reads as 100%. */
export function percentOf(achieved: number, value: number): number {
  if (value <= 0) return 0;
  const percent = Math.round((achieved / value) * 100);
  return achieved < value ? Math.min(percent, 99) : percent;
}
