import { CalendarDate } from "~/components/forms/CalendarFields";
import { Radios, Select, TextInput } from "~/components/govuk";
import type { useFormReply } from "~/web/forms";
import { TARGET_METRIC_LABELS, TARGET_METRICS } from "~/utils/target-metrics";

export const TARGET_FIELD_ORDER = ["metric", "programmeId", "value", "from", "to", "note"];
export const TARGET_DATE_TARGETS = { from: "from-day", to: "to-day" };

type Saved = { metric?: string; programmeId?: string | null; value?: number; fromDate?: string; toDate?: string; note?: string | null };

/** The target form's fields, shared by "add" and "change". */
export function TargetFields({
  form,
  saved = {},
  programmes,
  schoolsInArea,
}: {
  form: ReturnType<typeof useFormReply>;
  saved?: Saved;
  programmes: { id: string; name: string }[];
  schoolsInArea: number;
}) {
  return (
    <>
      <Radios
        name="metric"
        legend="What does the target count?"
        legendClassName="govuk-fieldset__legend--s"
        defaultValue={form.value("metric", saved.metric ?? "")}
        error={form.error("metric")}
        items={TARGET_METRICS.map((m) => ({
          value: m,
          text: TARGET_METRIC_LABELS[m],
          hint:
            m === "SCHOOLS_COVERED"
              ? `Open secondary schools and colleges with a delivered session. There are ${schoolsInArea.toLocaleString("en-GB")} in the area now.`
              : undefined,
        }))}
      />
      <Select
        {...form.field("programmeId", saved.programmeId ?? "")}
        label="Programme"
        hint="Count every programme, or only one"
        options={[{ value: "", text: "All programmes" }, ...programmes.map((p) => ({ value: p.id, text: p.name }))]}
      />
      <TextInput
        {...form.field("value", saved.value === undefined ? "" : String(saved.value))}
        label="Target"
        hint={`A whole number, for example 4,000. For every school and college, enter ${schoolsInArea.toLocaleString("en-GB")}.`}
        inputMode="numeric"
        className="govuk-input--width-10"
      />
      <CalendarDate form={form} prefix="from" legend="Start of the period" hint="For example, 1 9 2026" saved={saved.fromDate} />
      <CalendarDate
        form={form}
        prefix="to"
        legend="End of the period"
        hint="The last day that counts, for example, 31 8 2027. At most 2 years after the start."
        saved={saved.toDate}
      />
      <TextInput {...form.field("note", saved.note ?? "")} label="Note (optional)" hint="For example, where the target comes from" />
    </>
  );
}
