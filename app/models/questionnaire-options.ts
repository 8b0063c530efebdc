// The fixed parts of a questionnaire, shared by the model, the forms and the pages (no server code here).

export const QUESTION_KINDS = ["AGREE_SCALE", "YES_NO", "CHOICE", "FREE_TEXT"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  AGREE_SCALE: "Agree or disagree (5 points)",
  YES_NO: "Yes, no or not sure",
  CHOICE: "One choice from a list",
  FREE_TEXT: "Free text (optional for pupils)",
};

export const DESIGNS = ["BEFORE_AFTER", "RETROSPECTIVE"] as const;
export type Design = (typeof DESIGNS)[number];
export const DESIGN_LABELS: Record<Design, string> = {
  BEFORE_AFTER: "Before and after: pupils answer the statements before the performance and again after it",
  RETROSPECTIVE: "Retrospective: after the performance, pupils answer each statement for “before today” and for “now”",
};

export const SITTINGS = ["BEFORE", "AFTER", "RETROSPECTIVE"] as const;
export type Sitting = (typeof SITTINGS)[number];
export const SITTING_LABELS: Record<Sitting, string> = {
  BEFORE: "Before the performance",
  AFTER: "After the performance",
  RETROSPECTIVE: "After the performance (before today and now)",
};

/** Values 1–5, strongly disagree first. "Agreeing" means agree or strongly agree. */
export const AGREE_SCALE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"] as const;
/** Values 1–3. "Agreeing" means yes. */
export const YES_NO = ["Yes", "No", "Not sure"] as const;

export type QuestionShape = { kind: string; options: string | null };

/** The answers a question offers, in value order (value = index + 1); free text offers none. */
export function answerChoices(question: QuestionShape): readonly string[] {
  if (question.kind === "AGREE_SCALE") return AGREE_SCALE;
  if (question.kind === "YES_NO") return YES_NO;
  if (question.kind === "CHOICE") return (question.options ?? "").split("\n").filter(Boolean);
  return [];
}

/** Whether an answer counts as agreeing with a statement (null: the question is not a statement). */
export function agrees(kind: string, value: number): boolean | null {
  if (kind === "AGREE_SCALE") return value >= 4;
  if (kind === "YES_NO") return value === 1;
  return null;
}

/** Only statements (agree scale, yes/no) can be measured before and after. */
export const isStatementKind = (kind: string) => kind === "AGREE_SCALE" || kind === "YES_NO";

// The anonymous pairing code: four short answers only the pupil knows, never a name (ADR 020).
export const PAIRING_PARTS = [
  {
    name: "codeMonth",
    label: "The month you were born",
    choices: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  },
  { name: "codeSiblings", label: "How many older brothers and sisters you have", choices: ["0", "1", "2", "3", "4", "5 or more"] },
  { name: "codeStreet", label: "The first letter of the street you live on", choices: "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("") },
  {
    name: "codePhone",
    label: "The last number of your mobile phone number",
    choices: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "No phone"],
  },
] as const;

export const FREE_TEXT_MAX = 2000;
export const QUESTION_SLOTS = 12;
export const MAX_CHOICES = 8;
