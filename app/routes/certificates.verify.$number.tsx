import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Panel, SummaryList } from "~/components/govuk";
import { verifyCertificate } from "~/models/certificates.server";
import { tokenPageHeaders } from "~/utils/http.server";
import { formatDate } from "~/utils/time";

// Public: anyone with a certificate number can check it. Shows only the holder's name, programme and date.
export const handle = {
  title: (data: { certificate: unknown } | undefined) => (data?.certificate ? "Certificate is genuine" : "Certificate not found"),
};

// Sent on the loader's own (data) responses too; the page itself gets tokenPageHeaders.
const PRIVATE_HEADERS = { "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex", "Cache-Control": "no-store" };

export async function loader({ params }: LoaderFunctionArgs) {
  const certificate = await verifyCertificate(params.number ?? "");
  return data({ certificate }, { status: certificate ? 200 : 404, headers: PRIVATE_HEADERS });
}

export const headers = tokenPageHeaders;

export default function VerifyCertificate() {
  const { certificate } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {certificate ? (
          <>
            <Panel title="Certificate is genuine" />
            <p className="govuk-body">This certificate of attendance was issued by this service.</p>
            <SummaryList
              rows={[
                { key: "Name", value: certificate.holderName },
                { key: "Programme", value: certificate.programmeName },
                { key: "Date attended", value: formatDate(certificate.date) },
              ]}
            />
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">Certificate not found</h1>
            <p className="govuk-body">
              There is no certificate with this number. Check you typed or copied the whole web address from the certificate.
            </p>
            <p className="govuk-body">A certificate can also be withdrawn if it was issued by mistake.</p>
          </>
        )}
      </div>
    </div>
  );
}
