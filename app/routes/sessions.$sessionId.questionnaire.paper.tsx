// Counts typed in from paper questionnaires: for each question, how many forms gave each answer. Kept apart from the
// online answers and labelled as paper in the results. Saving again replaces the sitting's tally.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, TextInput } from "~/components/govuk";
import { tallySchema } from "~/forms/questionnaires.server";
import { AnswersInvalidError, paperTallyForm, savePaperTally } from "~/models/questionnaires.server";
import { SITTING_LABELS, type Sitting } from "~/models/questionnaire-options";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { idParam, queryText } from "~/utils/http.server";
import { formatDateTime } from "~/utils/time";
import { formAction, throwHttpError } from "~/web/errors.server";
import { formFailure, parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";

export const handle = { title: "Enter counts from paper forms" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "questionnaire:run");
  const sitting = queryText(request, "sitting", 20) as Sitting | undefined;
  return paperTallyForm(user, idParam(params.sessionId), sitting).catch(throwHttpError);
}

export const action = /* @__PURE__ */ formAction("questionnaire:run", async ({ request, params, user, formData }) => {
  const sessionId = idParam(params.sessionId);
  const parsed = parseForm(formData, tallySchema);
  if (!parsed.ok) return parsed.reply;
  try {
    await savePaperTally(user, sessionId, parsed.value, requestMeta(request));
  } catch (error) {
    if (error instanceof AnswersInvalidError) return formFailure(formData, error.errors, 422);
    throw error;
  }
  return redirectWithMessage(`/sessions/${sessionId}/questionnaire`, "Paper counts saved");
});

export default function PaperTally() {
  const { session, design, sitting, questions, values } = useLoaderData<typeof loader>();
  const fields = questions.flatMap((q) => q.fields.flatMap((f) => q.choices.map((_, i) => `${f.field}-${i + 1}`)));
  const form = useFormReply(useActionData<typeof action>(), ["forms", ...fields]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/sessions/${session.id}/questionnaire`}>Back to the questionnaire</BackLink>
        <ErrorSummary errors={form.summary} />
        <span className="govuk-caption-l">
          {session.programmeName}, {session.venueName}, {formatDateTime(new Date(session.startsAt))}
        </span>
        <h1 className="govuk-heading-l">Enter counts from paper forms</h1>
        {design === "BEFORE_AFTER" ? (
          <p className="govuk-body">
            {(["BEFORE", "AFTER"] as const).map((s) =>
              s === sitting ? (
                <strong key={s}>{SITTING_LABELS[s]} </strong>
              ) : (
                <a key={s} className="govuk-link govuk-!-margin-right-3" href={`?sitting=${s}`}>
                  {SITTING_LABELS[s]}
                </a>
              ),
            )}
          </p>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="sitting" value={sitting} />
          <TextInput
            {...form.field("forms", values.forms ?? "")}
            label="How many paper forms?"
            inputMode="numeric"
            className="govuk-input--width-5"
          />
          {questions.map((q) =>
            q.fields.map((f) => (
              <fieldset key={f.field} className="govuk-fieldset govuk-!-margin-bottom-6">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  {f.timing && sitting === "RETROSPECTIVE" ? `${f.timing === "BEFORE" ? "Before today" : "Now"}: ` : ""}
                  {q.text}
                </legend>
                {q.choices.map((choice, i) => (
                  <TextInput
                    key={i}
                    {...form.field(`${f.field}-${i + 1}`, values[`${f.field}-${i + 1}`] ?? "")}
                    label={choice}
                    inputMode="numeric"
                    className="govuk-input--width-4"
                  />
                ))}
              </fieldset>
            )),
          )}
          <Button>Save counts</Button>
        </Form>
      </div>
    </div>
  );
}
