// Zod field builders for GOV.UK forms (Conform coerces "12" → 12, "" → undefined, "on" → true).
import { z } from "zod";
import { normalisePostcode } from "./postcode";
import { dateFromParts, isDateOnly, isTimeOfDay } from "./time";
import { RECORD_ID } from "./record-id";

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Search text without control characters (NUL and friends are dropped, not an error, in searches and filters). */
export const withoutControlCharacters = (value: string) => value.replace(/[\u0000-\u001f\u007f]/g, "");

/** Required text: "Enter the programme name"; at most `max` characters. */
export function requiredText(what: string, max = 200, label = what) {
  const missing = `Enter ${what}`;
  return z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `${capitalise(label)} must be ${max} characters or fewer` })
    .refine((v) => !CONTROL.test(v), { error: `${capitalise(label)} must not contain control characters` });
}

/** Optional text (absent or blank → undefined). */
export function optionalText(label: string, max = 200) {
  return z
    .string()
    .trim()
    .max(max, { error: `${capitalise(label)} must be ${max} characters or fewer` })
    .refine((v) => !CONTROL.test(v.replace(/\r?\n/g, "")), { error: `${capitalise(label)} must not contain control characters` })
    .optional();
}

/**
 * The id of a record chosen in the form (a hidden field, radio or checkbox value). Anything that cannot be an id is a
 * validation error, never a query: PostgreSQL refuses a NUL byte with an error.
 */
export function recordId(message: string) {
  return z.string({ error: message }).trim().regex(RECORD_ID, { error: message });
}

/** Checkbox values (none → [], one → [it], several → all) checked by `items`, an array schema with its own messages. */
export function checkboxValues<T extends z.ZodType>(items: T) {
  return z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), items);
}

/** A whole number in [min, max]. */
export function wholeNumber(label: string, min: number, max: number) {
  const message = `${capitalise(label)} must be a whole number between ${min} and ${max}`;
  return z
    .number({ error: message })
    .min(min, { error: message })
    .max(max, { error: message })
    .refine(Number.isInteger, { error: message });
}

/** A time of day on the 24-hour clock ("9:30" or "09.30" → "09:30"). */
export function timeOfDay(label: string) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .transform((v) => v.replace(".", ":").replace(/^(\d):/, "0$1:"))
    .refine(isTimeOfDay, { error: `Enter ${label} in the 24-hour clock, like 09:00 or 15:15` });
}

/** A UK postcode, normalised to "NF1 3QA". */
export function postcodeField(label = "postcode") {
  return z
    .string({ error: `Enter a ${label}` })
    .trim()
    .transform((v, ctx) => {
      const postcode = normalisePostcode(v);
      if (!postcode) {
        ctx.addIssue({ code: "custom", message: `Enter a real ${label}, like NF1 3QA` });
        return z.NEVER;
      }
      return postcode;
    });
}

/** A choice from a fixed list. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message });
}

/** An optional email address. */
export const optionalEmail = z
  .string()
  .trim()
  .max(254, { error: "Email address must be 254 characters or fewer" })
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }))
  .optional();

/** An optional UK phone number: digits, spaces, brackets, + and -. */
export const optionalPhone = z
  .string()
  .trim()
  .max(30, { error: "Phone number must be 30 characters or fewer" })
  .regex(/^\+?[0-9 ()-]{6,}$/, { error: "Enter a phone number, like 01632 960 001" })
  .optional();

/** The three text fields of a GOV.UK date input named `${prefix}Day`, `${prefix}Month`, `${prefix}Year`. */
export function datePartsShape<P extends string>(prefix: P) {
  const part = z.string().max(10).optional();
  return { [`${prefix}Day`]: part, [`${prefix}Month`]: part, [`${prefix}Year`]: part } as Record<
    `${P}Day` | `${P}Month` | `${P}Year`,
    typeof part
  >;
}

/**
 * In an object schema's transform: read a date input into "YYYY-MM-DD", or report a GOV.UK message against
 * `prefix` (link the summary to `${prefix}-day`). Returns undefined when missing (allowed if optional) or invalid.
 */
export function takeDate(
  values: Record<string, unknown>,
  ctx: z.RefinementCtx,
  prefix: string,
  label: string,
  optional = false,
): string | undefined {
  const day = String(values[`${prefix}Day`] ?? "").trim();
  const month = String(values[`${prefix}Month`] ?? "").trim();
  const year = String(values[`${prefix}Year`] ?? "").trim();
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", path: [prefix], message });
    return undefined;
  };
  if (!day && !month && !year) return optional ? undefined : fail(`Enter ${label}`);
  if (!day || !month || !year) return fail(`${capitalise(label)} must include a day, month and year`);
  return dateFromParts(day, month, year) ?? fail(`${capitalise(label)} must be a real date`);
}

/** A "YYYY-MM-DD" text field (CSV imports, hidden fields). */
export const isoDate = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .refine(isDateOnly, { error: `${capitalise(label)} must be a real date in the format YYYY-MM-DD` });

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
