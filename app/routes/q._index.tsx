// Where pupils type the short code from the hall screen (or the poster) if they cannot scan the QR code.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { Button, TextInput } from "~/components/govuk";
import { PupilHelp } from "~/components/evaluation/PupilHelp";
import { normaliseCode } from "~/models/questionnaires.server";
import { queryText } from "~/utils/http.server";

export const handle = { title: "Answer a questionnaire" };

export function loader({ request }: LoaderFunctionArgs) {
  // Going to the questionnaire changes nothing: this GET only redirects to the code's own page.
  const code = normaliseCode(queryText(request, "code", 40) ?? "");
  return code ? redirect(`/q/${encodeURIComponent(code)}`) : null;
}

export default function EnterCode() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Answer a questionnaire</h1>
        <Form method="get" noValidate>
          <TextInput
            name="code"
            label="Enter the code on the screen"
            hint="It has 6 letters and numbers, for example K7P2QX"
            className="govuk-input--width-10"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
          <Button>Continue</Button>
        </Form>
        <PupilHelp />
      </div>
    </div>
  );
}
