// Server-side form schemas for the attendance, register and refresher pages.
import { z } from "zod";
import { checkboxValues, withoutControlCharacters } from "~/utils/form-fields";
import { countFieldName, SEX_COLUMNS, yearGroupLabel, YEAR_GROUPS } from "~/utils/attendance";
import { RECORD_ID } from "~/utils/record-id";

const MAX = 100_000;

/** An optional count: blank is "not recorded", 0 is a real count, anything else must be a whole number. */
const requiredCount = (what: string, missing = `Enter ${what}, 0 or more`) =>
  z
    .string({ error: missing })
    .trim()
    .regex(/^\d+$/, `Enter ${what} as a whole number, 0 or more`)
    .transform(Number)
    .pipe(z.number().max(MAX, `Enter ${what} as ${MAX.toLocaleString("en-GB")} or fewer`));
const count = (what: string) => requiredCount(what).optional();

const COUNT_FIELDS = YEAR_GROUPS.flatMap((yearGroup) =>
  SEX_COLUMNS.map(({ sex, label }) => ({
    yearGroup,
    sex,
    name: countFieldName(yearGroup, sex),
    what: `the number of ${label.toLowerCase()} in ${yearGroupLabel(yearGroup)}`,
  })),
);
const KNOWN = new Set(COUNT_FIELDS.map((f) => f.name));

const confirm = z.literal("yes", { error: "Select the box to confirm" }).optional();

export const pupilCountsSchema = z
  .looseObject({
    intent: z.literal("pupils"),
    adultsPresent: count("the number of adults present"),
    confirmOverCapacity: confirm,
    ...Object.fromEntries(COUNT_FIELDS.map((f) => [f.name, count(f.what)])),
  })
  .superRefine((value, ctx) => {
    const unknown = Object.keys(value).filter((key) => key.startsWith("count-") && !KNOWN.has(key));
    if (unknown.length) ctx.addIssue({ code: "custom", path: [], message: "Record pupils in Year 5 to Year 13 only" });
  })
  .transform((value) => {
    const fields = value as Record<string, unknown>;
    return {
      counts: COUNT_FIELDS.filter((f) => typeof fields[f.name] === "number").map((f) => ({
        yearGroup: f.yearGroup,
        sex: f.sex,
        count: fields[f.name] as number,
      })),
      adultsPresent: value.adultsPresent ?? null,
      confirmOverCapacity: value.confirmOverCapacity === "yes",
    };
  });

export const headcountSchema = z
  .object({
    intent: z.literal("headcount"),
    headcount: requiredCount("the number of people", "Enter the number of people who came, 0 or more"),
    adultsPresent: count("the number of adults present"),
    conversations: count("the number of conversations held"),
    leafletsGiven: count("the number of leaflets given"),
    confirmOverCapacity: confirm,
  })
  .transform((v) => ({
    headcount: v.headcount,
    adultsPresent: v.adultsPresent ?? null,
    conversations: v.conversations ?? null,
    leafletsGiven: v.leafletsGiven ?? null,
    confirmOverCapacity: v.confirmOverCapacity === "yes",
  }));

const id = z
  .string({ error: "Something is missing. Reload the page and try again" })
  .trim()
  .regex(RECORD_ID, "Something is wrong with the form. Reload the page and try again");
// Control characters (NUL above all, which PostgreSQL refuses) never belong in a filter.
const filterText = (max: number) => z.string().trim().max(max).transform(withoutControlCharacters).optional().catch(undefined);

/** Register marks arrive as `status-<entryId>` = ATTENDED | ABSENT; rows left blank are not changed. */
export const markSchema = z
  .looseObject({ intent: z.literal("mark") })
  .superRefine((value, ctx) => {
    for (const [key, status] of Object.entries(value)) {
      if (key.startsWith("status-") && status !== "ATTENDED" && status !== "ABSENT") {
        ctx.addIssue({ code: "custom", path: [], message: "Select attended or absent for each person" });
        return;
      }
    }
  })
  .transform((value) => ({
    marks: Object.entries(value)
      .filter(([key]) => key.startsWith("status-") && key.length > 7 && key.length < 120)
      .map(([key, status]) => ({ entryId: key.slice(7), status: status as "ATTENDED" | "ABSENT" })),
  }));

const text = (max: number, message: string) => z.string().trim().max(max, message).optional();

export const newPersonSchema = z.object({
  intent: z.literal("new"),
  name: z
    .string({ error: "Enter the person's full name" })
    .trim()
    .min(1, "Enter the person's full name")
    .max(200, "Name must be 200 characters or fewer"),
  email: z
    .string()
    .trim()
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }))
    .optional(),
  organisation: text(200, "Organisation must be 200 characters or fewer"),
  jobRole: text(200, "Job role must be 200 characters or fewer"),
  licenceNumber: text(40, "Licence number must be 40 characters or fewer"),
  licensingAuthority: text(200, "Licensing authority must be 200 characters or fewer"),
  operatorId: z.string().trim().regex(RECORD_ID, "Select a taxi operator from the list").optional(),
});

export const existingPersonSchema = z.object({ intent: z.literal("existing"), personId: id });

export const removeEntrySchema = z.object({ intent: z.literal("remove"), entryId: id });
export const emailCertificateSchema = z.object({ intent: z.literal("email-certificate"), certificateId: id });

export const importSchema = z.object({
  rows: z.string().max(200_000, "Paste 500 rows at most").optional(),
  importValidRows: z.literal("yes").optional(),
});

export const refresherFiltersSchema = z.object({
  within: z.coerce.number().int().min(0).max(3660).catch(90),
  organisation: filterText(200),
  operator: filterText(100),
  programme: filterText(100),
});

export const inviteSchema = z.object({
  sessionId: z
    .string({ error: "Choose the session to invite them to" })
    .trim()
    .min(1, "Choose the session to invite them to")
    .regex(RECORD_ID, "Choose a session from the list"),
  personIds: checkboxValues(
    z
      .array(z.string().trim().regex(RECORD_ID, "Select people from the list"))
      .min(1, "Select at least one person")
      .max(500, "Select 500 people at most"),
  ),
});
