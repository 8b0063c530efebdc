// The page pupils reach from the QR code or the short code on the hall screen. No account, no name, no tracking
// (ADR 020): all questions on one page, large radio buttons, works without JavaScript. GET only shows; answers are a POST.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, Panel } from "~/components/govuk";
import { PairingCodeFields, QuestionField, fieldsOf } from "~/components/evaluation/QuestionFields";
import { PupilHelp, PupilPrivacy } from "~/components/evaluation/PupilHelp";
import { answersSchema } from "~/forms/questionnaires.server";
import { AnswersInvalidError, normaliseCode, questionnaireByCode, submitQuestionnaire } from "~/models/questionnaires.server";
import { PAIRING_PARTS, SITTING_LABELS } from "~/models/questionnaire-options";
import { requestMeta } from "~/utils/audit.server";
import { tokenPageHeaders } from "~/utils/http.server";
import { checkRateLimit, hitRateLimit, ipRateLimitKey, tooManyRequests } from "~/utils/rate-limit.server";
import { formatDate } from "~/utils/time";
import { answeredCookie, hasAnswered } from "~/web/answered-cookie.server";
import { formFailure, parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";

export const handle = { title: "Questionnaire" };
export const headers = tokenPageHeaders;
export const meta: MetaFunction = () => [
  { name: "referrer", content: "no-referrer" },
  { name: "robots", content: "noindex" },
];

// A whole school shares one address: 300 phones in two minutes must all get through, so the per-address limit is
// generous and a per-code limit caps what one code can take. Unknown codes count as guesses, with room for typos.
const PER_ADDRESS = { limit: 1500, windowSeconds: 10 * 60 };
const PER_CODE = { limit: 1200, windowSeconds: 10 * 60 };
const MISSES = { limit: 200, windowSeconds: 15 * 60 };

async function refuseGuessing(request: Request) {
  const blocked = await checkRateLimit(ipRateLimitKey("q-miss", requestMeta(request).ip), MISSES);
  if (!blocked.ok) throw tooManyRequests(blocked.retryAfterSeconds);
}
const recordMiss = (request: Request) => hitRateLimit(ipRateLimitKey("q-miss", requestMeta(request).ip), MISSES);

const NOT_OPEN = {
  unknown: { status: 404, title: "We cannot find that questionnaire", text: "Check the code on the screen or poster and try again." },
  "not-yet": { status: 403, title: "This questionnaire is not open yet", text: "It opens on the day of the performance." },
  closed: { status: 410, title: "This questionnaire has closed", text: "Thank you for wanting to answer. It is no longer taking answers." },
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await refuseGuessing(request);
  const code = normaliseCode(params.code ?? "");
  if (code !== params.code) return redirect(`/q/${encodeURIComponent(code)}`);
  const found = await questionnaireByCode(code);
  if (found.state !== "open") {
    if (found.state === "unknown") await recordMiss(request);
    return data({ found, answered: false }, { status: NOT_OPEN[found.state].status });
  }
  return { found, answered: await hasAnswered(request, code, found.questionnaire.sitting) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await refuseGuessing(request);
  const code = normaliseCode(params.code ?? "");
  for (const [key, limit] of [
    [ipRateLimitKey("q-answer", requestMeta(request).ip), PER_ADDRESS],
    [`q-answer:code:${code}`, PER_CODE],
  ] as const) {
    const result = await hitRateLimit(key, limit);
    if (!result.ok) throw tooManyRequests(result.retryAfterSeconds);
  }
  const formData = await request.formData();
  const parsed = parseForm(formData, answersSchema);
  if (!parsed.ok) return parsed.reply;
  const answers = Object.fromEntries(Object.entries(parsed.value).map(([k, v]) => [k, v ?? ""]));
  try {
    // The code is looked up, and the answers checked and saved, in one transaction (a closed or cancelled code saves nothing).
    const result = await submitQuestionnaire(code, answers, new Date(), (sitting) => hasAnswered(request, code, sitting));
    if (!result.saved) {
      if (result.state === "unknown") await recordMiss(request);
      return redirect(`/q/${code}`);
    }
    return redirect(`/q/${code}`, { headers: { "Set-Cookie": await answeredCookie(code, result.sitting, result.closesOn) } });
  } catch (error) {
    if (error instanceof AnswersInvalidError) return formFailure(formData, error.errors);
    throw error;
  }
}

export default function AnswerQuestionnaire() {
  const { found, answered } = useLoaderData<typeof loader>();
  const questionnaire = found.state === "open" ? found.questionnaire : null;
  const form = useFormReply(
    useActionData<typeof action>(),
    questionnaire
      ? [
          ...questionnaire.questions.flatMap((q) => fieldsOf(questionnaire.sitting, q).map((f) => f.field)),
          ...PAIRING_PARTS.map((p) => p.name),
        ]
      : [],
  );
  if (!questionnaire) {
    const page = NOT_OPEN[found.state === "open" ? "unknown" : found.state];
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{page.title}</h1>
          <p className="govuk-body">{page.text}</p>
          <PupilHelp />
        </div>
      </div>
    );
  }
  if (answered)
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Panel title="Thank you">Your answers have been sent</Panel>
          <p className="govuk-body">
            This phone has already answered this questionnaire, so it cannot answer it again. If a friend wants to answer, they can use
            their own phone.
          </p>
          <PupilHelp />
        </div>
      </div>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.summary} />
        <span className="govuk-caption-l">{SITTING_LABELS[questionnaire.sitting]}</span>
        <h1 className="govuk-heading-l">What do you think?</h1>
        <p className="govuk-body">
          It takes about 2 minutes. There are no right or wrong answers. Do not write your name. Open until{" "}
          {formatDate(questionnaire.closesOn)}.
        </p>
        <PupilPrivacy />
        <Form method="post" noValidate>
          {questionnaire.questions.map((q) => (
            <QuestionField key={q.id} question={q} sitting={questionnaire.sitting} form={form} />
          ))}
          {questionnaire.pairing ? <PairingCodeFields form={form} /> : null}
          <Button>Send my answers</Button>
        </Form>
        <PupilHelp />
      </div>
    </div>
  );
}
