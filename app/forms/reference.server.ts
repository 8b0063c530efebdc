// Form schemas for reference data: programmes, teams, venues, contacts, academic years, terms, closures.
import { z } from "zod";
import {
  checkboxValues,
  choice,
  datePartsShape,
  optionalEmail,
  optionalPhone,
  optionalText,
  postcodeField,
  requiredText,
  takeDate,
  timeOfDay,
  wholeNumber,
  withoutControlCharacters,
} from "~/utils/form-fields";
import { isTimeOfDay } from "~/utils/time";
import { AUDIENCE_TYPES, CLOSURE_REASONS, PROGRAMME_KINDS, TERM_NAMES, VENUE_KINDS, VENUE_SORTS, WEEKDAYS, YEAR_GROUPS } from "./reference";

/** Run whole-form checks even when a field failed, so the error summary lists every problem at once. */
const EVERY_TIME = { when: () => true };

/** Validate one field inside a transform, reporting its issues against the field. */
export function check<T extends z.ZodType>(ctx: z.RefinementCtx, path: string, schema: T, value: unknown): z.output<T> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: [path], message: issue.message });
  return undefined;
}

const list = <T extends z.ZodType>(item: T) => checkboxValues(z.array(item));

/** British National Grid metres (the range covers Great Britain), as GIAS publishes them: both or neither. */
function requireBoth(
  ctx: z.RefinementCtx,
  a: { name: string; value: unknown; label: string },
  b: { name: string; value: unknown; label: string },
) {
  if (a.value !== undefined && b.value === undefined)
    ctx.addIssue({ code: "custom", path: [b.name], message: `Enter the ${b.label} as well as the ${a.label}` });
  if (b.value !== undefined && a.value === undefined)
    ctx.addIssue({ code: "custom", path: [a.name], message: `Enter the ${a.label} as well as the ${b.label}` });
}

export const programmeSchema = z
  .object({
    name: requiredText("the programme name", 150, "programme name"),
    kind: choice(PROGRAMME_KINDS, "Select the kind of programme"),
    provider: optionalText("provider", 150),
    audienceType: choice(AUDIENCE_TYPES, "Select the intended audience"),
    yearGroups: list(choice(YEAR_GROUPS, "Select year groups from the list")),
    description: optionalText("description", 2000),
    defaultDurationMinutes: wholeNumber("default duration", 5, 720),
    capacity: wholeNumber("capacity per session", 1, 5000).optional(),
    getInMinutes: wholeNumber("get-in time", 0, 480).optional(),
    getOutMinutes: wholeNumber("get-out time", 0, 480).optional(),
    refresherMonths: wholeNumber("refresher period", 1, 120).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.audienceType === "PUPILS" && Array.isArray(v.yearGroups) && v.yearGroups.length === 0)
      ctx.addIssue({ code: "custom", path: ["yearGroups"], message: "Select the year groups the programme is for" });
    if (v.audienceType !== "PUPILS" && Array.isArray(v.yearGroups) && v.yearGroups.length > 0)
      ctx.addIssue({ code: "custom", path: ["yearGroups"], message: "Year groups are only for programmes for pupils" });
  }, EVERY_TIME);
export type ProgrammeInput = z.output<typeof programmeSchema>;

export const teamSchema = z
  .object({
    name: requiredText("the team name", 150, "team name"),
    provider: optionalText("provider", 150),
    sessionsPerDay: wholeNumber("sessions per day", 1, 6),
    workingWeekdays: list(choice(WEEKDAYS, "Select days from the list")).refine((v) => v.length > 0, {
      error: "Select the days the team works",
    }),
    basePostcode: postcodeField("base postcode").optional(),
    baseEasting: wholeNumber("easting", 0, 700_000).optional(),
    baseNorthing: wholeNumber("northing", 0, 1_300_000).optional(),
    memberIds: list(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "Select members from the list" })),
  })
  .superRefine((v, ctx) => {
    requireBoth(
      ctx,
      { name: "baseEasting", value: v.baseEasting, label: "easting" },
      { name: "baseNorthing", value: v.baseNorthing, label: "northing" },
    );
  }, EVERY_TIME);
export type TeamInput = z.output<typeof teamSchema>;

