import { Checkboxes, TextInput } from "~/components/govuk";
import type { useFormReply } from "~/web/forms";
import { WEEKDAY_LABELS, WEEKDAYS } from "~/forms/reference";

export const TEAM_FIELD_ORDER = [
  "name",
  "provider",
  "sessionsPerDay",
  "workingWeekdays",
  "basePostcode",
  "baseEasting",
  "baseNorthing",
  "memberIds",
];

type Saved = {
  name?: string;
  provider?: string | null;
  sessionsPerDay?: number;
  workingWeekdays?: string;
  basePostcode?: string | null;
  baseEasting?: number | null;
  baseNorthing?: number | null;
  memberIds?: string[];
};

export function TeamFields({
  form,
  saved,
  facilitators,
}: {
  form: ReturnType<typeof useFormReply>;
  saved: Saved;
  facilitators: { id: string; name: string; email: string }[];
}) {
  return (
    <>
      <TextInput name="name" label="Name" defaultValue={form.value("name", saved.name ?? "")} error={form.error("name")} />
      <TextInput {...form.field("provider", saved.provider ?? "")} label="Provider (optional)" hint="For example, the theatre company" />
      <TextInput
        {...form.field("sessionsPerDay", String(saved.sessionsPerDay ?? 2))}
        label="Sessions a day"
        hint="The most sessions the team can deliver in one day"
        inputMode="numeric"
        className="govuk-input--width-2"
      />
      <Checkboxes
        name="workingWeekdays"
        legend="Days the team works"
        legendClassName="govuk-fieldset__legend--s"
        small
        defaultValues={form.values("workingWeekdays", (saved.workingWeekdays ?? "1,2,3,4,5").split(","))}
        error={form.error("workingWeekdays")}
        items={WEEKDAYS.map((d) => ({ value: d, text: WEEKDAY_LABELS[d] }))}
      />
      <TextInput
        {...form.field("basePostcode", saved.basePostcode ?? "")}
        label="Home base postcode (optional)"
        className="govuk-input--width-10"
        autoComplete="postal-code"
      />
      <TextInput
        {...form.field("baseEasting", saved.baseEasting == null ? "" : String(saved.baseEasting))}
        label="Home base easting (optional)"
        hint="British National Grid, in metres, like 530034: where the team sets out from"
        inputMode="numeric"
        className="govuk-input--width-10"
      />
      <TextInput
        {...form.field("baseNorthing", saved.baseNorthing == null ? "" : String(saved.baseNorthing))}
        label="Home base northing (optional)"
        hint="British National Grid, in metres, like 180381"
        inputMode="numeric"
        className="govuk-input--width-10"
      />
      {facilitators.length ? (
        <Checkboxes
          name="memberIds"
          legend="Members"
          legendClassName="govuk-fieldset__legend--s"
          hint="Users with the facilitator role"
          small
          defaultValues={form.values("memberIds", saved.memberIds ?? [])}
          error={form.error("memberIds")}
          items={facilitators.map((f) => ({ value: f.id, text: f.name, hint: f.email }))}
        />
      ) : (
        <p className="govuk-body">No users have the facilitator role yet. An admin can give it to someone on the Users page.</p>
      )}
    </>
  );
}
