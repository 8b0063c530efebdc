// zod schemas for the disclosure forms (GOV.UK error wording), turning form fields into model inputs.
import { z } from "zod";
import { checkboxValues, optionalText, recordId, requiredText } from "~/utils/form-fields";
import { dateFromParts, isDateOnly } from "~/utils/time";
import {
  AGE_BANDS,
  DISCLOSURE_STATUSES,
  REFERRAL_TARGETS,
  RISK_LEVELS,
  SEXES,
  UNLINKED_CONTEXTS,
  YEAR_GROUPS,
  type ReferralTarget,
} from "~/models/disclosure-options";

const list = <T extends z.ZodType>(item: T) => checkboxValues(z.array(item).max(50));
const id = recordId("Select an option from the list");

/** "9:30", "09.30" or "14:05" → "HH:mm". */
function normaliseTime(raw: string | undefined): string | null {
  const m = raw?.trim().match(/^(\d{1,2})[:.](\d{2})$/);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1].padStart(2, "0")}:${m[2]}`;
}

const dateParts = (prefix: string) => ({
  [`${prefix}Day`]: z.string().max(4).optional(),
  [`${prefix}Month`]: z.string().max(4).optional(),
  [`${prefix}Year`]: z.string().max(6).optional(),
  [`${prefix}Time`]: z.string().max(10).optional(),
});

type Parts = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
function dateAndTime(v: Parts, prefix: string, ctx: z.RefinementCtx, field: string, what: string) {
  const [day, month, year, time] = ["Day", "Month", "Year", "Time"].map((s) => str(v[`${prefix}${s}`]));
  if (!day && !month && !year) {
    ctx.addIssue({ code: "custom", path: [field], message: `Enter the date ${what}` });
    return null;
  }
  const date = dateFromParts(day ?? "", month ?? "", year ?? "");
  if (!date) {
    ctx.addIssue({ code: "custom", path: [field], message: `The date ${what} must be a real date` });
    return null;
  }
  const hhmm = normaliseTime(time);
  if (!hhmm) {
    ctx.addIssue({ code: "custom", path: [field], message: `Enter the time ${what}, like 14:30` });
    return null;
  }
  return { date, time: hhmm };
}

const referralFields = {
  referralTo: z.enum(["NONE", ...REFERRAL_TARGETS], { error: "Select who the disclosure was referred to, or 'No referral yet'" }),
  ...dateParts("referral"),
  referralReference: optionalText("Referral reference", 60),
};

function referralOf(v: Parts & { referralTo: string; referralReference?: string }, ctx: z.RefinementCtx) {
  if (v.referralTo === "NONE") return null;
  const when = dateAndTime(v, "referral", ctx, "referralAt", "of the referral");
  return when ? { to: v.referralTo as ReferralTarget, ...when, reference: v.referralReference } : null;
}

export const logDisclosureSchema = z
  .object({
    where: z
      .string({ error: "Select the session, or say the disclosure was not at a session" })
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "Select the session, or say the disclosure was not at a session" }),
    ...dateParts("disclosed"),
    supportWorkerName: optionalText("Support worker's name", 100),
    supportWorkerOrganisation: optionalText("Support worker's organisation", 100),
    yearGroup: z.enum(YEAR_GROUPS, { error: "Select a year group from the list" }).optional(),
    ageBand: z.enum(AGE_BANDS, { error: "Select an age band from the list" }).optional(),
    sex: z.enum(SEXES, { error: "Select an option from the list" }).optional(),
    attendsVenueSchool: z.enum(["YES", "NO", "UNKNOWN"], { error: "Select whether the young person attends this school" }),
    categoryIds: list(id).pipe(z.array(id).min(1, { error: "Select at least one concern category" })),
    risk: z.enum(RISK_LEVELS, { error: "Select the risk level" }),
    account: requiredText("what the young person said", 10_000),
    immediateAction: optionalText("What was done immediately", 5_000),
    ...referralFields,
  })
  // Cross-field checks run even when other fields failed, so the error summary lists every problem at once.
  .superRefine(
    (v: Parts, ctx) => {
      if (!str(v.yearGroup) && !str(v.ageBand))
        ctx.addIssue({ code: "custom", path: ["yearGroup"], message: "Select a year group or an age band" });
      dateAndTime(v, "disclosed", ctx, "disclosedAt", "of the disclosure");
      if (str(v.referralTo) && v.referralTo !== "NONE") dateAndTime(v, "referral", ctx, "referralAt", "of the referral");
    },
    { when: () => true },
  )
  .transform((v, ctx) => {
    const disclosed = dateAndTime(v, "disclosed", ctx, "disclosedAt", "of the disclosure");
    const referral = referralOf(v, ctx);
    const unlinked = (UNLINKED_CONTEXTS as readonly string[]).includes(v.where) ? (v.where as (typeof UNLINKED_CONTEXTS)[number]) : null;
    return {
      sessionId: unlinked ? null : v.where,
      unlinkedContext: unlinked,
      disclosedDate: disclosed?.date ?? "",
      disclosedTime: disclosed?.time ?? "",
      supportWorkerName: v.supportWorkerName,
      supportWorkerOrganisation: v.supportWorkerOrganisation,
      yearGroup: v.yearGroup,
      ageBand: v.ageBand,
      sex: v.sex,
      attendsVenueSchool: v.attendsVenueSchool === "UNKNOWN" ? null : v.attendsVenueSchool === "YES",
      categoryIds: v.categoryIds,
      risk: v.risk,
      account: v.account,
      immediateAction: v.immediateAction,
      referral,
    };
  });

const dateOnly = (prefix: string, field: string, what: string) => (v: Parts, ctx: z.RefinementCtx) => {
  const [day, month, year] = ["Day", "Month", "Year"].map((s) => str(v[`${prefix}${s}`]));
  const date = day || month || year ? dateFromParts(day ?? "", month ?? "", year ?? "") : null;
  if (!date)
    ctx.addIssue({
      code: "custom",
      path: [field],
      message: day || month || year ? `The ${what} must be a real date` : `Enter the ${what}`,
    });
  return date ?? "";
};

export const recordActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("addendum"),
    text: requiredText("the addendum", 10_000),
    reason: requiredText("the reason for the addendum", 300),
  }),
  z
    .object({
      intent: z.literal("update"),
      risk: z.enum(RISK_LEVELS, { error: "Select the risk level" }),
      status: z.enum(DISCLOSURE_STATUSES, { error: "Select the status" }),
      categoryIds: list(id).pipe(z.array(id).min(1, { error: "Select at least one concern category" })),
      legalHold: z.enum(["YES", "NO"], { error: "Select whether the record is on legal hold" }),
      ...referralFields,
    })
    .superRefine(
      (v: Parts, ctx) =>
        void (str(v.referralTo) && v.referralTo !== "NONE" && dateAndTime(v, "referral", ctx, "referralAt", "of the referral")),
      { when: () => true },
    )
    .transform((v, ctx) => ({
      intent: v.intent,
      risk: v.risk,
      status: v.status,
      categoryIds: v.categoryIds,
      legalHold: v.legalHold === "YES",
      referral: referralOf(v, ctx),
    })),
  z
    .object({
      intent: z.literal("action"),
      description: requiredText("what needs to be done", 500),
      ownerId: id.optional(),
      ...dateParts("due"),
    })
    .transform((v, ctx) => {
      if (!v.ownerId) ctx.addIssue({ code: "custom", path: ["ownerId"], message: "Select who owns the action" });
      return {
        intent: v.intent,
        description: v.description,
        ownerId: v.ownerId ?? "",
        dueDate: dateOnly("due", "dueDate", "due date")(v, ctx),
      };
    }),
  z
    .object({ intent: z.literal("complete"), actionId: id, outcome: requiredText("the outcome", 1_000), ...dateParts("done") })
    .transform((v, ctx) => ({
      intent: v.intent,
      actionId: v.actionId,
      outcome: v.outcome,
      doneDate: dateOnly("done", "doneDate", "date done")(v, ctx),
    })),
]);

export const listFiltersSchema = z.object({
  risk: z.enum(RISK_LEVELS).optional().catch(undefined),
  status: z.enum(DISCLOSURE_STATUSES).optional().catch(undefined),
  categoryId: id.optional().catch(undefined),
  programmeId: id.optional().catch(undefined),
  from: z.string().refine(isDateOnly).optional().catch(undefined),
  to: z.string().refine(isDateOnly).optional().catch(undefined),
  overdue: z.literal("yes").optional().catch(undefined),
});

export const settingsSchema = z.object({
  patterns: z.string().max(5_000, { error: "Patterns must be 5,000 characters or fewer" }).optional(),
  socialCareYears: z.coerce
    .number({ error: "Enter a whole number of years" })
    .int({ error: "Enter a whole number of years" })
    .min(1, { error: "Enter at least 1 year" })
    .max(100, { error: "Enter 100 years or fewer" }),
  otherYears: z.coerce
    .number({ error: "Enter a whole number of years" })
    .int({ error: "Enter a whole number of years" })
    .min(1, { error: "Enter at least 1 year" })
    .max(100, { error: "Enter 100 years or fewer" }),
});

export const categorySchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), label: requiredText("the name of the category", 80) }),
  z.object({ intent: z.enum(["archive", "restore"]), categoryId: id }),
]);

export const retentionDeleteSchema = z.object({
  reference: z
    .string({ error: "Enter the reference of the record to delete" })
    .trim()
    .min(1, { error: "Enter the reference of the record to delete" })
    .max(30, { error: "Enter a reference like D-2026-ABC234" }),
});
