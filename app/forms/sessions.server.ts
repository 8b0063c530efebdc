import { z } from "zod";
import { checkboxValues, optionalText, recordId } from "~/utils/form-fields";
import { dateFromParts, isTimeOfDay } from "~/utils/time";
import { SEARCH_WEEKS, YEAR_GROUPS } from "./sessions";
import { RECORD_ID } from "~/utils/record-id";

// Form fields shared by the booking and move forms (GOV.UK error wording). Times are 24-hour London wall-clock.
// Anything that cannot be an id is refused here, never queried (PostgreSQL refuses a NUL byte with an error).
const id = (what: string) =>
  z
    .string({ error: `Select ${what}` })
    .trim()
    .min(1, { error: `Select ${what}` })
    .regex(RECORD_ID, { error: `Select ${what} from the list` });

const timeField = (which: "start" | "end") =>
  z
    .string({ error: `Enter the ${which} time` })
    .trim()
    .transform((v) => v.replace(".", ":").replace(/^(\d):/, "0$1:"))
    .refine(isTimeOfDay, { error: `Enter the ${which} time in the 24-hour clock, like 09:30 or 14:15` });

const count = (label: string) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int({ error: `${label} must be a whole number` })
    .min(1, { error: `${label} must be 1 or more` })
    .max(5000, { error: `${label} must be 5,000 or fewer` })
    .optional();

/** Day, month and year inputs named dateDay/dateMonth/dateYear become one "YYYY-MM-DD" `date`. */
const withDate = <S extends z.ZodType>(schema: S) =>
  z.preprocess((raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const r = raw as Record<string, unknown>;
    const parts = [r.dateDay, r.dateMonth, r.dateYear].map((p) => (typeof p === "string" ? p.trim() : ""));
    const date = parts.every((p) => p === "") ? undefined : (dateFromParts(parts[0], parts[1], parts[2]) ?? "not-a-date");
    return { ...r, date };
  }, schema);

const dateField = z
  .string({ error: "Enter the date of the session" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "The date must be a real date, like 17 3 2027" });

/** Who comes and what the venue and the office should know: set at booking, changed on the details page. */
const detailsFields = {
  yearGroups: checkboxValues(z.array(z.enum(YEAR_GROUPS, { error: "Select year groups from the list" }))),
  expectedPupils: count("Expected pupils"),
  expectedAdults: count("Expected adults"),
  venueNotes: optionalText("Notes for the venue", 2000),
  internalNotes: optionalText("Internal notes", 2000),
  capacityOverrideReason: optionalText("The reason", 500),
};

export const bookingSchema = withDate(
  z.object({
    programmeId: id("a programme"),
    venueId: id("a venue"),
    teamId: id("a team"),
    date: dateField,
    startTime: timeField("start"),
    endTime: timeField("end"),
    ...detailsFields,
    alreadyDelivered: z.literal("yes", { error: "Select the box only if the session was delivered" }).optional(),
  }),
);

const STALE_FORM = "This page is out of date. Open the session again and make your change";

/** `version` is the session's last change as the form saw it (milliseconds), so a later change is not overwritten. */
export const detailsSchema = z
  .object({ version: z.string().optional(), ...detailsFields })
  .superRefine((v, ctx) => {
    if (!v.version || !/^\d{1,15}$/.test(v.version)) ctx.addIssue({ code: "custom", message: STALE_FORM, path: [] });
  })
  .transform(({ version, ...rest }) => ({ ...rest, version: Number(version) }));

export const moveSchema = withDate(
  z.object({
    venueId: id("a venue"),
    teamId: id("a team"),
    date: dateField,
    startTime: timeField("start"),
    endTime: timeField("end"),
    reason: optionalText("The reason", 500),
    capacityOverrideReason: optionalText("The reason", 500),
  }),
);

/** The free-dates search (a GET form): what to book, where, with whom, from when, for how long and at what time. */
export const freeDatesSchema = withDate(
  z.object({
    programmeId: id("a programme"),
    venueId: id("a venue"),
    teamId: id("a team"),
    date: z
      .string({ error: "Enter the date to search from" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "The date must be a real date, like 17 3 2027" }),
    weeks: z.enum(SEARCH_WEEKS, { error: "Select how many weeks to search" }).transform(Number),
    startTime: timeField("start"),
    endTime: timeField("end"),
  }),
);

export const cancelSchema = z.object({
  reason: z
    .string({ error: "Enter why the session is cancelled" })
    .trim()
    .min(1, { error: "Enter why the session is cancelled" })
    .max(500, { error: "The reason must be 500 characters or fewer" }),
});

// Approving or rejecting an answer that came from a forwarded invitation.
export const heldReplyDecisionSchema = z.object({ intent: z.enum(["approve", "reject"], { error: "Choose approve or reject" }) });

// Accepting a venue's proposed time, or declining it with a note for the venue.
export const proposalDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({
    intent: z.literal("decline"),
    note: z
      .string({ error: "Enter a note for the venue" })
      .trim()
      .min(1, { error: "Enter a note for the venue" })
      .max(1000, { error: "The note must be 1000 characters or fewer" }),
  }),
]);

// Inviting a venue: which of its contacts get the invitation.
export const inviteContactsSchema = z.object({
  contactIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(recordId("Select the contacts from the list")).min(1, { error: "Select at least one contact to invite" }).max(20),
  ),
});
