import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink, Pagination, Table } from "~/components/govuk";
import { listProgrammes } from "~/models/programmes.server";
import { requireUserWith } from "~/utils/auth.server";
import { pageFromUrl } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { AUDIENCE_LABELS, PROGRAMME_KIND_LABELS } from "~/forms/reference";

export const handle = { title: "Programmes" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "programme:read");
  const archived = new URL(request.url).searchParams.get("archived") === "1";
  return {
    programmes: await listProgrammes({ page: pageFromUrl(request), archived }),
    archived,
    canManage: can(user.roles, "programme:manage"),
  };
}

export default function Programmes() {
  const { programmes, archived, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{archived ? "Archived programmes" : "Programmes"}</h1>
      {canManage ? <ButtonLink href="/programmes/new">Add a programme</ButtonLink> : null}
      <p className="govuk-body">
        {archived ? (
          <a className="govuk-link" href="/programmes">
            Show current programmes
          </a>
        ) : (
          <a className="govuk-link" href="/programmes?archived=1">
            Show archived programmes
          </a>
        )}
      </p>
      <Table
        caption={`${programmes.total} ${programmes.total === 1 ? "programme" : "programmes"}`}
        captionClassName="govuk-table__caption--m"
        head={[
          { text: "Name" },
          { text: "Kind" },
          { text: "Audience" },
          { text: "Duration", format: "numeric" },
          { text: "Capacity", format: "numeric" },
        ]}
        rows={programmes.items.map((p) => ({
          key: p.id,
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/programmes/${p.id}`}>
                  {p.name}
                </a>
              ),
            },
            { text: PROGRAMME_KIND_LABELS[p.kind] },
            {
              text:
                p.audienceType === "PUPILS" && p.yearGroups
                  ? `Pupils, Year ${p.yearGroups.split(",").join(", ")}`
                  : AUDIENCE_LABELS[p.audienceType],
            },
            { text: `${p.defaultDurationMinutes} min`, format: "numeric" },
            { text: p.capacity ?? "–", format: "numeric" },
          ],
        }))}
      />
      <Pagination
        page={programmes.page}
        pageCount={programmes.pageCount}
        hrefForPage={(p) => `?${new URLSearchParams({ ...(archived ? { archived: "1" } : {}), page: String(p) })}`}
      />
    </>
  );
}
