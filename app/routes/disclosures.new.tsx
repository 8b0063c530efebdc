import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Checkboxes, ErrorSummary, Radios, Select, Textarea, TextInput, WarningText } from "~/components/govuk";
import { DateTimeFields, ReferralFields, RiskRadios } from "~/components/disclosures/fields";
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  SEX_LABELS,
  SEXES,
  UNLINKED_CONTEXTS,
  UNLINKED_LABELS,
  YEAR_GROUPS,
  yearGroupLabel,
} from "~/models/disclosure-options";
import { DATE_TARGETS, LOG_FIELD_ORDER } from "~/forms/disclosures";
import { logDisclosureSchema } from "~/forms/disclosures.server";
import { disclosureLogForm, logDisclosure } from "~/models/disclosures.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { noStoreHeaders } from "~/utils/http.server";
import { redirectWithReceipt } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { formatDateTime } from "~/utils/time";

export const handle = { title: "Log a disclosure" };

export const headers = noStoreHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "disclosure:log");
  const options = await disclosureLogForm(user);
  return { ...options, receivedBy: user.name, sessionId: new URL(request.url).searchParams.get("sessionId") };
}

export const action = /* @__PURE__ */ formAction("disclosure:log", async ({ request, user, formData }) => {
  const parsed = parseForm(formData, logDisclosureSchema);
  if (!parsed.ok) return parsed.reply;
  const created = await logDisclosure(user, parsed.value, requestMeta(request));
  return redirectWithReceipt("/disclosures/receipt", created);
});

export default function LogDisclosure() {
  const { sessions, categories, today, receivedBy, sessionId } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), LOG_FIELD_ORDER, { ...DATE_TARGETS, where: "where" });
  const [year, month, day] = today.split("-");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Log a disclosure</h1>
        <p className="govuk-body">
          Use this form as soon as you can after a young person tells you something that worries you. Once you submit it, only the
          safeguarding leads can read it. You will get a reference number.
        </p>
        <WarningText>If a young person is in immediate danger, call 999 first.</WarningText>
        <Form method="post" noValidate>
          <Radios
            name="where"
            legend="Where was it disclosed?"
            legendClassName="govuk-fieldset__legend--m"
            hint={sessions.length ? "Sessions from the last 2 weeks" : "There are no sessions you can choose from the last 2 weeks"}
            error={form.error("where")}
            defaultValue={form.value("where", sessions.some((s) => s.id === sessionId) ? (sessionId ?? "") : "")}
            items={[
              ...sessions.map((s) => ({
                value: s.id,
                text: `${s.venueName}: ${s.programmeName}`,
                hint: formatDateTime(new Date(s.startsAt)),
              })),
              ...UNLINKED_CONTEXTS.map((c) => ({ value: c, text: `Not at a session: ${UNLINKED_LABELS[c].toLowerCase()}` })),
            ]}
          />
          <h2 className="govuk-heading-m">When</h2>
          <DateTimeFields form={form} id="disclosedAt" prefix="disclosed" legend="Date of the disclosure" defaults={{ day, month, year }} />
          <h2 className="govuk-heading-m">Who received it</h2>
          <p className="govuk-body">You: {receivedBy}</p>
          <TextInput
            {...form.field("supportWorkerName")}
            label="Support worker's name (optional)"
            hint="If a support worker was with you"
            autoComplete="off"
          />
          <TextInput {...form.field("supportWorkerOrganisation")} label="Support worker's organisation (optional)" autoComplete="off" />
          <h2 className="govuk-heading-m">The young person</h2>
          <p className="govuk-body">Describe them without identifying them. Give the year group or, if you do not know it, an age band.</p>
          <Select
            {...form.field("yearGroup")}
            label="Year group"
            options={[{ value: "", text: "Not known" }, ...YEAR_GROUPS.map((y) => ({ value: y, text: yearGroupLabel(y) }))]}
          />
          <Select
            {...form.field("ageBand")}
            label="Age band"
            options={[{ value: "", text: "Not known" }, ...AGE_BANDS.map((a) => ({ value: a, text: AGE_BAND_LABELS[a] }))]}
          />
          <Radios
            name="sex"
            legend="Sex (optional)"
            legendClassName="govuk-fieldset__legend--s"
            inline
            error={form.error("sex")}
            defaultValue={form.value("sex")}
            items={SEXES.map((s) => ({ value: s, text: SEX_LABELS[s] }))}
          />
          <Radios
            name="attendsVenueSchool"
            legend="Do they attend the school where the session was held?"
            legendClassName="govuk-fieldset__legend--s"
            inline
            error={form.error("attendsVenueSchool")}
            defaultValue={form.value("attendsVenueSchool")}
            items={[
              { value: "YES", text: "Yes" },
              { value: "NO", text: "No" },
              { value: "UNKNOWN", text: "Not known" },
            ]}
          />
          <Checkboxes
            name="categoryIds"
            legend="What is the concern about?"
            legendClassName="govuk-fieldset__legend--m"
            hint="Select all that apply"
            error={form.error("categoryIds")}
            defaultValues={form.values("categoryIds")}
            items={categories.map((c) => ({ value: c.id, text: c.label }))}
          />
          <RiskRadios form={form} />
          <h2 className="govuk-heading-m">What was said and done</h2>
          <WarningText>Do not write the young person's name or other identifying details.</WarningText>
          <Textarea
            {...form.field("account")}
            label="What the young person said, in their own words"
            labelClassName="govuk-label--s"
            rows={8}
            spellCheck={false}
          />
          <Textarea
            {...form.field("immediateAction")}
            label="What you did straight away (optional)"
            labelClassName="govuk-label--s"
            rows={4}
            spellCheck={false}
          />
          <ReferralFields form={form} />
          <Button>Log disclosure</Button>
        </Form>
      </div>
    </div>
  );
}
