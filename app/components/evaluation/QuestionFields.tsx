import { Radios, Select, Textarea } from "~/components/govuk";
import { answerChoices, FREE_TEXT_MAX, PAIRING_PARTS, type Sitting } from "~/models/questionnaire-options";
import type { FormReplyView } from "~/web/forms";

type Question = { id: string; position: number; kind: string; text: string; options: string | null; measured: boolean };

/** The field names of a question's answers (the model's answerFields, repeated here for the browser bundle). */
export function fieldsOf(sitting: Sitting, q: Question): { field: string; label: string | null }[] {
  const base = `q${q.position}`;
  if (q.measured && sitting === "RETROSPECTIVE")
    return [
      { field: `${base}-before`, label: "Before today" },
      { field: `${base}-now`, label: "Now" },
    ];
  return [{ field: base, label: null }];
}

/** One question as large radio buttons (or a text box), one fieldset per answer asked. */
export function QuestionField({ question, sitting, form }: { question: Question; sitting: Sitting; form: FormReplyView }) {
  if (question.kind === "FREE_TEXT")
    return (
      <Textarea
        {...form.field(`q${question.position}`)}
        label={question.text}
        labelClassName="govuk-label--s"
        hint={`Optional. Do not write your name or anyone else’s. Up to ${FREE_TEXT_MAX} characters.`}
        rows={4}
        spellCheck
      />
    );
  const choices = answerChoices(question);
  return (
    <>
      {fieldsOf(sitting, question).map(({ field, label }) => (
        <Radios
          key={field}
          name={field}
          legend={label ? `${label}: ${question.text}` : question.text}
          legendClassName="govuk-fieldset__legend--s"
          defaultValue={form.value(field)}
          error={form.error(field)}
          items={choices.map((text, i) => ({ value: String(i + 1), text }))}
        />
      ))}
    </>
  );
}

/** The optional anonymous code that pairs a pupil's before and after answers (ADR 020). */
export function PairingCodeFields({ form }: { form: FormReplyView }) {
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Your secret code (optional)</legend>
      <p className="govuk-body">
        Answer these four the same way before and after the performance, so we can compare your answers without knowing who you are. Leave
        them all blank if you prefer.
      </p>
      {PAIRING_PARTS.map((part) => (
        <Select
          key={part.name}
          {...form.field(part.name)}
          label={part.label}
          options={[{ value: "", text: "Choose" }, ...part.choices.map((c) => ({ value: c, text: c }))]}
        />
      ))}
    </fieldset>
  );
}
