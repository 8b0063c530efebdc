import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ButtonLink, Checkboxes, ErrorMessage, ErrorSummary, SummaryList, TextInput } from "~/components/govuk";
import { SessionHeading } from "~/components/attendance/SessionHeading";
import { getSessionAttendance, recordHeadcount, recordPupilAttendance } from "~/models/attendance.server";
import { COUNT_FIELD_NAMES, countFieldName, SEX_COLUMNS, yearGroupLabel, YEAR_GROUPS } from "~/utils/attendance";
import { headcountSchema, pupilCountsSchema } from "~/utils/attendance-forms.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { formFailure, modelErrorReply, parseForm } from "~/utils/forms.server";
import { useFormReply } from "~/utils/forms";
import { invariantResponse, idParam } from "~/utils/http.server";

export const handle = { title: "Attendance" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "attendance:read");
  const attendance = await getSessionAttendance(user, idParam(params.sessionId));
  invariantResponse(attendance, "Session not found");
  return attendance;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "attendance:record");
  const sessionId = idParam(params.sessionId);
  const formData = await request.formData();
  const meta = requestMeta(request);
  try {
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
  } catch (error) {
    return modelErrorReply(error, formData);
  }
  return redirectWithMessage(`/sessions/${sessionId}/attendance`, "Attendance saved");
}

const FIELD_ORDER = [...COUNT_FIELD_NAMES, "adultsPresent", "headcount", "conversations", "leafletsGiven", "confirmOverCapacity"];

export default function Attendance() {
  const { session, mode, counts, byYearGroup, pupilTotal, canRecord, register } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), FIELD_ORDER);
  const recorded = (yearGroup: string, sex: string) => {
    const rows = counts.filter((c) => c.yearGroup === yearGroup && (c.sex === sex || (sex === "NOT_RECORDED" && c.sex === "OTHER")));
    return rows.length ? String(rows.reduce((sum, c) => sum + c.count, 0)) : "";
  };
  const needsConfirmation = !!form.error("confirmOverCapacity") || form.value("confirmOverCapacity") === "yes";
  const confirmBox = needsConfirmation ? (
    <Checkboxes
      id="confirmOverCapacity"
      name="confirmOverCapacity"
      legend="More people than the venue holds"
      legendClassName="govuk-fieldset__legend--s"
      error={form.error("confirmOverCapacity")}
      defaultValues={form.values("confirmOverCapacity")}
      items={[{ value: "yes", text: "The figures are right: more people attended than the venue's capacity" }]}
    />
  ) : null;
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
            ...(mode !== "REGISTER" ? [{ key: "Adults present", value: session.adultsPresent?.toLocaleString("en-GB") ?? "Not recorded" }] : []),
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
          canRecord ? <ButtonLink href={`/sessions/${session.id}/register`}>Open the register</ButtonLink> : null
        ) : !canRecord ? (
          byYearGroup.length ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">Pupils by year group</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Year group</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Pupils</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {byYearGroup.map((row) => (
                  <tr className="govuk-table__row" key={row.yearGroup}>
                    <th scope="row" className="govuk-table__header">{row.label}</th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{row.total.toLocaleString("en-GB")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null
        ) : mode === "PUPIL_COUNTS" ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="pupils" />
            <h2 className="govuk-heading-m">Pupils by year group</h2>
            <p className="govuk-body">
              Enter the number of pupils who saw the session. Leave a box empty if no pupils from that group came; 0 is fine too. If you did not
              count girls and boys separately, put the year group&apos;s total under &ldquo;Other or not recorded&rdquo;.
            </p>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Pupils by year group and sex</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Year group</th>
                  {SEX_COLUMNS.map((c) => (
                    <th scope="col" className="govuk-table__header" key={c.sex}>{c.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {YEAR_GROUPS.map((yearGroup) => (
                  <tr className="govuk-table__row" key={yearGroup}>
                    <th scope="row" className="govuk-table__header">{yearGroupLabel(yearGroup)}</th>
                    {SEX_COLUMNS.map((c) => {
                      const name = countFieldName(yearGroup, c.sex);
                      const error = form.error(name);
                      return (
                        <td className="govuk-table__cell" key={c.sex}>
                          <div className={`govuk-form-group govuk-!-margin-bottom-0${error ? " govuk-form-group--error" : ""}`}>
                            <label className="govuk-label govuk-visually-hidden" htmlFor={name}>
                              {c.label} in {yearGroupLabel(yearGroup)}
                            </label>
                            {error ? <ErrorMessage id={`${name}-error`}>{error}</ErrorMessage> : null}
                            <input
                              className={`govuk-input govuk-input--width-4${error ? " govuk-input--error" : ""}`}
                              id={name}
                              name={name}
                              inputMode="numeric"
                              spellCheck={false}
                              aria-describedby={error ? `${name}-error` : undefined}
                              defaultValue={form.value(name, recorded(yearGroup, c.sex))}
                            />
                          </div>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            <TextInput
              name="adultsPresent"
              label="Adults present"
              hint="School staff, support workers and other adults in the room"
              className="govuk-input--width-4"
              inputMode="numeric"
              defaultValue={form.value("adultsPresent", session.adultsPresent?.toString() ?? "")}
              error={form.error("adultsPresent")}
            />
            {confirmBox}
            <Button>Save attendance</Button>
          </Form>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="headcount" />
            <TextInput
              name="headcount"
              label="How many people came?"
              labelClassName="govuk-label--m"
              className="govuk-input--width-4"
              inputMode="numeric"
              defaultValue={form.value("headcount", session.headcount?.toString() ?? "")}
              error={form.error("headcount")}
            />
            <TextInput
              name="adultsPresent"
              label="Of whom adults (optional)"
              className="govuk-input--width-4"
              inputMode="numeric"
              defaultValue={form.value("adultsPresent", session.adultsPresent?.toString() ?? "")}
              error={form.error("adultsPresent")}
            />
            {session.programme.kind === "AWARENESS_STALL" ? (
              <>
                <TextInput
                  name="conversations"
                  label="Conversations held"
                  className="govuk-input--width-4"
                  inputMode="numeric"
                  defaultValue={form.value("conversations", session.conversations?.toString() ?? "")}
                  error={form.error("conversations")}
                />
                <TextInput
                  name="leafletsGiven"
                  label="Leaflets given"
                  className="govuk-input--width-4"
                  inputMode="numeric"
                  defaultValue={form.value("leafletsGiven", session.leafletsGiven?.toString() ?? "")}
                  error={form.error("leafletsGiven")}
                />
              </>
            ) : null}
            {confirmBox}
            <Button>Save attendance</Button>
          </Form>
        )}
      </div>
    </div>
  );
}
