// zod schemas for the evaluation forms: a questionnaire's questions, a session's window, pupils' answers, paper
// tallies and logging a free-text answer as a disclosure.
import { z } from "zod";
import { checkboxValues, choice, datePartsShape, optionalText, recordId, requiredText, takeDate } from "~/utils/form-fields";
import { RISK_LEVELS } from "~/models/disclosure-options";
import { DESIGNS, FREE_TEXT_MAX, MAX_CHOICES, QUESTION_KINDS, type QuestionKind } from "~/models/questionnaire-options";
import { check } from "./reference.server";
import { SLOTS } from "./questionnaires";

const slotShape = Object.fromEntries(
  SLOTS.flatMap((i) => [
    [`kind${i}`, z.string().max(20).optional()],
    [`text${i}`, z.string().max(1000).optional()],
    [`options${i}`, z.string().max(2000).optional()],
    [`measured${i}`, z.string().max(5).optional()],
  ]),
) as Record<string, z.ZodOptional<z.ZodString>>;

/** The questions form: up to 12 slots; a slot with no wording is left out. */
export const questionnaireSchema = z
  .object({ design: z.string().max(20).optional(), pairing: z.string().max(5).optional(), ...slotShape })
  .transform((input, ctx) => {
    const v = input as Record<string, string | undefined>;
    const design = check(ctx, "design", choice(DESIGNS, "Select how pupils answer the statements"), v.design);
    const questions: { kind: QuestionKind; text: string; options: string[]; measured: boolean }[] = [];
    for (const i of SLOTS) {
      const text = check(ctx, `text${i}`, optionalText(`question ${i}`, 300), v[`text${i}`]);
      if (!text) continue;
      const kind = check(ctx, `kind${i}`, choice(QUESTION_KINDS, `Select the type of question ${i}`), v[`kind${i}`]);
      const options = (v[`options${i}`] ?? "")
        .split(/\r?\n/)
        .map((o) => o.trim())
        .filter(Boolean);
      if (kind === "CHOICE" && (options.length < 2 || options.length > MAX_CHOICES || options.some((o) => o.length > 100)))
        ctx.addIssue({ code: "custom", path: [`options${i}`], message: `Enter 2 to ${MAX_CHOICES} choices for question ${i}, one a line` });
      const measured = v[`measured${i}`] === "yes";
      if (measured && kind && kind !== "AGREE_SCALE" && kind !== "YES_NO")
        ctx.addIssue({
          code: "custom",
          path: [`measured${i}`],
          message: `Only statements (agree or disagree, yes or no) can be asked before and after`,
        });
      if (kind) questions.push({ kind, text, options, measured });
    }
    if (!questions.length && !ctx.issues?.length) ctx.addIssue({ code: "custom", path: ["text1"], message: "Enter at least one question" });
    return { design: design ?? "BEFORE_AFTER", pairing: v.pairing === "yes", questions };
  });
export const runSchema = z
  .object({ ...datePartsShape("opensOn"), ...datePartsShape("closesOn"), collecting: z.string().max(10).optional() })
  .transform((v, ctx) => {
    const opensOn = takeDate(v, ctx, "opensOn", "the opening date");
    const closesOn = takeDate(v, ctx, "closesOn", "the closing date");
    const collecting = check(
      ctx,
      "collecting",
      choice(["BEFORE", "AFTER"], "Select which answers pupils are giving now"),
      v.collecting ?? "AFTER",
    );
    return { opensOn: opensOn ?? "", closesOn: closesOn ?? "", collecting: collecting ?? "AFTER" };
  });

/** A pupil's form as plain strings: names are short, values bounded (free text is checked again by the model). */
export const answersSchema = z.record(
  z.string().max(40, { error: "That answer is not part of this questionnaire" }),
  z
    .string()
    .max(FREE_TEXT_MAX + 100, { error: `Your answer must be ${FREE_TEXT_MAX} characters or fewer` })
    .optional(),
);

const TALLY_FIELD = /^q\d{1,2}(-before|-now)?-\d{1,2}$/;
const countMessage = "Enter a whole number from 0 to 2,000";
/** Paper tallies: the number of forms and, for each question and answer, how many forms gave it (blank is 0). */
export const tallySchema = z.record(z.string().max(40), z.string().max(20).optional()).transform((v, ctx) => {
  const number = (key: string, value: string | undefined, required: boolean) => {
    const raw = (value ?? "").replace(/[,\s]/g, "");
    if (!raw) {
      if (required) ctx.addIssue({ code: "custom", path: [key], message: "Enter how many paper forms there were" });
      return 0;
    }
    if (!/^\d{1,4}$/.test(raw) || Number(raw) > 2000) {
      ctx.addIssue({ code: "custom", path: [key], message: countMessage });
      return 0;
    }
    return Number(raw);
  };
  const forms = number("forms", v.forms, true);
  if (v.forms && forms === 0 && !ctx.issues?.length) ctx.addIssue({ code: "custom", path: ["forms"], message: "Enter at least 1 form" });
  const counts: Record<string, number> = {};
  for (const [key, value] of Object.entries(v)) if (TALLY_FIELD.test(key)) counts[key] = number(key, value, false);
  const sitting = check(
    ctx,
    "sitting",
    choice(["BEFORE", "AFTER", "RETROSPECTIVE"], "Select which sitting the forms are from"),
    v.sitting ?? "AFTER",
  );
  return { forms, counts, sitting: sitting ?? "AFTER" };
});

const id = recordId("Select a concern category from the list");
export const answerDisclosureSchema = z.object({
  account: requiredText("what the pupil wrote, without names", 10_000),
  risk: z.enum(RISK_LEVELS, { error: "Select the risk level" }),
  categoryIds: checkboxValues(z.array(id).max(50)).pipe(z.array(id).min(1, { error: "Select at least one concern category" })),
});
