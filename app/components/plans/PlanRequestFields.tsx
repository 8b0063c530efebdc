import { Checkboxes, DateInput, Radios, Textarea, TextInput } from "~/components/govuk";
import type { useFormReply } from "~/web/forms";
import { WEEKDAY_LABELS, WEEKDAYS } from "~/forms/reference";

type Choice = { id: string; name: string };
export type PlanSchoolChoice = { id: string; name: string; detail: string };
export type PlanFormDefaults = {
  programmeId: string;
  teamIds: string[];
  from: string;
  to: string;
  /** The default list: open schools eligible for the programme and not visited by it in the last 12 months. */
  venueIds: string[];
  sessionsPerDay: number;
  dayStart: string;
  dayEnd: string;
  workingWeekdays: number[];
};

const parts = (date: string) => {
  const [year, month, day] = date.split("-");
  return { day: day ? String(Number(day)) : "", month: month ? String(Number(month)) : "", year: year ?? "" };
};

/**
 * The "ask for a plan" form, for the programme chosen above it (a GET form that lists that programme's schools). Schools: the default list ticked, other schools of the area below, unticked — so adding
 * and removing a school is ticking a box, with no JavaScript.
 */
export function PlanRequestFields({
  form,
  defaults,
  teams,
  suggested,
  others,
}: {
  form: ReturnType<typeof useFormReply>;
  defaults: PlanFormDefaults;
  teams: Choice[];
  suggested: PlanSchoolChoice[];
  others: PlanSchoolChoice[];
}) {
  const date = (prefix: string, fallback: string) => {
    const d = parts(fallback);
    return {
      day: form.value(`${prefix}Day`, d.day),
      month: form.value(`${prefix}Month`, d.month),
      year: form.value(`${prefix}Year`, d.year),
    };
  };
  const schoolItem = (s: PlanSchoolChoice) => ({ value: s.id, text: s.name, hint: s.detail });
  return (
    <>
      <input type="hidden" name="programmeId" value={defaults.programmeId} />
      <Checkboxes
        id="teamIds"
        name="teamIds"
        legend="Touring teams"
        legendClassName="govuk-fieldset__legend--s"
        small
        defaultValues={form.values("teamIds", defaults.teamIds)}
        error={form.error("teamIds")}
        items={teams.map((t) => ({ value: t.id, text: t.name }))}
      />
      <DateInput
        id="from"
        legend="First day of the plan"
        legendClassName="govuk-fieldset__legend--s"
        hint="The current or next term is filled in. For example, 20 4 2027"
        values={date("from", defaults.from)}
        error={form.error("from")}
      />
      <DateInput
        id="to"
        legend="Last day of the plan"
        legendClassName="govuk-fieldset__legend--s"
        values={date("to", defaults.to)}
        error={form.error("to")}
      />
      <Checkboxes
        id="venueIds"
        name="venueIds"
        legend="Schools to visit"
        legendClassName="govuk-fieldset__legend--s"
        hint="Ticked: open schools eligible for the programme that it has not visited in the last 12 months. Untick a school to leave it out; tick one below to add it."
        small
        defaultValues={form.values("venueIds", defaults.venueIds)}
        error={form.error("venueIds")}
        items={[...suggested, ...others].map(schoolItem)}
      />
      <Radios
        id="targetKind"
        name="targetKind"
        legend="Target"
        legendClassName="govuk-fieldset__legend--s"
        defaultValue={form.value("targetKind", "EVERY_SCHOOL")}
        error={form.error("targetKind")}
        items={[
          { value: "EVERY_SCHOOL", text: "Every school listed, once" },
          { value: "PUPILS", text: "A number of pupils" },
        ]}
      />
      <TextInput
        name="targetPupils"
        label="Pupils to reach"
        hint="Only if the target is a number of pupils"
        inputMode="numeric"
        className="govuk-input--width-5"
        defaultValue={form.value("targetPupils")}
        error={form.error("targetPupils")}
      />
      <TextInput
        name="sessionsPerDay"
        label="Most sessions a day for each team"
        inputMode="numeric"
        className="govuk-input--width-2"
        defaultValue={form.value("sessionsPerDay", String(defaults.sessionsPerDay))}
        error={form.error("sessionsPerDay")}
      />
      <TextInput
        name="dayStart"
        label="School day starts"
        hint="Used where a school has not set its own, for example 09:00"
        className="govuk-input--width-5"
        defaultValue={form.value("dayStart", defaults.dayStart)}
        error={form.error("dayStart")}
      />
      <TextInput
        name="dayEnd"
        label="School day ends"
        hint="For example, 15:15"
        className="govuk-input--width-5"
        defaultValue={form.value("dayEnd", defaults.dayEnd)}
        error={form.error("dayEnd")}
      />
      <Checkboxes
        id="workingWeekdays"
        name="workingWeekdays"
        legend="Days the teams work"
        legendClassName="govuk-fieldset__legend--s"
        hint="Each team's own days off still apply"
        small
        defaultValues={form.values("workingWeekdays", defaults.workingWeekdays.map(String))}
        error={form.error("workingWeekdays")}
        items={WEEKDAYS.map((d) => ({ value: d, text: WEEKDAY_LABELS[d] }))}
      />
      <Textarea
        name="excludedDates"
        label="Dates to leave out (optional)"
        hint="Dates no team should be booked, separated by commas or on separate lines, for example 4/5/2027, 5/5/2027"
        rows={3}
        defaultValue={form.value("excludedDates")}
        error={form.error("excludedDates")}
      />
    </>
  );
}
