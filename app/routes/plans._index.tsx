// Tour plans, newest first, each with its latest version's state.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink, Pagination, Table } from "~/components/govuk";
import { PlanStatusTag } from "~/components/plans/PlanStatusTag";
import { listPlans } from "~/models/tour-plans.server";
import { requireUserWith } from "~/utils/auth.server";
import { pageFromUrl } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { formatShortDate } from "~/utils/time";

export const handle = { title: "Tour plans" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  const draftOnly = new URL(request.url).searchParams.get("show") === "draft";
  return { plans: await listPlans({ page: pageFromUrl(request), draftOnly }), draftOnly, canPlan: can(user.roles, "plan:create") };
}

export default function Plans() {
  const { plans, draftOnly, canPlan } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Tour plans</h1>
      <p className="govuk-body">
        A plan proposes a term's tour that reaches the target and every school, obeying the same rules as a booking. Book it in one step
        when it is right.
      </p>
      {canPlan ? <ButtonLink href="/plans/new">Plan a tour</ButtonLink> : null}
      <Table
        caption={`${plans.total.toLocaleString("en-GB")} ${plans.total === 1 ? "plan" : "plans"}${draftOnly ? " in draft (planned, not booked)" : ""}`}
        captionClassName="govuk-table__caption--m"
        head={[{ text: "Programme" }, { text: "Dates" }, { text: "Target" }, { text: "Latest version" }, { text: "Asked for by" }]}
        rows={plans.items.map((p) => ({
          key: p.id,
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/plans/${p.id}`}>
                  {p.programme.name}
                  <span className="govuk-visually-hidden">, {formatShortDate(p.fromDate)}</span>
                </a>
              ),
            },
            { text: `${formatShortDate(p.fromDate)} to ${formatShortDate(p.toDate)}` },
            { text: p.targetKind === "PUPILS" ? `${(p.targetPupils ?? 0).toLocaleString("en-GB")} pupils` : "Every school" },
            { text: p.latest ? <PlanStatusTag number={p.latest.number} status={p.latest.status} booked={!!p.latest.bookedAt} /> : "" },
            { text: p.createdBy?.name ?? "" },
          ],
        }))}
      />
      <Pagination page={plans.page} pageCount={plans.pageCount} hrefForPage={(page) => `/plans?page=${page}`} />
    </>
  );
}
