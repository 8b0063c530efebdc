// The lead's forms on a disclosure record: addendum, changes, follow-up actions.
import { Form } from "@remix-run/react";
import { Button, Checkboxes, DateInput, Radios, Select, Textarea, TextInput, WarningText } from "~/components/govuk";
import { DISCLOSURE_STATUSES, STATUS_LABELS } from "~/models/disclosure-options";
import type { useFormReply } from "~/web/forms";
import { londonDate, londonTime } from "~/utils/time";
import { ReferralFields, RiskRadios } from "./fields";

type Form = ReturnType<typeof useFormReply>;
const parts = (date: string) => {
  const [year, month, day] = date.split("-");
  return { day, month, year };
};

export function AddendumForm({ form }: { form: Form }) {
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="addendum" />
      <WarningText>Do not write the young person's name or other identifying details.</WarningText>
      <Textarea
        {...form.field("text")}
        label="Addendum"
        labelClassName="govuk-label--s"
        hint="A correction or further information. It is dated and signed with your name."
        rows={5}
        spellCheck={false}
      />
      <TextInput
        {...form.field("reason")}
        label="Reason for the addendum"
        hint="For example, correction of the time, or information from the school"
        autoComplete="off"
      />
      <Button variant="secondary">Add addendum</Button>
    </Form>
  );
}

export function UpdateForm({
  form,
  d,
  categories,
}: {
  form: Form;
  d: {
    risk: string;
    status: string;
    legalHold: boolean;
    referralTo: string | null;
    referralAt: string | Date | null;
    referralReference: string | null;
    categories: { id: string }[];
  };
  categories: { id: string; label: string; archivedAt: string | Date | null }[];
}) {
  const referralAt = d.referralAt ? new Date(d.referralAt) : null;
  const current = d.categories.map((c) => c.id);
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="update" />
      <RiskRadios form={form} defaultValue={d.risk} />
      <Radios
        name="status"
        legend="Status"
        legendClassName="govuk-fieldset__legend--m"
        error={form.error("status")}
        defaultValue={form.value("status", d.status)}
        items={DISCLOSURE_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))}
      />
      <Checkboxes
        name="categoryIds"
        legend="Concerns"
        legendClassName="govuk-fieldset__legend--m"
        error={form.error("categoryIds")}
        defaultValues={form.values("categoryIds", current)}
        items={categories.filter((c) => !c.archivedAt || current.includes(c.id)).map((c) => ({ value: c.id, text: c.label }))}
      />
      <ReferralFields
        form={form}
        defaults={{
          to: d.referralTo ?? "NONE",
          date: referralAt ? parts(londonDate(referralAt)) : {},
          time: referralAt ? londonTime(referralAt) : "",
          reference: d.referralReference ?? "",
        }}
      />
      <Radios
        name="legalHold"
        legend="Legal hold"
        legendClassName="govuk-fieldset__legend--m"
        hint="A record on legal hold (for example, for an inquiry) is never deleted, even after its retention period"
        inline
        error={form.error("legalHold")}
        defaultValue={form.value("legalHold", d.legalHold ? "YES" : "NO")}
        items={[
          { value: "YES", text: "On hold" },
          { value: "NO", text: "Not on hold" },
        ]}
      />
      <Button>Save changes</Button>
    </Form>
  );
}

export function NewActionForm({ form, leads }: { form: Form; leads: { id: string; name: string }[] }) {
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="action" />
      <TextInput {...form.field("description")} label="What needs to be done" autoComplete="off" />
      <Select
        {...form.field("ownerId")}
        label="Owner"
        options={[{ value: "", text: "Select a safeguarding lead" }, ...leads.map((l) => ({ value: l.id, text: l.name }))]}
      />
      <DateInput
        id="dueDate"
        namePrefix="due"
        legend="Due date"
        legendClassName="govuk-fieldset__legend--s"
        hint="For example, 27 3 2026"
        error={form.error("dueDate")}
        values={{ day: form.value("dueDay"), month: form.value("dueMonth"), year: form.value("dueYear") }}
      />
      <Button variant="secondary">Add action</Button>
    </Form>
  );
}

export function CompleteActionForm({ form, open }: { form: Form; open: { id: string; description: string }[] }) {
  if (open.length === 0) return null;
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="complete" />
      <Select {...form.field("actionId")} label="Action" options={open.map((a) => ({ value: a.id, text: a.description }))} />
      <DateInput
        id="doneDate"
        namePrefix="done"
        legend="Date done"
        legendClassName="govuk-fieldset__legend--s"
        hint="For example, 27 3 2026"
        error={form.error("doneDate")}
        values={{ day: form.value("doneDay"), month: form.value("doneMonth"), year: form.value("doneYear") }}
      />
      <TextInput name="outcome" label="Outcome" autoComplete="off" error={form.error("outcome")} defaultValue={form.value("outcome")} />
      <Button variant="secondary">Mark as done</Button>
    </Form>
  );
}
