import type { LoaderFunctionArgs } from "@remix-run/node";
import { quarterlyReportPdf } from "~/models/annual-review.server";
import { requireUserWith } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { pdfResponse } from "~/utils/pdf.server";
import { quarterlyQuerySchema } from "~/forms/reports.server";

// The quarterly report (same figures and suppression as /reports/quarterly) as an A4 PDF for commissioners.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:read");
  const { year } = quarterlyQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const download = await quarterlyReportPdf({ viewer: user, year });
  invariantResponse(download, "There is no report for that year");
  return pdfResponse(download.filename, download.pdf);
}
