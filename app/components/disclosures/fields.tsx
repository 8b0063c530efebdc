// Form parts shared by the log form and the lead's record page.
import { DateInput, Radios, TextInput } from "~/components/govuk";
import { REFERRAL_LABELS, REFERRAL_TARGETS, RISK_DEFINITIONS, RISK_LABELS, RISK_LEVELS } from "~/models/disclosure-options";
import type { useFormReply } from "~/web/forms";

type Form = ReturnType<typeof useFormReply>;
type Parts = { day?: string; month?: string; year?: string };

export function DateTimeFields({
  form,
  id,
  prefix,
  legend,
  defaults = {},
  defaultTime = "",
}: {
  form: Form;
  id: string;
  prefix: string;
  legend: string;
  defaults?: Parts;
  defaultTime?: string;
}) {
  return (
    <>
      <DateInput
        id={id}
        namePrefix={prefix}
        legend={legend}
        legendClassName="govuk-fieldset__legend--s"
        hint="For example, 27 3 2026"
        error={form.error(id)}
        values={{
          day: form.value(`${prefix}Day`, defaults.day),
          month: form.value(`${prefix}Month`, defaults.month),
          year: form.value(`${prefix}Year`, defaults.year),
        }}
      />
      <TextInput
        id={`${prefix}Time`}
        name={`${prefix}Time`}
        label="Time"
        hint="24-hour clock, UK time, for example 14:30"
        className="govuk-input--width-5"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={form.value(`${prefix}Time`, defaultTime)}
      />
    </>
  );
}

export function RiskRadios({ form, defaultValue }: { form: Form; defaultValue?: string }) {
  return (
    <Radios
      name="risk"
      legend="Risk level"
      legendClassName="govuk-fieldset__legend--m"
      error={form.error("risk")}
      defaultValue={form.value("risk", defaultValue)}
      items={RISK_LEVELS.map((r) => ({ value: r, text: RISK_LABELS[r], hint: RISK_DEFINITIONS[r] }))}
    />
  );
}

export function ReferralFields({
  form,
  defaults,
}: {
  form: Form;
  defaults?: { to: string; date: Parts; time: string; reference: string };
}) {
  return (
    <>
      <h2 className="govuk-heading-m">Referral</h2>
      <Radios
        name="referralTo"
        legend="Who was it referred to?"
        legendClassName="govuk-fieldset__legend--s"
        error={form.error("referralTo")}
        defaultValue={form.value("referralTo", defaults?.to ?? "NONE")}
        items={[{ value: "NONE", text: "No referral yet" }, ...REFERRAL_TARGETS.map((t) => ({ value: t, text: REFERRAL_LABELS[t] }))]}
      />
      <p className="govuk-body">If you made a referral, say when, and give its reference if you have one.</p>
      <DateTimeFields
        form={form}
        id="referralAt"
        prefix="referral"
        legend="Date of the referral"
        defaults={defaults?.date}
        defaultTime={defaults?.time}
      />
      <TextInput
        {...form.field("referralReference", defaults?.reference ?? "")}
        label="Referral reference (optional)"
        hint="The case or contact number the agency gave you"
        className="govuk-input--width-20"
        autoComplete="off"
        spellCheck={false}
      />
    </>
  );
}
