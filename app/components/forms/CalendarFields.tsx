import { DateInput, Radios, TextInput } from "~/components/govuk";
import type { useFormReply } from "~/web/forms";
import { CLOSURE_REASON_LABELS, CLOSURE_REASONS, TERM_NAMES } from "~/forms/reference";

type Form = ReturnType<typeof useFormReply>;

/** Error-summary links for date inputs go to the day field. */
export const DATE_TARGETS = { start: "start-day", end: "end-day", halfTermStart: "halfTermStart-day", halfTermEnd: "halfTermEnd-day" };
export const YEAR_FIELD_ORDER = ["name", "start", "end"];
export const TERM_FIELD_ORDER = ["academicYearId", "name", "start", "end", "halfTermStart", "halfTermEnd"];
export const CLOSURE_FIELD_ORDER = ["reason", "start", "end", "note"];

function datePartsFrom(date: string | null | undefined) {
  if (!date) return { day: "", month: "", year: "" };
  const [year, month, day] = date.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** A GOV.UK date input that keeps the user's input after an error, or shows a saved "YYYY-MM-DD". */
export function CalendarDate({
  form,
  prefix,
  legend,
  hint,
  saved,
}: {
  form: Form;
  prefix: string;
  legend: string;
  hint?: string;
  saved?: string | null;
}) {
  const fallback = datePartsFrom(saved);
  return (
    <DateInput
      id={prefix}
      legend={legend}
      legendClassName="govuk-fieldset__legend--s"
      hint={hint ?? "For example, 27 10 2026"}
      error={form.error(prefix)}
      values={{
        day: form.value(`${prefix}Day`, fallback.day),
        month: form.value(`${prefix}Month`, fallback.month),
        year: form.value(`${prefix}Year`, fallback.year),
      }}
    />
  );
}

export function AcademicYearFields({ form, saved = {} }: { form: Form; saved?: { name?: string; startDate?: string; endDate?: string } }) {
  return (
    <>
      <TextInput
        {...form.field("name", saved.name ?? "")}
        label="Academic year"
        hint="For example, 2026/27"
        className="govuk-input--width-5"
      />
      <CalendarDate
        form={form}
        prefix="start"
        legend="First day of the academic year"
        hint="Usually 1 September, for example, 1 9 2026"
        saved={saved.startDate}
      />
      <CalendarDate
        form={form}
        prefix="end"
        legend="Last day of the academic year"
        hint="Usually 31 August, for example, 31 8 2027"
        saved={saved.endDate}
      />
    </>
  );
}

export function TermFields({
  form,
  saved = {},
}: {
  form: Form;
  saved?: { name?: string; startDate?: string; endDate?: string; halfTermStart?: string | null; halfTermEnd?: string | null };
}) {
  return (
    <>
      <Radios
        name="name"
        legend="Term"
        legendClassName="govuk-fieldset__legend--s"
        inline
        defaultValue={form.value("name", saved.name ?? "")}
        error={form.error("name")}
        items={TERM_NAMES.map((t) => ({ value: t, text: t }))}
      />
      <CalendarDate form={form} prefix="start" legend="First day of term" saved={saved.startDate} />
      <CalendarDate form={form} prefix="end" legend="Last day of term" saved={saved.endDate} />
      <CalendarDate form={form} prefix="halfTermStart" legend="First day of half-term (optional)" saved={saved.halfTermStart} />
      <CalendarDate form={form} prefix="halfTermEnd" legend="Last day of half-term (optional)" saved={saved.halfTermEnd} />
    </>
  );
}

export function ClosureFields({ form, forAllSchools }: { form: Form; forAllSchools: boolean }) {
  return (
    <>
      <Radios
        name="reason"
        legend="Why can it not be visited?"
        legendClassName="govuk-fieldset__legend--s"
        defaultValue={form.value("reason")}
        error={form.error("reason")}
        items={CLOSURE_REASONS.map((r) => ({
          value: r,
          text: CLOSURE_REASON_LABELS[r],
          hint: r === "EXAMS" ? "Weeks the school does not want visits" : undefined,
        }))}
      />
      <CalendarDate form={form} prefix="start" legend="First day" />
      <CalendarDate form={form} prefix="end" legend="Last day (optional)" hint="Leave blank for a single day" />
      <TextInput
        {...form.field("note")}
        label="Note (optional)"
        hint={forAllSchools ? "For example, borough-wide INSET day" : "For example, GCSE mocks"}
      />
    </>
  );
}
