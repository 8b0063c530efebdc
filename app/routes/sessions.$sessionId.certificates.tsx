import type { LoaderFunctionArgs } from "@remix-run/node";
import { sessionCertificatesPdf } from "~/models/certificates.server";
import { requireUserWith } from "~/utils/auth.server";
import { invariantResponse, idParam } from "~/utils/http.server";
import { pdfResponse } from "~/utils/pdf.server";

// Every certificate of a session in one PDF, a page each.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "register:manage");
  const result = await sessionCertificatesPdf(user, idParam(params.sessionId));
  invariantResponse(result, "No certificates for this session");
  return pdfResponse(result.filename, result.pdf);
}
