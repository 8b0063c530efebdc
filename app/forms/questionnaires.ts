// The order of the questionnaire form's fields in the error summary (no zod: pages import this; the schemas are in
// questionnaires.server.ts).
import { QUESTION_SLOTS } from "~/models/questionnaire-options";

/** The numbers of the question slots on the form: text1, kind1, … */
export const SLOTS = Array.from({ length: QUESTION_SLOTS }, (_, i) => i + 1);

export const questionnaireFieldOrder = [
  "design",
  "pairing",
  ...SLOTS.flatMap((i) => [`text${i}`, `kind${i}`, `options${i}`, `measured${i}`]),
  "questions",
];
