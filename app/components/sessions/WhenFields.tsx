import { DateInput, TextInput } from "~/components/govuk";

type Form = { value: (name: string, fallback?: string) => string; error: (name: string) => string | undefined };

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
        name="startTime"
        label="Start time"
        labelClassName="govuk-label--s"
        hint="UK time, 24-hour clock, for example 09:30"
        className="govuk-input--width-5"
        spellCheck={false}
        defaultValue={form.value("startTime", defaults?.startTime)}
        error={form.error("startTime")}
      />
      <TextInput
        name="endTime"
        label="End time"
        labelClassName="govuk-label--s"
        hint="For example, 11:00"
        className="govuk-input--width-5"
        spellCheck={false}
        defaultValue={form.value("endTime", defaults?.endTime)}
        error={form.error("endTime")}
      />
    </>
  );
}
