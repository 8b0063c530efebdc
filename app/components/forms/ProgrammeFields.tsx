import { Checkboxes, Radios, Select, TextInput, Textarea } from "~/components/govuk";
import type { useFormReply } from "~/web/forms";
import { AUDIENCE_LABELS, AUDIENCE_TYPES, PROGRAMME_KIND_LABELS, PROGRAMME_KINDS, YEAR_GROUPS } from "~/forms/reference";

export const PROGRAMME_FIELD_ORDER = [
  "name",
  "kind",
  "provider",
  "audienceType",
  "yearGroups",
  "description",
  "defaultDurationMinutes",
  "capacity",
  "getInMinutes",
  "getOutMinutes",
  "refresherMonths",
];

type Saved = Record<string, unknown>;

/** The programme form's fields, shared by "add" and "edit". */
export function ProgrammeFields({ form, saved = {} }: { form: ReturnType<typeof useFormReply>; saved?: Saved }) {
  const v = (name: string) => form.value(name, saved[name] == null ? "" : String(saved[name]));
  const savedYears = typeof saved.yearGroups === "string" && saved.yearGroups ? saved.yearGroups.split(",") : [];
  return (
    <>
      <TextInput
        name="name"
        label="Name"
        hint="For example, Somebody's Sister, Somebody's Daughter"
        defaultValue={v("name")}
        error={form.error("name")}
      />
      <Select
        name="kind"
        label="Kind"
        defaultValue={v("kind")}
        error={form.error("kind")}
        options={[{ value: "", text: "Choose a kind" }, ...PROGRAMME_KINDS.map((k) => ({ value: k, text: PROGRAMME_KIND_LABELS[k] }))]}
      />
      <TextInput
        name="provider"
        label="Provider (optional)"
        hint="For example, a theatre company"
        defaultValue={v("provider")}
        error={form.error("provider")}
      />
      <Radios
        name="audienceType"
        legend="Intended audience"
        legendClassName="govuk-fieldset__legend--s"
        defaultValue={v("audienceType")}
        error={form.error("audienceType")}
        items={AUDIENCE_TYPES.map((a) => ({ value: a, text: AUDIENCE_LABELS[a] }))}
      />
      <Checkboxes
        name="yearGroups"
        legend="Year groups (pupils only)"
        legendClassName="govuk-fieldset__legend--s"
        small
        defaultValues={form.values("yearGroups", savedYears)}
        error={form.error("yearGroups")}
        items={YEAR_GROUPS.map((y) => ({ value: y, text: `Year ${y}` }))}
      />
      <Textarea name="description" label="Description (optional)" defaultValue={v("description")} error={form.error("description")} />
      <TextInput
        name="defaultDurationMinutes"
        label="Default duration"
        inputMode="numeric"
        className="govuk-input--width-4"
        suffix="minutes"
        defaultValue={v("defaultDurationMinutes")}
        error={form.error("defaultDurationMinutes")}
      />
      <TextInput
        name="capacity"
        label="Capacity per session (optional)"
        hint="For example, 240 for one year group"
        inputMode="numeric"
        className="govuk-input--width-4"
        suffix="people"
        defaultValue={v("capacity")}
        error={form.error("capacity")}
      />
      <TextInput
        name="getInMinutes"
        label="Get-in time before a session"
        inputMode="numeric"
        className="govuk-input--width-4"
        suffix="minutes"
        defaultValue={v("getInMinutes")}
        error={form.error("getInMinutes")}
      />
      <TextInput
        name="getOutMinutes"
        label="Get-out time after a session"
        inputMode="numeric"
        className="govuk-input--width-4"
        suffix="minutes"
        defaultValue={v("getOutMinutes")}
        error={form.error("getOutMinutes")}
      />
      <TextInput
        name="refresherMonths"
        label="Refresher period for trained people (optional)"
        hint="For example, 36 for drivers or 12 for staff"
        inputMode="numeric"
        className="govuk-input--width-4"
        suffix="months"
        defaultValue={v("refresherMonths")}
        error={form.error("refresherMonths")}
      />
    </>
  );
}
