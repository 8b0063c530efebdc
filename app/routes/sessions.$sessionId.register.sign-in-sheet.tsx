import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/govuk";
import { SessionHeading } from "~/components/attendance/SessionHeading";
import { getSignInSheet } from "~/models/registers.server";
import { requireUserWith } from "~/utils/auth.server";
import { invariantResponse, idParam } from "~/utils/http.server";

export const handle = { title: "Sign-in sheet" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "attendance:record");
  const sheet = await getSignInSheet(user, idParam(params.sessionId));
  invariantResponse(sheet, "Session not found");
  return sheet;
}

export default function SignInSheet() {
  const { session, audience, entries } = useLoaderData<typeof loader>();
  return (
    <div className="app-sign-in-sheet">
      <div className="app-no-print">
        <BackLink href={`/sessions/${session.id}/register`}>Back to the register</BackLink>
      </div>
      <SessionHeading title="Sign-in sheet" session={session} />
      <p className="govuk-body app-no-print">Print this page with your browser&apos;s print command. Only the sheet is printed.</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{entries.length} expected</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Name
            </th>
            <th scope="col" className="govuk-table__header">
              {audience === "DRIVERS" ? "Licence number and operator" : "Organisation"}
            </th>
            <th scope="col" className="govuk-table__header app-signature-column">
              Signature
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {entries.map((e) => (
            <tr className="govuk-table__row" key={e.id}>
              <td className="govuk-table__cell">{e.person.name}</td>
              <td className="govuk-table__cell">
                {audience === "DRIVERS"
                  ? [e.person.licenceNumber, e.person.operator?.name].filter(Boolean).join(", ")
                  : (e.person.organisation ?? "")}
              </td>
              <td className="govuk-table__cell app-signature-column" />
            </tr>
          ))}
          {Array.from({ length: 5 }, (_, i) => (
            <tr className="govuk-table__row" key={`blank-${i}`}>
              <td className="govuk-table__cell app-blank-row">
                <span className="govuk-visually-hidden">Space for someone not on the list</span>
              </td>
              <td className="govuk-table__cell" />
              <td className="govuk-table__cell app-signature-column" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
