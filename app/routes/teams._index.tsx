import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink, Pagination, Table } from "~/components/govuk";
import { listTeams } from "~/models/teams.server";
import { requireUserWith } from "~/utils/auth.server";
import { pageFromUrl } from "~/utils/http.server";
import { WEEKDAY_LABELS, WEEKDAYS } from "~/forms/reference";

export const handle = { title: "Touring teams" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "team:manage");
  return { teams: await listTeams({ page: pageFromUrl(request) }) };
}

const days = (list: string) =>
  list
    .split(",")
    .filter((d): d is (typeof WEEKDAYS)[number] => (WEEKDAYS as readonly string[]).includes(d))
    .map((d) => WEEKDAY_LABELS[d].slice(0, 3))
    .join(", ");

export default function Teams() {
  const { teams } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Touring teams and trainers</h1>
      <ButtonLink href="/teams/new">Add a team</ButtonLink>
      <Table
        caption={`${teams.total} ${teams.total === 1 ? "team" : "teams"}`}
        captionClassName="govuk-table__caption--m"
        head={[
          { text: "Name" },
          { text: "Provider" },
          { text: "Sessions a day", format: "numeric" },
          { text: "Works on" },
          { text: "Base" },
          { text: "Members", format: "numeric" },
          { text: <span className="govuk-visually-hidden">Calendar feed</span> },
        ]}
        rows={teams.items.map((t) => ({
          key: t.id,
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/teams/${t.id}/edit`}>
                  {t.name}
                </a>
              ),
            },
            { text: t.provider ?? "–" },
            { text: t.sessionsPerDay, format: "numeric" },
            { text: days(t.workingWeekdays) },
            {
              text: (
                <>
                  {t.basePostcode ?? "–"}
                  {t.baseEasting != null && t.baseNorthing != null ? (
                    <>
                      <br />
                      <span className="govuk-hint govuk-!-margin-bottom-0">
                        Easting {t.baseEasting}, northing {t.baseNorthing}
                      </span>
                    </>
                  ) : null}
                </>
              ),
            },
            { text: t._count.members, format: "numeric" },
            {
              text: (
                <a className="govuk-link" href={`/teams/${t.id}/feed`}>
                  Calendar feed<span className="govuk-visually-hidden"> for {t.name}</span>
                </a>
              ),
            },
          ],
        }))}
      />
      <Pagination page={teams.page} pageCount={teams.pageCount} hrefForPage={(p) => `?page=${p}`} />
    </>
  );
}
