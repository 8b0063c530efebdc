import { addMonths, isDateOnly } from "./time";

/**
 * The one rule for when a trained person is due a refresher: the London date of the session they last
 * attended plus the programme's refresher period in calendar months. Month ends clamp (31 January + 1 month
 * is 28 February, or 29 in a leap year); 29 February + 12 months is 28 February.
 */
export function refresherDueDate(attendedOn: string, refresherMonths: number): string {
  if (!isDateOnly(attendedOn)) throw new RangeError(`Not a date: ${attendedOn}`);
  if (!Number.isInteger(refresherMonths) || refresherMonths < 1) throw new RangeError(`Not a refresher period: ${refresherMonths}`);
  return addMonths(attendedOn, refresherMonths);
}
