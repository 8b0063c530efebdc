import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { BackLink, Button, Checkboxes, ErrorSummary, FileUpload, Panel, Table, TextInput } from "~/components/govuk";
import { GiasFileError, importSchools, type ImportSummary } from "~/models/school-import.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formFailure, parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { readCsvUpload } from "~/utils/uploads.server";
import { schoolImportSchema } from "~/forms/reference.server";

export const handle = { title: "Import schools from GIAS" };

// The national file is about 60 MB.
const MAX_BYTES = 150 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "venue:manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "venue:manage");
  const upload = await readCsvUpload(request, { maxBytes: MAX_BYTES });
  const parsed = parseForm(upload.formData, schoolImportSchema);
  if (!upload.ok || !parsed.ok) {
    const fieldErrors = parsed.ok ? {} : parsed.reply.data.errors;
    return formFailure(upload.formData, { ...fieldErrors, ...(upload.ok ? {} : { file: [upload.message] }) });
  }
  try {
    const summary = await importSchools(actor, upload.file.bytes, parsed.value, requestMeta(request));
    return { summary, fileName: upload.file.name };
  } catch (error) {
    if (error instanceof GiasFileError) return formFailure(upload.formData, { file: [error.message] }, 422);
    throw error;
  }
}

function Summary({ summary: s, fileName }: { summary: ImportSummary; fileName: string }) {
  return (
    <>
      <Panel title="Import complete">
        {s.created} added, {s.updated} updated, {s.closed} marked closed, {s.unchanged} unchanged, {s.skipped} skipped
      </Panel>
      <p className="govuk-body">
        Read {s.rows.toLocaleString("en-GB")} rows from {fileName} ({s.encoding === "windows-1252" ? "Windows-1252" : "UTF-8"}) for local
        authority {s.laCode} in {(s.durationMs / 1000).toFixed(1)} seconds.
      </p>
      <Table
        caption="Summary"
        captionClassName="govuk-table__caption--m"
        head={[{ text: "Outcome" }, { text: "Schools", format: "numeric" }]}
        rows={[
          { key: "created", cells: [{ text: "Added" }, { text: s.created, format: "numeric" }] },
          { key: "updated", cells: [{ text: "Updated (name, roll, address or status changed)" }, { text: s.updated, format: "numeric" }] },
          { key: "closed", cells: [{ text: "Marked closed (closed in GIAS)" }, { text: s.closed, format: "numeric" }] },
          { key: "unchanged", cells: [{ text: "Unchanged" }, { text: s.unchanged, format: "numeric" }] },
          ...s.skippedByReason.map((r) => ({
            key: r.reason,
            cells: [{ text: `Skipped: ${r.label}` }, { text: r.count, format: "numeric" as const }],
          })),
        ]}
      />
      {s.examples.length ? (
        <Table
          caption="Skipped rows in this local authority"
          captionClassName="govuk-table__caption--s"
          head={[{ text: "URN" }, { text: "Name" }, { text: "Reason" }]}
          rows={s.examples.map((e, i) => ({ key: `${e.urn}-${i}`, cells: [{ text: e.urn }, { text: e.name || "–" }, { text: e.reason }] }))}
        />
      ) : null}
      <p className="govuk-body">
        <a className="govuk-link" href={`/venues?laCode=${s.laCode}`}>
          See the schools in local authority {s.laCode}
        </a>
      </p>
    </>
  );
}

export default function ImportSchools() {
  const reply = useActionData<typeof action>();
  const form = useFormReply(reply && "errors" in reply ? reply : undefined, ["laCode", "includeSpecial", "file"]);
  const importing = useNavigation().state === "submitting";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/venues">Back to venues</BackLink>
        <ErrorSummary errors={form.summary} />
        <h1 className="govuk-heading-l">Import schools from GIAS</h1>
        {reply && "summary" in reply ? <Summary summary={reply.summary} fileName={reply.fileName} /> : null}
        <p className="govuk-body">
          Download the establishment fields CSV (edubasealldata) from Get Information about Schools and upload it here. Open secondary
          schools, middle deemed secondary, all-through and 16 plus schools and colleges in your local authority are added or updated by
          URN. Schools closed in GIAS are marked closed, never deleted. A file with the wrong columns is refused and nothing is changed.
        </p>
        <Form method="post" encType="multipart/form-data" noValidate>
          <TextInput
            {...form.field("laCode")}
            label="Local authority code"
            hint="3 digits, like 353"
            inputMode="numeric"
            className="govuk-input--width-3"
          />
          <Checkboxes
            name="includeSpecial"
            legend="Special schools"
            legendClassName="govuk-fieldset__legend--s"
            small
            defaultValues={form.values("includeSpecial")}
            items={[{ value: "on", text: "Also import special schools and pupil referral units whose age range includes 14" }]}
          />
          <FileUpload
            name="file"
            label="GIAS CSV file"
            hint="The national file is about 60 MB and takes up to a minute"
            accept=".csv,text/csv"
            error={form.error("file")}
          />
          <Button disabled={importing}>{importing ? "Importing…" : "Import schools"}</Button>
        </Form>
      </div>
    </div>
  );
}
