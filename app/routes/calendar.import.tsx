import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, FileUpload, Table } from "~/components/govuk";
import { CsvFileError, importTermsCsv } from "~/models/calendars.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { errorReply } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { formFailure } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { TERM_CSV_COLUMNS } from "~/forms/reference";
import { readCsvUpload } from "~/utils/uploads.server";

export const handle = { title: "Import term dates" };

const MAX_BYTES = 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "calendar:manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "calendar:manage");
  const upload = await readCsvUpload(request, { maxBytes: MAX_BYTES });
  if (!upload.ok) return formFailure(upload.formData, { file: [upload.message] });
  try {
    const result = await importTermsCsv(actor, upload.file.bytes, requestMeta(request));
    return redirectWithMessage(
      "/calendar",
      `Term dates imported for ${result.years.join(", ")}: ${result.created} added, ${result.updated} updated`,
    );
  } catch (error) {
    if (error instanceof CsvFileError) {
      return formFailure(upload.formData, { file: [error.message, ...error.problems.map((p) => `Line ${p.line}: ${p.message}`)] }, 422);
    }
    return errorReply(error, upload.formData);
  }
}

export default function ImportTerms() {
  const reply = useActionData<typeof action>();
  const form = useFormReply(reply, ["file"]);
  const problems: string[] = (reply?.errors as Record<string, string[]> | undefined)?.file?.slice(1) ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/calendar">Back to the school calendar</BackLink>
        <ErrorSummary errors={form.summary} />
        <h1 className="govuk-heading-l">Import term dates</h1>
        <p className="govuk-body">Upload a CSV file of the council's term dates. Its first row must be:</p>
        <pre className="govuk-body app-code">
          <code>{TERM_CSV_COLUMNS.join(",")}</code>
        </pre>
        <p className="govuk-body">
          Dates are written 2026-10-26, terms are Autumn, Spring or Summer, and years look like 2026/27. Terms already entered are updated.
          If any row has a problem, nothing is imported.
        </p>
        {problems.length ? (
          <Table
            caption="Problems in the file"
            captionClassName="govuk-table__caption--s"
            head={[{ text: "Problem" }]}
            rows={problems.map((p, i) => ({ key: String(i), cells: [{ text: p }] }))}
          />
        ) : null}
        <Form method="post" encType="multipart/form-data" noValidate>
          <FileUpload name="file" label="CSV file" accept=".csv,text/csv" error={form.error("file")} />
          <Button>Import term dates</Button>
        </Form>
      </div>
    </div>
  );
}
