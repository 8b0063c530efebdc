import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink, Pagination, Table, Tag } from "~/components/govuk";
import { SearchForm, searchPageHref } from "~/components/forms/SearchForm";
import { listUsers } from "~/models/users.server";
import { requireUserWith } from "~/utils/auth.server";
import { pageFromUrl, queryText } from "~/utils/http.server";
import { ROLE_LABELS } from "~/utils/permissions";
import { formatDateTime } from "~/utils/time";

export const handle = { title: "Users" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "user:manage");
  const query = queryText(request, "q", 100);
  return { users: await listUsers({ page: pageFromUrl(request), query }), query: query ?? "" };
}

export default function Users() {
  const { users, query } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Users</h1>
      <ButtonLink href="/admin/users/new">Add a user</ButtonLink>
      <SearchForm label="Search by name or email" query={query} />
      <Table
        caption={`${users.total.toLocaleString("en-GB")} ${users.total === 1 ? "user" : "users"}`}
        captionClassName="govuk-table__caption--m"
        head={[{ text: "Name" }, { text: "Email" }, { text: "Roles" }, { text: "Last signed in" }, { text: "Status" }]}
        rows={users.items.map((u) => ({
          key: u.id,
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/admin/users/${u.id}`}>
                  {u.name}
                </a>
              ),
            },
            { text: u.email },
            { text: u.roles.map((r) => ROLE_LABELS[r]).join(", ") || "None" },
            { text: u.lastSignInAt ? formatDateTime(new Date(u.lastSignInAt)) : "Never" },
            { text: u.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag> },
          ],
        }))}
      />
      <Pagination page={users.page} pageCount={users.pageCount} hrefForPage={searchPageHref(query)} />
    </>
  );
}
