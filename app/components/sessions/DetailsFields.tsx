import { Checkboxes, Textarea, TextInput } from "~/components/govuk";
import { YEAR_GROUPS } from "~/utils/session-schemas";

type Form = {
  value: (name: string, fallback?: string) => string;
  values: (name: string, fallback?: string[]) => string[];
  error: (name: string) => string | undefined;
};
export type SessionDetailsDefaults = {
  yearGroups: string[];
  expectedPupils: string;
  expectedAdults: string;
  venueNotes: string;
  internalNotes: string;
  capacityOverrideReason: string;
};

/**
 * Who comes to a session and its notes, on the booking and change-details forms. The capacity reason shows once a
 * booking rule asked for it, or when one was given before.
 */
export function DetailsFields({
  form,
  defaults,
  askCapacityReason,
}: {
  form: Form;
  defaults?: SessionDetailsDefaults;
  askCapacityReason: boolean;
}) {
  const reason = form.value("capacityOverrideReason", defaults?.capacityOverrideReason);
  return (
    <>
      <Checkboxes
        id="yearGroups"
        name="yearGroups"
        legend="Year groups"
        legendClassName="govuk-fieldset__legend--s"
        hint="Leave empty for adult audiences"
        small
        className="govuk-checkboxes--inline"
        defaultValues={form.values("yearGroups", defaults?.yearGroups)}
        error={form.error("yearGroups")}
        items={YEAR_GROUPS.map((y) => ({ value: y, text: `Year ${y}` }))}
      />
      <TextInput
        name="expectedPupils"
        label="Expected pupils"
        labelClassName="govuk-label--s"
        inputMode="numeric"
        className="govuk-input--width-5"
        spellCheck={false}
        defaultValue={form.value("expectedPupils", defaults?.expectedPupils)}
        error={form.error("expectedPupils")}
      />
      <TextInput
        name="expectedAdults"
        label="Expected adults"
        labelClassName="govuk-label--s"
        hint="For staff briefings, driver training and community audiences"
        inputMode="numeric"
        className="govuk-input--width-5"
        spellCheck={false}
        defaultValue={form.value("expectedAdults", defaults?.expectedAdults)}
        error={form.error("expectedAdults")}
      />
      {askCapacityReason || reason ? (
        <Textarea
          name="capacityOverrideReason"
          label="Why book more than the capacity?"
          labelClassName="govuk-label--s"
          hint="The reason is recorded with the session"
          rows={2}
          defaultValue={reason}
          error={form.error("capacityOverrideReason")}
        />
      ) : null}
      <Textarea
        name="venueNotes"
        label="Notes for the venue"
        labelClassName="govuk-label--s"
        hint="Sent to the venue with the invitation, for example room and parking"
        rows={3}
        defaultValue={form.value("venueNotes", defaults?.venueNotes)}
        error={form.error("venueNotes")}
      />
      <Textarea
        name="internalNotes"
        label="Internal notes"
        labelClassName="govuk-label--s"
        hint="Seen only by coordinators and admins"
        rows={3}
        defaultValue={form.value("internalNotes", defaults?.internalNotes)}
        error={form.error("internalNotes")}
      />
    </>
  );
}
