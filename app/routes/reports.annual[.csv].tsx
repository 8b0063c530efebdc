import type { LoaderFunctionArgs } from "@remix-run/node";
import { annualReviewCsvDownload } from "~/models/annual-review.server";
import { requireUserWith } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv.server";
import { invariantResponse } from "~/utils/http.server";
import { annualQuerySchema } from "~/forms/reports.server";

// The annual review (the same blocks as /reports/annual) as CSV: each table under its caption.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:read");
  const query = annualQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const download = await annualReviewCsvDownload({ viewer: user, query });
  invariantResponse(download, "There is no review for that year");
  return csvResponse(download.filename, download.csv);
}
