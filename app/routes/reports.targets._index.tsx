import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TargetProgressTable } from "~/components/TargetProgressTable";
import { BackLink, ButtonLink, Pagination } from "~/components/govuk";
import { targetsWithProgress } from "~/models/targets.server";
import { requireUserWith } from "~/utils/auth.server";
import { pageFromUrl } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { TARGET_FILTERS, type TargetFilter } from "~/forms/targets";

export const handle = { title: "Targets" };

const FILTER_LABELS: Record<TargetFilter, string> = { current: "Current targets", past: "Past targets", all: "All targets" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:read");
  const show = new URL(request.url).searchParams.get("show");
  const filter: TargetFilter = TARGET_FILTERS.find((f) => f === show) ?? "current";
  return {
    targets: await targetsWithProgress({ page: pageFromUrl(request), filter }),
    filter,
    canManage: can(user.roles, "target:manage"),
  };
}

export default function Targets() {
  const { targets, filter, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/reports">Back to reports</BackLink>
      <h1 className="govuk-heading-l">{FILTER_LABELS[filter]}</h1>
      <p className="govuk-body">
        Progress counts delivered sessions in each target&apos;s period. &ldquo;With bookings&rdquo; adds what is booked from today to the
        end of the period.
      </p>
      {canManage ? <ButtonLink href="/reports/targets/new">Add a target</ButtonLink> : null}
      <nav aria-label="Which targets">
        <ul className="govuk-list">
          {TARGET_FILTERS.filter((f) => f !== filter).map((f) => (
            <li key={f}>
              <a className="govuk-link" href={`/reports/targets?show=${f}`}>
                Show {FILTER_LABELS[f].toLowerCase()}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {targets.total === 0 ? (
        <p className="govuk-body">There are no {FILTER_LABELS[filter].toLowerCase()}.</p>
      ) : (
        <TargetProgressTable
          targets={targets.items}
          caption={`${targets.total} ${targets.total === 1 ? "target" : "targets"}`}
          canManage={canManage}
        />
      )}
      <Pagination
        page={targets.page}
        pageCount={targets.pageCount}
        hrefForPage={(p) => `?${new URLSearchParams({ show: filter, page: String(p) })}`}
      />
    </>
  );
}
