import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Pagination, Table } from "~/components/govuk";
import { SearchForm, searchPageHref } from "~/components/forms/SearchForm";
import { listPeople } from "~/models/people.server";
import { requireUserWith } from "~/utils/auth.server";
import { pageFromUrl, queryText } from "~/utils/http.server";

export const handle = { title: "People" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "person:read");
  const query = queryText(request, "q", 100);
  return { people: await listPeople({ page: pageFromUrl(request), query }), query: query ?? "" };
}

export default function People() {
  const { people, query } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">People</h1>
      <p className="govuk-body">Council staff and drivers who have been on a register, with their sessions and certificates.</p>
      <SearchForm label="Search by name, email, organisation or licence number" query={query} />
      <Table
        caption={`${people.total.toLocaleString("en-GB")} ${people.total === 1 ? "person" : "people"}`}
        captionClassName="govuk-table__caption--m"
        head={[
          { text: "Name" },
          { text: "Email" },
          { text: "Organisation or operator" },
          { text: "Licence" },
          { text: "Certificates", format: "numeric" },
        ]}
        rows={people.items.map((p) => ({
          key: p.id,
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/people/${p.id}`}>
                  {p.name}
                </a>
              ),
            },
            { text: p.email ?? "" },
            { text: [p.organisation, p.operator?.name].filter(Boolean).join(", ") },
            { text: p.licenceNumber ? `${p.licenceNumber} (${p.licensingAuthority})` : "" },
            { text: String(p._count.certificates), format: "numeric" },
          ],
        }))}
      />
      <Pagination page={people.page} pageCount={people.pageCount} hrefForPage={searchPageHref(query)} />
    </>
  );
}
