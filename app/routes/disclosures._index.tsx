import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Pagination, Select, Table, Tag } from "~/components/govuk";
import { RiskTag, StatusTag } from "~/components/disclosures/tags";
import { listFiltersSchema } from "~/forms/disclosures.server";
import { DISCLOSURE_STATUSES, RISK_LABELS, RISK_LEVELS, STATUS_LABELS } from "~/models/disclosure-options";
import { disclosureListPage } from "~/models/disclosures.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { throwHttpError } from "~/web/errors.server";
import { noStoreHeaders, pageFromUrl } from "~/utils/http.server";
import { formatDateTime } from "~/utils/time";

export const handle = { title: "Disclosures" };

export const headers = noStoreHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "disclosure:read");
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const raw = listFiltersSchema.parse(search);
  const filters = { ...raw, overdue: raw.overdue === "yes" };
  const page = await disclosureListPage(user, { page: pageFromUrl(request), filters }, requestMeta(request)).catch(throwHttpError);
  return { ...page, filters: raw };
}

export default function Disclosures() {
  const { disclosures, options, filters } = useLoaderData<typeof loader>();
  const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  const hrefForPage = (page: number) => `?${new URLSearchParams({ ...active, page: String(page) })}`;
  return (
    <>
      <h1 className="govuk-heading-l">Disclosures</h1>
      <p className="govuk-body">
        <a className="govuk-link" href="/disclosures/dashboard">
          Dashboard
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href="/disclosures/new">
          Log a disclosure
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href="/disclosures/categories">
          Concern categories
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href="/disclosures/settings">
          Name check and retention settings
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href="/disclosures/retention">
          Records past retention
        </a>
      </p>
      <form method="get" role="search" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              name="risk"
              label="Risk"
              defaultValue={filters.risk ?? ""}
              options={[{ value: "", text: "Any" }, ...RISK_LEVELS.map((r) => ({ value: r, text: RISK_LABELS[r] }))]}
            />
            <Select
              name="status"
              label="Status"
              defaultValue={filters.status ?? ""}
              options={[{ value: "", text: "Any" }, ...DISCLOSURE_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="categoryId"
              label="Concern"
              defaultValue={filters.categoryId ?? ""}
              options={[{ value: "", text: "Any" }, ...options.categories.map((c) => ({ value: c.id, text: c.label }))]}
            />
            <Select
              name="programmeId"
              label="Programme"
              defaultValue={filters.programmeId ?? ""}
              options={[{ value: "", text: "Any" }, ...options.programmes.map((p) => ({ value: p.id, text: p.name }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="from">
                Disclosed from
              </label>
              <input className="govuk-input govuk-input--width-10" id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="to">
                Disclosed to
              </label>
              <input className="govuk-input govuk-input--width-10" id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
            </div>
          </div>
        </div>
        <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4" data-module="govuk-checkboxes">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="overdue"
              name="overdue"
              type="checkbox"
              value="yes"
              defaultChecked={filters.overdue === "yes"}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="overdue">
              Only those with overdue actions
            </label>
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Filter
        </button>
      </form>
      <Table
        caption={`${disclosures.total.toLocaleString("en-GB")} ${disclosures.total === 1 ? "disclosure" : "disclosures"}`}
        captionClassName="govuk-table__caption--m"
        head={[
          { text: "Reference" },
          { text: "Disclosed" },
          { text: "Risk" },
          { text: "Status" },
          { text: "Concerns" },
          { text: "Overdue actions", format: "numeric" },
        ]}
        rows={disclosures.items.map((d) => ({
          key: d.id,
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/disclosures/${d.id}`}>
                  {d.reference}
                </a>
              ),
            },
            { text: formatDateTime(new Date(d.disclosedAt)) },
            { text: <RiskTag risk={d.risk} /> },
            {
              text: (
                <>
                  <StatusTag status={d.status} />
                  {d.legalHold ? (
                    <>
                      {" "}
                      <Tag colour="purple">Legal hold</Tag>
                    </>
                  ) : null}
                </>
              ),
            },
            { text: d.categories.join(", ") },
            { text: d.overdueActions ? <Tag colour="red">{d.overdueActions} overdue</Tag> : "0", format: "numeric" },
          ],
        }))}
      />
      <Pagination page={disclosures.page} pageCount={disclosures.pageCount} hrefForPage={hrefForPage} />
      <p className="govuk-body">
        <a className="govuk-link" href={`/disclosures/export?${new URLSearchParams(active)}`} download>
          Download these disclosures as CSV
        </a>{" "}
        (no account text; the download is recorded in the audit log)
      </p>
    </>
  );
}
