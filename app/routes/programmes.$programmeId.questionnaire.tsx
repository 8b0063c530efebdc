// A programme's evaluation questionnaire. Saving makes a new version: answers already given keep their version.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, Checkboxes, ErrorSummary, InsetText, Radios, Select, Textarea } from "~/components/govuk";
import { questionnaireFieldOrder } from "~/forms/questionnaires";
import { questionnaireSchema } from "~/forms/questionnaires.server";
import { programmeQuestionnaire, saveQuestionnaireVersion } from "~/models/questionnaires.server";
import { DESIGN_LABELS, DESIGNS, QUESTION_KIND_LABELS, QUESTION_KINDS, QUESTION_SLOTS } from "~/models/questionnaire-options";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { idParam } from "~/utils/http.server";
import { formatDateTime } from "~/utils/time";
import { formAction, throwHttpError } from "~/web/errors.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";

export const handle = { title: "Evaluation questionnaire" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "questionnaire:manage");
  return programmeQuestionnaire(idParam(params.programmeId)).catch(throwHttpError);
}

export const action = /* @__PURE__ */ formAction("questionnaire:manage", async ({ request, params, user, formData }) => {
  const programmeId = idParam(params.programmeId);
  const parsed = parseForm(formData, questionnaireSchema);
  if (!parsed.ok) return parsed.reply;
  const version = await saveQuestionnaireVersion(user, programmeId, parsed.value, requestMeta(request));
  return redirectWithMessage(`/programmes/${programmeId}/questionnaire`, `Questionnaire saved as version ${version.number}`);
});

export default function ProgrammeQuestionnaire() {
  const { programme, version, versions, responses } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), questionnaireFieldOrder);
  const slots = Array.from({ length: QUESTION_SLOTS }, (_, i) => i + 1);
  const saved = (i: number) => version?.questions.find((q) => q.position === i);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/programmes/${programme.id}`}>Back to the programme</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">{programme.name}</span>
        <h1 className="govuk-heading-l">Evaluation questionnaire</h1>
        {version ? (
          <InsetText>
            Version {version.number} of {versions}, saved {formatDateTime(new Date(version.createdAt))}. {responses} online answers so far.
            Saving makes a new version; answers already given keep the version they answered.
          </InsetText>
        ) : (
          <p className="govuk-body">No questionnaire yet. Pupils answer it on their phones at the end of a session.</p>
        )}
        <Form method="post" noValidate>
          <Radios
            name="design"
            legend="How do pupils answer the statements?"
            legendClassName="govuk-fieldset__legend--m"
            defaultValue={form.value("design", version?.design ?? "RETROSPECTIVE")}
            error={form.error("design")}
            items={DESIGNS.map((d) => ({ value: d, text: DESIGN_LABELS[d] }))}
          />
          <Checkboxes
            name="pairing"
            legend="Pairing (before and after only)"
            legendClassName="govuk-fieldset__legend--s"
            defaultValues={form.values("pairing", version?.pairing ? ["yes"] : [])}
            items={[{ value: "yes", text: "Ask pupils for an anonymous code so their before and after answers can be paired" }]}
          />
          {slots.map((i) => {
            const q = saved(i);
            return (
              <fieldset key={i} className="govuk-fieldset govuk-!-margin-bottom-6">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Question {i}</legend>
                <Textarea
                  {...form.field(`text${i}`, q?.text ?? "")}
                  label="Wording"
                  hint={i === 1 ? "Leave blank to leave a question out" : undefined}
                  rows={2}
                />
                <Select
                  {...form.field(`kind${i}`, q?.kind ?? "AGREE_SCALE")}
                  label="Type of question"
                  options={QUESTION_KINDS.map((k) => ({ value: k, text: QUESTION_KIND_LABELS[k] }))}
                />
                <Textarea
                  {...form.field(`options${i}`, q?.options ?? "")}
                  label="Choices (one from a list only)"
                  hint="One a line, 2 to 8"
                  rows={3}
                />
                <Checkboxes
                  name={`measured${i}`}
                  legend="Before and after"
                  legendClassName="govuk-fieldset__legend--s"
                  error={form.error(`measured${i}`)}
                  defaultValues={form.values(`measured${i}`, q?.measured ? ["yes"] : [])}
                  items={[{ value: "yes", text: "Ask this statement before and after (or “before today” and “now”)" }]}
                />
              </fieldset>
            );
          })}
          <Button>Save as a new version</Button>
        </Form>
      </div>
    </div>
  );
}
