import type { LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, ButtonLink, ErrorSummary, SummaryList } from "~/components/govuk";
import { HeadcountForm, PupilCountsForm } from "~/components/attendance/AttendanceForms";
import { SessionHeading } from "~/components/attendance/SessionHeading";
import { getSessionAttendance, recordHeadcount, recordPupilAttendance } from "~/models/attendance.server";
import { COUNT_FIELD_NAMES } from "~/utils/attendance";
import { headcountSchema, pupilCountsSchema } from "~/forms/attendance.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { formFailure, parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { invariantResponse, idParam } from "~/utils/http.server";

export const handle = { title: "Attendance" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "attendance:read");
  const attendance = await getSessionAttendance(user, idParam(params.sessionId));
  invariantResponse(attendance, "Session not found");
  return attendance;
}

export const action = /* @__PURE__ */ formAction("attendance:record", async ({ request, params, user: actor, formData }) => {
  const sessionId = idParam(params.sessionId);
  const meta = requestMeta(request);
  if (formData.get("intent") === "headcount") {
    const parsed = parseForm(formData, headcountSchema);
    if (!parsed.ok) return parsed.reply;
    await recordHeadcount(actor, { sessionId, ...parsed.value }, meta);
  } else if (formData.get("intent") === "pupils") {
    const parsed = parseForm(formData, pupilCountsSchema);
    if (!parsed.ok) return parsed.reply;
    await recordPupilAttendance(actor, { sessionId, ...parsed.value }, meta);
  } else {
    return formFailure(formData, { "": ["Reload the page and try again"] });
  }
  return redirectWithMessage(`/sessions/${sessionId}/attendance`, "Attendance saved");
});

const FIELD_ORDER = [...COUNT_FIELD_NAMES, "adultsPresent", "headcount", "conversations", "leafletsGiven", "confirmOverCapacity"];

export default function Attendance() {
  const { session, mode, counts, byYearGroup, pupilTotal, canRecord, register } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), FIELD_ORDER);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={`/sessions/${session.id}`}>Back to the session</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <SessionHeading title="Attendance" session={session} />
        <SummaryList
          rows={[
            { key: "Status", value: session.status === "DELIVERED" ? "Delivered" : "Not yet recorded as delivered" },
            ...(mode === "PUPIL_COUNTS" ? [{ key: "Pupils", value: pupilTotal.toLocaleString("en-GB") }] : []),
            ...(mode === "HEADCOUNT" ? [{ key: "Headcount", value: session.headcount?.toLocaleString("en-GB") ?? "Not recorded" }] : []),
            ...(mode !== "REGISTER"
              ? [{ key: "Adults present", value: session.adultsPresent?.toLocaleString("en-GB") ?? "Not recorded" }]
              : []),
            ...(session.programme.kind === "AWARENESS_STALL"
              ? [
                  { key: "Conversations held", value: session.conversations?.toLocaleString("en-GB") ?? "Not recorded" },
                  { key: "Leaflets given", value: session.leafletsGiven?.toLocaleString("en-GB") ?? "Not recorded" },
                ]
              : []),
            ...(mode === "REGISTER"
              ? [
                  { key: "Attended", value: String(register.ATTENDED ?? 0) },
                  { key: "Absent", value: String(register.ABSENT ?? 0) },
                  { key: "Not yet marked", value: String(register.EXPECTED ?? 0) },
                ]
              : []),
            ...(session.venue.hallCapacity ? [{ key: "Venue capacity", value: session.venue.hallCapacity.toLocaleString("en-GB") }] : []),
          ]}
        />
        {mode === "REGISTER" ? (
          canRecord ? (
            <ButtonLink href={`/sessions/${session.id}/register`}>Open the register</ButtonLink>
          ) : null
        ) : !canRecord ? (
          byYearGroup.length ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">Pupils by year group</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Year group
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Pupils
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {byYearGroup.map((row) => (
                  <tr className="govuk-table__row" key={row.yearGroup}>
                    <th scope="row" className="govuk-table__header">
                      {row.label}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{row.total.toLocaleString("en-GB")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null
        ) : mode === "PUPIL_COUNTS" ? (
          <PupilCountsForm counts={counts} adultsPresent={session.adultsPresent} form={form} />
        ) : (
          <HeadcountForm session={session} form={form} />
        )}
      </div>
    </div>
  );
}
