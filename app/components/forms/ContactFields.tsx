import { Checkboxes, TextInput } from "~/components/govuk";
import type { useFormReply } from "~/web/forms";

export const CONTACT_FIELD_ORDER = ["name", "role", "email", "phone", "isPrimary"];

export function ContactFields({
  form,
  saved = {},
}: {
  form: ReturnType<typeof useFormReply>;
  saved?: { name?: string; role?: string | null; email?: string | null; phone?: string | null; isPrimary?: boolean };
}) {
  return (
    <>
      <TextInput {...form.field("name", saved.name ?? "")} label="Name" autoComplete="off" spellCheck={false} />
      <TextInput
        {...form.field("role", saved.role ?? "")}
        label="Role (optional)"
        hint="For example, designated safeguarding lead or head of Year 10"
      />
      <TextInput
        {...form.field("email", saved.email ?? "")}
        label="Email address"
        type="email"
        autoComplete="off"
        spellCheck={false}
        hint="Invitations are sent here"
      />
      <TextInput
        {...form.field("phone", saved.phone ?? "")}
        label="Phone (optional)"
        type="tel"
        autoComplete="off"
        className="govuk-input--width-20"
      />
      <Checkboxes
        name="isPrimary"
        legend="Primary contact"
        legendClassName="govuk-fieldset__legend--s"
        small
        defaultValues={form.values("isPrimary", saved.isPrimary ? ["on"] : [])}
        error={form.error("isPrimary")}
        items={[{ value: "on", text: "Make this the primary contact", hint: "Invitations go to the primary contact first" }]}
      />
    </>
  );
}
