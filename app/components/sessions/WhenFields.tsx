import { DateInput, TextInput } from "~/components/govuk";
import type { FormReplyView } from "~/web/forms";

type Form = Pick<FormReplyView, "value" | "error" | "field">;

/** Date (GOV.UK date input) and start and end times, as typed in UK time. */
export function WhenFields({ form, defaults }: { form: Form; defaults?: { date: string; startTime: string; endTime: string } }) {
  const [year, month, day] = defaults?.date.split("-") ?? ["", "", ""];
  return (
    <>
      <DateInput
        id="date"
        legend="Date"
        legendClassName="govuk-fieldset__legend--s"
        hint="For example, 17 3 2027"
        values={{
          day: form.value("dateDay", day ? String(Number(day)) : ""),
          month: form.value("dateMonth", month ? String(Number(month)) : ""),
          year: form.value("dateYear", year),
        }}
        error={form.error("date")}
      />
      <TextInput
        {...form.field("startTime", defaults?.startTime)}
        label="Start time"
        labelClassName="govuk-label--s"
        hint="UK time, 24-hour clock, for example 09:30"
        className="govuk-input--width-5"
        spellCheck={false}
      />
      <TextInput
        {...form.field("endTime", defaults?.endTime)}
        label="End time"
        labelClassName="govuk-label--s"
        hint="For example, 11:00"
        className="govuk-input--width-5"
        spellCheck={false}
      />
    </>
  );
}
