import type { LoaderFunctionArgs } from "@remix-run/node";
import { quarterlyReportDownload } from "~/models/reports.server";
import { requireUserWith } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv.server";
import { invariantResponse } from "~/utils/http.server";
import { quarterlyQuerySchema } from "~/forms/reports.server";

// The quarterly report (same figures and suppression as /reports/quarterly) as CSV for commissioners.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:read");
  const { year } = quarterlyQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const download = await quarterlyReportDownload({ viewer: user, year });
  invariantResponse(download, "There is no report for that year");
  return csvResponse(download.filename, download.csv);
}
