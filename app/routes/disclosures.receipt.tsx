import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Panel } from "~/components/govuk";
import { requireUserWith } from "~/utils/auth.server";
import { noStoreHeaders } from "~/utils/http.server";
import { takeReceipt } from "~/utils/flash.server";
import { can } from "~/utils/permissions";

export const handle = { title: "Disclosure logged" };

// Shown once, straight after logging: the reference only. A logger who is not a lead can never see the record.
export const headers = noStoreHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "disclosure:log");
  const { receipt, setCookie } = await takeReceipt(request);
  if (!receipt) throw redirect("/disclosures/new");
  const canRead = can(user.roles, "disclosure:read");
  return data(
    { reference: receipt.reference, recordHref: canRead ? `/disclosures/${receipt.id}` : null },
    { headers: { "Set-Cookie": setCookie } },
  );
}

export default function Receipt() {
  const { reference, recordHref } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="Disclosure logged">
          Your reference
          <br />
          <strong>{reference}</strong>
        </Panel>
        <p className="govuk-body">Write the reference down. The safeguarding leads have been told and will contact you if they need to.</p>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          You cannot open the record again: only the safeguarding leads can read it. If you remember something else, tell a safeguarding
          lead and quote the reference.
        </p>
        {recordHref ? (
          <p className="govuk-body">
            <a className="govuk-link" href={recordHref}>
              Open the record
            </a>
          </p>
        ) : null}
        <p className="govuk-body">
          <a className="govuk-link" href="/disclosures/new">
            Log another disclosure
          </a>
        </p>
      </div>
    </div>
  );
}
