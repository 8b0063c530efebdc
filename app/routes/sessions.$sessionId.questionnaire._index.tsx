// A session's questionnaire: the code and QR code to put on the hall's screen, the answering window (default: the
// session's day and the 7 days after) and, for before/after questionnaires, which sitting pupils are answering now.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, DateInput, ErrorSummary, InsetText, Radios, SummaryList } from "~/components/govuk";
import { QrCode } from "~/components/evaluation/QrCode";
import { runSchema } from "~/forms/questionnaires.server";
import { sessionQuestionnaire, setQuestionnaireRun } from "~/models/questionnaires.server";
import { SITTING_LABELS } from "~/models/questionnaire-options";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { idParam } from "~/utils/http.server";
import { formatDate, formatDateTime } from "~/utils/time";
import { formAction, throwHttpError } from "~/web/errors.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { questionnaireLink } from "~/web/questionnaire-link.server";

export const handle = { title: "Session questionnaire" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "questionnaire:run");
  const page = await sessionQuestionnaire(user, idParam(params.sessionId)).catch(throwHttpError);
  return { ...page, link: page.run ? await questionnaireLink(page.run.code) : null };
}

export const action = /* @__PURE__ */ formAction("questionnaire:run", async ({ request, params, user, formData }) => {
  const sessionId = idParam(params.sessionId);
  const parsed = parseForm(formData, runSchema);
  if (!parsed.ok) return parsed.reply;
  await setQuestionnaireRun(user, sessionId, parsed.value, requestMeta(request));
  return redirectWithMessage(`/sessions/${sessionId}/questionnaire`, "Questionnaire saved");
});

const dateParts = (date: string) => ({
  day: String(Number(date.slice(8))),
  month: String(Number(date.slice(5, 7))),
  year: date.slice(0, 4),
});

export default function SessionQuestionnaire() {
  const { session, version, run, defaults, online, paper, link } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["opensOn", "closesOn", "collecting"], {
    opensOn: "opensOn-day",
    closesOn: "closesOn-day",
  });
  const window = run ?? defaults;
  const parts = (prefix: "opensOn" | "closesOn") => {
    const fallback = dateParts(window[prefix]);
    return {
      day: form.value(`${prefix}Day`, fallback.day),
      month: form.value(`${prefix}Month`, fallback.month),
      year: form.value(`${prefix}Year`, fallback.year),
    };
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/sessions/${session.id}`}>Back to the session</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">
          {session.programmeName}, {session.venueName}, {formatDateTime(new Date(session.startsAt))}
        </span>
        <h1 className="govuk-heading-l">Questionnaire</h1>
        {!version ? <InsetText>This programme has no questionnaire yet. A coordinator sets one on the programme’s page.</InsetText> : null}
        {run && link ? (
          <>
            <h2 className="govuk-heading-m">Show this on the hall’s screen</h2>
            <p className="govuk-body">Pupils scan the QR code with their phone’s camera, or go to the address and type the code.</p>
            <QrCode svg={link.qrSvg} url={link.url} />
            <SummaryList
              rows={[
                { key: "Code", value: <span className="govuk-!-font-size-36 govuk-!-font-weight-bold">{run.code}</span> },
                { key: "Address", value: link.url },
                { key: "Open", value: `${formatDate(run.opensOn)} to ${formatDate(run.closesOn)}` },
                ...(version?.design === "BEFORE_AFTER"
                  ? [{ key: "Pupils are answering", value: SITTING_LABELS[run.collecting as "BEFORE" | "AFTER"] }]
                  : []),
                {
                  key: "Answered online",
                  value:
                    Object.entries(online)
                      .map(([sitting, n]) => `${SITTING_LABELS[sitting as keyof typeof SITTING_LABELS]}: ${n}`)
                      .join("; ") || "None yet",
                },
                {
                  key: "Paper forms",
                  value:
                    paper.map((p) => `${SITTING_LABELS[p.sitting as keyof typeof SITTING_LABELS]}: ${p.forms}`).join("; ") ||
                    "None entered",
                },
              ]}
            />
            <p className="govuk-body">
              <Link className="govuk-link" to={`/sessions/${session.id}/questionnaire/poster`}>
                Print a poster with the QR code
              </Link>
            </p>
            <p className="govuk-body">
              <Link className="govuk-link" to={`/sessions/${session.id}/questionnaire/paper`}>
                Enter counts from paper forms
              </Link>
            </p>
          </>
        ) : null}
        {version && !session.cancelled ? (
          <Form method="post" noValidate>
            <h2 className="govuk-heading-m">{run ? "Change the answering window" : "Open the questionnaire for this session"}</h2>
            <DateInput id="opensOn" legend="Opens on" values={parts("opensOn")} error={form.error("opensOn")} />
            <DateInput
              id="closesOn"
              legend="Closes at the end of"
              hint="Usually the session’s day and the 7 days after"
              values={parts("closesOn")}
              error={form.error("closesOn")}
            />
            {version.design === "BEFORE_AFTER" ? (
              <Radios
                name="collecting"
                legend="Which answers are pupils giving now?"
                legendClassName="govuk-fieldset__legend--s"
                defaultValue={form.value("collecting", run?.collecting ?? "BEFORE")}
                error={form.error("collecting")}
                items={[
                  { value: "BEFORE", text: SITTING_LABELS.BEFORE },
                  { value: "AFTER", text: SITTING_LABELS.AFTER },
                ]}
              />
            ) : null}
            <Button>{run ? "Save" : "Open the questionnaire"}</Button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
