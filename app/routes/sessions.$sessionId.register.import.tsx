import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, Checkboxes, ErrorMessage, ErrorSummary, Textarea } from "~/components/govuk";
import { SessionHeading } from "~/components/attendance/SessionHeading";
import { importRegister, RegisterImportError, registerPageForAdding, type RowError } from "~/models/registers.server";
import { IMPORT_COLUMNS } from "~/utils/attendance";
import { importSchema } from "~/forms/attendance.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { errorReply } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { formFailure, parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { invariantResponse, idParam } from "~/utils/http.server";
import { assertCsvUpload, UploadError } from "~/utils/uploads.server";

export const handle = { title: "Add people from a file" };

const MAX_FILE_BYTES = 1_000_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "register:manage");
  const page = await registerPageForAdding(user, idParam(params.sessionId));
  invariantResponse(page, "Session not found");
  return { session: page.session, audience: page.audience };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "register:manage");
  const sessionId = idParam(params.sessionId);
  // Refuse an oversized upload before reading it into memory.
  if (Number(request.headers.get("content-length") ?? 0) > 2 * MAX_FILE_BYTES)
    return formFailure(new FormData(), { file: ["The file must be smaller than 1 MB"] });
  const formData = await request.formData().catch(() => new FormData());
  const parsed = parseForm(formData, importSchema);
  if (!parsed.ok) return parsed.reply;
  const file = formData.get("file");
  let text = parsed.value.rows?.trim() ?? "";
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_FILE_BYTES) return formFailure(formData, { file: ["The file must be smaller than 1 MB"] });
    try {
      text = (await assertCsvUpload(file, { field: "file", maxBytes: MAX_FILE_BYTES })).text;
    } catch (error) {
      if (error instanceof UploadError) return formFailure(formData, { file: [error.message] });
      throw error;
    }
  }
  if (!text) return formFailure(formData, { file: ["Choose a CSV file or paste the rows"] });
  try {
    const result = await importRegister(
      actor,
      { sessionId, text, importValidRows: parsed.value.importValidRows === "yes" },
      requestMeta(request),
    );
    const parts = [`${result.added} ${result.added === 1 ? "person" : "people"} added to the register`];
    if (result.alreadyOnRegister) parts.push(`${result.alreadyOnRegister} already on it`);
    if (result.skipped.length) parts.push(`rows not imported: ${result.skipped.map((s) => s.row).join(", ")}`);
    return redirectWithMessage(`/sessions/${sessionId}/register`, parts.join("; "));
  } catch (error) {
    if (error instanceof RegisterImportError) {
      const reply = formFailure(
        formData,
        { file: [error.message], ...Object.fromEntries(error.rowErrors.map((r) => [`row-${r.row}`, [`Row ${r.row}: ${r.message}`]])) },
        422,
      );
      return data({ ...reply.data, rowErrors: error.rowErrors, validRows: error.validRows }, { status: 422 });
    }
    return errorReply(error, formData);
  }
}

export default function ImportRegister() {
  const { session, audience } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const form = useFormReply(reply, ["file"]);
  const rowErrors: RowError[] = reply && "rowErrors" in reply ? reply.rowErrors : [];
  const validRows: number = reply && "validRows" in reply ? reply.validRows : 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/sessions/${session.id}/register`}>Back to the register</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <SessionHeading title="Add people from a file" session={session} />
        <p className="govuk-body">
          Upload a CSV file, or paste rows copied from one, with up to 500 people. The first row names the columns:
        </p>
        <p className="govuk-body">
          <code>{IMPORT_COLUMNS.join(",")}</code>
        </p>
        <p className="govuk-body">
          {audience === "DRIVERS"
            ? "Every driver needs a name, licence or badge number and licensing authority. The taxi operator must match an operator's name in Outreach."
            : "Everyone needs a name and an email address."}{" "}
          People already known by email or licence are added as themselves, not as new people.
        </p>
        {rowErrors.length ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Rows with problems</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Row
                </th>
                <th scope="col" className="govuk-table__header">
                  Problem
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rowErrors.map((r) => (
                <tr className="govuk-table__row" key={r.row} id={`row-${r.row}`} tabIndex={-1}>
                  <td className="govuk-table__cell">{r.row}</td>
                  <td className="govuk-table__cell">{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {rowErrors.length && validRows ? (
          <p className="govuk-body">
            {validRows} {validRows === 1 ? "row is" : "rows are"} fine. Correct the file and upload it again, or tick &ldquo;Import the
            valid rows&rdquo;.
          </p>
        ) : null}
        <Form method="post" encType="multipart/form-data" noValidate>
          <div className={`govuk-form-group${form.error("file") ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label" htmlFor="file">
              Upload a CSV file
            </label>
            {form.error("file") ? <ErrorMessage id="file-error">{form.error("file")}</ErrorMessage> : null}
            <input
              className={`govuk-file-upload${form.error("file") ? " govuk-file-upload--error" : ""}`}
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={form.error("file") ? "file-error" : undefined}
            />
          </div>
          <Textarea
            name="rows"
            label="Or paste the rows, starting with the header row"
            rows={8}
            spellCheck={false}
            defaultValue={form.value("rows")}
          />
          <Checkboxes
            id="importValidRows"
            name="importValidRows"
            legend="If some rows have problems"
            legendClassName="govuk-fieldset__legend--s"
            defaultValues={form.values("importValidRows")}
            items={[{ value: "yes", text: "Import the valid rows", hint: "Otherwise nothing is added until every row is right" }]}
          />
          <Button>Add people</Button>
        </Form>
      </div>
    </div>
  );
}
