// Report filters arrive in the URL of a GET: anything unusable is dropped here, and the model says what it ignored.
import { z } from "zod";
import { withoutControlCharacters } from "~/utils/form-fields";

const queryValue = (max: number) => z.string().trim().max(max).transform(withoutControlCharacters).optional().catch(undefined);

export const reportQuerySchema = z.object({
  period: queryValue(20),
  quarter: queryValue(10),
  fromDay: queryValue(4),
  fromMonth: queryValue(4),
  fromYear: queryValue(6),
  toDay: queryValue(4),
  toMonth: queryValue(4),
  toYear: queryValue(6),
  programme: queryValue(100),
});

export const coverageQuerySchema = reportQuerySchema.extend({ show: queryValue(20) });

/** `?year=2026` for the quarterly report: absent means the current financial year; anything else must be a year. */
export const quarterlyQuerySchema = z.object({ year: z.string().trim().max(10).optional().catch("invalid") });

/** `?kind=academic|financial&year=2026&version=staff|public` for the annual review; anything else falls back. */
export const annualQuerySchema = z.object({
  kind: z.enum(["academic", "financial"]).optional().catch(undefined),
  year: z.string().trim().max(10).optional().catch("invalid"),
  version: z.enum(["staff", "public"]).optional().catch(undefined),
});
