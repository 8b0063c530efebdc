// A printable poster for the hall: the QR code large, the address and the code, and where to get help.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/govuk";
import { PupilHelp } from "~/components/evaluation/PupilHelp";
import { QrCode } from "~/components/evaluation/QrCode";
import { sessionQuestionnaire } from "~/models/questionnaires.server";
import { requireUserWith } from "~/utils/auth.server";
import { idParam, invariantResponse } from "~/utils/http.server";
import { throwHttpError } from "~/web/errors.server";
import { questionnaireLink } from "~/web/questionnaire-link.server";

export const handle = { title: "Questionnaire poster" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "questionnaire:run");
  const page = await sessionQuestionnaire(user, idParam(params.sessionId)).catch(throwHttpError);
  invariantResponse(page.run, "The questionnaire is not open for this session");
  return { sessionId: page.session.id, code: page.run.code, link: await questionnaireLink(page.run.code) };
}

export default function QuestionnairePoster() {
  const { sessionId, code, link } = useLoaderData<typeof loader>();
  return (
    <div className="app-poster">
      <div className="app-no-print">
        <BackLink href={`/sessions/${sessionId}/questionnaire`}>Back to the questionnaire</BackLink>
        <p className="govuk-body">Print this page (A4, portrait) and put it up in the hall.</p>
      </div>
      <h1 className="govuk-heading-xl">What did you think? Tell us on your phone</h1>
      <p className="govuk-body-l">Scan the code with your phone’s camera. It takes 2 minutes. Do not write your name.</p>
      <QrCode svg={link.qrSvg} url={link.url} poster />
      <p className="govuk-body-l govuk-!-margin-top-4">
        Or go to <strong>{link.url.replace(/\/q\/.*$/, "/q")}</strong> and enter the code{" "}
        <strong className="govuk-!-font-size-48">{code}</strong>
      </p>
      <PupilHelp />
    </div>
  );
}
