import { Checkboxes, Textarea, TextInput } from "~/components/govuk";
import { YEAR_GROUPS } from "~/forms/sessions";
import type { FormReplyView } from "~/web/forms";

type Form = Pick<FormReplyView, "value" | "values" | "error" | "field">;
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
        {...form.field("expectedPupils", defaults?.expectedPupils)}
        label="Expected pupils"
        labelClassName="govuk-label--s"
        inputMode="numeric"
        className="govuk-input--width-5"
        spellCheck={false}
      />
      <TextInput
        {...form.field("expectedAdults", defaults?.expectedAdults)}
        label="Expected adults"
        labelClassName="govuk-label--s"
        hint="For staff briefings, driver training and community audiences"
        inputMode="numeric"
        className="govuk-input--width-5"
        spellCheck={false}
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
        {...form.field("venueNotes", defaults?.venueNotes)}
        label="Notes for the venue"
        labelClassName="govuk-label--s"
        hint="Sent to the venue with the invitation, for example room and parking"
        rows={3}
      />
      <Textarea
        {...form.field("internalNotes", defaults?.internalNotes)}
        label="Internal notes"
        labelClassName="govuk-label--s"
        hint="Seen only by coordinators and admins"
        rows={3}
      />
    </>
  );
}
