import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink, SummaryList, Table, Tag } from "~/components/govuk";
import { getPerson } from "~/models/people.server";
import { REGISTER_STATUS_LABELS } from "~/utils/attendance";
import { requireUserWith } from "~/utils/auth.server";
import { invariantResponse, idParam } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { formatDate, formatDateTime } from "~/utils/time";

export const handle = { title: (data: { person: { name: string } } | undefined) => data?.person.name ?? "Person" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "person:read");
  const person = await getPerson(idParam(params.personId));
  invariantResponse(person, "Person not found");
  return { person, canDownload: can(user.roles, "register:manage") };
}

export default function Person() {
  const { person, canDownload } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/people">Back to people</BackLink>
      <h1 className="govuk-heading-l">{person.name}</h1>
      <SummaryList
        rows={[
          { key: "Email", value: person.email ?? "Not known" },
          { key: "Organisation or employer", value: person.organisation ?? "Not known" },
          { key: "Job role", value: person.jobRole ?? "Not known" },
          ...(person.licenceNumber
            ? [
                { key: "Licence or badge number", value: person.licenceNumber },
                { key: "Licensing authority", value: person.licensingAuthority ?? "" },
              ]
            : []),
          ...(person.operator ? [{ key: "Taxi operator", value: person.operator.name }] : []),
        ]}
      />
      <Table
        caption="Sessions"
        captionClassName="govuk-table__caption--m"
        head={[{ text: "Date" }, { text: "Programme" }, { text: "Venue" }, { text: "Register" }]}
        rows={person.registerEntries.map((e) => ({
          key: e.id,
          cells: [
            { text: formatDateTime(new Date(e.session.startsAt)) },
            { text: e.session.programme.name },
            { text: e.session.venue.name },
            {
              text: (
                <Tag colour={e.status === "ATTENDED" ? "green" : e.status === "ABSENT" ? "red" : "grey"}>
                  {REGISTER_STATUS_LABELS[e.status]}
                </Tag>
              ),
            },
          ],
        }))}
      />
      <Table
        caption="Certificates"
        captionClassName="govuk-table__caption--m"
        head={[{ text: "Programme" }, { text: "Date attended" }, { text: "Refresher due" }, { text: "Number" }]}
        rows={person.certificates.map((c) => ({
          key: c.id,
          cells: [
            { text: c.session.programme.name },
            { text: formatDate(new Date(c.session.startsAt)) },
            { text: c.refresherDueOn ? formatDate(c.refresherDueOn) : "No refresher needed" },
            {
              text: canDownload ? (
                <a className="govuk-link" href={`/certificates/${c.id}`}>
                  {c.number}
                  <span className="govuk-visually-hidden"> (download the certificate)</span>
                </a>
              ) : (
                c.number
              ),
            },
          ],
        }))}
      />
      {person.certificates.length === 0 ? <p className="govuk-body">No certificates yet.</p> : null}
    </>
  );
}
