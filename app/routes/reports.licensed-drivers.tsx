import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Chart } from "~/components/charts/Chart";
import { licensedDriversChart } from "~/models/report-charts";
import { BackLink, Button, ErrorSummary, FileUpload, Table } from "~/components/govuk";
import { CsvFileError } from "~/models/calendars.server";
import { importLicensedDrivers, LICENSED_DRIVER_COLUMNS, licensedDriverFigures } from "~/models/licensed-drivers.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { useFormReply } from "~/web/forms";
import { errorReply } from "~/web/errors.server";
import { formFailure } from "~/web/forms.server";
import { formatDate } from "~/utils/time";
import { readCsvUpload } from "~/utils/uploads.server";

export const handle = { title: "Licensed drivers" };

const MAX_BYTES = 4 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "register:manage");
  return licensedDriverFigures();
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "register:manage");
  const upload = await readCsvUpload(request, { maxBytes: MAX_BYTES });
  if (!upload.ok) return formFailure(upload.formData, { file: [upload.message] });
  try {
    const { drivers } = await importLicensedDrivers(actor, upload.file.bytes, requestMeta(request));
    return redirectWithMessage("/reports/licensed-drivers", `Licensing register imported: ${drivers.toLocaleString("en-GB")} drivers`);
  } catch (error) {
    if (error instanceof CsvFileError)
      return formFailure(upload.formData, { file: [error.message, ...error.problems.map((p) => `Line ${p.line}: ${p.message}`)] }, 422);
    return errorReply(error, upload.formData);
  }
}

export default function LicensedDrivers() {
  const figures = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const form = useFormReply(reply, ["file"]);
  const problems: string[] = (reply?.errors as Record<string, string[]> | undefined)?.file?.slice(1) ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/reports">Back to reach</BackLink>
        <ErrorSummary errors={form.summary} />
        <h1 className="govuk-heading-l">Licensed taxi and private-hire drivers</h1>
        {figures.licensed ? (
          <>
            <p className="govuk-body">
              Licences renewing from today to {formatDate(figures.renewsBy)} count as renewing soon. A driver is trained when someone with
              the same licence number attended driver training.
            </p>
            <Chart spec={licensedDriversChart(figures)} label="Drivers" />
          </>
        ) : (
          <p className="govuk-body">The council&apos;s licensing register has not been imported yet.</p>
        )}
        <h2 className="govuk-heading-m">Import the licensing register</h2>
        <p className="govuk-body">Upload the register as a CSV file. It replaces the register imported before. Its first row must be:</p>
        <pre className="govuk-body app-code">
          <code>{LICENSED_DRIVER_COLUMNS.join(",")}</code>
        </pre>
        <p className="govuk-body">Expiry dates are written 2027-03-31 or 31/03/2027. If any row has a problem, nothing is imported.</p>
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
          <Button>Import the register</Button>
        </Form>
      </div>
    </div>
  );
}
