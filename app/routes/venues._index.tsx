import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink, Pagination, Select, Table, Tag } from "~/components/govuk";
import { venueListPage } from "~/models/venues.server";
import { requireUserWith } from "~/utils/auth.server";
import { pageFromUrl } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { VENUE_KIND_LABELS, VENUE_KINDS } from "~/forms/reference";
import { venueFiltersSchema } from "~/forms/reference.server";

export const handle = { title: "Venues" };

// Unknown or malformed filters are ignored rather than refused: this is a GET search form.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "venue:read");
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const filters = venueFiltersSchema.parse(params);
  return { ...(await venueListPage({ page: pageFromUrl(request), filters })), filters, canManage: can(user.roles, "venue:manage") };
}

export default function Venues() {
  const { venues, laCodes, filters, canManage } = useLoaderData<typeof loader>();
  const query = (extra: Record<string, string>) =>
    `?${new URLSearchParams(Object.entries({ ...filters, ...extra }).filter((e): e is [string, string] => !!e[1]))}`;
  const sortLink = (label: string, asc: string, desc?: string) => {
    const current = filters.sort ?? "name";
    const state = current === asc ? "ascending" : desc && current === desc ? "descending" : null;
    const next = state === "ascending" && desc ? desc : asc;
    return (
      <a className="govuk-link" href={query({ sort: next, page: "" })}>
        {label}
        {state ? <span className="govuk-visually-hidden"> (sorted {state})</span> : null}
        {state ? <span aria-hidden="true">{state === "ascending" ? " ▲" : " ▼"}</span> : null}
      </a>
    );
  };
  return (
    <>
      <h1 className="govuk-heading-l">Venues</h1>
      {canManage ? (
        <div className="govuk-button-group">
          <ButtonLink href="/venues/new">Add a venue</ButtonLink>
          <ButtonLink href="/venues/import" variant="secondary">
            Import schools from GIAS
          </ButtonLink>
        </div>
      ) : null}
      <form method="get" role="search" aria-label="Filter venues" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="q">
                Name, URN or postcode
              </label>
              <input className="govuk-input" id="q" name="q" type="search" defaultValue={filters.q ?? ""} />
            </div>
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="kind"
              label="Kind"
              defaultValue={filters.kind ?? ""}
              options={[{ value: "", text: "All kinds" }, ...VENUE_KINDS.map((k) => ({ value: k, text: VENUE_KIND_LABELS[k] }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="status"
              label="Status"
              defaultValue={filters.status ?? ""}
              options={[
                { value: "", text: "Open and closed" },
                { value: "OPEN", text: "Open" },
                { value: "CLOSED", text: "Closed" },
                { value: "ARCHIVED", text: "Archived" },
              ]}
            />
          </div>
        </div>
        <Select
          name="laCode"
          label="Local authority code"
          defaultValue={filters.laCode ?? ""}
          options={[{ value: "", text: "All" }, ...laCodes.map((c) => ({ value: c, text: c }))]}
        />
        {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filters
        </button>
      </form>
      <Table
        caption={`${venues.total.toLocaleString("en-GB")} ${venues.total === 1 ? "venue" : "venues"}`}
        captionClassName="govuk-table__caption--m"
        head={[
          { text: sortLink("Name", "name", "-name") },
          { text: sortLink("Kind", "kind") },
          { text: sortLink("Postcode", "postcode") },
          { text: sortLink("LA", "la") },
          { text: sortLink("On roll", "-roll", "roll"), format: "numeric" },
          { text: "Status" },
        ]}
        rows={venues.items.map((v) => ({
          key: v.id,
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/venues/${v.id}`}>
                  {v.name}
                </a>
              ),
            },
            { text: VENUE_KIND_LABELS[v.kind] },
            { text: v.postcode ?? "–" },
            { text: v.laCode ?? "–" },
            { text: v.numberOnRoll?.toLocaleString("en-GB") ?? "–", format: "numeric" },
            {
              text: v.archivedAt ? (
                <Tag colour="grey">Archived</Tag>
              ) : v.status === "CLOSED" ? (
                <Tag colour="red">Closed</Tag>
              ) : (
                <Tag colour="green">Open</Tag>
              ),
            },
          ],
        }))}
      />
      <Pagination page={venues.page} pageCount={venues.pageCount} hrefForPage={(p) => query({ page: String(p) })} />
    </>
  );
}
