import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ButtonLink, ErrorSummary, Pagination } from "~/components/govuk";
import { RegisterTable } from "~/components/attendance/RegisterTable";
import { SessionHeading } from "~/components/attendance/SessionHeading";
import { emailCertificate } from "~/models/certificates.server";
import { getRegister, markRegister, removeFromRegister } from "~/models/registers.server";
import { emailCertificateSchema, markSchema, removeEntrySchema } from "~/forms/attendance.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { formFailure, parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { invariantResponse, pageFromUrl, idParam } from "~/utils/http.server";

export const handle = { title: "Register" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "attendance:record");
  const register = await getRegister(user, idParam(params.sessionId), pageFromUrl(request));
  invariantResponse(register, "Session not found");
  return register;
}

export const action = /* @__PURE__ */ formAction("attendance:record", async ({ request, params, user: actor, formData }) => {
  const sessionId = idParam(params.sessionId);
  const back = `/sessions/${sessionId}/register`;
  const meta = requestMeta(request);
  const intent = formData.get("intent");
  if (intent === "mark") {
    const parsed = parseForm(formData, markSchema);
    if (!parsed.ok) return parsed.reply;
    const result = await markRegister(actor, { sessionId, marks: parsed.value.marks }, meta);
    return redirectWithMessage(back, `Register saved: ${result.attended} attended, ${result.absent} absent`);
  }
  if (intent === "remove") {
    await requireUserWith(request, "register:manage");
    const parsed = parseForm(formData, removeEntrySchema);
    if (!parsed.ok) return parsed.reply;
    const { name } = await removeFromRegister(actor, { sessionId, entryId: parsed.value.entryId }, meta);
    return redirectWithMessage(back, `${name} removed from the register`);
  }
  if (intent === "email-certificate") {
    await requireUserWith(request, "register:manage");
    const parsed = parseForm(formData, emailCertificateSchema);
    if (!parsed.ok) return parsed.reply;
    const { to } = await emailCertificate(actor, parsed.value.certificateId, meta);
    return redirectWithMessage(back, `Certificate queued to be emailed to ${to}`);
  }
  return formFailure(formData, { "": ["Reload the page and try again"] });
});

export default function Register() {
  const { session, audience, entries, counts, canMark, canManage } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>());
  const started = new Date(session.startsAt) <= new Date();
  const total = (counts.ATTENDED ?? 0) + (counts.ABSENT ?? 0) + (counts.EXPECTED ?? 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={`/sessions/${session.id}`}>Back to the session</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <SessionHeading title="Register" session={session} />
        <p className="govuk-body">
          {total} on the register: {counts.ATTENDED ?? 0} attended, {counts.ABSENT ?? 0} absent, {counts.EXPECTED ?? 0} not yet marked.
        </p>
        <div className="govuk-button-group">
          {canManage ? (
            <>
              <ButtonLink href={`/sessions/${session.id}/register/add`}>Add a person</ButtonLink>
              <ButtonLink href={`/sessions/${session.id}/register/import`} variant="secondary">
                Add people from a file
              </ButtonLink>
            </>
          ) : null}
          <a className="govuk-link" href={`/sessions/${session.id}/register/sign-in-sheet`}>
            Print the sign-in sheet
          </a>
          {canManage && (counts.ATTENDED ?? 0) > 0 ? (
            <a className="govuk-link" href={`/sessions/${session.id}/certificates`}>
              Download all certificates (PDF)
            </a>
          ) : null}
        </div>
        {entries.total === 0 ? (
          <p className="govuk-body">Nobody is on the register yet.</p>
        ) : (
          <Form method="post" noValidate id="mark-register">
            <input type="hidden" name="intent" value="mark" />
            <RegisterTable entries={entries.items} audience={audience} canMark={canMark && started} canManage={canManage} />
            {canMark && started ? <Button>Save the register</Button> : null}
            {canMark && !started ? <p className="govuk-body">You can mark who attended once the session has started.</p> : null}
          </Form>
        )}
        {/* Row buttons submit these forms (forms cannot nest inside the register form). */}
        {canManage
          ? entries.items.map((entry) => (
              <Form method="post" key={entry.id} id={entry.certificate ? `email-${entry.id}` : `remove-${entry.id}`} hidden>
                <input type="hidden" name="intent" value={entry.certificate ? "email-certificate" : "remove"} />
              </Form>
            ))
          : null}
        <Pagination page={entries.page} pageCount={entries.pageCount} hrefForPage={(p) => `?page=${p}`} />
      </div>
    </div>
  );
}
