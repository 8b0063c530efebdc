// Targets the council sets for the programme: what is counted, the number, and the period.
import { z } from "zod";
import { choice, datePartsShape, optionalText, recordId, takeDate } from "~/utils/form-fields";
import { check } from "./reference.server";
import { TARGET_METRICS } from "~/utils/target-metrics";
import { addDays, addMonths } from "~/utils/time";
import { TARGET_MAX_MONTHS, TARGET_MAX_VALUE } from "./targets";

const valueMessage = `The target must be a whole number between 1 and ${TARGET_MAX_VALUE.toLocaleString("en-GB")}`;
/** "4,000" and "4000" are both fine: people type numbers the way they read them. */
const targetValue = z
  .string({ error: "Enter the target number" })
  .trim()
  .min(1, { error: "Enter the target number" })
  .transform((v) => v.replace(/[,\s]/g, ""))
  .refine((v) => /^\d{1,7}$/.test(v) && Number(v) >= 1 && Number(v) <= TARGET_MAX_VALUE, { error: valueMessage })
  .transform(Number);

export const targetSchema = z
  .object({
    metric: z.string().max(50).optional(),
    programmeId: z.string().max(200).optional(),
    value: z.string().max(50).optional(),
    ...datePartsShape("from"),
    ...datePartsShape("to"),
    note: z.string().optional(),
  })
  .transform((v, ctx) => {
    const metric = check(ctx, "metric", choice(TARGET_METRICS, "Select what the target counts"), v.metric);
    const programmeId =
      v.programmeId === undefined ? undefined : check(ctx, "programmeId", recordId("Select a programme from the list"), v.programmeId);
    const value = check(ctx, "value", targetValue, v.value ?? "");
    const fromDate = takeDate(v, ctx, "from", "the start date");
    const toDate = takeDate(v, ctx, "to", "the end date");
    const note = check(ctx, "note", optionalText("note", 500), v.note);
    if (fromDate && toDate && toDate < fromDate)
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be the same as or after the start date" });
    else if (fromDate && toDate && toDate > addDays(addMonths(fromDate, TARGET_MAX_MONTHS), -1)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The period must be 2 years or shorter" });
    }
    return {
      metric: metric ?? "PUPILS_REACHED",
      programmeId: programmeId ?? null,
      value: value ?? 0,
      fromDate: fromDate ?? "",
      toDate: toDate ?? "",
      note: note ?? null,
    };
  });
export type TargetInput = z.output<typeof targetSchema>;

export const deleteTargetSchema = z.object({ confirm: choice(["yes", "no"], "Select yes if you want to delete this target") });
