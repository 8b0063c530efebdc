import type { LoaderFunctionArgs } from "@remix-run/node";
import { quarterlyCsvFilename, quarterlyReportCsv, quarterlyYear } from "~/models/reports.server";
import { requireUserWith } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv.server";
import { invariantResponse } from "~/utils/http.server";
import { quarterlyQuerySchema } from "~/utils/report-schemas";

// The quarterly report (same figures and suppression as /reports/quarterly) as CSV for commissioners.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:read");
  const startYear = quarterlyYear(quarterlyQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams)).year);
  invariantResponse(startYear !== null, "There is no report for that year");
  return csvResponse(quarterlyCsvFilename(startYear), await quarterlyReportCsv({ viewer: user, startYear }));
}