export const venueSchema = z
  .object({
    kind: choice(VENUE_KINDS, "Select the kind of venue"),
    name: requiredText("the venue name", 200, "venue name"),
    addressLine1: optionalText("address line 1", 200),
    addressLine2: optionalText("address line 2", 200),
    town: optionalText("town or city", 100),
    postcode: postcodeField(),
    phone: optionalPhone,
    urn: z
      .string()
      .trim()
      .regex(/^\d{5,7}$/, { error: "URN must be 5 to 7 digits, like 990101" })
      .optional(),
    phase: optionalText("phase", 60),
    statutoryLowAge: wholeNumber("lowest age", 2, 25).optional(),
    statutoryHighAge: wholeNumber("highest age", 2, 25).optional(),
    numberOnRoll: wholeNumber("number on roll", 0, 20000).optional(),
    year10Count: wholeNumber("Year 10 count", 0, 2000).optional(),
    laCode: z
      .string()
      .trim()
      .regex(/^\d{3}$/, { error: "LA code must be 3 digits, like 353" })
      .optional(),
    accessibilityNotes: optionalText("accessibility notes", 2000),
    hallCapacity: wholeNumber("capacity of the largest room or hall", 1, 20000).optional(),
    easting: wholeNumber("easting", 0, 700_000).optional(),
    northing: wholeNumber("northing", 0, 1_300_000).optional(),
    cohort: wholeNumber("pupils in the programme's year group", 0, 20000).optional(),
    dayStart: timeOfDay("the time the school day starts").optional(),
    dayEnd: timeOfDay("the time the school day ends").optional(),
  })
  .superRefine((v, ctx) => {
    requireBoth(ctx, { name: "easting", value: v.easting, label: "easting" }, { name: "northing", value: v.northing, label: "northing" });
    requireBoth(
      ctx,
      { name: "dayStart", value: v.dayStart, label: "time the school day starts" },
      { name: "dayEnd", value: v.dayEnd, label: "time the school day ends" },
    );
    // The checks run even when a field failed, so compare only two well-formed times.
    if (v.dayStart && v.dayEnd && isTimeOfDay(v.dayStart) && isTimeOfDay(v.dayEnd) && v.dayStart >= v.dayEnd)
      ctx.addIssue({ code: "custom", path: ["dayEnd"], message: "The school day must end after it starts" });
    if (typeof v.statutoryLowAge === "number" && typeof v.statutoryHighAge === "number" && v.statutoryHighAge < v.statutoryLowAge) {
      ctx.addIssue({ code: "custom", path: ["statutoryHighAge"], message: "Highest age must be the same as or more than the lowest age" });
    }
  }, EVERY_TIME);
export type VenueInput = z.output<typeof venueSchema>;

export const contactSchema = z
  .object({
    name: requiredText("the contact's name", 150, "name"),
    role: optionalText("role", 100),
    email: optionalEmail,
    phone: optionalPhone,
    isPrimary: z.boolean().optional().default(false),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: "custom", path: ["email"], message: "Enter an email address or a phone number" });
  }, EVERY_TIME);
export type ContactInput = z.output<typeof contactSchema>;

const yearName = z
  .string({ error: "Enter the academic year, like 2026/27" })
  .trim()
  .regex(/^\d{4}\/\d{2}$/, { error: "Enter the academic year in the format 2026/27" })
  .refine((v) => (Number(v.slice(0, 4)) + 1) % 100 === Number(v.slice(5)), {
    error: "The academic year must span two consecutive years, like 2026/27",
  });

export const academicYearSchema = z
  .object({ name: z.string().max(20).optional(), ...datePartsShape("start"), ...datePartsShape("end") })
  .transform((v, ctx) => {
    const name = check(ctx, "name", yearName, v.name);
    const startDate = takeDate(v, ctx, "start", "the start date");
    const endDate = takeDate(v, ctx, "end", "the end date");
    if (startDate && endDate && endDate <= startDate)
      ctx.addIssue({ code: "custom", path: ["end"], message: "The end date must be after the start date" });
    return { name: name ?? "", startDate: startDate ?? "", endDate: endDate ?? "" };
  });
export type AcademicYearInput = z.output<typeof academicYearSchema>;

