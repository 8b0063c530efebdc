// One pupil's free-text answer, for a safeguarding lead (the read is audited), and logging it as a disclosure in one
// step: linked to the session, dated when the pupil answered, with the lead's risk level and categories.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, Checkboxes, ErrorSummary, InsetText, Radios, SummaryList, Tag, Textarea, WarningText } from "~/components/govuk";
import { answerDisclosureSchema } from "~/forms/questionnaires.server";
import { RISK_DEFINITIONS, RISK_LABELS, RISK_LEVELS } from "~/models/disclosure-options";
import { logAnswerAsDisclosure, readFreeTextAnswer } from "~/models/questionnaires.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { idParam, noStoreHeaders } from "~/utils/http.server";
import { formatDateTime } from "~/utils/time";
import { formAction, throwHttpError } from "~/web/errors.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";

export const handle = { title: "Free-text answer" };
export const headers = noStoreHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "disclosure:read");
  return readFreeTextAnswer(user, idParam(params.answerId), requestMeta(request)).catch(throwHttpError);
}

export const action = /* @__PURE__ */ formAction("disclosure:read", async ({ request, params, user, formData }) => {
  const answerId = idParam(params.answerId);
  const parsed = parseForm(formData, answerDisclosureSchema);
  if (!parsed.ok) return parsed.reply;
  const disclosure = await logAnswerAsDisclosure(user, answerId, parsed.value, requestMeta(request));
  return redirectWithMessage(`/disclosures/${disclosure.id}`, `Logged as disclosure ${disclosure.reference}`);
});

export default function FreeTextAnswer() {
  const { answer, categories } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["account", "risk", "categoryIds"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/evaluation/free-text">Back to free-text answers</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">
          {answer.session.programmeName}, {answer.session.venueName}, {formatDateTime(new Date(answer.session.startsAt))}
        </span>
        <h1 className="govuk-heading-l">Free-text answer</h1>
        <SummaryList
          rows={[
            { key: "Question", value: answer.question },
            { key: "Answered", value: formatDateTime(new Date(answer.answeredAt)) },
            {
              key: "Answer",
              value: (
                <>
                  {answer.flagged ? <Tag colour="red">May contain a name</Tag> : null}
                  <p className="govuk-body app-preserve-lines">{answer.text}</p>
                </>
              ),
            },
          ]}
        />
        {answer.disclosure ? (
          <InsetText>
            Logged as disclosure{" "}
            <Link className="govuk-link" to={`/disclosures/${answer.disclosure.id}`}>
              {answer.disclosure.reference}
            </Link>
            .
          </InsetText>
        ) : (
          <Form method="post" noValidate>
            <h2 className="govuk-heading-m">Log this as a disclosure</h2>
            <WarningText>Take out any names before you save: the disclosure log must not hold a child’s name.</WarningText>
            <Textarea {...form.field("account", answer.text)} label="What the pupil wrote" labelClassName="govuk-label--s" rows={6} />
            <Radios
              name="risk"
              legend="Risk level"
              legendClassName="govuk-fieldset__legend--s"
              defaultValue={form.value("risk")}
              error={form.error("risk")}
              items={RISK_LEVELS.map((r) => ({ value: r, text: RISK_LABELS[r], hint: RISK_DEFINITIONS[r] }))}
            />
            <Checkboxes
              name="categoryIds"
              legend="Concern categories"
              legendClassName="govuk-fieldset__legend--s"
              defaultValues={form.values("categoryIds")}
              error={form.error("categoryIds")}
              items={categories.map((c) => ({ value: c.id, text: c.label }))}
            />
            <Button>Log as a disclosure</Button>
          </Form>
        )}
      </div>
    </div>
  );
}
