import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificatePdf } from "~/models/certificates.server";
import { requireUserWith } from "~/utils/auth.server";
import { invariantResponse, idParam } from "~/utils/http.server";
import { pdfResponse } from "~/utils/pdf.server";

// One certificate as an A4 PDF.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "register:manage");
  const result = await certificatePdf(user, idParam(params.certificateId));
  invariantResponse(result, "Certificate not found");
  return pdfResponse(result.filename, result.pdf);
}