export const termSchema = z
  .object({
    name: z.string().max(20).optional(),
    ...datePartsShape("start"),
    ...datePartsShape("end"),
    ...datePartsShape("halfTermStart"),
    ...datePartsShape("halfTermEnd"),
  })
  .transform((v, ctx) => {
    const name = check(ctx, "name", choice(TERM_NAMES, "Select the term"), v.name);
    const startDate = takeDate(v, ctx, "start", "the first day of term");
    const endDate = takeDate(v, ctx, "end", "the last day of term");
    const halfTermStart = takeDate(v, ctx, "halfTermStart", "the first day of half-term", true);
    const halfTermEnd = takeDate(v, ctx, "halfTermEnd", "the last day of half-term", true);
    if (startDate && endDate && endDate < startDate)
      ctx.addIssue({ code: "custom", path: ["end"], message: "The last day of term must be on or after the first day" });
    if (!!halfTermStart !== !!halfTermEnd) {
      ctx.addIssue({
        code: "custom",
        path: [halfTermStart ? "halfTermEnd" : "halfTermStart"],
        message: "Enter both half-term dates, or neither",
      });
    }
    if (halfTermStart && halfTermEnd && halfTermEnd < halfTermStart)
      ctx.addIssue({ code: "custom", path: ["halfTermEnd"], message: "The last day of half-term must be on or after the first day" });
    if (startDate && endDate && halfTermStart && halfTermEnd && (halfTermStart < startDate || halfTermEnd > endDate)) {
      ctx.addIssue({ code: "custom", path: ["halfTermStart"], message: "Half-term must fall within the term" });
    }
    return {
      name: name ?? "Autumn",
      startDate: startDate ?? "",
      endDate: endDate ?? "",
      halfTermStart: halfTermStart ?? null,
      halfTermEnd: halfTermEnd ?? null,
    };
  });
export type TermInput = z.output<typeof termSchema>;

export const closureSchema = z
  .object({
    reason: z.string().max(20).optional(),
    note: optionalText("note", 200),
    ...datePartsShape("start"),
    ...datePartsShape("end"),
  })
  .transform((v, ctx) => {
    const reason = check(ctx, "reason", choice(CLOSURE_REASONS, "Select why the venue cannot be visited"), v.reason);
    const startDate = takeDate(v, ctx, "start", "the first day");
    const endDate = takeDate(v, ctx, "end", "the last day", true) ?? startDate;
    if (startDate && endDate && endDate < startDate)
      ctx.addIssue({ code: "custom", path: ["end"], message: "The last day must be on or after the first day" });
    return { reason: reason ?? "OTHER", note: v.note, startDate: startDate ?? "", endDate: endDate ?? "" };
  });
export type ClosureInput = z.output<typeof closureSchema>;

// Removing or restoring a venue.
export const venueActionSchema = z.object({ intent: z.enum(["remove", "restore"], { error: "Choose an action" }) });

// A venue contact's page posts either a change or its removal.
export const contactIntentSchema = z.object({ intent: z.enum(["update", "remove"], { error: "Choose an action" }) }).loose();

// A term's page posts either a change or its removal.
export const termIntentSchema = z.object({ intent: z.enum(["update", "delete"], { error: "Choose an action" }) }).loose();

// The venue list's filters (a GET form): anything unrecognised is ignored, never an error.
export const venueFiltersSchema = z.object({
  q: z
    .string()
    .transform((v) => withoutControlCharacters(v).trim().slice(0, 100) || undefined)
    .optional()
    .catch(undefined),
  kind: z.enum(VENUE_KINDS).optional().catch(undefined),
  status: z.enum(["OPEN", "CLOSED", "ARCHIVED"]).optional().catch(undefined),
  laCode: z
    .string()
    .regex(/^\d{3}$/)
    .optional()
    .catch(undefined),
  sort: z.enum(VENUE_SORTS).optional().catch(undefined),
});

// Confirming the removal of a closure.
export const removeClosureSchema = z.object({ intent: z.literal("remove", { error: "Confirm that you want to remove the closure" }) });

// Archiving or restoring a programme.
export const programmeActionSchema = z.object({ intent: z.enum(["archive", "restore"], { error: "Choose archive or restore" }) });

// A venue's own term: the academic year it belongs to (the dates are termSchema's).
export const termYearSchema = z
  .object({
    academicYearId: z.string({ error: "Select the academic year" }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "Select the academic year" }),
  })
  .loose();

// Importing schools from GIAS: the local authority and whether special schools come too.
export const schoolImportSchema = z.object({
  laCode: z
    .string({ error: "Enter the local authority code" })
    .trim()
    .regex(/^\d{3}$/, { error: "Local authority code must be 3 digits, like 353" }),
  includeSpecial: z.boolean().optional().default(false),
});
