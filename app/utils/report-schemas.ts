// Report filters arrive in the URL of a GET: anything unusable is dropped here, and the model says what it ignored.
import { z } from "zod";
import { withoutControlCharacters } from "./form-fields";

const queryText = (max: number) => z.string().trim().max(max).transform(withoutControlCharacters).optional().catch(undefined);

export const reportQuerySchema = z.object({
  period: queryText(20),
  quarter: queryText(10),
  fromDay: queryText(4),
  fromMonth: queryText(4),
  fromYear: queryText(6),
  toDay: queryText(4),
  toMonth: queryText(4),
  toYear: queryText(6),
  programme: queryText(100),
});

export const coverageQuerySchema = reportQuerySchema.extend({ show: queryText(20) });

/** `?year=2026` for the quarterly report: absent means the current financial year; anything else must be a year. */
export const quarterlyQuerySchema = z.object({ year: z.string().trim().max(10).optional().catch("invalid") });
