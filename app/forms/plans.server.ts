// The tour planner's forms: asking for a plan, and changing a version (pin or remove a session, leave out a date).
import { z } from "zod";
import { checkboxValues, datePartsShape, isoDate, recordId, takeDate, timeOfDay, wholeNumber } from "~/utils/form-fields";
import { WEEKDAYS } from "./reference";
import { dateFromParts, daysBetween, isDateOnly } from "~/utils/time";
import { MAX_PLAN_DAYS } from "./plans";

/** "2027-05-03, 4/5/2027" (commas, spaces or new lines between): each a real date, or the first one that is not. */
function parseDateList(text: string): { dates: string[] } | { bad: string } {
  const dates: string[] = [];
  for (const item of text.split(/[\s,;]+/).filter(Boolean)) {
    const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(item);
    const date = dmy ? dateFromParts(dmy[1], dmy[2], dmy[3]) : isDateOnly(item) ? item : null;
    if (!date) return { bad: item };
    dates.push(date);
  }
  return { dates: [...new Set(dates)].sort() };
}

export const planRequestSchema = z
  .object({
    programmeId: recordId("Select the programme"),
    teamIds: checkboxValues(z.array(recordId("Select teams from the list")).min(1, { error: "Select at least one team" }).max(20)),
    ...datePartsShape("from"),
    ...datePartsShape("to"),
    venueIds: checkboxValues(z.array(recordId("Select schools from the list")).min(1, { error: "Select at least one school" }).max(5000)),
    targetKind: z.enum(["EVERY_SCHOOL", "PUPILS"], { error: "Select the target" }),
    targetPupils: wholeNumber("the target", 1, 1_000_000).optional(),
    sessionsPerDay: wholeNumber("sessions a day", 1, 10),
    dayStart: timeOfDay("the time the school day starts"),
    dayEnd: timeOfDay("the time the school day ends"),
    workingWeekdays: checkboxValues(
      z.array(z.enum(WEEKDAYS, { error: "Select days from the list" })).min(1, { error: "Select at least one working day" }),
    ),
    excludedDates: z.string().max(4000, { error: "Dates to leave out must be 4,000 characters or fewer" }).optional(),
  })
  .transform((v, ctx) => {
    const from = takeDate(v, ctx, "from", "the first day of the plan");
    const to = takeDate(v, ctx, "to", "the last day of the plan");
    if (from && to && to < from) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day must be on or after the first day" });
    else if (from && to && daysBetween(from, to) > MAX_PLAN_DAYS)
      ctx.addIssue({ code: "custom", path: ["to"], message: `A plan can cover at most ${MAX_PLAN_DAYS} days` });
    if (v.targetKind === "PUPILS" && v.targetPupils === undefined)
      ctx.addIssue({ code: "custom", path: ["targetPupils"], message: "Enter the number of pupils to reach" });
    if (v.dayStart >= v.dayEnd) ctx.addIssue({ code: "custom", path: ["dayEnd"], message: "The school day must end after it starts" });
    const excluded = parseDateList(v.excludedDates ?? "");
    if ("bad" in excluded)
      ctx.addIssue({
        code: "custom",
        path: ["excludedDates"],
        message: `“${excluded.bad.slice(0, 20)}” is not a date: write dates like 4/5/2027`,
      });
    return {
      programmeId: v.programmeId,
      teamIds: [...new Set(v.teamIds)],
      from: from ?? "",
      to: to ?? "",
      venueIds: [...new Set(v.venueIds)],
      target: v.targetKind === "PUPILS" ? { kind: "PUPILS" as const, pupils: v.targetPupils ?? 0 } : { kind: "EVERY_SCHOOL" as const },
      sessionsPerDay: v.sessionsPerDay,
      dayStart: v.dayStart,
      dayEnd: v.dayEnd,
      workingWeekdays: [...new Set(v.workingWeekdays)].map(Number).sort(),
      excludedDates: "dates" in excluded ? excluded.dates : [],
    };
  });
export type PlanRequestForm = z.output<typeof planRequestSchema>;

// A plan version's actions: cancel, book, invite all, and changes that make a new version.
const versionId = recordId("Choose a version");
const planTime = z.string().regex(/^\d{2}:\d{2}$/, { error: "Choose a session from the plan" });
export const planVersionActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("cancel"), versionId }),
    z.object({ intent: z.literal("book"), versionId }),
    z.object({ intent: z.literal("invite-all"), versionId }),
    z.object({
      intent: z.literal("pin"),
      versionId,
      venueId: recordId("Choose a session"),
      teamId: recordId("Choose a session"),
      date: isoDate("the date"),
      startTime: planTime,
    }),
    z.object({ intent: z.literal("remove"), versionId, venueId: recordId("Choose a session"), date: isoDate("the date") }),
    z.object({ intent: z.literal("leave-out"), versionId, date: isoDate("the date") }),
  ],
  { error: "Choose an action" },
);
