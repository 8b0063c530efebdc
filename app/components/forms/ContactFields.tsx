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
      <TextInput
        name="name"
        label="Name"
        autoComplete="off"
        spellCheck={false}
        defaultValue={form.value("name", saved.name ?? "")}
        error={form.error("name")}
      />
      <TextInput
        name="role"
        label="Role (optional)"
        hint="For example, designated safeguarding lead or head of Year 10"
        defaultValue={form.value("role", saved.role ?? "")}
        error={form.error("role")}
      />
      <TextInput
        name="email"
        label="Email address"
        type="email"
        autoComplete="off"
        spellCheck={false}
        hint="Invitations are sent here"
        defaultValue={form.value("email", saved.email ?? "")}
        error={form.error("email")}
      />
      <TextInput
        name="phone"
        label="Phone (optional)"
        type="tel"
        autoComplete="off"
        className="govuk-input--width-20"
        defaultValue={form.value("phone", saved.phone ?? "")}
        error={form.error("phone")}
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
