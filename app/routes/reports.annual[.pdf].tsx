import type { LoaderFunctionArgs } from "@remix-run/node";
import { annualReviewPdfDownload } from "~/models/annual-review.server";
import { requireUserWith } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { pdfResponse } from "~/utils/pdf.server";
import { annualQuerySchema } from "~/forms/reports.server";

// The annual review (the same blocks as /reports/annual) as an A4 PDF.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:read");
  const query = annualQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const download = await annualReviewPdfDownload({ viewer: user, query });
  invariantResponse(download, "There is no review for that year");
  return pdfResponse(download.filename, download.pdf);
}
